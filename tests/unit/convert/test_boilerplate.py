import pytest

from sitegen.convert.boilerplate import extra_rules, is_boilerplate
from sitegen.convert.decode import normalise
from sitegen.convert.reading import read_seed


@pytest.mark.parametrize(
    "line",
    [
        "Latest stories",
        "Related stories:",
        "Advertisement",
        "ADVERTISEMENT",
        "Share this article",
        "Sign up for our free newsletter",
        "\u00a9 2023 Daily Ledger. All rights reserved.",
        "Copyright 2023 BBC",
        "We use cookies to improve your experience.",
        "Follow us on Twitter",
    ],
)
def test_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement revenue rose by a third.",
        "Subscribers to the service rose.",
        "The newsletter was sent to 300 members.",
        "Latest stories suggest the deal is off, officials said on Friday.",
    ],
)
def test_real_text_stays(line: str) -> None:
    assert not is_boilerplate(line)


STORY = "Officials said on Friday that the talks would resume next week after a long pause in the region."


def _body(text: str, extra=None) -> list[str]:
    return [
        para.text or " / ".join(para.items)
        for para in read_seed(normalise(text), extra=extra).paras
    ]


def test_latest_stories_and_its_list_leave_the_body() -> None:
    assert _body(
        f"Title\n\n{STORY}\n\nLatest stories\n\n- One headline\n- Another headline\n\n\u00a9 2023 Site"
    ) == [STORY]


def test_leading_furniture_and_site_rules() -> None:
    extra = extra_rules(("Read the full story at .*",))
    assert read_seed(normalise(f"Advertisement\n\nTitle\n\n{STORY}")).headline.title == "Title"
    assert _body(f"Title\n\n{STORY}\n\nRead the full story at example.org", extra) == [STORY]
    assert _body(f"Title\n\n{STORY}\n\nRead the full story at example.org") == [
        STORY,
        "Read the full story at example.org",
    ]
