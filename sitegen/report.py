"""What the user sees: problems with their files, progress, and the closing summary."""
from __future__ import annotations

import os
import sys
from typing import TextIO

from sitegen.errors import Problem


class Reporter:
    """Prints problems and summaries; colour only on a terminal and never with NO_COLOR."""

    def __init__(self, stream: TextIO | None = None, quiet: bool = False, verbose: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.verbose = verbose
        self.colour = self.stream.isatty() and "NO_COLOR" not in os.environ

    def _paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.colour else text

    def problems(self, problems: list[Problem]) -> None:
        """Every problem, sorted by file and line, errors and warnings alike."""
        for problem in sorted(problems, key=Problem.sort_key):
            if problem.severity == "warning" and self.quiet:
                continue
            label = self._paint(problem.severity, "31;1" if problem.severity == "error" else "33")
            where = f"{problem.path}:{problem.line}" if problem.line else problem.path
            print(f"{where}: {label}: {problem.message}", file=self.stream)
            if problem.hint:
                print(f"  {problem.hint}", file=self.stream)

    def line(self, text: str) -> None:
        if not self.quiet:
            print(text, file=self.stream)

    def error(self, text: str) -> None:
        print(f"{self._paint('error', '31;1')}: {text}", file=self.stream)

    def progress(self):
        """A progress display for long work (or None when quiet / not a terminal)."""
        if self.quiet or not self.stream.isatty():
            return None
        from sitegen.progress import TerminalProgress

        return TerminalProgress(self.stream)
