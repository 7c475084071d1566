"""What the user sees: problems with their files, progress, and the closing summary."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import TextIO

from sitegen.errors import Problem
from sitegen.progress import LiveProgress, PlainProgress, Progress

WARNINGS_SHOWN = 20  # more warnings than this are counted, not listed, unless --verbose


@dataclass
class Summary:
    """The counts a run ends with; None means the stage did not run."""

    seeds: tuple[int, int, int] | None = None  # converted, skipped, rejected
    seeds_detail: str = ""  # the skipped seeds broken down, shown with --verbose
    seeds_note: str = ""  # why the seeds were converted again, shown after the counts
    briefings: int | None = None
    topics: int = 0
    pages: tuple[int, int, int] | None = None  # written, unchanged, removed
    nothing_changed: bool = False
    warnings: int = 0
    errors: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


SETTINGS_CHANGED = (
    "convert settings or topics changed: every seed converted again, hand-edited briefings kept"
)


def seeds_note(report) -> str:
    """The note after the seed counts, from a ConvertReport."""
    return SETTINGS_CHANGED if getattr(report, "settings_changed", False) else ""


def seed_counts(report) -> tuple[tuple[int, int, int], str]:
    """(converted, skipped, rejected) and the breakdown of the skipped, from a ConvertReport."""
    skipped = report.unchanged + report.kept_edits + report.duplicates
    detail = (
        f"skipped seeds: {report.unchanged} unchanged, {report.kept_edits} hand-edited briefings kept, "
        f"{report.duplicates} duplicates; {report.drafts} drafts"
    )
    return (report.converted, skipped, report.rejected), detail


def summary_lines(summary: Summary, verbose: bool = False) -> list[str]:
    """The closing summary as plain text lines."""
    lines = []
    if summary.seeds is not None:
        converted, skipped, rejected = summary.seeds
        lines.append(
            f"seeds: {converted} converted, {skipped} skipped, {rejected} rejected"
            + (f" ({summary.seeds_note})" if summary.seeds_note else "")
        )
        if verbose and summary.seeds_detail:
            lines.append(f"  {summary.seeds_detail}")
    if summary.nothing_changed:
        lines.append("site: nothing changed; output/ is up to date")
    elif summary.briefings is not None:
        site = f"site: {_plural(summary.briefings, 'briefing')}, {_plural(summary.topics, 'topic')}"
        if summary.pages is not None:
            written, unchanged, removed = summary.pages
            site += f"; pages: {written} written, {unchanged} unchanged, {removed} removed"
        lines.append(site)
    if verbose and summary.timings:
        lines.append(
            "  time per stage: "
            + ", ".join(f"{name} {secs:.2f} s" for name, secs in summary.timings.items())
        )
    lines.append(
        f"{_plural(summary.warnings, 'warning')}, {_plural(summary.errors, 'error')} in {summary.seconds:.2f} s"
    )
    return lines


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def wants_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, never with NO_COLOR set (any value) or TERM=dumb."""
    return _isatty(stream) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Reporter:
    """Prints problems and summaries; colour only on a terminal and never with NO_COLOR."""

    def __init__(
        self,
        stream: TextIO | None = None,
        quiet: bool = False,
        verbose: bool = False,
        strict: bool = False,
    ) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.strict = strict  # warnings are errors: --quiet still shows them
        self.verbose = verbose and not quiet
        self.colour = wants_colour(self.stream)

    def _paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.colour else text

    def problems(self, problems: list[Problem]) -> None:
        """Every error, and the warnings (all with --verbose, none with --quiet unless --strict), by file and line."""
        shown_warnings = 0
        hidden = 0
        for problem in sorted(problems, key=Problem.sort_key):
            if problem.severity == "warning":
                if self.quiet and not self.strict:
                    continue
                if not self.verbose and shown_warnings >= WARNINGS_SHOWN:
                    hidden += 1
                    continue
                shown_warnings += 1
            label = self._paint(problem.severity, "31;1" if problem.severity == "error" else "33")
            where = f"{problem.path}:{problem.line}" if problem.line else problem.path
            print(f"{where}: {label}: {problem.message}", file=self.stream)
            if problem.hint:
                print(f"  {problem.hint}", file=self.stream)
        if hidden:
            print(
                f"... and {_plural(hidden, 'more warning')} (run with --verbose to see them all).",
                file=self.stream,
            )

    def line(self, text: str) -> None:
        """A line of normal output (hidden by --quiet)."""
        if not self.quiet:
            print(text, file=self.stream)

    def detail(self, text: str) -> None:
        """A line shown only with --verbose."""
        if self.verbose:
            print(text, file=self.stream)

    def error(self, text: str) -> None:
        """An error that is not about one file; always shown."""
        print(f"{self._paint('error', '31;1')}: {text}", file=self.stream)

    def summary(self, summary: Summary) -> None:
        """The closing summary; with --quiet only when something went wrong (with --strict, a warning is)."""
        if self.quiet and not summary.errors and not (self.strict and summary.warnings):
            return
        lines = summary_lines(summary, self.verbose)
        last = lines.pop()
        for text in lines:
            print(text, file=self.stream)
        if self.colour:
            code = "31;1" if summary.errors else "33" if summary.warnings else "32"
            last = self._paint(last, code)
        print(last, file=self.stream)

    def progress(self) -> Progress:
        """Bars on a terminal (not in CI), a few plain lines when piped, nothing with --quiet."""
        if self.quiet:
            return Progress()
        if _isatty(self.stream) and not os.environ.get("CI") and os.environ.get("TERM") != "dumb":
            return LiveProgress(self.stream, self.colour)
        return PlainProgress(self.stream)
