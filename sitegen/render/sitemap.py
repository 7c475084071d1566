"""sitemap.xml and robots.txt (pure)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from math import ceil

from sitegen.config import SiteConfig
from sitegen.model import Site, page_url

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap_entries(config: SiteConfig, site: Site) -> tuple[tuple[str, str | None], ...]:
    """Every page a reader can reach, as (site-relative URL, lastmod); lastmod from content, never the clock."""
    newest = site.briefings[0].date.date().isoformat() if site.briefings else None
    entries: list[tuple[str, str | None]] = []

    def add_list(base: str, count: int, lastmod: str | None) -> None:
        entries.extend(
            (page_url(base, number), lastmod)
            for number in range(1, max(1, ceil(count / config.per_page)) + 1)
        )

    add_list("", len(site.briefings), newest)
    entries += [
        ("topics/", newest),
        ("topics/by-size.html", newest),
        ("archive/", newest),
    ]  # by-size: a file, no topic slug can take its name
    if config.search:
        entries.append(("search/", None))
    for topic in site.topics:
        add_list(topic.url, topic.count, topic.latest.date().isoformat())
    for period in site.years + site.months:
        add_list(period.url, period.count, period.briefings[0].date.date().isoformat())
    entries += [(b.url, b.date.date().isoformat()) for b in site.briefings]
    return tuple(entries)


def sitemap_of(config: SiteConfig, entries: tuple[tuple[str, str | None], ...]) -> bytes:
    """The sitemap of these entries."""
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    for url, lastmod in entries:
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = config.absolute(url)
        if lastmod:
            ET.SubElement(entry, "lastmod").text = lastmod
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def sitemap_xml(config: SiteConfig, site: Site) -> bytes:
    """Every page a reader can reach; lastmod from content, never the clock."""
    return sitemap_of(config, sitemap_entries(config, site))


def robots_txt(config: SiteConfig) -> bytes:
    """Allow everything and point to the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {config.absolute('sitemap.xml')}\n".encode()
