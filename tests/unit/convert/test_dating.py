"""dating.find_date: each rule in several languages, on hand-written seeds."""

from __future__ import annotations

import datetime as dt

import pytest

from sitegen.convert.dating import find_date

STORY = {
    "en": "The council voted on Tuesday to extend the harbour wall, after two winters of flooding damaged homes along the front.",
    "de": "Der Gemeinderat hat am Dienstag beschlossen, die Hafenmauer zu verlängern, nachdem zwei Winter mit Hochwasser die Häuser beschädigt hatten.",
    "fr": "Le conseil municipal a voté mardi la prolongation de la digue du port, après deux hivers d'inondations qui ont endommagé les maisons.",
    "es": "El ayuntamiento votó el martes la ampliación del muro del puerto, después de dos inviernos de inundaciones que dañaron las casas.",
    "it": "Il consiglio comunale ha votato martedì il prolungamento del muro del porto, dopo due inverni di alluvioni che hanno danneggiato le case.",
    "ru": "Городской совет во вторник проголосовал за продление портовой стены после двух зим наводнений, которые повредили дома на набережной.",
}


def seed(lang: str, *head: str, tail: tuple[str, ...] = ()) -> list[str]:
    """Title line, blank, headline (line 2), the given head lines, story paragraphs, tail lines."""
    lines = ["Harbour wall to be extended | Example Post", "", "Harbour wall to be extended", ""]
    for item in head:
        lines += [item, ""]
    for _ in range(4):
        lines += [STORY[lang], ""]
    for item in tail:
        lines += [item, ""]
    return lines


def day(lines: list[str], lang: str, headline: int | None = 2, **kw) -> str | None:
    choice = find_date(lines, headline=headline, lang=lang, **kw)
    return choice.iso[:10] if choice.iso else None


@pytest.mark.parametrize(
    "lang, text, iso",
    [
        ("en", "July 9, 2020 at 6:40 PM EDT", "2020-07-09T18:40:00-04:00"),
        ("en", "Published 29th Oct 2023, 12:47 GMT", "2023-10-29T12:47:00+00:00"),
        ("de", "6. November 2023", "2023-11-06"),
        ("de", "Mittwoch, 8. März 2023, 14:30 Uhr", "2023-03-08T14:30:00"),
        ("fr", "2 nov. 2023", "2023-11-02"),
        ("fr", "Publié le 1er mars 2022 à 10h15", "2022-03-01T10:15:00"),
        ("es", "16.08.2020", "2020-08-16"),
        ("es", "29 de septiembre de 2020", "2020-09-29"),
        ("it", "02 Novembre 2023", "2023-11-02"),
        ("ru", "20 сентября 2020", "2020-09-20"),
        ("en", "2020-07-09T18:40:00+02:00", "2020-07-09T18:40:00+02:00"),
    ],
)
def test_written_forms_are_read(lang: str, text: str, iso: str) -> None:
    choice = find_date(seed(lang, text), headline=2, lang=lang)
    assert choice.iso == iso, choice.why


def test_cjk_date() -> None:
    lines = [
        "港の壁を延長へ｜例",
        "",
        "港の壁を延長へ",
        "",
        "2020年7月12日 10時00分",
        "",
        "市議会は火曜日、二度の冬の洪水で住宅が被害を受けたことを受けて、港の壁の延長を決めました。"
        * 2,
    ]
    assert find_date(lines, headline=2, lang="ja").iso[:10] == "2020-07-12"


@pytest.mark.parametrize(
    "lang, pub, upd",
    [
        ("en", "Published: 3 March 2021", "Updated: 5 March 2021"),
        ("de", "Veröffentlicht am 3. März 2021", "Aktualisiert am 5. März 2021"),
        ("fr", "Publié le 3 mars 2021", "Mis à jour le 5 mars 2021"),
        ("es", "Publicado el 3 de marzo de 2021", "Actualizado el 5 de marzo de 2021"),
    ],
)
def test_publication_label_beats_update(lang: str, pub: str, upd: str) -> None:
    choice = find_date(seed(lang, upd, pub), headline=2, lang=lang)
    assert choice.iso == "2021-03-03"
    assert any(c.rejected == "update stamp" for c in choice.candidates)


@pytest.mark.parametrize(
    "lang, pub, upd",
    [
        ("en", "Published: 27 October 2023", "Updated: 30 October 2023"),
        ("it", "Pubblicato il 27 ottobre 2023", "Aggiornato il 30 ottobre 2023"),
    ],
)
def test_labels_at_the_tail(lang: str, pub: str, upd: str) -> None:
    assert day(seed(lang, tail=(upd, pub)), lang) == "2023-10-27"


@pytest.mark.parametrize(
    "lang, upd",
    [("en", "Updated 1:16 PM EDT, Sun March 14, 2021"), ("de", "Aktualisiert: 14.03.2021")],
)
def test_an_update_stamp_alone_is_the_page_day(lang: str, upd: str) -> None:
    assert day(seed(lang, upd), lang) == "2021-03-14"


@pytest.mark.parametrize(
    "lang, stamp, later",
    [
        ("en", "By Jane Doe | May 4, 2022", "The 12 March 2019 report said the wall was too low."),
        (
            "de",
            "Von Anna Schmidt · 4. Mai 2022",
            "Der Bericht vom 12. März 2019 nannte die Mauer zu niedrig.",
        ),
        (
            "fr",
            "Par Jeanne Dupont, 4 mai 2022",
            "Le rapport du 12 mars 2019 jugeait la digue trop basse.",
        ),
    ],
)
def test_byline_date_beats_a_date_in_the_story(lang: str, stamp: str, later: str) -> None:
    lines = seed(lang, stamp)
    lines[8:8] = [later + " " + STORY[lang], ""]
    choice = find_date(lines, headline=2, lang=lang)
    assert choice.iso == "2022-05-04"
    assert any(
        "byline" in r for r in next(c for c in choice.candidates if c.iso == choice.iso).reasons
    )


@pytest.mark.parametrize(
    "lang, sentence",
    [
        (
            "en",
            "On 12 March 2019 the council first discussed the harbour wall and the cost of the works along the front.",
        ),
        (
            "fr",
            "Le 12 mars 2019, le conseil avait déjà discuté de la digue du port et du coût des travaux sur le front de mer.",
        ),
    ],
)
def test_a_date_only_in_the_story_text_is_no_date(lang: str, sentence: str) -> None:
    lines = seed(lang)
    lines[6:6] = [sentence, ""]
    choice = find_date(lines, headline=2, lang=lang)
    assert choice.iso is None and choice.why


@pytest.mark.parametrize(
    "lang, items",
    [
        (
            "en",
            [
                "Storm hits coast",
                "4 May 2022",
                "Ferry back in service",
                "1 May 2022",
                "New mayor sworn in",
                "28 April 2022",
            ],
        ),
        (
            "es",
            [
                "Tormenta en la costa",
                "4 de mayo de 2022",
                "Vuelve el ferry",
                "1 de mayo de 2022",
                "Nuevo alcalde",
                "28 de abril de 2022",
            ],
        ),
    ],
)
def test_dates_in_a_list_of_other_stories_are_passed_over(lang: str, items: list[str]) -> None:
    lines = seed(lang, tail=tuple(items))
    choice = find_date(lines, headline=None, lang=lang)
    assert choice.iso is None
    assert any(c.rejected == "in a list of other stories" for c in choice.candidates)


@pytest.mark.parametrize("lang, stamp", [("en", "May 4, 2031"), ("de", "4. Mai 2031")])
def test_a_day_after_today_is_rejected(lang: str, stamp: str) -> None:
    choice = find_date(seed(lang, stamp), headline=2, lang=lang, today=dt.date(2024, 1, 1))
    assert choice.iso is None
    assert choice.candidates[0].rejected == "in the future"


def test_an_embedded_post_date_is_not_the_page_date() -> None:
    lines = seed("en")
    lines[6:6] = [
        "What a night for the harbour! pic.twitter.com/abc",
        "",
        "— Harbour Fan (@harbourfan) May 3, 2022",
        "",
    ]
    choice = find_date(lines, headline=2, lang="en")
    assert choice.iso is None
    assert any(c.rejected == "date of an embedded post" for c in choice.candidates)


@pytest.mark.parametrize(
    "lang, lines_extra, want",
    [
        (
            "en",
            ["Comments closed 11/25/2022"],
            "2022-03-04",
        ),  # a day > 12 second: the page writes month first
        ("en", ["Comments closed 25/11/2022"], "2022-04-03"),  # a day > 12 first: day first
        ("de", [], "2022-04-03"),  # German writes day first
        ("fr", [], "2022-04-03"),
    ],
)
def test_numeric_order_from_the_page_and_the_language(
    lang: str, lines_extra: list[str], want: str
) -> None:
    assert day(seed(lang, "03/04/2022", tail=tuple(lines_extra)), lang) == want


def test_numeric_order_from_the_zone_and_from_month_names() -> None:
    assert day(seed("en", "By Jane Doe • 11/08/23 5:19pm EST"), "en") == "2023-11-08"
    assert day(seed("en", "By Jane Doe • 11/08/23 5:19pm GMT"), "en") == "2023-08-11"
    us = seed("en", "By Jane Doe • 11/08/23")
    us[8:8] = ["The fund opened on Nov. 7 and runs until February. " + STORY["en"], ""]
    assert day(us, "en") == "2023-11-08"
    assert day(seed("en", "11/08/23"), "en", day_first=False) == "2023-11-08"
    assert day(seed("en", "11/08/23"), "en", day_first=True) == "2023-08-11"


def test_old_shapes() -> None:
    bbc = [
        "Wednesday, November 30, 2005",
        "",
        "Police urge pub closure power | BBC News",
        "",
        "Police urge pub closure power",
        "",
        STORY["en"],
    ]
    assert find_date(bbc, headline=None, lang="en").iso == "2005-11-30"
    assert (
        find_date(
            ["date 2005-03-03 PlayStation 3 chip to be unveiled", "", STORY["en"]],
            headline=None,
            lang="en",
        ).iso
        == "2005-03-03"
    )


@pytest.mark.parametrize(
    "lang, stamp", [("en", "March 3, 2021"), ("de", "3. März 2021"), ("es", "3 de marzo de 2021")]
)
def test_headline_none_uses_the_title_line(lang: str, stamp: str) -> None:
    assert day(seed(lang, stamp), lang, headline=None) == "2021-03-03"


def test_reasons_and_why_are_stated() -> None:
    choice = find_date(seed("de", "Veröffentlicht am 3. März 2021"), headline=2, lang="de")
    best = next(c for c in choice.candidates if c.rejected is None)
    assert "label 'veröffentlicht'" in best.reasons and "line of its own" in best.reasons
    assert choice.why.startswith("line 5 ")  # 1-based in texts


@pytest.mark.parametrize(
    "lines",
    [[], [""], ["", "", ""], ["31.02.2020"], ["99/99/2020 2020-13-45"], ["\x00\ufffd 2020"]],
)
def test_odd_input_never_crashes(lines: list[str]) -> None:
    assert find_date(lines, headline=None, lang=None).iso is None
    assert find_date(lines, headline=None, lang="xx").iso is None


def test_an_unknown_language_falls_back_to_english() -> None:
    assert day(seed("en", "March 3, 2021"), "xx") == "2021-03-03"


@pytest.mark.parametrize(
    "lang, above, stamp",
    [
        ("en", "Advertisement", "2023-10-27"),
        ("de", "Anzeige", "27.10.2023"),
        ("fr", "Publicité", "27 octobre 2023"),
        ("es", "", "27 de octubre de 2023"),
    ],
)
@pytest.mark.parametrize("headline", [None, 0, 8])
def test_a_date_alone_at_the_top_of_the_page_is_taken(
    lang: str, above: str, stamp: str, headline: int | None
) -> None:
    """Title, furniture (or nothing), the date on its own line, furniture, headline, story."""
    lines = [
        "Harbour wall to be extended",
        "",
        above,
        "",
        stamp,
        "",
        "Share",
        "",
        "Harbour wall to be extended",
        "",
    ]
    lines += [STORY[lang], "", STORY[lang], ""]
    choice = find_date(lines, headline=headline, lang=lang)
    assert choice.iso == "2023-10-27", choice.why
    assert choice.why.startswith("line 5 ")


@pytest.mark.parametrize("lang, stamp", [("en", "March 3, 2021"), ("de", "3. März 2021")])
def test_a_date_below_a_paragraph_is_not_at_the_top(lang: str, stamp: str) -> None:
    lines = ["Harbour wall to be extended", "", STORY[lang], "", stamp, "", STORY[lang]]
    assert not any(
        "at the top of the page" in r
        for c in find_date(lines, headline=None, lang=lang).candidates
        for r in c.reasons
    )


@pytest.mark.parametrize(
    "lang, upd",
    [
        ("en", "Updated: 30 October 2023"),
        ("de", "Aktualisiert am 30. Oktober 2023"),
        ("fr", "Mis à jour le 30 octobre 2023"),
    ],
)
def test_an_update_stamp_on_the_first_line_is_the_page_day(lang: str, upd: str) -> None:
    lines = [upd, "", "Harbour wall to be extended", "", STORY[lang], "", STORY[lang]]
    choice = find_date(lines, headline=None, lang=lang)
    assert choice.iso == "2023-10-30", choice.why
    assert "the update stamp is the only day given" in choice.why


@pytest.mark.parametrize(
    "lang, sentence",
    [
        ("en", "On 12 March 2023 the plan was first proposed."),
        ("de", "Am 12. März 2023 wurde der Plan zum ersten Mal vorgestellt."),
        ("es", "El 12 de marzo de 2023 se presentó el plan por primera vez."),
    ],
)
def test_a_short_sentence_with_a_date_is_never_the_page_date(lang: str, sentence: str) -> None:
    lines = [
        "3 hours ago",
        "",
        "Harbour wall to be extended",
        "",
        sentence,
        "",
        STORY[lang],
        "",
        STORY[lang],
    ]
    for headline in (None, 2):
        choice = find_date(lines, headline=headline, lang=lang)
        assert choice.iso is None, choice.why
        assert any(c.rejected == "inside a sentence of the story" for c in choice.candidates)


def test_texts_name_lines_one_based() -> None:
    choice = find_date(seed("en", "May 4, 2022", "By Jane Doe, May 6, 2022"), headline=2, lang="en")
    assert choice.line == 4 and choice.why.startswith("line 5 ")  # index 4 is the fifth line
    assert any(c.rejected == "weaker than line 5" for c in choice.candidates)
    tie = find_date(seed("en", "May 4, 2022 May 6, 2022"), headline=2, lang="en")
    assert tie.iso is None and "line 5 'May 4, 2022' and line 5 'May 6, 2022'" in tie.why


@pytest.mark.parametrize(
    "lang, by, name, stamp",
    [
        ("en", "By", "Jane Doe", "* 04:30, 3 NOV 2023"),
        ("de", "Von", "Anna Schmidt", "3.11.2023"),
        ("fr", "Par", "Jeanne Dupont", "3 nov. 2023"),
    ],
)
def test_a_by_word_alone_above_the_name_is_a_byline(
    lang: str, by: str, name: str, stamp: str
) -> None:
    lines = seed(lang, STORY[lang], "\n".join(("Share", by, name, stamp)))
    lines = [part for line in lines for part in line.split("\n")]  # one row each, no blank between
    choice = find_date(lines, headline=2, lang=lang)
    assert choice.iso[:10] == "2023-11-03", choice.why
    assert "next to the byline" in choice.why


@pytest.mark.parametrize(
    "lang, row",
    [
        ("en", "3 November 2023 · 5 min read"),
        ("de", "3. November 2023 · 4 Min. Lesezeit"),
        ("fr", "3 novembre 2023 - 4 minutes de lecture"),
        ("it", "03 Novembre 2023 Aggiornato alle 16:58 1 minuti di lettura"),
    ],
)
def test_a_reading_time_marks_the_dateline_row(lang: str, row: str) -> None:
    lines = seed(lang, STORY[lang], row)
    choice = find_date(lines, headline=2, lang=lang)
    assert choice.iso[:10] == "2023-11-03", choice.why
    assert "with the reading time" in choice.why


@pytest.mark.parametrize(
    "lang, label", [("en", "Published"), ("de", "Veröffentlicht"), ("es", "Publicado")]
)
def test_a_label_a_few_short_lines_above_the_date(lang: str, label: str) -> None:
    lines = seed(lang, STORY[lang], label, "3 weeks ago", "on", "2023-10-17")
    choice = find_date(lines, headline=2, lang=lang)
    assert choice.iso == "2023-10-17" and f"label '{label.lower()}'" in choice.why


@pytest.mark.parametrize(
    "lang, title",
    [
        ("de", "Ein Park für den Norden : 06.11.2023, 11.41 Uhr"),
        ("en", "A park for the north | 6 November 2023"),
    ],
)
def test_a_date_as_a_part_of_the_title_line(lang: str, title: str) -> None:
    lines = [title, "", STORY[lang], "", STORY[lang]]
    choice = find_date(lines, headline=None, lang=lang)
    assert choice.iso[:10] == "2023-11-06", choice.why
    assert "a part of the <title> of its own" in choice.why
