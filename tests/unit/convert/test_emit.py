import html

import yaml
from markdown_it import MarkdownIt

from sitegen.convert.emit import content_file, markdown_text, yaml_quote
from sitegen.convert.paragraphs import Para

MD = MarkdownIt("commonmark", {"html": False})


def test_yaml_quote_round_trips() -> None:
    for value in [
        "plain",
        'a "quote" and \\ slash',
        "tab\tnl\nnul\x00 bell\x07",
        "\u2028\u0085\ufeff",
        "emoji 🎉 日本",
        "#: - [x] {y} &z *a",
    ]:
        assert yaml.safe_load("k: " + yaml_quote(value))["k"] == value
    assert yaml_quote('a"b') == '"a\\"b"' and yaml_quote("\x01") == '"\\x01"'


def test_literal_text_stays_literal() -> None:
    for text in [
        "# h",
        "1. a",
        "2) b",
        "- c",
        "+ d",
        "> e",
        "---",
        "===",
        "*stars*",
        "snake_case_words",
        "a | b",
        "<script>x</script>",
        "[x](javascript:alert(1))",
        "{{ a }} {% b %}",
        "&amp; &copy;",
        "back\\slash",
        "`code`",
        "<http://x.y>",
        "日本 🎉",
    ]:
        rendered = MD.render(markdown_text(text))
        assert rendered.startswith("<p>") and html.unescape(rendered[3:-5]) == text


def test_content_file_layout() -> None:
    fields = {
        "title": "T",
        "date": "2023-10-27",
        "draft": None,
        "source": None,
        "author": "A",
        "tags": ("X", "Y"),
        "summary": "S",
        "seed": "s.txt",
    }
    text = content_file(fields, [Para("One."), Para(items=("a", "b"))])
    assert (
        text
        == '---\ntitle: "T"\ndate: 2023-10-27\nauthor: "A"\ntags: ["X", "Y"]\nsummary: "S"\nseed: "s.txt"\n---\n\nOne.\n\n- a\n- b\n'
    )
