"""Property test: dating.find_date never raises and only returns real, past days on arbitrary lines."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.convert.dating import find_date

MONTHS = [
    "January",
    "Sept.",
    "Oct",
    "December",
    "März",
    "Mai",
    "Dezember",
    "janvier",
    "août",
    "décembre",
    "enero",
    "marzo",
    "diciembre",
    "gennaio",
    "agosto",
    "outubro",
    "oktober",
    "januari",
    "tammikuuta",
    "января",
    "марта",
    "декабря",
    "березня",
    "грудня",
    "Januar",
    "1月",
    "12月",
    "31日",
    "2023年",
]
WORDS = [
    "Published:",
    "Updated",
    "Last updated",
    "Veröffentlicht am",
    "Publié le",
    "Publicado el",
    "Aggiornato",
    "опубликовано",
    "公開日",
    "发布时间",
    "By Jane Doe",
    "date",
    "—",
    "|",
    "·",
    "(@handle)",
    "Monday,",
    "Freitag,",
    "am",
    "le",
    "de",
    "of",
    "at",
    "um",
    "Uhr",
    "a.m.",
    "p.m.",
    "GMT",
    "UTC",
    "+02:00",
    "T",
    "Z",
]
PIECES = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=0, max_value=99999).map(str),
    st.sampled_from(
        [
            "/",
            ".",
            "-",
            ":",
            ",",
            " ",
            "  ",
            "T",
            "\t",
            "0",
            "00",
            "29",
            "30",
            "31",
            "32",
            "13",
            "2024",
        ]
    ),
    st.sampled_from(MONTHS),
    st.sampled_from(WORDS),
    st.sampled_from(
        ["\x00", "\x07", "\x1b", "\u200b", "\ufeff", "\u202e", "\r", "\x85", "\ud7ff", "\U0001f389"]
    ),
    st.from_regex(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}", fullmatch=True),
    st.from_regex(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?", fullmatch=True),
)
LINE = st.lists(PIECES, max_size=14).map(" ".join).map(str.strip)
LONG_LINE = st.tuples(LINE, st.integers(min_value=50, max_value=400)).map(
    lambda pair: (pair[0] + " ") * pair[1]
)
LINES = st.lists(st.one_of(LINE, LINE, LINE, st.just(""), LONG_LINE), max_size=30)
LANGS = st.sampled_from(
    [None, "en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "fi", "ja", "zh", "xx", ""]
)
TODAY = st.one_of(
    st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))
)


def _real_day(iso: str) -> dt.date:
    """The ISO string's day; raises if it is no real calendar day or the rest is no ISO time."""
    day = dt.date.fromisoformat(iso[:10])
    if len(iso) > 10:
        dt.datetime.fromisoformat(iso)
    return day


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=LINES, lang=LANGS, today=TODAY, day_first=st.booleans(), data=st.data())
def test_find_date_is_total_and_gives_real_past_days(
    lines: list[str], lang: str | None, today: dt.date | None, day_first: bool, data: st.DataObject
) -> None:
    headline = data.draw(
        st.one_of(st.none(), st.integers(min_value=0, max_value=max(len(lines) - 1, 0)))
    )
    choice = find_date(lines, headline=headline, lang=lang, today=today, day_first=day_first)
    assert isinstance(choice.why, str) and choice.why
    if choice.iso is None:
        assert choice.line is None
    else:
        day = _real_day(choice.iso)
        assert choice.line is not None and 0 <= choice.line < len(lines)
        if today is not None:
            assert day <= today
    for cand in choice.candidates:
        assert 0 <= cand.line < len(lines)
        _real_day(cand.iso)


@settings(max_examples=60, deadline=None)
@given(
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)),
    today=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)),
    label=st.sampled_from(
        ["Published:", "Updated:", "Last updated", "Aktualisiert am", "Mis à jour le", ""]
    ),
    lang=st.sampled_from(["en", "de", "fr"]),
    at_top=st.booleans(),
)
def test_a_stated_day_after_today_is_never_chosen(
    day: dt.date, today: dt.date, label: str, lang: str, at_top: bool
) -> None:
    """Labelled or not, update stamp or not, in the body or as the old top date line."""
    stated = f"{label} {day.isoformat()}".strip()
    top = [f"{day:%A, %B} {day.day}, {day.year}", ""] if at_top else []
    lines = [
        *top,
        "Harbour wall to be extended | Example Post",
        "",
        "Harbour wall to be extended",
        "",
        stated,
        "",
        "The council voted on Tuesday to extend the harbour wall after two winters of flooding.",
        "",
    ]
    choice = find_date(lines, headline=len(top) + 2, lang=lang, today=today)
    if choice.iso is not None:
        assert _real_day(choice.iso) <= today
