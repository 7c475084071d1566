"""What a changed path means for the preview (pure), and the debounced rebuild loop."""
from __future__ import annotations

import threading
import time
from pathlib import PurePosixPath
from typing import Callable

from sitegen.config import CONFIG_NAME

IGNORED_DIRS = {"output", ".sitegen-cache", ".git", "__pycache__", "node_modules"}


def classify(rel_path: str, taxonomy_file: str = "topics.yaml") -> str | None:
    """'seed', 'content', 'theme', 'config' or None (a change that needs no rebuild)."""
    parts = PurePosixPath(rel_path).parts
    if not parts or any(p in IGNORED_DIRS or p.startswith(".") for p in parts):
        return None
    name = parts[-1]
    if name.endswith(("~", ".swp", ".swx", ".tmp")) or name.startswith("#"):
        return None
    if len(parts) == 1:
        if name in (CONFIG_NAME, taxonomy_file):
            return "config"
        return None
    return {"seeds": "seed", "content": "content", "themes": "theme"}.get(parts[0])


class Debouncer:
    """Calls `action` once per burst of changes; changes during a run cause exactly one more run."""

    def __init__(self, action: Callable[[], None], quiet_seconds: float = 0.1) -> None:
        self.action = action
        self.quiet_seconds = quiet_seconds
        self._changed = threading.Event()
        self._last = 0.0
        self._stop = False
        self._thread = threading.Thread(target=self._loop, name="sitegen-rebuild", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def poke(self) -> None:
        """Note a change (called from the watcher thread)."""
        self._last = time.monotonic()
        self._changed.set()

    def stop(self) -> None:
        self._stop = True
        self._changed.set()

    def _loop(self) -> None:
        while not self._stop:
            self._changed.wait()
            if self._stop:
                return
            while time.monotonic() - self._last < self.quiet_seconds:
                time.sleep(self.quiet_seconds / 4)
            self._changed.clear()
            self.action()
