"""Related coverage: for each briefing, the few others that share the most telling words and topics.

The rule, in full (docs/themes.md repeats it for theme authors):

1. A briefing's terms are its topics and the distinct words (4+ letters, not stop words,
   lowercased, a trailing plural "s" dropped) of its title and summary.
2. A term's weight is a whole number: its rarity round(2 * ln(N / df)), at least 1, where
   df is how many briefings have it; topics count half (they are broad by design).
3. The score of a pair is the summed weight of their shared terms (summaries are capped in
   length, so no length normalisation is needed). Scores are integers: ties are exact.
4. A candidate is "the same story" when it comes from another source (the two sources
   differ and at least one is known), is dated within SAME_STORY_DAYS days, and shares at
   least SAME_STORY_SHARE of the briefing's own term weight.
5. Candidates are found through an inverted index: the postings of the briefing's terms
   that at most `posting_cap(N)` briefings share (0.5% of N, from 30 to 100: a commoner
   term still adds to a score, but following it would cost much and find little). The
   CANDIDATES found by the most terms (ties: earlier in site order, i.e. newer, then slug)
   are scored and ranked: same story first, then score, then site order. The first `count` are
   shown; a score below MIN_SCORE is never shown (no padding with unrelated briefings).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection
from functools import cache
from itertools import chain

from sitegen.model import Briefing

_WORD = re.compile(r"[a-z][a-z0-9'-]{3,}")
_STOP = frozenset(
    """that this with from have been were their there which would could about after before
    under into over more most than they them what when where will also said says while
    year years last first next just some such only other against between being because
    those these very much many made make back still even like among since told week
    month today yesterday people""".split()
)
MIN_CAP = 30
MAX_CAP = 100  # beyond 20,000 briefings the cap stops growing: following commoner terms costs quadratic time
SAME_STORY_DAYS = 2
SAME_STORY_SHARE = 0.3
MIN_SCORE = 8
CANDIDATES = 8


def posting_cap(total: int) -> int:
    """Most briefings a term may be shared by and still be followed: 0.5% of them, between MIN_CAP and MAX_CAP."""
    return min(MAX_CAP, max(MIN_CAP, total // 200))


@cache
def _normal(word: str) -> str:
    """A word as a term: possessive and plural "s" dropped; "" for stop words and short ones."""
    word = word.strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word[-1] == "s" and word[-2] != "s":
        word = word[:-1]
    return "" if len(word) < 4 or word in _STOP else word


def terms_of(briefing: Briefing) -> set[str]:
    """The words and topics that describe a briefing (topics are prefixed with "t:")."""
    text = f"{briefing.title} {briefing.summary}".lower().replace("\u2019", "'")
    words = set(map(_normal, set(_WORD.findall(text))))
    words.discard("")
    return words | {"t:" + tag.slug for tag in briefing.tags}


def term_weight(term: str, df: int, total: int) -> int:
    """Rule 2: the weight of a term that `df` of `total` briefings have."""
    return max(1, round(math.log(total / df) * (1 if term.startswith("t:") else 2)))


def term_weights(
    terms: list[set[str]], counts: dict[str, int] | None = None
) -> tuple[dict[str, list[int]], dict[str, int]]:
    """Postings (briefing positions) of the terms worth following, and every term's weight.

    `counts` (how many briefings have each term) may be passed in when already known.
    """
    total = len(terms)
    counts = counts if counts is not None else Counter(chain.from_iterable(terms))
    weights = {term: term_weight(term, df, total) for term, df in counts.items()}
    cap = posting_cap(total)
    followed: dict[str, list[int]] = {term: [] for term, df in counts.items() if 1 < df <= cap}
    for index, these in enumerate(terms):
        for term in these & followed.keys():
            followed[term].append(index)
    return followed, weights


def find_related(
    briefings: list[Briefing],
    count: int,
    only: Collection[int] | None = None,
    terms: list[set[str]] | None = None,
    stats: tuple[dict[str, list[int]], dict[str, int]] | None = None,
) -> dict[str, tuple[Briefing, ...]]:
    """Up to `count` related briefings per URL: other sources on the same story first. Deterministic.

    `only` limits the work to those positions (an incremental build reuses the rest);
    `terms` and `stats` (term_weights of terms) may be passed in when already known.
    """
    if count <= 0 or len(briefings) < 2:
        return {}
    terms = terms if terms is not None else [terms_of(b) for b in briefings]
    followed, weights = stats if stats is not None else term_weights(terms)
    positions = range(len(terms)) if only is None else only
    leads = {i: terms[i] & followed.keys() for i in positions}
    own = {i: sum([weights[t] for t in terms[i]]) for i in positions}
    weight_of = weights.__getitem__
    related: dict[str, tuple[Briefing, ...]] = {}
    postings_of, flatten = followed.__getitem__, chain.from_iterable
    for index, briefing in enumerate(briefings):
        if only is not None and index not in only:
            continue
        hits = sorted(
            flatten(map(postings_of, leads[index]))
        )  # sorted: the Counter then lists candidates in site order
        counts = Counter(hits)
        counts.pop(index, None)
        mine, same_story_score = terms[index], SAME_STORY_SHARE * own[index]
        ranked = []
        for other in sorted(counts, key=counts.__getitem__, reverse=True)[:CANDIDATES]:
            score = sum(map(weight_of, mine & terms[other]))
            if score >= MIN_SCORE:
                ranked.append(
                    (
                        not (score >= same_story_score and same_story(briefing, briefings[other])),
                        -score,
                        other,
                    )
                )
        ranked.sort()
        related[briefing.url] = tuple([briefings[other] for _, _, other in ranked[:count]])
    return related


def same_story(briefing: Briefing, other: Briefing) -> bool:
    """Another source's report dated within SAME_STORY_DAYS (the text test is the caller's)."""
    if other.source == briefing.source or (other.source or briefing.source) is None:
        return False
    if other.date is None or briefing.date is None:
        return False
    return abs((other.date - briefing.date).total_seconds()) <= SAME_STORY_DAYS * 86400
