"""Bytes -> clean text: encoding detection, whitespace normalisation, paragraph blocks."""
from __future__ import annotations

import re

import charset_normalizer


class BadSeed(ValueError):
    """A seed that cannot become a briefing; the message says why."""


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ANSI = "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b\n]*(?:\x07|\x1b\\\\)?|\x1b[ -/]*[0-~]"
"""Terminal escape sequences (colours, cursor moves, titles), removed whole: no `[31m` is left."""
_INVISIBLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\ufffe\uffff\u202a-\u202e\u2066-\u2069"
"""Control characters, zero-width characters and the bidi embeddings, overrides and isolates
(U+202A-202E, U+2066-2069, which can make "evil" display as "live")."""
_TEXT_CONTROL = re.compile(f" *(?:{_ANSI}|[{_INVISIBLE}])+ *")
_SPACES = re.compile("[\t\u00a0\u2007\u202f\u2000-\u200a\u3000]")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85]")
_TRAILING = re.compile(r" +\n")
_LEADING = re.compile(r"\n +")
_BLANKS = re.compile(r"\n\n\n+")
_BLOCK_GAP = re.compile(r"\n\n+")
_ODD = re.compile("[\r\t\x00-\x08\x0b-\x1f\x7f-\xa0\u2000-\u200b\u2028\u2029\u202a-\u202f\u2060\u2066-\u2069\u3000\ufeff\ufffe\uffff]")
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\n"
"""ASCII characters that are never _ODD."""
_WESTERN = ("cp1252", "latin_1", "iso8859_15", "utf_16", "utf_8")


def decode_bytes(data: bytes) -> str:
    """Decode seed bytes: BOMs, strict UTF-8 fast path, then charset-normalizer."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise BadSeed(f"not valid {encoding} text despite its byte-order mark ({exc.reason})") from None
    if b"\x00" in data:
        raise BadSeed("binary file (contains NUL bytes)")
    if len(_CONTROL.findall(data[:4096])) > len(data[:4096]) // 20:
        raise BadSeed("binary file (mostly control characters)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> str:
    """Guess a legacy encoding; Western code pages win when they decode cleanly."""
    best = charset_normalizer.from_bytes(data, cp_isolation=list(_WESTERN)).best()
    if best is None:
        best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise BadSeed("undecodable: no text encoding fits its bytes")
    return str(best)


def _has_odd(text: str) -> bool:
    """True when the text has a character normalise must replace or drop (fast checks first)."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _PLAIN_ASCII))
    return not text.replace("\n", "").isprintable() and _ODD.search(text) is not None  # every _ODD character is unprintable


def _drop_invisible(match: re.Match) -> str:
    """What replaces a run of removed characters: one space if it touched a space, else nothing."""
    return " " if " " in match.group() else ""


def normalise(text: str) -> str:
    """Unify line ends and spaces; drop terminal escapes, control, zero-width and bidi characters; strip line edges.

    Every field and the body of a briefing come from this text, so nothing invisible reaches them.
    """
    if _has_odd(text):
        text = _NEWLINES.sub("\n", text)
        text = _TEXT_CONTROL.sub(_drop_invisible, _SPACES.sub(" ", text))
    # Spaces at line ends and starts, and runs of blank lines; these regexes start with a
    # literal, which the regex engine finds fast (unlike ^ or $ in MULTILINE mode).
    if " \n" in text or text.endswith(" "):
        text = _TRAILING.sub("\n", text).rstrip(" ")
    if "\n " in text or text.startswith(" "):
        text = _LEADING.sub("\n", text).lstrip(" ")
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip("\n")


def blocks(text: str) -> list[list[str]]:
    """Split normalised text into blocks of lines separated by blank lines."""
    return [block.strip("\n").split("\n") for block in _BLOCK_GAP.split(text) if block.strip("\n")]
