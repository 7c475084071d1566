"""The top of a seed: date lines, title tag line, repeated headline, byline."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitegen.convert.boilerplate import is_boilerplate
from sitegen.convert.dates import HEADER_LINE, RELATIVE_LINE, FoundDate, parse_date_line
from sitegen.convert.headline import parse_byline, split_pipe, split_site

_PARTS = re.compile(r"\s+[|·•]\s+|\s*;\s*|,\s+(?=(?:last\s+)?(?:updated|published|posted|modified)\b)", re.I)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<site>[A-Z][\w.&'’ -]{1,40}?)\.?(?:\s+all rights reserved\.?)?$", re.I | re.M)
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
MAX_HEADLINE = 200
"""A first line longer than this is prose, not a headline."""
_HEAD_LINES = 12
"""Only this many leading lines are searched for the headline and its metadata."""


@dataclass(slots=True)
class Head:
    """What the top of a seed says, and the index of the first body line."""

    title: str = ""
    source: str | None = None
    author: str | None = None
    agency: str | None = None
    dates: list[FoundDate] = field(default_factory=list)
    end: int = 0


def date_parts(line: str, day_first: bool) -> list[FoundDate] | None:
    """Dates of a line made only of (labelled) dates, e.g. "Published: ... | Updated: ..."."""
    if len(line) > 120 or not line[:1].isalnum() or not _DIGIT.search(line):
        return None  # every date form has digits
    found = []
    for part in _PARTS.split(line):
        date = parse_date_line(part.strip(), day_first)
        if date is None:
            return None
        found.append(date)
    return found


def known_sites(lines: list[str], text: str) -> frozenset[str]:
    """Site names a seed states plainly: after a pipe in its first lines, or in a copyright line."""
    sites = {site for line in lines[:_HEAD_LINES] for site in [split_pipe(line)[1]] if site}
    if "©" in text or "opyright" in text or "(c)" in text or "(C)" in text:
        sites.update(match["site"].strip() for match in _COPYRIGHT.finditer(text))
    return frozenset(sites)


def _similar(a: str, b: str) -> bool:
    """True when two headline lines share most of their words."""
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return bool(wa and wb) and len(wa & wb) >= 0.5 * min(len(wa), len(wb))


def read_head(lines: list[str], known: frozenset[str], day_first: bool, extra: re.Pattern[str] | None = None) -> Head:
    """Walk the leading lines; stop at the first body line after the headline."""
    head = Head()
    tagged = False
    seen = 0
    for index, line in enumerate(lines):
        head.end = index
        if not line:
            continue
        seen += 1
        if seen > _HEAD_LINES:
            break
        header = HEADER_LINE.match(line)
        if header and not head.title:
            head.dates.append(FoundDate(header["iso"], False))
            line = header["rest"]
        elif RELATIVE_LINE.match(line) or is_boilerplate(line, extra):
            continue
        elif (found := date_parts(line, day_first)) is not None:
            head.dates += found
            continue
        elif (byline := parse_byline(line)) is not None and head.author is None:
            head.author, head.agency = byline
            continue
        if not head.title:
            if len(line) > MAX_HEADLINE:
                return head
            head.title, site = split_site(line, known)
            head.source = head.source or site
            tagged = site is not None
        elif line == head.title or (tagged and _repeats(line, head.title)):
            head.title, site = split_site(line, known)
            head.source = head.source or site
            tagged = False
        else:
            return head
    head.end = len(lines)
    return head


def _repeats(line: str, title: str) -> bool:
    """The real headline under a title tag line: short, not a sentence, similar words."""
    return len(line) <= MAX_HEADLINE and not line.endswith(".") and _similar(line, title)
