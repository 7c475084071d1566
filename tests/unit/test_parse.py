"""Front matter -> Briefing: text stays text, every problem names its line."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sitegen.content.parse import parse_briefing, parse_date

TZ = ZoneInfo("Europe/London")
PATTERN = "{year}/{month}/{day}/{slug}/"


def parse(front: str, body: str = "Body.\n"):
    return parse_briefing(
        "content/2023-10-27-iraq-bases.md", f"---\n{front}---\n\n{body}", TZ, PATTERN
    )


def test_a_briefing_gets_slug_url_and_aware_date():
    b = parse('title: "Iraq"\ndate: 2023-10-27\ntags: [Iraq]\n').briefing
    assert (b.slug, b.url, b.date) == (
        "iraq-bases",
        "2023/10/27/iraq-bases/",
        datetime(2023, 10, 27, tzinfo=TZ),
    )
    assert [t.slug for t in b.tags] == ["iraq"]


def test_yaml_specials_in_text_fields_stay_text():
    b = parse("title: yes\ndate: 2023-10-27\nsummary: 012\nsource: 2023-10-27\n").briefing
    assert (b.title, b.summary, b.source) == ("yes", "012", "2023-10-27")


def test_an_offset_date_is_shown_in_the_site_zone():
    b = parse('title: x\ndate: "2023-10-27T23:30:00-05:00"\n').briefing
    assert b.date.isoformat() == "2023-10-28T05:30:00+01:00"


def test_missing_date_makes_a_draft():
    assert parse("title: x\n").briefing.draft


def test_impossible_date_names_its_line():
    problem = parse("title: x\ndate: 2023-02-30\n").problem
    assert (
        str(problem)
        == 'content/2023-10-27-iraq-bases.md:3: error: date "2023-02-30" is not YYYY-MM-DD or an ISO 8601 date-time.\n  Fix the front matter, or re-run `sitegen convert --force` on the source seed.'
    )


def test_missing_title():
    assert (
        parse("date: 2023-10-27\n").problem.message
        == "missing `title`: every briefing needs a headline."
    )


def test_tag_that_is_not_text_names_its_line():
    problem = parse("title: x\ndate: 2023-10-27\ntags:\n  - Iraq\n  - {a: b}\n").problem
    assert (problem.line, problem.message) == (
        6,
        "every tag must be a non-empty topic name (text).",
    )


def test_unknown_key_suggests_the_right_one():
    problem = parse("title: x\ntagz: [a]\n").problem
    assert (problem.line, problem.message, problem.hint) == (
        3,
        "unknown front matter key `tagz`.",
        "Did you mean `tags`?",
    )


def test_yaml_syntax_error_has_a_line():
    problem = parse('title: "x\ndate: 2023-10-27\n').problem
    assert problem.line is not None and problem.message.startswith("invalid YAML in front matter")


def test_no_front_matter():
    loaded = parse_briefing("content/x.md", "just text\n", TZ, PATTERN)
    assert loaded.problem.message.startswith("no front matter")


def test_parse_date_forms():
    assert parse_date("2023-10-27", TZ) == datetime(2023, 10, 27, tzinfo=TZ)
    assert parse_date("2023-10-27T10:00:00Z", TZ).isoformat() == "2023-10-27T11:00:00+01:00"
    assert parse_date("27/10/2023", TZ) is None
