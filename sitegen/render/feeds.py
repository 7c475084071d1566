"""Briefings -> RSS 2.0, Atom 1.0 and JSON Feed 1.1, built with XML/JSON libraries (pure)."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.utils import format_datetime

from sitegen.config import SiteConfig
from sitegen.model import Briefing

ATOM_NS = "http://www.w3.org/2005/Atom"
ET.register_namespace("atom", ATOM_NS)


@dataclass(frozen=True)
class Feed:
    """What a feed describes: its title, its page and its own URL (site-relative)."""

    title: str
    description: str
    home: str  # site-relative URL of the page the feed belongs to
    base: str  # site-relative folder holding feed.xml, atom.xml, feed.json
    items: Sequence[Briefing]


def _content(config: SiteConfig, briefing: Briefing, body: Callable[[Briefing], str]) -> str:
    return body(briefing) if config.feed_full_content else briefing.summary


_NOT_XML = re.compile(
    "[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)  # what XML 1.0 cannot hold


def _xml(root: ET.Element) -> bytes:
    for (
        element
    ) in root.iter():  # a control character in a title would make the whole feed unreadable
        if element.text:
            element.text = _NOT_XML.sub("", element.text)
        for key, value in element.attrib.items():
            element.set(key, _NOT_XML.sub("", value))
    ET.indent(root)
    return (
        b'<?xml version="1.0" encoding="utf-8"?>\n'
        + ET.tostring(root, encoding="utf-8", xml_declaration=False)
        + b"\n"
    )


def rss(config: SiteConfig, feed: Feed, body: Callable[[Briefing], str]) -> bytes:
    """RSS 2.0 with an atom:link to itself; lastBuildDate is the newest item's date."""
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = feed.title
    ET.SubElement(channel, "link").text = config.absolute(feed.home)
    ET.SubElement(channel, "description").text = html.escape(
        feed.description, quote=False
    )  # read as HTML too
    ET.SubElement(channel, "language").text = config.language
    ET.SubElement(
        channel,
        f"{{{ATOM_NS}}}link",
        {
            "href": config.absolute(feed.base + "feed.xml"),
            "rel": "self",
            "type": "application/rss+xml",
        },
    )
    if feed.items:
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(feed.items[0].date)
    for briefing in feed.items:
        item = ET.SubElement(channel, "item")
        url = config.absolute(briefing.url)
        ET.SubElement(item, "title").text = briefing.title
        ET.SubElement(item, "link").text = url
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = url
        ET.SubElement(item, "pubDate").text = format_datetime(briefing.date)
        # RSS readers read <description> as HTML: a plain-text summary is escaped to stay text
        ET.SubElement(item, "description").text = (
            body(briefing)
            if config.feed_full_content
            else html.escape(briefing.summary, quote=False)
        )
        for tag in briefing.tags:
            ET.SubElement(item, "category").text = tag.name
    return _xml(root)


def atom(config: SiteConfig, feed: Feed, body: Callable[[Briefing], str]) -> bytes:
    """Atom 1.0; ids are the items' absolute URLs."""
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": config.language})
    ET.SubElement(root, "title", {"type": "text"}).text = feed.title
    ET.SubElement(root, "subtitle", {"type": "text"}).text = feed.description
    ET.SubElement(root, "id").text = config.absolute(feed.base + "atom.xml")
    ET.SubElement(
        root,
        "link",
        {
            "rel": "self",
            "type": "application/atom+xml",
            "href": config.absolute(feed.base + "atom.xml"),
        },
    )
    ET.SubElement(
        root, "link", {"rel": "alternate", "type": "text/html", "href": config.absolute(feed.home)}
    )
    updated = feed.items[0].date.isoformat() if feed.items else "1970-01-01T00:00:00+00:00"
    ET.SubElement(root, "updated").text = updated
    ET.SubElement(ET.SubElement(root, "author"), "name").text = config.title
    for briefing in feed.items:
        entry = ET.SubElement(
            root,
            "entry",
            {"xml:lang": briefing.lang}
            if briefing.lang and briefing.lang != config.language
            else {},
        )
        url = config.absolute(briefing.url)
        ET.SubElement(entry, "title", {"type": "text"}).text = briefing.title
        ET.SubElement(entry, "id").text = url
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": url})
        ET.SubElement(entry, "published").text = briefing.date.isoformat()
        ET.SubElement(entry, "updated").text = briefing.date.isoformat()
        if briefing.source or briefing.author:
            ET.SubElement(ET.SubElement(entry, "author"), "name").text = (
                briefing.author or briefing.source
            )
        for tag in briefing.tags:
            ET.SubElement(entry, "category", {"term": tag.name})
        kind = "content" if config.feed_full_content else "summary"
        ET.SubElement(
            entry, kind, {"type": "html" if config.feed_full_content else "text"}
        ).text = _content(config, briefing, body)
    return _xml(root)


def json_feed(config: SiteConfig, feed: Feed, body: Callable[[Briefing], str]) -> bytes:
    """JSON Feed 1.1."""
    items = []
    for briefing in feed.items:
        item = {
            "id": config.absolute(briefing.url),
            "url": config.absolute(briefing.url),
            "title": briefing.title,
        }
        if config.feed_full_content:
            item["content_html"] = body(briefing)
        else:
            item["content_text"] = briefing.summary
        item["summary"] = briefing.summary
        item["date_published"] = briefing.date.isoformat()
        if briefing.lang and briefing.lang != config.language:
            item["language"] = briefing.lang
        if briefing.source or briefing.author:
            item["authors"] = [{"name": briefing.author or briefing.source}]
        item["tags"] = [tag.name for tag in briefing.tags]
        items.append(item)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "description": feed.description,
        "home_page_url": config.absolute(feed.home),
        "feed_url": config.absolute(feed.base + "feed.json"),
        "language": config.language,
        "items": items,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


FORMATS: dict[str, Callable[[SiteConfig, Feed, Callable[[Briefing], str]], bytes]] = {
    "feed.xml": rss,
    "atom.xml": atom,
    "feed.json": json_feed,
}
