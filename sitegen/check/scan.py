"""One HTML page -> what the checks need: lang, title, h1 count, ids, links (with lines).

A small regular-expression tokenizer instead of html.parser: it reads only start tags
(skipping comments, <script> and <style> bodies) and is about ten times faster, which a
10,000-page site needs. Attribute values are unescaped as html.parser would.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_SKIP = re.compile(r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(
    r"""<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>"""
)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.S | re.I)
LINK_ATTRS = {
    "a": "href",
    "link": "href",
    "area": "href",
    "img": "src",
    "script": "src",
    "iframe": "src",
    "source": "src",
}
_SCRIPT_SRC = re.compile(r"<script\b([^>]*)>", re.I)
_NOT_NEWLINE = re.compile(r"[^\n]")
_ALWAYS = {"html", "meta", *LINK_ATTRS}


@dataclass
class PageInfo:
    """The parts of one HTML page that `sitegen check` looks at."""

    lang: str | None = None
    title: str | None = None
    h1: int = 0
    noindex: bool = False
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int]] = field(default_factory=list)  # (url, offset in the text)


def _attrs(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTR.finditer(text):
        name = match.group(1).lower()
        if name not in found:
            value = (
                match.group(2)
                if match.group(2) is not None
                else match.group(3)
                if match.group(3) is not None
                else match.group(4) or ""
            )
            found[name] = html.unescape(value) if "&" in value else value
    return found


def _blank(match: re.Match) -> str:
    """A skipped span as spaces of the same length (offsets and lines stay right); script tags stay."""
    text = match.group(0)
    opening = _SCRIPT_SRC.match(text)
    head = opening.group(0) if opening else ""
    return head + _NOT_NEWLINE.sub(" ", text[len(head) :])


def scan_page(text: str) -> PageInfo:
    """Scan one page's HTML text."""
    info = PageInfo()
    title = _TITLE.search(text)
    if title:
        info.title = " ".join(html.unescape(title.group(1)).split())
    text = _SKIP.sub(_blank, text)
    for match in _TAG.finditer(text):
        tag = match.group(1).lower()
        if tag == "h1":
            info.h1 += 1
        raw = match.group(2)
        if not raw or (tag not in _ALWAYS and "id" not in raw):
            continue
        attrs = _attrs(raw)
        if "id" in attrs:
            info.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            info.ids.add(attrs["name"])
        if tag == "html" and info.lang is None:
            info.lang = attrs.get("lang", "").strip()
        elif (
            tag == "meta"
            and attrs.get("name", "").lower() == "robots"
            and "noindex" in attrs.get("content", "").lower()
        ):
            info.noindex = True
        url = attrs.get(LINK_ATTRS.get(tag, ""))
        if url is not None:
            info.links.append((url, match.start()))
    return info


def line_at(text: str, offset: int) -> int:
    """The 1-based line of `offset` in `text` (skipped spans keep their newlines)."""
    return text.count("\n", 0, offset) + 1
