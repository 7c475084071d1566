"""`sitegen check`: links, anchors, reachability, feeds, sitemap and page basics of a built site."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.check.feeds import FEED_NAMES, check_feed
from sitegen.check.links import (
    SKIP_DIRS,
    PageLinks,
    Resolver,
    check_anchors,
    check_reachable,
    page_links,
)
from sitegen.check.scan import PageInfo, scan_page
from sitegen.check.sitemap import check_sitemap
from sitegen.errors import Problem
from sitegen.parallel import map_chunks


@dataclass
class CheckReport:
    """What `sitegen check` looked at and what it found."""

    problems: list[Problem] = field(default_factory=list)
    pages: int = 0
    links: int = 0
    feeds: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Page:
    """What the main process keeps of one checked page."""

    rel: str
    ids: set[str]
    noindex: bool
    links: PageLinks


def list_files(output: Path) -> set[str]:
    """Every file under output/ as a relative POSIX path (the search index's files included)."""
    found: set[str] = set()
    stack = [(str(output), "")]
    while stack:
        folder, prefix = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_dir():
                    stack.append((entry.path, rel + "/"))
                else:
                    found.add(rel)
    return found


def page_problems(resolver: Resolver, rel: str, info: PageInfo) -> list[Problem]:
    """A page needs a non-empty <title>, a lang on <html> and exactly one <h1>."""
    problems = []
    if not info.title:
        problems.append(
            Problem(
                resolver.where(rel),
                None,
                "the page has no <title> (or an empty one).",
                "Give the template a <title> block.",
            )
        )
    if not info.lang:
        problems.append(
            Problem(
                resolver.where(rel),
                None,
                "<html> has no lang attribute.",
                'Write <html lang="{{ site.language }}"> in the template.',
            )
        )
    if info.h1 != 1:
        problems.append(
            Problem(
                resolver.where(rel),
                None,
                f"the page has {info.h1} <h1> elements; it needs exactly one.",
                "Keep one <h1> per page in the template (use <h2> below it).",
            )
        )
    return problems


def _check_chunk(job: tuple[Path, Resolver], rels: Sequence[str]) -> list[_Page]:
    """Scan a run of pages (a pool task: `job` is the output folder and the resolver)."""
    output, resolver = job
    out = []
    for rel in rels:
        text = (output / rel).read_text("utf-8", errors="replace")
        info = scan_page(text)
        links = page_links(resolver, rel, info, text)
        links.problems[:0] = page_problems(resolver, rel, info)
        out.append(_Page(rel, info.ids, info.noindex, links))
    return out


def check_site(
    output: Path, base_url: str, label: str = "output", workers: int | None = None
) -> CheckReport:
    """Check the built site in `output`; problems name files as `label/<path>`."""
    files = list_files(output)
    resolver = Resolver(files, base_url, label)
    html = sorted(rel for rel in files if rel.endswith(".html") and not rel.startswith(SKIP_DIRS))
    pages = map_chunks(_check_chunk, html, (output, resolver), workers)
    report = CheckReport(pages=len(pages))
    ids = {page.rel: page.ids for page in pages}
    for page in pages:
        report.links += page.links.count
        report.problems += page.links.problems
        report.problems += check_anchors(resolver, page.rel, page.links.anchors, ids)
    report.problems += check_reachable(
        resolver,
        {page.rel: page.links.pages for page in pages},
        {page.rel for page in pages if page.noindex},
    )
    sitemap = output / "sitemap.xml"
    report.problems += check_sitemap(
        resolver,
        {page.rel: page.noindex for page in pages},
        sitemap.read_bytes() if sitemap.is_file() else None,
    )
    for rel in sorted(files):
        kind = FEED_NAMES.get(rel.rpartition("/")[2])
        if kind and not rel.startswith(SKIP_DIRS):
            report.feeds += 1
            report.problems += check_feed(resolver.where(rel), kind, (output / rel).read_bytes())
    report.problems.sort(key=Problem.sort_key)
    return report
