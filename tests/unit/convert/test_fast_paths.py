"""Fast paths give exactly what the plain rules give."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.convert import boilerplate
from sitegen.convert.decode import _NEWLINES, _SPACES, _TEXT_CONTROL, normalise
from sitegen.convert.head import date_parts

PIECES = st.sampled_from([" ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\r\n", "\r", "\xa0", "\u2003", "\u200b", "\x0c", "\x00", "\u2028", "\x85",
                          "a", "word", "é", "日本", ".", "-", "\ufeff", "\x7f"])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join)


def plain_normalise(text: str) -> str:
    """normalise as first written: every rule as a MULTILINE regex, no shortcuts."""
    text = _NEWLINES.sub("\n", text)
    text = _TEXT_CONTROL.sub("", _SPACES.sub(" ", text))
    text = re.sub(r"[ ]+$", "", text, flags=re.M)
    text = re.sub(r"^[ ]+", "", text, flags=re.M)
    text = re.sub(r"\n{2,}", "\n\n", text)
    return text.strip("\n")


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_normalise_equals_plain_rules(text: str) -> None:
    assert normalise(text) == plain_normalise(text)


def test_latest_heading_first_characters_cover_all_spaces() -> None:
    spaces = {chr(code) for code in range(0x110000) if chr(code).isspace()}
    assert spaces <= boilerplate._LATEST_FIRST


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Latest stories", "  related news:", "\u2003Top headlines", "MORE ARTICLES", "x", "", "Story one", "Advertisement"]), max_size=8))
def test_trim_tail_prefilter(lines: list[str]) -> None:
    plain = list(lines)
    end = len(plain)
    for index in range(len(plain) - 1, max(-1, len(plain) - 40), -1):
        if boilerplate.LATEST.fullmatch(plain[index].rstrip(":").strip()) and all(len(rest) <= 120 for rest in plain[index + 1:end] if rest):
            end = index
    while end and (not plain[end - 1] or boilerplate.is_boilerplate(plain[end - 1])):
        end -= 1
    assert boilerplate.trim_tail(lines) == plain[:end]


def test_date_parts_without_digits() -> None:
    assert date_parts("Published: yesterday | Updated: today", True) is None
    assert [found.iso for found in date_parts("Published: 27 October 2023 | Updated: 28 October 2023", True)] == ["2023-10-27", "2023-10-28"]
