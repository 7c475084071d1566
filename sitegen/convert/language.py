"""A seed's language (py3langid) and its stop words (jusText's stop lists for 100 languages)."""
from __future__ import annotations

import functools
import importlib.util
import os
import re

_SAMPLE = 4000
"""Characters of prose the detector reads: enough for a sure answer, cheap on long pages."""
_PROSE = re.compile(r"\w{2,}(?:\W+\w+){7}")
"""A line with at least eight words (or a long run of CJK text) counts as prose."""
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{12}")

# ISO 639-1 code -> the name of jusText's stop list (justext/stoplists/<Name>.txt).
_STOPLIST_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian", "bg": "Bulgarian",
    "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish", "et": "Estonian",
    "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician",
    "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ka": "Georgian", "kk": "Kazakh", "kn": "Kannada",
    "ko": "Korean", "la": "Latin", "lb": "Luxembourgish", "lt": "Lithuanian", "lv": "Latvian",
    "mk": "Macedonian", "ml": "Malayalam", "mr": "Marathi", "ms": "Malay", "ne": "Nepali", "nl": "Dutch",
    "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish",
    "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "th": "Thai", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
}


def prose_sample(lines: list[str]) -> str:
    """The seed's prose lines (menus and labels left out), up to _SAMPLE characters."""
    picked: list[str] = []
    size = 0
    for line in lines:
        if _PROSE.search(line) or _CJK.search(line):
            picked.append(line)
            size += len(line)
            if size >= _SAMPLE:
                break
    return "\n".join(picked)


@functools.lru_cache(maxsize=1)
def _identifier():
    import py3langid  # loads its model (about 0.6 s) on first use only

    return py3langid


def detect(lines: list[str]) -> str | None:
    """ISO 639-1 code of the seed's language, or None when it has too little prose to tell."""
    sample = prose_sample(lines)
    if len(sample) < 40:
        return None
    code, _score = _identifier().classify(sample)
    return str(code)


def _stoplist_folder() -> str | None:
    spec = importlib.util.find_spec("justext")  # found, not imported: only its data files are read
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(list(spec.submodule_search_locations)[0], "stoplists")


@functools.lru_cache(maxsize=32)
def stopwords(lang: str | None) -> frozenset[str]:
    """Lower-case stop words of a language (jusText's list); empty when it has none."""
    name = _STOPLIST_NAMES.get((lang or "").split("-")[0].lower())
    folder = _stoplist_folder()
    if not name or not folder:
        return frozenset()
    try:
        with open(os.path.join(folder, f"{name}.txt"), encoding="utf-8") as handle:
            return frozenset(word.strip().lower() for word in handle if word.strip())
    except OSError:
        return frozenset()
