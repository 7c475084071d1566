"""Briefing bodies as HTML, rendered once per body and cached under the site's cache folder."""

from __future__ import annotations

import os
from pathlib import Path

from sitegen import __version__
from sitegen.config import SiteConfig
from sitegen.content.markdown import render
from sitegen.content.parse import split_front_matter
from sitegen.model import Briefing


def cache_path(config: SiteConfig, body_hash: str) -> Path:
    return config.cache_dir / f"html-{__version__}" / body_hash[:2] / f"{body_hash}.html"


def store(config: SiteConfig, body_hash: str, body: str) -> str:
    """Render a body and keep the HTML for the next build."""
    html = render(body)
    path = cache_path(config, body_hash)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, path)
    return html


def body_html(config: SiteConfig, briefing: Briefing) -> str:
    """The cached HTML of a briefing's body, rendered again if the cache lacks it."""
    path = cache_path(config, briefing.body_hash)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = (
            (config.root / briefing.path)
            .read_bytes()
            .decode("utf-8-sig")
            .replace("\r\n", "\n")
            .replace("\r", "\n")
        )
        split = split_front_matter(text)
        return store(config, briefing.body_hash, split[1] if split else "")
