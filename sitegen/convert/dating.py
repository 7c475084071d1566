"""Choose a seed's publication date by stated evidence; the date text is parsed with dateparser.

Candidates are spans that look like a date (month names from dateparser's locale data for the
seed's language and English, numeric and CJK forms); only those spans go to dateparser. Each
candidate gets a score with its reasons (label, nearness to the headline and byline, a line of
its own); a separate step chooses, and returns no date when the evidence is weak.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from sitegen.convert.boilerplate import is_marker
from sitegen.convert.dates import HEADER_LINE, parse_date_line
from sitegen.convert.dating_forms import DateSpan, find_spans, numeric_order, parse_span

# Label words before a date (lower case; matched as words). One table, many languages.
PUBLISHED_LABELS = (
    "published",
    "posted",
    "first published",
    "publication date",
    "released",
    "date",
    "veröffentlicht",
    "erschienen",
    "erstellt",
    "publiziert",
    "datum",
    "publié",
    "publié le",
    "paru le",
    "mis en ligne",
    "publicado",
    "publicada",
    "fecha de publicación",
    "pubblicato",
    "pubblicata",
    "data di pubblicazione",
    "publicado em",
    "gepubliceerd",
    "geplaatst",
    "diterbitkan",
    "dipublikasikan",
    "опубликовано",
    "опубликован",
    "дата публикации",
    "опубліковано",
    "julkaistu",
    "公開日",
    "发布时间",
    "發佈",
    "发布",
)
UPDATED_LABELS = (
    "updated",
    "last updated",
    "modified",
    "last modified",
    "edited",
    "revised",
    "aktualisiert",
    "zuletzt aktualisiert",
    "geändert",
    "stand",
    "mis à jour",
    "mise à jour",
    "modifié",
    "actualizado",
    "actualizada",
    "actualización",
    "modificado",
    "aggiornato",
    "aggiornata",
    "aggiornamento",
    "atualizado",
    "atualizada",
    "bijgewerkt",
    "diperbarui",
    "обновлено",
    "обновлен",
    "оновлено",
    "päivitetty",
    "更新日",
    "更新",
)
_BYLINE = re.compile(r"(?:^|[·|•,]\s*)(?:by|von|par|por|di|door|oleh|от|автор|text:)\s+\w", re.I)
_BY_ALONE = re.compile(
    r"(?:by|von|par|por|di|door|oleh|от|автор)\s*:?", re.I
)  # 'By' / 'Jane Doe' on two lines
# A reading time marks a byline/dateline row: "5 min read", "3 Min. Lesezeit", "1 minuti di lettura".
_READING_TIME = re.compile(
    r"\d+\s*(?:min(?:ute)?s?\.?\s*(?:read|lesezeit|de lecture|de lectura|di lettura|de leitura|leestijd)"
    r"|minut[eio]s?\s+(?:de lecture|de lectura|di lettura|de leitura)|min(?:uten)?\.?\s+lesezeit)"
    r"|(?:lesezeit|temps de lecture|tiempo de lectura|tempo di lettura|reading time)\s*:?\s*\d+",
    re.I,
)
_TITLE_SEP = re.compile(r"\s[:|–—-]\s|\s\|\s?|\s[·•]\s")
_EMBED = re.compile(
    r"^[—–-]\s*.{0,80}\(@\w+\)"
)  # "— Name (@handle) November 1, 2023": an embedded post
_WORD = re.compile(r"[^\W\u3000-\u9fff\uac00-\ud7af]+|[\u3000-\u9fff\uac00-\ud7af]{1,2}", re.U)


@dataclass(frozen=True)
class DateCandidate:
    """One date found in the seed, with its score and the evidence for it."""

    line: int
    text: str
    iso: str
    score: float
    reasons: tuple[str, ...]
    rejected: str | None


@dataclass(frozen=True)
class DateChoice:
    """The chosen publication date (or None) and why, with every candidate considered.

    `line` and `DateCandidate.line` are 0-based indexes; the texts (`why`, `rejected`) name lines 1-based.
    """

    iso: str | None
    line: int | None
    why: str
    candidates: tuple[DateCandidate, ...]


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern[str]:
    """One regex over all label words; group 'pub' or 'upd' tells which kind matched."""

    def alt(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return re.compile(
        rf"(?<!\w)(?:(?P<upd>{alt(UPDATED_LABELS)})|(?P<pub>{alt(PUBLISHED_LABELS)}))(?!\w)", re.I
    )


def _label_in(text: str) -> tuple[str, str] | None:
    """The last label in `text` as (kind, word): kind 'published' or 'updated'."""
    found = None
    for match in _label_pattern().finditer(text):
        found = ("updated" if match.group("upd") else "published", match.group(0).lower())
    return found


def _label(lines: list[str], span: DateSpan) -> tuple[str, str] | None:
    """The label that introduces the span: before it on its line, else a short label line above."""
    prefix = lines[span.line][: span.start]
    found = _label_in(prefix[-40:])
    if found or _WORD.search(prefix):
        return found
    at = span.line
    for _ in range(LABEL_REACH):  # 'Published' / '3 weeks ago' / 'on' / the date: short lines above
        above = _previous_text(lines, at)
        if above is None or len(lines[above]) > 30:
            return None
        if (found := _label_in(lines[above])) is not None:
            return found
        at = above
    return None


LABEL_REACH = 3  # short lines a label may stand above its date


def _previous_text(lines: list[str], index: int) -> int | None:
    """Index of the nearest non-blank line above `index` (at most one blank between)."""
    for back in (1, 2):
        if index - back >= 0 and lines[index - back]:
            return index - back
    return None


def _rest(line: str, spans: list[DateSpan]) -> tuple[str, str, str]:
    """The line without its date spans and labels: (all of it, text before the first, after the last)."""
    parts, at = [], 0
    for span in spans:
        parts.append(line[at : span.start])
        at = span.end
    parts.append(line[at:])
    clean = [_label_pattern().sub(" ", part) for part in parts]
    return " ".join(clean), clean[0], clean[-1]


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _shape(line: str, spans: list[DateSpan]) -> tuple[float, str]:
    """Score and reason for how the date sits in its line (other dates on it count as date text)."""
    rest, before, after = _rest(line, spans)
    words = _words(rest)
    if words <= 1:
        return 2.0, "line of its own"
    if words <= 12 and len(line) <= 140:
        return 1.0, "short byline/dateline row"
    if _words(before) <= 1 or _words(after) <= 1:
        return -0.5, "at the edge of a long line"
    return -2.5, "inside a sentence of the story"


_SENTENCE_END = re.compile(r"[.!?…。！？][\"'»”’)]*$")


def _in_sentence(line: str, spans: list[DateSpan], lang: str | None) -> bool:
    """The date is part of a sentence: the line ends as a sentence does and the words around
    the date (labels aside) read as prose, with function words of the language."""
    if not _SENTENCE_END.search(line):
        return False
    rest = _rest(line, spans)[0]
    words = [w.lower() for w in _WORD.findall(rest)]
    if len(words) < 4:
        return False
    stop = _stopwords(lang)
    return sum(1 for w in words if w in stop) >= 2


@lru_cache(maxsize=16)
def _stopwords(lang: str | None) -> frozenset[str]:
    """Function words of the seed's language and of English (lazy: the lists load on first use)."""
    from sitegen.convert.language import stopwords

    return stopwords(lang) | stopwords("en") if lang and lang != "en" else stopwords("en")


TOP_LINES = 4  # "among the first lines": the title, then at most this many non-blank lines


def _at_top(lines: list[str], line: int, headline: int) -> bool:
    """The date opens the page: among its first lines, with only the title, the headline or
    short furniture (an advertisement marker, a menu word) above it."""
    above = [i for i in range(1, line) if lines[i]]
    if len(above) >= TOP_LINES:
        return False
    return all(
        i == headline
        or is_marker(lines[i])
        or (_words(lines[i]) <= 3 and not _SENTENCE_END.search(lines[i]))
        for i in above
    )


def is_prose(line: str) -> bool:
    """A line of story text (a paragraph), as opposed to a heading, byline or menu entry."""
    return len(line) >= 100 or _words(line) >= 15


def _nearness(line: int, headline: int, prose: list[int]) -> tuple[float, str]:
    """Score and reason for where the date sits against the headline and the story text.

    `prose` holds the indexes of story-text lines; a date between the headline and the story
    (a standfirst may come first) is where pages put the publication date.
    """
    d = line - headline
    if d == 0:
        return 2.0, "on the headline line"
    if d < 0:
        if d >= -3:
            return 3.0, f"{-d} lines above the headline"
        return -1.0, f"{-d} lines above the headline"
    between = sum(1 for i in prose if headline < i < line)
    if between == 0:
        return 3.0, "between the headline and the story text"
    if between == 1:
        return 2.0, "below the headline and one paragraph"
    if between <= 3:
        return 0.5, f"{between} paragraphs below the headline"
    return -1.0, f"{between} paragraphs into the page"


def _near_byline(lines: list[str], line: int) -> bool:
    """Whether a 'By ...' byline is on the line or within two lines."""
    lo, hi = max(0, line - 2), min(len(lines), line + 3)
    return any(
        (_BYLINE.search(lines[i]) and len(lines[i]) <= 120) or _BY_ALONE.fullmatch(lines[i])
        for i in range(lo, hi)
    )


def _title_segment(lines: list[str], span: DateSpan) -> bool:
    """The date is a part of its own in the <title> line: 'Headline : 06.11.2023, 11.41 Uhr'."""
    if span.line != 0:
        return False
    before, after = lines[0][: span.start], lines[0][span.end :]
    cut = list(_TITLE_SEP.finditer(before))
    return (
        bool(cut)
        and _words(before[cut[-1].end() :]) == 0
        and _words(after) <= 2
        and not _TITLE_SEP.search(after)
    )


def _in_list(spans: list[DateSpan], days: dict[int, str], me: int, labelled: set[int]) -> bool:
    """Several other dated lines with other days close by: a list of stories or comments."""
    span = spans[me]
    others = {
        s.line
        for i, s in enumerate(spans)
        if s.line != span.line
        and abs(s.line - span.line) <= 5
        and i not in labelled
        and days.get(i)
        and days[i][:10] != days[me][:10]
    }
    return len(others) >= 2


def _score(
    lines: list[str],
    spans: list[DateSpan],
    isos: dict[int, str],
    headline: int,
    today: dt.date | None,
    lang: str | None = None,
) -> list[DateCandidate]:
    """Every parsed span as a scored candidate; rejection reasons where a rule rules it out."""
    labels = {i: _label(lines, s) for i, s in enumerate(spans) if i in isos}
    labelled = {i for i, found in labels.items() if found}
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    first_below = next(
        (s.line for i, s in enumerate(spans) if i in isos and headline < s.line <= headline + 40),
        None,
    )
    out = []
    for i, span in enumerate(spans):
        if i not in isos:
            continue
        reasons, score, rejected = [], 0.0, None
        label = labels[i]
        if label:
            kind, word = label
            reasons.append(f"label '{word}'")
            score += 4.0 if kind == "published" else -1.0
            rejected = UPDATE if kind == "updated" else None
        same_line = [t for t in spans if t.line == span.line]
        shape = _shape(lines[span.line], same_line)
        near = _nearness(span.line, headline, prose)
        if (
            shape[0] >= 2.0
            and span.line > 0
            and near[0] < 3.0
            and _at_top(lines, span.line, headline)
        ):
            near = (3.0, "at the top of the page, before the story")
        for part, why in (shape, near):
            score += part
            reasons.append(why)
        if span.has_time:
            score += 0.5
            reasons.append("with a time of day")
        if span.line == first_below:
            score += 1.5
            reasons.append("first date below the headline")
        if _near_byline(lines, span.line):
            score += 1.0
            reasons.append("next to the byline")
        if _READING_TIME.search(lines[span.line]):
            score += 1.0
            reasons.append("with the reading time")
        if _title_segment(lines, span):
            score += 1.0
            reasons.append("a part of the <title> of its own")
        if rejected is None and not label and _in_sentence(lines[span.line], same_line, lang):
            rejected = "inside a sentence of the story"
        if rejected is None and _EMBED.match(lines[span.line]):
            rejected = "date of an embedded post"
        if rejected is None and not label and _in_list(spans, isos, i, labelled):
            rejected = "in a list of other stories"
        if rejected in (None, UPDATE) and today and dt.date.fromisoformat(isos[i][:10]) > today:
            rejected = "in the future"
        out.append(DateCandidate(span.line, span.text, isos[i], score, tuple(reasons), rejected))
    return out


UPDATE = "update stamp"
MIN_SCORE = 4.0
MIN_MARGIN = 1.0


def _choose(candidates: list[DateCandidate]) -> DateChoice:
    """The best unrejected candidate if its evidence is strong and no other day comes close."""
    open_ = sorted((c for c in candidates if c.rejected is None), key=lambda c: (-c.score, c.line))
    if not open_ or open_[0].score < MIN_SCORE:
        # no publication date: an update stamp is the page's only stated day, its label as good as 'published'
        candidates = [_as_stated(c) if c.rejected == UPDATE else c for c in candidates]
        open_ = sorted(
            (c for c in candidates if c.rejected in (None, UPDATE)),
            key=lambda c: (-c.score, c.line),
        )
    if not open_:
        why = "no date in the seed" if not candidates else "every date found was ruled out"
        return DateChoice(None, None, why, tuple(candidates))
    best = open_[0]
    rival = next((c for c in open_[1:] if c.iso[:10] != best.iso[:10]), None)
    why = None
    if best.score < MIN_SCORE:
        why = f"the best date, line {best.line + 1} '{best.text}', has weak evidence ({best.score:.1f})"
    elif rival and best.score - rival.score < MIN_MARGIN:
        why = f"line {best.line + 1} '{best.text}' and line {rival.line + 1} '{rival.text}' are equally likely"
    final = tuple(
        _reject(c, None)
        if c is best and why is None
        else c
        if c.rejected
        else _reject(c, f"weaker than line {best.line + 1}" if why is None else "evidence too weak")
        for c in candidates
    )
    if why is not None:
        return DateChoice(None, None, why, final)
    stamp = (
        " (no publication date; the update stamp is the only day given)"
        if best.rejected == UPDATE
        else ""
    )
    return DateChoice(
        best.iso,
        best.line,
        f"line {best.line + 1} '{best.text}': {', '.join(best.reasons)}{stamp}",
        final,
    )


STAMP_BONUS = 5.0  # the 'updated' label's -1 becomes the +4 of a stated page date


def _as_stated(c: DateCandidate) -> DateCandidate:
    """An update stamp scored as the page's stated day (used when no publication date is given)."""
    return DateCandidate(
        c.line,
        c.text,
        c.iso,
        c.score + STAMP_BONUS,
        c.reasons + ("the only stated day",),
        c.rejected,
    )


def _reject(c: DateCandidate, why: str | None) -> DateCandidate:
    return DateCandidate(c.line, c.text, c.iso, c.score, c.reasons, why)


def _top_line(lines: list[str], day_first: bool) -> DateChoice | None:
    """Fast path for the old shapes: line 0 is a date line, or 'date YYYY-MM-DD Headline'."""
    if not lines:
        return None
    header = HEADER_LINE.match(lines[0])
    found = parse_date_line(lines[0], day_first) if not header else None
    if header:
        iso, text = header.group("iso"), header.group("iso")
    elif found and not found.updated:
        iso, text = found.iso, lines[0]
    else:
        return None
    cand = DateCandidate(0, text, iso, 10.0, ("date line at the top of the seed",), None)
    return DateChoice(iso, 0, f"line 1 '{text}': date line at the top of the seed", (cand,))


def find_date(
    lines: list[str],
    *,
    headline: int | None,
    lang: str | None,
    today: dt.date | None = None,
    day_first: bool = True,
) -> DateChoice:
    """The seed's publication date chosen by evidence, or iso=None with the reason."""
    fast = _top_line(lines, day_first)
    if fast and (today is None or fast.iso[:10] <= today.isoformat()):
        return fast
    spans = find_spans(lines, lang)
    order = numeric_order(spans, lines, lang, day_first)
    isos = {i: iso for i, s in enumerate(spans) if (iso := parse_span(s, lang, order))}
    candidates = _score(lines, spans, isos, 0 if headline is None else headline, today, lang)
    return _choose(candidates)
