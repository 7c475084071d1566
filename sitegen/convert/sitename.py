"""The site's name among the <title> segments, by what the rest of the seed says about each.

Evidence for a segment: a copyright line that names it, a domain in the text, a line of its own, the shape
of a press name; against it: a place, a section label, a byline, a sentence. The segments outside the
headline are weighed and the best one, if any reads as a name, is the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from sitegen.convert.headline import is_story_label, looks_like_site, site_prefix
from sitegen.convert.titleparts import STRONG, Body, Segment, key, squash, squash_key

_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}/?$", re.I)
_DOMAINS_IN_TEXT = re.compile(
    r"\b(?:www\.)?([a-z0-9][a-z0-9-]{1,40})\.(?:[a-z]{2,6})(?:\.[a-z]{2})?\b", re.I
)
_DOT_LETTER = re.compile(r"\.[a-z]", re.I)
"""Every domain holds a dot before a letter: the cheap test before the domain pattern runs on a line."""
_PLACE = re.compile(r"^[A-Z][\w.' -]{1,30},\s*[A-Z]{2}$")
_COPYRIGHT_WORDS = (
    "©",
    "(c)",
    "copyright",
    "all rights reserved",
    "tous droits",
    "alle rechte",
    "derechos",
)
_COPYRIGHT = re.compile("|".join(map(re.escape, _COPYRIGHT_WORDS)), re.I)
_FOLD_I = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
"""The letters re.I matches to i and s besides their capitals: the substring test then misses no match."""
_GENERIC = frozenset(
    "news nachrichten noticias actualités actualites notizie nieuws notícias новости новини sport sports politics "
    "politik política politique economy wirtschaft economía économie business local world welt mundo monde "
    "opinion meinung opinión blog home".split()
)
"""Section names that are never a site's name on their own."""
_LOCAL_SECTIONS = frozenset(
    "local city metro region regional "  # en
    "ciudad región regionales provincia "  # es
    "locale ville région régions "  # fr, it
    "lokal lokales stadt regionales "  # de
    "città cronaca regione "  # it
    "cidade cidades região "  # pt
    "lokaal stad regio "  # nl
    "miasto "  # pl
    "lokalt stad staden ".split()  # sv, da, no
)
"""The section of a paper for its own town or region, in many languages: 'La Ciudad', 'Lokales', 'Metro'.

Papers are named so too ('La Región', 'Metro'), so such a segment only counts against a site: its copyright
line or domain in the seed still makes it the site."""
_ARTICLES = frozenset("the la el le les lo il die der das de het a o os as den".split())
_PARTICLES = frozenset("de la le el del der die das of the and & y et und da di du van von".split())


@dataclass(frozen=True, eq=False)
class NameIndex:
    """Where the seed names things: its short lines, copyright lines and domains, each read when first used."""

    body: Body

    @cached_property
    def short_lines(self) -> dict[str, list[int]]:
        """Lines of at most 60 characters by matching form: a name on a line of its own."""
        found: dict[str, list[int]] = {}
        for number, text in enumerate(self.body.lines):
            if text and len(text) <= 60:
                found.setdefault(self.body.key(number), []).append(number)
        return found

    @cached_property
    def copyright_lines(self) -> list[tuple[int, str]]:
        """Copyright lines of at most 200 characters, squashed, with their numbers."""
        return [
            (number, squash(text))
            for number, text in enumerate(self.body.lines)
            if text and len(text) <= 200 and may_be_copyright(text) and _COPYRIGHT.search(text)
        ]

    @cached_property
    def domain_labels(self) -> dict[str, set[int]]:
        """Labels of the domains the lines name ('www.the-poke.co.uk' -> 'thepoke'), with their line numbers."""
        found: dict[str, set[int]] = {}
        for number, text in enumerate(self.body.lines):
            if text and _DOT_LETTER.search(text):
                for label in _DOMAINS_IN_TEXT.findall(text):
                    found.setdefault(label.lower().replace("-", ""), set()).add(number)
        return found

    def outside(self, skip: set[int]) -> Names:
        """What the seed names outside the `skip` lines (the <title> and headline lines)."""
        return Names(self, frozenset(skip))


def may_be_copyright(text: str) -> bool:
    """The cheap test before _COPYRIGHT: one of its words in the lower-cased line."""
    folded = (
        text.translate(_FOLD_I) if "İ" in text or "ı" in text or "ſ" in text else text
    ).lower()  # translate is slow: only when needed
    for word in _COPYRIGHT_WORDS:
        if word in folded:
            return True
    return False


@dataclass(frozen=True, eq=False)
class Names:
    """What the seed names outside the <title> and headline lines (the `skip` lines)."""

    index: NameIndex
    skip: frozenset[int]

    def has_line(self, folded: str) -> bool:
        """True when a short line of its own, outside the skipped lines, reads `folded`."""
        return any(number not in self.skip for number in self.index.short_lines.get(folded, ()))

    @cached_property
    def copyright(self) -> tuple[str, ...]:
        """The squashed copyright lines."""
        return tuple(text for number, text in self.index.copyright_lines if number not in self.skip)

    @cached_property
    def domains(self) -> frozenset[str]:
        """The domain labels."""
        return frozenset(
            label for label, numbers in self.index.domain_labels.items() if numbers - self.skip
        )


def body_names(lines: list[str], skip: set[int]) -> Names:
    """Short lines of their own, copyright lines and domain labels the seed holds outside the `skip` lines."""
    return NameIndex(Body(lines)).outside(skip)


def site_evidence(text: str, names: Names) -> tuple[float, list[str]]:
    """How much a segment reads as the site's name, with the reasons (negative: it is something else)."""
    folded = key(text)
    flat = squash_key(folded)
    if not flat or not any(char.isalpha() for char in text):
        return -9.0, ["no letters"]
    score, why = 0.0, []
    if text.lower().startswith(("by ", "von ", "par ", "por ")):
        return -6.0, ["a byline"]
    if _PLACE.match(text):
        return -4.0, ["a place"]
    if flat in _GENERIC:
        return -2.0, ["a section label"]
    if is_local_section(folded):
        score, why = score - 2, why + ["a local-news section label"]
    if _DOMAIN.match(text):
        score, why = score + 3, why + ["a domain"]
    elif len(text.split()) > 5 or "," in text or text.endswith(("!", "?", ".")):
        score, why = score - 3, why + ["a tagline or sentence"]
    if len(flat) >= 3 and any(flat in line for line in names.copyright):
        score, why = score + 3, why + ["named in a copyright line"]
    if flat in names.domains or (
        len(flat) > 4 and any(flat.startswith(d) for d in names.domains if len(d) >= 4)
    ):
        score, why = score + 2, why + ["matches a domain in the seed"]
    if names.has_line(folded):
        score, why = score + 0.5, why + ["a line of its own in the body"]
    if looks_like_site(text, frozenset()):
        score, why = score + 1, why + ["a press name"]
    return score, why


def is_local_section(folded: str) -> bool:
    """'la ciudad', 'lokales', 'metro' (a matching form): a section word for the paper's own town or region."""
    found = folded.split()
    if len(found) == 2 and found[0] in _ARTICLES:
        found = found[1:]
    return len(found) == 1 and found[0] in _LOCAL_SECTIONS


def is_label(text: str) -> bool:
    """A short section label or name: at most three words, capitalised (or of a script without case), not a sentence."""
    first = text[:1]
    capital = first.isupper() or (
        first.isalpha() and first.lower() == first.upper() and len(text) <= 12
    )
    return (
        len(text.split()) <= 3
        and len(text) <= 40
        and capital
        and not text.endswith((".", "?", "!", ",", "。"))
    )


def is_name(text: str) -> bool:
    """Two to four capitalised words ('The Poke', 'ABC7 San Francisco'): a name, not a quoted speaker."""
    words_ = text.split()
    content = [w for w in words_ if w.lower() not in _PARTICLES]
    return (
        2 <= len(words_)
        and len(content) <= 4
        and all(w[:1].isupper() or w[:1].isdigit() for w in content)
        and not text.endswith((".", "?", "!", ","))
    )


def suffix_ok(part: Segment, names: Names, strict: bool) -> bool:
    """The first segment after the headline reads as site, section, place or name (the rest is then furniture)."""
    score, _why = site_evidence(part.text, names)
    if part.sep == ":":
        return score >= 3
    if part.sep in STRONG:
        return score > -3 or not strict
    return (
        score >= 1
        or _PLACE.match(part.text) is not None
        or squash(part.text) in _GENERIC
        or is_name(part.text)
        or (not strict and is_label(part.text))
    )


def prefix_ok(part: Segment, names: Names, strict: bool) -> bool:
    """A segment before the headline reads as site or section ('Site: Section: Headline')."""
    score, _why = site_evidence(part.text, names)
    return (
        score >= 3
        or capital_press(part.text)
        or (not strict and is_label(part.text) and score > -3)
    )


def capital_press(text: str) -> bool:
    """'REUTERS', 'AP NEWS': a press name written in capitals, at most four words (before ': Headline')."""
    return (
        len(text) <= 40
        and text.isupper()
        and site_prefix(text, frozenset())
        and not is_story_label(text)
    )


def outside_is_furniture(
    parts: list[Segment], first: int, last: int, names: Names, strict: bool
) -> bool:
    """True when the segments outside first..last are site, section or tagline: the run is the whole headline."""
    if last < len(parts) - 1 and not suffix_ok(parts[last + 1], names, strict):
        return False
    return all(prefix_ok(parts[number], names, strict) for number in range(first))


def core_run(parts: list[Segment], names: Names, strict: bool) -> tuple[int, int]:
    """Cut site and section segments off the ends: the headline ends before the first segment that is furniture."""
    first = 0
    while first < len(parts) - 1 and prefix_ok(parts[first], names, strict):
        first += 1
    for last in range(first, len(parts) - 1):
        if suffix_ok(parts[last + 1], names, strict):
            return first, last
    return first, len(parts) - 1


def choose_site(
    parts: list[Segment], first: int, last: int, names: Names
) -> tuple[str | None, list[str], list[tuple[str, str]]]:
    """The site among the segments outside the headline: best evidence; ties go to the later one."""
    scored = []
    after = [n for n in range(last + 1, len(parts))]
    # "Headline - Site | Tagline | City": the site's own title follows; its first segment is the name
    own_title = (
        len(after) >= 2
        and parts[after[0]].sep not in STRONG
        and all(parts[n].sep in STRONG for n in after[1:])
    )
    for number, part in enumerate(parts):
        if first <= number <= last:
            continue
        score, why = site_evidence(part.text, names)
        if number < first and parts[number + 1].sep == ":" and capital_press(part.text):
            score, why = score + 2, why + ["a press name in capitals before ':'"]
        elif number < first and parts[number + 1].sep == ":" and score < 3:
            score, why = score - 3, why + ["a kicker before ':'"]
        if number == len(parts) - 1 and number > last:
            score, why = score + 0.5, why + ["last in the <title>"]
        if own_title and number == after[0]:
            score, why = score + 1, why + ["first of the site's own title"]
        scored.append((score, number, part.text, why))
    if not scored:
        return None, [], []
    scored.sort(key=lambda item: (item[0], item[1] if not own_title else -item[1]), reverse=True)
    best = scored[0]
    if best[0] < 0:
        return None, [], [(text, "not a site: " + ", ".join(why)) for _s, _n, text, why in scored]
    passed = [
        (text, f"site score {score:g} not above {best[0]:g}") for score, _n, text, _w in scored[1:]
    ]
    return (
        best[2],
        [f"'{best[2]}' is the site: " + (", ".join(best[3]) or "outside the headline")],
        passed,
    )
