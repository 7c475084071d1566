from pathlib import Path

import pytest

from sitegen.config import ConvertConfig
from sitegen.convert.topics import Topic, build_taxonomy
from sitegen.convert.topics_file import load_taxonomy, merge_topics, parse_topics
from sitegen.errors import ConfigError

TAXONOMY = build_taxonomy(
    {
        "Iraq": ("Iraqi", "Baghdad"),
        "United States": ("US", "U.S.", "American"),
        "United Nations": ("UN",),
        "Militias": ("militia",),
    }
)


def test_one_topic_many_spellings() -> None:
    counts = TAXONOMY.count(
        "Iraq and Iraqi forces in Baghdad; the U.S. and US and American troops."
    )
    assert counts == {"Iraq": 3, "United States": 3}


def test_acronyms_are_case_sensitive_and_words_whole() -> None:
    assert TAXONOMY.count("tell us about the un-named UNIT and Iraqis") == {}
    assert TAXONOMY.count("The UN said") == {"United Nations": 1}
    assert TAXONOMY.count("IRAQ, iraq and Iraq") == {
        "Iraq": 2
    }  # a name (written with a capital) is not matched in lower case


def test_scoring_rule() -> None:
    tags = TAXONOMY.tags(
        "Militia attack", ["Iraq said.", "The US said. The US and Baghdad said. The US again."], 8
    )
    assert tags == (
        "Iraq",
        "Militias",
        "United States",
    )  # each scores 3 (lead 2 + body 1; headline 3; body 3): by name
    assert (
        TAXONOMY.tags("Headline", ["Lead.", "Iraq once, Baghdad twice."], 8) == ()
    )  # score 2 is under 3
    assert (
        TAXONOMY.decide("Headline", ["Lead.", "Iraq once, Baghdad twice."]).refused["Iraq"]
        == "score 2 is under 3 and the headline does not name it"
    )
    assert TAXONOMY.tags("Iraq and US", [], 1) == ("Iraq",)


CULTURE = build_taxonomy(
    {
        "Theatre": Topic(("theatre", "West End"), ("play", "stage"), ("at this stage",), "culture"),
        "Football": Topic(("football", "midfielder"), ("goal",), (), "sport"),
        "Music": Topic(("album",), ("single", "band", "chart"), (), "culture"),
    }
)


def test_weak_aliases_need_a_strong_one_or_two_distinct_in_the_main_group() -> None:
    report = [
        "The midfielder scored a goal; football at its best. Football.",
        "He will play again. A play of the season. Play on, stage, play.",
    ]
    decision = CULTURE.decide("Late winner", report)
    assert decision.given == ("Football",) and decision.group == "sport"
    assert decision.refused["Theatre"] == "only weak aliases, and outside the story's main group"
    # In a culture story two distinct weak aliases with enough mentions give the topic; one word repeated does not.
    assert CULTURE.tags(
        "Review", ["The play opens.", "A play on a bare stage; the play ends."], 8
    ) == ("Theatre",)
    assert (
        "only weak aliases (1 distinct"
        in CULTURE.decide("Review", ["The play.", "play, play, plays."]).refused["Theatre"]
    )
    # Beside one strong alias the weak ones count.
    assert CULTURE.tags("Review", ["A new West End show.", "The play runs; the play ends."], 8) == (
        "Theatre",
    )


def test_excluded_phrase_counts_for_no_topic() -> None:
    assert CULTURE.count("At this stage the theatre is shut; at this stage, nothing.") == {
        "Theatre": 1
    }


def test_topic_outside_the_main_group_needs_the_headline_or_distinct_aliases() -> None:
    story = [
        "The midfielder ran. Football, football and football.",
        "An album was played. Football won.",
    ]
    decision = CULTURE.decide("Cup tie", story)
    assert decision.given == ("Football",)
    assert decision.refused["Music"].startswith("outside the story's main group (sport)")
    assert CULTURE.tags("New album out", story, 8) == ("Football", "Music")


def test_capitalised_aliases_are_names() -> None:
    taxonomy = build_taxonomy({"Labour Party": ("Labour",), "Currencies": ("sterling",)})
    assert taxonomy.count("labour costs, Labour MPs, LABOUR") == {"Labour Party": 2}
    assert taxonomy.count("sterling, Sterling") == {"Currencies": 2}


def test_tags_are_bounded_and_ordered_by_score() -> None:
    topics = {f"T{n}": Topic((f"w{n}",)) for n in range(8)}
    taxonomy = build_taxonomy(topics)
    title = " ".join(f"w{n}" for n in range(8))
    assert taxonomy.tags(title, ["w7 w7 w6"], 8) == ("T7", "T6", "T0", "T1", "T2")


def test_site_file_marks_weak_aliases_and_exclusions(tmp_path: Path) -> None:
    (tmp_path / "topics.yaml").write_text(
        "Theatre: {weak: [opera], except: [soap opera]}\nCheese: {aliases: [brie], group: food}\n",
        encoding="utf-8",
    )
    taxonomy = load_taxonomy(tmp_path, ConvertConfig())
    assert (
        "opera" in taxonomy.topics["Theatre"].weak
        and "opera" not in taxonomy.topics["Theatre"].aliases
    )
    assert taxonomy.count("a soap opera and an opera") == {"Theatre": 1}
    assert taxonomy.group_of("Cheese") == "food" and taxonomy.group_of("Theatre") == "culture"


def test_bad_topic_keys_name_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "topics.yaml").write_text(
        "Iraq: [a]\nCheese:\n  weak: brie\n  unless: [x]\n  group: [a]\n  except: [1, {}]\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as error:
        load_taxonomy(tmp_path, ConvertConfig())
    assert [(p.line, p.message) for p in error.value.problems] == [
        (
            4,
            "topic `Cheese` has an unknown key `unless`: use aliases, weak, except, group or not_in.",
        ),
        (5, "group of topic `Cheese` must be a name such as `sport`."),
        (6, "excluded phrase of topic `Cheese` must be a non-empty text."),
    ]


def test_site_file_merges(tmp_path: Path) -> None:
    (tmp_path / "topics.yaml").write_text(
        "Iraq: [Mesopotamia]\nCheese: [brie, Cheddar]\nFrance: false\n", encoding="utf-8"
    )
    taxonomy = load_taxonomy(tmp_path, ConvertConfig())
    assert taxonomy.count("Mesopotamia brie") == {"Iraq": 1, "Cheese": 1}
    assert taxonomy.count("Baghdad") == {"Iraq": 1}
    assert "France" not in taxonomy.topics


def test_bad_site_file_names_line(tmp_path: Path) -> None:
    (tmp_path / "topics.yaml").write_text("Iraq: [a]\nCheese: {x: 1}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_taxonomy(tmp_path, ConvertConfig())
    assert [(p.path, p.line, p.message) for p in error.value.problems] == [
        (
            "topics.yaml",
            2,
            "topic `Cheese` has an unknown key `x`: use aliases, weak, except, group or not_in.",
        )
    ]


def test_invalid_yaml_and_merge() -> None:
    with pytest.raises(ConfigError) as error:
        parse_topics("a: [b\nc: d\n", "topics.yaml")
    assert error.value.problems[0].line == 2
    assert merge_topics(
        {"A": Topic(("x",)), "B": Topic(("y",))}, {"A": Topic(("z",)), "B": None}
    ) == {"A": Topic(("x", "z"))}


def test_built_in_taxonomy_is_big_enough(tmp_path: Path) -> None:
    topics = load_taxonomy(tmp_path, ConvertConfig()).topics
    for name in (
        "Iraq",
        "United States",
        "United Nations",
        "NATO",
        "European Union",
        "World Health Organization",
        "IMF",
        "OPEC",
        "Elections",
        "Economy",
        "Markets",
        "Technology",
        "Football",
        "Militias",
        "Terrorism",
        "Climate",
        "Health",
        "Film",
        "Music",
    ):
        assert name in topics
    assert len(topics) >= 150


def test_main_group_topic_needs_less_when_the_lead_or_two_aliases_name_it() -> None:
    # Football makes the main group (sport); named once in the lead (score 2) it is given, as with
    # two distinct aliases in the body; one alias twice in the body (score 2) is not enough.
    assert CULTURE.tags("Cup tie", ["The midfielder was fined.", "He said nothing."], 8) == (
        "Football",
    )
    assert CULTURE.tags("Cup tie", ["He was fined.", "The midfielder played football."], 8) == (
        "Football",
    )
    decision = CULTURE.decide("Cup tie", ["He was fined.", "Football, said the football club."])
    assert (
        decision.given == ()
        and decision.refused["Football"] == "score 2 is under 3 and the headline does not name it"
    )


def test_one_alias_said_again_and_again_gives_a_topic_outside_the_main_group() -> None:
    story = [
        "The midfielder ran. Football, football and football.",
        "An album, an album, an album, an album and an album.",
    ]
    assert CULTURE.tags("Cup tie", story, 8) == ("Football", "Music")  # Music: one alias, score 5
    fewer = [
        "The midfielder ran. Football, football and football.",
        "An album, an album, an album and an album.",
    ]
    assert (
        CULTURE.decide("Cup tie", fewer)
        .refused["Music"]
        .startswith("outside the story's main group (sport), not in the headline, with 1 distinct")
    )


def test_a_long_text_needs_more_mentions_of_a_topic_named_only_in_its_body() -> None:
    filler = (
        "Words about nothing in particular go on here. " * 300
    )  # 13,800 characters: a score of 5 needed
    decision = CULTURE.decide("A list", ["Intro.", filler, "An album, an album, an album."])
    assert decision.given == ()
    assert (
        decision.refused["Music"]
        == "named only in the body, score 3 is under 4.6 for a text of 13,835 characters (one for each 3,000)"
    )
    assert CULTURE.tags("A list", ["An album.", filler, "An album, an album."], 8) == (
        "Music",
    )  # named in the lead
    assert CULTURE.tags("A list", ["Intro.", "An album, an album, an album."], 8) == (
        "Music",
    )  # a short text


def test_an_alias_that_is_another_word_in_the_story_language_counts_for_nothing_there() -> None:
    taxonomy = build_taxonomy(
        {"War": Topic(("war", "ceasefire"), (), (), "security", (("de", "war"),))}
    )
    german = ["Es war ein langer Tag.", "Der Weg war weit, war steil und war nass."]
    assert taxonomy.tags("Ein Tag", german, 5, "de") == ()
    assert taxonomy.decide("Ein Tag", german, 5, "de").evidence == {}
    assert taxonomy.tags("Ein Tag", german, 5) == ("War",)  # language unknown: every alias counts
    assert taxonomy.tags("War ends", ["The war is over, and the ceasefire holds."], 5, "en") == (
        "War",
    )
    assert taxonomy.tags(
        "Krieg", ["Die Waffenruhe (ceasefire) hält.", "Ceasefire, ceasefire."], 5, "de"
    ) == ("War",)


def test_site_file_not_in_is_checked_and_merged(tmp_path: Path) -> None:
    (tmp_path / "topics.yaml").write_text("Music: {not_in: {de: [rock]}}\n", encoding="utf-8")
    taxonomy = load_taxonomy(tmp_path, ConvertConfig())
    assert ("de", "rock") in taxonomy.topics["Music"].not_in and ("fr", "tour") in taxonomy.topics[
        "Music"
    ].not_in
    (tmp_path / "topics.yaml").write_text(
        "Music: {not_in: [rock]}\nFilm: {not_in: {'': [cinema]}}\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as error:
        load_taxonomy(tmp_path, ConvertConfig())
    assert [(p.line, p.message) for p in error.value.problems] == [
        (1, "`not_in` of topic `Music` must map language codes to aliases, such as `{de: [war]}`."),
        (2, "`not_in` of topic `Film` needs language codes such as `de` or `fr` as keys."),
    ]


def test_a_topic_the_headline_names_is_never_a_minor_mention() -> None:
    story = [
        "The midfielder scored. Football, football, football.",
        "Football " * 12 + "and the West End.",
    ]
    assert CULTURE.tags("Album launch", story, 8) == (
        "Football",
        "Music",
    )  # Music: 3 against Football's 20
    assert (
        CULTURE.decide("Launch", story)
        .refused["Theatre"]
        .startswith("outside the story's main group")
    )


def test_groups_that_tie_for_the_highest_total_are_all_main() -> None:
    # Music (culture: the lead names it, 2) and Football (sport: two aliases in the body, 2) tie: both are main-group topics.
    decision = CULTURE.decide("News", ["An album.", "The midfielder said: football."])
    assert decision.groups == ("culture", "sport") and decision.group == "culture"
    assert decision.given == ("Football", "Music")
    # One more culture word, and sport is no longer main: Football at score 2 is outside it and refused.
    ahead = CULTURE.decide("News", ["An album.", "An album. The midfielder said: football."])
    assert ahead.groups == ("culture",) and ahead.given == ("Music",)
    assert ahead.refused["Football"].startswith("outside the story's main group (culture)")


def test_in_a_long_text_a_weak_mention_counts_half_toward_the_mentions_needed() -> None:
    filler = (
        "Words about nothing in particular go on here. " * 125
    )  # 5,750 characters: a score of 1.9 needed
    weak_only = [
        "Intro.",
        filler,
        "The single, the single, the band and the chart.",
    ]  # four weak mentions: 2
    assert CULTURE.tags("Review", weak_only, 8) == ("Music",)
    decision = CULTURE.decide(
        "Review", ["Intro.", filler, "The single and the band, the chart."]
    )  # three weak mentions: 1.5
    assert decision.given == ()
    assert decision.refused["Music"] == (
        "named only in the body, score 1.5 (a weak mention counting 0.5) is under 1.9 "
        "for a text of 5,791 characters (one for each 3,000)"
    )


def test_built_in_taxonomy_gives_music_technology_to_technology_and_ambiguous_words_are_weak(
    tmp_path: Path,
) -> None:
    taxonomy = load_taxonomy(tmp_path, ConvertConfig())
    # Music as what a device or service carries is technology, not the art.
    assert taxonomy.count("digital music on music players, online music and music downloads") == {
        "Music Downloads": 3,
        "Technology": 1,
    }
    assert taxonomy.count("mobile music for 3G") == {"Mobile Phones": 2}
    assert taxonomy.count("a new album and music") == {"Music": 2}
    # So is television or film as a screen, a network or a copy: TV sets, net TV, pirated films.
    assert taxonomy.count("TV sets, digital terrestrial, mobile TV, net TV and pirated films") == {
        "Technology": 2,
        "Mobile Phones": 1,
        "Internet": 1,
        "Music Downloads": 1,
    }
    assert taxonomy.count("a TV series and a new film") == {"Television": 1, "Film": 1}
    # A Bafta is given to films, television and games alike.
    assert "Bafta" in taxonomy.topics["Film"].weak
    # Ambiguous alone: goals are aims, Liverpool and Newcastle are cities, a novel approach is new.
    assert {"goal", "goals", "Liverpool", "Newcastle"} <= set(taxonomy.topics["Football"].weak)
    assert "novel" in taxonomy.topics["Books"].weak
    assert "Football" not in taxonomy.tags(
        "Blair stresses prosperity goals", ["The goal is growth, the minister said."], 5
    )
    assert "Books" not in taxonomy.tags(
        "A novel approach", ["Scientists tried a novel method on the novel virus."], 5
    )
