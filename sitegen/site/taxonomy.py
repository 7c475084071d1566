"""Briefings -> topics, date archives and neighbours (pure)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from sitegen.model import Briefing, Period, Site, Topic, archive_url


def build_topics(briefings: list[Briefing]) -> list[Topic]:
    """One topic per slug, its briefings newest first; the most used spelling names it."""
    members: dict[str, list[Briefing]] = defaultdict(list)
    spellings: dict[str, list[str]] = defaultdict(list)
    for briefing in briefings:
        for tag in briefing.tags:
            members[tag.slug].append(briefing)
            spellings[tag.slug].append(tag.name)
    return [
        Topic(most_used(spellings[slug]), slug, f"topics/{slug}/", tuple(members[slug]))
        for slug in sorted(members)
    ]


def most_used(spellings: list[str]) -> str:
    """A topic's name: its most used spelling (ties: the first in sort order)."""
    return min(Counter(spellings).items(), key=lambda item: (-item[1], item[0]))[0]


def build_periods(briefings: list[Briefing]) -> tuple[list[Period], list[Period]]:
    """Years and months of the date archive, newest first, each listing its briefings."""
    years: dict[int, list[Briefing]] = defaultdict(list)
    months: dict[tuple[int, int], list[Briefing]] = defaultdict(list)
    for briefing in briefings:
        assert briefing.date is not None
        years[briefing.date.year].append(briefing)
        months[(briefing.date.year, briefing.date.month)].append(briefing)
    year_list = [
        Period(y, None, archive_url(y), tuple(years[y])) for y in sorted(years, reverse=True)
    ]
    month_list = [
        Period(y, m, archive_url(y, m), tuple(months[(y, m)]))
        for y, m in sorted(months, reverse=True)
    ]
    return year_list, month_list


def month_groups(briefings: Sequence[Briefing]) -> list[Period]:
    """Consecutive briefings (newest first) grouped by month, for month headings in a list."""
    runs: list[tuple[int, int, list[Briefing]]] = []
    for briefing in briefings:
        assert briefing.date is not None
        year, month = briefing.date.year, briefing.date.month
        if runs and runs[-1][:2] == (year, month):
            runs[-1][2].append(briefing)
        else:
            runs.append((year, month, [briefing]))
    return [
        Period(year, month, archive_url(year, month), tuple(items)) for year, month, items in runs
    ]


def build_site(briefings: list[Briefing]) -> Site:
    """Sort briefings newest first (ties by slug) and index them."""
    ordered = sorted(briefings, key=Briefing.sort_key)
    years, months = build_periods(ordered)
    site = Site(ordered, build_topics(ordered), years, months)
    for index, briefing in enumerate(ordered):
        newer = ordered[index - 1] if index > 0 else None
        older = ordered[index + 1] if index + 1 < len(ordered) else None
        site.neighbours[briefing.url] = (newer, older)
    return site
