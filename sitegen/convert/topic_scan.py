"""Find a taxonomy's spellings in a text by its words: the fast path of the topic scan.

The taxonomy's regex finds, left to right, the longest spelling at each word start, whole words
only. Python's regex engine tests every character of the text for it, which is most of the topic
step's cost. For a text whose characters all fit in one byte (most English and western European
prose), byte operations do the same work far more cheaply:

- the text's words are its runs of word characters (`\\w`, as the regex engine defines them):
  every other byte becomes a space, then the bytes are split;
- a one-word spelling occurs as often as its word does;
- a spelling of several words (`New York`, `U.S.`, `Covid-19`) can only occur when every one of
  its words does; only those are searched for, each with its own regex, which starts with a
  literal and so is found quickly;
- where such a spelling is found, it is taken as the regex would take it (leftmost first, the
  longest at one start), and the words inside it no longer count on their own.

The result equals counting the regex's matches (tests/unit/convert/test_topics_scan.py checks it).
It needs every spelling to start with a word character, as the taxonomy's padded regex does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_SPLIT = bytes(code if _WORD_CHAR.match(chr(code)) else ord(" ") for code in range(256))
"""Latin-1 bytes: word characters kept, every other byte a space."""


@dataclass(frozen=True)
class Phrase:
    """A spelling of more than one word: its words (Latin-1 bytes) and a regex for it."""

    form: str
    words: frozenset[bytes]
    pattern: re.Pattern[str]
    """The spelling (matched where a word starts), its spaces matching any run of white space,
    followed by no word character."""


def _phrase(form: str) -> Phrase:
    body = r"\s+".join(re.escape(part) for part in form.split(" "))
    words = [word.encode("latin-1") for word in WORD.findall(form)]
    return Phrase(form, frozenset(words), re.compile(body + r"(?!\w)")), words[0]


def _latin1(form: str) -> bool:
    return all(ord(char) < 256 for char in form)


class WordScan:
    """Counts of a set of spellings (each starting with a word character) in texts."""

    def __init__(self, forms: Iterable[str]) -> None:
        words: set[bytes] = set()
        phrases: dict[bytes, list[Phrase]] = {}
        for form in forms:
            if not _latin1(form):
                continue  # it cannot occur in a text this scan reads
            if WORD.fullmatch(form):
                words.add(form.encode("latin-1"))
            else:
                phrase, first = _phrase(form)
                phrases.setdefault(first, []).append(phrase)
        self.words = frozenset(words)
        self.phrases = {first: tuple(found) for first, found in phrases.items()}
        self.wanted = self.words.union(
            word for found in phrases.values() for phrase in found for word in phrase.words
        )
        """Every word that is a spelling or part of one."""

    def count(self, text: str) -> Counter[str] | None:
        """How often each spelling is matched in the text; None for a text this scan cannot read
        (a character beyond Latin-1): the regex reads it."""
        try:
            data = text.encode("latin-1")
        except UnicodeEncodeError:
            return None
        counts = Counter(filter(self.wanted.__contains__, data.translate(_SPLIT).split()))
        found: Counter[str] = Counter()
        if not counts:
            return found
        last = -1
        for start, end, form in self._phrase_spans(text, counts):
            if start <= last:
                continue  # inside a phrase already taken
            found[form] += 1
            for word in WORD.findall(text, start, end):
                counts[word.encode("latin-1")] -= 1
            last = end
        for word in self.words.intersection(counts):
            if counts[word] > 0:
                found[word.decode("latin-1")] = counts[word]
        return found

    def _phrase_spans(self, text: str, counts: Counter[bytes]) -> list[tuple[int, int, str]]:
        """Every place where a phrase whose words all occur starts a whole word: (start, end, form),
        leftmost first and, at one start, longest first."""
        spans: list[tuple[int, int, str]] = []
        present, phrases = frozenset(counts), self.phrases
        for first in present:
            if first not in phrases:
                continue
            candidates = [phrase for phrase in phrases[first] if phrase.words <= present]
            if not candidates:
                continue
            literal = first.decode("latin-1")
            start = text.find(literal)
            while start >= 0:
                if not start or not _WORD_CHAR.match(text, start - 1):
                    for phrase in candidates:
                        if match := phrase.pattern.match(text, start):
                            spans.append((start, match.end(), phrase.form))
                start = text.find(literal, start + 1)
        spans.sort(key=lambda span: (span[0], -span[1]))
        return spans
