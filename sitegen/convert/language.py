"""A seed's language and its stop words (jusText's stop lists).

Stop words first: the share of a prose sample's words that are one language's stop words tells
most languages apart in microseconds. Where two lists come close (Spanish and Portuguese, Russian
and Ukrainian, Malay and Indonesian) or there are no words to count (Chinese, Japanese), the
py3langid classifier decides; its model takes about half a second to load, so only such seeds
pay for it.
"""

from __future__ import annotations

import array
import functools
import importlib.util
import os
import re
import sys
import unicodedata
from itertools import repeat

_SAMPLE = 4000
"""Characters of prose the detector reads: enough for a sure answer, cheap on long pages."""
_PROSE = re.compile(r"\w{2,}(?:\W+\w+){7}")
"""A line with at least eight words (or a long run of CJK text) counts as prose."""
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{12}")

# ISO 639-1 code -> the name of jusText's stop list (justext/stoplists/<Name>.txt).
_STOPLIST_NAMES = {
    "af": "Afrikaans",
    "ar": "Arabic",
    "az": "Azerbaijani",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "bs": "Bosnian",
    "ca": "Catalan",
    "cs": "Czech",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "eo": "Esperanto",
    "es": "Spanish",
    "et": "Estonian",
    "eu": "Basque",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "ga": "Irish",
    "gl": "Galician",
    "gu": "Gujarati",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "hy": "Armenian",
    "id": "Indonesian",
    "is": "Icelandic",
    "it": "Italian",
    "ka": "Georgian",
    "kk": "Kazakh",
    "kn": "Kannada",
    "ko": "Korean",
    "la": "Latin",
    "lb": "Luxembourgish",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mk": "Macedonian",
    "ml": "Malayalam",
    "mr": "Marathi",
    "ms": "Malay",
    "ne": "Nepali",
    "nl": "Dutch",
    "nn": "Norwegian_Nynorsk",
    "no": "Norwegian_Bokmal",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sq": "Albanian",
    "sr": "Serbian",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "te": "Telugu",
    "th": "Thai",
    "tl": "Tagalog",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
}


def _prose_lines(lines: list[str], size: int = 0, start: int = 0):
    """(position, line) of each prose line from `start` on (menus and labels left out), until the lines
    picked make up _SAMPLE characters (`size`: the characters already picked)."""
    for pos in range(start, len(lines)):
        line = lines[pos]
        if (line.count(" ") >= 7 and _PROSE.search(line)) or (
            len(line) >= 12 and not line.isascii() and _CJK.search(line)
        ):
            yield pos, line
            size += len(line)
            if size >= _SAMPLE:
                return


def prose_sample(lines: list[str]) -> str:
    """The seed's prose lines (menus and labels left out), up to _SAMPLE characters."""
    return "\n".join(line for _, line in _prose_lines(lines))


_NOT_ASCII_LETTER = bytes(byte for byte in range(128) if not chr(byte).isalpha())
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD_BREAKS = str.maketrans(
    dict.fromkeys('0123456789_.,;:!?…"“”‘«»„‚()[]{}<>—–-/*•·|+=&%$#@~^`\\\u00a0', " ")
)
"""Digits and punctuation read as spaces when the sample is split into words (apostrophes join words)."""
_QUICK_SAMPLE = 600
"""Characters of prose the stop-word count reads."""
_MIN_HITS = 12
"""Stop words the leading language must have in the sample to decide alone..."""
_MIN_SHARE = 0.15
"""...and the share of the sample's words they must be..."""
_MARGIN = 1.3
"""...and how many times the runner-up's count they must reach."""


_TOP = 150
"""Only each list's most frequent words take part in the quick count (the lists differ in length)."""


def _script(text: str) -> str:
    """The writing system most of the text's letters belong to (LATIN, CYRILLIC, ARABIC, ...)."""
    if text.isascii():
        return "LATIN"
    head = text[:600]
    counts: dict[str, int] = {
        "LATIN": len(head.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))
    }
    for char in _NON_ASCII.findall(head):
        if char.isalpha():
            script = unicodedata.name(char, "").split(" ", 1)[0]
            counts[script] = counts.get(script, 0) + 1
    return max(sorted(counts), key=counts.__getitem__) if counts else ""


@functools.lru_cache(maxsize=1)
def _stop_index() -> dict[str, dict[str, tuple[str, ...]]]:
    """Per writing system: each of its languages' most frequent stop words -> those languages."""
    by_script: dict[str, dict[str, list[str]]] = {}
    for code in sorted(_STOPLIST_NAMES):
        top = _read_stoplist(code, _TOP)
        if not top:
            continue
        index = by_script.setdefault(_script("".join(top)), {})
        for word in top:
            index.setdefault(word, []).append(code)
    return {
        script: {word: tuple(codes) for word, codes in index.items()}
        for script, index in by_script.items()
    }


@functools.lru_cache(maxsize=1)
def _stop_vectors() -> dict[str, tuple[dict[str, int], tuple[str, ...]]]:
    """Per writing system: each stop word -> one integer holding a 16-bit counter per language (in code
    order) set to 1 for the languages whose list has the word, and the codes in that order. Adding the
    integers of a sample's words counts every language's hits at once (a sample has far fewer than
    65,536 words, so no counter overflows into the next)."""
    out = {}
    for script, index in _stop_index().items():
        codes = tuple(sorted({code for found in index.values() for code in found}))
        place = {code: 16 * number for number, code in enumerate(codes)}
        out[script] = (
            {word: sum(1 << place[code] for code in found) for word, found in index.items()},
            codes,
        )
    return out


def _by_stop_words(sample: str) -> str | None:
    """The language whose stop words clearly dominate the sample, or None when none does."""
    text = sample[:_QUICK_SAMPLE]
    vectors = _stop_vectors().get(_script(text))
    words = _words(text.lower())
    if not words or not vectors:
        return None
    index, codes = vectors
    total = sum(map(index.get, words, repeat(0, len(words))))
    if not total:
        return None
    hits = array.array("H", total.to_bytes(2 * len(codes), "little"))
    if sys.byteorder == "big":
        hits.byteswap()
    count = max(hits)
    first = hits.index(count)  # ties: the first code in order
    hits[first] = 0
    runner_up = max(hits)
    if count >= _MIN_HITS and count >= _MIN_SHARE * len(words) and count >= _MARGIN * runner_up:
        return codes[first]
    return None


_ASCII_BREAKS = bytes.maketrans(
    bytes(char for char in _WORD_BREAKS if char < 128),
    b" " * sum(char < 128 for char in _WORD_BREAKS),
)
_BREAK = re.compile("[" + re.escape("".join(map(chr, _WORD_BREAKS))) + "]")


def _words(lower: str) -> list[str]:
    """A lower-case sample split at spaces, digits and punctuation, apostrophes stripped from each end."""
    if (
        lower.isascii()
    ):  # bytes.translate: a table lookup per character (str.translate is slow on non-ASCII)
        spaced = lower.encode("ascii").translate(_ASCII_BREAKS).decode("ascii")
    else:
        spaced = _BREAK.sub(" ", lower)
    if "'" not in spaced and "’" not in spaced:
        return spaced.split()
    return [word.strip("'’") for word in spaced.split()]


@functools.lru_cache(maxsize=1)
def _identifier():
    import py3langid  # loads its model (about 0.6 s) on first use only

    return py3langid


def detect(lines: list[str]) -> str | None:
    """ISO 639-1 code of the seed's language, or None when it has too little prose to tell."""
    # the stop-word count reads only the sample's first _QUICK_SAMPLE characters: pick lines
    # until there are that many, and the rest of the sample only for the classifier
    picked: list[str] = []
    size = 0
    pos = -1
    for pos, line in _prose_lines(lines):  # noqa: B007 (read after the loop: where the pick stopped)
        picked.append(line)
        size += len(line)
        if size >= _QUICK_SAMPLE:
            break
    else:
        pos = len(lines)  # every line read: the sample is whole
    sample = "\n".join(picked)
    if len(sample) < 40:
        return None
    quick = _by_stop_words(sample)
    if quick is not None:
        return quick
    if pos < len(lines) and size < _SAMPLE:
        picked += [line for _, line in _prose_lines(lines, size, pos + 1)]
        sample = "\n".join(picked)
    code, _score = _identifier().classify(sample)
    return str(code)


def _stoplist_folder() -> str | None:
    spec = importlib.util.find_spec("justext")  # found, not imported: only its data files are read
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(list(spec.submodule_search_locations)[0], "stoplists")


def _read_stoplist(lang: str | None, limit: int | None = None) -> tuple[str, ...]:
    """A language's stop words in the list's order (most frequent first), lower case, each once;
    only the first `limit` of them when given (the file is read no further)."""
    name = _STOPLIST_NAMES.get((lang or "").split("-")[0].lower())
    folder = _stoplist_folder()
    if not name or not folder:
        return ()
    words: dict[str, None] = {}
    try:
        with open(os.path.join(folder, f"{name}.txt"), encoding="utf-8") as handle:
            for line in handle:
                word = line.strip().lower()
                if word:
                    words[word] = None
                    if limit is not None and len(words) >= limit:
                        break
    except OSError:
        return ()
    return tuple(words)


@functools.lru_cache(maxsize=32)
def stopwords(lang: str | None) -> frozenset[str]:
    """Lower-case stop words of a language (jusText's list); empty when it has none."""
    return frozenset(_read_stoplist(lang))
