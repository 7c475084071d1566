"""Plain data of a site: briefings, topics, archives and pages. No IO."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_label(year: int, month: int) -> str:
    """A month as pages name it: `March 2005`."""
    return f"{MONTHS[month - 1]} {year}"


def archive_url(year: int, month: int | None = None) -> str:
    """Site-relative URL of a year's or a month's archive page."""
    return f"archive/{year:04d}/" if month is None else f"archive/{year:04d}/{month:02d}/"


def page_url(base: str, number: int) -> str:
    """URL of page `number` of a list whose first page is at `base`."""
    return base if number == 1 else f"{base}page/{number}/"


@dataclass(frozen=True, slots=True)
class TagRef:
    """A topic as a briefing links to it."""

    name: str
    slug: str
    url: str


@dataclass(frozen=True, slots=True)
class Briefing:
    """One briefing's metadata; the body stays on disk and is rendered on demand."""

    slug: str
    title: str
    date: datetime | None  # aware, in the site's time zone; None only for drafts
    source: str | None
    author: str | None
    tags: tuple[TagRef, ...]
    summary: str
    seed: str | None
    draft: bool
    path: str  # content file, site-relative
    body_hash: str = field(
        repr=False
    )  # hidden from templates: a page shows a body only as its own `body`
    url: str  # site-relative; ends with "/" (a folder with index.html) or ".html" (a file), as the permalink says
    lang: str | None = (
        None  # the briefing's language (BCP 47), when it differs from or refines the site's
    )
    extra: tuple[tuple[str, str], ...] = ()
    rev: str = field(
        default="", repr=False
    )  # hash of every other field but body_hash: what a page showing this briefing can show

    @property
    def output_path(self) -> str:
        return self.url if self.url.endswith(".html") else self.url + "index.html"

    @property
    def month_url(self) -> str:
        assert self.date is not None
        return archive_url(self.date.year, self.date.month)

    @property
    def year_url(self) -> str:
        assert self.date is not None
        return archive_url(self.date.year)

    def sort_key(self) -> tuple:
        """Newest first, ties by slug."""
        stamp = -self.date.timestamp() if self.date else 0.0
        return (stamp, self.slug)


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic: its briefings newest first."""

    name: str
    slug: str
    url: str
    briefings: tuple[Briefing, ...] = field(
        repr=False
    )  # printed whole, a topic shows what its summary holds

    @property
    def count(self) -> int:
        return len(self.briefings)

    @property
    def latest(self) -> datetime | None:
        return self.briefings[0].date if self.briefings else None


@dataclass(frozen=True, slots=True)
class Period:
    """A year or a month of the date archive."""

    year: int
    month: int | None
    url: str
    briefings: tuple[Briefing, ...] = field(repr=False)

    @property
    def count(self) -> int:
        return len(self.briefings)

    @property
    def start(self) -> datetime:
        return datetime(self.year, self.month or 1, 1)


@dataclass(frozen=True, slots=True)
class TopicSummary:
    """A Topic as a template that never reads its briefings gets it: everything else it has."""

    name: str
    slug: str
    url: str
    count: int
    latest: datetime | None


@dataclass(frozen=True, slots=True)
class PeriodSummary:
    """A Period as a template that never reads its briefings gets it: everything else it has."""

    year: int
    month: int | None
    url: str
    count: int
    start: datetime


def summary(value: Topic | Period) -> TopicSummary | PeriodSummary:
    """A topic's or period's summary: all but its briefings."""
    if isinstance(value, Topic):
        return TopicSummary(value.name, value.slug, value.url, value.count, value.latest)
    return PeriodSummary(value.year, value.month, value.url, value.count, value.start)


@dataclass(frozen=True, slots=True)
class Paginator:
    """Where one page of a paginated list stands among its siblings."""

    number: int
    total: int
    prev_url: str | None
    next_url: str | None
    first_url: str
    item_count: int


@dataclass(slots=True)
class Site:
    """Everything a build renders: briefings newest first and the indexes over them."""

    briefings: list[Briefing]
    topics: list[Topic]
    years: list[Period]
    months: list[Period]
    neighbours: dict[str, tuple[Briefing | None, Briefing | None]] = field(default_factory=dict)
    related: dict[str, tuple[Briefing, ...]] = field(default_factory=dict)
