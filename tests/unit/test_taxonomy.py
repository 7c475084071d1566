"""Topics merge case and punctuation variants; archives and neighbours are ordered."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sitegen.content.parse import parse_briefing
from sitegen.site.taxonomy import build_site

TZ = ZoneInfo("UTC")


def briefing(name: str, date: str, tags: str):
    return parse_briefing(
        f"content/{name}.md",
        f"---\ntitle: {name}\ndate: {date}\ntags: {tags}\n---\n\nx\n",
        TZ,
        "{year}/{month}/{day}/{slug}/",
    ).briefing


def test_topics_differing_by_case_or_punctuation_are_one_topic_named_by_the_most_used_spelling():
    site = build_site(
        [
            briefing("a", "2023-10-27", "[U.S., Iraq]"),
            briefing("b", "2023-10-26", "[u-s, iraq]"),
            briefing("c", "2023-10-25", "[U.S.]"),
        ]
    )
    names = {t.slug: (t.name, t.count) for t in site.topics}
    assert names == {"u-s": ("U.S.", 3), "iraq": ("Iraq", 2)}


def test_briefings_newest_first_ties_by_slug_and_neighbours():
    site = build_site(
        [
            briefing("b", "2023-10-27", "[]"),
            briefing("a", "2023-10-27", "[]"),
            briefing("c", "2023-11-01", "[]"),
        ]
    )
    assert [b.slug for b in site.briefings] == ["c", "a", "b"]
    newer, older = site.neighbours[site.briefings[1].url]
    assert (newer.slug, older.slug) == ("c", "b")


def test_years_and_months_with_counts_newest_first():
    site = build_site(
        [
            briefing("a", "2022-12-31", "[]"),
            briefing("b", "2023-01-01", "[]"),
            briefing("c", "2023-01-05", "[]"),
        ]
    )
    assert [(p.url, p.count) for p in site.years] == [("archive/2023/", 2), ("archive/2022/", 1)]
    assert [(p.url, p.count) for p in site.months] == [
        ("archive/2023/01/", 2),
        ("archive/2022/12/", 1),
    ]


def test_a_briefing_links_to_the_archive_pages_that_hold_it_even_before_year_1000():
    b = briefing("old", "0999-03-04", "[]")
    site = build_site([b])
    assert (
        (b.year_url, b.month_url)
        == (site.years[0].url, site.months[0].url)
        == ("archive/0999/", "archive/0999/03/")
    )
