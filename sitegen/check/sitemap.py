"""sitemap.xml against the pages in output/: every page listed, every entry a file."""

from __future__ import annotations

from sitegen.check.feeds import parse_xml
from sitegen.check.links import UNLINKED, Resolver
from sitegen.errors import Problem

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9 "


def check_sitemap(site: Resolver, pages: dict[str, bool], data: bytes | None) -> list[Problem]:
    """Pages (rel -> noindex) missing from the sitemap, and entries that name no file."""
    where = site.where("sitemap.xml")
    if data is None:
        return [
            Problem(
                where,
                None,
                "there is no sitemap.xml.",
                "Build the site again; sitegen always writes one.",
            )
        ]
    try:
        root = parse_xml(data)
    except ValueError as exc:
        line, _, message = str(exc).partition(":")
        return [Problem(where, int(line), message + ".", "Build the site again.")]
    problems: list[Problem] = []
    listed: set[str] = set()
    for entry in root.children:
        loc = entry.find(SITEMAP_NS + "loc")
        if loc is None or not loc.text:
            problems.append(
                Problem(where, entry.line, "a <url> entry has no <loc>.", "Build the site again.")
            )
            continue
        if not loc.text.startswith(site.base_url):
            problems.append(
                Problem(
                    where,
                    loc.line,
                    f"<loc> {loc.text} is not under the site's base_url {site.base_url}.",
                    "Set base_url in sitegen.yaml (or --base-url) and build again.",
                )
            )
            continue
        target, _, _ = site.target("index.html", loc.text)
        if target is None or target not in site.files:
            problems.append(
                Problem(
                    where,
                    loc.line,
                    f"<loc> {loc.text} has no file in {site.label}/.",
                    "Build the site again, or remove the entry.",
                )
            )
            continue
        listed.add(target)
    for rel, noindex in sorted(pages.items()):
        if rel not in listed and rel not in UNLINKED and not noindex:
            problems.append(
                Problem(
                    site.where(rel),
                    None,
                    "the page is not listed in sitemap.xml.",
                    'List it in the sitemap, or mark it <meta name="robots" content="noindex">.',
                )
            )
    return problems
