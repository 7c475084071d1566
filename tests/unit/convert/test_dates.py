import pytest

from sitegen.convert.dates import FoundDate, parse_date_line
from sitegen.convert.dating import find_date


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Friday, October 27, 2023", "2023-10-27"),
        ("27 October 2023", "2023-10-27"),
        ("Oct. 27, 2023", "2023-10-27"),
        ("Sept. 5, 2023", "2023-09-05"),
        ("October 27th, 2023", "2023-10-27"),
        ("2023-10-27", "2023-10-27"),
        ("2023-10-27T14:30:00+03:00", "2023-10-27T14:30:00+03:00"),
        ("2023-10-27 14:30Z", "2023-10-27T14:30:00+00:00"),
        ("2023-10-27T14:30", "2023-10-27T14:30:00"),
        ("2023/10/27", "2023-10-27"),
        ("27.10.2023", "2023-10-27"),
        ("Published: 27 October 2023", "2023-10-27"),
        ("Posted on Oct. 27, 2023", "2023-10-27"),
        ("date 2023-10-27", "2023-10-27"),
    ],
)
def test_known_forms(line: str, iso: str) -> None:
    assert parse_date_line(line) == FoundDate(iso, False)


def test_updated_label_marks_update() -> None:
    assert parse_date_line("Updated: 28 October 2023") == FoundDate("2023-10-28", True)


@pytest.mark.parametrize(
    "line",
    [
        "3 hours ago",
        "Friday",
        "2023-02-30",
        "The talks began on 27 October 2023",
        "",
        "27 Octember 2023",
    ],
)
def test_not_a_date_line(line: str) -> None:
    assert parse_date_line(line) is None


def test_day_first_rule() -> None:
    assert parse_date_line("03/04/2023", day_first=True).iso == "2023-04-03"
    assert parse_date_line("03/04/2023", day_first=False).iso == "2023-03-04"
    assert parse_date_line("13/04/2023", day_first=False).iso == "2023-04-13"
    assert parse_date_line("04/13/2023", day_first=True).iso == "2023-04-13"


STORY = "Officials said on Friday that the talks would resume next week after a long pause in the region."


def test_publication_beats_update() -> None:
    assert (
        find_date(
            ["Headline", "", "Updated: 30 October 2023", "Published: 27 October 2023", "", STORY],
            headline=0,
            lang="en",
        ).iso
        == "2023-10-27"
    )
    assert (
        find_date(
            ["Headline", "", "Updated: 30 October 2023", "", STORY], headline=0, lang="en"
        ).iso
        == "2023-10-30"
    )
    assert find_date(["Headline", "", STORY], headline=0, lang="en").iso is None
