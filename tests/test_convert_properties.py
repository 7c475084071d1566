"""Property tests: convert_seed never raises; front matter round-trips; the body renders no live markup."""

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from sitegen.config import ConvertConfig
from sitegen.convert import convert_seed, load_taxonomy
from sitegen.convert.emit import yaml_quote

CONFIG = ConvertConfig()
TAXONOMY = load_taxonomy(Path(__file__).resolve().parent, CONFIG)
MD = MarkdownIt("commonmark", {"html": False})
HAZARDS = st.sampled_from(
    [
        "# ",
        "1. ",
        "- ",
        "> ",
        "---",
        "*",
        "_",
        "<script>",
        "</script>",
        "[x](javascript:alert(1))",
        "<a href=x onclick=y>",
        "{{ x }}",
        "{% y %}",
        "&amp;",
        "|",
        "`",
        "\\",
        "Iraq",
        "US",
        "27 October 2023",
        " | Site",
        "By Jane Doe",
        "\n",
        "\n\n",
        "🎉",
        "日本",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=30), HAZARDS), max_size=40).map("".join)


class Unsafe(HTMLParser):
    """Collect anything live in rendered HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "iframe", "object", "embed", "style"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value and "javascript:" in value.replace(" ", "").lower()):
                self.found.append(f"{name}={value}")


def split(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    result = convert_seed("x.txt", data, CONFIG, TAXONOMY)
    assert result.ok == bool(result.text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXT, st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_text_converts_round_trips_and_renders_safely(text: str, encoding: str) -> None:
    result = convert_seed("x.txt", text.encode(encoding, "replace"), CONFIG, TAXONOMY)
    if not result.ok:
        assert len(result.problems) == 1 and result.problems[0].severity == "error"
        return
    front, body = split(result.text)
    assert (
        front["title"] == result.title
        and front.get("source") == result.source
        and front["tags"] == list(result.tags)
    )
    if result.date is None:
        assert "date" not in front and front["draft"] is True
    elif len(result.date) == 10:
        assert front["date"] == dt.date.fromisoformat(result.date)
    else:
        assert front["date"] == result.date
    parser = Unsafe()
    parser.feed(MD.render(body))
    assert parser.found == []


@given(st.text())
def test_yaml_quote_round_trips(value: str) -> None:
    assert yaml.safe_load("v: " + yaml_quote(value))["v"] == value
