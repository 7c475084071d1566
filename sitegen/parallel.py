"""The build's one process pool: func(context, chunk) over chunks of items, in the items' order.

With more than one worker and enough items the chunks go to forked worker processes; each
worker is handed `func` and `context` when it is forked (neither is ever pickled), so only
the chunks go out and only their results come back. Otherwise, or where fork is missing,
the chunks run in this process. The results are the same either way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

C = TypeVar("C")
T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 400
"""Items below which the fork costs more than it saves (the default of map_chunks)."""
STEP = 256
"""Items per call when running in this process (how often on_chunk hears of progress)."""

_task: tuple[Callable[[Any, Sequence[Any]], list[Any]], Any] | None = None
"""Set only in a forked worker, once, when it starts: the func and context of its pool."""


def worker_count(requested: int | None) -> int:
    """Workers to use: the requested number, or one per core."""
    if requested and requested > 0:
        return requested
    return max(
        1,
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1),
    )


def chunk_size(count: int, workers: int) -> int:
    """Items per task: about eight tasks per worker, from 64 to 512 items each."""
    return max(64, min(512, count // (workers * 8) or 1))


def map_chunks(
    func: Callable[[C, Sequence[T]], list[R]],
    items: Sequence[T],
    context: C,
    workers: int | None = None,
    on_chunk: Callable[[int], None] | None = None,
    *,
    min_parallel: int = MIN_PARALLEL,
    chunk: int | None = None,
    step: int = STEP,
    before_fork: Callable[[], None] | None = None,
) -> list[R]:
    """func(context, chunk) -> results, for consecutive chunks of items; results in the items' order.

    Forks `workers` processes (default: one per core) when there are at least `min_parallel`
    items, sending them `chunk` items at a time (default: chunk_size); else runs `step` items
    at a time here. `before_fork` runs just before the fork (to load what every worker should
    share). `on_chunk(n)` is told of each chunk done, in order. An exception in func is raised
    here, from the first chunk (in order) that raised it; chunks not yet started are dropped
    and the workers are gone before it is raised.
    """
    count = worker_count(workers)
    if count > 1 and len(items) >= min_parallel:
        import multiprocessing  # here: a build of a few pages need not load it

        if "fork" in multiprocessing.get_all_start_methods():
            size = chunk or chunk_size(len(items), count)
            chunks = [items[start : start + size] for start in range(0, len(items), size)]
            if before_fork:
                before_fork()
            return _forked(func, chunks, context, min(count, len(chunks)), on_chunk)
    results: list[R] = []
    for start in range(0, len(items), step):
        part = items[start : start + step]
        results += func(context, part)
        if on_chunk:
            on_chunk(len(part))
    return results


def _forked(
    func: Callable[[C, Sequence[T]], list[R]],
    chunks: list[Sequence[T]],
    context: C,
    count: int,
    on_chunk: Callable[[int], None] | None,
) -> list[R]:
    """Run the chunks on `count` forked workers, each started with func and context."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    results: list[R] = []
    with ProcessPoolExecutor(
        count,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start,
        initargs=(func, context),  # handed over by the fork itself, not pickled
    ) as pool:
        try:
            futures = [pool.submit(_run, part) for part in chunks]
            for future, part in zip(futures, chunks, strict=True):
                results += future.result()
                if on_chunk:
                    on_chunk(len(part))
        except BaseException:  # a worker's error, or this process's (Ctrl-C)
            pool.shutdown(cancel_futures=True)  # waits for the chunks already running
            raise
    return results


def _start(func: Callable[[Any, Sequence[Any]], list[Any]], context: Any) -> None:
    """In a new worker: keep the func and context it was forked with."""
    global _task
    _task = (func, context)


def _run(part: Sequence[Any]) -> list[Any]:
    """In a worker: one chunk."""
    assert _task is not None
    func, context = _task
    return func(context, part)
