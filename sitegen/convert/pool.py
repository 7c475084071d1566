"""Read and convert many seeds, in a fork process pool when there are enough of them."""
from __future__ import annotations

import hashlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sitegen.config import ConvertConfig
from sitegen.convert.seed import Converted, convert_seed
from sitegen.convert.topics import Taxonomy
from sitegen.errors import Problem

PARALLEL_THRESHOLD = 200
"""Use the process pool only when more seeds than this need converting."""
CHUNK = 100
"""Seeds per task sent to a worker."""
_JOB: tuple[Path, ConvertConfig, Taxonomy] | None = None
"""Inherited by forked workers, so the compiled taxonomy is not pickled per task."""


@dataclass(frozen=True, slots=True)
class SeedResult:
    """One seed as read from disk and converted."""

    name: str
    size: int
    mtime_ns: int
    sha256: str
    converted: Converted


def read_and_convert(name: str, seeds_dir: Path, config: ConvertConfig, taxonomy: Taxonomy) -> SeedResult:
    """Read one seed (with its size and mtime) and convert it."""
    try:
        with open(seeds_dir / name, "rb") as handle:
            stat = os.fstat(handle.fileno())
            data = handle.read(config.max_seed_bytes + 1) if stat.st_size <= config.max_seed_bytes else b""
    except OSError as exc:
        problem = Problem(name, None, f"seed rejected: cannot read it ({exc.strerror}).", "Check the file's permissions.")
        return SeedResult(name, 0, 0, "", Converted(name, False, problems=[problem]))
    if stat.st_size > config.max_seed_bytes:
        problem = Problem(name, None, f"seed rejected: larger than max_seed_bytes ({stat.st_size} > {config.max_seed_bytes} bytes).",
                          "Fix or delete the seed file; the other seeds were converted.")
        return SeedResult(name, stat.st_size, stat.st_mtime_ns, "", Converted(name, False, problems=[problem]))
    return SeedResult(name, stat.st_size, stat.st_mtime_ns, hashlib.sha256(data).hexdigest(),
                      convert_seed(name, data, config, taxonomy))


def _chunk(names: list[str]) -> list[SeedResult]:
    """Worker task: convert a run of seeds with the inherited job settings."""
    assert _JOB is not None
    seeds_dir, config, taxonomy = _JOB
    return [read_and_convert(name, seeds_dir, config, taxonomy) for name in names]


def convert_all(names: list[str], seeds_dir: Path, config: ConvertConfig, taxonomy: Taxonomy,
                workers: int | None, progress: Callable[[int, int], None] | None) -> list[SeedResult]:
    """Convert seeds in name order; the same output in one process or many."""
    global _JOB
    workers = workers or os.cpu_count() or 1
    total = len(names)
    fork = "fork" in multiprocessing.get_all_start_methods()
    if workers == 1 or total <= PARALLEL_THRESHOLD or not fork:
        results = []
        for done, name in enumerate(names, 1):
            results.append(read_and_convert(name, seeds_dir, config, taxonomy))
            if progress and (done % CHUNK == 0 or done == total):
                progress(done, total)
        return results
    _JOB = (seeds_dir, config, taxonomy)
    chunks = [names[start:start + CHUNK] for start in range(0, total, CHUNK)]
    results = []
    try:
        with ProcessPoolExecutor(min(workers, len(chunks)), mp_context=multiprocessing.get_context("fork")) as pool:
            for part in pool.map(_chunk, chunks):
                results += part
                if progress:
                    progress(len(results), total)
    finally:
        _JOB = None
    return results
