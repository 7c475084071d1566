"""Errors and problem reports: every message says where, what, and how to fix it."""

from __future__ import annotations

import errno
import os
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


class TemplateError(SitegenError):
    """A theme template failed to load or render."""


_OS_HINTS = {
    errno.ENOSPC: "Free some space on that disk and run the command again.",
    errno.EDQUOT: "Free some space (the disk quota is used up) and run the command again.",
    errno.EROFS: "That file system is read-only: make it writable, or build into another folder with --output DIR.",
    errno.EACCES: "Check the permissions of that file and its folder.",
    errno.EPERM: "Check the permissions of that file and its folder.",
}


def os_error_text(exc: OSError) -> str:
    """A failed file operation in one line plus a hint: which file, what the system said, how to fix it."""
    hint = _OS_HINTS.get(exc.errno, "Check that file and its folder, then run the command again.")
    if exc.filename is None:
        return f"{exc.strerror or exc}.\n  {hint}"
    where = os.fsdecode(exc.filename)
    if os.path.isabs(where):
        relative = os.path.relpath(where)
        where = where if relative.startswith("..") else relative
    return f"{where}: {exc.strerror or exc}.\n  {hint}"
