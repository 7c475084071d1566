"""The <title> line in parts, and the matching forms that compare its parts with the body's lines.

A <title> line splits at its separators into segments ('Headline | Section | Site'); key() is the form
two lines are compared in (case, quotes, dashes and spacing folded). Body keeps a seed's lines and the
matching form of each, computed once and only for the lines asked about.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_SEP = re.compile(
    r"\s+[|｜¦]\s*|\s*｜\s*|\s+[-–—‒―]{1,2}\s+|\s+:\s+|(?<=[^\s\d:]):\s+|\s+[·•»«~]\s+"
    r"|(?<=[\u3040-\u9fff\uac00-\ud7af」』）])[-–—_]\s*(?=[\u3040-\u9fff\uac00-\ud7af])"
)
STRONG = frozenset("|｜¦·•»«~")
"""Separators that part a site or section from the headline; a dash or colon may be the headline's own."""
_ZW = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_FOLDS = (
    ("‘", "'"),
    ("’", "'"),
    ("‚", "'"),
    ("‛", "'"),
    ("′", "'"),
    ("´", "'"),
    ("`", "'"),
    ("“", '"'),
    ("”", '"'),
    ("„", '"'),
    ("‟", '"'),
    ("″", '"'),
    ("«", '"'),
    ("»", '"'),
    ("‹", "'"),
    ("›", "'"),
    ("–", "-"),
    ("—", "-"),
    ("‒", "-"),
    ("―", "-"),
    ("…", "..."),
)
"""Quotes and dashes folded to ASCII (a replace per mark the text holds: str.translate is slow on non-ASCII text)."""
_WORD = re.compile(r"[^\W\d_]+|\d+", re.U)
_NOT_ALNUM_ASCII = re.compile(r"[^0-9A-Za-z]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True)
class Segment:
    """One part of the <title> line: its text, its span, and the separator before it."""

    text: str
    start: int
    end: int
    sep: str


def key(text: str) -> str:
    """Matching form: NFC, zero-width out, quotes folded, whitespace collapsed, case folded."""
    if text.isascii():  # the same form, without the Unicode steps that leave ASCII as it is
        return " ".join(text.replace("`", "'").split()).lower().strip(" |")
    text = _ZW.sub("", unicodedata.normalize("NFC", text))
    for mark, plain in _FOLDS:
        if mark in text:
            text = text.replace(mark, plain)
    return " ".join(text.split()).casefold().strip(" |")


_LEAD = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f|"
"""What key() drops before the first character of an ASCII line: whitespace and pipes."""


def first_folded(text: str) -> str | None:
    """The first character of key(text), read without building it; None when that needs the whole key."""
    if not text.isascii():
        return None
    return text.lstrip(_LEAD)[:1].lower().replace("`", "'")


def words(text: str) -> list[str]:
    """Words of a line, case folded; CJK text counts each pair of characters as a word."""
    return key_words(key(text))


def key_words(folded: str) -> list[str]:
    """Words of a line already in its matching form (see words)."""
    found: list[str] = []
    for word in _WORD.findall(folded):
        found.extend(
            [word[i : i + 2] for i in range(max(1, len(word) - 1))] if _CJK.search(word) else [word]
        )
    return found


def squash(text: str) -> str:
    """Letters and digits only, lower case: 'The Register-Guard' -> 'theregisterguard'."""
    return squash_key(key(text))


def squash_key(folded: str) -> str:
    """squash() of a line already in its matching form."""
    if folded.isascii():
        return _NOT_ALNUM_ASCII.sub("", folded)
    return "".join(char for char in folded if char.isalnum())


def segments(line: str) -> list[Segment]:
    """Split a <title> line at its separators; empty parts dropped."""
    parts: list[Segment] = []
    start, sep = 0, ""
    for match in _SEP.finditer(line):
        if line[start : match.start()].strip():
            parts.append(Segment(line[start : match.start()].strip(), start, match.start(), sep))
            sep = match.group().strip() or "-"
        start = match.end()
    if line[start:].strip():
        parts.append(Segment(line[start:].strip(), start, len(line), sep))
    return parts


def run_text(line: str, parts: list[Segment], first: int, last: int) -> str:
    """The <title> text of segments first..last, with their own separators."""
    return line[parts[first].start : parts[last].end].strip()


@dataclass(frozen=True, eq=False)
class Body:
    """The seed's lines, with the matching form of each computed once, when first asked for."""

    lines: list[str]
    _keys: dict[int, str] = field(default_factory=dict, repr=False)

    def key(self, number: int) -> str:
        """The matching form of line `number`."""
        found = self._keys.get(number)
        if found is None:
            found = self._keys[number] = key(self.lines[number])
        return found
