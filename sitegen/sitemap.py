"""sitemap.xml and robots.txt (pure)."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from math import ceil

from sitegen.config import SiteConfig
from sitegen.model import Site
from sitegen.pages import page_url

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap_xml(config: SiteConfig, site: Site) -> bytes:
    """Every page a reader can reach; lastmod from content, never the clock."""
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    newest = site.briefings[0].date.date().isoformat() if site.briefings else None

    def add(url: str, lastmod: str | None) -> None:
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = config.absolute(url)
        if lastmod:
            ET.SubElement(entry, "lastmod").text = lastmod

    def add_list(base: str, items: list, lastmod: str | None) -> None:
        for number in range(1, max(1, ceil(len(items) / config.per_page)) + 1):
            add(page_url(base, number), lastmod)

    add_list("", site.briefings, newest)
    add("topics/", newest)
    add("topics/by-size.html", newest)  # a file: no topic slug can take its name
    add("archive/", newest)
    if config.search:
        add("search/", None)
    for topic in site.topics:
        add_list(topic.url, topic.briefings, topic.latest.date().isoformat())
    for period in site.years + site.months:
        add_list(period.url, period.briefings, period.briefings[0].date.date().isoformat())
    for briefing in site.briefings:
        add(briefing.url, briefing.date.date().isoformat())
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def robots_txt(config: SiteConfig) -> bytes:
    """Allow everything and point to the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {config.absolute('sitemap.xml')}\n".encode()
