"""Which files of the seeds folder are seeds: the one rule convert and the build's change check share.

A seed is a file whose name ends in `.txt` or `.text`, in any case (`.TXT`), anywhere under the
seeds folder: subfolders are read too, and a seed is named by its path inside the folder
(`2023/10/x.txt`). Names starting with a dot (files and folders) are hidden and left alone.
Everything else is skipped, and convert names it in a warning: other files, folders it cannot
read, and links to folders (not followed, so a link cannot make a loop or reach outside the folder).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SEED_SUFFIXES = (".txt", ".text")
"""Endings of seed file names, compared in lower case."""


@dataclass
class SeedFiles:
    """The seeds folder as convert sees it; every list in sorted name order."""

    seeds: dict[str, os.stat_result] = field(default_factory=dict)
    """Seed names (paths inside the seeds folder, with `/`) and their stat."""
    broken: list[str] = field(default_factory=list)
    """Seed names that are links to nothing, or that loop."""
    skipped: list[str] = field(default_factory=list)
    """Files that are not seeds, links to folders and unreadable folders (these end in `/`)."""


def is_seed_name(name: str) -> bool:
    return name.lower().endswith(SEED_SUFFIXES) and not name.startswith(".")


def scan_seed_files(seeds_dir: Path) -> SeedFiles:
    """Walk the seeds folder (raises FileNotFoundError when it is missing)."""
    found = SeedFiles()
    _walk(os.fspath(seeds_dir), "", found)
    found.seeds = dict(sorted(found.seeds.items()))
    found.broken.sort()
    found.skipped.sort()
    return found


def _walk(folder: str, prefix: str, found: SeedFiles) -> None:
    try:
        with os.scandir(folder) as entries:
            listed = sorted(entries, key=lambda entry: entry.name)
    except OSError:
        if not prefix:
            raise
        found.skipped.append(prefix)  # a subfolder that cannot be read
        return
    for entry in listed:
        if entry.name.startswith("."):
            continue
        name = prefix + entry.name
        if _is(entry.is_dir, follow_symlinks=False):
            _walk(entry.path, name + "/", found)
        elif _is(entry.is_dir):
            found.skipped.append(name + "/")  # a link to a folder
        elif not is_seed_name(entry.name):
            if _is(entry.is_file) or entry.is_symlink():
                found.skipped.append(name)
        elif _is(entry.is_file):
            try:
                found.seeds[name] = entry.stat()
            except OSError:
                found.broken.append(name)
        elif entry.is_symlink():
            found.broken.append(name)


def _is(test: Callable[..., bool], **kwargs: bool) -> bool:
    """An os.DirEntry test that is False, not an error, for a looping link."""
    try:
        return test(**kwargs)
    except OSError:
        return False
