"""Progress of long work: rich bars on a terminal, a few plain lines when piped or in CI.

The build calls three things as work advances: `converting(done, total)`,
`loading(count)` (files parsed since the last call) and `rendering(total)`, which
returns a `callback(count)` for pages rendered since the last call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

LONG_WORK = 200  # fewer items than this finish too fast to be worth a bar
MILESTONES = (25, 50, 75, 100)  # percentages at which plain mode prints a line


class Progress:
    """No display at all (quiet, or short work); the base of the two real displays."""

    def converting(self, done: int, total: int) -> None:
        """`done` of `total` seeds converted."""

    def loading(self, count: int) -> None:
        """`count` more content files parsed."""

    def rendering(self, total: int) -> Callable[[int], None] | None:
        """Start rendering `total` pages; the returned callback takes pages done since its last call."""
        return None

    def close(self) -> None:
        """Remove the display so the summary that follows starts on a clean line."""

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PlainProgress(Progress):
    """Piped output or CI: one line at 25, 50, 75 and 100 % of each long stage."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._shown: dict[str, int] = {}

    def _step(self, label: str, done: int, total: int) -> None:
        if total < LONG_WORK:
            return
        percent = 100 * done // total
        reached = [m for m in MILESTONES if percent >= m and m > self._shown.get(label, 0)]
        if reached:
            self._shown[label] = reached[-1]
            print(f"{label}: {done}/{total} ({reached[-1]}%)", file=self.stream, flush=True)

    def converting(self, done: int, total: int) -> None:
        self._step("converting seeds", done, total)

    def rendering(self, total: int) -> Callable[[int], None] | None:
        done = [0]

        def advance(count: int) -> None:
            done[0] += count
            self._step("rendering pages", done[0], total)

        return advance


class LiveProgress(Progress):
    """A terminal: one rich bar per stage, erased when the command finishes."""

    def __init__(self, stream: TextIO, colour: bool) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bars

        console = Console(file=stream, force_terminal=True, no_color=not colour, highlight=False)
        self._bars = Bars(
            TextColumn("{task.description:<18}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._tasks: dict[str, int] = {}
        self._loaded = 0
        self._started = False

    def _update(self, label: str, completed: int, total: int | None) -> None:
        if not self._started:
            self._bars.start()
            self._started = True
        if label not in self._tasks:
            self._tasks[label] = self._bars.add_task(label, total=total)
        self._bars.update(self._tasks[label], completed=completed, total=total)

    def converting(self, done: int, total: int) -> None:
        if total >= LONG_WORK:
            self._update("converting seeds", done, total)

    def loading(self, count: int) -> None:
        self._loaded += count
        if self._loaded >= LONG_WORK:
            self._update("reading content", self._loaded, None)

    def rendering(self, total: int) -> Callable[[int], None] | None:
        if total < LONG_WORK:
            return None
        done = [0]
        if "reading content" in self._tasks:  # reading is over once rendering starts
            self._update("reading content", self._loaded, self._loaded)
        self._update("rendering pages", 0, total)

        def advance(count: int) -> None:
            done[0] += count
            self._update("rendering pages", done[0], total)

        return advance

    def close(self) -> None:
        if self._started:
            self._bars.stop()
            self._started = False
