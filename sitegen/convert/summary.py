"""The summary: the article's opening, cut at a sentence boundary."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s)")


def summarise(paragraphs: list[str], limit: int) -> str:
    """Opening text within `limit` characters: whole sentences, else whole words + "…"."""
    text = ""
    for paragraph in paragraphs:
        text = f"{text} {paragraph}" if text else paragraph
        if len(text) > limit:
            break
    if len(text) <= limit:
        return text
    cut = 0
    for match in _SENTENCE_END.finditer(text, 0, limit + 1):
        if match.end() <= limit:
            cut = match.end()
    if cut:
        return text[:cut]
    words = text[: max(limit - 1, 0)].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return (words or text[: max(limit - 1, 0)]) + "…"
