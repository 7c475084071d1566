"""related_update: after each small change, the partly recomputed result equals a full find_related."""

from __future__ import annotations

import dataclasses
import hashlib
import random
from datetime import UTC, datetime, timedelta

import pytest

from sitegen.incremental.related_update import update_related
from sitegen.model import Briefing, TagRef
from sitegen.site.related import find_related
from sitegen.site.taxonomy import build_site

DAY = datetime(2023, 10, 27, 9, 0, tzinfo=UTC)
WORDS = "iraq bases attack drone rocket troops budget election court strike ports trade tariff climate summit floods harvest vaccine clinic".split()
TOPICS = ("Iraq", "Trade", "Health", "Climate", "Politics")
SOURCES = ("TOME", "Xinhua", "Reuters", None)


def _briefing(rng: random.Random, n: int) -> Briefing:
    title = " ".join(rng.sample(WORDS, 5))
    summary = " ".join(rng.sample(WORDS, 6))
    tags = tuple(TagRef(t, t.lower(), f"topics/{t.lower()}/") for t in rng.sample(TOPICS, 2))
    return Briefing(
        f"b{n:03d}",
        title,
        DAY + timedelta(days=n % 40),
        rng.choice(SOURCES),
        None,
        tags,
        summary,
        None,
        False,
        f"content/b{n:03d}.md",
        "",
        f"b{n:03d}/",
    )


def _urls(found: dict) -> dict[str, list[str]]:
    return {url: [b.url for b in picked] for url, picked in found.items()}


def test_partial_updates_equal_full_computations() -> None:
    rng = random.Random(7)
    briefings = [_briefing(rng, n) for n in range(150)]
    found, memo = update_related(build_site(briefings), 4, None)
    assert _urls(found) == _urls(find_related(build_site(briefings).briefings, 4))
    for step in range(40):
        i, j = rng.randrange(len(briefings)), rng.randrange(len(briefings))
        change = step % 5
        if change == 0:
            new = dataclasses.replace(
                briefings[i], title=briefings[j].title + " " + rng.choice(WORDS)
            )
        elif change == 1:
            new = dataclasses.replace(briefings[i], tags=briefings[j].tags)
        elif change == 2:
            new = dataclasses.replace(briefings[i], summary=briefings[j].summary)
        elif change == 3:
            new = dataclasses.replace(briefings[i], source=briefings[j].source)
        else:
            new = dataclasses.replace(briefings[i], title="unrelated words entirely")
        briefings[i] = new
        site = build_site(briefings)
        found, memo = update_related(site, 4, memo)
        assert _urls(found) == _urls(find_related(site.briefings, 4)), (
            f"step {step}, change {change}"
        )


def test_an_added_briefing_recomputes_everything() -> None:
    rng = random.Random(3)
    briefings = [_briefing(rng, n) for n in range(60)]
    _, memo = update_related(build_site(briefings), 3, None)
    briefings.append(_briefing(rng, 60))
    site = build_site(briefings)
    found, _ = update_related(site, 3, memo)
    assert _urls(found) == _urls(find_related(site.briefings, 3))


def test_nothing_to_relate() -> None:
    assert update_related(build_site([]), 3, None) == ({}, None)


def _revised(b: Briefing) -> Briefing:
    """The briefing with its revision set, as content loading sets it."""
    values = dataclasses.astuple(dataclasses.replace(b, rev=""))
    return dataclasses.replace(b, rev=hashlib.sha1(repr(values).encode()).hexdigest()[:16])


def test_with_revisions_a_body_edit_needs_no_term_index_and_others_equal_full_computations() -> (
    None
):
    rng = random.Random(11)
    briefings = [_revised(_briefing(rng, n)) for n in range(120)]
    _, memo = update_related(build_site(briefings), 4, None)
    briefings[5] = _revised(dataclasses.replace(briefings[5], body_hash="edited"))
    index = memo.loaded_index
    memo._index = lambda: pytest.fail("a body edit loaded the term index")
    site = build_site(briefings)
    found, memo = update_related(site, 4, memo)
    assert _urls(found) == _urls(find_related(site.briefings, 4))
    memo._index = index
    for step in range(30):
        i, j = rng.randrange(len(briefings)), rng.randrange(len(briefings))
        change = step % 3
        if change == 0:
            new = dataclasses.replace(briefings[i], title=briefings[j].title)
        elif change == 1:
            new = dataclasses.replace(briefings[i], source=briefings[j].source)
        else:
            new = dataclasses.replace(briefings[i], body_hash=f"edit {step}")
        briefings[i] = _revised(new)
        site = build_site(briefings)
        found, memo = update_related(site, 4, memo)
        assert _urls(found) == _urls(find_related(site.briefings, 4)), (
            f"step {step}, change {change}"
        )
        shown = {b.url: b for b in site.briefings}
        assert all(
            r is shown[r.url] for picked in found.values() for r in picked
        )  # today's objects, today's titles
