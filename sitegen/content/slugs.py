"""Slugs for topics and URLs: ASCII, lowercase, hyphenated, stable."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str, fallback_seed: str | None = None) -> str:
    """`"Côte d'Ivoire"` -> `"cote-d-ivoire"`; text with no Latin letters -> a short hash."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NON_WORD.sub("-", ascii_text.lower()).strip("-")
    if slug:
        return slug
    return "t-" + hashlib.sha1((fallback_seed or text).encode()).hexdigest()[:8]


def topic_key(name: str) -> str:
    """Names that differ only by case or punctuation are one topic."""
    return slugify(name)
