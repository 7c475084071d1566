"""Taxonomy: topics and their aliases, matched with one compiled regex; tag scoring."""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

BUILT_IN = Path(__file__).resolve().parent.parent / "data" / "topics.yaml"
_WORD_START = re.compile(r"\w")
TITLE_WEIGHT = 3
"""One mention in the headline counts as much as this many in the body."""
BODY_MINIMUM = 2
"""A topic absent from the headline needs this many body mentions to be tagged."""


def is_acronym(alias: str) -> bool:
    """All-capital aliases (US, UN, WHO, U.S.) match case-sensitively."""
    return any(char.isalpha() for char in alias) and alias == alias.upper()


def case_forms(alias: str) -> set[str]:
    """The spellings a case-insensitive alias is matched in: lower, Capitalised, Title, CAPITALS."""
    lower = alias.lower()
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
    branches = [(r"\s+" if char == " " else re.escape(char)) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


@dataclass(frozen=True)
class Taxonomy:
    """Topics with their aliases, compiled for matching.

    `pattern` finds whole-word spellings from `forms`. When `padded`, it is the faster form
    "a non-word character, then a spelling (captured)" run over " " + text; see build_taxonomy.
    """

    topics: Mapping[str, tuple[str, ...]]
    pattern: re.Pattern[str] | None
    forms: Mapping[str, str]
    acronyms: frozenset[str]
    padded: bool = False

    def topic_of(self, alias: str) -> str | None:
        """The topic a matched alias belongs to."""
        return self.forms.get(alias) or self.forms.get(" ".join(alias.split()))

    def count(self, text: str) -> Counter[str]:
        """Mentions of each topic in a text."""
        if self.pattern is None:
            return Counter()
        found = self.pattern.findall(" " + text if self.padded else text)
        counts = Counter(map(self.forms.get, found))
        missed = counts.pop(None, 0)
        if missed:
            counts.update(topic for alias in found if alias not in self.forms for topic in [self.topic_of(alias)] if topic)
        return counts

    def tags(self, title: str, body: str, limit: int) -> tuple[str, ...]:
        """Topics named in the headline or at least twice in the body, best first."""
        in_title, in_body = self.count(title), self.count(body)
        scores = {topic: TITLE_WEIGHT * in_title[topic] + in_body[topic]
                  for topic in set(in_title) | set(in_body) if in_title[topic] or in_body[topic] >= BODY_MINIMUM}
        return tuple(sorted(scores, key=lambda topic: (-scores[topic], topic))[:limit])


def build_taxonomy(topics: Mapping[str, tuple[str, ...]]) -> Taxonomy:
    """Compile topics (name -> aliases; the name is an alias too) into one regex and a lookup table."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for topic in sorted(topics):
        for alias in (topic, *topics[topic]):
            alias = " ".join(alias.split())
            if alias:
                for form in ({alias} if is_acronym(alias) else case_forms(alias)):
                    (exact if is_acronym(alias) else folded).setdefault(form, topic)
    forms = {**folded, **exact}
    acronyms = frozenset(alias for alias in exact if alias.replace(".", "").isalnum())
    if not forms:
        return Taxonomy(dict(topics), None, forms, acronyms)
    # When every spelling starts with a word character, "a non-word character, then a spelling"
    # over " " + text finds exactly what "(?<!\w)spelling" finds over text (a match cannot start
    # right where the previous one ended, since it must be followed by a non-word character), and
    # the regex engine can skip from one non-word character to the next instead of trying a
    # lookbehind at every position.
    padded = all(_WORD_START.match(form) for form in forms)
    head = r"\W(" if padded else r"(?<!\w)(?:"
    return Taxonomy(dict(topics), re.compile(head + trie_pattern(sorted(forms)) + r")(?!\w)"), forms, acronyms, padded)


EMPTY_TAXONOMY = Taxonomy({}, None, {}, frozenset())
"""No topics at all (used when there is nothing to convert)."""


@functools.lru_cache(maxsize=4)
def cached_taxonomy(items: tuple[tuple[str, tuple[str, ...]], ...]) -> Taxonomy:
    """Build once per distinct topic set (the regex is the slow part)."""
    return build_taxonomy(dict(items))
