"""Hostile inputs: raw seed files and hand-written front-matter files, as hypothesis strategies.

`pairs()` is the fast one the fuzzer uses: hypothesis draws a random source and a wild text
fragment, and plain `random` calls expand them into a seed and a content file. The composite
strategies below it generate the same shapes draw by draw (slower, fully shrinkable).
"""

from __future__ import annotations

import json
import random

from hypothesis import strategies as st

SNIPPETS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    "[link](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "![i](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[r]: javascript:alert(1)",
    "[d](data:text/html;base64,PHNjcmlwdD4=)",
    "[v](vbscript:x)",
    "[ok](https://example.org/)",
    "[m](mailto:a@b.c)",
    "[rel](../x/)",
    "{{ 7*7 }}",
    "{% for x in range(3) %}x{% endfor %}",
    "{# c #}",
    "{{ config.__class__ }}",
    "${7*7}",
    "<%= 7*7 %>",
    "yes",
    "no",
    "- x",
    "key: value",
    "&anchor",
    "*alias",
    "!!python/object/apply:os.system [id]",
    "---",
    "...",
    "? q",
    "|",
    ">",
    "%TAG",
    '"',
    "'",
    "`",
    "\\",
    "&amp;",
    "&#106;",
    "</textarea>",
    "</title>",
    "]]>",
    "<![CDATA[x]]>",
    "<!-- c -->",
    "\u202e",
    "\ufeff",
    "\u2028",
    "\x00",
    "\x01",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\r",
    "\t",
    "\x0c",
    "😀",
    "İ",
    "ß",
    "\u0301",
    "# heading",
    "> quote",
    "    code",
    "* item",
    "1. item",
    "| a | b |",
    "***",
    "___",
    "<div>",
    "</div>",
    "<p>",
    "&",
    "<",
    ">",
    "date 2023-10-27",
    "27/10/2023",
    "October 27, 2023",
    "2023-13-45",
]
DATE_LINES = [
    "date 2023-10-27 ",
    "date 2005-03-03 ",
    "",
    "Friday, October 27, 2023\n\n",
    "27/10/2023\n",
    "2099-01-01\n",
    "date 0000-00-00 ",
    "date 2023-02-30 ",
    "yesterday\n",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "utf-32"]
KEYS = [
    "title",
    "date",
    "draft",
    "source",
    "author",
    "tags",
    "summary",
    "seed",
    "slug",
    "tilte",
    "Title",
    "layout",
    "__class__",
    "<script>",
    "date ",
    "tags",
]

fragment = st.one_of(
    st.sampled_from(SNIPPETS),
    st.text(max_size=20),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=12),
)
line = st.lists(fragment, min_size=1, max_size=8).map(" ".join)
paragraph = st.lists(line, min_size=1, max_size=4).map("\n".join)


@st.composite
def seed_files(draw: st.DrawFn) -> bytes:
    """A seed as bytes: a date line or not, a headline, paragraphs, in some encoding, maybe damaged."""
    head = draw(st.sampled_from(DATE_LINES)) + draw(line)
    text = head + "\n\n" + "\n\n".join(draw(st.lists(paragraph, min_size=0, max_size=5)))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = text.replace("\n", newline)
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    damage = draw(st.sampled_from(["none", "none", "none", "bytes", "truncate", "binary"]))
    if damage == "bytes":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=16)) + data[at:]
    elif damage == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "binary":
        data = draw(st.binary(max_size=300))
    return data


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


scalar = st.one_of(
    fragment.map(_quoted),
    st.sampled_from(SNIPPETS),
    st.sampled_from(
        [
            "yes",
            "012",
            "2023-10-27",
            "2023-10-27T10:00:00Z",
            "2023-02-30",
            "null",
            "~",
            "",
            "1e3",
            ".inf",
            "0x1F",
            "true",
            "[]",
            "{}",
        ]
    ),
    st.text(max_size=30),
    st.text(max_size=30).map(lambda t: "'" + t.replace("'", "''") + "'"),
    st.sampled_from(
        [
            "&a x",
            "*a",
            "!!python/object:os.system x",
            "!!binary aGk=",
            "!custom x",
            "|\n  block\n  text",
            ">\n  folded",
            "[a, [b]]",
            "{a: b}",
            "[a, {b: c}]",
        ]
    ),
)


@st.composite
def value(draw: st.DrawFn) -> str:
    """The text after `key: ` in a front-matter line (often, but not always, valid YAML)."""
    kind = draw(st.sampled_from(["scalar", "scalar", "scalar", "flow list", "block list"]))
    if kind == "scalar":
        return draw(scalar)
    items = draw(st.lists(scalar, max_size=5))
    if kind == "flow list":
        return "[" + ", ".join(items) + "]"
    return "".join("\n  - " + item for item in items)


@st.composite
def front_matter_files(draw: st.DrawFn) -> bytes:
    """A content file: `---`, key lines (mostly title/date/tags), `---`, a Markdown body."""
    lines = []
    if draw(st.booleans()):
        lines.append("title: " + _quoted(draw(line)))
        lines.append(
            "date: "
            + draw(
                st.sampled_from(
                    ["2023-10-27", "2023-01-31", "2024-02-29", "2005-03-03T10:00:00+01:00"]
                )
            )
        )
        lines.append(
            "tags: " + json.dumps(draw(st.lists(fragment, max_size=4)), ensure_ascii=False)
        )
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=5)):
        lines.append(f"{key}: {draw(value())}")
    body = "\n\n".join(draw(st.lists(paragraph, max_size=4)))
    closing = draw(st.sampled_from(["---", "---", "---", "...", "", "--- "]))
    text = "---\n" + "\n".join(lines) + f"\n{closing}\n" + body + "\n"
    data = text.encode("utf-8", errors="surrogatepass")
    if draw(st.integers(0, 20)) == 0:
        data = data.replace(b"\n", b"\r\n")
    if draw(st.integers(0, 30)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return data


# --- the fast path: hypothesis picks the randomness, `random` expands it --------------------------

WILD = st.text(max_size=24)


def _fragment(rng: random.Random, wild: str) -> str:
    roll = rng.random()
    if roll < 0.6:
        return rng.choice(SNIPPETS)
    if roll < 0.8:
        return wild
    return "".join(
        chr(
            rng.choice(
                (rng.randrange(32, 127), rng.randrange(0, 0x3000), rng.randrange(0x1F300, 0x1F600))
            )
        )
        for _ in range(rng.randrange(1, 10))
    )


def _line(rng: random.Random, wild: str) -> str:
    return " ".join(_fragment(rng, wild) for _ in range(rng.randrange(1, 9)))


def _body(rng: random.Random, wild: str) -> str:
    return "\n\n".join(
        "\n".join(_line(rng, wild) for _ in range(rng.randrange(1, 4)))
        for _ in range(rng.randrange(0, 5))
    )


def seed_from(rng: random.Random, wild: str) -> bytes:
    """A seed like seed_files() draws, built from a Random."""
    text = rng.choice(DATE_LINES) + _line(rng, wild) + "\n\n" + _body(rng, wild)
    text = text.replace("\n", rng.choice(["\n", "\n", "\r\n", "\r"]))
    data = text.encode(rng.choice(ENCODINGS), errors="replace")
    damage = rng.randrange(12)
    if damage == 0:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.randbytes(rng.randrange(1, 16)) + data[at:]
    elif damage == 1:
        data = data[: rng.randrange(len(data) + 1)]
    elif damage == 2:
        data = rng.randbytes(rng.randrange(300))
    return data


def _value(rng: random.Random, wild: str) -> str:
    roll = rng.randrange(10)
    if roll < 4:
        return _quoted(_line(rng, wild))
    if roll < 6:
        return rng.choice(
            SNIPPETS
            + [
                "yes",
                "012",
                "2023-10-27",
                "2023-02-30",
                "null",
                "~",
                "",
                "1e3",
                "&a x",
                "*a",
                "!!python/object:os.system x",
                "|\n  block",
                "[a, [b]]",
                "{a: b}",
            ]
        )
    if roll < 8:
        return "[" + ", ".join(_quoted(_fragment(rng, wild)) for _ in range(rng.randrange(4))) + "]"
    return (
        wild
        if rng.random() < 0.5
        else "".join("\n  - " + _fragment(rng, wild) for _ in range(rng.randrange(1, 4)))
    )


def front_matter_from(rng: random.Random, wild: str) -> bytes:
    """A content file like front_matter_files() draws: mostly valid, with hostile values."""
    lines = []
    if rng.random() < 0.8:
        lines.append("title: " + _quoted(_line(rng, wild)))
        lines.append(
            "date: "
            + rng.choice(
                [
                    "2023-10-27",
                    "2023-01-31",
                    "2024-02-29",
                    "2005-03-03T10:00:00+01:00",
                    "2023-10-27",
                ]
            )
        )
        lines.append(
            "tags: "
            + json.dumps(
                [_fragment(rng, wild) for _ in range(rng.randrange(4))], ensure_ascii=False
            )
        )
        for key in rng.sample(["summary", "source", "author", "slug", "draft"], rng.randrange(3)):
            lines.append(
                f"{key}: "
                + (
                    _quoted(_line(rng, wild))
                    if key != "draft"
                    else rng.choice(["true", "false", "maybe"])
                )
            )
    for _ in range(rng.choice([0, 0, 0, 1, 2])):
        lines.append(f"{rng.choice(KEYS)}: {_value(rng, wild)}")
    closing = rng.choice(["---"] * 8 + ["...", "", "--- "])
    data = ("---\n" + "\n".join(lines) + f"\n{closing}\n" + _body(rng, wild) + "\n").encode(
        "utf-8", errors="surrogatepass"
    )
    if rng.randrange(20) == 0:
        data = data.replace(b"\n", b"\r\n")
    if rng.randrange(30) == 0:
        data = data[: rng.randrange(len(data) + 1)]
    return data


@st.composite
def pairs(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """(seed, content file): hypothesis draws the randomness and a wild fragment; `random` expands them."""
    rng = draw(st.randoms(use_true_random=True))
    wild = draw(WILD)
    return seed_from(rng, wild), front_matter_from(rng, wild)
