"""A site's template: the lines that recur across the stories of one source (its menus, prompts, footers).

One page shows little of its site's furniture that a classifier cannot see, but an archive holds
many seeds of one site, and a line printed on most of its stories is the site's, not the story's:
`Sign up for our newsletter`, a slogan, a menu row. Each converted seed leaves a fingerprint of its
short lines (`SiteLines`: keys, not text); `templates` counts them across the seeds of each source;
`drop_template` then drops, from a seed's body, the kept lines that are its source's template.

The rule: a line (at most TEMPLATE_LINE characters) is the template of a source when it appears in
at least MIN_STORIES distinct stories (headlines) of that source, and in at least half of them.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from sitegen.convert.furniture import LineVerdict

TEMPLATE_LINE = 200
"""Only lines this short can be template lines (a story's prose runs longer)."""
MIN_STORIES = 3
"""A line must appear in this many distinct stories of one source..."""
MIN_SHARE = 0.5
"""...and in this share of that source's stories."""


def line_key(text: str) -> str:
    """A short, stable key for one line (the manifest keeps keys, not the seed's text)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(frozen=True)
class SiteLines:
    """One seed's evidence for its site's template, and what a template could change in it.

    `lines`: keys of all its short lines; `kept`: keys of the short lines its body keeps before
    any template is applied (only those can change its output); `applied`: keys dropped as template.
    """

    site: str
    story: str
    lines: tuple[str, ...]
    kept: tuple[str, ...]
    applied: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    """The template lines of one source, with the evidence (stories that print each line)."""

    stories: int
    counts: Mapping[str, int]


def site_lines(
    site: str | None, title: str, lines: Iterable[str], kept: Iterable[str]
) -> SiteLines | None:
    """The evidence of one read seed; None when its source is unknown (nothing to group it with)."""
    if not site:
        return None
    keys = {line: line_key(line) for line in lines if line and len(line) <= TEMPLATE_LINE}
    kept_keys = {keys[line] for line in kept if line in keys}
    return SiteLines(
        site, line_key(title), tuple(sorted(set(keys.values()))), tuple(sorted(kept_keys))
    )


class _WithSite(Protocol):
    site: SiteLines | None


def recorded_templates(
    entries: Mapping[str, _WithSite], names: Iterable[str]
) -> dict[str, Template]:
    """The templates that the recorded evidence of the seeds `names` gives (a manifest's entries)."""
    return templates(
        [entry.site for name in names if (entry := entries.get(name)) is not None and entry.site]
    )


def templates(seeds: Iterable[SiteLines]) -> dict[str, Template]:
    """Each source's template, from the evidence of all its seeds (each story counted once)."""
    by_site: dict[str, dict[str, set[str]]] = {}
    for seed in seeds:
        stories = by_site.setdefault(seed.site, {})
        stories.setdefault(seed.story, set()).update(seed.lines)
    out: dict[str, Template] = {}
    for site in sorted(by_site):
        stories = by_site[site]
        if len(stories) < MIN_STORIES:
            continue
        counts = Counter(key for keys in stories.values() for key in keys)
        need = max(MIN_STORIES, MIN_SHARE * len(stories))
        recurring = {key: count for key, count in sorted(counts.items()) if count >= need}
        if recurring:
            out[site] = Template(len(stories), recurring)
    return out


def applied(seed: SiteLines, found: Mapping[str, Template]) -> tuple[str, ...]:
    """The keys a seed's body drops under the templates `found`."""
    template = found.get(seed.site)
    return tuple(key for key in seed.kept if key in template.counts) if template else ()


def drop_template(
    lines: list[str],
    verdicts: list[LineVerdict],
    keys: frozenset[str],
    template: Template | None,
    site: str,
) -> list[LineVerdict]:
    """The verdicts with every kept line whose key is in `keys` dropped as the site's template."""
    if not keys or template is None:
        return verdicts
    out = []
    for verdict in verdicts:
        text = lines[verdict.line]
        if verdict.keep and text and len(text) <= TEMPLATE_LINE and (key := line_key(text)) in keys:
            verdict = LineVerdict(
                verdict.line,
                False,
                "template",
                f"line of {site}'s template: in {template.counts[key]} of its {template.stories} stories",
            )
        out.append(verdict)
    return out
