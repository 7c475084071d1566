"""The only module that writes into output/: staging, unchanged-file reuse, atomic swap.

A build (`sitegen build` and each rebuild of `sitegen serve` alike) writes into a staging
folder beside output/. Files whose bytes did not change are hard links to the published
ones, so they keep their modification time. When the staging folder is complete it is
exchanged with output/ in one rename (renameat2 RENAME_EXCHANGE), so a reader, or a build
killed at any moment, sees either the old site whole or the new one whole.

The site replaced by the swap is kept as the spare, in the site's cache folder
(.sitegen-cache/spare), never beside output/ where a web root would publish it. The next
build renames it into the staging folder and brings it up to date, touching only the files
that differ (the caller knows them from the spare's page fingerprints), instead of linking
every file of the site again. Files in a reused spare may be hard links to published files:
they are replaced, never written through. The spare must be on output/'s file system (it
moves by rename); when the cache folder is not, no spare is kept and each build links every
unchanged file again.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import time
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.incremental.state import folder_id

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


_made: set[str] = set()  # folders this process made (or found): each is made once per build


def write_file(root: Path, published: Path | None, rel: str, data: bytes) -> bool:
    """Write `rel` under the staging folder `root`; True if changed.

    When the published file has the same bytes, it is linked instead (it keeps its mtime).
    """
    target = f"{root}/{rel}"
    if published is not None and _same_bytes(f"{published}/{rel}", data):
        _link_or_copy(f"{published}/{rel}", target)
        return False
    _make_parent(target)
    _write_new(target, data)
    return True


def _write_new(target: str, data: bytes) -> None:
    """Write a staged file; one a reused spare left there is unlinked first (it may be a published file's link)."""
    try:
        try:
            handle = open(target, "xb")
        except FileExistsError:
            os.unlink(target)
            handle = open(target, "xb")
        with handle:
            handle.write(data)
    except OSError as exc:
        if exc.filename is None:  # write() errors (a full disk) name no file: name it
            raise OSError(exc.errno, exc.strerror, target) from None
        raise


def _same_bytes(path: str, data: bytes) -> bool:
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except (FileNotFoundError, NotADirectoryError):
        return False


def _make_parent(target: str) -> None:
    folder = target.rpartition("/")[0]
    if folder not in _made:
        os.makedirs(folder, exist_ok=True)
        _made.add(folder)


def _link_or_copy(source: str, target: str) -> None:
    _make_parent(target)
    try:
        os.link(source, target)
    except FileExistsError:
        os.unlink(target)
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _make_folder(folder: str) -> None:
    """mkdir, and its parents only when they are missing (os.makedirs costs more per call)."""
    try:
        os.mkdir(folder)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)


_deleting: list[subprocess.Popen] = []  # background deletions of replaced sites, reaped as they end


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system cannot."""
    import ctypes  # here: only a swap needs it

    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the C library the interpreter runs on
    except OSError:
        return False
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


def spare_folder(output: Path, cache: Path | None) -> Path | None:
    """Where the replaced site is kept: the cache folder's spare/, if a rename can move it there."""
    if cache is None:
        return None
    try:
        cache.mkdir(parents=True, exist_ok=True)
        return cache / "spare" if _same_file_system(cache, output.parent) else None
    except OSError:
        return None


def _same_file_system(a: Path, b: Path) -> bool:
    return os.stat(a).st_dev == os.stat(b).st_dev


class Publisher:
    """Where a build writes, and how it makes the result public."""

    def __init__(
        self,
        output: Path,
        trash: Path | None = None,
        spare_id: tuple[int, int] | None = None,
        cache: Path | None = None,
    ) -> None:
        self.output = output
        self.trash = trash  # where a replaced site is deleted without waiting
        self.staging = output.parent / f".{output.name}.staging"
        self.previous = output.parent / f".{output.name}.previous"
        self.old_spare = (
            output.parent / f".{output.name}.spare"
        )  # where earlier versions kept it: in the web root
        self.spare = spare_folder(output, cache)
        self.spare_id = (
            spare_id  # the identity of the spare the caller's state describes; None: none usable
        )
        self.reused = False  # True once begin() made the spare the staging folder

    @property
    def root(self) -> Path:
        """The folder pages are written into."""
        return self.staging

    @property
    def published(self) -> Path | None:
        return self.output if self.output.is_dir() else None

    def begin(self) -> None:
        """Clear what a killed build left behind and make the folder to write into."""
        _made.clear()  # folders seen by the last build may be gone (the staging folder is)
        try:
            if self.previous.exists() and not self.output.exists():
                os.rename(self.previous, self.output)
            for leftover in (self.staging, self.previous):
                if leftover.exists():
                    shutil.rmtree(leftover)
            if self.trash is not None and self.trash.exists():
                shutil.rmtree(self.trash, ignore_errors=True)  # a deletion that never finished
            if self.old_spare.is_dir() and not self.old_spare.is_symlink():
                self._discard(self.old_spare)
            if (
                self.spare is not None
                and self.spare_id is not None
                and folder_id(self.spare) == self.spare_id
            ):
                os.rename(self.spare, self.staging)
                self.reused = True
            elif self.spare is not None and self.spare.exists():
                self._discard(self.spare)  # not the site the state describes
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SitegenError(
                f"cannot prepare {exc.filename or self.root}: {exc.strerror}. Check that the folder is writable and the disk has space."
            ) from None

    def keep(self, rels: list[str]) -> list[str]:
        """Carry unchanged published files into the staging folder; return those missing."""
        if self.published is None:
            return rels
        output, staging = str(self.output), str(self.staging)  # plain strings: 10,000s of files
        missing = []
        made: set[str] = set()
        for rel in rels:
            parent = rel.rpartition("/")[0]
            if parent and parent not in made:
                _make_folder(f"{staging}/{parent}")
                made.add(parent)
            source, target = f"{output}/{rel}", f"{staging}/{rel}"
            try:
                os.link(source, target)
            except FileExistsError:  # the spare's older copy
                os.unlink(target)
                os.link(source, target)
            except FileNotFoundError:
                missing.append(rel)
            except OSError:
                shutil.copy2(source, target)
        return missing

    def drop(self, rels: list[str]) -> None:
        """Delete files of a reused spare that the new site does not have, and folders left empty."""
        if not self.reused:
            return
        staging = str(self.staging)
        for rel in rels:
            try:
                os.unlink(f"{staging}/{rel}")
            except FileNotFoundError:
                continue
            parent = rel.rpartition("/")[0]
            while parent:
                try:
                    os.rmdir(f"{staging}/{parent}")
                except OSError:  # not empty
                    break
                parent = parent.rpartition("/")[0]

    def commit(self, keep_spare: bool = False) -> None:
        """Make the staging folder the published site in one step; keep the replaced one as the spare."""
        if not self.output.exists():
            os.rename(self.staging, self.output)
            return
        replaced = self.staging
        if not _exchange(self.staging, self.output):
            os.rename(self.output, self.previous)
            os.rename(self.staging, self.output)
            replaced = self.previous
        if keep_spare and self.spare is not None:
            os.rename(replaced, self.spare)
        else:
            self._discard(replaced)

    def _discard(self, old: Path) -> None:
        """Delete the replaced site: in a background process when it can move to the trash folder."""
        if self.trash is not None:
            target = self.trash / f"{os.getpid()}-{time.time_ns()}"
            try:
                self.trash.mkdir(parents=True, exist_ok=True)
                os.rename(old, target)
                _deleting[:] = [p for p in _deleting if p.poll() is None]
                _deleting.append(
                    subprocess.Popen(
                        ["rm", "-rf", "--", str(target)],
                        stdin=subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                        start_new_session=True,
                    )
                )
                return
            except OSError:  # another file system, or no `rm`: delete it here
                old = target if target.exists() else old
        shutil.rmtree(old)

    def interrupted(self) -> bool:
        """True when a killed build left its staging or previous folder behind (begin() clears them)."""
        return self.staging.exists() or self.previous.exists()

    def abort(self) -> None:
        """Drop a failed build's staging folder; the published site is untouched."""
        if self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)
