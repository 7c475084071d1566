"""Read, convert and stage many seeds, on the build's fork pool when there are enough of them.

Each seed is read and converted where it is processed, and a new content file is written
there too, as a temporary file in the content folder (`stage`); the parent only picks the
final file name and renames it. So only small results cross between processes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from sitegen.config import ConvertConfig
from sitegen.convert.reading import warm_up
from sitegen.convert.seed import convert_seed
from sitegen.convert.site_template import SiteLines, Template
from sitegen.convert.topics import Taxonomy
from sitegen.errors import Problem
from sitegen.parallel import map_chunks

PARALLEL_THRESHOLD = 200
"""Use the process pool only when more seeds than this need converting."""
CHUNK = 50
"""Seeds per task sent to a worker (and per progress report)."""
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)
_TMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_counter = itertools.count()


@dataclass(frozen=True, slots=True)
class Job:
    """The settings shared by every seed of one run (present: names in the content folder)."""

    seeds_dir: Path
    content_dir: Path
    config: ConvertConfig
    taxonomy: Taxonomy
    present: Collection[str]
    today: dt.date | None = None
    """The last day a publication date may fall on (None: no limit)."""
    templates: Mapping[str, Template] = field(default_factory=dict)
    """The template lines of each source (site_template.py)."""


class SeedResult(NamedTuple):
    """One seed as read from disk and converted (a plain tuple: cheap to send between processes).

    A new content file is either staged (`staged`: a temporary file in the content folder) or
    carried in `text`; `content_sha256` is its hash.
    """

    name: str
    size: int
    mtime_ns: int
    sha256: str
    """Of the seed's bytes; "" when it could not be read."""
    ok: bool
    problems: list[Problem]
    slug_base: str = ""
    draft: bool = False
    text: str = ""
    staged: str | None = None
    content_sha256: str = ""
    site: SiteLines | None = None


def _read(path: str, name: str, config: ConvertConfig) -> tuple[int, int, bytes | Problem]:
    """Size, mtime and bytes of a seed, or the Problem that rejects it."""
    try:
        fd = os.open(path, _READ_FLAGS)
        try:
            stat = os.fstat(fd)
            data = (
                _read_up_to(fd, config.max_seed_bytes + 1, stat.st_size)
                if stat.st_size <= config.max_seed_bytes
                else b""
            )
        finally:
            os.close(fd)
    except OSError as exc:
        return (
            0,
            0,
            Problem(
                name,
                None,
                f"seed rejected: cannot read it ({exc.strerror}).",
                "Check the file's permissions.",
            ),
        )
    if stat.st_size > config.max_seed_bytes:
        return (
            stat.st_size,
            stat.st_mtime_ns,
            Problem(
                name,
                None,
                f"seed rejected: larger than max_seed_bytes ({stat.st_size} > {config.max_seed_bytes} bytes).",
                "Fix or delete the seed file; the other seeds were converted.",
            ),
        )
    return stat.st_size, stat.st_mtime_ns, data


def _read_up_to(fd: int, limit: int, size: int) -> bytes:
    """Read until end of file or `limit` bytes; a buffer of the file's size (+1) first, not of `limit`."""
    parts = []
    total = 0
    while total < limit:
        chunk = os.read(fd, min(limit - total, max(size + 1 - total, 65536) if total else size + 1))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def stage(data: bytes, content_dir: str) -> str:
    """Write bytes to a new temporary file in the content folder; return its name."""
    while True:
        name = f".convert-{os.getpid()}-{next(_counter)}.tmp"
        path = os.path.join(content_dir, name)
        try:
            fd = os.open(path, _TMP_FLAGS, 0o666)
        except FileExistsError:
            continue
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        except BaseException:
            os.close(fd)
            os.unlink(path)
            raise
        os.close(fd)
        return name


def _process(name: str, job: Job) -> SeedResult:
    """Read and convert one seed; stage its content file when its natural name is still free."""
    size, mtime_ns, data = _read(os.path.join(job.seeds_dir, name), name, job.config)
    if isinstance(data, Problem):
        return SeedResult(name, size, mtime_ns, "", False, [data])
    converted = convert_seed(name, data, job.config, job.taxonomy, job.today, job.templates)
    sha = hashlib.sha256(data).hexdigest()
    if not converted.ok:
        return SeedResult(name, size, mtime_ns, sha, False, converted.problems)
    text = converted.text.encode("utf-8")
    head = (
        name,
        size,
        mtime_ns,
        sha,
        True,
        converted.problems,
        converted.slug_base,
        converted.draft,
    )
    if f"{converted.slug_base}.md" in job.present:
        return SeedResult(
            *head, converted.text, None, hashlib.sha256(text).hexdigest(), converted.site
        )
    return SeedResult(
        *head,
        "",
        stage(text, str(job.content_dir)),
        hashlib.sha256(text).hexdigest(),
        converted.site,
    )


def discard(results: list[SeedResult], content_dir: Path) -> None:
    """Delete staged files that were not used."""
    for result in results:
        if result.staged:
            Path(content_dir, result.staged).unlink(missing_ok=True)


def sweep(content_dir: Path) -> None:
    """Delete every staged file left in the content folder (after a failed run)."""
    for path in content_dir.glob(".convert-*.tmp"):
        path.unlink(missing_ok=True)


def _chunk(job: Job, names: Sequence[str]) -> list[SeedResult]:
    """Convert a run of seeds; a failure deletes the files this run staged."""
    results: list[SeedResult] = []
    try:
        for name in names:
            results.append(_process(name, job))
    except BaseException:
        discard(results, job.content_dir)
        raise
    return results


def convert_all(
    names: list[str], job: Job, workers: int | None, progress: Callable[[int, int], None] | None
) -> list[SeedResult]:
    """Convert seeds in name order; the same output in one process or many.

    The pool's workers are handed `job` when they are forked, so the compiled taxonomy is
    never pickled. A failure here or in a worker (Ctrl-C too) deletes every staged file.
    """
    total = len(names)
    done = 0

    def on_chunk(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, total)

    try:
        return map_chunks(
            _chunk,
            names,
            job,
            workers,
            on_chunk,
            min_parallel=PARALLEL_THRESHOLD + 1,
            chunk=CHUNK,
            step=CHUNK,
            before_fork=warm_up,  # models and date data load once, then every worker shares them
        )
    except BaseException:
        sweep(job.content_dir)  # the pool is gone: nothing stages any more
        raise
