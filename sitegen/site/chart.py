"""Briefings per month as bars for a small static chart (drawn as inline SVG by the theme's `month_chart` macro)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sitegen.model import Briefing, archive_url, month_label

HEIGHT = 80
"""Height of the tallest bar, in SVG units."""
WIDTH = 600
"""Width the bars share, in SVG units (each bar gets at least 2, at most 24)."""
GAP = 0.2
"""Share of a bar's slot left empty between bars."""


@dataclass(frozen=True)
class Bar:
    """One month: its label, briefing count, archive page (None when the month has no briefing) and geometry."""

    label: str
    count: int
    url: str | None
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    """Bars for every month from the oldest briefing's to the newest's, oldest first."""

    bars: tuple[Bar, ...]
    width: float
    height: float
    peak: Bar

    @property
    def span(self) -> str:
        """First and last month, for the chart's title."""
        return (
            self.bars[0].label
            if len(self.bars) == 1
            else f"{self.bars[0].label} to {self.bars[-1].label}"
        )


def _months(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    out, (year, month) = [], first
    while (year, month) <= last:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_chart(briefings: Sequence[Briefing]) -> Chart | None:
    """The chart of dated briefings per month (every month in the range, empty ones too); None when none is dated."""
    counts = Counter((b.date.year, b.date.month) for b in briefings if b.date is not None)
    if not counts:
        return None
    months = _months(min(counts), max(counts))
    slot = min(24.0, max(2.0, WIDTH / len(months)))
    top = max(counts.values())
    bars = []
    for index, (year, month) in enumerate(months):
        count = counts.get((year, month), 0)
        height = round(HEIGHT * count / top, 2)
        bars.append(
            Bar(
                month_label(year, month),
                count,
                archive_url(year, month) if count else None,
                round(index * slot, 2),
                round(HEIGHT - height, 2),
                round(slot * (1 - GAP), 2),
                height,
            )
        )
    peak = max(bars, key=lambda bar: bar.count)  # the first month with the most
    return Chart(tuple(bars), round(len(months) * slot, 2), HEIGHT, peak)
