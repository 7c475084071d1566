"""ConvertReport: what a convert run did (plain data; the build stamp keeps the last one)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitegen.errors import Problem


@dataclass
class ConvertReport:
    """What one `sitegen convert` run did."""

    converted: int = 0
    unchanged: int = 0
    kept_edits: int = 0
    duplicates: int = 0
    rejected: int = 0
    drafts: int = 0
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    settings_changed: bool = False  # the convert settings or topics changed since the last run: every seed was converted again

    @property
    def ok(self) -> bool:
        """True when no seed was rejected (warnings allowed)."""
        return not any(problem.severity == "error" for problem in self.problems)
