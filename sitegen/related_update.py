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

Those are computed again; every other briefing keeps its last result. Any other change
(a briefing added, removed or moved in site order, other settings, other code) redoes all.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from itertools import chain
from dataclasses import dataclass
from pathlib import Path

from sitegen import related
from sitegen.model import Briefing, Site


@dataclass
class RelatedMemo:
    """What the last computation saw and chose, kept in the build state."""

    key: str
    order: tuple[str, ...]
    texts: list[tuple]  # per position: what terms_of reads
    terms: list[set[str]]
    facts: list[tuple]  # per position: what same_story reads
    followed: dict[str, list[int]]
    weights: dict[str, int]
    chosen: dict[str, tuple[str, ...]]
    counts: dict[str, int] | None = None  # how many briefings have each term


MAX_TOUCHED = 200  # more terms gained or lost than this: computing the postings afresh is quicker


def _stats(memo: RelatedMemo | None, terms: list[set[str]]) -> tuple[dict[str, list[int]], dict[str, int], dict[str, int]]:
    """related.term_weights and the term counts: from the memo's when few briefings' terms changed."""
    known = getattr(memo, "counts", None)
    changed = [i for i in range(len(terms)) if terms[i] != memo.terms[i]] if known is not None else []
    touched = set().union(*(terms[i] ^ memo.terms[i] for i in changed)) if changed else set()
    if known is None or len(touched) > MAX_TOUCHED:
        counts = Counter(chain.from_iterable(terms))
        return (*related.term_weights(terms, counts), counts)
    counts, weights, followed = dict(known), dict(memo.weights), dict(memo.followed)
    for i in changed:
        for term in memo.terms[i] - terms[i]:
            counts[term] -= 1
        for term in terms[i] - memo.terms[i]:
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


def _text(b: Briefing) -> tuple:
    return (b.title, b.summary, tuple(t.slug for t in b.tags))


def _affected(memo: RelatedMemo, terms: list[set[str]], facts: list[tuple], followed: dict, weights: dict) -> set[int]:
    changed = [i for i in range(len(terms)) if terms[i] != memo.terms[i] or facts[i] != memo.facts[i]]
    gained_or_lost: set[str] = set()
    for i in changed:
        gained_or_lost |= terms[i] ^ memo.terms[i]
    hot = {t for t in gained_or_lost if memo.weights.get(t) != weights.get(t) or t in followed or t in memo.followed}
    affected = set(changed)
    if hot:
        affected.update(i for i, these in enumerate(terms) if not these.isdisjoint(hot))
    for i in changed:
        for term in terms[i] | memo.terms[i]:
            affected.update(followed.get(term, ()))
            affected.update(memo.followed.get(term, ()))
    return affected


def update_related(site: Site, count: int, memo: RelatedMemo | None) -> tuple[dict[str, tuple[Briefing, ...]], RelatedMemo | None]:
    """Related briefings of every briefing of the site, and the memo for next time."""
    briefings = site.briefings
    if count <= 0 or len(briefings) < 2:
        return {}, None
    key = hashlib.sha1(Path(related.__file__).read_bytes() + f"|{count}".encode()).hexdigest()
    order = tuple(b.url for b in briefings)
    texts = [_text(b) for b in briefings]
    same = isinstance(memo, RelatedMemo) and memo.key == key and memo.order == order  # an older cache holds something else
    terms = [memo.terms[i] if same and memo.texts[i] == texts[i] else related.terms_of(b) for i, b in enumerate(briefings)]
    facts = [(b.source, b.date) for b in briefings]
    followed, weights, counts = _stats(memo if same else None, terms)
    only = _affected(memo, terms, facts, followed, weights) if same else None
    fresh = related.find_related(briefings, count, only=only, terms=terms, stats=(followed, weights)) if only != set() else {}
    if only is None:
        chosen = {url: tuple([b.url for b in picked]) for url, picked in fresh.items()}
        return fresh, RelatedMemo(key, order, texts, terms, facts, followed, weights, chosen, counts)
    chosen = dict(memo.chosen)
    chosen.update((url, tuple([b.url for b in picked])) for url, picked in fresh.items())
    get = {b.url: b for b in briefings}.__getitem__
    found = {url: tuple(map(get, urls)) for url, urls in chosen.items()}  # today's objects: their titles show
    return found, RelatedMemo(key, order, texts, terms, facts, followed, weights, chosen, counts)
