"""Find a seed's publication date in the known date forms (hand-written, no dateparser)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_TIME = r"(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
_FORMS = [
    rf"{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}}){_ORD},?\s+(?P<year>\d{{4}})",
    rf"{_WEEKDAY}(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})",
    rf"(?P<year>\d{{4}})-(?P<nmonth>\d{{1,2}})-(?P<day>\d{{1,2}}){_TIME}",
    r"(?P<year>\d{4})/(?P<nmonth>\d{1,2})/(?P<day>\d{1,2})",
    r"(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<year>\d{4})",
]
_LABEL = r"(?:(?P<label>published|posted|updated|last updated|modified|date)(?:\s+on)?\s*:?\s*)?"
_NUMBERED = [re.sub(r"\(\?P<(\w+)>", rf"(?P<\g<1>{i}>", form) for i, form in enumerate(_FORMS)]
DATE_LINE = re.compile(rf"^{_LABEL}(?:{'|'.join(f'(?:{form})' for form in _NUMBERED)})\s*$", re.I)
HEADER_LINE = re.compile(r"^date\s+(?P<iso>\d{4}-\d{2}-\d{2})\s+(?P<rest>\S.*)$")
RELATIVE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|last updated)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:\d+|an?|one|a few)\s+(?:second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago|today|yesterday|just now)\.?$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date read from one line: ISO text and whether it is an update stamp."""

    iso: str
    updated: bool


def _ymd(groups: dict[str, str | None], day_first: bool) -> tuple[int, int, int]:
    """Year, month and day from the matched groups; numeric d/m by the day-first rule."""
    year = int(groups["year"])
    if groups.get("month"):
        month = _MONTHS[groups["month"].lower()[:3]]
        return year, month, int(groups["day"])
    if groups.get("nmonth"):
        return year, int(groups["nmonth"]), int(groups["day"])
    a, b = int(groups["a"]), int(groups["b"])
    if a > 12 or (day_first and b <= 12):
        return year, b, a
    return year, a, b


def _groups(match: re.Match[str]) -> dict[str, str | None]:
    """Merge the named groups of whichever alternative matched."""
    merged: dict[str, str | None] = {}
    for name, value in match.groupdict().items():
        if value is not None:
            merged[name.rstrip("0123456789")] = value
    return merged


def _zone(zone: str | None) -> str:
    """ISO offset text of a matched zone ('' when none was given)."""
    if not zone:
        return ""
    if zone.upper() in ("Z", "UTC", "GMT"):
        return "+00:00"
    digits = zone.replace(":", "")
    return f"{digits[:3]}:{digits[3:]}"


def parse_date_line(line: str, day_first: bool = True) -> FoundDate | None:
    """Read a line that is only a (labelled) date; None if it is anything else."""
    if not line or not line[0].isalnum() or len(line) > 60:
        return None
    match = DATE_LINE.match(line)
    if not match:
        return None
    groups = _groups(match)
    try:
        day = dt.date(*_ymd(groups, day_first))
    except ValueError:
        return None
    iso = day.isoformat()
    if groups.get("hour"):
        try:
            moment = dt.time(
                int(groups["hour"]), int(groups["minute"]), int(groups.get("second") or 0)
            )
        except ValueError:
            return None
        iso += f"T{moment.isoformat()}{_zone(groups.get('zone'))}"
    label = (groups.get("label") or "").lower()
    return FoundDate(iso, label in ("updated", "last updated", "modified"))
