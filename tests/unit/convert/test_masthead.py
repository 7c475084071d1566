"""Headline, site name and byline of a seed (sitegen.convert.masthead), each rule in several languages."""

import pytest

from sitegen.convert.headline import fix_capitals
from sitegen.convert.masthead import find_byline, find_headline, seed_acronyms, segments


def seed(title: str, *body: str) -> list[str]:
    """A seed as the converter sees it: the <title> line, a blank line, then the body lines."""
    lines = [title, ""]
    for line in body:
        lines += [line, ""]
    return lines


MENU = ("Home", "World", "Sport", "Weather", "Subscribe")
STORY = "The council voted late on Tuesday after a long debate about the money it would cost."


@pytest.mark.parametrize(
    "title, h1, headline, site",
    [
        (
            "Bridge reopens after repairs | The Valley Courier",
            "Bridge reopens after repairs",
            "Bridge reopens after repairs",
            "The Valley Courier",
        ),
        (
            "Brücke nach Reparatur wieder offen – Talbote",
            "Brücke nach Reparatur wieder offen",
            "Brücke nach Reparatur wieder offen",
            "Talbote",
        ),
        (
            "Le pont rouvre après des travaux - Le Courrier du Val",
            "Le pont rouvre après des travaux",
            "Le pont rouvre après des travaux",
            "Le Courrier du Val",
        ),
        (
            "El puente reabre tras las obras · Diario del Valle",
            "El puente reabre tras las obras",
            "El puente reabre tras las obras",
            "Diario del Valle",
        ),
    ],
)
def test_the_segment_the_body_repeats_is_the_headline(title, h1, headline, site) -> None:
    found = find_headline(seed(title, *MENU, h1, STORY))
    assert (found.title, found.source) == (headline, site)
    assert found.body_line == seed(title, *MENU, h1, STORY).index(h1)


@pytest.mark.parametrize(
    "title, h1",
    [
        (
            "Olympia 2030 - Zwei neue Fälle im Team | Sportblatt",
            "Olympia 2030 - Zwei neue Fälle im Team",
        ),
        (
            "Tormenta: lluvias y vientos fuertes en la costa | Diario del Valle",
            "Tormenta: lluvias y vientos fuertes en la costa",
        ),
        (
            "Grève : les trains à l'arrêt jeudi - Le Courrier du Val",
            "Grève : les trains à l'arrêt jeudi",
        ),
    ],
)
def test_a_headline_with_its_own_dash_or_colon_stays_whole(title, h1) -> None:
    assert find_headline(seed(title, h1, STORY)).title == h1


@pytest.mark.parametrize(
    "title, headline, site",
    [
        (
            "Second bridge closes for repairs - News - The Valley Courier - Springfield, OR",
            "Second bridge closes for repairs",
            "The Valley Courier",
        ),
        (
            "¿Ha vuelto el calor a la costa? | Ciencia | DIARIO DEL VALLE",
            "¿Ha vuelto el calor a la costa?",
            "DIARIO DEL VALLE",
        ),
        (
            "Мост снова открыт после ремонта | Город | Новости | Вечерний Вестник",
            "Мост снова открыт после ремонта",
            "Вечерний Вестник",
        ),
    ],
)
def test_section_labels_next_to_the_site_are_dropped(title, headline, site) -> None:
    found = find_headline(seed(title, *MENU, headline, STORY))
    assert (found.title, found.source) == (headline, site)


@pytest.mark.parametrize(
    "title, headline, copyright_line, site",
    [
        (
            "Talbote: Lokales: Brücke wieder offen",
            "Brücke wieder offen",
            "© 2023 Talbote",
            "Talbote",
        ),
        (
            "Courrier du Val - Le pont rouvre après des travaux",
            "Le pont rouvre après des travaux",
            "© Courrier du Val 2022",
            "Courrier du Val",
        ),
    ],
)
def test_a_site_before_the_headline_needs_the_seed_to_name_it(
    title, headline, copyright_line, site
) -> None:
    found = find_headline(seed(title, headline, STORY, copyright_line))
    assert (found.title, found.source) == (headline, site)
    assert any("copyright" in reason for reason in found.reasons)


@pytest.mark.parametrize(
    "title, h1",
    [
        (
            "Council approves new bridge budget | The Valley Courier",
            "Council approves new bridge budget after long debate",
        ),
        (
            "Le conseil approuve le budget du pont - Le Courrier du Val",
            "Le conseil municipal approuve le budget du nouveau pont",
        ),
        (
            "Stadtrat billigt Geld für die neue Brücke | Talbote",
            "Stadtrat billigt nach langer Debatte Geld für die neue Brücke",
        ),
    ],
)
def test_a_body_h1_close_to_the_title_segment_is_preferred(title, h1) -> None:
    lines = seed(title, *MENU, h1, STORY)
    found = find_headline(lines)
    assert found.title == h1 and found.body_line == lines.index(h1)


def test_the_lede_is_never_taken_for_the_h1() -> None:
    lines = seed(
        "Council approves new bridge budget",
        "The council approves the new bridge budget after a long debate.",
    )
    found = find_headline(lines)
    assert found.title == "Council approves new bridge budget" and found.body_line is None


@pytest.mark.parametrize(
    "title, headline, site",
    [
        ("Rates rise again - The Morning Post", "Rates rise again", "The Morning Post"),
        ("Zinsen steigen erneut | Talbote", "Zinsen steigen erneut", "Talbote"),
        ("Farrell saga to drag on - Lindsay", "Farrell saga to drag on - Lindsay", None),
        ("Profile: David Miliband", "Profile: David Miliband", None),
        ("Les taux montent encore - lecourrier.fr", "Les taux montent encore", "lecourrier.fr"),
    ],
)
def test_without_a_body_repeat_the_shape_decides(title, headline, site) -> None:
    found = find_headline(seed(title, STORY))
    assert (found.title, found.source) == (headline, site)


def test_bbc_shapes_keep_working() -> None:
    dated = [
        "Wednesday, November 30, 2005",
        "",
        "Police urge pub closure power | BBC News",
        "",
        "Police urge pub closure power",
        "",
        STORY,
    ]
    found = find_headline(dated)
    assert (found.title, found.source, found.title_line, found.body_line) == (
        "Police urge pub closure power",
        "BBC News",
        2,
        4,
    )
    header = [
        "date 2005-03-03 PlayStation 3 chip to be unveiled",
        "",
        "Details of the chip will be released on Monday.",
    ]
    found = find_headline(header)
    assert (found.title, found.source) == ("PlayStation 3 chip to be unveiled", None)


@pytest.mark.parametrize(
    "title, h1, site",
    [
        ("新しい橋が開通しました｜バレー新聞", "新しい橋が開通しました", "バレー新聞"),
        ("新桥正式通车-山谷日报", "新桥正式通车", "山谷日报"),
        ("پل جدید بازگشایی شد | روزنامه دره", "پل جدید بازگشایی شد", "روزنامه دره"),
    ],
)
def test_non_latin_titles(title, h1, site) -> None:
    found = find_headline(seed(title, h1, "第一段的文字很长，讲述了这座桥的故事。"))
    assert (found.title, found.source) == (h1, site)


@pytest.mark.parametrize(
    "title, prose, fixed",
    [
        (
            "UN AND EU AGREE ON A BRIDGE PLAN | The Valley Courier",
            "The UN and the EU agreed on Tuesday to pay for the bridge across the river valley, officials said.",
            "UN and EU Agree on a Bridge Plan",
        ),
        (
            "DIE EU UND DIE UNO EINIGEN SICH | Talbote",
            "Die EU und die UNO haben sich am Dienstag auf den Bau der neuen Brücke über das Tal geeinigt.",
            "Die EU Und Die UNO Einigen Sich",
        ),
    ],
)
def test_capitals_are_kept_as_written_and_the_seed_names_its_acronyms(title, prose, fixed) -> None:
    headline = title.split(" | ")[0]
    lines = seed(title, headline, prose)
    found = find_headline(lines)
    assert found.title == headline  # the converter title-cases it, with the taxonomy's acronyms too
    assert {"EU"} <= seed_acronyms(lines)
    assert fix_capitals(found.title, seed_acronyms(lines)) == fixed


@pytest.mark.parametrize(
    "head, headline",
    [
        ("Advertisement", "Town hall reopens"),
        ("Share this article", "Town hall reopens"),
        ("3 hours ago", "Town hall reopens"),
        ("vor 3 Stunden", "Rathaus öffnet wieder"),
        ("il y a 3 heures", "La mairie rouvre ses portes"),
        ("hace 3 horas", "El ayuntamiento reabre"),
    ],
)
def test_the_title_line_skips_furniture_and_relative_dates(head, headline) -> None:
    found = find_headline([head, "", "2023-10-27", "", headline, "", STORY])
    assert (found.title, found.title_line) == (headline, 4)


@pytest.mark.parametrize(
    "title, h1, site",
    [
        (
            "Short tag line | Wire Today",
            "Short tag line, the real and longer headline",
            "Wire Today",
        ),
        ("Neue Brücke | Talbote", "Neue Brücke: der Bau beginnt im Frühjahr am Fluss", "Talbote"),
        (
            "Le pont rouvre | Le Courrier du Val",
            "Le pont rouvre, après deux ans de travaux",
            "Le Courrier du Val",
        ),
    ],
)
def test_a_longer_headline_under_the_title_is_the_real_one(title, h1, site) -> None:
    found = find_headline(seed(title, h1, STORY))
    assert (found.title, found.source) == (h1, site)


def test_a_sentence_that_starts_with_the_title_is_not_the_headline() -> None:
    found = find_headline(
        seed(
            "Short tag line | Wire Today", "Short tag line, said the mayor, is what we want.", STORY
        )
    )
    assert found.title == "Short tag line"


@pytest.mark.parametrize(
    "title, headline, site",
    [
        ("REUTERS: Markets rally on rate hopes", "Markets rally on rate hopes", "REUTERS"),
        ("AP NEWS: Brücke wird neu gebaut", "Brücke wird neu gebaut", "AP NEWS"),
        (
            "EL DIARIO: El puente reabre tras las obras",
            "El puente reabre tras las obras",
            "EL DIARIO",
        ),
    ],
)
def test_a_press_name_in_capitals_before_a_colon_is_the_site(title, headline, site) -> None:
    found = find_headline(["2023-10-27", "", title, "", STORY])
    assert (found.title, found.source) == (headline, site)


@pytest.mark.parametrize(
    "title", ["EXCLUSIVE: Markets rally on rate hopes", "Mayor: We will rebuild the bridge"]
)
def test_a_label_or_speaker_before_a_colon_is_no_site(title) -> None:
    assert find_headline(["2023-10-27", "", title, "", STORY]).source is None


def test_segments_split_at_every_separator_kind() -> None:
    texts = [part.text for part in segments("A b | C d - E f – G h — I j : K l: M n · O p » Q r")]
    assert texts == ["A b", "C d", "E f", "G h", "I j", "K l", "M n", "O p", "Q r"]


def test_empty_and_odd_input_never_crash() -> None:
    assert find_headline([]).title == ""
    assert find_headline([""]).title == ""
    assert find_headline(["|", "", "- -"]).source is None
    assert find_byline([], 0) == find_byline(["By"], 0)


@pytest.mark.parametrize(
    "lines, author",
    [
        (["Headline", "", "By Jane Doe, Staff Writer", "", STORY], "Jane Doe"),
        (["Headline", "", "By", "", "Eric Yoder", "", STORY], "Eric Yoder"),
        (
            ["Schlagzeile", "", "Von Max Muster und Erika Beispiel", "", STORY],
            "Max Muster und Erika Beispiel",
        ),
        (["Titre", "", "Par Jeanne Dupont", "", STORY], "Jeanne Dupont"),
        (["Titular", "", "Por Ana García", "", STORY], "Ana García"),
        (["Titolo", "", "Di Marco Rossi", "", STORY], "Marco Rossi"),
        (["Kop", "", "Door Jan de Vries", "", STORY], "Jan de Vries"),
        (["Judul", "", "Oleh Budi Santoso", "", STORY], "Budi Santoso"),
        (["Заголовок", "", "Автор: Иван Петров", "", STORY], "Иван Петров"),
    ],
)
def test_bylines_in_many_languages(lines, author) -> None:
    found = find_byline(lines, 0)
    assert found.author == author
    assert all(lines[n] for n in found.lines)


def test_the_byline_agency_and_lines() -> None:
    found = find_byline(["Headline", "", "By Jane Doe | Reuters", "", STORY], 0)
    assert (found.author, found.agency, found.lines) == ("Jane Doe", "Reuters", (2,))


@pytest.mark.parametrize(
    "lines",
    [
        ["Headline", "", "By", "", "Home", "", STORY],
        ["Headline", "", "By the end of the year prices rose", "", STORY],
        ["Schlagzeile", "", "Von", "", "Startseite", "", STORY],
        ["Titre", "", "Par ailleurs, la ville a voté.", "", STORY],
    ],
)
def test_furniture_is_never_the_author(lines) -> None:
    assert find_byline(lines, 0).author is None


@pytest.mark.parametrize(
    "text",
    ["  | Bridge `reopens`\t after  repairs |", "Le pont rouvre", "ÉTÉ — “Brücke”", "||", ""],
)
def test_the_cheap_tests_agree_with_the_matching_form(text) -> None:
    from sitegen.convert.sitename import may_be_copyright
    from sitegen.convert.titleparts import first_folded, key, squash_key

    first = first_folded(text)
    assert first is None or first == key(text)[:1]
    assert squash_key(key(text)) == "".join(char for char in key(text) if char.isalnum())
    assert (
        may_be_copyright(text + " © 2024")
        and may_be_copyright("COPYRİGHT 2024")
        and may_be_copyright("Tous droits réservés")
    )
    assert not may_be_copyright(text)


@pytest.mark.parametrize(
    "title, headline",
    [
        ("El puente reabre tras las obras - La Ciudad", "El puente reabre tras las obras"),
        ("Brücke nach Reparatur wieder offen - Lokales", "Brücke nach Reparatur wieder offen"),
        ("Le pont rouvre après des travaux - Ville", "Le pont rouvre après des travaux"),
        ("Il ponte riapre dopo i lavori - Cronaca", "Il ponte riapre dopo i lavori"),
    ],
)
def test_a_local_news_section_is_not_the_site(title, headline) -> None:
    found = find_headline(seed(title, headline, STORY))
    assert (found.title, found.source) == (headline, None)


@pytest.mark.parametrize(
    "title, headline, footer, site",
    [
        (
            "El puente reabre tras las obras - La Región",
            "El puente reabre tras las obras",
            "© 2024 La Región. Todos los derechos reservados.",
            "La Región",
        ),
        (
            "Bridge reopens after repairs | Metro",
            "Bridge reopens after repairs",
            "Read more at metro.co.uk",
            "Metro",
        ),
    ],
)
def test_a_paper_named_like_a_section_is_the_site_when_the_seed_says_so(
    title, headline, footer, site
) -> None:
    found = find_headline(seed(title, headline, STORY, footer))
    assert (found.title, found.source) == (headline, site)
