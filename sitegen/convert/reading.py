"""read_seed: one seed's text read as a person reads a page (pure, no IO).

The order is the document's: the headline first (the `<title>` line matched against the body
line that repeats it), then the byline and the date around it, then the story's lines with
the furniture classified out. Every choice keeps its reasons, which `--explain` prints.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sitegen.convert.boilerplate import is_marker
from sitegen.convert.dating import DateChoice, find_date
from sitegen.convert.decode import blocks
from sitegen.convert.furniture import LineVerdict, story_lines, story_start
from sitegen.convert.language import detect
from sitegen.convert.masthead import Byline, Headline, find_byline, find_headline
from sitegen.convert.paragraphs import Para, to_paras
from sitegen.convert.site_template import SiteLines, Template, applied, drop_template, site_lines

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True)
class Reading:
    """What a seed says: its lines, language, headline, byline, date and story, each with reasons."""

    lines: tuple[str, ...]
    lang: str | None
    headline: Headline
    byline: Byline
    date: DateChoice
    verdicts: tuple[LineVerdict, ...]
    paras: tuple[Para, ...]
    site: SiteLines | None = None
    """Its evidence for its source's template (None when the source is unknown)."""


def seed_lines(text: str) -> list[str]:
    """Normalised text -> lines, with HTML entities left by the scraper decoded (`&#163;8m` -> `£8m`)."""
    if "&" in text and _ENTITY.search(text):
        text = _ENTITY.sub(lambda match: html.unescape(match.group()), text)
    return [line.strip() for line in text.split("\n")]


def _body(
    lines: list[str], verdicts: list[LineVerdict], extra: re.Pattern[str] | None
) -> list[Para]:
    """The kept lines as paragraphs; a blank (or dropped) line between kept lines parts blocks."""
    out: list[str] = []
    for verdict in verdicts:
        line = lines[verdict.line]
        if verdict.keep and line and not is_marker(line) and not (extra and extra.fullmatch(line)):
            out.append(line)
        elif out and out[-1]:
            out.append("")
    return [para for block in blocks("\n".join(out)) for para in to_paras(block)]


def read_seed(
    text: str,
    *,
    day_first: bool = True,
    today: dt.date | None = None,
    extra: re.Pattern[str] | None = None,
    templates: Mapping[str, Template] | None = None,
) -> Reading:
    """Read normalised seed text; `extra` is the site's own furniture patterns (convert.boilerplate),
    `templates` the lines that recur across the stories of each source (see site_template.py)."""
    lines = seed_lines(text)
    lang = detect(lines)
    headline = find_headline(lines)
    near = headline.body_line if headline.body_line is not None else headline.title_line
    byline = find_byline(lines, near, lang)
    date = find_date(
        lines, headline=headline.body_line, lang=lang, today=today, day_first=day_first
    )
    skip = frozenset(byline.lines) | ({date.line} if date.line is not None else frozenset())
    start = story_start(
        lines,
        title_line=headline.title_line,
        headline_line=headline.body_line,
        skip=skip,
        lang=lang,
    )
    if headline.body_line is not None and start.line <= headline.body_line:
        skip |= {headline.body_line}
    verdicts = story_lines(lines, start=start.line, skip=frozenset(skip), lang=lang)
    site = site_lines(
        headline.source, headline.title, lines, (lines[v.line] for v in verdicts if v.keep)
    )
    if site is not None and templates:
        site = replace(site, applied=applied(site, templates))
        verdicts = drop_template(
            lines, verdicts, frozenset(site.applied), templates.get(site.site), site.site
        )
    paras = _body(lines, verdicts, extra)
    return Reading(tuple(lines), lang, headline, byline, date, tuple(verdicts), tuple(paras), site)


def warm_up() -> None:
    """Build the cheap shared tables (stop words, date patterns) before a process pool forks.

    The language model and dateparser are not loaded here: most seeds never need them (the
    stop words decide the language; a date line at the top takes the fast path), and a
    worker that does need them loads them on first use.
    """
    read_seed(
        "2 January 2020\n\nHeadline\n\nThe first sentence of the story is here, and it is in English for the sake of the test."
    )
