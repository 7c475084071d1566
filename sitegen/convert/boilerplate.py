"""Whole-line furniture phrases (the original seed shapes), advertisement markers, and the site's own patterns."""

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
_BUILT_IN = re.compile("|".join(f"(?:{rule})" for rule in _RULES), re.I)
_MARKER = re.compile(
    r"(?:advertisement|advert|story continues below(?: advertisement)?)\s*[-:]?", re.I
)


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
