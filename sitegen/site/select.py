"""Which briefings a build publishes: drafts and future-dated ones only when asked."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from sitegen.model import Briefing


def build_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set (for reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


def select_briefings(
    briefings: list[Briefing], drafts: bool, future: bool
) -> tuple[list[Briefing], int]:
    """The briefings to publish and how many were left out. Undated drafts never appear in lists."""
    now = None if future else build_time()
    chosen = []
    for briefing in briefings:
        if briefing.date is None or (briefing.draft and not drafts):
            continue
        if now is not None and briefing.date > now:
            continue
        chosen.append(briefing)
    return chosen, len(briefings) - len(chosen)
