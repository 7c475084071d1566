import pytest

from sitegen.convert.boilerplate import extra_rules, is_boilerplate, trim_head, trim_tail


@pytest.mark.parametrize("line", ["Latest stories", "Related stories:", "Advertisement", "ADVERTISEMENT", "Share this article",
                                  "Sign up for our free newsletter", "\u00a9 2023 Daily Ledger. All rights reserved.",
                                  "Copyright 2023 BBC", "We use cookies to improve your experience.", "Follow us on Twitter"])
def test_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["Advertisement revenue rose by a third.", "Subscribers to the service rose.",
                                  "The newsletter was sent to 300 members.", "Latest stories suggest the deal is off, officials said on Friday."])
def test_real_text_stays(line: str) -> None:
    assert not is_boilerplate(line)


def test_trim_tail_drops_latest_stories_and_its_list() -> None:
    lines = ["Body.", "", "Latest stories", "", "- One headline", "- Another headline", "", "\u00a9 2023 Site"]
    assert trim_tail(lines) == ["Body."]


def test_trim_head_and_site_rules() -> None:
    extra = extra_rules(("Read the full story at .*",))
    assert trim_head(["Advertisement", "", "Title"]) == ["Title"]
    assert trim_tail(["Body.", "Read the full story at example.org"], extra) == ["Body."]
    assert trim_tail(["Body.", "Read the full story at example.org"]) == ["Body.", "Read the full story at example.org"]
