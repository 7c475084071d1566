"""Checks of single sitegen.yaml values that need more than their type: permalink, time zone,
base URL, language, theme, taxonomy file, seed encoding and boilerplate patterns.

Each check returns (message, hint) pairs; config.py adds the file and line. Messages show a
value as it is written in the file, never as a Python value.
"""

from __future__ import annotations

import difflib
import re
import string
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sitegen.language_tags import is_language_tag

PERMALINK_FIELDS = ("year", "month", "day", "slug")
"""The fields a permalink pattern may use."""

Found = list[tuple[str, str]]  # (message, hint)

_FIELDS_TEXT = "{year}, {month}, {day} and {slug}"
_PERMALINK_EXAMPLE = "For example: {year}/{month}/{day}/{slug}/ or {year}/{slug}.html"


def permalink_problems(pattern: str) -> Found:
    """A permalink must use only the documented fields, stay inside output/ and name a folder or a .html file."""
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError:
        return [
            (
                f'permalink "{pattern}" has a `{{` or `}}` without its partner.',
                f"Write fields as {_FIELDS_TEXT}. {_PERMALINK_EXAMPLE}",
            )
        ]
    found: Found = []
    names = []
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        names.append(name)
        if name not in PERMALINK_FIELDS:
            close = difflib.get_close_matches(name, PERMALINK_FIELDS, n=1)
            hint = f"Did you mean {{{close[0]}}}? " if close else ""
            found.append(
                (
                    f"permalink field {{{name}}} is unknown; a permalink can use {_FIELDS_TEXT}.",
                    hint + _PERMALINK_EXAMPLE,
                )
            )
        elif spec or conversion:
            found.append(
                (
                    f"permalink field {{{name}}} cannot have a format or conversion (`:` or `!`).",
                    f"Write it as {{{name}}}.",
                )
            )
    if "slug" not in names:
        found.append(
            (
                "permalink must contain {slug} so every briefing gets its own URL.",
                _PERMALINK_EXAMPLE,
            )
        )
    literal = "".join(text for text, *_ in parts)
    segments = pattern.lstrip("/").split("/")
    if "\\" in literal or any(segment in ("..", ".") for segment in segments):
        found.append(
            (
                f'permalink "{pattern}" leaves the site: `..`, `.` and `\\` are not allowed in it.',
                "Every briefing must be written inside output/. " + _PERMALINK_EXAMPLE,
            )
        )
    elif "" in segments[:-1]:
        found.append(
            (f'permalink "{pattern}" has an empty folder name (`//`).', _PERMALINK_EXAMPLE)
        )
    if not (pattern.endswith("/") or pattern.endswith(".html")):
        found.append(
            (
                f'permalink "{pattern}" must end in `/` (a folder per briefing, holding index.html) or `.html` (a file per briefing).',
                _PERMALINK_EXAMPLE,
            )
        )
    return found


def timezone_problems(name: str) -> Found:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return [
            (
                f'unknown time zone "{name}".',
                "Use an IANA name such as UTC, Europe/London or America/New_York.",
            )
        ]
    return []


def base_url_problems(url: str) -> Found:
    if (
        not url.startswith(("http://", "https://"))
        or len(url.split("/")) < 3
        or not url.split("/")[2]
    ):
        return [
            (
                f'base_url "{url}" is not an absolute http(s) URL.',
                "Write it like https://example.org/archive/",
            )
        ]
    return []


def language_problems(tag: str) -> Found:
    if not is_language_tag(tag):
        return [
            (
                f'language "{tag}" is not a language tag.',
                "Write a BCP 47 tag such as en, de or pt-BR.",
            )
        ]
    return []


def theme_problems(name: str, themes_dir: Path) -> Found:
    """The theme must be `default` (the built-in one, which themes/default/ may override) or a folder under themes/."""
    if "/" in name or "\\" in name or name in (".", ".."):
        return [
            (
                f'theme "{name}" must be the name of one folder under themes/, not a path.',
                "Write theme: default, or the name of a folder in themes/.",
            )
        ]
    if name == "default" or (themes_dir / name).is_dir():
        return []
    available = (
        sorted(p.name for p in themes_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
        if themes_dir.is_dir()
        else []
    )
    close = difflib.get_close_matches(name, available + ["default"], n=1)
    hint = f"Did you mean `{close[0]}`? " if close else ""
    listing = ", ".join(["default", *(n for n in available if n != "default")])
    return [
        (
            f'theme "{name}" not found: there is no folder themes/{name}/.',
            f"{hint}Themes of this site: {listing}. Make the folder, or use theme: default.",
        )
    ]


DEFAULT_TAXONOMY = "topics.yaml"


def taxonomy_problems(rel: str, root: Path) -> Found:
    """A taxonomy file named in sitegen.yaml must exist; only the default topics.yaml may be missing (no site topics)."""
    if rel == DEFAULT_TAXONOMY or (root / rel).is_file():
        return []
    return [
        (
            f'convert.taxonomy "{rel}" not found.',
            "Create the file (one `Topic: [alias, alias]` per line), fix the name, or delete the line (then topics.yaml is read if there is one).",
        )
    ]


def pattern_problem(pattern: str) -> tuple[str, str] | None:
    """A convert.boilerplate pattern that is not a valid regular expression, in words."""
    try:
        re.compile(pattern)
    except re.error as exc:
        return (
            f'convert.boilerplate pattern "{pattern}" is not a valid regular expression: {exc.msg}.',
            "Fix the pattern; a literal dot, bracket or parenthesis needs a backslash before it.",
        )
    return None


def encoding_problems(name: str) -> Found:
    """convert.encoding must name a text encoding Python knows (cp1250, iso-8859-2, koi8-r, ...)."""
    try:
        "a".encode(name)
        b"a".decode(name)
    except LookupError:
        return [
            (
                f'convert.encoding "{name}" is not a text encoding sitegen knows.',
                "Write a name such as utf-8, cp1252, cp1250, iso-8859-2, cp1251 or koi8-r, or delete the line to detect each seed's encoding.",
            )
        ]
    except UnicodeError:
        pass  # a text encoding that cannot encode "a" (rare) is still one Python knows
    return []
