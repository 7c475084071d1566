"""What the last build left: loaded briefings by file, page fingerprints, and which output."""
from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from sitegen import __version__
from sitegen.errors import Problem
from sitegen.model import Briefing

STATE_FILE = "build-state.pickle"


@dataclass
class BuildState:
    """Cache of one site's last build; safe to delete (the next build is then a full one)."""

    version: str = __version__
    salt: str = ""
    inputs: tuple = ()
    content: dict[str, tuple[int, int, Briefing | None, Problem | None]] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    extra_files: list[str] = field(default_factory=list)  # e.g. the search index
    output_id: tuple[int, int] | None = None
    ok: bool = False


def folder_id(path: Path) -> tuple[int, int] | None:
    """Identity of a folder (device, inode): a swapped-in output/ has a new one."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def load_state(cache_dir: Path) -> BuildState:
    """The last build's state, or an empty one when missing, stale or unreadable."""
    try:
        with open(cache_dir / STATE_FILE, "rb") as handle:
            state = pickle.load(handle)
    except Exception:  # a damaged cache only costs a full build
        return BuildState()
    if not isinstance(state, BuildState) or state.version != __version__:
        return BuildState()
    return state


def save_state(cache_dir: Path, state: BuildState) -> None:
    """Write the state atomically."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f"{STATE_FILE}.{os.getpid()}.tmp"
    with open(tmp, "wb") as handle:
        pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, cache_dir / STATE_FILE)


def forget_state(cache_dir: Path) -> None:
    """Invalidate the state before output/ is changed in place."""
    try:
        (cache_dir / STATE_FILE).unlink()
    except FileNotFoundError:
        pass
