"""Internal links and anchors of a built site, and which pages the home page reaches (pure)."""

from __future__ import annotations

import posixpath
import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from sitegen.check.scan import PageInfo, line_at
from sitegen.errors import Problem

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_PLAIN = re.compile(r"^[^:#?%\\]*$")  # no scheme, fragment, query or escapes: the fast path applies
SKIP_DIRS = ("pagefind/",)  # the search index's own files: not pages of the site
UNLINKED = ("404.html",)  # served by the web server for any missing URL, linked from nowhere


class Resolver:
    """Turns a link on a page into the file of output/ it names."""

    def __init__(self, files: set[str], base_url: str, label: str) -> None:
        self.files = files
        self.base_url = base_url
        self.base_path = urlsplit(base_url).path or "/"
        self.label = label  # how output/ is named in messages
        self._ups: dict[int, str] = {}

    def where(self, rel: str) -> str:
        return f"{self.label}/{rel}"

    def _file(self, resolved: str, folder: bool) -> str:
        if folder or resolved == ".":
            return "index.html" if resolved in (".", "") else resolved + "/index.html"
        if resolved not in self.files and resolved + "/index.html" in self.files:
            return resolved + "/index.html"
        return resolved

    def target(self, page: str, url: str) -> tuple[str | None, str, str | None]:
        """(file, fragment, why not) a link on `page` names; file None for links that leave the site."""
        depth = page.count("/")
        ups = self._ups.get(depth) or self._ups.setdefault(depth, "../" * depth)
        if url and _PLAIN.match(url) and url.startswith(ups):
            rest = url[
                len(ups) :
            ]  # the usual link, climbing to the site root then down: no join needed
            if not rest.startswith(("/", ".")) and "/." not in rest and "//" not in rest:
                return self._file(rest.rstrip("/") or ".", rest.endswith("/") or not rest), "", None
        return self._slow_target(page, url)

    def _slow_target(self, page: str, url: str) -> tuple[str | None, str, str | None]:
        if url.startswith(self.base_url):
            url = self.base_path + url[len(self.base_url) :]
        elif _SCHEME.match(url) or url.startswith("//"):
            return None, "", None
        path, _, fragment = url.partition("#")
        path = unquote(path.partition("?")[0])
        if not path:
            return page, unquote(fragment), None
        if path.startswith("/"):
            if not path.startswith(self.base_path):
                return (
                    None,
                    "",
                    f"it points outside the site, which is published at {self.base_url}",
                )
            joined = path[len(self.base_path) :]
        else:
            joined = posixpath.join(posixpath.dirname(page), path)
        resolved = posixpath.normpath(joined) if joined else "."
        if resolved == ".." or resolved.startswith("../"):
            return None, "", "it points above the site's root folder"
        return self._file(resolved, path.endswith("/")), unquote(fragment), None


@dataclass
class PageLinks:
    """One page's links, checked as far as one page allows."""

    problems: list[Problem] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)  # HTML pages it links to
    anchors: list[tuple[str, str, str, int]] = field(
        default_factory=list
    )  # (page, fragment, url, line)
    count: int = 0


def page_links(resolver: Resolver, rel: str, info: PageInfo, text: str) -> PageLinks:
    """Check that each link of a page names a file; collect its anchors for a later check."""
    out = PageLinks(count=len(info.links))
    for url, offset in info.links:
        target, fragment, why = resolver.target(rel, url)
        if why:
            out.problems.append(
                Problem(
                    resolver.where(rel),
                    line_at(text, offset),
                    f'link "{url}" does not resolve: {why}.',
                    "Use a link relative to the page, as the theme's link() does.",
                )
            )
        elif target is None:
            continue
        elif target not in resolver.files:
            out.problems.append(
                Problem(
                    resolver.where(rel),
                    line_at(text, offset),
                    f'link "{url}" does not resolve: there is no {resolver.where(target)}.',
                    "Fix the link, or make sure the page it names is built.",
                )
            )
        elif target.endswith(".html"):
            out.pages.add(target)
            if fragment:
                out.anchors.append((target, fragment, url, line_at(text, offset)))
    return out


def check_anchors(
    resolver: Resolver, rel: str, anchors: list[tuple[str, str, str, int]], ids: dict[str, set[str]]
) -> list[Problem]:
    """Links to #fragment whose target page has no element with that id."""
    problems = []
    for target, fragment, url, line in anchors:
        if target in ids and fragment not in ids[target]:
            problems.append(
                Problem(
                    resolver.where(rel),
                    line,
                    f'link "{url}" names anchor #{fragment}, but {resolver.where(target)} has no element with id="{fragment}".',
                    "Fix the anchor, or add the id to the target page.",
                )
            )
    return problems


def check_reachable(
    resolver: Resolver, graph: dict[str, set[str]], noindex: set[str] = frozenset()
) -> list[Problem]:
    """Pages that no chain of links from the home page reaches (404.html and noindex pages excepted)."""
    if "index.html" not in graph:
        return [
            Problem(
                resolver.where("index.html"),
                None,
                "the site has no home page.",
                "Build the site again; index.html should always be written.",
            )
        ]
    seen = {"index.html"}
    queue = deque(["index.html"])
    while queue:
        for nxt in graph.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    lost = sorted(
        rel for rel in graph if rel not in seen and rel not in UNLINKED and rel not in noindex
    )
    return [
        Problem(
            resolver.where(rel),
            None,
            "not reachable from the home page by following links.",
            "Link to it from a page that is reachable, or stop generating it.",
        )
        for rel in lost
    ]
