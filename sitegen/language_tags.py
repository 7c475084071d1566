"""BCP 47 language tags as sitegen accepts them (the site's `language`, a briefing's `lang`)."""

from __future__ import annotations

import re

LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
"""A BCP 47 language tag as `lang` may give it: en, de, pt-BR, zh-Hant."""


def is_language_tag(text: str) -> bool:
    """True for a tag such as en, de, pt-BR or zh-Hant."""
    return LANGUAGE_TAG.match(text.strip()) is not None
