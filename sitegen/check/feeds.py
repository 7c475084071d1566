"""Feed rules: RSS 2.0, Atom 1.0 and JSON Feed 1.1 (required parts, absolute links, unique ids, dates)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from xml.parsers import expat

from sitegen.check import jsonfeed
from sitegen.errors import Problem

ATOM = "http://www.w3.org/2005/Atom"
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_ABSOLUTE = re.compile(r"^https?://[^/\s]+")
FEED_NAMES = {"feed.xml": "rss", "atom.xml": "atom", "feed.json": "json"}


@dataclass
class Node:
    """An XML element with the line it starts on."""

    tag: str
    attrs: dict[str, str]
    line: int
    text: str = ""
    children: list[Node] = field(default_factory=list)

    def find(self, tag: str) -> Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[Node]:
        return [c for c in self.children if c.tag == tag]


def parse_xml(data: bytes) -> Node:
    """Parse XML into Nodes (namespaced tags as `uri tag`); raises ValueError with the line."""
    parser = expat.ParserCreate(namespace_separator=" ")
    stack: list[Node] = [Node("", {}, 0)]

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = Node(tag, attrs, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)

    def end(tag: str) -> None:
        node = stack.pop()
        node.text = node.text.strip()

    def text(data: str) -> None:
        stack[-1].text += data

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = (
        start,
        end,
        text,
    )
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise ValueError(
            f"{exc.lineno}:not well-formed XML ({expat.ErrorString(exc.code)})"
        ) from None
    return stack[0].children[0]


def is_rfc3339(text: str) -> bool:
    """A full RFC 3339 date-time with a zone, as Atom and JSON Feed require."""
    if not _RFC3339.match(text):
        return False
    try:
        datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def is_rfc822(text: str) -> bool:
    """An RFC 822 date as RSS requires, e.g. `Mon, 03 Jan 2005 00:00:00 +0000`."""
    try:
        return parsedate_to_datetime(text) is not None
    except (TypeError, ValueError, IndexError):
        return False


class _Rules:
    """Collects the problems of one feed file."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.problems: list[Problem] = []

    def fail(
        self,
        line: int | None,
        message: str,
        hint: str = "Fix sitegen/feeds.py or the theme that wrote it, and build again.",
    ) -> None:
        self.problems.append(Problem(self.where, line, message, hint))

    def required(self, parent: Node, tag: str, label: str, context: str) -> Node | None:
        node = parent.find(tag)
        if node is None or (not node.text and not node.attrs):
            self.fail(parent.line, f"{context} has no {label}.")
        return node

    def absolute(self, url: str | None, line: int, label: str) -> None:
        if url and not _ABSOLUTE.match(url):
            self.fail(line, f"{label} {url!r} is not an absolute http(s) URL.")

    def unique(
        self, seen: dict[str, int], value: str, line: int, label: str, unit: str = "line"
    ) -> None:
        if value in seen:
            self.fail(
                line if unit == "line" else None,
                f"{label} {value!r} is used twice (first on {unit} {seen[value]}).",
            )
        else:
            seen[value] = line


def check_rss(root: Node, rules: _Rules) -> None:
    if root.tag != "rss" or root.attrs.get("version") != "2.0":
        rules.fail(root.line, 'the root element is not <rss version="2.0">.')
        return
    channel = root.find("channel")
    if channel is None:
        rules.fail(root.line, "<rss> has no <channel>.")
        return
    for tag in ("title", "link", "description"):
        rules.required(channel, tag, f"<{tag}>", "<channel>")
    link = channel.find("link")
    if link is not None:
        rules.absolute(link.text, link.line, "<channel> <link>")
    for tag in ("lastBuildDate", "pubDate"):
        node = channel.find(tag)
        if node is not None and not is_rfc822(node.text):
            rules.fail(node.line, f"<{tag}> {node.text!r} is not an RFC 822 date.")
    guids: dict[str, int] = {}
    for item in channel.all("item"):
        if item.find("title") is None and item.find("description") is None:
            rules.fail(item.line, "<item> has neither <title> nor <description>.")
        for tag in ("link", "guid"):
            node = item.find(tag)
            if node is not None and (
                tag == "link" or node.attrs.get("isPermaLink", "true") == "true"
            ):
                rules.absolute(node.text, node.line, f"<item> <{tag}>")
        guid = item.find("guid")
        if guid is not None:
            rules.unique(guids, guid.text, guid.line, "<guid>")
        date = item.find("pubDate")
        if date is not None and not is_rfc822(date.text):
            rules.fail(date.line, f"<pubDate> {date.text!r} is not an RFC 822 date.")


def check_atom(root: Node, rules: _Rules) -> None:
    tag = f"{ATOM} "
    if root.tag != tag + "feed":
        rules.fail(root.line, f'the root element is not <feed xmlns="{ATOM}">.')
        return
    _atom_common(root, rules, "<feed>")
    ids: dict[str, int] = {}
    for entry in root.all(tag + "entry"):
        _atom_common(entry, rules, "<entry>")
        node = entry.find(tag + "id")
        if node is not None and node.text:
            rules.unique(ids, node.text, node.line, "entry <id>")
        for name in ("published",):
            date = entry.find(tag + name)
            if date is not None and not is_rfc3339(date.text):
                rules.fail(date.line, f"<{name}> {date.text!r} is not an RFC 3339 date-time.")


def _atom_common(node: Node, rules: _Rules, context: str) -> None:
    tag = f"{ATOM} "
    for name in ("id", "title", "updated"):
        rules.required(node, tag + name, f"<{name}>", context)
    updated = node.find(tag + "updated")
    if updated is not None and updated.text and not is_rfc3339(updated.text):
        rules.fail(updated.line, f"<updated> {updated.text!r} is not an RFC 3339 date-time.")
    for link in node.all(tag + "link"):
        if "href" not in link.attrs:
            rules.fail(link.line, f"a <link> in {context} has no href.")
        rules.absolute(link.attrs.get("href"), link.line, f"{context} <link> href")


def check_json_feed(data: bytes, rules: _Rules) -> None:
    """JSON Feed 1.1's required members and types (jsonfeed.py), then sitegen's own rules:
    absolute URLs, unique item ids, RFC 3339 dates."""
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        rules.fail(getattr(exc, "lineno", None), f"not valid JSON ({exc}).")
        return
    found = jsonfeed.problems(doc)
    for message in found:
        rules.fail(None, message)
    if not isinstance(doc, dict) or doc.get("version") != jsonfeed.VERSION:
        return
    if isinstance(doc.get("title"), str) and not doc["title"].strip():
        rules.fail(None, 'the feed has an empty "title".')
    for key in ("home_page_url", "feed_url"):
        if isinstance(doc.get(key), str):
            rules.absolute(doc[key], None, f'"{key}"')
    ids: dict[str, int] = {}
    for number, item in enumerate(
        doc.get("items") if isinstance(doc.get("items"), list) else [], 1
    ):
        if isinstance(item, dict):
            _json_item(item, number, ids, rules)


def _json_item(item: dict, number: int, ids: dict[str, int], rules: _Rules) -> None:
    label = f"item {number}"
    if isinstance(item.get("id"), str) and item["id"]:
        rules.unique(ids, item["id"], number, f'{label} "id"', "item")
    if isinstance(item.get("url"), str):
        rules.absolute(item["url"], None, f'{label} "url"')
    for key in ("date_published", "date_modified"):
        if isinstance(item.get(key), str) and not is_rfc3339(item[key]):
            rules.fail(None, f'{label} "{key}" {item[key]!r} is not an RFC 3339 date-time.')


def check_feed(where: str, kind: str, data: bytes) -> list[Problem]:
    """Problems of one feed file; kind is 'rss', 'atom' or 'json'."""
    rules = _Rules(where)
    if kind == "json":
        check_json_feed(data, rules)
        return rules.problems
    try:
        root = parse_xml(data)
    except ValueError as exc:
        line, _, message = str(exc).partition(":")
        rules.fail(int(line), message + ".")
        return rules.problems
    (check_rss if kind == "rss" else check_atom)(root, rules)
    return rules.problems
