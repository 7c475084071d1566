"""Taxonomy: topics and their aliases, matched with one compiled regex; the evidence rule that gives tags.

A topic is given when the story is about it (see `Taxonomy.decide`): the headline names it, or its
score (strong mentions weighted up in headline and lead, plus weak ones) is high enough. Weak aliases
(`play`, `single`) alone give a topic only in the story's main group (the group with the highest total
score: sport, culture, ...; countries and organisations never make it; groups that tie are all main) and only as
two distinct words.
A topic of the main group needs less (score 2) when the first paragraph names it or two distinct
strong aliases do; one outside the main group, not in the headline, needs two distinct strong aliases
or one said again and again. A topic named only in the body of a long text needs a mention for each
CHARS_PER_MENTION characters, a weak mention counting half toward it. Topics scoring under a quarter of the strongest are passed over; at most
MAX_TAGS, the strongest first.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitegen.convert.topic_scan import WordScan

BUILT_IN = Path(__file__).resolve().parent.parent / "data" / "topics.yaml"
_WORD_START = re.compile(r"\w")
TITLE_WEIGHT = 3
"""One strong mention in the headline counts as much as this many in the body."""
LEAD_WEIGHT = 2
"""One strong mention in the first paragraph counts as much as this many in the rest."""
BODY_MINIMUM = 3
"""A topic absent from the headline needs this score (strong mentions, weighted, plus weak ones)."""
OUTSIDE_DISTINCT = 2
"""A topic outside the story's main group, absent from the headline, needs this many distinct strong aliases ..."""
OUTSIDE_MINIMUM = 3
"""... and this score ..."""
OUTSIDE_REPEATED = 5
"""... or, with one strong alias only, this score (the alias said again and again)."""
SHARE_OF_TOP = 0.25
"""A topic scoring less than this share of the strongest topic's score is passed over."""
WEAK_DISTINCT = 2
"""A topic of the dominant group with no strong alias needs this many distinct weak aliases ..."""
WEAK_MINIMUM = 3
"""... and this many weak mentions."""
MAIN_MINIMUM = 2
"""A topic of the story's main group absent from the headline needs only this score when the first paragraph names it ..."""
MAIN_DISTINCT = 2
"""... or it has this many distinct strong aliases."""
NEUTRAL_GROUPS = frozenset({"countries", "organisations"})
"""Groups that say where and who, not what a story is about: they never make the main group."""
NEUTRAL_MINIMUM = 4
"""A country or organisation absent from the headline needs this score."""
CHARS_PER_MENTION = 3000
"""A topic named only in the body needs a score of one for each this many characters of text (a long story, more mentions)."""
SPARSE_WEAK_WEIGHT = 0.5
"""Toward that, a weak mention counts this much (an ambiguous word said in passing in a long list or essay is little evidence)."""
MAX_TAGS = 5
"""At most this many topics a briefing (fewer if `convert.max_tags` says so)."""
WORD_SCAN_LENGTH = 500
"""Texts this long or longer are scanned by words (topic_scan), shorter ones by the regex: below
about 300 characters the word scan's fixed cost is more than it saves (callgrind)."""


@dataclass(frozen=True)
class Topic:
    """One topic of a taxonomy file: its aliases (the name is one too), weak aliases, phrases that are not it, its group,
    and (language, alias) pairs: aliases that are another word in a story in that language (German `war`, "was")."""

    aliases: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    group: str | None = None
    not_in: tuple[tuple[str, str], ...] = ()


def is_acronym(alias: str) -> bool:
    """All-capital aliases (US, UN, WHO, U.S.) match case-sensitively."""
    return any(char.isalpha() for char in alias) and alias == alias.upper()


def case_forms(alias: str) -> set[str]:
    """The spellings an alias is matched in.

    Lower-case aliases: lower, Capitalised, Title, CAPITALS. Aliases written with a capital are
    names (Labour, Sterling, Windows): Capitalised as written, Title or CAPITALS, never lower case.
    """
    lower = alias.lower()
    if alias[:1].isupper():
        return {alias, alias.title(), alias.upper()}
    return {lower, lower[:1].upper() + lower[1:], lower.title(), alias.upper(), alias}


def trie_pattern(words: list[str]) -> str:
    """One regex alternation of many words, factored into a prefix tree (longest first)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    """Regex for one node of the prefix tree."""
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _node_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


@dataclass(frozen=True, eq=False)
class Slot:
    """What a matched spelling stands for: an alias of a topic (weak or strong), or an excluded phrase (topic None).

    One object per alias, shared by its spellings, compared by identity (counting slots is then cheap).
    """

    topic: str | None
    alias: str
    weak: bool = False
    stem: str = ""
    """The alias for counting distinct aliases (see stem_of)."""
    group: str | None = None
    not_in: frozenset[str] = frozenset()
    """Languages (codes such as `de`) in which this spelling is another word and counts for no topic."""


def stem_of(alias: str) -> str:
    """An alias as one word for counting distinct aliases: lower case, an English plural dropped (plays, companies)."""
    lower = alias.lower()
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    return (
        lower[:-1]
        if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3
        else lower
    )


@dataclass
class Evidence:
    """Mentions of one topic in a story: strong ones by place, weak ones, and the distinct strong aliases."""

    title: int = 0
    lead: int = 0
    body: int = 0
    weak: int = 0
    aliases: frozenset[str] = frozenset()
    weak_aliases: frozenset[str] = frozenset()

    @property
    def strong(self) -> int:
        return self.title + self.lead + self.body

    @property
    def score(self) -> int:
        """Strong mentions weighted by place, plus weak ones when a strong one supports them."""
        return TITLE_WEIGHT * self.title + LEAD_WEIGHT * self.lead + self.body + self.weak


@dataclass(frozen=True)
class Decision:
    """The topics given (best first) and those passed over with the reason, and the story's main group(s)."""

    given: tuple[str, ...]
    refused: Mapping[str, str]
    group: str | None
    """The story's main group (the first by name when groups tie)."""
    evidence: Mapping[str, Evidence]
    groups: tuple[str, ...] = ()
    """Every main group: those that tie for the highest total score."""


@dataclass(frozen=True)
class Taxonomy:
    """Topics with their aliases, compiled for matching.

    `pattern` finds whole-word spellings from `forms`. When `padded`, it is the faster form
    "a non-word character, then a spelling (captured)" run over " " + text; see build_taxonomy.
    """

    topics: Mapping[str, Topic]
    pattern: re.Pattern[str] | None
    forms: Mapping[str, Slot]
    acronyms: frozenset[str]
    padded: bool = False
    foreign: frozenset[str] = frozenset()
    """The languages some alias is another word in (see Slot.not_in)."""
    words: WordScan | None = None
    """When `padded`: the same matches found by words, for texts of Latin-1 characters (faster)."""

    def slot_of(self, spelling: str) -> Slot | None:
        """What a matched spelling stands for."""
        return self.forms.get(spelling) or self.forms.get(" ".join(spelling.split()))

    def topic_of(self, alias: str) -> str | None:
        """The topic a matched alias belongs to (None for an excluded phrase)."""
        slot = self.slot_of(alias)
        return slot.topic if slot else None

    def group_of(self, topic: str) -> str | None:
        """The group a topic belongs to (countries, sport, culture, ...), if the taxonomy gives one."""
        spec = self.topics.get(topic)
        return spec.group if spec else None

    def _found(self, text: str) -> Counter[Slot]:
        """How often each alias (or excluded phrase) occurs in a text."""
        if self.pattern is None or not text:
            return Counter()
        by_words = (
            self.words.count(text)
            if self.words is not None and len(text) >= WORD_SCAN_LENGTH
            else None
        )
        if by_words is not None:
            counts: Counter[Slot] = Counter()
            forms = self.forms
            for form, times in by_words.items():
                counts[forms[form]] += times
            return counts
        found = self.pattern.findall(" " + text if self.padded else text)
        counts = Counter(map(self.forms.get, found))
        if counts.pop(None, 0):  # a spelling with other spaces than the alias (New  York)
            counts.update(
                slot
                for spelling in found
                if spelling not in self.forms
                for slot in [self.slot_of(spelling)]
                if slot
            )
        return counts

    def count(self, text: str) -> Counter[str]:
        """Mentions of each topic in a text (weak and strong; excluded phrases count for none)."""
        counts: Counter[str] = Counter()
        for slot, times in self._found(text).items():
            if slot.topic:
                counts[slot.topic] += times
        return counts

    def _rows(
        self, title: str, paragraphs: Sequence[str], lang: str | None = None
    ) -> dict[str, list]:
        """Mentions per topic as plain lists (this runs for every seed):
        [title, lead, body, weak, strong stems, weak stems, group]; a stem list may repeat a stem.
        In a story in `lang`, aliases that are another word in that language are left out.
        """
        rows: dict[str, list] = {}
        foreign = lang if lang in self.foreign else None
        body = self._found("\n".join(paragraphs[1:])).items() if len(paragraphs) > 1 else ()
        head = (
            (self._spellings(title), 0),
            (self._spellings(paragraphs[0]) if paragraphs else (), 1),
            (body, 2),
        )
        for found, region in head:
            for slot, times in found:  # headline and lead: every match; body: (alias, count) pairs
                topic = slot.topic
                if topic is None or (foreign and foreign in slot.not_in):
                    continue
                row = rows.get(topic)
                if row is None:
                    row = rows[topic] = [0, 0, 0, 0, [], [], slot.group]
                if slot.weak:
                    row[3] += times
                    row[5].append(slot.stem)
                else:
                    row[region] += times
                    row[4].append(slot.stem)
        return rows

    def _spellings(self, text: str) -> list[tuple[Slot, int]]:
        """(alias, 1) for each match in a short text (headline, lead): cheaper than counting them."""
        if self.pattern is None or not text:
            return []
        forms = self.forms
        return [
            (slot, 1)
            for spelling in self.pattern.findall(" " + text if self.padded else text)
            for slot in [forms.get(spelling) or self.slot_of(spelling)]
            if slot
        ]

    def evidence(
        self, title: str, paragraphs: Sequence[str], lang: str | None = None
    ) -> dict[str, Evidence]:
        """Each topic's mentions in the headline, the first paragraph and the rest."""
        return {
            topic: Evidence(r[0], r[1], r[2], r[3], frozenset(r[4]), frozenset(r[5]))
            for topic, r in self._rows(title, paragraphs, lang).items()
        }

    def decide(
        self, title: str, paragraphs: Sequence[str], limit: int = MAX_TAGS, lang: str | None = None
    ) -> Decision:
        """The topics a story (in language `lang`, if known) is about, strongest first, and why each other candidate was passed over."""
        rows = self._rows(title, paragraphs, lang)
        given, refused, mains = self._choose(rows, limit, True, sum(map(len, paragraphs)))
        reasons = {topic: _REASONS[why[0]].format(*why[1:]) for topic, why in refused.items()}
        evidence = {
            topic: Evidence(r[0], r[1], r[2], r[3], frozenset(r[4]), frozenset(r[5]))
            for topic, r in rows.items()
        }
        return Decision(
            given, reasons, min(mains) if mains else None, evidence, tuple(sorted(mains))
        )

    def _choose(
        self, rows: dict[str, list], limit: int, explain: bool = False, length: int = 0
    ) -> tuple[tuple[str, ...], dict[str, tuple], tuple[str, ...]]:
        """The evidence rule over counted mentions: (topics given, refusals as (reason key, values...), main groups).

        The main group has the highest total score; groups that tie for it are all main (a story of sport and culture
        alike is not decided by the groups' names).

        Without `explain`, topics that cannot pass (no headline mention, score under every minimum) are left out of the refusals.
        """
        scores: dict[str, int] = {}
        totals: dict[str, int] = {}
        title_weight, lead_weight, neutral = (
            TITLE_WEIGHT,
            LEAD_WEIGHT,
            NEUTRAL_GROUPS,
        )  # locals: this runs for every seed
        for topic, row in rows.items():
            score = scores[topic] = title_weight * row[0] + lead_weight * row[1] + row[2] + row[3]
            group = row[6]
            if group and group not in neutral:
                totals[group] = totals.get(group, 0) + score
        mains: tuple[str, ...] = ()
        most = 0
        for group, total in totals.items():  # the highest total, and every group that ties for it
            if total > most:
                mains, most = (group,), total
            elif total == most and mains:
                mains += (group,)
        refused: dict[str, tuple] = {}
        candidates = []
        lowest = -1 if explain else _LOWEST
        for topic, row in rows.items():
            score = scores[topic]
            if score < lowest and not row[0]:
                continue
            why = _refusal(row, score, row[6], mains)
            if why:
                refused[topic] = why
            else:
                candidates.append(topic)
        candidates.sort(key=lambda topic: (-scores[topic], topic))
        top = scores[candidates[0]] if candidates else 0
        given: list[str] = []
        cap, floor = min(limit, MAX_TAGS), SHARE_OF_TOP * top
        need, discount = length / CHARS_PER_MENTION, 1 - SPARSE_WEAK_WEIGHT
        for topic in candidates:
            row = rows[topic]
            body_only = not (row[0] or row[1])
            if scores[topic] < floor and not row[0]:  # the headline names it: never a minor mention
                refused[topic] = ("share", scores[topic], top)
            elif body_only and scores[topic] - discount * row[3] < need:
                refused[topic] = (
                    "sparse_weak" if row[3] else "sparse",
                    scores[topic] - discount * row[3],
                    need,
                    length,
                )
            elif len(given) >= cap:
                refused[topic] = ("full", len(given))
            else:
                given.append(topic)
        return tuple(given), refused, mains

    def tags(
        self, title: str, paragraphs: Sequence[str], limit: int, lang: str | None = None
    ) -> tuple[str, ...]:
        """The topics a story (in language `lang`, if known) is about, strongest first (see decide)."""
        return self._choose(
            self._rows(title, paragraphs, lang), limit, False, sum(map(len, paragraphs))
        )[0]


_REASONS = {
    "weak_outside": "only weak aliases, and outside the story's main group",
    "weak": "only weak aliases",
    "weak_few": "only weak aliases ({} distinct, {} mention(s)); needs "
    + f"{WEAK_DISTINCT} distinct and {WEAK_MINIMUM} mentions",
    "outside": "outside the story's main group ({}), not in the headline, with {} distinct strong alias(es) and score {}; needs "
    + f"{OUTSIDE_DISTINCT} distinct and {OUTSIDE_MINIMUM}, or {OUTSIDE_REPEATED}",
    "low": "score {} is under {} and the headline does not name it",
    "share": "score {} is under " + f"{SHARE_OF_TOP:.0%}" + " of the strongest topic's {}",
    "full": "{} stronger topics given already",
    "sparse": "named only in the body, score {:g} is under {:.1f} for a text of {:,} characters (one for each "
    + f"{CHARS_PER_MENTION:,}"
    + ")",
    "sparse_weak": "named only in the body, score {:g} (a weak mention counting "
    + f"{SPARSE_WEAK_WEIGHT:g}"
    + ") is under {:.1f} for a text of {:,} characters"
    " (one for each " + f"{CHARS_PER_MENTION:,}" + ")",
}
"""Why a topic was passed over, by the key `_refusal` or `_choose` gives."""


_LOWEST = min(BODY_MINIMUM, MAIN_MINIMUM, NEUTRAL_MINIMUM, OUTSIDE_MINIMUM, WEAK_MINIMUM)
"""Without a headline mention, no topic scoring under this passes any branch of `_refusal`."""


def _refusal(row: list, score: int, group: str | None, mains: tuple[str, ...]) -> tuple | None:
    """Why the evidence (a row of Taxonomy._rows) is not enough for a topic, as a key of _REASONS and its values; None when it is.

    `mains`: the story's main groups (see Taxonomy._choose)."""
    if not (row[0] or row[1] or row[2]):
        if group is None or group not in mains:
            return ("weak_outside",) if mains else ("weak",)
        if row[3] < WEAK_MINIMUM or len(set(row[5])) < WEAK_DISTINCT:
            return ("weak_few", len(set(row[5])), row[3])
        return None
    if row[0]:
        return None
    if group and mains and group not in mains and group not in NEUTRAL_GROUPS:
        if score < OUTSIDE_MINIMUM or (
            len(set(row[4])) < OUTSIDE_DISTINCT and score < OUTSIDE_REPEATED
        ):
            return ("outside", " and ".join(sorted(mains)), len(set(row[4])), score)
        return None
    if group in NEUTRAL_GROUPS:
        minimum = NEUTRAL_MINIMUM
    elif group is not None and group in mains and (row[1] or len(set(row[4])) >= MAIN_DISTINCT):
        minimum = MAIN_MINIMUM
    else:
        minimum = BODY_MINIMUM
    return ("low", score, minimum) if score < minimum else None


def build_taxonomy(topics: Mapping[str, Topic | tuple[str, ...]]) -> Taxonomy:
    """Compile topics (name -> Topic, or name -> aliases; the name is an alias too) into one regex and a lookup table."""
    specs = {
        name: spec if isinstance(spec, Topic) else Topic(tuple(spec))
        for name, spec in topics.items()
    }
    exact: dict[str, Slot] = {}
    folded: dict[str, Slot] = {}
    for topic in sorted(specs):
        spec = specs[topic]
        weak = {" ".join(alias.split()) for alias in spec.weak}
        not_in: dict[str, set[str]] = {}
        for lang, alias in spec.not_in:
            not_in.setdefault(" ".join(alias.split()).lower(), set()).add(
                lang
            )  # the word in any case
        own: dict[str, Slot] = {}
        for alias in (topic, *spec.aliases, *spec.weak):
            alias = " ".join(alias.split())
            if alias:
                new = Slot(
                    topic,
                    alias,
                    alias in weak,
                    stem_of(alias),
                    spec.group,
                    frozenset(not_in.get(alias.lower(), ())),
                )
                for form in {alias} if is_acronym(alias) else case_forms(alias):
                    slot = own.get(form)
                    if slot is None or (
                        new.weak and not slot.weak
                    ):  # marked weak: weak in every spelling
                        own[form] = new
        for form, slot in own.items():
            (exact if is_acronym(slot.alias) else folded).setdefault(form, slot)
    for topic in sorted(specs):
        for phrase in specs[topic].excluded:
            phrase = " ".join(phrase.split())
            excluded = Slot(None, phrase)
            for form in case_forms(phrase) if phrase else ():
                folded.setdefault(form, excluded)
    forms = {**folded, **exact}
    acronyms = frozenset(
        form for form, slot in exact.items() if slot.topic and form.replace(".", "").isalnum()
    )
    foreign = frozenset(lang for spec in specs.values() for lang, _ in spec.not_in)
    if not forms:
        return Taxonomy(specs, None, forms, acronyms, False, foreign)
    # When every spelling starts with a word character, "a non-word character, then a spelling"
    # over " " + text finds exactly what "(?<!\w)spelling" finds over text (a match cannot start
    # right where the previous one ended, since it must be followed by a non-word character), and
    # the regex engine can skip from one non-word character to the next instead of trying a
    # lookbehind at every position.
    padded = all(_WORD_START.match(form) for form in forms)
    head = r"\W(" if padded else r"(?<!\w)(?:"
    return Taxonomy(
        specs,
        re.compile(head + trie_pattern(sorted(forms)) + r")(?!\w)"),
        forms,
        acronyms,
        padded,
        foreign,
        WordScan(forms) if padded else None,
    )


EMPTY_TAXONOMY = Taxonomy({}, None, {}, frozenset())
"""No topics at all (used when there is nothing to convert)."""


@functools.lru_cache(maxsize=4)
def cached_taxonomy(items: tuple[tuple[str, Topic], ...]) -> Taxonomy:
    """Build once per distinct topic set (the regex is the slow part)."""
    return build_taxonomy(dict(items))
