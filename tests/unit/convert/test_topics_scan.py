"""The fast topic scan finds exactly what the plain whole-word pattern finds."""

import re
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.config import ConvertConfig
from sitegen.convert.topics import build_taxonomy, trie_pattern
from sitegen.convert.topics_file import load_taxonomy
from tests.corpus import present

TOPICS = {
    "Iraq": ("Iraqi", "Baghdad"),
    "United States": ("US", "U.S.", "American", "U.S.A."),
    "United Nations": ("UN",),
    "New York": ("NY", "New York City"),
    "Militias": ("militia",),
    "Élysée": ("élysée palace",),
}
PIECES = st.sampled_from(
    [
        "Iraq",
        "Iraqi",
        "US",
        "U.S.",
        "U.S.A.",
        "UN",
        "New",
        "York",
        "City",
        "new york",
        "NEW YORK",
        "élysée",
        "Palace",
        "militia",
        " ",
        "  ",
        "\n",
        "\t",
        ".",
        "-",
        "_",
        "'",
        "’",
        "(",
        "é",
        "x",
        "3",
        "Baghdad",
        "£",
        "\u00a0",
        "ª",
        "²",
        "Iraq’s",
    ]
)
TEXT = st.lists(PIECES, max_size=30).map("".join)


def plain(taxonomy) -> re.Pattern[str]:
    """The straightforward pattern: a lookbehind, then any spelling, whole words."""
    return re.compile(r"(?<!\w)(?:" + trie_pattern(sorted(taxonomy.forms)) + r")(?!\w)")


def found(taxonomy, text: str) -> list[str]:
    return taxonomy.pattern.findall(" " + text if taxonomy.padded else text)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_padded_scan_equals_plain_pattern(text: str) -> None:
    taxonomy = build_taxonomy(TOPICS)
    assert taxonomy.padded
    assert found(taxonomy, text) == plain(taxonomy).findall(text)


def test_spelling_starting_with_a_non_word_character_uses_the_plain_pattern() -> None:
    taxonomy = build_taxonomy({"Dotnet": (".NET",), "Iraq": ()})
    assert not taxonomy.padded
    assert taxonomy.count("We use .NET in Iraq; x.NET no.") == {"Dotnet": 1, "Iraq": 1}


def test_built_in_taxonomy_on_the_corpus() -> None:
    corpus = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus" / "bbc"
    taxonomy = load_taxonomy(Path(__file__).resolve().parent, ConvertConfig())
    assert taxonomy.padded
    texts = (
        [
            path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(corpus.glob("*.txt"))[:300]
        ]
        if present(corpus)
        else []
    )
    texts += ["US-led U.S.A. talks\nUnited\n  States", "(UN) “Iraq” Iraq's", "Iraq"]
    reference = plain(taxonomy)
    for text in texts:
        assert found(taxonomy, text) == reference.findall(text)
        assert taxonomy.count(text) == reference_counts(taxonomy, text)


def reference_counts(taxonomy, text: str) -> Counter[str]:
    """Mentions of each topic as the plain pattern's matches give them."""
    return Counter(
        topic
        for spelling in plain(taxonomy).findall(text)
        if (topic := taxonomy.topic_of(spelling))
    )


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_word_scan_counts_what_the_pattern_matches(text: str) -> None:
    taxonomy = build_taxonomy(TOPICS)
    assert taxonomy.words is not None
    by_words = taxonomy.words.count(text)
    if by_words is not None:
        topics = Counter()
        for form, times in by_words.items():
            topics[taxonomy.topic_of(form)] += times
        assert +topics == reference_counts(taxonomy, text)
    assert taxonomy.count(text) == reference_counts(taxonomy, text)


def test_word_scan_reads_latin1_text_and_leaves_other_text_to_the_pattern() -> None:
    scan = build_taxonomy(TOPICS).words
    assert scan is not None
    assert scan.count("£8m for Baghdad") == {"Baghdad": 1}
    assert scan.count("“Baghdad”") is None  # curly quotes are beyond Latin-1


def test_word_scan_takes_the_leftmost_longest_phrase_as_the_pattern_does() -> None:
    taxonomy = build_taxonomy(
        {"New York": ("New York City",), "City": (), "York": (), "Yorkshire": ("York City FC",)}
    )
    text = "New York City FC met York City FC in New  York, then City and York. " * 10
    assert taxonomy.count(text) == reference_counts(taxonomy, text)
    assert taxonomy.count(text) == {"New York": 20, "Yorkshire": 10, "City": 10, "York": 10}


def test_word_scan_counts_a_word_only_where_no_phrase_covers_it() -> None:
    taxonomy = build_taxonomy({"United States": ("U.S.",), "Sport": ("S",)})
    text = "The U.S. and S and U.S, xU.S. S_ S. " * 20
    assert taxonomy.count(text) == reference_counts(taxonomy, text)
    assert taxonomy.count(text) == {"United States": 20, "Sport": 80}


def test_word_scan_finds_a_phrase_that_overlaps_itself() -> None:
    taxonomy = build_taxonomy({"Tom": ("tom tom",), "Drums": ("tom tom drum",)})
    text = "tom tom tom drum tom " * 30
    assert taxonomy.count(text) == reference_counts(taxonomy, text)
