"""Headline lines: site names, labels such as "Exclusive:", capitals, and bylines."""

from __future__ import annotations

import re

_DOMAIN = re.compile(
    r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|news|info|co\.uk|co|uk|io|tv|fm|eu|de|fr|in|au|ca|ie|int)$",
    re.I,
)
_PRESS = re.compile(
    r"\b(?:news|times|post|press|herald|journal|tribune|gazette|telegraph|guardian|reuters|ap|afp|upi|agency|"
    r"daily|wire|tv|radio|media|chronicle|observer|independent|express|mirror|online|network|broadcasting|"
    r"bbc|cnn|nbc|abc|cbs|fox|sky|itv|npr|pbs|dpa|efe|xinhua|tass|ria|anadolu|kyodo|yonhap|al jazeera|bloomberg|"
    r"insider|magazine|weekly|review|report|today|courier|standard|sun|star|mail|bulletin|dispatch|monitor|"
    r"associated press|the hill|politico|axios|vox|wired|verge|techcrunch|engadget|forbes|fortune|economist|"
    r"diario|periódico|periodico|noticias|zeitung|nachrichten|kurier|rundschau|tageblatt|anzeiger|presse|"
    r"quotidien|gazzetta|corriere|giornale|jornal|notícias|krant|dagblad|avis|tidning)\b",
    re.I,
)
_LABEL = re.compile(
    r"^(?P<label>exclusive|breaking(?: news)?|update[d]?|watch|video|live|just in|developing)\s*[:|-]\s+(?P<rest>\S.*)$",
    re.I,
)
_BYLINE = re.compile(r"^by\s+(?P<rest>\S.{1,160})$", re.I)
_PLACE = re.compile(r"\s+in\s+[A-Z][\w'’. -]*$")
_ROLE = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|bureau|chief|senior|special|"
    r"freelance|producer|analyst|photographer)\b",
    re.I,
)
_NAME = re.compile(
    r"^(?:(?:dr|mr|mrs|ms|prof)\.?\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|al|el|bin|da|di|le|la))*$"
)
_SMALL = frozenset(
    "a an and as at but by for from in into nor of on or per the to vs via with".split()
)


def looks_like_site(name: str, known: frozenset[str]) -> bool:
    """True for a short name that reads as a publication: known, domain-like, or press-worded."""
    name = name.strip()
    if name in known or _DOMAIN.match(name):
        return True
    words = name.split()
    return (
        0 < len(words) <= 5
        and name[0].isupper()
        and bool(_PRESS.search(name))
        and not name.endswith((".", "?", "!"))
    )


def site_prefix(name: str, known: frozenset[str]) -> bool:
    """A "SITE: Headline" prefix: known, domain-like, or a press name written in capitals."""
    if name in known or _DOMAIN.match(name):
        return True
    return name.isupper() and len(name.split()) <= 4 and bool(_PRESS.search(name))


def is_story_label(text: str) -> bool:
    """'EXCLUSIVE', 'Breaking news', 'Live': a story label that may stand before ': Headline'."""
    return _LABEL.match(f"{text}: x") is not None


def strip_label(title: str) -> tuple[str, str | None]:
    """Split a story label such as "Exclusive:" off the headline; return (headline, Label)."""
    match = _LABEL.match(title)
    if not match:
        return title, None
    return match["rest"], match["label"].title()


def is_all_capitals(title: str) -> bool:
    """True for a headline written all in capitals (at least four letters): the one fix_capitals changes."""
    letters = [char for char in title if char.isalpha()]
    return (
        len(letters) >= 4
        and all(char.isupper() for char in letters if char.isascii())
        and not any(c.islower() for c in letters)
    )


def fix_capitals(title: str, acronyms: frozenset[str]) -> str:
    """Title-case a headline written all in capitals, keeping known acronyms."""
    if not is_all_capitals(title):
        return title
    words = title.split(" ")
    out = []
    for index, word in enumerate(words):
        core = word.strip("\"'“”‘’()[],.:;!?")
        if core in acronyms or (len(core) > 1 and "." in core):
            out.append(word)
        elif index and core.lower() in _SMALL:
            out.append(word.lower())
        else:
            out.append(_cap(word.lower()))
    return " ".join(out)


def _cap(word: str) -> str:
    """Upper-case the first letter of a word and of each hyphenated part."""
    return "-".join(part[:1].upper() + part[1:] if part else part for part in word.split("-"))


def parse_byline(line: str) -> tuple[str, str | None] | None:
    """Read "By Jane Doe, Staff Writer" or "By A and B | Agency": (author, agency) or None."""
    match = _BYLINE.match(line)
    if not match or len(line.split()) > 16:
        return None
    parts = [part.strip() for part in re.split(r"\s+[|·]\s+", match["rest"])]
    agency = parts[1] if len(parts) > 1 and not _ROLE.search(parts[1]) else None
    names: list[str] = []
    for piece in parts[0].split(","):
        piece = _PLACE.sub("", piece.strip())
        if _ROLE.search(piece) and names:
            break
        names.append(piece)
    people = [name for chunk in names for name in re.split(r"\s+(?:and|&)\s+", chunk)]
    if not all(_NAME.match(person) for person in people):
        return None
    return ", ".join(names), agency


_BY_WORDS = (
    "by",
    "written by",
    "posted by",
    "words by",
    "story by",
    "reporting by",
    "von",
    "text",
    "texto",
    "par",
    "por",
    "di",
    "door",
    "oleh",
    "penulis",
    "af",
    "av",
    "autor",
    "autore",
    "auteur",
    "автор",
    "авторы",
    "від",
    "tekst",
    "kirjoittanut",
    "napisał",
)
_BY_ANY = re.compile(
    r"^(?P<word>"
    + "|".join(sorted(map(re.escape, _BY_WORDS), key=len, reverse=True))
    + r")(?:\s*:\s*|\s+)(?P<rest>\S.{1,160})$",
    re.I,
)
_BY_ALONE = re.compile(r"^(?:" + "|".join(map(re.escape, _BY_WORDS)) + r")\s*:?$", re.I)
_PERSON = re.compile(
    r"^(?:(?:dr|mr|mrs|ms|prof|dott)\.?\s+)?[^\W\d_][\w'’.-]*"
    r"(?:\s+(?:[^\W\d_][\w'’.-]*|de|van|von|der|den|al|el|bin|da|di|du|le|la|y|e|zu))*$"
)
_JOIN = re.compile(r"\s+(?:and|&|und|et|y|e|en|и|і|ja|og|och|dan)\s+", re.I)
_MENU = frozenset(
    "home news menu search login log in sign in subscribe share comments comment print email facebook twitter "
    "linkedin whatsapp more follow newsletter advertisement anzeige werbung publicité publicidad politics sport "
    "sports business opinion video videos photos live contact about accueil inicio startseite".split()
)
_WINDOW = (8, 30)
"""Lines before and after the headline's body line searched for a byline."""


def _people(rest: str) -> tuple[str, str | None] | None:
    """Names (and agency) of the text after a byline word; None when it is not all names."""
    parts = [part.strip() for part in re.split(r"\s+[|·/•]\s+", rest)]
    agency = parts[1] if len(parts) > 1 and not _ROLE.search(parts[1]) else None
    names: list[str] = []
    for piece in parts[0].split(","):
        piece = _PLACE.sub("", piece.strip()).strip()
        if (_ROLE.search(piece) or not piece) and names:
            break
        names.append(piece)
    people = [name for chunk in names for name in _JOIN.split(chunk)]
    for person in people:
        words = person.split()
        if (
            not 1 <= len(words) <= 5
            or not _PERSON.match(person)
            or not words[0][0].isupper()
            or not all(w[0].isupper() or w.islower() and len(w) <= 3 for w in words)
        ):
            return None
        if (
            person.lower() in _MENU
            or any(w.lower() in _MENU for w in words[:1])
            and len(words) == 1
        ):
            return None
    agency = agency.strip(" -–|") if agency else None
    if agency is not None and (
        len(agency.split()) > 5 or agency.lower() in _MENU or re.search(r"\d", agency) or not agency
    ):
        agency = None
    return ", ".join(names), agency


def parse_bylines(
    lines: list[str], near: int, lang: str | None = None
) -> tuple[str, str | None, tuple[int, ...]] | None:
    """The first byline around line `near`: one line ('By Jane Doe', 'Von Max Muster') or two ('By' / 'Eric Yoder')."""
    del lang  # the byline words of all languages are tried: cheap, and a page may mix languages
    start, stop = max(0, near - _WINDOW[0]), min(len(lines), near + _WINDOW[1])
    for index in range(start, stop):
        line = lines[index]
        if not line or len(line) > 170:
            continue
        if _BY_ALONE.match(line):
            following = next(
                (n for n in range(index + 1, min(stop + 1, len(lines))) if lines[n]), None
            )
            if following is not None and (found := _people(lines[following])) is not None:
                return found[0], found[1], (index, following)
            continue
        match = _BY_ANY.match(line)
        if match and len(line.split()) <= 16 and (found := _people(match["rest"])) is not None:
            return found[0], found[1], (index,)
    return None
