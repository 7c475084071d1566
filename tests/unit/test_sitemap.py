"""sitemap.xml lists every reachable page with absolute URLs and content dates; robots.txt points to it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

from sitegen.config import SiteConfig
from sitegen.content.parse import parse_briefing
from sitegen.render.sitemap import SITEMAP_NS, robots_txt, sitemap_xml
from sitegen.site.taxonomy import build_site

CONFIG = SiteConfig(base_url="https://example.org/news/", per_page=2, timezone="Europe/London")


def briefing(name: str, date: str, tags: str = "[Iraq]"):
    text = f"---\ntitle: {name}\ndate: {date}\ntags: {tags}\n---\n\nx\n"
    return parse_briefing(
        f"content/{name}.md", text, ZoneInfo("Europe/London"), CONFIG.permalink
    ).briefing


SITE = build_site(
    [
        briefing("a", "2023-10-27"),
        briefing("b", "2023-10-26"),
        briefing("c", "2023-11-01T23:30:00-05:00", "[Gaza]"),
    ]
)


def entries() -> dict[str, str | None]:
    root = ET.fromstring(sitemap_xml(CONFIG, SITE))
    ns = {"s": SITEMAP_NS}
    return {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
        for u in root.findall("s:url", ns)
    }


def test_every_page_with_its_lastmod():
    base = "https://example.org/news/"
    assert entries() == {
        base: "2023-11-02",
        base + "page/2/": "2023-11-02",
        base + "topics/": "2023-11-02",
        base + "topics/by-size.html": "2023-11-02",
        base + "archive/": "2023-11-02",
        base + "search/": None,
        base + "topics/gaza/": "2023-11-02",
        base + "topics/iraq/": "2023-10-27",
        base + "archive/2023/": "2023-11-02",
        base + "archive/2023/page/2/": "2023-11-02",
        base + "archive/2023/11/": "2023-11-02",
        base + "archive/2023/10/": "2023-10-27",
        base + "2023/11/02/c/": "2023-11-02",  # 23:30 at -05:00 is the next day in London
        base + "2023/10/27/a/": "2023-10-27",
        base + "2023/10/26/b/": "2023-10-26",
    }


def test_sitemap_is_deterministic_and_namespaced():
    data = sitemap_xml(CONFIG, SITE)
    assert data == sitemap_xml(CONFIG, SITE)
    assert data.startswith(
        b'<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    )


def test_robots_points_to_the_sitemap():
    assert (
        robots_txt(CONFIG)
        == b"User-agent: *\nAllow: /\n\nSitemap: https://example.org/news/sitemap.xml\n"
    )
