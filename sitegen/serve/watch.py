"""What a changed path means for the preview (pure), and the debounced rebuild loop."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import PurePosixPath

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
    """Calls `action` once per burst of changes; changes during a run cause exactly one more run.

    A burst ends when `quiet_seconds` pass on `clock` without a poke. Tests give a clock they
    move by hand and wait on `wait_idle()`, so that no outcome depends on how fast they run.
    """

    def __init__(
        self,
        action: Callable[[], None],
        quiet_seconds: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.action = action
        self.quiet_seconds = quiet_seconds
        self.clock = clock
        self.runs = 0  # actions finished
        self._state = threading.Condition()
        self._pending = False  # a poke not yet answered by a run that started after it
        self._running = False
        self._last = 0.0
        self._stop = False
        self._thread = threading.Thread(target=self._loop, name="sitegen-rebuild", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def poke(self) -> None:
        """Note a change (called from the watcher thread)."""
        with self._state:
            self._last = self.clock()
            self._pending = True
            self._state.notify_all()

    def stop(self) -> None:
        with self._state:
            self._stop = True
            self._state.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no change waits for a run and no run is under way; False on timeout."""
        with self._state:
            return self._state.wait_for(
                lambda: self._stop or not (self._pending or self._running), timeout
            )

    def _loop(self) -> None:
        while True:
            with self._state:
                self._state.wait_for(lambda: self._stop or self._pending)
                while (
                    not self._stop
                    and (left := self.quiet_seconds - (self.clock() - self._last)) > 0
                ):
                    self._state.wait(left)  # a poke moves _last on; the loop then waits again
                if self._stop:
                    return
                self._pending, self._running = False, True
            try:
                self.action()
            finally:
                with self._state:
                    self._running = False
                    self.runs += 1
                    self._state.notify_all()
