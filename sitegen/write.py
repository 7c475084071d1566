"""The only module that writes into output/: staging, unchanged-file reuse, atomic swap.

An atomic build writes into a staging folder beside output/. Files whose bytes did not
change are hard links to the published ones, so they keep their modification time. When the
staging folder is complete it is exchanged with output/ in one rename (renameat2
RENAME_EXCHANGE), so a reader, or a build killed at any moment, sees either the old site
whole or the new one whole.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
from pathlib import Path

from sitegen.errors import SitegenError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def write_file(root: Path, published: Path | None, rel: str, data: bytes) -> bool:
    """Write `rel` under `root`; reuse the published file when its bytes are equal. True if changed."""
    target = root / rel
    old = published / rel if published is not None else None
    if old is not None and old != target:
        try:
            if old.stat().st_size == len(data) and old.read_bytes() == data:
                _link_or_copy(old, target)
                return False
        except FileNotFoundError:
            pass
    elif old is not None:
        try:
            if old.read_bytes() == data:
                return False
        except FileNotFoundError:
            pass
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
    os.replace(tmp, target)
    return True


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        if target.exists():
            target.unlink()
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result != 0:
        code = ctypes.get_errno()
        if code in (errno.EINVAL, errno.ENOSYS, errno.EXDEV):
            return False
        raise OSError(code, os.strerror(code), str(a))
    return True


class Publisher:
    """Where a build writes, and how it makes the result public."""

    def __init__(self, output: Path, atomic: bool = True) -> None:
        self.output = output
        self.atomic = atomic
        self.staging = output.parent / f".{output.name}.staging"
        self.previous = output.parent / f".{output.name}.previous"

    @property
    def root(self) -> Path:
        """The folder pages are written into."""
        return self.staging if self.atomic else self.output

    @property
    def published(self) -> Path | None:
        return self.output if self.output.is_dir() else None

    def begin(self) -> None:
        """Clear what a killed build left behind and make the folder to write into."""
        try:
            if self.previous.exists() and not self.output.exists():
                os.rename(self.previous, self.output)
            for leftover in (self.staging, self.previous):
                if leftover.exists():
                    shutil.rmtree(leftover)
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SitegenError(f"cannot prepare {exc.filename or self.root}: {exc.strerror}. Check that the folder is writable and the disk has space.") from None

    def keep(self, rels: list[str]) -> list[str]:
        """Carry unchanged published files into the staging folder; return those missing."""
        if self.published is None:
            return rels
        if not self.atomic:
            return [rel for rel in rels if not (self.output / rel).exists()]
        missing = []
        made: set[str] = set()
        for rel in rels:
            parent = rel.rpartition("/")[0]
            if parent and parent not in made:
                (self.staging / parent).mkdir(parents=True, exist_ok=True)
                made.add(parent)
            source = self.output / rel
            target = self.staging / rel
            try:
                os.link(source, target)
            except FileExistsError:
                pass
            except FileNotFoundError:
                missing.append(rel)
            except OSError:
                shutil.copy2(source, target)
        return missing

    def remove(self, rels: list[str]) -> None:
        """Delete files that no longer belong to the site (in-place mode only)."""
        if self.atomic:
            return
        for rel in rels:
            try:
                (self.output / rel).unlink()
            except FileNotFoundError:
                pass

    def commit(self) -> None:
        """Make the staging folder the published site in one step."""
        if not self.atomic:
            return
        if not self.output.exists():
            os.rename(self.staging, self.output)
            return
        if _exchange(self.staging, self.output):
            shutil.rmtree(self.staging)
            return
        os.rename(self.output, self.previous)
        os.rename(self.staging, self.output)
        shutil.rmtree(self.previous)

    def abort(self) -> None:
        """Drop a failed build's staging folder; the published site is untouched."""
        if self.atomic and self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)
