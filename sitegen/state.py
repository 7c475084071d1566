"""What the last build left: a small stamp of its inputs, and the full state (briefings, page fingerprints).

Both live under .sitegen-cache/ and are safe to delete (the next build is then a full one).
The stamp is read first: when the site's inputs match it, the build stops without loading
the full state. `sitegen serve` keeps both in memory between rebuilds and writes them at exit.
"""
from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field, fields
from pathlib import Path

from sitegen import __version__
from sitegen.errors import Problem
from sitegen.model import Briefing, TagRef

STATE_FILE = "build-state.pickle"
STAMP_FILE = "build-stamp.pickle"


@dataclass
class BuildState:
    """Cache of one site's last build; safe to delete (the next build is then a full one)."""

    version: str = __version__
    salt: str = ""
    content: dict[str, tuple[int, int, Briefing | None, Problem | None]] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    extra_files: list[str] = field(default_factory=list)  # e.g. the search index
    output_id: tuple[int, int] | None = None
    related: object = None  # related_update.RelatedMemo: what related briefings were chosen from

    def __getstate__(self) -> dict:
        """Briefings as plain tuples: pickle handles 10,000s of them many times faster."""
        flat = dict(self.__dict__)
        flat["content"] = {rel: (mtime, size, _flat(b) if b else None, problem) for rel, (mtime, size, b, problem) in self.content.items()}
        return flat

    def __setstate__(self, flat: dict) -> None:
        flat["content"] = {rel: (mtime, size, _briefing(b) if b else None, problem) for rel, (mtime, size, b, problem) in flat["content"].items()}
        self.__dict__.update(flat)


_FIELDS = tuple(f.name for f in fields(Briefing))


def _flat(briefing: Briefing) -> tuple:
    values = [getattr(briefing, name) for name in _FIELDS]
    values[_FIELDS.index("tags")] = tuple((t.name, t.slug, t.url) for t in briefing.tags)
    return tuple(values)


def _briefing(values: tuple) -> Briefing:
    values = list(values)
    at = _FIELDS.index("tags")
    values[at] = tuple(TagRef(*tag) for tag in values[at])
    return Briefing(*values)


@dataclass
class Stamp:
    """Digests of the last build's inputs: all of them, and those the converter reads."""

    version: str = __version__
    inputs: str = ""  # set only when that build published without problems
    convert: str = ""  # set only when that convert run changed nothing (its report replays)
    convert_report: object = None
    output_id: tuple[int, int] | None = None
    files: str = ""  # every output file, one per line: a file deleted by hand is made again

    def output_complete(self, output: Path) -> bool:
        """True when every file the last build made is still in output/."""
        exists = os.path.exists
        base = str(output) + os.sep
        return all(exists(base + rel) for rel in self.files.split("\n") if rel)


def folder_id(path: Path) -> tuple[int, int] | None:
    """Identity of a folder (device, inode): a swapped-in output/ has a new one."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _read_pickle(path: Path, kind: type):
    try:
        with open(path, "rb") as handle:
            value = pickle.load(handle)
    except Exception:  # a damaged cache only costs a full build
        return kind()
    if not isinstance(value, kind) or value.version != __version__:
        return kind()
    return value


def _write_pickle(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


class StateStore:
    """Loads and saves the state and stamp: on disk each build, or in memory across serve's rebuilds."""

    def __init__(self, cache_dir: Path, in_memory: bool = False) -> None:
        self.cache_dir = cache_dir
        self.in_memory = in_memory
        self._state: BuildState | None = None
        self._stamp: Stamp | None = None

    def stamp(self) -> Stamp:
        if self._stamp is None:
            self._stamp = _read_pickle(self.cache_dir / STAMP_FILE, Stamp)
        return self._stamp

    def load(self) -> BuildState:
        if self._state is None:
            self._state = _read_pickle(self.cache_dir / STATE_FILE, BuildState)
        return self._state

    def save(self, state: BuildState, stamp: Stamp) -> None:
        """Record a finished build (written to disk now, or at flush() when in memory)."""
        self._state, self._stamp = state, stamp
        if not self.in_memory:
            _write_pickle(self.cache_dir / STATE_FILE, state)
            _write_pickle(self.cache_dir / STAMP_FILE, stamp)

    def save_stamp(self, stamp: Stamp) -> None:
        self._stamp = stamp
        if not self.in_memory:
            _write_pickle(self.cache_dir / STAMP_FILE, stamp)

    def forget(self) -> None:
        """Invalidate the saved state before output/ is changed in place, or after a failure."""
        for name in (STAMP_FILE, STATE_FILE):
            _unlink(self.cache_dir / name)
        if not self.in_memory:
            self._state = self._stamp = None

    def drop(self) -> None:
        """Forget the state everywhere: the next build is a full one."""
        self._state = self._stamp = None
        self.forget()

    def flush(self) -> None:
        """Write what memory holds to disk (serve, at exit)."""
        if self.in_memory and self._state is not None and self._stamp is not None:
            _write_pickle(self.cache_dir / STATE_FILE, self._state)
            _write_pickle(self.cache_dir / STAMP_FILE, self._stamp)


def digest(value: object) -> str:
    """A stable digest of plain data (strings, numbers, tuples, lists; no sets or dicts)."""
    import hashlib

    return hashlib.sha1(pickle.dumps(value, protocol=4)).hexdigest()  # deterministic for these types; fast
