"""Related briefings after a small change: redo only the briefings the change can affect.

related.find_related gives each briefing the others that share its most telling terms. Its
inputs per briefing are terms (title, summary, topics), source, date and place in site
order; across the site, each term's weight (from how many briefings have it) and the
postings of the terms rare enough to follow. When the site order is the same as last time,
a change to some briefings (C) changes only:

- the weight and the postings of the terms gained or lost by C (T), and so the results of
  every briefing having a term of T whose weight changed or that is followed;
- the score and same-story test of pairs with a briefing of C, and so the results of every
  briefing that can find one of C as a candidate: those in the postings of C's terms.

Those are computed again; every other briefing keeps its last result. A briefing whose
revision is unchanged is not looked at; one whose text and facts are unchanged (a body
edit) changes nothing, and then the bulky term index is not even loaded from the cache.
Any other change (a briefing added, removed or moved in site order, other settings, other
code) redoes all.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path

from sitegen.model import Briefing, Site
from sitegen.site import related


@dataclass
class TermIndex:
    """Every briefing's terms and the statistics over them: the bulky part of the memo."""

    terms: list[set[str]]
    followed: dict[str, list[int]]
    weights: dict[str, int]
    counts: dict[str, int]  # how many briefings have each term


class RelatedMemo:
    """What the last computation saw and chose, by position in site order; kept in the build state.

    The term index may be a loader (the cache reads it on first use) instead of the index.
    """

    def __init__(
        self,
        key: str,
        order: str,
        revs: list[str],
        text_keys: list[str],
        facts: list[tuple],
        chosen: list[tuple[int, ...]],
        index: TermIndex | Callable[[], TermIndex] | None,
    ) -> None:
        self.key, self.order, self.revs, self.text_keys, self.facts, self.chosen = (
            key,
            order,
            revs,
            text_keys,
            facts,
            chosen,
        )
        self._index = index

    @property
    def index(self) -> TermIndex | None:
        """The term index; None when the cache could not give it back."""
        if callable(self._index):
            loaded = self._index()
            self._index = loaded if isinstance(loaded, TermIndex) else None
        return self._index

    def defer_index(self, loader: Callable[[], TermIndex | None]) -> None:
        """Read the term index through `loader` on first use (the cache stores it apart)."""
        self._index = loader

    @property
    def loaded_index(self) -> TermIndex | None:
        """The term index when in memory, else None (then it is the one the cache holds)."""
        return self._index if isinstance(self._index, TermIndex) else None

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_index"] = None  # the cache stores it apart
        return state


MAX_TOUCHED = 200  # more terms gained or lost than this: computing the postings afresh is quicker


@cache
def _code_key(count: int) -> str:
    return hashlib.sha1(Path(related.__file__).read_bytes() + f"|{count}".encode()).hexdigest()


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _text_key(b: Briefing) -> str:
    """A digest of what terms_of reads."""
    return _digest("\0".join((b.title, b.summary, *(t.slug for t in b.tags))))


def _facts(b: Briefing) -> tuple:
    """What same_story reads."""
    return (b.source, b.date.timestamp() if b.date else None)


def term_stats(
    index: TermIndex | None, terms: list[set[str]], changed: Sequence[int]
) -> tuple[dict[str, list[int]], dict[str, int], dict[str, int]]:
    """related.term_weights and the term counts: updated from the index when few terms changed.

    `changed`: the positions whose terms differ from the index's.
    """
    touched = (
        set().union(*(terms[i] ^ index.terms[i] for i in changed))
        if index is not None and changed
        else set()
    )
    if index is None or len(touched) > MAX_TOUCHED:
        counts = Counter(chain.from_iterable(terms))
        return (*related.term_weights(terms, counts), counts)
    counts, weights, followed = dict(index.counts), dict(index.weights), dict(index.followed)
    for i in changed:
        for term in index.terms[i] - terms[i]:
            counts[term] -= 1
        for term in terms[i] - index.terms[i]:
            counts[term] = counts.get(term, 0) + 1
    total, cap = len(terms), related.posting_cap(len(terms))
    for term in touched:
        df = counts.get(term, 0)
        if df == 0:
            del counts[term]
            weights.pop(term, None)
        else:
            weights[term] = related.term_weight(term, df, total)
        if 1 < df <= cap:
            followed[term] = [i for i, these in enumerate(terms) if term in these]
        else:
            followed.pop(term, None)
    return followed, weights, counts


def _affected(
    index: TermIndex, terms: list[set[str]], moved: Sequence[int], followed: dict, weights: dict
) -> set[int]:
    """Positions whose related briefings can differ when those in `moved` changed terms or facts."""
    gained_or_lost: set[str] = set()
    for i in moved:
        gained_or_lost |= terms[i] ^ index.terms[i]
    hot = {
        t
        for t in gained_or_lost
        if index.weights.get(t) != weights.get(t) or t in followed or t in index.followed
    }
    affected = set(moved)
    if hot:
        affected.update(i for i, these in enumerate(terms) if not these.isdisjoint(hot))
    for i in moved:
        for term in terms[i] | index.terms[i]:
            affected.update(followed.get(term, ()))
            affected.update(index.followed.get(term, ()))
    return affected


def _found(
    briefings: list[Briefing], chosen: list[tuple[int, ...]]
) -> dict[str, tuple[Briefing, ...]]:
    """Positions -> today's objects (their titles show)."""
    get = briefings.__getitem__
    return {b.url: tuple(map(get, picks)) for b, picks in zip(briefings, chosen, strict=True)}


def update_related(
    site: Site, count: int, memo: RelatedMemo | None
) -> tuple[dict[str, tuple[Briefing, ...]], RelatedMemo | None]:
    """Related briefings of every briefing of the site, and the memo for next time."""
    briefings = site.briefings
    if count <= 0 or len(briefings) < 2:
        return {}, None
    key, order = _code_key(count), _digest("\n".join([b.url for b in briefings]))
    revs = [b.rev for b in briefings]
    if not (
        isinstance(memo, RelatedMemo) and memo.key == key and memo.order == order
    ):  # an older cache holds something else
        return _afresh(briefings, count, key, order, revs)
    text_keys, facts = list(memo.text_keys), list(memo.facts)
    moved = []  # positions whose terms or facts may differ
    for i, (rev, old) in enumerate(zip(revs, memo.revs, strict=True)):
        if rev != old or not rev:  # a briefing without a revision is looked at every time
            text_keys[i], facts[i] = _text_key(briefings[i]), _facts(briefings[i])
            if text_keys[i] != memo.text_keys[i] or facts[i] != memo.facts[i]:
                moved.append(i)
    if not moved:
        return _found(briefings, memo.chosen), RelatedMemo(
            key, order, revs, text_keys, facts, memo.chosen, memo._index
        )
    index = memo.index
    if index is None or len(index.terms) != len(briefings):
        return _afresh(briefings, count, key, order, revs)
    terms = list(index.terms)
    for i in moved:
        if text_keys[i] != memo.text_keys[i]:
            terms[i] = related.terms_of(briefings[i])
    retermed = [i for i in moved if terms[i] != index.terms[i]]
    followed, weights, counts = term_stats(index, terms, retermed)
    only = _affected(index, terms, moved, followed, weights)
    fresh = related.find_related(
        briefings, count, only=only, terms=terms, stats=(followed, weights)
    )
    position = {b.url: i for i, b in enumerate(briefings)}
    chosen = list(memo.chosen)
    for url, picked in fresh.items():
        chosen[position[url]] = tuple([position[b.url] for b in picked])
    new_index = TermIndex(terms, followed, weights, counts) if retermed else index
    return _found(briefings, chosen), RelatedMemo(
        key, order, revs, text_keys, facts, chosen, new_index
    )


def _afresh(
    briefings: list[Briefing], count: int, key: str, order: str, revs: list[str]
) -> tuple[dict, RelatedMemo]:
    terms = [related.terms_of(b) for b in briefings]
    followed, weights, counts = term_stats(None, terms, ())
    fresh = related.find_related(briefings, count, terms=terms, stats=(followed, weights))
    position = {b.url: i for i, b in enumerate(briefings)}
    chosen = [tuple([position[b.url] for b in fresh[b.url]]) for b in briefings]
    memo = RelatedMemo(
        key,
        order,
        revs,
        [_text_key(b) for b in briefings],
        [_facts(b) for b in briefings],
        chosen,
        TermIndex(terms, followed, weights, counts),
    )
    return fresh, memo
