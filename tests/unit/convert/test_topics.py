from pathlib import Path

import pytest

from sitegen.config import ConvertConfig
from sitegen.convert.topics import build_taxonomy
from sitegen.convert.topics_file import load_taxonomy, merge_topics, parse_topics
from sitegen.errors import ConfigError

TAXONOMY = build_taxonomy({"Iraq": ("Iraqi", "Baghdad"), "United States": ("US", "U.S.", "American"), "United Nations": ("UN",), "Militias": ("militia",)})


def test_one_topic_many_spellings() -> None:
    counts = TAXONOMY.count("Iraq and Iraqi forces in Baghdad; the U.S. and US and American troops.")
    assert counts == {"Iraq": 3, "United States": 3}


def test_acronyms_are_case_sensitive_and_words_whole() -> None:
    assert TAXONOMY.count("tell us about the un-named UNIT and Iraqis") == {}
    assert TAXONOMY.count("The UN said") == {"United Nations": 1}
    assert TAXONOMY.count("IRAQ, iraq and Iraq") == {"Iraq": 3}


def test_scoring_rule() -> None:
    tags = TAXONOMY.tags("Militia attack", "Iraq said. The US said. The US and Baghdad said.", 8)
    assert tags == ("Militias", "Iraq", "United States")  # tie on score 2: by name
    assert TAXONOMY.tags("Headline", "Iraq once.", 8) == ()
    assert TAXONOMY.tags("Iraq and US", "", 1) == ("Iraq",)


def test_site_file_merges(tmp_path: Path) -> None:
    (tmp_path / "topics.yaml").write_text("Iraq: [Mesopotamia]\nCheese: [brie, Cheddar]\nFrance: false\n", encoding="utf-8")
    taxonomy = load_taxonomy(tmp_path, ConvertConfig())
    assert taxonomy.count("Mesopotamia brie") == {"Iraq": 1, "Cheese": 1}
    assert taxonomy.count("Baghdad") == {"Iraq": 1}
    assert "France" not in taxonomy.topics


def test_bad_site_file_names_line(tmp_path: Path) -> None:
    (tmp_path / "topics.yaml").write_text("Iraq: [a]\nCheese: {x: 1}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_taxonomy(tmp_path, ConvertConfig())
    assert [(p.path, p.line, p.message) for p in error.value.problems] == [("topics.yaml", 2, "topic `Cheese` must have a list of aliases.")]


def test_invalid_yaml_and_merge() -> None:
    with pytest.raises(ConfigError) as error:
        parse_topics("a: [b\nc: d\n", "topics.yaml")
    assert error.value.problems[0].line == 2
    assert merge_topics({"A": ("x",), "B": ("y",)}, {"A": ("z",), "B": None}) == {"A": ("x", "z")}


def test_built_in_taxonomy_is_big_enough(tmp_path: Path) -> None:
    topics = load_taxonomy(tmp_path, ConvertConfig()).topics
    for name in ("Iraq", "United States", "United Nations", "NATO", "European Union", "World Health Organization", "IMF", "OPEC",
                 "Elections", "Economy", "Markets", "Technology", "Football", "Militias", "Terrorism", "Climate", "Health", "Film", "Music"):
        assert name in topics
    assert len(topics) >= 150
