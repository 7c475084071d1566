"""Legacy encodings of seeds that are not UTF-8: byte-order-free UTF-16 and the single-byte code pages.

A single-byte code page decodes any bytes, so the question is which decoding reads as real text.
Each candidate's text is scored by what real text does not have: symbols or control characters
inside words, a capital letter after a small one (`ódŸ`), Latin and Cyrillic letters in one word,
and letters outside the alphabet of any one language. The candidate with the fewest wins; on a
tie, the earlier in CODE_PAGES (Western first, then Central European, then Cyrillic).
"""

from __future__ import annotations

import re
import unicodedata

CODE_PAGES = ("cp1252", "cp1250", "cp1251", "iso8859_2", "koi8_r", "latin_1")
"""The code pages tried, in order of preference; latin_1 decodes any bytes, so one always fits."""

_ALPHABETS = tuple(
    frozenset(letters)
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöüß",  # German
        "áéíóúñü",  # Spanish
        "áâãàçéêíóôõú",  # Portuguese
        "àèéìíîòóù",  # Italian
        "àçèéíïòóú",  # Catalan
        "áéëíïóöúü",  # Dutch
        "æøåéó",  # Danish, Norwegian
        "åäöé",  # Swedish, Finnish
        "áðéíóúýþæö",  # Icelandic
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "áéíóöőúüű",  # Hungarian
        "čćđšžäöü",  # Slovene, Croatian, Bosnian (and German names)
        "ăâîşţșț",  # Romanian
        "".join(map(chr, range(0x400, 0x530))),  # Cyrillic
    )
)
"""Lower-case letters beyond ASCII of the languages these code pages are made for."""

_WORDS = re.compile(r"\S*[^\x00-\x7f]\S*")
"""Whitespace-separated words with a character beyond ASCII: only these tell code pages apart."""


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u052f"


def _oddities(word: str, letters: list[str]) -> int:
    """What in one word real text does not have; its letters beyond ASCII go to `letters`."""
    odd = 0
    latin = cyrillic = 0
    previous = " "
    for index, char in enumerate(word):
        if char.isalpha():
            if char.isascii():
                latin += 1
            else:
                letters.append(char.lower())
                if _is_cyrillic(char):
                    cyrillic += 1
                else:
                    latin += 1
                if char.isupper() and previous.islower():
                    odd += 1
        elif not char.isascii():
            kind = unicodedata.category(char)
            if kind[0] == "C":  # control, unassigned, private use
                odd += 1
            elif kind[0] == "S" and (previous.isalpha() or word[index + 1 : index + 2].isalpha()):
                odd += 1  # a symbol touching a letter: `£ód`, `±ci`
        previous = char
    return odd + min(latin, cyrillic)


def oddness(text: str) -> int:
    """How unlike real text `text` reads (0: nothing odd); see the module's docstring."""
    odd = 0
    letters: list[str] = []
    for match in _WORDS.finditer(text):
        odd += _oddities(match.group(), letters)
    if letters:
        odd += len(letters) - max(
            sum(letter in alphabet for letter in letters) for alphabet in _ALPHABETS
        )
    return odd


def best_code_page(data: bytes) -> tuple[str, str]:
    """The code page whose decoding of `data` reads most like real text, and that text."""
    best: tuple[int, str, str] | None = None
    for code_page in CODE_PAGES:
        try:
            text = data.decode(code_page)
        except UnicodeDecodeError:
            continue
        score = oddness(text)
        if best is None or score < best[0]:
            best = (score, code_page, text)
            if score == 0:
                break
    assert best is not None  # latin_1 decodes any bytes
    return best[1], best[2]


def utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 bytes without a byte-order mark, or None when they are not.

    Text in UTF-16 has NULs at every other byte (the high byte of ASCII characters); which
    half they fall in tells the byte order. The text must decode strictly and hold no control
    character other than line ends and tabs, which random bytes read as UTF-16 always do.
    """
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    orders = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    for order in orders:
        try:
            text = data.decode(order)
        except UnicodeDecodeError:
            continue
        if not any(
            unicodedata.category(char) in ("Cc", "Cs", "Cn") and char not in "\n\r\t\f"
            for char in text
        ):
            return text
    return None
