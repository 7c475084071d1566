"""The content file: YAML front matter written by hand (safe quoting) + escaped Markdown body."""

from __future__ import annotations

import re

from sitegen.convert.paragraphs import Para

_YAML_SPECIAL = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]')
_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
_BLOCK_START = re.compile(r"^(?:[#=+-]|\d{1,9}(?=[.)]))")


def _yaml_escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in '\\"':
        return "\\" + char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def yaml_quote(value: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly `value`."""
    return '"' + _YAML_SPECIAL.sub(_yaml_escape, value) + '"'


def markdown_text(text: str) -> str:
    """Escape a line of plain text so CommonMark shows it literally (no markup, links or HTML)."""
    text = _INLINE.sub(r"\\\1", text)
    match = _BLOCK_START.match(text)
    if match:
        end = match.end()
        text = text[:end] + "\\" + text[end:] if match.group()[0].isdigit() else "\\" + text
    return text


def markdown_body(paras: list[Para]) -> str:
    """Paragraphs and bulleted lists as Markdown, blocks separated by a blank line."""
    blocks = []
    for para in paras:
        if para.items:
            blocks.append("\n".join("- " + markdown_text(item) for item in para.items))
        else:
            blocks.append(markdown_text(para.text))
    return "\n\n".join(blocks)


def front_matter(fields: dict[str, object]) -> str:
    """Front matter in the contract's key order; None values are left out."""
    lines = ["---"]
    for key, value in fields.items():
        if value is None:
            continue
        if key == "date":
            lines.append(
                f"date: {value}" if len(str(value)) == 10 else f"date: {yaml_quote(str(value))}"
            )
        elif key == "draft":
            lines.append("draft: true" if value else "draft: false")
        elif isinstance(value, (tuple, list)):
            lines.append(f"{key}: [" + ", ".join(yaml_quote(item) for item in value) + "]")
        else:
            lines.append(f"{key}: {yaml_quote(str(value))}")
    lines.append("---")
    return "\n".join(lines)


def content_file(fields: dict[str, object], paras: list[Para]) -> str:
    """The whole .md text, ending with exactly one newline."""
    return f"{front_matter(fields)}\n\n{markdown_body(paras)}\n"
