"""The two original seeds become the briefings the project promises."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.e2e.conftest import REPO


def front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body.lstrip("\n")


def briefing_for(site: Path, seed: str) -> tuple[dict, str]:
    matches = [p for p in (site / "content").glob("*.md") if front_matter(p)[0]["seed"] == seed]
    assert len(matches) == 1, matches
    return front_matter(matches[0])


def test_style_a_seed_keeps_headline_date_source_and_drops_furniture(built_site):
    meta, body = briefing_for(built_site, "000_93df512d9ac2d237.txt")
    assert meta["title"] == "Iraq Condemns Attacks on Bases Housing US Forces"
    assert str(meta["date"]) == "2023-10-27"
    assert meta["source"] == "TOME"
    assert body.startswith("Iraq has strongly condemned")
    assert "Latest stories" not in body
    assert "| TOME" not in body
    assert "Friday, October 27, 2023" not in body
    assert "Iraq Condemns Attacks on Bases Housing US Forces" not in body


def test_style_b_seed_keeps_a_colon_headline_whole_and_has_no_source(built_site):
    meta, body = briefing_for(built_site, "004_f354708e6d9741ee.txt")
    assert (
        meta["title"]
        == "Former Iraqi Official: Rising Dissatisfaction with US Military Presence Amid Attacks on Bases"
    )
    assert str(meta["date"]) == "2023-10-27"
    assert "source" not in meta
    assert body.startswith("Since the 18th local time")
    assert " date 2023-10-27" not in body


def test_the_two_briefings_share_their_main_topics_and_differ_where_the_stories_do(built_site):
    """Both stories are about US forces in Iraq; only the one about the attacks on the bases speaks of Iran
    throughout (the evidence rule of docs/convert.md: a topic named in passing is not given)."""
    a, _ = briefing_for(built_site, "000_93df512d9ac2d237.txt")
    b, _ = briefing_for(built_site, "004_f354708e6d9741ee.txt")
    assert set(a["tags"]) & set(b["tags"]) == {"Iraq", "United States", "Military"}
    assert "Iran" in a["tags"] and "Iran" not in b["tags"]


def test_committed_content_matches_what_the_seeds_convert_to(built_site):
    committed = sorted(p.name for p in (REPO / "content").glob("*.md"))
    fresh = sorted(p.name for p in (built_site / "content").glob("*.md"))
    assert committed == fresh
    for name in committed:
        assert (REPO / "content" / name).read_bytes() == (
            built_site / "content" / name
        ).read_bytes()
