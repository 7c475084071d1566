"""Errors and problem reports: every message says where, what, and how to fix it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input file, printed as `path:line: message` + hint."""

    path: str
    line: int | None
    message: str
    hint: str | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n  {self.hint}"
        return text

    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line or 0, self.message)


class SitegenError(Exception):
    """An error the user can fix; the CLI prints it without a traceback."""

    exit_code = 1

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class UsageError(SitegenError):
    """Bad command line or missing folder: exit status 2."""

    exit_code = 2


class ConfigError(SitegenError):
    """The site's config is invalid; the build cannot start."""


class ContentError(SitegenError):
    """A content file cannot be read; carries the Problem that says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem), [problem])
        self.problem = problem


class TemplateError(SitegenError):
    """A theme template failed to load or render."""
