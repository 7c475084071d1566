"""A line that recurs across the stories of one source is its template: dropped, incrementally as in a clean run."""

from pathlib import Path

import pytest

from sitegen.config import ConvertConfig
from sitegen.convert.run import convert_seeds
from sitegen.convert.site_template import MIN_STORIES, SiteLines, line_key, templates

SITES = {
    "en": (
        "Harbour Gazette",
        "Your town, your paper, every day since 1901",
        "Published 3 March 2024",
        [
            (
                "Harbour bridge to close for repairs in spring",
                "The council said the harbour bridge will close for six weeks from March while engineers replace its worn bearings.",
                "Drivers will be sent along the ring road, which the council expects to add about ten minutes to most journeys.",
            ),
            (
                "New library opens its doors on Market Street",
                "The new library on Market Street opened on Saturday with a reading by the town's oldest author.",
                "It holds more than forty thousand books and has a room for children that is open every day of the week.",
            ),
            (
                "Fishing fleet reports its best season in a decade",
                "Skippers in the harbour say the autumn catch was the best they have landed for ten years.",
                "The co-operative that buys most of the fish said prices held up well, and it plans to hire more staff.",
            ),
            (
                "School choir wins the regional festival",
                "The choir of the primary school on Hill Road won first prize at the regional festival on Sunday.",
                "Its teacher said the children had practised every lunchtime since the summer and deserved the win.",
            ),
        ],
    ),
    "de": (
        "Hafenbote",
        "Ihre Stadt, Ihre Zeitung, jeden Tag seit 1901",
        "Veröffentlicht am 3. März 2024",
        [
            (
                "Hafenbrücke wird im Frühjahr gesperrt",
                "Die Stadt hat mitgeteilt, dass die Brücke am Hafen ab März für sechs Wochen gesperrt wird, weil die Lager erneuert werden.",
                "Der Verkehr wird über die Ringstraße geleitet, was nach Angaben der Stadt die meisten Fahrten um etwa zehn Minuten verlängert.",
            ),
            (
                "Neue Bibliothek in der Marktstraße eröffnet",
                "Die neue Bibliothek in der Marktstraße hat am Samstag mit einer Lesung der ältesten Autorin der Stadt eröffnet.",
                "Sie hat mehr als vierzigtausend Bücher und einen Raum für Kinder, der an jedem Tag der Woche geöffnet ist.",
            ),
            (
                "Fischer melden die beste Saison seit zehn Jahren",
                "Die Kapitäne im Hafen sagen, dass der Fang im Herbst der beste seit zehn Jahren gewesen sei.",
                "Die Genossenschaft, die den größten Teil des Fisches kauft, sagte, dass die Preise stabil geblieben seien und sie mehr Leute einstellen wolle.",
            ),
            (
                "Schulchor gewinnt das regionale Festival",
                "Der Chor der Grundschule in der Bergstraße hat am Sonntag den ersten Preis beim regionalen Festival gewonnen.",
                "Seine Lehrerin sagte, dass die Kinder seit dem Sommer jede Mittagspause geübt und den Sieg verdient hätten.",
            ),
        ],
    ),
}
SHARED = {
    "en": "The mayor was not available for comment when this story was published.",
    "de": "Der Bürgermeister war bis zum Erscheinen dieses Artikels nicht zu erreichen.",
}


def seed_text(lang: str, index: int) -> str:
    site, slogan, dateline, stories = SITES[lang]
    headline, first, second = stories[index]
    shared = (
        f"\n\n{SHARED[lang]}" if index < 2 else ""
    )  # a line of two stories only: theirs, not the site's
    return f"{headline} | {site}\n\n{headline}\n\n{dateline}\n\n{slogan}\n\n{first}\n\n{second}{shared}\n"


def write_seeds(site: Path, lang: str, indexes) -> None:
    (site / "seeds").mkdir(parents=True, exist_ok=True)
    for index in indexes:
        (site / "seeds" / f"{lang}-{index}.txt").write_text(
            seed_text(lang, index), encoding="utf-8"
        )


def convert(site: Path):
    return convert_seeds(site, site / "seeds", site / "content", ConvertConfig(), workers=1)


def bodies(site: Path) -> dict[str, str]:
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted((site / "content").glob("*.md"))
    }


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_line_on_every_story_of_a_source_goes_and_the_stories_stay(
    tmp_path: Path, lang: str
) -> None:
    write_seeds(tmp_path, lang, range(4))
    convert(tmp_path)
    site, slogan, _, stories = SITES[lang]
    texts = bodies(tmp_path)
    assert len(texts) == 4
    assert not any(slogan in text for text in texts.values())
    for _headline, first, second in stories:
        assert sum(first in text and second in text for text in texts.values()) == 1
    assert sum(SHARED[lang] in text for text in texts.values()) == 2  # in 2 of 4 stories: kept


@pytest.mark.parametrize("lang", ["en", "de"])
def test_fewer_stories_than_the_minimum_keep_the_line(tmp_path: Path, lang: str) -> None:
    write_seeds(tmp_path, lang, range(MIN_STORIES - 1))
    convert(tmp_path)
    assert all(SITES[lang][1] in text for text in bodies(tmp_path).values())


def test_seeds_added_later_give_what_a_clean_run_gives(tmp_path: Path) -> None:
    step, clean = tmp_path / "step", tmp_path / "clean"
    write_seeds(step, "en", range(2))
    convert(step)
    assert all(
        SITES["en"][1] in text for text in bodies(step).values()
    )  # two stories: no template yet
    write_seeds(step, "en", range(2, 4))
    report = convert(step)
    assert (
        report.converted == 4
    )  # the two new seeds, and the two older ones their template now changes
    write_seeds(clean, "en", range(4))
    convert(clean)
    assert bodies(step) == bodies(clean)
    (step / "seeds" / "en-3.txt").unlink()
    (step / "seeds" / "en-2.txt").unlink()
    convert(step)
    assert (
        sum(SITES["en"][1] in text for text in bodies(step).values()) == 2
    )  # the two left have their slogan again


def test_a_briefing_edited_by_hand_is_kept_when_the_template_changes(tmp_path: Path) -> None:
    write_seeds(tmp_path, "en", range(2))
    convert(tmp_path)
    edited = next((tmp_path / "content").glob("*harbour-bridge*.md"))
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("worn bearings", "worn-out bearings"),
        encoding="utf-8",
    )
    write_seeds(tmp_path, "en", range(2, 4))
    report = convert(tmp_path)
    assert "worn-out bearings" in edited.read_text(encoding="utf-8")
    assert any("edited by hand" in problem.message for problem in report.problems)


def test_each_story_counts_once_and_the_share_is_of_stories() -> None:
    def seed(story: str, *lines: str) -> SiteLines:
        keys = tuple(sorted(line_key(line) for line in lines))
        return SiteLines("Site", line_key(story), keys, keys)

    same_story = [seed("A", "menu"), seed("A", "menu"), seed("B", "menu")]
    assert templates(same_story) == {}  # two stories, however many seeds
    many = [seed(str(n), "menu", *(["rare"] if n < 3 else [])) for n in range(8)]
    found = templates(many)
    assert set(found["Site"].counts) == {line_key("menu")}  # "rare": in 3 of 8 stories, under half
    assert found["Site"].stories == 8 and found["Site"].counts[line_key("menu")] == 8
    assert (
        templates(
            [
                seed("A", "x"),
                seed("B", "x"),
                SiteLines("Other", line_key("C"), (line_key("x"),), ()),
            ]
        )
        == {}
    )


def test_explain_names_the_template_line_and_its_count(tmp_path: Path) -> None:
    from sitegen.convert.explain import explain_seed

    write_seeds(tmp_path, "en", range(4))
    convert(tmp_path)
    text, problems = explain_seed(tmp_path, tmp_path / "seeds" / "en-0.txt", ConvertConfig())
    assert not problems
    assert (
        f"template: '{SITES['en'][1]}' (line of Harbour Gazette's template: in 4 of its 4 stories)"
        in text
    )
