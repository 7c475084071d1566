"""Serve's background search indexing: the shards a rebuild left for later, newest request wins.

A rebuild under `sitegen serve` publishes its pages without waiting for Pagefind (search.py,
`later`), then hands the shards it could not publish to `BackgroundIndex.want()`. One thread
indexes them one by one into the shard cache. A newer rebuild's `want()` replaces the list:
a shard being indexed that the newer site no longer needs is called off (its Pagefind process
ended), one it still needs goes on. When the last wanted shard is in the cache, `on_ready` is
called, and serve rebuilds: that rebuild finds every shard in the cache and publishes the new
index whole. Nothing here writes into output/, so a killed serve leaves the last complete index.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sitegen.publish.search import Cancelled


class Cancel:
    """A flag set once, which runs what was registered on it when it is set (ends a Pagefind process)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._set = False
        self._callbacks: list[Callable[[], None]] = []

    def is_set(self) -> bool:
        return self._set

    def set(self) -> None:
        with self._lock:
            if self._set:
                return
            self._set = True
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def on_set(self, callback: Callable[[], None]) -> None:
        with self._lock:
            if not self._set:
                self._callbacks.append(callback)
                return
        callback()


class BackgroundIndex:
    """Indexes wanted shards one at a time in a thread of its own.

    `index_shard(folder, briefings, cancel)` indexes one shard (into the cache; nothing if it is
    there) and raises Cancelled when `cancel` is set on the way; any other exception is a
    failure. `on_ready(failure)` is called, from this thread, once every shard of the latest
    `want()` is indexed (failure None) or could not be (failure: what went wrong, so that serve
    indexes in the foreground and shows the error as `sitegen build` would).
    """

    def __init__(
        self,
        index_shard: Callable[[str, list, Cancel], None],
        on_ready: Callable[[str | None], None],
    ) -> None:
        self._index_shard = index_shard
        self._on_ready = on_ready
        self._state = threading.Condition()
        self._wanted: dict[str, list] = {}
        self._running: dict[str, Cancel] = {}
        self._failure: str | None = None
        self._stop = False
        self._thread = threading.Thread(target=self._loop, name="sitegen-search", daemon=True)
        self.indexed: list[str] = []  # shards indexed to the end, in order (for tests and messages)

    def start(self) -> None:
        self._thread.start()

    def want(self, shards: dict[str, list]) -> None:
        """The shards the site needs now (folder -> briefings), replacing the last list; {}: none."""
        with self._state:
            self._wanted = dict(shards)
            self._failure = None
            for folder, cancel in self._running.items():
                if folder not in self._wanted:
                    cancel.set()
            self._state.notify_all()

    def busy(self) -> bool:
        with self._state:
            return bool(self._wanted or self._running)

    def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing is wanted or running; False on timeout."""
        with self._state:
            return self._state.wait_for(
                lambda: self._stop or not (self._wanted or self._running), timeout
            )

    def stop(self, timeout: float = 10) -> bool:
        """Call off everything and wait for the thread to end; False if it did not within timeout."""
        with self._state:
            self._stop = True
            for cancel in self._running.values():
                cancel.set()
            self._state.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _next(self) -> tuple[str, list, Cancel] | None:
        with self._state:
            self._state.wait_for(
                lambda: self._stop or any(f not in self._running for f in self._wanted)
            )
            if self._stop:
                return None
            folder = min(f for f in self._wanted if f not in self._running)
            cancel = self._running[folder] = Cancel()
            return folder, self._wanted[folder], cancel

    def _loop(self) -> None:
        while (job := self._next()) is not None:
            folder, briefings, cancel = job
            failure = None
            try:
                self._index_shard(folder, briefings, cancel)
            except Cancelled:
                pass
            except Exception as exc:  # noqa: BLE001 - shown by the foreground index serve then runs
                failure = f"{folder}: {type(exc).__name__}: {exc}"
            with self._state:
                del self._running[folder]
                finished = not cancel.is_set() and folder in self._wanted
                if finished:
                    del self._wanted[folder]
                    if failure is None:
                        self.indexed.append(folder)
                    else:
                        self._failure = self._failure or failure
                ready = finished and not self._stop and not self._wanted and not self._running
                report = self._failure
                if ready:
                    self._failure = None
                self._state.notify_all()
            if ready:
                self._on_ready(report)
