"""Briefings whose URLs collide, with each other or with the site's own pages: none is published.

Two briefings with one URL would make one page replace the other, and every list would show
the same link twice. Both are left out, with an error naming every file involved, until they
are told apart (another `slug:` or date).
"""

from __future__ import annotations

from pathlib import Path

from sitegen.errors import Problem
from sitegen.model import Briefing

SECTIONS = ("topics", "archive", "search", "static", "pagefind", "page", "drafts")
"""The first folders of the site's own pages: no briefing URL may start with one."""
SITE_FILES = (
    "index.html",
    "404.html",
    "feed.xml",
    "atom.xml",
    "feed.json",
    "sitemap.xml",
    "robots.txt",
)
"""Files at the top of output/ that sitegen writes itself."""


def drop_collisions(briefings: list[Briefing], root: Path) -> tuple[list[Briefing], list[Problem]]:
    """The briefings that can be published, and one error per file whose URL is taken."""
    by_path: dict[str, list[Briefing]] = {}
    for briefing in briefings:
        by_path.setdefault(briefing.output_path, []).append(briefing)
    problems: list[Problem] = []
    for path, group in by_path.items():
        if len(group) > 1:
            for briefing in group:
                others = ", ".join(sorted(b.path for b in group if b is not briefing))
                problems.append(
                    Problem(
                        briefing.path,
                        slug_line(root, briefing.path),
                        f"same URL ({briefing.url}) as {others}: neither is published.",
                        _hint(root, briefing.path),
                    )
                )
        elif path in SITE_FILES or path.split("/", 1)[0] in SECTIONS:
            briefing = group[0]
            problems.append(
                Problem(
                    briefing.path,
                    slug_line(root, briefing.path),
                    f"its URL ({briefing.url}) is one of the site's own pages; it is not published.",
                    f"{_hint(root, briefing.path)} Or change `permalink` in sitegen.yaml so no URL starts with {', '.join(s + '/' for s in SECTIONS)}.",
                )
            )
    if not problems:
        return briefings, []
    taken = {p.path for p in problems}
    return [b for b in briefings if b.path not in taken], problems


def _hint(root: Path, rel: str) -> str:
    if slug_line(root, rel) is not None:
        return "Give one of them another `slug:`, or correct its date."
    return "Add a `slug:` line to one of them (its URL now comes from its file name), or correct its date."


def slug_line(root: Path, rel: str) -> int | None:
    """The 1-based line of the `slug:` key in a content file's front matter, if it has one."""
    try:
        lines = (root / rel).read_text(encoding="utf-8-sig", errors="replace").split("\n")
    except OSError:
        return None
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            return None
        if line.startswith("slug:"):
            return number
    return None
