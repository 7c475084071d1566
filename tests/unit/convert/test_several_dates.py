"""Several dates in one seed: at equal evidence the first stated one wins, for publication dates
and for update stamps alike, and below the headline the first date is the page's own.

Each case has two dates of one day at different times, so the chosen time tells which date won
(two different days at equal evidence give no date at all: see test_dating.py)."""

import datetime as dt
from pathlib import Path

import pytest

from sitegen.config import ConvertConfig
from sitegen.convert import convert_seed, load_taxonomy

CONFIG = ConvertConfig()
TODAY = dt.date(2024, 1, 1)
TITLE = "Talks resume in Cairo | Example News\n\n"
HEADLINE = "Talks resume in Cairo\n\n"
STORY = (
    "Talks between the two delegations resumed in Cairo on Tuesday after a pause of several weeks, officials said.\n\n"
    "The ministers agreed on a joint statement and said they would meet again before the end of the month.\n"
)


def chosen(tmp_path: Path, head: str) -> str | None:
    result = convert_seed(
        "x.txt", (head + STORY).encode(), CONFIG, load_taxonomy(tmp_path, CONFIG), TODAY
    )
    assert result.ok
    return result.date


@pytest.mark.parametrize(
    "case, head",
    [
        (
            "two publication dates above the headline",
            TITLE + "First published 2 May 2023 09:15\n\nPublished 2 May 2023 17:40\n\n" + HEADLINE,
        ),
        (
            "two update stamps above the headline, no publication date",
            TITLE + "Updated 2 May 2023 09:15\n\nUpdated 2 May 2023 17:40\n\n" + HEADLINE,
        ),
        (
            "two dates below the headline",
            TITLE + HEADLINE + "2 May 2023 09:15\n\n2 May 2023 17:40\n\n",
        ),
        (
            "two update stamps below the headline, no publication date",
            TITLE + HEADLINE + "Updated 2 May 2023 09:15\n\nUpdated 2 May 2023 17:40\n\n",
        ),
    ],
)
def test_the_first_of_several_dates_wins_never_the_last(
    tmp_path: Path, case: str, head: str
) -> None:
    assert chosen(tmp_path, head) == "2023-05-02T09:15:00", case


def test_a_publication_date_beats_a_later_update_stamp_and_an_earlier_one(tmp_path: Path) -> None:
    head = (
        TITLE
        + HEADLINE
        + "Updated 2 May 2023 08:00\n\nPublished 2 May 2023 09:15\n\nUpdated 2 May 2023 17:40\n\n"
    )
    assert chosen(tmp_path, head) == "2023-05-02T09:15:00"
