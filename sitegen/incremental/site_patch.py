"""The site after edits that move nothing (serve): the last site with the edited briefings swapped in.

An edit that keeps a briefing's URL, slug, date, publication and topics (its body, title,
summary, source, or a topic's spelling) changes no list's order or membership. The new site
is then the last one with the edited objects swapped in; which pages show them is decided
as in every build, by the digest of each page's context (pages.py). Every other change goes
the full way (taxonomy.build_site), which this equals by construction: tests build both
ways and compare the output byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.model import Briefing, Period, Site, Topic
from sitegen.site.taxonomy import most_used


@dataclass
class Plan:
    """The last site of a serve session, with the salt it was made under."""

    salt: str
    site: Site


def edited(previous: Site, briefings: list[Briefing]) -> dict[str, Briefing] | None:
    """URL -> new object for each edited briefing; None when the change moves anything."""
    if len(briefings) != len(previous.briefings):
        return None
    before = {b.url: b for b in previous.briefings}
    changes = {}
    for b in briefings:
        old = before.get(b.url)
        if old is None:
            return None
        if old is not b:
            if (
                old.slug != b.slug
                or old.date != b.date
                or [t.slug for t in old.tags] != [t.slug for t in b.tags]
            ):
                return None
            changes[b.url] = b
    return changes


def patch_site(previous: Site, changes: dict[str, Briefing]) -> Site:
    """The previous site with the changed briefings swapped in (related briefings are the caller's)."""
    briefings = list(previous.briefings)
    swap: dict[int, Briefing] = {}
    positions = []
    for i, b in enumerate(previous.briefings):
        if b.url in changes:
            swap[id(b)] = briefings[i] = changes[b.url]
            positions.append(i)

    def swapped(items: tuple[Briefing, ...]) -> tuple[Briefing, ...]:
        return tuple([swap.get(id(b), b) for b in items])

    slugs = {t.slug for b in changes.values() for t in b.tags}
    topics = [_topic(t, swapped(t.briefings)) if t.slug in slugs else t for t in previous.topics]
    months = {b.month_url for b in changes.values()}
    years = {b.year_url for b in changes.values()}
    site = Site(
        briefings,
        topics,
        [
            Period(p.year, p.month, p.url, swapped(p.briefings)) if p.url in years else p
            for p in previous.years
        ],
        [
            Period(p.year, p.month, p.url, swapped(p.briefings)) if p.url in months else p
            for p in previous.months
        ],
        dict(previous.neighbours),
    )
    last = len(briefings) - 1
    for i in positions:
        for j in range(max(0, i - 1), min(last, i + 1) + 1):
            site.neighbours[briefings[j].url] = (
                briefings[j - 1] if j > 0 else None,
                briefings[j + 1] if j < last else None,
            )
    return site


def _topic(topic: Topic, members: tuple[Briefing, ...]) -> Topic:
    name = most_used([t.name for b in members for t in b.tags if t.slug == topic.slug])
    return Topic(name, topic.slug, topic.url, members)
