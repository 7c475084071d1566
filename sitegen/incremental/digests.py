"""A digest of every value a page is made from: the page's fingerprint is the digest of its context.

A value's digest changes when anything a template can read from it changes. Model objects
carry or memoize theirs, so a build digests each topic and period once, however many pages
show it:

- a Briefing: its `rev`, a hash of every field a template can read (the body is not one of
  them: it reaches a template only as the `body` of its own page, a Deferred digested by
  the body's hash; `body_hash` and `rev` themselves are hidden from templates, render/templates.py);
- a Topic or Period: its name or dates, URL and the revs of its briefings (so its count,
  latest date and every briefing it lists); a template that cannot read briefings gets
  their summaries (pages.SiteView.summarised), digested field by field;
- a Deferred: a value loaded only when the page is rendered, with its digest given up front;
- plain values, tuples, lists, dicts and other frozen dataclasses, field by field.

Any other type is an error: a value no digest covers cannot reach a template.
"""

from __future__ import annotations

import dataclasses
import hashlib
import operator
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from typing import Any

from sitegen.config import SiteConfig
from sitegen.model import Briefing, Period, Topic


class Deferred:
    """A context value loaded only at render time (a body's HTML, a static file's bytes)."""

    __slots__ = ("digest", "load")

    def __init__(self, digest: str, load: Callable[[], Any]) -> None:
        self.digest, self.load = digest, load


def digest_text(parts: Iterable[str]) -> str:
    """The digest of a sequence of strings, none holding NUL (Digests.of writes such strings by repr)."""
    return hashlib.sha1("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _text(value: str) -> str:
    return "s" + value if "\0" not in value else "r" + repr(value)


def _rev(value: Briefing) -> str:
    return "b" + value.rev


def _plain(value: object) -> str:
    return f"{type(value).__name__}{value!r}"


def _moment(value: date | time) -> str:
    return "d" + value.isoformat() + str(getattr(value, "tzinfo", ""))


_DIRECT: dict[type, Callable[[Any], str]] = {
    str: _text,
    Briefing: _rev,
    type(None): _plain,
    bool: _plain,
    int: _plain,
    float: _plain,
    datetime: _moment,
    date: _moment,
    time: _moment,
}
_revs = operator.attrgetter("rev")  # only a Briefing has a `rev`


class Digests:
    """Digests of context values, memoized for the objects of one build (by identity)."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[object, str]] = {}  # id -> (the object, kept alive; its digest)
        self._names: dict[tuple, list[str]] = {}

    def of(self, value: Any) -> str:
        """The digest of one context value."""
        kind = type(value)
        if kind is str:
            return "s" + value if "\0" not in value else "r" + repr(value)
        if kind is Briefing:
            return "b" + value.rev
        if (
            (kind is tuple or kind is list) and value and type(value[0]) is Briefing
        ):  # made for one page: not memoized
            try:
                return "B" + digest_text(list(map(_revs, value)))
            except AttributeError:  # not all briefings
                pass
        direct = _DIRECT.get(kind)
        if direct is not None:
            return direct(value)
        if kind is Deferred:
            return "D" + value.digest
        memo = self._memo.get(id(value))
        if memo is not None and memo[0] is value:
            return memo[1]
        found = self._compute(value)
        self._memo[id(value)] = (value, found)
        return found

    def _compute(self, value: Any) -> str:
        if isinstance(value, Topic):
            return "T" + digest_text(
                [_text(value.name), value.slug, value.url, *map(_revs, value.briefings)]
            )
        if isinstance(value, Period):
            return "P" + digest_text(
                [str(value.year), str(value.month), value.url, *map(_revs, value.briefings)]
            )
        if isinstance(value, SiteConfig):
            return "C" + (
                value.fingerprint
                or digest_text(
                    [_text(repr(dataclasses.replace(value, root=type(value.root)("."))))]
                )
            )
        if isinstance(value, (tuple, list)):
            return "L" + digest_text(list(map(self.of, value)))
        if isinstance(value, dict):
            return "M" + digest_text(
                [
                    f"{self.of(k)}={self.of(v)}"
                    for k, v in sorted(value.items(), key=lambda kv: repr(kv[0]))
                ]
            )
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return type(value).__name__ + digest_text(
                [self.of(getattr(value, f.name)) for f in dataclasses.fields(value)]
            )
        raise TypeError(
            f"no digest for a {type(value).__name__} in a page's context: add it to digests.py"
        )

    def of_context(self, head: str, context: dict[str, Any], keys: frozenset[str] | None) -> str:
        """The fingerprint of a page: `head` (salt and kind) and the digests of the context's `keys` (None: all)."""
        shape = (tuple(context), keys)  # the pages of one kind share one shape: sort its names once
        names = self._names.get(shape)
        if names is None:
            names = self._names[shape] = sorted(context if keys is None else keys & context.keys())
        of = self.of
        return digest_text([_text(head), *[name + "=" + of(context[name]) for name in names]])
