"""Slugs: ASCII, lower case, hyphens, cut at a word boundary."""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_SLUG = 60
"""Longest title part of a slug, in characters."""
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "ø": "o",
        "Ø": "O",
        "œ": "oe",
        "Œ": "OE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "&": " and ",
        "£": " ",
        "'": "",
        "’": "",
    }
)


def title_slug(title: str) -> str:
    """ASCII slug of a title (accents transliterated), at most MAX_SLUG characters; '' if none."""
    ascii_text = (
        unicodedata.normalize("NFKD", title.translate(_SPECIAL)).encode("ascii", "ignore").decode()
    )
    slug = _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[: MAX_SLUG + 1].rfind("-")
        slug = slug[:cut] if cut > 0 else slug[:MAX_SLUG]
    return slug


def slug_base(title: str, date: str | None, seed_name: str) -> str:
    """File stem of a briefing: `YYYY-MM-DD-title` (drafts: `title`); non-Latin titles use a hash."""
    slug = title_slug(title)
    if len(slug) < 3 and len(title) > 3:
        slug = "briefing-" + hashlib.sha256(seed_name.encode()).hexdigest()[:10]
    slug = slug or "briefing-" + hashlib.sha256(seed_name.encode()).hexdigest()[:10]
    return f"{date[:10]}-{slug}" if date else slug
