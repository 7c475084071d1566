"""Site -> the list of output files to make, each with a fingerprint of what it shows (pure).

A page whose fingerprint matches the last build's is not rendered again: that is the whole
incremental-build rule, so every input a page shows must go into its fingerprint.
"""
from __future__ import annotations

import hashlib
from math import ceil
from operator import attrgetter
from typing import Iterable, NamedTuple, Sequence

from sitegen.model import Briefing, Paginator, Site

_rev = attrgetter("rev")  # 10,000s of pages: map() with it beats a generator expression
_slug = attrgetter("slug")


class Kept(NamedTuple):
    """Pages of the last plan known to be unchanged (site_patch.py): taken as they are."""

    briefings: dict[str, Page]  # by briefing URL
    lists: dict[tuple[str, str], list[Page]]  # every page of a paginated list, by (kind, key)
    sitemap: Page | None


class Page(NamedTuple):
    """One output file: what kind, which object, which page number, and its fingerprint."""

    path: str
    kind: str
    key: str = ""
    number: int = 1
    fingerprint: str = ""


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha1("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def page_url(base: str, number: int) -> str:
    """URL of page `number` of a list whose first page is at `base`."""
    return base if number == 1 else f"{base}page/{number}/"


def paginate(base: str, items: Sequence[Briefing], per_page: int, number: int) -> tuple[Sequence[Briefing], Paginator]:
    """The slice shown on page `number` and where it stands."""
    total = max(1, ceil(len(items) / per_page))
    chunk = items[(number - 1) * per_page : number * per_page]
    prev_url = page_url(base, number - 1) if number > 1 else None
    next_url = page_url(base, number + 1) if number < total else None
    return chunk, Paginator(number, total, prev_url, next_url, base, len(items))


def _list_pages(kind: str, key: str, base: str, items: Sequence[Briefing], per_page: int, salt: str, kept: Kept | None = None) -> list[Page]:
    if kept and (pages := kept.lists.get((kind, key))) is not None:
        return pages
    total = max(1, ceil(len(items) / per_page))
    pages = []
    head = f"{salt}\0{kind}\0{key}\0"
    for number in range(1, total + 1):
        chunk = items[(number - 1) * per_page : number * per_page]
        fp = _digest([f"{head}{number}\0{total}", *map(_rev, chunk)])
        pages.append(Page(page_url(base, number) + "index.html", kind, key, number, fp))
    return pages


def _briefing_pages(site: Site, salt: str, kept: Kept | None = None) -> list[Page]:
    """The page of each briefing."""
    name_of = {t.slug: t.name for t in site.topics}.__getitem__  # a topic's name comes from every briefing's spelling
    neighbours, related, sha1, known = site.neighbours, site.related, hashlib.sha1, kept.briefings if kept else {}
    pages = []
    for b in site.briefings:
        if (page := known.get(b.url)) is not None:
            pages.append(page)
            continue
        newer, older = neighbours[b.url]
        parts = [salt, b.rev, newer.rev if newer else "", older.rev if older else "", *map(_rev, related.get(b.url, ())), *map(name_of, map(_slug, b.tags))]
        fingerprint = sha1("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:20]
        pages.append(Page(b.output_path, "briefing", b.url, 1, fingerprint))
    return pages


def _feed_pages(site: Site, feed_items: int, salt: str) -> list[Page]:
    pages = []
    latest = site.briefings[:feed_items]
    for name in ("feed.xml", "atom.xml", "feed.json"):
        pages.append(Page(name, "feed", "", 1, _digest([salt, name, *map(_rev, latest)])))
    for topic in site.topics:
        items = topic.briefings[:feed_items]
        for name in ("feed.xml", "atom.xml", "feed.json"):
            parts = [salt, name, topic.name, *map(_rev, items)]
            pages.append(Page(topic.url + name, "feed", topic.slug, 1, _digest(parts)))
    return pages


def plan_pages(site: Site, per_page: int, feed_items: int, salt: str, static_files: Sequence[tuple[str, str]], kept: Kept | None = None) -> list[Page]:
    """Every output file of the site, in a stable order.

    `kept`: pages of the last plan whose inputs are known not to have changed (site_patch.py).
    """
    pages = _briefing_pages(site, salt, kept)
    pages += _list_pages("index", "", "", site.briefings, per_page, salt, kept)
    topic_summary = [f"{t.slug}|{t.name}|{t.count}|{t.briefings[0].rev}" for t in site.topics]
    pages.append(Page("topics/index.html", "topics", "", 1, _digest([salt, *topic_summary])))
    pages.append(Page("topics/by-size.html", "topics", "size", 1, _digest([salt, "size", *topic_summary])))
    for topic in site.topics:
        shown = f"{topic.name}|{topic.count}|{topic.briefings[0].rev}"  # the heading of every page
        pages += _list_pages("topic", topic.slug, topic.url, topic.briefings, per_page, salt + shown, kept)
    archive_summary = [f"{p.url}|{p.count}" for p in site.months]
    pages.append(Page("archive/index.html", "archive", "", 1, _digest([salt, *archive_summary])))
    for period in site.years:
        pages += _list_pages("year", period.url, period.url, period.briefings, per_page, salt + "|".join(archive_summary), kept)
    for period in site.months:
        pages += _list_pages("month", period.url, period.url, period.briefings, per_page, salt + str(period.count), kept)
    pages += _feed_pages(site, feed_items, salt)
    if kept and kept.sitemap:
        pages.append(kept.sitemap)
    else:
        urls_and_dates = _digest(f"{b.url}|{b.date}" for b in site.briefings)  # all the sitemap shows: a body edit leaves it alone
        pages.append(Page("sitemap.xml", "sitemap", "", 1, _digest([salt, urls_and_dates, *(f"{t.url}|{t.count}" for t in site.topics)])))
    pages.append(Page("robots.txt", "robots", "", 1, _digest([salt])))
    pages.append(Page("404.html", "notfound", "", 1, _digest([salt])))
    pages.append(Page("search/index.html", "search", "", 1, _digest([salt])))
    pages += [Page(path, "static", path, 1, digest) for path, digest in static_files]
    return pages
