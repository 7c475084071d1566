"""Fast paths give exactly what the plain rules give."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.convert.dating import find_date
from sitegen.convert.decode import _NEWLINES, _SPACES, _TEXT_CONTROL, normalise

PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\n",
        "\n\n",
        "\n\n\n",
        "\t",
        "\r\n",
        "\r",
        "\xa0",
        "\u2003",
        "\u200b",
        "\x0c",
        "\x00",
        "\u2028",
        "\x85",
        "a",
        "word",
        "é",
        "日本",
        ".",
        "-",
        "\ufeff",
        "\x7f",
        "\u202e",
        "\u2066",
        "\x1b",
        "\x1b[31m",
        "[",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join)


def plain_normalise(text: str) -> str:
    """normalise as first written: every rule as a MULTILINE regex, no shortcuts."""
    text = _NEWLINES.sub("\n", text)
    text = _TEXT_CONTROL.sub(
        lambda m: " " if " " in m.group() else "", _SPACES.sub(" ", text)
    )  # a removed run touching a space leaves one
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
    assert (
        find_date(
            ["Headline", "", "Published: yesterday | Updated: today", "", STORY],
            headline=0,
            lang="en",
        ).candidates
        == ()
    )
    assert (
        find_date(
            ["Headline", "", "Published: 27 October 2023 | Updated: 28 October 2023", "", STORY],
            headline=0,
            lang="en",
        ).iso
        == "2023-10-27"
    )


COPYRIGHT_PIECES = st.sampled_from(
    [
        "copyright",
        "COPYRIGHT",
        "Copyrİght",
        "copyrıght",
        "(c)",
        "(C)",
        "©",
        " ",
        "2021",
        "x",
        "é",
        "’",
        "İ",
        "ı",
        "ſ",
        "all rights reserved",
        "ALL RİGHTS RESERVED",
    ]
)
COPYRIGHT_TEXT = st.lists(st.one_of(COPYRIGHT_PIECES, st.text(max_size=3)), max_size=12).map(
    "".join
)


@settings(max_examples=500, deadline=None)
@given(COPYRIGHT_TEXT)
def test_copyright_gates_miss_no_match(text: str) -> None:
    from sitegen.convert import furniture_labels, sitename

    assert furniture_labels._copyright_mark(text) == bool(furniture_labels._COPYRIGHT.search(text))
    if sitename._COPYRIGHT.search(text):
        assert sitename.may_be_copyright(text)


BYTES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                b"\x00",
                b"\x07",
                b"\t",
                b"\n",
                b"\x0b",
                b"\x0c",
                b"\r",
                b"\x1b",
                b"\x1f",
                b"\x7f",
                b"\x80",
                b"a",
            ]
        ),
        st.binary(max_size=4),
    ),
    max_size=30,
).map(b"".join)


@settings(max_examples=300, deadline=None)
@given(BYTES)
def test_control_bytes_counted_as_the_regex_counts_them(data: bytes) -> None:
    from sitegen.convert.decode import _controls

    assert _controls(data) == len(re.findall(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]", data))


WORDS = st.lists(
    st.sampled_from(
        [
            "the",
            "of",
            "de",
            "la",
            "a",
            "und",
            "der",
            "que",
            "el",
            "i",
            "na",
            "is",
            "o",
            "é",
            "’tis",
            "l'eau",
            "12",
            "x",
            "и",
            "в",
            "не",
            ",",
            ".",
            "  ",
        ]
    ),
    max_size=150,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(WORDS)
def test_stop_word_count_equals_counting_each_word(sample: str) -> None:
    from collections import Counter

    from sitegen.convert import language

    text = sample[: language._QUICK_SAMPLE]
    index = language._stop_index().get(language._script(text))
    words = language._words(text.lower())
    expected = None
    if words and index:
        hits = Counter(code for word in words for code in index.get(word, ()))
        if hits:
            count = max(hits.values())
            best = min(code for code, hit in hits.items() if hit == count)
            runner_up = max((hit for code, hit in hits.items() if code != best), default=0)
            if (
                count >= language._MIN_HITS
                and count >= language._MIN_SHARE * len(words)
                and count >= language._MARGIN * runner_up
            ):
                expected = best
    assert language._by_stop_words(sample) == expected
