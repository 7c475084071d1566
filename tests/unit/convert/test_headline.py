import pytest

from sitegen.convert.headline import fix_capitals, looks_like_site, parse_byline, strip_label
from sitegen.convert.masthead import find_headline

NONE = frozenset()
STORY = "Officials said on Friday that the talks would resume next week after a long pause in the region."


@pytest.mark.parametrize(
    "line, head, site",
    [
        ("Iraq Condemns Attacks on US Bases | TOME", "Iraq Condemns Attacks on US Bases", "TOME"),
        ("Rates rise - Reuters", "Rates rise", "Reuters"),
        ("Big day \u2014 The Daily Star", "Big day", "The Daily Star"),
        ("Foo bar - example.com", "Foo bar", "example.com"),
        ("REUTERS: Oil rises", "Oil rises", "REUTERS"),
        ("Farrell saga to drag on - Lindsay", "Farrell saga to drag on - Lindsay", None),
        ("Wood - Ireland can win Grand Slam", "Wood - Ireland can win Grand Slam", None),
        ("Profile: David Miliband", "Profile: David Miliband", None),
        (
            "Former Iraqi Official: Rising Dissatisfaction with US Military Presence",
            "Former Iraqi Official: Rising Dissatisfaction with US Military Presence",
            None,
        ),
    ],
)
def test_split_site(line: str, head: str, site: str | None) -> None:
    found = find_headline([line, "", STORY])
    assert (found.title, found.source) == (head, site)


def test_site_known_from_the_seed_splits_a_dash() -> None:
    found = find_headline(["Storm hits coast - Lindsay", "", STORY, "", "\u00a9 2023 Lindsay"])
    assert (found.title, found.source) == ("Storm hits coast", "Lindsay")


def test_looks_like_site() -> None:
    assert looks_like_site("The Morning Post", NONE)
    assert not looks_like_site("Lindsay", NONE)
    assert not looks_like_site("this is a long sentence about the news of the day", NONE)


def test_label_and_capitals() -> None:
    assert strip_label("Exclusive: Minister to resign") == ("Minister to resign", "Exclusive")
    assert strip_label("Profile: Minister") == ("Profile: Minister", None)
    assert (
        fix_capitals("UN AND US AGREE ON A PLAN", frozenset({"UN", "US"}))
        == "UN and US Agree on a Plan"
    )
    assert fix_capitals("Already Mixed Case", frozenset()) == "Already Mixed Case"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("By Jane Doe, Staff Writer", ("Jane Doe", None)),
        ("By A and B | Agency", ("A and B", "Agency")),
        ("By Jane Doe in Cairo", ("Jane Doe", None)),
        ("By the end of the year prices rose", None),
        ("By Tuesday, Iraq had won", None),
    ],
)
def test_byline(line: str, expected) -> None:
    assert parse_byline(line) == expected
