"""parallel.map_chunks: results in the items' order, the same with one worker or many."""

from __future__ import annotations

import os

from sitegen.parallel import MIN_PARALLEL, map_chunks, worker_count

_seen: list[int] = []  # set before forking: workers must inherit module state


def _square_with_pid(chunk):
    return [(item * item, os.getpid(), len(_seen)) for item in chunk]


def test_parallel_results_equal_serial_results_in_order() -> None:
    items = list(range(MIN_PARALLEL * 3 + 17))
    _seen[:] = [1, 2, 3]
    serial = map_chunks(_square_with_pid, items, workers=1)
    parallel = map_chunks(_square_with_pid, items, workers=2)
    assert [r[0] for r in serial] == [i * i for i in items]
    assert [r[0] for r in parallel] == [r[0] for r in serial]
    assert {r[2] for r in parallel} == {3}  # forked workers saw the parent's module state
    assert {r[1] for r in serial} == {os.getpid()}
    assert os.getpid() not in {r[1] for r in parallel}


def test_small_jobs_stay_in_process_and_report_progress() -> None:
    done = []
    results = map_chunks(_square_with_pid, list(range(10)), workers=4, on_chunk=done.append)
    assert [r[0] for r in results] == [i * i for i in range(10)]
    assert {r[1] for r in results} == {os.getpid()}
    assert sum(done) == 10


def test_progress_counts_every_item_when_parallel() -> None:
    done = []
    map_chunks(_square_with_pid, list(range(MIN_PARALLEL * 2)), workers=2, on_chunk=done.append)
    assert sum(done) == MIN_PARALLEL * 2


def test_worker_count() -> None:
    assert worker_count(3) == 3
    assert worker_count(None) >= 1
    assert worker_count(0) == worker_count(None)
