"""The masthead of a seed: its headline, the site name in its <title> line, and its byline.

Evidence, in order: the <title> line split at its separators (titleparts); the body line that repeats a run
of those segments (the page's h1); what the seed says elsewhere about the other segments (sitename); last,
the shape of a segment (domain, press word, place, tagline).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitegen.convert.boilerplate import is_boilerplate
from sitegen.convert.dates import HEADER_LINE, RELATIVE_LINE, parse_date_line
from sitegen.convert.headline import parse_bylines
from sitegen.convert.sitename import NameIndex, Names, choose_site, core_run, outside_is_furniture
from sitegen.convert.titleparts import (
    STRONG,
    Body,
    Segment,
    first_folded,
    key,
    key_words,
    run_text,
    segments,
    words,
)

__all__ = [
    "Byline",
    "Headline",
    "find_byline",
    "find_headline",
    "key",
    "seed_acronyms",
    "segments",
    "title_line",
    "words",
]

_NOT_H1 = re.compile(
    r"^(?:[*+o•-]\s|\d+[.)]\s|(?:read|see) (?:more|also)\b|related:|lire aussi|lesen sie auch|leer más|lea también|mehr zum thema)",
    re.I,
)
"""List items (inscriptis markers, numbered lists): related links, not the headline."""
_FUZZY = 0.6
"""Least word overlap of a body line with the <title> headline for it to count as the page's h1."""
_MAX_TITLE = 300
"""A <title> line longer than this is prose: no segments are looked for."""
_MAX_H1 = 320
"""A body line longer than this is a paragraph, never the headline."""
_MAX_LONGER = 200
"""A body line that extends the <title> headline is at most this long (a headline, not a paragraph)."""
_INNER_STOP = re.compile(r"[.!?][\"')\]]*\s")
"""A sentence end inside a line: a caption or lede ('... starten im März. (Quelle: ...)'), not a headline."""
_MIN_START = 8
"""A <title> headline shorter than this (matching form) is too short to be extended: 'Live', 'Video'."""
_HEAD_LINES = 6
"""The <title> line is among this many first non-empty lines."""
_RELATIVE_OTHER = re.compile(
    r"^(?:vor\s+(?:\d+|einer?|wenigen)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
    r"|il y a\s+(?:\d+|une?|quelques)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
    r"|hace\s+(?:\d+|una?|unos|unas|pocos)\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?)"
    r"|(?:\d+|un|una|pochi)\s+(?:secondi|minuti|minuto|ore|ora|giorni|giorno|settimane|mesi|anni)\s+fa"
    r"|h[aá]\s+(?:\d+|uma?)\s+(?:segundos?|minutos?|horas?|dias?|semanas?|meses|anos?)"
    r"|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|hoje|ontem)\.?$",
    re.I,
)
"""'vor 3 Stunden', 'il y a 3 heures', 'hace 3 horas', '3 ore fa', 'há 3 horas': a relative date, not a headline."""


@dataclass(frozen=True)
class Headline:
    """The headline of a seed, its site name and the evidence for both."""

    title: str
    source: str | None
    title_line: int
    body_line: int | None
    reasons: tuple[str, ...]
    passed_over: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Byline:
    """Who wrote the story (not scored: never furniture), and the lines it took."""

    author: str | None
    agency: str | None
    lines: tuple[int, ...]


def title_line(lines: Sequence[str]) -> tuple[int, str]:
    """The <title> line: the first non-empty line that is no date, relative date or furniture ('Advertisement').

    A 'date 2005-03-03 Headline' line gives its headline."""
    seen = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > _HEAD_LINES:
            break
        header = HEADER_LINE.match(line)
        if header:
            return index, header["rest"].strip()
        if not is_head_furniture(line):
            return index, line
    return 0, lines[0] if lines else ""


def is_head_furniture(line: str) -> bool:
    """A line above the headline that is not it: a date, '3 hours ago' / 'vor 3 Stunden', an ad or share prompt."""
    if len(line) <= 40 and (RELATIVE_LINE.match(line) or _RELATIVE_OTHER.match(line)):
        return True
    return parse_date_line(line) is not None or is_boilerplate(line)


@dataclass(frozen=True)
class Match:
    """A body line that repeats segments first..last of the <title> line."""

    first: int
    last: int
    line: int
    score: float
    how: str


def exact_matches(body: Body, start: int, line: str, parts: list[Segment]) -> list[Match]:
    """Runs of segments that a body line repeats word for word, longest first."""
    runs = [
        (first, last, text, key(text))
        for first in range(len(parts))
        for last in range(first, len(parts))
        for text in [run_text(line, parts, first, last)]
    ]
    wanted = {folded for *_span, folded in runs}
    firsts = {text[:1] for text in wanted} if "" not in wanted else None
    lines, index = body.lines, {}
    for number in range(start, len(lines)):
        text = lines[number]
        if not text or len(text) > _MAX_H1:
            continue
        if firsts is not None and (first := first_folded(text)) is not None and first not in firsts:
            continue  # the cheap test: a line whose first letter differs from every run's is no repeat
        if (folded := body.key(number)) in wanted:
            index.setdefault(folded, []).append(number)
    found = []
    for first, last, text, folded in runs:
        numbers = index.get(folded)
        if numbers:
            number = next((n for n in numbers if lines[n] == text), numbers[0])
            found.append(
                Match(first, last, number, float(parts[last].end - parts[first].start), "repeated")
            )
    return sorted(found, key=lambda m: (-m.score, m.line))


def pick_exact(matches: list[Match], parts: list[Segment], names: Names) -> Match | None:
    """The longest repeat whose outside is furniture; a shorter one wins when it only drops a site segment."""
    accepted = [
        m for m in matches if outside_is_furniture(parts, m.first, m.last, names, strict=False)
    ]
    if not accepted:
        return kicker(matches, parts, names)
    best = accepted[0]
    for other in accepted[1:]:
        if (
            other.first == best.first
            and other.last < best.last
            and all(parts[n].sep in STRONG for n in range(other.last + 1, best.last + 1))
        ):
            return other
    return best


def kicker(matches: list[Match], parts: list[Segment], names: Names) -> Match | None:
    """'Kicker: Headline' in the <title>, the two on nearby body lines: the second is the h1."""
    for a in matches:
        for b in matches:
            if (
                b.first == a.last + 1
                and 0 < b.line - a.line <= 4
                and outside_is_furniture(parts, a.first, b.last, names, strict=False)
            ):
                return Match(
                    a.first, b.last, b.line, b.score, f"kicker on line {a.line + 1}, headline"
                )
    return None


def f1(run: list[str], body: list[str]) -> float:
    """Overlap of two word lists: the harmonic mean of the shares of each found in the other."""
    if not run or not body:
        return 0.0
    sa, sb = set(run), set(body)
    shared = len(sa & sb)
    return 2 * shared / (len(sa) + len(sb))


def fuzzy_match(
    body: Body, start: int, line: str, parts: list[Segment], runs: set[tuple[int, int]]
) -> Match | None:
    """The body line closest to a core run of the <title>: an h1 that differs a little from the SEO title,
    or one that starts with the run and goes on ('Tag line' -> 'Tag line, the real headline')."""
    wanted_runs = [
        (first, last, run_text(line, parts, first, last)) for first, last in sorted(runs)
    ]
    wanted_runs = [(first, last, text, words(text), key(text)) for first, last, text in wanted_runs]
    wanted = {word for *_rest, run, _folded in wanted_runs for word in run}
    starts = tuple(
        folded for *_rest, run, folded in wanted_runs if len(run) >= 2 and len(folded) >= _MIN_START
    )
    best: Match | None = None
    lines = body.lines
    for number in range(start, len(lines)):
        text = lines[number]
        if (
            not text
            or len(text) > _MAX_H1
            or len(text) < 12
            or _NOT_H1.match(text)
            or text.count(" / ") >= 2
        ):
            continue
        folded = body.key(number)
        found = key_words(folded)
        if len(set(found) & wanted) < 3 and not (starts and folded.startswith(starts)):
            continue  # the cheap pre-filter
        for first, last, run_line, run, run_folded in wanted_runs:
            if text.endswith(".") and not run_line.endswith("."):
                continue  # a sentence: the lede, not the headline
            score, how = (f1(run, found) if len(set(run)) >= 3 else 0.0), "close to (overlap %.2f)"
            if score < _FUZZY and len(run) >= 2 and extends(folded, run_folded, len(text)):
                score, how = _FUZZY, "a longer headline that starts with (overlap %.2f)"
            if score >= _FUZZY and (best is None or score > best.score + 0.02):
                best = Match(first, last, number, score, how % f1(run, found))
    return best


def extends(folded: str, run: str, length: int) -> bool:
    """A body line (matching form) that starts with the <title> headline and goes on: 'Tag line, the real headline'."""
    return (
        length <= _MAX_LONGER
        and len(folded) > len(run) + 3
        and folded.startswith(run)
        and not folded[len(run)].isalnum()
        and not _INNER_STOP.search(folded, len(run))
    )


def find_headline(lines: list[str]) -> Headline:
    """The seed's headline and site name, from its <title> line and the body line that repeats it."""
    if not lines:
        return Headline("", None, 0, None, ("empty seed",), ())
    number, line = title_line(lines)
    header = HEADER_LINE.match(lines[number]) is not None
    line = " ".join(line.split())
    if not line or len(line) > _MAX_TITLE:
        return Headline("", None, number, None, ("no <title> line",), ())
    parts = segments(line)
    reasons = [f"<title> split: {len(parts)} segment(s)"]
    body = Body(lines)
    index = NameIndex(body)
    names = index.outside({number})
    matches = exact_matches(body, number + 1, line, parts)
    match = pick_exact(matches, parts, names)
    passed = [
        (
            lines[m.line],
            f"repeat of segments {m.first + 1}-{m.last + 1} on line {m.line + 1}: outside is not furniture",
        )
        for m in matches
        if match is None or m.line != match.line
    ][:4]
    if match is None and not header:
        runs = {core_run(parts, names, strict=False), core_run(parts, names, strict=True)}
        match = fuzzy_match(body, number + 1, line, parts, runs)
    if match is not None:
        title = (
            run_text(line, parts, match.first, match.last)
            if match.how == "repeated"
            else lines[match.line].strip()
        )
        first, last = match.first, match.last
        reasons.append(f"segments {first + 1}-{last + 1} {match.how} on line {match.line + 1}")
        names = index.outside({number, match.line})
    else:
        first, last = core_run(parts, names, strict=True)
        title = run_text(line, parts, first, last)
        reasons.append(
            f"no body line repeats the <title>: segments {first + 1}-{last + 1} by their shape"
        )
    source, why, other = choose_site(parts, first, last, names)
    return Headline(
        title,
        source,
        number,
        match.line if match else None,
        tuple(reasons + why),
        tuple(passed + other),
    )


def seed_acronyms(lines: Sequence[str]) -> frozenset[str]:
    """Words the seed writes in capitals inside mixed-case prose: kept as they are by fix_capitals.

    The headline is returned as written; the converter title-cases an all-capitals one with these and the
    taxonomy's acronyms."""
    found = set()
    for text in lines[1:400]:
        if len(text) > 80 and not text.isupper():
            found.update(re.findall(r"\b[A-Z][A-Z0-9&]{1,5}\b", text))
    return frozenset(found)


def find_byline(lines: list[str], near: int, lang: str | None = None) -> Byline:
    """The byline near the headline's body line: 'By Jane Doe', 'Von ...', 'By' / 'Eric Yoder'."""
    found = parse_bylines(lines, near, lang)
    if found is None:
        return Byline(None, None, ())
    author, agency, taken = found
    return Byline(author, agency, taken)
