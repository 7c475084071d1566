"""The site after edits that move nothing (serve): the last site with the edited briefings swapped in.

An edit that keeps a briefing's URL, slug, date, publication and topics (its body, title,
summary, source, or a topic's spelling) changes no list's order or membership. The new site
is then the last one with the edited objects swapped in, and a briefing page needs a new
fingerprint only if it shows an edited briefing: its own, its neighbours', those whose
related briefings include one or changed, and those of topics whose name changed. Every
other change goes the full way (taxonomy.build_site), which this equals by construction:
tests build both ways and compare the output byte for byte.
"""
from __future__ import annotations

from dataclasses import dataclass

from sitegen.model import Briefing, Period, Site, Topic
from sitegen.pages import Kept, Page
from sitegen.taxonomy import most_used


@dataclass
class Plan:
    """The last site and page plan of a serve session, with the salt they were made under."""

    salt: str
    site: Site
    pages: list[Page]


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
            if old.slug != b.slug or old.date != b.date or [t.slug for t in old.tags] != [t.slug for t in b.tags]:
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
    site = Site(briefings, topics,
                [Period(p.year, p.month, p.url, swapped(p.briefings)) if p.url in years else p for p in previous.years],
                [Period(p.year, p.month, p.url, swapped(p.briefings)) if p.url in months else p for p in previous.months],
                dict(previous.neighbours))
    last = len(briefings) - 1
    for i in positions:
        for j in range(max(0, i - 1), min(last, i + 1) + 1):
            site.neighbours[briefings[j].url] = (briefings[j - 1] if j > 0 else None, briefings[j + 1] if j < last else None)
    return site


def _topic(topic: Topic, members: tuple[Briefing, ...]) -> Topic:
    name = most_used([t.name for b in members for t in b.tags if t.slug == topic.slug])
    return Topic(name, topic.slug, topic.url, members)


def unchanged_pages(previous: Plan, site: Site, changes: dict[str, Briefing]) -> Kept:
    """Pages of the previous plan that show no edited briefing.

    Briefing pages: all but the edited ones, their neighbours, those whose related briefings
    include an edited one or changed, and those of renamed topics. Paginated lists: those
    without an edited briefing (a topic's heading shows its name, size and newest briefing,
    so every page of a touched topic is planned again). The sitemap shows only URLs, dates
    and topic sizes, which such edits keep.
    """
    stale = set(changes)
    for url in changes:
        stale.update(b.url for b in site.neighbours[url] if b is not None)
    before = previous.site.related
    stale.update(url for url, picked in site.related.items() if picked != before.get(url))  # an edited one in it compares unequal
    renamed = {t.slug for t, old in zip(site.topics, previous.site.topics) if t.name != old.name}
    if renamed:
        stale.update(b.url for t in site.topics if t.slug in renamed for b in t.briefings)
    touched = {("index", "")} if changes else set()
    touched |= {("topic", t.slug) for b in changes.values() for t in b.tags} | {("topic", slug) for slug in renamed}
    touched |= {("month", b.month_url) for b in changes.values()} | {("year", b.year_url) for b in changes.values()}
    briefings: dict[str, Page] = {}
    lists: dict[tuple[str, str], list[Page]] = {}
    sitemap = None
    for page in previous.pages:
        if page.kind == "briefing":
            if page.key not in stale:
                briefings[page.key] = page
        elif page.kind in ("index", "topic", "year", "month"):
            if (page.kind, page.key) not in touched:
                lists.setdefault((page.kind, page.key), []).append(page)
        elif page.kind == "sitemap":
            sitemap = page
    return Kept(briefings, lists, sitemap)
