"""Run a function over many items on every core (fork), in order, or in-process when small."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 400  # below this many items the fork costs more than it saves


def worker_count(requested: int | None) -> int:
    """Workers to use: the requested number, or one per core."""
    if requested and requested > 0:
        return requested
    return max(
        1,
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1),
    )


def map_chunks(
    func: Callable[[Sequence[T]], list[R]],
    items: Sequence[T],
    workers: int | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> list[R]:
    """func(chunk) -> results, for chunks of items; results in the items' order.

    Workers are forked, so they see the parent's module state as it is at this call.
    """
    count = worker_count(workers)
    if count > 1 and len(items) >= MIN_PARALLEL:
        import multiprocessing  # here: a build of a few pages need not load it
    if (
        count == 1
        or len(items) < MIN_PARALLEL
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        results = []
        step = 256
        for start in range(0, len(items), step):
            results += func(items[start : start + step])
            if on_chunk:
                on_chunk(min(step, len(items) - start))
        return results
    size = max(64, min(512, len(items) // (count * 8) or 1))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    results: list[R] = []
    with multiprocessing.get_context("fork").Pool(count) as pool:
        for part, chunk in zip(pool.imap(func, chunks), chunks, strict=True):
            results += part
            if on_chunk:
                on_chunk(len(chunk))
    return results
