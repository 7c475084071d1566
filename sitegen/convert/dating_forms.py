"""Date spans in seed lines: a cheap regex pre-filter from dateparser's locale data, then dateparser.

`find_spans` finds text that looks like a full date (day, month, year; optional weekday, time,
zone); `parse_span` reads one span with dateparser (imported lazily, results cached).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_PREFILTER = re.compile(r"(?:19|20)\d\d|\d[./-] ?\d{1,2}[./-] ?\d\d|年")
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th|er|e|º|ª|°)?\.?"
_ZONE = r"(?:\s*\(?(?-i:[A-Z]{1,4}T|UTC|WIB|WITA|MEZ|MESZ)\b\)?(?:[+-]\d{1,2}(?::?\d\d)?)?|\s*[+-]\d\d:?\d\d)?"
_TIME = (
    r"(?P<time>(?:\s*[,|·•/–—-]?\s*(?:at|um|à|a las|alle|às|klo|pukul|om|в|о|kl\.?)?\s*)"
    r"[0-2]?\d[:h.][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?\s?m\.?)?(?:\s*uhr)?" + _ZONE + r")?"
)
_ISO = (
    r"(?P<iso>"
    + _YEAR
    + r"-[01]?\d-[0-3]?\d)(?P<isotime>[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?"
    r"(?:Z|[+-]\d\d:?\d\d)?)?(?![\d:])"
)
_NUMERIC = (
    r"(?<![\d.,/-])(?P<a>[0-3]?\d)(?P<sep>[./-]) ?(?P<b>[0-3]?\d)(?P=sep) ?(?P<y>"
    + _YEAR
    + r"|\d\d)(?![\d]|[./-]\d)"
)
_YMD = r"(?<![\d.])" + _YEAR + r"/[01]?\d/[0-3]?\d(?!\d)"
_CJK = _YEAR + r"\s*年\s*[01]?\d\s*月\s*[0-3]?\d\s*日"


@dataclass(frozen=True)
class DateSpan:
    """Text that looks like a date: line index, character range, and which form matched."""

    line: int
    start: int
    end: int
    text: str
    form: str  # "named", "iso", "numeric", "ymd", "cjk"
    has_time: bool
    a: int = 0  # numeric form: first and second number as written
    b: int = 0


@lru_cache(maxsize=64)
def _known(lang: str | None) -> bool:
    """Whether dateparser has locale data for the language code."""
    from dateparser.languages.loader import default_loader  # lazy: heavy import

    try:
        return bool(lang) and bool(default_loader.get_locale_map(languages=[lang]))
    except ValueError:
        return False


def _languages(lang: str | None) -> tuple[str, ...]:
    """The seed's language (when dateparser knows it) and English."""
    return (lang, "en") if lang and lang != "en" and _known(lang) else ("en",)


@lru_cache(maxsize=64)
def _words(lang: str | None, key_set: str) -> tuple[str, ...]:
    """Month or weekday names for the seed's language and English, from dateparser's locales."""
    from dateparser.languages.loader import default_loader

    keys = (
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
        if key_set == "months"
        else ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
    words: set[str] = set()
    for code in _languages(lang):
        info = default_loader.get_locale(code).info
        for key in keys:
            words.update(w.lower() for w in info.get(key, []) if len(w) > 1 and not w[0].isdigit())
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=64)
def _pattern(lang: str | None) -> re.Pattern[str]:
    """The span regex for one language: named-month, ISO, numeric and CJK forms."""
    mon = "(?:" + "|".join(re.escape(w) for w in _words(lang, "months")) + r")\.?"
    wday = r"(?:(?:" + "|".join(re.escape(w) for w in _words(lang, "weekdays")) + r")\.?,?\s+)?"
    dmy = rf"{_DAY}\s*(?:de\s+|of\s+)?{mon}(?:\s*,?\s*(?:de[l]?\s+)?){_YEAR}"
    mdy = rf"{mon}\s*{_DAY},?\s+{_YEAR}"
    named = rf"(?P<named>(?:(?<![\w.]){wday})?(?:(?<![\d.]){dmy}|(?<![\w.]){mdy}))(?!\d)"
    return re.compile(
        rf"(?:{named}|{_ISO}|(?P<ymd>{_YMD})|(?P<cjk>{_CJK})|(?P<num>{_NUMERIC})){_TIME}", re.I
    )


def find_spans(lines: list[str], lang: str | None) -> list[DateSpan]:
    """Every date-like span in the lines (the pre-filter skips lines with no year-like digits)."""
    pattern = None
    spans = []
    for index, line in enumerate(lines):
        if not line or not _PREFILTER.search(line):
            continue
        pattern = pattern or _pattern(lang)
        for m in pattern.finditer(line):
            form = next(k for k in ("named", "iso", "ymd", "cjk", "num") if m.group(k))
            has_time = bool(m.group("time") or m.group("isotime"))
            a, b = (int(m.group("a")), int(m.group("b"))) if form == "num" else (0, 0)
            text = m.group(0).strip(" ,|·•–—-")
            start = m.start() + m.group(0).index(text)
            spans.append(
                DateSpan(
                    index,
                    start,
                    start + len(text),
                    text,
                    "numeric" if form == "num" else form,
                    has_time,
                    a,
                    b,
                )
            )
    return spans


# Zones that tell how an English page writes numeric dates (US month first; UK, IE, AU, IN day first).
_ZONE_ORDER = {
    **dict.fromkeys(
        ("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT", "CT"), "MDY"
    ),
    **dict.fromkeys(("GMT", "BST", "IST", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT"), "DMY"),
}


@lru_cache(maxsize=64)
def _named_order_pattern(lang: str | None) -> re.Pattern[str]:
    """'Nov. 7' (month first) or '7 Nov' (day first), with or without a year."""
    mon = "(?:" + "|".join(re.escape(w) for w in _words(lang, "months")) + ")"
    return re.compile(
        rf"(?<![\w.])(?:(?P<md>{mon}\.?\s+[0-3]?\d(?:st|nd|rd|th)?(?![\d:]))"
        rf"|(?P<dm>[0-3]?\d(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{mon})(?![\w]))",
        re.I,
    )


def _named_order(lines: list[str], lang: str | None) -> str | None:
    """How the seed writes dates with month names: 'MDY' (Nov. 7) or 'DMY' (7 Nov), if one wins."""
    pattern = _named_order_pattern(lang)
    md = dm = 0
    for line in lines:
        if any(ch.isdigit() for ch in line):
            for m in pattern.finditer(line):
                md, dm = md + bool(m.group("md")), dm + bool(m.group("dm"))
    if md == dm:
        return None
    return "MDY" if md > dm else "DMY"


def numeric_order(
    spans: list[DateSpan], lines: list[str], lang: str | None, day_first: bool
) -> str:
    """'DMY' or 'MDY' for numeric dates: the seed's unambiguous numeric dates, how it writes month
    names (English only: en-US and en-GB differ), the language's order, else the config."""
    ambiguous = [s for s in spans if s.form == "numeric" and s.a <= 12 and s.b <= 12 and s.a != s.b]
    if not ambiguous:
        return "DMY" if day_first else "MDY"
    day_firsts = sum(1 for s in spans if s.form == "numeric" and s.a > 12 >= s.b)
    month_firsts = sum(1 for s in spans if s.form == "numeric" and s.b > 12 >= s.a)
    if day_firsts != month_firsts and (day_firsts == 0 or month_firsts == 0):
        return "DMY" if day_firsts else "MDY"
    if lang in (None, "en"):
        zoned = {
            _ZONE_ORDER.get(z) for s in ambiguous for z in re.findall(r"\b[A-Z]{2,4}\b", s.text)
        } - {None}
        if len(zoned) == 1:
            return zoned.pop()
        named = _named_order(lines, lang)
        if named:
            return named
    if lang and lang != "en":
        from dateparser.languages.loader import default_loader

        if _known(lang):
            order = default_loader.get_locale(lang).info.get("date_order", "")
            if order in ("DMY", "MDY"):
                return order
    return "DMY" if day_first else "MDY"


def parse_span(span: DateSpan, lang: str | None, order: str) -> str | None:
    """ISO text of the span read by dateparser: the day, plus the time (and zone) when written."""
    if span.form == "numeric":
        order = "DMY" if span.a > 12 else "MDY" if span.b > 12 else order
    else:
        order = "YMD" if span.form in ("iso", "ymd", "cjk") else "DMY"
    return _parse(span.text, _languages(lang), order, span.has_time)


@lru_cache(maxsize=4096)
def _parse(text: str, languages: tuple[str, ...], order: str, has_time: bool) -> str | None:
    import dateparser  # lazy: heavy import

    try:
        moment = dateparser.parse(
            text,
            languages=list(languages),
            settings={
                "REQUIRE_PARTS": ["day", "month", "year"],
                "DATE_ORDER": order,
                "PREFER_LOCALE_DATE_ORDER": False,
            },
        )
    except Exception:  # dateparser raises many kinds on odd text; a span it cannot read is no date
        return None
    if moment is None or str(moment.year) not in text and f"{moment.year % 100:02d}" not in text:
        return None
    return moment.isoformat(timespec="seconds") if has_time else moment.date().isoformat()
