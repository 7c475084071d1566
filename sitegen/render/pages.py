"""Page kinds, in one registry: which pages each makes and the context each page is made from.

A page's context (the variables its template receives, or what a feed or the sitemap is
written from) is built by one function, `PageKind.context`, and the page's fingerprint is the
digest of that context (digests.py). A page whose fingerprint matches the last build's is not
rendered again: that is the whole incremental-build rule, and since rendering takes its
values from the same function, nothing can reach a page without reaching its fingerprint.
Adding a page kind means adding one entry to KINDS.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from math import ceil
from pathlib import Path
from typing import Any, NamedTuple

from markupsafe import Markup

from sitegen.config import SiteConfig
from sitegen.content import bodies
from sitegen.incremental.digests import Deferred, Digests, digest_text
from sitegen.model import Briefing, Paginator, Period, Site, Topic, page_url, summary
from sitegen.render.template_use import ANYTHING, TemplateUse
from sitegen.site.chart import month_chart
from sitegen.site.taxonomy import month_groups

FEED_FILES = ("feed.xml", "atom.xml", "feed.json")
FEEDS = (("RSS", "feed.xml"), ("Atom", "atom.xml"), ("JSON Feed", "feed.json"))


class Page(NamedTuple):
    """One output file: what kind, which object, which page number, and its fingerprint."""

    path: str
    kind: str
    key: str = ""
    number: int = 1
    fingerprint: str = ""


@dataclass
class SiteView:
    """What every page is made from: the settings, the site, the theme's static files; with lookups."""

    config: SiteConfig
    site: Site
    static: dict[str, Path] = field(default_factory=dict)  # output path -> source file

    def __post_init__(self) -> None:
        self.by_url: dict[str, Briefing] = {b.url: b for b in self.site.briefings}
        self.topics: dict[str, Topic] = {t.slug: t for t in self.site.topics}
        self.periods: dict[str, Period] = {p.url: p for p in self.site.years + self.site.months}
        self.by_size = sorted(self.site.topics, key=lambda t: (-t.count, t.slug))
        self._topics_of: dict[tuple[str, ...], tuple[Topic, ...]] = {}
        self.uses: dict[
            str, TemplateUse
        ] = {}  # what each template may read (template_use.py); missing: anything
        self._summaries: dict[int, tuple[object, object]] = {}
        config = self.config  # the part of every page's context (common) that is the same on all
        self.shared = {
            "site": config,
            "index_links": config.index_links,
            "feeds": FEEDS,
            "feed_base": "",
            "feed_title": config.title,
        }

    def summarised(self, value: Any) -> Any:
        """A topic or period as its summary; a tuple or list with them, with theirs; anything else as it is."""
        kind = type(value)
        if (
            kind is not Topic
            and kind is not Period
            and not (
                (kind is tuple or kind is list) and value and type(value[0]) in (Topic, Period)
            )
        ):
            return value
        found = self._summaries.get(id(value))
        if found is not None and found[0] is value:
            return found[1]
        made = (
            summary(value) if kind is Topic or kind is Period else kind(map(self.summarised, value))
        )
        self._summaries[id(value)] = (value, made)
        return made

    def topics_of(self, briefing: Briefing) -> tuple[Topic, ...]:
        """A briefing's topics, named as on the topic pages (one tuple for all briefings of the same topics)."""
        slugs = tuple([tag.slug for tag in briefing.tags])
        found = self._topics_of.get(slugs)
        if found is None:
            found = self._topics_of[slugs] = tuple([self.topics[slug] for slug in slugs])
        return found


def paginate(
    base: str, items: Sequence[Briefing], per_page: int, number: int
) -> tuple[Sequence[Briefing], Paginator]:
    """The slice shown on page `number` and where it stands."""
    total = max(1, ceil(len(items) / per_page))
    chunk = items[(number - 1) * per_page : number * per_page]
    prev_url = page_url(base, number - 1) if number > 1 else None
    next_url = page_url(base, number + 1) if number < total else None
    return chunk, Paginator(number, total, prev_url, next_url, base, len(items))


def _list(kind: str, key: str, base: str, items: Sequence[Briefing], per_page: int) -> list[Page]:
    """Every page of a paginated list."""
    return [
        Page(page_url(base, n) + "index.html", kind, key, n)
        for n in range(1, max(1, ceil(len(items) / per_page)) + 1)
    ]


def body_of(config: SiteConfig, briefing: Briefing) -> Deferred:
    """A briefing's body HTML, read when rendered; its digest is the body's hash."""
    return Deferred(briefing.body_hash, lambda: Markup(bodies.body_html(config, briefing)))


def chart_of(briefings: Sequence[Briefing]) -> Deferred:
    """Briefings per month as a chart (chart.py), drawn when rendered; its digest is what it is drawn
    from, the count of briefings of each month."""
    months: dict[tuple[int, int], int] = {}
    for b in briefings:
        if b.date is not None:
            month = (b.date.year, b.date.month)
            months[month] = months.get(month, 0) + 1
    return Deferred(
        digest_text([f"{year}-{month}:{count}" for (year, month), count in sorted(months.items())]),
        lambda: month_chart(briefings),
    )


# --- the context of each page kind ----------------------------------------------------------


def common(view: SiteView, page: Page) -> dict[str, Any]:
    """What every template receives (docs/themes.md) that follows from the settings and the page's path and kind alone."""
    url = page.path[:-10] if page.path.endswith("index.html") else page.path
    return {
        **view.shared,
        "root": "../" * page.path.count("/"),
        "page_url": url,
        "canonical": view.config.base_url + url,
        "kind": page.kind,
    }


def own_context(kind: PageKind, view: SiteView, page: Page) -> dict[str, Any]:
    """What a page's context holds beyond `common`: its kind's variables and the site-wide `topic_count`."""
    own = kind.context(view, page)
    if kind.template is None:
        return own
    own.setdefault("topic_count", len(view.site.topics))
    use = view.uses.get(kind.template, ANYTHING)
    if not use.members:  # it never reads a topic's or period's briefings: it gets their summaries
        summarised = view.summarised
        own = {name: summarised(value) for name, value in own.items()}
    return own


def page_context(kind: PageKind, view: SiteView, page: Page) -> dict[str, Any]:
    """The whole context of a page: for a template, `common` and its own variables (which win)."""
    own = own_context(kind, view, page)
    return {**common(view, page), **own} if kind.template is not None else own


def briefing_context(view: SiteView, page: Page) -> dict[str, Any]:
    b = view.by_url[page.key]
    newer, older = view.site.neighbours[b.url]
    return {
        "briefing": b,
        "newer": newer,
        "older": older,
        "related": view.site.related.get(b.url, ()),
        "body": body_of(view.config, b),
        "topics": view.topics_of(b),
    }


def index_context(view: SiteView, page: Page) -> dict[str, Any]:
    items, paginator = paginate("", view.site.briefings, view.config.per_page, page.number)
    return {"items": items, "paginator": paginator}


def topics_context(view: SiteView, page: Page) -> dict[str, Any]:
    return {
        "order": page.key or "name",
        "topics": view.by_size if page.key == "size" else view.site.topics,
    }


def topic_context(view: SiteView, page: Page) -> dict[str, Any]:
    topic = view.topics[page.key]
    items, paginator = paginate(topic.url, topic.briefings, view.config.per_page, page.number)
    return {
        "topic": topic,
        "items": items,
        "paginator": paginator,
        "months": month_groups(items),
        "chart": chart_of(topic.briefings) if page.number == 1 else None,
        "feed_base": topic.url,
        "feed_title": f"{view.config.title}: {topic.name}",
    }


def archive_context(view: SiteView, page: Page) -> dict[str, Any]:
    return {
        "years": view.site.years,
        "months": view.site.months,
        "chart": chart_of(view.site.briefings),
    }


def period_context(view: SiteView, page: Page) -> dict[str, Any]:
    period = view.periods[page.key]
    items, paginator = paginate(period.url, period.briefings, view.config.per_page, page.number)
    months = [m for m in view.site.months if m.year == period.year]
    return {"period": period, "months": months, "items": items, "paginator": paginator}


def not_found_root(base_url: str) -> str:
    """Where the 404 page's links start: the path of the base URL (`/`, `/news/`), right on any host and port."""
    from urllib.parse import urlsplit

    return urlsplit(base_url).path or "/"


def not_found_context(view: SiteView, page: Page) -> dict[str, Any]:
    return {"root": not_found_root(view.config.base_url)}  # served at any missing address


def feed_context(view: SiteView, page: Page) -> dict[str, Any]:
    """A feed: its title and items, and their bodies when feeds carry full content."""
    config = view.config
    if page.key:
        topic = view.topics[page.key]
        head = (
            f"{config.title}: {topic.name}",
            f"Briefings on {topic.name}.",
            topic.url,
            topic.url,
        )
        items = topic.briefings[: config.feed_items]
    else:
        head, items = (
            (config.title, config.description, "", ""),
            tuple(view.site.briefings[: config.feed_items]),
        )
    found = {b.url: body_of(config, b) for b in items} if config.feed_full_content else {}
    return {
        "site": config,
        "format": page.path.rpartition("/")[2],
        "head": head,
        "items": items,
        "bodies": found,
    }


def sitemap_context(view: SiteView, page: Page) -> dict[str, Any]:
    from sitegen.render.sitemap import sitemap_entries

    entries = sitemap_entries(view.config, view.site)
    text = "\n".join(
        [f"{url}\t{lastmod}" for url, lastmod in entries]
    )  # one digest for 10,000s of entries
    return {
        "site": view.config,
        "entries": Deferred(
            hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest(), lambda: entries
        ),
    }


def static_context(view: SiteView, page: Page) -> dict[str, Any]:
    source = view.static[page.path]
    data = source.read_bytes()
    return {"data": Deferred(hashlib.sha1(data).hexdigest(), lambda: data)}


# --- what each kind makes, for the kinds Python writes ---------------------------------------


def make_feed(ctx: dict[str, Any]) -> bytes:
    from sitegen.render import feeds

    feed = feeds.Feed(*ctx["head"], ctx["items"])
    return feeds.FORMATS[ctx["format"]](ctx["site"], feed, lambda b: ctx["bodies"][b.url])


def make_sitemap(ctx: dict[str, Any]) -> bytes:
    from sitegen.render.sitemap import sitemap_of

    return sitemap_of(ctx["site"], ctx["entries"])


def make_robots(ctx: dict[str, Any]) -> bytes:
    from sitegen.render.sitemap import robots_txt

    return robots_txt(ctx["site"])


# --- the registry -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PageKind:
    """One kind of output file: the pages it makes, each page's context, and how it is written."""

    name: str
    plan: Callable[[SiteView], list[Page]]
    context: Callable[[SiteView, Page], dict[str, Any]]
    template: str | None = None  # a Jinja template; else `make` writes the bytes
    make: Callable[[dict[str, Any]], bytes] | None = None


def _one(path: str, kind: str, key: str = "") -> Callable[[SiteView], list[Page]]:
    return lambda view: [Page(path, kind, key)]


def _lists(
    kind: str, groups: Callable[[SiteView], Sequence[Topic | Period]], by_slug: bool = False
) -> Callable[[SiteView], list[Page]]:
    """Every page of each group's paginated list; a page's key is the group's slug or URL."""

    def plan(view: SiteView) -> list[Page]:
        per_page = view.config.per_page
        return [
            page
            for g in groups(view)
            for page in _list(kind, g.slug if by_slug else g.url, g.url, g.briefings, per_page)
        ]

    return plan


def _feeds(view: SiteView) -> list[Page]:
    pages = [Page(name, "feed") for name in FEED_FILES]
    return pages + [
        Page(t.url + name, "feed", t.slug) for t in view.site.topics for name in FEED_FILES
    ]


KINDS: dict[str, PageKind] = {
    kind.name: kind
    for kind in (
        PageKind(
            "briefing",
            lambda v: [Page(b.output_path, "briefing", b.url) for b in v.site.briefings],
            briefing_context,
            "briefing.html",
        ),
        PageKind(
            "index",
            lambda v: _list("index", "", "", v.site.briefings, v.config.per_page),
            index_context,
            "index.html",
        ),
        PageKind(
            "topics",
            lambda v: [
                Page("topics/index.html", "topics"),
                Page("topics/by-size.html", "topics", "size"),
            ],
            topics_context,
            "topics.html",
        ),
        PageKind(
            "topic",
            _lists("topic", lambda v: v.site.topics, by_slug=True),
            topic_context,
            "topic.html",
        ),
        PageKind("archive", _one("archive/index.html", "archive"), archive_context, "archive.html"),
        PageKind("year", _lists("year", lambda v: v.site.years), period_context, "period.html"),
        PageKind("month", _lists("month", lambda v: v.site.months), period_context, "period.html"),
        PageKind("feed", _feeds, feed_context, make=make_feed),
        PageKind("sitemap", _one("sitemap.xml", "sitemap"), sitemap_context, make=make_sitemap),
        PageKind(
            "robots",
            _one("robots.txt", "robots"),
            lambda v, p: {"site": v.config},
            make=make_robots,
        ),
        PageKind("notfound", _one("404.html", "notfound"), not_found_context, "404.html"),
        PageKind(
            "search",
            lambda v: [Page("search/index.html", "search")] if v.config.search else [],
            lambda v, p: {},
            "search.html",
        ),
        PageKind(
            "static",
            lambda v: [Page(path, "static", path) for path in sorted(v.static)],
            static_context,
            make=lambda ctx: ctx["data"],
        ),
    )
}


def plan_pages(view: SiteView, salt: str, used: Callable[[str], TemplateUse]) -> list[Page]:
    """Every output file of the site, in a stable order, each with the digest of its context.

    `used(template)`: what that template can read (template_use.py); kept in view.uses for rendering.
    A template page's `common` part follows from view.shared and its path and kind: those
    stand in for it in the digest (one digest of view.shared, not ten values per page).
    """
    digests = Digests()
    shared = digests.of(view.shared)
    pages: list[Page] = []
    for kind in KINDS.values():
        if kind.template:
            view.uses[kind.template] = used(kind.template)
        keys = view.uses[kind.template].names if kind.template else None
        head = f"{salt}\0{kind.name}\0{kind.template or ''}\0{shared if kind.template else ''}\0"
        of_context = digests.of_context
        pages += [
            page._replace(
                fingerprint=of_context(head + page.path, own_context(kind, view, page), keys)
            )
            for page in kind.plan(view)
        ]
    return pages


def resolved(context: dict[str, Any]) -> dict[str, Any]:
    """The context with its deferred values loaded, for rendering."""
    out = {}
    for key, value in context.items():
        if isinstance(value, Deferred):
            value = value.load()
        elif isinstance(value, dict) and any(isinstance(v, Deferred) for v in value.values()):
            value = {k: v.load() if isinstance(v, Deferred) else v for k, v in value.items()}
        out[key] = value
    return out
