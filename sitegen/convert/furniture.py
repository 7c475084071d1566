"""Which lines of a seed are the story and which are site furniture (menus, share rows, cookie notices, footers).

The shape follows jusText and trafilatura: each line gets features once (length, stop-word density, list marker,
furniture label), then a class of its own (good prose, near-good, short, bad), then a class in context (a short line
between good paragraphs is kept; one among menus goes), and last the story region: the main run of prose after the
headline. Lines after the story has clearly ended (footer, related lists) go, whatever they look like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from sitegen.convert import furniture_labels as labels
from sitegen.convert.language import stopwords

LENGTH_LOW = 70
"""jusText's length_low: a line shorter than this is 'short' and judged by its neighbours."""
LENGTH_HIGH = 200
"""jusText's length_high: a longer line with enough stop words is good on its own."""
STOP_LOW, STOP_HIGH = 0.30, 0.32
"""jusText's stop-word densities for near-good and good lines."""
CJK_LOW, CJK_HIGH = 25, 60
"""The same two lengths in characters for text without spaces (ja, zh): CJK prose packs about 3 letters a word."""
MENU_RUN = 4
"""This many short non-prose lines in a row (blank lines between allowed) are a menu."""
STORY_GAP = 9
"""A gap of more than this many non-blank lines without good prose ends the story's run of paragraphs."""
PROSE_LINE, PREFIX, PLAIN_PROSE = 120, 160, 0.40
"""A line longer than PROSE_LINE that ends as a sentence is measured on its first PREFIX characters; with a
stop-word density of PLAIN_PROSE or more there (well above STOP_HIGH) it is plainly prose. Speed only: the
classes are the same as when measured whole."""
RUN_LINES = 3
"""A run of this many good paragraphs before the headline's line can be the story (see `story_start`)."""
LABEL_LINE = 120
"""Labels (share, related, footer words) mark only lines at most this long; longer lines are text."""

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_MARKER = re.compile(r"^(?:[*+o•·▪►◦‣–—-]|\d{1,2}[.)])\s+|^[*+•·▪►]$")
_SENTENCE_END = re.compile(r"[.!?…。！？:;؟][\"'”’»)\]]*$")
_GLUED = re.compile(r"[a-zà-öø-ÿа-я][A-ZÀ-ÖØ-ÞА-Я]")
_BRACKET = re.compile(r"[()\[\]]")
_NO_LETTERS = re.compile(r"^[\W\d_]*$")


@dataclass(frozen=True)
class LineVerdict:
    """The verdict on one line: keep it in the body or not, of what kind, and why."""

    line: int
    keep: bool
    kind: str
    reason: str


class _Line(NamedTuple):
    """Features of one non-blank line, computed once (a named tuple: built for every line, so kept cheap)."""

    index: int
    text: str
    length: int
    words: int
    density: float
    marker: bool
    sentence: bool
    label: str | None
    label_reason: str
    measure: str
    """What `density` measures: "stop-word density", or "particle density" for text without spaces."""


_CLOSERS = "\"'”’»)]"
_ENDERS = frozenset(".!?…。！？:;؟")
_SPACES = str.maketrans(dict.fromkeys('.,;:!?…"“”‘«»„‚()[]{}<>—–/*•·|+=&%$#@~^`\\', " "))
"""Punctuation read as a space when a prefix is split into words (' ’ - join words, as in _WORD)."""
_SPACE_MARKS = re.compile("[" + re.escape("".join(map(chr, _SPACES))) + "]")


def sentence_end(text: str) -> bool:
    """The line ends as a sentence: an end mark, perhaps followed by closing quotes or brackets."""
    return text.rstrip(_CLOSERS)[-1:] in _ENDERS and len(text.rstrip(_CLOSERS)) > 0


def _density(text: str, words: list[str], stop: frozenset[str], cjk: int, sentence: bool) -> float:
    """Stop-word share of the (lower-cased) words; for CJK text a character measure: the share of kana and CJK
    punctuation."""
    if cjk * 2 >= len(text):
        particles = sum(
            1 for ch in text if "\u3040" <= ch <= "\u309f" or ch in "，。、的了是在和有与"
        )
        return min(1.0, 2.5 * particles / max(1, cjk))
    if not words:
        return 0.0
    if not stop:
        return 0.35 if len(words) >= 8 and sentence else 0.0
    return sum(map(stop.__contains__, words)) / len(words)


def _features(index: int, text: str, stop: frozenset[str]) -> _Line:
    sentence = sentence_end(text)
    plain = _plain_prose(index, text, stop) if sentence and len(text) > PROSE_LINE else None
    if plain is not None:
        return plain
    words = _WORD.findall(text.lower())
    cjk = len(_CJK.findall(text)) if _CJK.search(text) else 0
    density = _density(text, words, stop, cjk, sentence)
    length = len(text) if cjk * 2 < len(text) else int(len(text) * LENGTH_LOW / CJK_LOW)
    label, why = labels.classify(text, len(words)) if len(text) <= 400 else (None, "")
    if label is None and not sentence:
        label, why = _menu_row(text, len(words), density)
    return _Line(
        index,
        text,
        length,
        max(len(words), cjk // 2),
        density,
        bool(_MARKER.match(text)),
        sentence,
        label,
        why,
        "particle density" if cjk * 2 >= len(text) else "stop-word density",
    )


def _plain_prose(index: int, text: str, stop: frozenset[str]) -> _Line | None:
    """The features of a longer line that ends as a sentence and is plainly prose, from its first PREFIX
    characters (words split on spaces and punctuation): ten stop words or more, a density of PLAIN_PROSE or more. Only
    the labels of notices whose own words carry them (caption, copyright, cookie) can match such a line. None:
    measure the line whole (text without spaces, a sentence ending in ':' or ';', no clear density)."""
    if text.rstrip(_CLOSERS)[-1] in ":;":
        return None
    head = text[:PREFIX]
    if _CJK.search(head) and len(_CJK.findall(head)) * 2 >= len(head):
        return None
    lower = head.lower()
    tokens = (
        lower.translate(_SPACES) if lower.isascii() else _SPACE_MARKS.sub(" ", lower)
    ).split()  # translate is slow on non-ASCII
    if len(text) > PREFIX:
        tokens.pop()  # the prefix may cut its last word
    stops = sum(map(stop.__contains__, tokens))
    if stops < 10 or stops < PLAIN_PROSE * len(tokens):
        return None  # (ten stop words are ten words: the line is prose to the labels too)
    density = stops / len(tokens)
    label, why = labels.classify_long(text) if len(text) <= 400 else (None, "")
    measure = (
        "stop-word density"
        if len(text) <= PREFIX
        else f"stop-word density (first {PREFIX} characters)"
    )
    return _Line(
        index,
        text,
        len(text),
        len(tokens),
        density,
        bool(_MARKER.match(text)),
        True,
        label,
        why,
        measure,
    )


def _menu_row(text: str, words: int, density: float) -> tuple[str | None, str]:
    """A menu printed as one line (no sentence end): labels glued together without spaces, or a row of
    capitalised labels."""
    if len(_GLUED.findall(text)) >= 3 and density < STOP_LOW:
        return "menu", "labels glued together without spaces"
    if words >= 4 and text.isupper() and density < 0.2 and not _BRACKET.search(text):
        return "menu", "row of capitalised labels"
    return None, ""


def _own_class(line: _Line) -> tuple[str, str]:
    """jusText's context-free class: good, near (near-good), short or bad, with the evidence."""
    if line.label:
        return "bad", line.label_reason
    if _NO_LETTERS.match(line.text):
        return "bad", "no letters"
    if line.length < LENGTH_LOW:
        if line.sentence and line.words >= 6 and line.density >= STOP_LOW and not line.marker:
            return "near", f"short sentence, {line.measure} {line.density:.2f}"
        return "short", f"{line.length} characters"
    if line.density >= STOP_HIGH:
        if line.length > LENGTH_HIGH or line.sentence:
            return "good", f"{line.measure} {line.density:.2f}"
        return "near", f"{line.measure} {line.density:.2f} without sentence end"
    if line.density >= STOP_LOW:
        return "near", f"{line.measure} {line.density:.2f}"
    return "bad", f"{line.measure} {line.density:.2f}"


def _menu_runs(feats: list[_Line], classes: list[str]) -> set[int]:
    """Positions (in feats) in runs of MENU_RUN or more short non-prose lines: menus, link lists, tag rows."""
    found: set[int] = set()
    run: list[int] = []
    for pos, (line, cls) in enumerate(zip(feats, classes, strict=True)):
        if cls in ("short", "bad") and not line.sentence and line.length < LENGTH_LOW:
            run.append(pos)
            continue
        if len(run) >= MENU_RUN:
            found.update(run)
        run = []
    if len(run) >= MENU_RUN:
        found.update(run)
    return found


def _in_context(classes: list[str]) -> list[str]:
    """jusText's context-sensitive pass: short and near-good lines take the class of their good/bad neighbours."""

    def neighbour(pos: int, step: int, ignore_near: bool) -> str:
        pos += step
        while 0 <= pos < len(classes):
            if classes[pos] in ("good", "bad") or (classes[pos] == "near" and not ignore_near):
                return classes[pos]
            pos += step
        return "bad"

    out = list(classes)
    for pos, cls in enumerate(classes):
        if cls not in ("short", "near"):
            continue
        prev, nxt = neighbour(pos, -1, True), neighbour(pos, 1, True)
        if cls == "near":
            out[pos] = "bad" if prev == nxt == "bad" else "good"
        elif prev == nxt == "good":
            out[pos] = "good"
        elif prev == nxt == "bad":
            out[pos] = "bad"
        elif (prev == "bad" and neighbour(pos, 1, False) == "near") or (
            nxt == "bad" and neighbour(pos, -1, False) == "near"
        ):
            out[pos] = "good"
        else:
            out[pos] = "bad"
    return out


def _story_span(feats: list[_Line], own: list[str]) -> tuple[int, int]:
    """First and last position (in feats) of the main run of good prose: good lines joined across small gaps."""
    clusters: list[list[int]] = []
    gap = 0
    hard = False
    for pos, (line, cls) in enumerate(zip(feats, own, strict=True)):
        if cls == "good":
            if clusters and gap <= STORY_GAP and not hard:
                clusters[-1].append(pos)
            else:
                clusters.append([pos])
            gap, hard = 0, False
        else:
            gap += 1
            hard = hard or line.label in labels.STORY_END
    if not clusters:
        return 0, -1
    weight = [sum(feats[pos].length for pos in cluster) for cluster in clusters]
    best = max(range(len(clusters)), key=lambda k: weight[k])
    return clusters[best][0], clusters[best][-1]


@dataclass(frozen=True)
class StoryStart:
    """The first line the story's verdicts start at, and why."""

    line: int
    reason: str


def story_start(
    lines: list[str],
    *,
    title_line: int,
    headline_line: int | None,
    skip: frozenset[int] = frozenset(),
    lang: str | None = None,
) -> StoryStart:
    """The story starts after the headline's body line; but it starts after the title line when the main run of
    prose after the title line (the headline's line left out) has RUN_LINES good paragraphs or more before the
    headline's line and either goes on across it (the page repeats the headline as a subheading inside the story)
    or ends before it with less than a quarter of that prose after it (the headline's line comes after the story:
    a teaser, a related block, a footer)."""
    after_title = title_line + 1
    if headline_line is None or headline_line <= after_title:
        return StoryStart(max(after_title, (headline_line or 0) + 1), "after the headline")
    stop = stopwords(lang)
    before = [
        _features(i, lines[i], stop)
        for i in range(after_title, headline_line)
        if lines[i] and i not in skip
    ]
    if sum(1 for line in before if _own_class(line)[0] == "good") < RUN_LINES:
        return StoryStart(headline_line + 1, "after the headline")
    feats = before + [
        _features(i, lines[i], stop)
        for i in range(headline_line + 1, len(lines))
        if lines[i] and i not in skip
    ]
    run = _best_run(feats)
    ahead = [line for line in run if line.index < headline_line]
    if len(ahead) < RUN_LINES:
        return StoryStart(headline_line + 1, "after the headline")
    if len(ahead) < len(run):
        return StoryStart(
            after_title,
            f"after the title line: the main run of prose goes on across the headline's "
            f"line {headline_line + 1} (from line {run[0].index + 1}, {len(ahead)} paragraphs before it)",
        )
    weight = sum(line.length for line in ahead)
    later = sum(line.length for line in feats[len(before) :] if _own_class(line)[0] == "good")
    if later * 4 >= weight:
        return StoryStart(headline_line + 1, "after the headline")
    return StoryStart(
        after_title,
        f"after the title line: the main run of prose ({len(ahead)} paragraphs from line "
        f"{run[0].index + 1}) ends before the headline's line {headline_line + 1}, and less than a "
        f"quarter of that prose follows it ({later} characters against {weight})",
    )


def _best_run(feats: list[_Line]) -> list[_Line]:
    """The good lines of the main run of prose among `feats` (see `_story_span`)."""
    own = [cls for cls, _ in map(_own_class, feats)]
    for pos in _menu_runs(feats, own):
        own[pos] = "bad"
    first, last = _story_span(feats, own)
    return [
        line
        for line, cls in zip(feats[first : last + 1], own[first : last + 1], strict=True)
        if cls == "good"
    ]


def story_lines(
    lines: list[str], *, start: int, skip: frozenset[int] = frozenset(), lang: str | None = None
) -> list[LineVerdict]:
    """A verdict for every line from `start` on: keep the story's lines, drop the site's furniture."""
    start = max(0, start)
    stop = stopwords(lang)
    feats = [
        _features(i, lines[i], stop) for i in range(start, len(lines)) if lines[i] and i not in skip
    ]
    own_reasons = [_own_class(line) for line in feats]
    own = [cls for cls, _ in own_reasons]
    menus = _menu_runs(feats, own)
    for pos in menus:
        own[pos] = "bad"
    context = _in_context(own)
    first, last = _story_span(feats, own)
    quiet = _quiet(feats[last + 1 :])
    clean = _quiet(feats)
    if clean:
        first, last = (
            -1,
            -1,
        )  # a clean article: no furniture shows, so every line is tail and only labels go
    verdict: dict[int, LineVerdict] = {}
    ended: str | None = None
    under_related: int | None = None  # the index of the related heading the lines below sit under
    for pos, line in enumerate(feats):
        where = "before" if pos < first else "in" if pos <= last else "tail" if quiet else "after"
        v = _judge(line, own[pos], own_reasons[pos][1], context[pos], pos in menus, where, ended)
        if clean and line.label in _WEAK and line.marker:
            v = LineVerdict(
                line.index,
                True,
                "story",
                f"list item of an article without furniture ({line.label_reason})",
            )
        if (
            under_related is not None
            and v.keep
            and where != "tail"
            and not line.sentence
            and line.length < LENGTH_HIGH
        ):
            v = LineVerdict(
                line.index,
                False,
                "related",
                f"link under the related heading at line {under_related + 1}",
            )
        if line.label == "related":
            under_related = line.index
        elif v.keep:
            under_related = None
        if where == "after" and ended is None and line.label in _ENDS:
            ended = f"after the story ended at line {line.index + 1} ({v.reason})"
        verdict[line.index] = v
    return _with_blanks(lines, start, skip, verdict)


def _quiet(feats: list[_Line]) -> bool:
    """No furniture label, or only a related heading as the very last line (its list was cut off), or one lone
    menu word ("more", "plus") that is no item of a list: a word like these stands in
    articles too, while a menu's word comes with the menu's other items."""
    hits = [pos for pos, line in enumerate(feats) if line.label]
    if len(hits) == 1 and feats[hits[0]].label in _WEAK:
        pos = hits[0]
        return not any(0 <= near < len(feats) and feats[near].marker for near in (pos - 1, pos + 1))
    return not hits or (hits == [len(feats) - 1] and feats[-1].label == "related")


_WEAK = frozenset({"menu"})
"""Labels that alone do not show a page's furniture (see `_quiet`)."""
_ENDS = frozenset({"related", "comments", "copyright", "footer", "share", "newsletter", "cookie"})
"""Labels that, after the story's last paragraph, mean the story is over: every later line goes."""


def _prose_line(line: _Line, own: str) -> bool:
    """A line that reads as a sentence of text: good or near-good, or a sentence of several words."""
    return own in ("good", "near") or (line.sentence and line.words >= 6)


def _judge(
    line: _Line, own: str, why: str, context: str, menu: bool, where: str, ended: str | None
) -> LineVerdict:
    """The verdict on one non-blank line from its classes and its place: before, in or after the story span,
    or in a quiet tail (after the span, but no furniture label follows: the article's own end, e.g. a list)."""
    if line.label:
        return LineVerdict(line.index, False, labels.kind_of(line.label), line.label_reason)
    if ended:
        return LineVerdict(line.index, False, "after", ended)
    if where == "tail":
        return LineVerdict(line.index, True, "story", f"no furniture follows: {why}")
    if menu:
        return LineVerdict(
            line.index, False, "menu", "run of short lines without sentence punctuation"
        )
    if where == "in" and (context == "good" or _prose_line(line, own)):
        return LineVerdict(line.index, True, "story", why)
    if where != "in" and _prose_line(line, own):
        return LineVerdict(line.index, True, "story", f"prose {where} the main run: {why}")
    kind = "menu" if own == "bad" else "short"
    return LineVerdict(
        line.index,
        False,
        kind,
        f"{why}, {where} the story" if where != "in" else f"{why}, among furniture",
    )


def _with_blanks(
    lines: list[str], start: int, skip: frozenset[int], verdict: dict[int, LineVerdict]
) -> list[LineVerdict]:
    """All verdicts in order; a blank line is kept where it separates two kept blocks (one blank per gap)."""
    out: list[LineVerdict] = []
    kept_before = False
    pending_blank = False
    next_kept = [False] * (len(lines) + 1)
    for i in range(len(lines) - 1, start - 1, -1):
        v = verdict.get(i)
        next_kept[i] = (v is not None and v.keep) or next_kept[i + 1]
    for i in range(start, len(lines)):
        if i in skip:
            out.append(LineVerdict(i, False, "meta", "taken by the metadata readers"))
        elif i in verdict:
            out.append(verdict[i])
            if verdict[i].keep:
                kept_before, pending_blank = True, False
        else:
            keep = kept_before and not pending_blank and next_kept[i]
            pending_blank = pending_blank or keep
            out.append(LineVerdict(i, keep, "blank", "separates kept blocks" if keep else "blank"))
    return out
