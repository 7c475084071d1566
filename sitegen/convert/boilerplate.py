"""Site furniture at the start and end of a seed: latest stories, ads, share and cookie prompts."""
from __future__ import annotations

import functools
import re

_RULES = [
    r"(?:latest|related|top|more|most (?:read|popular)|recommended|trending|other)\s+(?:stories|news|articles|headlines|on this story|from [\w ]{1,30})\s*:?",
    r"(?:read more|see also|you may also like|you might also like|more on this story|related topics?|related links?)\s*:?.{0,80}",
    r"(?:advertisement|advert|sponsored(?: content)?|ad|ads by \w+|story continues below(?: advertisement)?)\s*[-:]?",
    r"share(?: this)?(?: (?:article|story|page|post))?(?: (?:on|via|with) .{1,60})?\s*:?|(?:tweet|email|print|whatsapp|facebook|twitter|linkedin)(?:\s*[|/·,]\s*(?:tweet|email|print|whatsapp|facebook|twitter|linkedin|share))+",
    r"(?:sign up|subscribe|register|get (?:our|the))\b.{0,120}\b(?:newsletter|inbox|e-?mail|updates|briefing|digest|free)\b.{0,60}",
    r"(?:©|\(c\)|copyright\b).{0,120}|all rights reserved\.?",
    r".{0,120}\bcookies?\b.{0,120}(?:accept|consent|privacy|policy|settings|agree)\b.{0,60}",
    r"(?:we|this (?:site|website)) uses? cookies\b.{0,160}",
    r"follow us on .{1,80}|click here to .{1,100}",
]
LATEST = re.compile(r"(?:latest|related|top|more|most (?:read|popular)|recommended|trending)\s+(?:stories|news|articles|headlines)\b.{0,30}", re.I)
_BUILT_IN = re.compile("|".join(f"(?:{rule})" for rule in _RULES), re.I)
_MARKER = re.compile(r"(?:advertisement|advert|story continues below(?: advertisement)?)\s*[-:]?", re.I)
_MARKER_LINE = re.compile(r"^[ ]*(?:advertisement|advert|story continues below(?: advertisement)?)\s*[-:]?[ ]*$", re.I | re.M)
_LATEST_FIRST = frozenset(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000lLrRtTmM") | {chr(c) for c in range(0x2000, 0x200B)} | {""}
"""A line can be a LATEST heading only if it starts with one of these (its first letter, or stripped space)."""
_LIST_LINE = 120
"""Lines after a latest-stories heading at most this long are taken as its link list."""


@functools.lru_cache(maxsize=8)
def extra_rules(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """Compile the site's extra rules (ConvertConfig.boilerplate) into one regex."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.I)


def is_boilerplate(line: str, extra: re.Pattern[str] | None = None) -> bool:
    """True when the whole line is site furniture."""
    if len(line) > 300:
        return False
    core = line.lstrip("-*•> ").strip()
    return bool(_BUILT_IN.fullmatch(core) or (extra and extra.fullmatch(core)))


def is_marker(line: str) -> bool:
    """True for an advertisement marker, dropped anywhere in the body."""
    return bool(_MARKER.fullmatch(line))


def drop_markers(text: str) -> list[str]:
    """The text's lines without advertisement marker lines."""
    lines = text.split("\n")
    lower = text.lower()
    if "advert" not in lower and "below" not in lower:
        return lines  # every marker contains one of these words (checked letters have no odd case-folds)
    if not _MARKER_LINE.search(text):
        return lines
    return [line for line in lines if not is_marker(line)]


def trim_tail(lines: list[str], extra: re.Pattern[str] | None = None) -> list[str]:
    """Drop trailing furniture, including a latest-stories heading and its link list."""
    end = len(lines)
    for index in range(len(lines) - 1, max(-1, len(lines) - 40), -1):
        line = lines[index]
        if line[:1] in _LATEST_FIRST and LATEST.fullmatch(line.rstrip(":").strip()) and all(len(rest) <= _LIST_LINE for rest in lines[index + 1:end] if rest):
            end = index
    while end and (not lines[end - 1] or is_boilerplate(lines[end - 1], extra)):
        end -= 1
    return lines[:end]


def trim_head(lines: list[str], extra: re.Pattern[str] | None = None) -> list[str]:
    """Drop leading furniture lines."""
    start = 0
    while start < len(lines) and (not lines[start] or is_boilerplate(lines[start], extra)):
        start += 1
    return lines[start:]
