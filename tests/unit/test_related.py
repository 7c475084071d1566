"""Related coverage: same story from other sources first, then shared rare words and topics; deterministic."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sitegen.model import Briefing, TagRef
from sitegen.site.related import find_related, posting_cap, same_story, terms_of

DAY = datetime(2023, 10, 27, 9, 0, tzinfo=UTC)


def make(
    slug: str,
    title: str,
    summary: str = "",
    source: str | None = None,
    days: int = 0,
    tags: tuple[str, ...] = (),
) -> Briefing:
    refs = tuple(TagRef(t, t.lower(), f"topics/{t.lower()}/") for t in tags)
    return Briefing(
        slug,
        title,
        DAY + timedelta(days=days),
        source,
        None,
        refs,
        summary,
        None,
        False,
        f"content/{slug}.md",
        "",
        f"{slug}/",
    )


FILLER = [
    make(
        f"filler-{n:02d}",
        f"Weather report number {n}",
        "Rain and wind across the region",
        "Met",
        days=-30 - n,
    )
    for n in range(40)
]
IRAQ_A = make(
    "iraq-a",
    "Iraq condemns attacks on bases housing US forces",
    "Rocket and drone attacks on military bases housing American troops",
    "TOME",
    tags=("Iraq",),
)
IRAQ_B = make(
    "iraq-b",
    "Former Iraqi official: dissatisfaction with US military presence after attacks on bases",
    "Drone and rocket attacks on military bases housing US troops in Iraq",
    "Xinhua",
    days=1,
    tags=("Iraq",),
)
IRAQ_SAME_SOURCE = make(
    "iraq-c",
    "Iraq bases attacks: rocket and drone strikes on US forces",
    "Attacks on military bases housing US troops by drone and rocket",
    "TOME",
    tags=("Iraq",),
)
IRAQ_LATER = make(
    "iraq-d",
    "Attacks on bases housing US forces in Iraq continue",
    "Rocket and drone attacks on military bases housing US troops",
    "Xinhua",
    days=30,
    tags=("Iraq",),
)


def urls(related: dict, briefing: Briefing) -> list[str]:
    return [b.url for b in related.get(briefing.url, ())]


def test_terms_are_title_and_summary_words_and_topics():
    b = make("x", "Iraq's bases: attacks continue", "The drones were downed", tags=("Iraq",))
    assert terms_of(b) == {"iraq", "base", "attack", "continue", "drone", "downed", "t:iraq"}


def test_same_story_from_another_source_comes_first():
    related = find_related([IRAQ_A, IRAQ_B, IRAQ_SAME_SOURCE, IRAQ_LATER, *FILLER], 3)
    assert urls(related, IRAQ_A)[0] == "iraq-b/"
    assert set(urls(related, IRAQ_A)) == {"iraq-b/", "iraq-c/", "iraq-d/"}
    assert urls(related, IRAQ_B)[0] == "iraq-a/"


def test_same_story_needs_another_source_and_a_near_date():
    assert same_story(IRAQ_A, IRAQ_B)
    assert not same_story(IRAQ_A, IRAQ_SAME_SOURCE)  # same source
    assert not same_story(IRAQ_A, IRAQ_LATER)  # a month later
    assert not same_story(make("n1", "x"), make("n2", "x"))  # both sources unknown


def test_unrelated_briefings_are_not_padded_in():
    related = find_related([IRAQ_A, IRAQ_B, *FILLER], 5)
    assert urls(related, IRAQ_A) == ["iraq-b/"]


def test_result_depends_only_on_the_briefings_not_on_how_they_arrive():
    briefings = sorted(
        [IRAQ_A, IRAQ_B, IRAQ_SAME_SOURCE, IRAQ_LATER, *FILLER], key=Briefing.sort_key
    )  # site order
    expected = find_related(briefings, 4)
    shuffled = briefings[:]
    random.Random(7).shuffle(shuffled)
    again = find_related(sorted(shuffled, key=Briefing.sort_key), 4)
    assert again == expected


def test_count_zero_or_a_single_briefing_gives_nothing():
    assert find_related([IRAQ_A, IRAQ_B], 0) == {}
    assert find_related([IRAQ_A], 5) == {}


def test_posting_cap_grows_with_the_site_up_to_a_bound():
    assert (posting_cap(100), posting_cap(10_000), posting_cap(20_000), posting_cap(100_000)) == (
        30,
        50,
        100,
        100,
    )
