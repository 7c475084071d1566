"""Bytes -> clean text: encoding detection, whitespace normalisation, paragraph blocks."""

from __future__ import annotations

import codecs
import re

from sitegen.convert.codepages import best_code_page, utf16_without_bom


class BadSeed(ValueError):
    """A seed that cannot become a briefing; the message says why."""


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CONTROL = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
"""Control bytes that text does not hold (tab, line feed, form feed and carriage return are text)."""
_ANSI = "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b\n]*(?:\x07|\x1b\\\\)?|\x1b[ -/]*[0-~]"
"""Terminal escape sequences (colours, cursor moves, titles), removed whole: no `[31m` is left."""
_INVISIBLE = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\ufffe\uffff\u202a-\u202e\u2066-\u2069"
)
"""Control characters, zero-width characters and the bidi embeddings, overrides and isolates
(U+202A-202E, U+2066-2069, which can make "evil" display as "live")."""
_TEXT_CONTROL = re.compile(f" *(?:{_ANSI}|[{_INVISIBLE}])+ *")
_SPACES = re.compile("[\t\u00a0\u2007\u202f\u2000-\u200a\u3000]")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85]")
_TRAILING = re.compile(r" +\n")
_LEADING = re.compile(r"\n +")
_BLANKS = re.compile(r"\n\n\n+")
_BLOCK_GAP = re.compile(r"\n\n+")
_ODD = re.compile(
    "[\r\t\x00-\x08\x0b-\x1f\x7f-\xa0\u2000-\u200b\u2028\u2029\u202a-\u202f\u2060\u2066-\u2069\u3000\ufeff\ufffe\uffff]"
)
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\n"
"""ASCII characters that are never _ODD."""


def _controls(data: bytes) -> int:
    """How many of the bytes are _CONTROL bytes (counted by deleting them: a table lookup per byte)."""
    return len(data) - len(data.translate(None, _CONTROL))


def decode_bytes(data: bytes, encoding: str = "") -> str:
    """Decode seed bytes: a byte-order mark, else `encoding` (the site's `convert.encoding`) when
    given, else strict UTF-8 (the fast path), UTF-16 without a BOM, the best single-byte code page."""
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(bom_encoding)
            except UnicodeDecodeError as exc:
                raise BadSeed(
                    f"not valid {bom_encoding} text despite its byte-order mark ({exc.reason})"
                ) from None
    if encoding:
        return _declared(data, encoding)
    if b"\x00" in data:
        text = utf16_without_bom(data)
        if text is None:
            raise BadSeed("binary file (contains NUL bytes)")
        return text
    if _controls(data[:4096]) > len(data[:4096]) // 20:
        raise BadSeed("binary file (mostly control characters)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return best_code_page(data)[1]


def _declared(data: bytes, encoding: str) -> str:
    """Decode with the site's encoding; bytes it does not fit, or binary, are a bad seed."""
    name = codecs.lookup(encoding).name
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise BadSeed(
            f"not valid {name} text (convert.encoding) at byte {exc.start} ({exc.reason})"
        ) from None
    sample = text[:4096]
    if "\x00" in text or _controls(sample.encode("utf-8", "replace")) > len(sample) // 20:
        raise BadSeed(f"binary file (control characters when read as {name}, the convert.encoding)")
    return text


def _has_odd(text: str) -> bool:
    """True when the text has a character normalise must replace or drop (fast checks first)."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _PLAIN_ASCII))
    return (
        not text.replace("\n", "").isprintable() and _ODD.search(text) is not None
    )  # every _ODD character is unprintable


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
