"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the required members and the type of every member.

`problems(doc)` gives one message per member that is missing or of the wrong type, at the top
level, in each item, author, attachment and hub. Members starting with `_` are extensions and
members the spec does not name are ignored, as the spec says. What sitegen asks beyond the spec
(absolute URLs, unique ids, RFC 3339 dates) is checked in feeds.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

VERSION = "https://jsonfeed.org/version/1.1"

Kind = tuple[str, Callable[[Any], bool]]  # (what it must be, in words; the test)
_TEXT: Kind = ("a string", lambda v: isinstance(v, str))
_BOOL: Kind = ("true or false", lambda v: isinstance(v, bool))
_NUMBER: Kind = ("a number", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool))
_TEXTS: Kind = (
    "a list of strings",
    lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
)
_OBJECT: Kind = ("an object", lambda v: isinstance(v, dict))
_LIST: Kind = ("a list", lambda v: isinstance(v, list))

_AUTHOR = {"name": _TEXT, "url": _TEXT, "avatar": _TEXT}
_ATTACHMENT = {
    "url": _TEXT,
    "mime_type": _TEXT,
    "title": _TEXT,
    "size_in_bytes": _NUMBER,
    "duration_in_seconds": _NUMBER,
}
_HUB = {"type": _TEXT, "url": _TEXT}
_FEED = {
    "version": _TEXT,
    "title": _TEXT,
    "home_page_url": _TEXT,
    "feed_url": _TEXT,
    "description": _TEXT,
    "user_comment": _TEXT,
    "next_url": _TEXT,
    "icon": _TEXT,
    "favicon": _TEXT,
    "authors": _LIST,
    "author": _OBJECT,
    "language": _TEXT,
    "expired": _BOOL,
    "hubs": _LIST,
    "items": _LIST,
}
_ITEM = {
    "id": _TEXT,
    "url": _TEXT,
    "external_url": _TEXT,
    "title": _TEXT,
    "content_html": _TEXT,
    "content_text": _TEXT,
    "summary": _TEXT,
    "image": _TEXT,
    "banner_image": _TEXT,
    "date_published": _TEXT,
    "date_modified": _TEXT,
    "authors": _LIST,
    "author": _OBJECT,
    "tags": _TEXTS,
    "language": _TEXT,
    "attachments": _LIST,
}
_REQUIRED = {
    "feed": ("version", "title", "items"),
    "item": ("id",),
    "attachment": ("url", "mime_type"),
    "hub": ("type", "url"),
}


def problems(doc: Any) -> list[str]:
    """Every way `doc` (parsed JSON) is not a JSON Feed 1.1 document."""
    if not isinstance(doc, dict):
        return ["the feed is not a JSON object."]
    if doc.get("version") != VERSION:
        return [f'no "version" naming {VERSION}.']
    found = _members(doc, _FEED, "feed", "the feed")
    found += _authors(doc, "the feed")
    for number, hub in enumerate(doc.get("hubs") if isinstance(doc.get("hubs"), list) else [], 1):
        found += _object(hub, _HUB, "hub", f"hub {number}")
    items = doc.get("items")
    for number, item in enumerate(items if isinstance(items, list) else [], 1):
        label = f"item {number}"
        if not isinstance(item, dict):
            found.append(f"{label} is not an object.")
            continue
        found += _members(item, _ITEM, "item", label)
        if isinstance(item.get("id"), str) and not item["id"]:
            found.append(f'{label} "id" is empty.')
        if "content_html" not in item and "content_text" not in item:
            found.append(f'{label} has neither "content_html" nor "content_text".')
        found += _authors(item, label)
        for at, attachment in enumerate(
            item.get("attachments") if isinstance(item.get("attachments"), list) else [], 1
        ):
            found += _object(attachment, _ATTACHMENT, "attachment", f"{label} attachment {at}")
    return found


def _members(obj: dict, kinds: dict[str, Kind], kind: str, label: str) -> list[str]:
    """Required members present, and every member the spec names of its type."""
    found = [f'{label} has no "{name}".' for name in _REQUIRED.get(kind, ()) if name not in obj]
    for name, (words, test) in kinds.items():
        if name in obj and not test(obj[name]):
            found.append(f'{label} "{name}" must be {words}, not {_kind_of(obj[name])}.')
    return found


def _object(value: Any, kinds: dict[str, Kind], kind: str, label: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{label} is not an object."]
    return _members(value, kinds, kind, label)


def _authors(obj: dict, label: str) -> list[str]:
    """Each author (and the 1.0 `author`) is an object with at least one of name, url, avatar."""
    authors = obj.get("authors") if isinstance(obj.get("authors"), list) else []
    single = [obj["author"]] if isinstance(obj.get("author"), dict) else []
    found = []
    for number, author in enumerate(authors + single, 1):
        where = f"{label} author {number}"
        found += _object(author, _AUTHOR, "author", where)
        if isinstance(author, dict) and not any(name in author for name in _AUTHOR):
            found.append(f'{where} has none of "name", "url", "avatar".')
    return found


def _kind_of(value: Any) -> str:
    """A JSON value named by its JSON type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "an object"
