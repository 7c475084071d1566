"""The masthead of a seed: its headline, the site name in its <title> line, and its byline.

Evidence, in order: the <title> line split at its separators; the body line that repeats a run of
those segments (the page's h1); what the seed says elsewhere about the other segments (a copyright
line, a line of its own, a domain); last, the shape of a segment (domain, press word, place, tagline).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from sitegen.convert.dates import HEADER_LINE, parse_date_line
from sitegen.convert.headline import fix_capitals, looks_like_site, parse_bylines

_SEP = re.compile(
    r"\s+[|｜¦]\s*|\s*｜\s*|\s+[-–—‒―]{1,2}\s+|\s+:\s+|(?<=[^\s\d:]):\s+|\s+[·•»«~]\s+"
    r"|(?<=[\u3040-\u9fff\uac00-\ud7af」』）])[-–—_]\s*(?=[\u3040-\u9fff\uac00-\ud7af])"
)
_STRONG = frozenset("|｜¦·•»«~")
"""Separators that part a site or section from the headline; a dash or colon may be the headline's own."""
_ZW = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "´": "'", "`": "'", "“": '"',
                         "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"', "‹": "'", "›": "'"})
_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "―": "-", "…": "..."})
_WORD = re.compile(r"[^\W\d_]+|\d+", re.U)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}/?$", re.I)
_DOMAINS_IN_TEXT = re.compile(r"\b(?:www\.)?([a-z0-9][a-z0-9-]{1,40})\.(?:[a-z]{2,6})(?:\.[a-z]{2})?\b", re.I)
_DOT_LETTER = re.compile(r"\.[a-z]", re.I)
"""Every domain holds a dot before a letter: the cheap test before the domain pattern runs on a line."""
_PLACE = re.compile(r"^[A-Z][\w.' -]{1,30},\s*[A-Z]{2}$")
_COPYRIGHT_WORDS = ("©", "(c)", "copyright", "all rights reserved", "tous droits", "alle rechte", "derechos")
_COPYRIGHT = re.compile("|".join(map(re.escape, _COPYRIGHT_WORDS)), re.I)
_FOLD_I = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
"""The letters re.I matches to i and s besides their capitals: the substring test then misses no match."""
_GENERIC = frozenset(
    "news nachrichten noticias actualités actualites notizie nieuws notícias новости новини sport sports politics "
    "politik política politique economy wirtschaft economía économie business local world welt mundo monde "
    "opinion meinung opinión blog home".split()
)
"""Section names that are never a site's name on their own."""
_PARTICLES = frozenset("de la le el del der die das of the and & y et und da di du van von".split())
_NOT_H1 = re.compile(r"^(?:[*+o•-]\s|\d+[.)]\s|(?:read|see) (?:more|also)\b|related:|lire aussi|lesen sie auch|leer más|lea también|mehr zum thema)", re.I)
"""List items (inscriptis markers, numbered lists): related links, not the headline."""
_FUZZY = 0.6
"""Least word overlap of a body line with the <title> headline for it to count as the page's h1."""
_MAX_TITLE = 300
"""A <title> line longer than this is prose: no segments are looked for."""
_MAX_H1 = 320
"""A body line longer than this is a paragraph, never the headline."""


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


@dataclass(frozen=True)
class Segment:
    """One part of the <title> line: its text, its span, and the separator before it."""

    text: str
    start: int
    end: int
    sep: str


def key(text: str) -> str:
    """Matching form: NFC, zero-width out, quotes folded, whitespace collapsed, case folded."""
    if text.isascii():  # the same form, without the Unicode steps that leave ASCII as it is
        return " ".join(text.replace("`", "'").split()).lower().strip(" |")
    text = _ZW.sub("", unicodedata.normalize("NFC", text)).translate(_QUOTES).translate(_DASHES)
    return " ".join(text.split()).casefold().strip(" |")


_LEAD = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f|"
"""What key() drops before the first character of an ASCII line: whitespace and pipes."""


def first_folded(text: str) -> str | None:
    """The first character of key(text), read without building it; None when that needs the whole key."""
    if not text.isascii():
        return None
    return text.lstrip(_LEAD)[:1].lower().replace("`", "'")


def words(text: str) -> list[str]:
    """Words of a line, case folded; CJK text counts each pair of characters as a word."""
    return key_words(key(text))


def key_words(folded: str) -> list[str]:
    """Words of a line already in its matching form (see words)."""
    found: list[str] = []
    for word in _WORD.findall(folded):
        found.extend([word[i:i + 2] for i in range(max(1, len(word) - 1))] if _CJK.search(word) else [word])
    return found


def squash(text: str) -> str:
    """Letters and digits only, lower case: 'The Register-Guard' -> 'theregisterguard'."""
    return "".join(char for char in key(text) if char.isalnum())


def title_line(lines: list[str]) -> tuple[int, str]:
    """The <title> line: the first non-empty line that is not only a date ('date 2005-03-03 ' stripped)."""
    for index, line in enumerate(lines[:6]):
        if not line:
            continue
        header = HEADER_LINE.match(line)
        if header:
            return index, header["rest"].strip()
        if parse_date_line(line) is None:
            return index, line
    return 0, lines[0] if lines else ""


def segments(line: str) -> list[Segment]:
    """Split a <title> line at its separators; empty parts dropped."""
    parts: list[Segment] = []
    start, sep = 0, ""
    for match in _SEP.finditer(line):
        if line[start:match.start()].strip():
            parts.append(Segment(line[start:match.start()].strip(), start, match.start(), sep))
            sep = match.group().strip() or "-"
        start = match.end()
    if line[start:].strip():
        parts.append(Segment(line[start:].strip(), start, len(line), sep))
    return parts


def run_text(line: str, parts: list[Segment], first: int, last: int) -> str:
    """The <title> text of segments first..last, with their own separators."""
    return line[parts[first].start:parts[last].end].strip()


@dataclass(frozen=True, eq=False)
class Body:
    """The seed's lines and what is read from them, each computed once and only when first asked for."""

    lines: list[str]
    _keys: dict[int, str] = field(default_factory=dict, repr=False)

    def key(self, number: int) -> str:
        """The matching form of line `number`."""
        found = self._keys.get(number)
        if found is None:
            found = self._keys[number] = key(self.lines[number])
        return found

    @cached_property
    def short_lines(self) -> dict[str, list[int]]:
        """Lines of at most 60 characters by matching form: a name on a line of its own."""
        found: dict[str, list[int]] = {}
        for number, text in enumerate(self.lines):
            if text and len(text) <= 60:
                found.setdefault(self.key(number), []).append(number)
        return found

    @cached_property
    def copyright_lines(self) -> list[tuple[int, str]]:
        """Copyright lines of at most 200 characters, squashed, with their numbers."""
        return [(number, squash(text)) for number, text in enumerate(self.lines)
                if text and len(text) <= 200 and may_be_copyright(text) and _COPYRIGHT.search(text)]

    @cached_property
    def domain_labels(self) -> dict[str, set[int]]:
        """Labels of the domains the lines name ('www.the-poke.co.uk' -> 'thepoke'), with their line numbers."""
        found: dict[str, set[int]] = {}
        for number, text in enumerate(self.lines):
            if text and _DOT_LETTER.search(text):
                for label in _DOMAINS_IN_TEXT.findall(text):
                    found.setdefault(label.lower().replace("-", ""), set()).add(number)
        return found


def may_be_copyright(text: str) -> bool:
    """The cheap test before _COPYRIGHT: one of its words in the lower-cased line."""
    folded = (text if text.isascii() else text.translate(_FOLD_I)).lower()
    return any(word in folded for word in _COPYRIGHT_WORDS)


@dataclass(frozen=True, eq=False)
class Names:
    """What the seed names outside the <title> and headline lines (the `skip` lines)."""

    body: Body
    skip: frozenset[int]

    def has_line(self, folded: str) -> bool:
        """True when a short line of its own, outside the skipped lines, reads `folded`."""
        return any(number not in self.skip for number in self.body.short_lines.get(folded, ()))

    @cached_property
    def copyright(self) -> tuple[str, ...]:
        """The squashed copyright lines."""
        return tuple(text for number, text in self.body.copyright_lines if number not in self.skip)

    @cached_property
    def domains(self) -> frozenset[str]:
        """The domain labels."""
        return frozenset(label for label, numbers in self.body.domain_labels.items() if numbers - self.skip)


def body_names(lines: list[str] | Body, skip: set[int]) -> Names:
    """Short lines of their own, copyright lines and domain labels the seed holds (read when first used)."""
    return Names(lines if isinstance(lines, Body) else Body(lines), frozenset(skip))


def site_evidence(text: str, names: Names) -> tuple[float, list[str]]:
    """How much a segment reads as the site's name, with the reasons (negative: it is something else)."""
    flat = squash(text)
    if not flat or not any(char.isalpha() for char in text):
        return -9.0, ["no letters"]
    score, why = 0.0, []
    if text.lower().startswith(("by ", "von ", "par ", "por ")):
        return -6.0, ["a byline"]
    if _PLACE.match(text):
        return -4.0, ["a place"]
    if flat in _GENERIC:
        return -2.0, ["a section label"]
    if _DOMAIN.match(text):
        score, why = score + 3, why + ["a domain"]
    elif len(text.split()) > 5 or "," in text or text.endswith(("!", "?", ".")):
        score, why = score - 3, why + ["a tagline or sentence"]
    if len(flat) >= 3 and any(flat in line for line in names.copyright):
        score, why = score + 3, why + ["named in a copyright line"]
    if flat in names.domains or (len(flat) > 4 and any(flat.startswith(d) for d in names.domains if len(d) >= 4)):
        score, why = score + 2, why + ["matches a domain in the seed"]
    if names.has_line(key(text)):
        score, why = score + 0.5, why + ["a line of its own in the body"]
    if looks_like_site(text, frozenset()):
        score, why = score + 1, why + ["a press name"]
    return score, why


def is_label(text: str) -> bool:
    """A short section label or name: at most three words, capitalised (or of a script without case), not a sentence."""
    first = text[:1]
    capital = first.isupper() or (first.isalpha() and first.lower() == first.upper() and len(text) <= 12)
    return len(text.split()) <= 3 and len(text) <= 40 and capital and not text.endswith((".", "?", "!", ",", "。"))


def is_name(text: str) -> bool:
    """Two to four capitalised words ('The Poke', 'ABC7 San Francisco'): a name, not a quoted speaker."""
    words_ = text.split()
    content = [w for w in words_ if w.lower() not in _PARTICLES]
    return 2 <= len(words_) and len(content) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in content) \
        and not text.endswith((".", "?", "!", ","))


def suffix_ok(part: Segment, names: Names, strict: bool) -> bool:
    """The first segment after the headline reads as site, section, place or name (the rest is then furniture)."""
    score, _why = site_evidence(part.text, names)
    if part.sep == ":":
        return score >= 3
    if part.sep in _STRONG:
        return score > -3 or not strict
    return score >= 1 or _PLACE.match(part.text) is not None or squash(part.text) in _GENERIC \
        or is_name(part.text) or (not strict and is_label(part.text))


def prefix_ok(part: Segment, names: Names, strict: bool) -> bool:
    """A segment before the headline reads as site or section ('Site: Section: Headline')."""
    score, _why = site_evidence(part.text, names)
    return score >= 3 or (not strict and is_label(part.text) and score > -3)


def outside_is_furniture(parts: list[Segment], first: int, last: int, names: Names, strict: bool) -> bool:
    """True when the segments outside first..last are site, section or tagline: the run is the whole headline."""
    if last < len(parts) - 1 and not suffix_ok(parts[last + 1], names, strict):
        return False
    return all(prefix_ok(parts[number], names, strict) for number in range(first))


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
    runs = [(first, last, run_text(line, parts, first, last))
            for first in range(len(parts)) for last in range(first, len(parts))]
    wanted = {key(text) for *_span, text in runs}
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
    for first, last, text in runs:
        numbers = index.get(key(text))
        if numbers:
            number = next((n for n in numbers if lines[n] == text), numbers[0])
            found.append(Match(first, last, number, float(parts[last].end - parts[first].start), "repeated"))
    return sorted(found, key=lambda m: (-m.score, m.line))


def pick_exact(matches: list[Match], parts: list[Segment], names: Names) -> Match | None:
    """The longest repeat whose outside is furniture; a shorter one wins when it only drops a site segment."""
    accepted = [m for m in matches if outside_is_furniture(parts, m.first, m.last, names, strict=False)]
    if not accepted:
        return kicker(matches, parts, names)
    best = accepted[0]
    for other in accepted[1:]:
        if other.first == best.first and other.last < best.last and all(
                parts[n].sep in _STRONG for n in range(other.last + 1, best.last + 1)):
            return other
    return best


def kicker(matches: list[Match], parts: list[Segment], names: Names) -> Match | None:
    """'Kicker: Headline' in the <title>, the two on nearby body lines: the second is the h1."""
    for a in matches:
        for b in matches:
            if b.first == a.last + 1 and 0 < b.line - a.line <= 4 \
                    and outside_is_furniture(parts, a.first, b.last, names, strict=False):
                return Match(a.first, b.last, b.line, b.score, f"kicker on line {a.line}, headline")
    return None


def core_run(parts: list[Segment], names: Names, strict: bool) -> tuple[int, int]:
    """Cut site and section segments off the ends: the headline ends before the first segment that is furniture."""
    first = 0
    while first < len(parts) - 1 and prefix_ok(parts[first], names, strict):
        first += 1
    for last in range(first, len(parts) - 1):
        if suffix_ok(parts[last + 1], names, strict):
            return first, last
    return first, len(parts) - 1


def f1(run: list[str], body: list[str]) -> float:
    """Overlap of two word lists: the harmonic mean of the shares of each found in the other."""
    if not run or not body:
        return 0.0
    sa, sb = set(run), set(body)
    shared = len(sa & sb)
    return 2 * shared / (len(sa) + len(sb))


def fuzzy_match(body: Body, start: int, line: str, parts: list[Segment], runs: set[tuple[int, int]]) -> Match | None:
    """The body line closest to a core run of the <title>: an h1 that differs a little from the SEO title."""
    wanted_runs = [(first, last, run_text(line, parts, first, last)) for first, last in sorted(runs)]
    wanted_runs = [(first, last, text, words(text)) for first, last, text in wanted_runs]
    wanted = {word for *_rest, run in wanted_runs for word in run}
    best: Match | None = None
    lines = body.lines
    for number in range(start, len(lines)):
        text = lines[number]
        if not text or len(text) > _MAX_H1 or len(text) < 12 or _NOT_H1.match(text) or text.count(" / ") >= 2:
            continue
        found = key_words(body.key(number))
        if len(set(found) & wanted) < 3:
            continue  # the cheap pre-filter
        for first, last, run_line, run in wanted_runs:
            if len(set(run)) < 3 or text.endswith(".") and not run_line.endswith("."):
                continue  # a sentence: the lede, not the headline
            score = f1(run, found)
            if score >= _FUZZY and (best is None or score > best.score + 0.02):
                best = Match(first, last, number, score, f"close to (overlap {score:.2f})")
    return best


def choose_site(parts: list[Segment], first: int, last: int, names: Names) -> tuple[str | None, list[str], list[tuple[str, str]]]:
    """The site among the segments outside the headline: best evidence; ties go to the later one."""
    scored = []
    after = [n for n in range(last + 1, len(parts))]
    # "Headline - Site | Tagline | City": the site's own title follows; its first segment is the name
    own_title = len(after) >= 2 and parts[after[0]].sep not in _STRONG and all(parts[n].sep in _STRONG for n in after[1:])
    for number, part in enumerate(parts):
        if first <= number <= last:
            continue
        score, why = site_evidence(part.text, names)
        if number < first and parts[number + 1].sep == ":" and score < 3:
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
    passed = [(text, f"site score {score:g} not above {best[0]:g}") for score, _n, text, _w in scored[1:]]
    return best[2], [f"'{best[2]}' is the site: " + (", ".join(best[3]) or "outside the headline")], passed


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
    names = body_names(body, {number})
    matches = exact_matches(body, number + 1, line, parts)
    match = pick_exact(matches, parts, names)
    passed = [(lines[m.line], f"repeat of segments {m.first + 1}-{m.last + 1} on line {m.line}: outside is not furniture")
              for m in matches if match is None or m.line != match.line][:4]
    if match is None and not header:
        runs = {core_run(parts, names, strict=False), core_run(parts, names, strict=True)}
        match = fuzzy_match(body, number + 1, line, parts, runs)
    if match is not None:
        title = run_text(line, parts, match.first, match.last) if match.how == "repeated" else lines[match.line].strip()
        first, last = match.first, match.last
        reasons.append(f"segments {first + 1}-{last + 1} {match.how} on line {match.line}")
        names = body_names(body, {number, match.line})
    else:
        first, last = core_run(parts, names, strict=True)
        title = run_text(line, parts, first, last)
        reasons.append("no body line repeats the <title>: segments %d-%d by their shape" % (first + 1, last + 1))
    source, why, other = choose_site(parts, first, last, names)
    if not any(char.islower() for char in title if char.isalpha()):  # fix_capitals changes only such a title
        title = fix_capitals(title, acronyms(lines))
    return Headline(title, source, number, match.line if match else None, tuple(reasons + why), tuple(passed + other))



def acronyms(lines: list[str]) -> frozenset[str]:
    """Words the seed writes in capitals inside mixed-case prose: kept as they are by fix_capitals."""
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
