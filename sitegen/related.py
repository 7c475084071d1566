"""Related coverage: for each briefing, the few others sharing the most topics and words."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from sitegen.model import Briefing

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_STOP = frozenset("that this with from have been were their there which would could about after before under into over more most than they them what when where will also said says".split())
MAX_POSTINGS = 200  # a word or topic shared by more briefings than this says little


def _terms(b: Briefing) -> set[str]:
    words = {w.lower() for w in _WORD.findall(b.title)}
    return {"t:" + tag.slug for tag in b.tags} | {"w:" + w for w in words - _STOP}


def find_related(briefings: list[Briefing], count: int) -> dict[str, tuple[Briefing, ...]]:
    """Top `count` related briefings per URL: other sources on the same story first. Deterministic."""
    if count <= 0:
        return {}
    terms = [_terms(b) for b in briefings]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, these in enumerate(terms):
        for term in these:
            postings[term].append(index)
    related = {}
    for index, briefing in enumerate(briefings):
        scores: Counter = Counter()
        for term in terms[index]:
            members = postings[term]
            if len(members) > MAX_POSTINGS:
                continue
            weight = 2 if term.startswith("w:") else 1
            for other in members:
                scores[other] += weight
        scores.pop(index, None)
        ranked = sorted(scores.items(), key=lambda item: _rank(briefing, briefings[item[0]], item[1]))
        related[briefing.url] = tuple(briefings[i] for i, _ in ranked[:count])
    return related


def _rank(briefing: Briefing, other: Briefing, score: int) -> tuple:
    same_story = other.source != briefing.source and abs((other.date - briefing.date).days) <= 2 and score >= 4
    return (not same_story, -score, abs((other.date - briefing.date).total_seconds()), other.slug, other.url)
