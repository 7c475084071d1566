"""Fast paths give exactly what the plain rules give."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.convert.dating import find_date
from sitegen.convert.decode import _NEWLINES, _SPACES, _TEXT_CONTROL, normalise

PIECES = st.sampled_from([" ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\r\n", "\r", "\xa0", "\u2003", "\u200b", "\x0c", "\x00", "\u2028", "\x85",
                          "a", "word", "é", "日本", ".", "-", "\ufeff", "\x7f",
                          "\u202e", "\u2066", "\x1b", "\x1b[31m", "["])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join)


def plain_normalise(text: str) -> str:
    """normalise as first written: every rule as a MULTILINE regex, no shortcuts."""
    text = _NEWLINES.sub("\n", text)
    text = _TEXT_CONTROL.sub(lambda m: " " if " " in m.group() else "", _SPACES.sub(" ", text))  # a removed run touching a space leaves one
    text = re.sub(r"[ ]+$", "", text, flags=re.M)
    text = re.sub(r"^[ ]+", "", text, flags=re.M)
    text = re.sub(r"\n{2,}", "\n\n", text)
    return text.strip("\n")


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_normalise_equals_plain_rules(text: str) -> None:
    assert normalise(text) == plain_normalise(text)


STORY = "Officials said on Friday that the talks would resume next week after a long pause in the region."


def test_date_lines_without_digits_give_no_date() -> None:
    assert find_date(["Headline", "", "Published: yesterday | Updated: today", "", STORY], headline=0, lang="en").candidates == ()
    assert find_date(["Headline", "", "Published: 27 October 2023 | Updated: 28 October 2023", "", STORY], headline=0, lang="en").iso == "2023-10-27"
