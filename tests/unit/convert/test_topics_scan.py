"""The fast topic scan finds exactly what the plain whole-word pattern finds."""

import re
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
