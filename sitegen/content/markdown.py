"""The one configured Markdown renderer: CommonMark, raw HTML off, safe link schemes only."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt

SAFE_SCHEMES = ("http:", "https:", "mailto:")


def is_safe_link(url: str) -> bool:
    """Allow http, https, mailto and scheme-less (relative) targets; refuse the rest."""
    cleaned = "".join(ch for ch in url.strip() if ch > " " and ch != "\x7f").lower()
    head = cleaned.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if ":" not in head:
        return True
    return cleaned.startswith(SAFE_SCHEMES)


def _demote_headings(state) -> None:
    """Body headings start at h2 (the headline is the page's only h1), keeping their steps."""
    levels = [int(t.tag[1]) for t in state.tokens if t.type == "heading_open"]
    shift = 2 - min(levels) if levels and min(levels) < 2 else 0
    if shift:
        for token in state.tokens:
            if token.type in ("heading_open", "heading_close"):
                token.tag = f"h{min(int(token.tag[1]) + shift, 6)}"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = is_safe_link
    md.core.ruler.push("demote_headings", _demote_headings)
    return md


def render(text: str) -> str:
    """Render a briefing body to HTML."""
    return _parser().render(text)
