"""Copy sitegen's content into a Hugo site with the same page set (bench/hugo/ holds its templates)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml


def _front_matter(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), body


def make_hugo_site(content: Path, target: Path, templates: Path) -> Path:
    """Hugo content: one page per briefing with topics, and year and month as taxonomies for the archives."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(templates, target)
    folder = target / "content" / "briefings"
    folder.mkdir(parents=True)
    for path in sorted(content.glob("*.md")):
        meta, body = _front_matter(path.read_text(encoding="utf-8"))
        if meta.get("draft") or not meta.get("date"):
            continue
        when = str(meta["date"])
        hugo = {
            "title": meta["title"],
            "date": when,
            "summary": meta.get("summary", ""),
            "topics": meta.get("tags") or [],
            "years": [when[:4]],
            "months": [when[:7]],
            "slug": path.stem,
        }
        (folder / path.name).write_text(
            "---\n" + yaml.safe_dump(hugo, allow_unicode=True) + "---\n" + body, encoding="utf-8"
        )
    return target
