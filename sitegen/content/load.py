"""content/*.md -> Briefings: the changed files parsed on every core, the rest reused from the last build.

Each file is parsed by parse.py; a worker also renders a new body to HTML once (bodies.py),
so that rendering pages later finds it cached.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from sitegen.config import SiteConfig
from sitegen.content.parse import read_briefing
from sitegen.errors import Problem
from sitegen.model import Briefing


def _load_chunk(
    config: SiteConfig, rels: Sequence[str]
) -> list[tuple[str, Briefing | None, Problem | None]]:
    """Parse a run of content files (a pool task: `config` is the pool's context)."""
    from sitegen.content import (
        bodies,  # here: it brings markdown-it, which a build with nothing to parse never needs
    )

    out = []
    for rel in rels:
        loaded = read_briefing(config.root, rel, config.tz, config.permalink)
        if (
            loaded.briefing is not None
            and not bodies.cache_path(config, loaded.briefing.body_hash).exists()
        ):
            bodies.store(config, loaded.briefing.body_hash, loaded.body)
        out.append((rel, loaded.briefing, loaded.problem))
    return out


def scan_content(content_dir: Path, root: Path) -> dict[str, tuple[int, int]]:
    """Every *.md under content/ (site-relative path) with its mtime and size."""
    found: dict[str, tuple[int, int]] = {}
    if not content_dir.is_dir():
        return found
    prefix = (
        content_dir.relative_to(root).as_posix()
        if content_dir.is_relative_to(root)
        else content_dir.as_posix()
    )
    stack = [(content_dir, prefix)]
    while stack:
        folder, rel_folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                rel = f"{rel_folder}/{entry.name}"
                try:
                    is_dir = entry.is_dir()
                    st = entry.stat() if not is_dir and entry.name.endswith(".md") else None
                except OSError:  # a dangling or looping link: read_briefing reports it
                    is_dir, st = False, None
                    if entry.name.endswith(".md"):
                        found[rel] = (0, -1)
                if is_dir:
                    stack.append((Path(entry.path), rel))
                elif st is not None:
                    found[rel] = (st.st_mtime_ns, st.st_size)
    return dict(sorted(found.items()))


def load_content(
    config, files: dict[str, tuple[int, int]], previous: dict, workers: int | None, on_chunk=None
) -> dict:
    """Parse changed content files (in parallel); reuse the rest from `previous`."""
    from sitegen.parallel import map_chunks

    result = {}
    todo = []
    for rel, (mtime, size) in files.items():
        old = previous.get(rel)
        if old is not None and old[0] == mtime and old[1] == size:
            result[rel] = old
        else:
            todo.append(rel)
    for rel, briefing, problem in map_chunks(_load_chunk, todo, config, workers, on_chunk):
        mtime, size = files[rel]
        result[rel] = (mtime, size, briefing, problem)
    return dict(sorted(result.items()))
