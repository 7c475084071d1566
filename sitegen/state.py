"""What the last build left: a small stamp of its inputs, and the full state (briefings, page fingerprints).

Both live under .sitegen-cache/ and are safe to delete (the next build is then a full one).
The stamp is read first: when the site's inputs match it, the build stops without loading
the full state. `sitegen serve` keeps both in memory between rebuilds and writes them at exit.
"""
from __future__ import annotations

import gc
import operator
import os
import pickle
from contextlib import contextmanager
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
    spare_pages: dict[str, str] = field(default_factory=dict)  # the site before output/, kept beside it (write.py)
    spare_extra: list[str] = field(default_factory=list)
    spare_id: tuple[int, int] | None = None

    def __getstate__(self) -> dict:
        """Briefings as plain tuples: pickle handles 10,000s of them many times faster."""
        flat = dict(self.__dict__)
        flat["content"] = _flat_content(self.content)
        return flat

    def __setstate__(self, flat: dict) -> None:
        flat["content"] = _content(flat["content"])
        self.__dict__.update(BuildState().__dict__)  # fields an older cache lacks keep their defaults
        self.__dict__.update(flat)


_FIELDS = tuple(f.name for f in fields(Briefing))
_TAGS = _FIELDS.index("tags")
_values = operator.attrgetter(*_FIELDS)


def _flat_content(content: dict) -> dict:
    """Each Briefing as a tuple of its fields, its topics as (name, slug, url)."""
    tags: dict[int, tuple] = {}  # briefings share few TagRef objects: flatten each once
    flat = {}
    for rel, (mtime, size, b, problem) in content.items():
        if b is not None:
            values = list(_values(b))
            values[_TAGS] = tuple([tags.get(id(t)) or tags.setdefault(id(t), (t.name, t.slug, t.url)) for t in b.tags])
            b = tuple(values)
        flat[rel] = (mtime, size, b, problem)
    return flat


def _content(flat: dict) -> dict:
    """The inverse of _flat_content; equal topics share one TagRef."""
    tags: dict[tuple, TagRef] = {}
    content = {}
    for rel, (mtime, size, values, problem) in flat.items():
        if values is not None:
            values = list(values)
            values[_TAGS] = tuple([tags.get(t) or tags.setdefault(t, TagRef(*t)) for t in values[_TAGS]])
            values = Briefing(*values)
        content[rel] = (mtime, size, values, problem)
    return content


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


@contextmanager
def _no_gc():
    """Pause the cycle collector: it would scan the 100,000s of objects a state holds many times over."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_pickle(path: Path, kind: type):
    try:
        with open(path, "rb") as handle, _no_gc():
            value = pickle.load(handle)
    except Exception:  # a damaged cache only costs a full build
        return kind()
    if not isinstance(value, kind) or value.version != __version__:
        return kind()
    return value


def _write_pickle(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle, _no_gc():
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
        self.inputs: object = None  # serve: the last inputs.Inputs scanned, updated from the watcher's paths

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
