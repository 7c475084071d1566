"""parallel.map_chunks: func(context, chunk) in order, the same in-process and forked; errors surface."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence

import pytest

from sitegen.parallel import MIN_PARALLEL, chunk_size, map_chunks, worker_count


class _Context:
    """A context that cannot be pickled (it holds a lock): workers must get it by fork."""

    def __init__(self, offset: int) -> None:
        self.offset = offset
        self.lock = threading.Lock()


def _shifted(context: _Context, chunk: Sequence[int]) -> list[tuple[int, int, int]]:
    return [(item + context.offset, os.getpid(), len(chunk)) for item in chunk]


def _failing(context: _Context, chunk: Sequence[int]) -> list[int]:
    if context.offset in chunk:
        raise ValueError(f"bad item {context.offset}")
    return list(chunk)


def test_forked_results_equal_in_process_results_in_order() -> None:
    items = list(range(MIN_PARALLEL * 3 + 17))
    context = _Context(1000)
    serial = map_chunks(_shifted, items, context, workers=1)
    parallel = map_chunks(_shifted, items, context, workers=2)
    assert [r[0] for r in serial] == [i + 1000 for i in items]  # the context reached func
    assert [r[0] for r in parallel] == [r[0] for r in serial]
    assert {r[1] for r in serial} == {os.getpid()}
    assert os.getpid() not in {r[1] for r in parallel}  # run in forked workers
    assert len({r[1] for r in parallel}) == 2


def test_the_context_is_the_one_of_this_call() -> None:
    items = list(range(MIN_PARALLEL))
    first = map_chunks(_shifted, items, _Context(1), workers=2)
    second = map_chunks(_shifted, items, _Context(-1), workers=2)
    assert [r[0] for r in first] == [i + 1 for i in items]
    assert [r[0] for r in second] == [i - 1 for i in items]


def test_small_jobs_stay_in_process_and_report_progress() -> None:
    done: list[int] = []
    forks: list[int] = []
    results = map_chunks(
        _shifted, list(range(10)), _Context(5), workers=4, on_chunk=done.append,
        before_fork=lambda: forks.append(1),
    )  # fmt: skip
    assert [r[0] for r in results] == [i + 5 for i in range(10)]
    assert {r[1] for r in results} == {os.getpid()}
    assert sum(done) == 10 and forks == []


def test_chunk_sizes_threshold_and_before_fork_are_the_callers() -> None:
    items = list(range(230))
    forks: list[int] = []
    forked = map_chunks(
        _shifted, items, _Context(0), workers=2, min_parallel=201, chunk=50, step=50,
        before_fork=lambda: forks.append(os.getpid()),
    )  # fmt: skip
    assert forks == [os.getpid()]  # once, here, before the workers exist
    assert os.getpid() not in {r[1] for r in forked}
    assert [r[2] for r in forked] == [50] * 200 + [30] * 30
    done: list[int] = []
    in_process = map_chunks(
        _shifted, items[:201], _Context(0), workers=2, on_chunk=done.append, min_parallel=202,
        step=50,
    )  # fmt: skip
    assert {r[1] for r in in_process} == {os.getpid()}
    assert done == [50, 50, 50, 50, 1]


def test_progress_counts_every_item_when_forked() -> None:
    done: list[int] = []
    items = list(range(MIN_PARALLEL * 2))
    map_chunks(_shifted, items, _Context(0), workers=2, on_chunk=done.append)
    size = chunk_size(len(items), 2)
    assert done == [min(size, len(items) - start) for start in range(0, len(items), size)]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_error_in_func_is_raised_by_map_chunks(workers: int) -> None:
    with pytest.raises(ValueError, match="bad item 700"):
        map_chunks(_failing, list(range(MIN_PARALLEL * 3)), _Context(700), workers=workers)


def test_worker_count() -> None:
    assert worker_count(3) == 3
    assert worker_count(None) >= 1
    assert worker_count(0) == worker_count(None)
