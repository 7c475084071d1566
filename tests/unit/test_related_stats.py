"""related_update.term_stats: term weights and postings updated from the memo equal those computed afresh."""

from __future__ import annotations

import random
from collections import Counter
from itertools import chain

from sitegen.incremental.related_update import TermIndex, term_stats
from sitegen.site import related

WORDS = [f"word{n}" for n in range(60)] + [f"t:topic{n}" for n in range(8)]


def _terms(rng: random.Random, count: int) -> list[set[str]]:
    return [set(rng.sample(WORDS, rng.randint(1, 9))) for _ in range(count)]


def _index(terms: list[set[str]]) -> TermIndex:
    counts = Counter(chain.from_iterable(terms))
    followed, weights = related.term_weights(terms, counts)
    return TermIndex(terms, followed, weights, dict(counts))


def test_updated_stats_equal_fresh_ones_after_random_edits() -> None:
    rng = random.Random(7)
    for _ in range(200):
        before = _terms(rng, rng.randint(2, 40))
        after = [set(these) for these in before]
        for i in rng.sample(range(len(after)), rng.randint(1, min(3, len(after)))):
            after[i] = set(rng.sample(WORDS, rng.randint(1, 9))) | {f"new{rng.randint(0, 3)}"}
        changed = [i for i in range(len(after)) if after[i] != before[i]]
        followed, weights, counts = term_stats(_index(before), after, changed)
        fresh_followed, fresh_weights = related.term_weights(after)
        assert followed == fresh_followed
        assert weights == fresh_weights
        assert counts == Counter(chain.from_iterable(after))


def test_without_an_index_the_stats_are_computed_afresh() -> None:
    terms = _terms(random.Random(3), 20)
    followed, weights, counts = term_stats(None, terms, ())
    assert (followed, weights) == related.term_weights(terms)
    assert counts == Counter(chain.from_iterable(terms))
