"""What the last build left, in one SQLite file under .sitegen-cache/ (safe to delete).

The file holds named parts, each a pickle: the stamp (digests of the last build's inputs,
read first: when they match, the build stops there), the page fingerprints, the briefings
in SHARDS shards, and the related-coverage memo with its term index (read only when a
change needs it). A save writes, in one transaction, only the parts that changed since the
store last read or wrote them: an edit to one briefing rewrites one shard, not the archive,
and a build killed at any moment leaves the last whole state. A part that cannot be read
costs a full build, nothing more. `sitegen serve` keeps the state in memory between
rebuilds and writes it at exit.
"""

from __future__ import annotations

import errno
import gc
import operator
import os
import pickle
import sqlite3
import zlib
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path

from sitegen import __version__
from sitegen.errors import Problem, SitegenError
from sitegen.model import Briefing, TagRef

DB_FILE = "build-state.sqlite"
FORMAT = 4  # of the parts; with the version, a cache of another format is ignored
SHARDS = 64
_OLD_FILES = ("build-state.pickle", "build-stamp.pickle")  # sitegen 0.1


@dataclass
class BuildState:
    """Cache of one site's last build; safe to delete (the next build is then a full one)."""

    version: str = __version__
    salt: str = ""
    content: dict[str, tuple[int, int, Briefing | None, Problem | None]] = field(
        default_factory=dict
    )
    pages: dict[str, str] = field(default_factory=dict)
    extra_files: list[str] = field(default_factory=list)  # e.g. the search index
    output_id: tuple[int, int] | None = None
    related: object = None  # related_update.RelatedMemo: what related briefings were chosen from
    spare_pages: dict[str, str] = field(
        default_factory=dict
    )  # the site before output/, kept beside it (write.py)
    spare_extra: list[str] = field(default_factory=list)
    spare_id: tuple[int, int] | None = None
    template_use: dict = field(
        default_factory=dict
    )  # template -> template_use.TemplateUse, under this salt


_META = ("version", "salt", "extra_files", "output_id", "spare_extra", "spare_id", "template_use")


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
            values[_TAGS] = tuple(
                [tags.get(id(t)) or tags.setdefault(id(t), (t.name, t.slug, t.url)) for t in b.tags]
            )
            b = tuple(values)
        flat[rel] = (mtime, size, b, problem)
    return flat


def _content(flat: dict, tags: dict[tuple, TagRef] | None = None) -> dict:
    """The inverse of _flat_content; equal topics share one TagRef (across calls given the same `tags`)."""
    tags = {} if tags is None else tags
    content = {}
    for rel, (mtime, size, values, problem) in flat.items():
        if values is not None:
            values = list(values)
            values[_TAGS] = tuple(
                [tags.get(t) or tags.setdefault(t, TagRef(*t)) for t in values[_TAGS]]
            )
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
    base_url: str = ""  # the base URL that build used: `sitegen check` checks against it

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


def _dumps(value: object) -> bytes:
    with _no_gc():
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _loads(data: bytes) -> object:
    with _no_gc():
        return pickle.loads(data)


def _shard(rel: str) -> str:
    return f"content/{zlib.crc32(rel.encode('utf-8', 'surrogatepass')) % SHARDS:02d}"


# sqlite result codes -> the errno whose message and hint the CLI gives (errors.py)
_ERRNO = {13: errno.ENOSPC, 8: errno.EROFS, 14: errno.EACCES, 10: errno.EIO, 23: errno.EACCES}
_DAMAGED = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


class _Parts:
    """The table of named parts in the SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self, where: str, args: tuple = ()) -> dict[str, bytes]:
        """The parts matching `where`; none when the file is missing or damaged."""
        if not self.path.is_file():
            return {}
        try:
            with closing(sqlite3.connect(self.path, timeout=60)) as db:
                return dict(db.execute(f"SELECT name, data FROM part WHERE {where}", args))
        except sqlite3.Error:
            return {}

    def write(self, parts: dict[str, bytes], replace_all: bool = False) -> None:
        """Write the parts in one transaction (all others deleted when `replace_all`)."""
        try:
            self._write(parts, replace_all)
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", None) not in _DAMAGED:
                raise self._os_error(exc) from None
            self.remove()  # a damaged cache is only a cache: start it again
            try:
                self._write(parts, True)
            except sqlite3.Error as again:
                raise self._os_error(again) from None

    def _write(self, parts: dict[str, bytes], replace_all: bool) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=60, isolation_level=None)) as db:
            db.execute(
                "PRAGMA journal_mode=WAL"
            )  # a commit is one append, no fsync of the whole file
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS part (name TEXT PRIMARY KEY, data BLOB NOT NULL)"
            )
            db.execute("BEGIN IMMEDIATE")
            try:
                if replace_all:
                    db.execute("DELETE FROM part")
                db.executemany("INSERT OR REPLACE INTO part VALUES (?, ?)", sorted(parts.items()))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def _os_error(self, exc: sqlite3.Error) -> Exception:
        code = getattr(exc, "sqlite_errorcode", None)
        if code == 5:  # SQLITE_BUSY
            return SitegenError(
                f"{self.path}: another sitegen is using the build cache.\n  Wait for it to finish, then run the command again."
            )
        number = _ERRNO.get(code & 0xFF if code else 0, errno.EIO)
        return OSError(number, os.strerror(number), str(self.path))

    def remove(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass


class StateStore:
    """Loads and saves the state and stamp: on disk each build, or in memory across serve's rebuilds."""

    def __init__(self, cache_dir: Path, in_memory: bool = False) -> None:
        self.cache_dir = cache_dir
        self.in_memory = in_memory
        self._parts = _Parts(cache_dir / DB_FILE)
        self._state: BuildState | None = None
        self._stamp: Stamp | None = None
        self._saved_content: dict = {}  # the entries the file holds: a shard is rewritten when one of its own differs
        self._saved_index: object = None  # the term index the file holds
        self._on_disk = True  # False once forget() emptied the file
        self.inputs: object = (
            None  # serve: the last inputs.Inputs scanned, updated from the watcher's paths
        )
        self.plan: object = None  # serve: the last site_patch.Plan
        self.pages: object = None  # serve: (inputs digest, view, pages) of the last build without problems (build.py)

    def stamp(self) -> Stamp:
        if self._stamp is None:
            self._stamp = self._read_stamp()
        return self._stamp

    def _read_stamp(self) -> Stamp:
        data = self._parts.read("name = 'stamp'").get("stamp")
        try:
            stamp = _loads(data) if data else None
        except Exception:  # a damaged part only costs a full build
            stamp = None
        return stamp if isinstance(stamp, Stamp) and stamp.version == __version__ else Stamp()

    def load(self) -> BuildState:
        if self._state is None:
            parts = self._parts.read("name NOT IN ('stamp', 'related/index')")
            try:
                self._state = self._decode(parts)
            except Exception:  # a damaged part only costs a full build
                self._state = None
            if self._state is None:
                self._state, self._saved_content, self._saved_index = BuildState(), {}, None
            elif (
                self.in_memory
            ):  # serve holds it all until exit, when it rewrites the file: read everything now
                getattr(self._state.related, "index", None)
        return self._state

    def _decode(self, parts: dict[str, bytes]) -> BuildState | None:
        meta = _loads(parts["meta"]) if "meta" in parts else None
        if (
            not isinstance(meta, dict)
            or meta.get("version") != __version__
            or meta.get("format") != FORMAT
        ):
            return None
        content: dict = {}
        tags: dict[tuple, TagRef] = {}
        for name in sorted(parts):
            if name.startswith("content/"):
                content.update(_content(_loads(parts[name]), tags))
        state = BuildState(
            content=content,
            pages=_loads(parts["pages"]),
            spare_pages=_loads(parts["spare_pages"]),
            related=_loads(parts["related"]),
        )
        for key in _META:
            setattr(state, key, meta[key])
        if state.related is not None:
            state.related.defer_index(self._read_index)
        self._saved_content = dict(state.content)
        self._saved_index = None  # unread: the file holds the memo's own
        return state

    def _read_index(self) -> object:
        """The related memo's term index, read on first use; None if it cannot be."""
        data = self._parts.read("name = 'related/index'").get("related/index")
        try:
            index = _loads(data) if data else None
        except Exception:
            index = None
        self._saved_index = index
        return index

    def save(self, state: BuildState, stamp: Stamp) -> None:
        """Record a finished build (written to disk now, or at flush() when in memory)."""
        self._state, self._stamp = state, stamp
        if not self.in_memory:
            self._write(state, stamp)

    def _write(self, state: BuildState, stamp: Stamp) -> None:
        parts = {
            "stamp": _dumps(stamp),
            "meta": _dumps({"format": FORMAT, **{key: getattr(state, key) for key in _META}}),
            "pages": _dumps(state.pages),
            "spare_pages": _dumps(state.spare_pages),
            "related": _dumps(state.related),
        }
        replace_all = not self._on_disk or not self._saved_content
        saved = {} if replace_all else self._saved_content
        dirty = {_shard(rel) for rel, entry in state.content.items() if saved.get(rel) is not entry}
        dirty |= {_shard(rel) for rel in saved.keys() - state.content.keys()}
        if replace_all:
            dirty = {f"content/{n:02d}" for n in range(SHARDS)}
        shards: dict[str, dict] = {name: {} for name in dirty}
        for rel, entry in state.content.items():
            if (name := _shard(rel)) in shards:
                shards[name][rel] = entry
        parts.update((name, _dumps(_flat_content(entries))) for name, entries in shards.items())
        index = getattr(state.related, "loaded_index", None)
        if index is not None and (replace_all or index is not self._saved_index):
            parts["related/index"] = _dumps(index)
        elif replace_all and state.related is not None:
            state.related.index  # noqa: B018 - read it before the file is replaced
            parts["related/index"] = _dumps(state.related.loaded_index)
        self._parts.write(parts, replace_all)
        self._saved_content, self._saved_index, self._on_disk = (
            dict(state.content),
            index or self._saved_index,
            True,
        )
        for name in _OLD_FILES:
            _unlink(self.cache_dir / name)

    def save_stamp(self, stamp: Stamp) -> None:
        self._stamp = stamp
        if not self.in_memory:
            self._parts.write({"stamp": _dumps(stamp)})

    def forget(self) -> None:
        """Invalidate the saved state before output/ is changed in place, or after a failure."""
        if self._on_disk:
            self._parts.remove()
            self._on_disk = False
        self._saved_content, self._saved_index = {}, None
        if not self.in_memory:
            self._state = self._stamp = None

    def drop(self) -> None:
        """Forget the state everywhere: the next build is a full one."""
        self._state = self._stamp = None
        self._on_disk = True
        self.forget()

    def flush(self) -> None:
        """Write what memory holds to disk (serve, at exit)."""
        if self.in_memory and self._state is not None and self._stamp is not None:
            self._write(self._state, self._stamp)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def digest(value: object) -> str:
    """A stable digest of plain data (strings, numbers, tuples, lists; no sets or dicts)."""
    import hashlib

    return hashlib.sha1(
        pickle.dumps(value, protocol=4)
    ).hexdigest()  # deterministic for these types; fast
