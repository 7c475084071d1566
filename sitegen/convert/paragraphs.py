"""Blocks of lines -> paragraphs and bulleted lists (hard wraps re-joined)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^[-*•]\s+(?=\S)")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"'”’)\]…]$")
WRAP_WIDTH = 100
"""Blocks whose lines are all at most this long are read as hard-wrapped prose."""


@dataclass(frozen=True, slots=True)
class Para:
    """One body element: a paragraph (items empty) or a bulleted list (text empty)."""

    text: str = ""
    items: tuple[str, ...] = ()


def bullet_text(line: str) -> str | None:
    """The item text if the line starts a bullet, else None."""
    match = _BULLET.match(line)
    return line[match.end() :] if match else None


def _prose(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines; keep one-paragraph-per-line text apart."""
    if len(lines) == 1:
        return lines
    width = max(len(line) for line in lines)
    if width > WRAP_WIDTH:
        return lines
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        current.append(line)
        if len(line) < width * 0.6 and _ENDS_SENTENCE.search(line):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def to_paras(block: list[str]) -> list[Para]:
    """Turn one block of lines into paragraphs and lists."""
    out: list[Para] = []
    prose: list[str] = []
    items: list[str] = []
    for line in block:
        item = bullet_text(line)
        if item is not None:
            if prose:
                out += [Para(text) for text in _prose(prose)]
                prose = []
            items.append(item)
        elif items:
            items[-1] += " " + line
        else:
            prose.append(line)
    if prose:
        out += [Para(text) for text in _prose(prose)]
    if items:
        out.append(Para(items=tuple(items)))
    return out
