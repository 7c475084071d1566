"""A progress bar on a terminal for long conversions and builds."""
from __future__ import annotations

from typing import Callable, TextIO


class TerminalProgress:
    """Callbacks the build calls as work advances; draws one line on the terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def _bar(self, label: str, total: int) -> Callable[[int], None]:
        done = [0]

        def advance(count: int) -> None:
            done[0] += count
            width = 30
            filled = int(width * done[0] / max(total, 1))
            self.stream.write(f"\r{label:<10} [{'#' * filled}{'.' * (width - filled)}] {done[0]}/{total}")
            if done[0] >= total:
                self.stream.write("\n")
            self.stream.flush()

        return advance

    def converting(self, done: int, total: int) -> None:
        if total >= 200:
            self.stream.write(f"\rconvert    {done}/{total}" + ("\n" if done >= total else ""))
            self.stream.flush()

    def loading(self, count: int) -> None:
        pass

    def rendering(self, total: int) -> Callable[[int], None] | None:
        return self._bar("render", total) if total >= 200 else None
