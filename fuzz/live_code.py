"""Find live code in a built site by parsing it: scripts, event handlers, unsafe link schemes.

An independent oracle for the safety tests and the fuzzer: it does not use sitegen's own
link check. HTML is parsed with html5lib (as a browser would), feeds with an XML parser and
their HTML payloads with html5lib again.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib

THEME_TEMPLATES = Path(__file__).resolve().parents[1] / "sitegen" / "theme" / "templates"
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "background",
    "data",
    "cite",
    "longdesc",
    "xlink:href",
    "manifest",
    "ping",
    "srcset",
}
FORBIDDEN_ELEMENTS = {
    "iframe",
    "object",
    "embed",
    "base",
    "svg",
    "math",
    "frame",
    "frameset",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
}
SAFE_SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_STRIPPED = re.compile(r"[\x00-\x20\x7f]")
_THEME_SCRIPT_SRC = "pagefind/pagefind-ui.js"
_CHART_PARTS = {"title", "a", "rect", "line"}
"""What the theme's coverage chart (an `<svg class="bars">`, the `month_chart` macro) is drawn with."""


def _theme_chart(svg: ET.Element) -> bool:
    """The theme's own coverage chart: `<svg class="bars">` holding only bars, their links and titles, an axis
    (its attributes are checked like every other element's)."""
    return svg.get("class") == "bars" and all(
        (part.tag.rpartition("}")[2].lower() if isinstance(part.tag, str) else "") in _CHART_PARTS
        for part in svg.iter()
        if part is not svg
    )


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see in an attribute value (None: relative)."""
    cleaned = _STRIPPED.sub(
        "", url
    )  # browsers drop tabs/newlines anywhere and C0 controls at the ends
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def _theme_inline_scripts() -> set[str]:
    """The inline scripts the built-in theme itself ships (its known, allowed ones)."""
    found = set()
    for template in sorted(THEME_TEMPLATES.glob("*.html")):
        for match in re.finditer(
            r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.S
        ):
            found.add(match.group(1).strip())
    return found


ALLOWED_INLINE = _theme_inline_scripts()


def _data_block(script: ET.Element) -> bool:
    """A JSON-LD data block (never run by a browser) whose whole text is one JSON value."""
    if (script.get("type") or "").strip().lower() != "application/ld+json" or script.get(
        "src"
    ) is not None:
        return False
    try:
        json.loads(script.text or "")
    except ValueError:
        return False
    return True


def check_html(data: str | bytes, where: str, fragment: bool = False) -> list[str]:
    """Problems in one HTML document or fragment: live scripts, handlers, unsafe URLs."""
    parse = html5lib.parseFragment if fragment else html5lib.parse
    root = parse(data, treebuilder="etree", namespaceHTMLElements=False)
    problems = []
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rpartition("}")[2].lower()
        if tag == "script":
            src = element.get("src")
            text = (element.text or "").strip()
            if fragment or not (
                (
                    src is not None
                    and src.endswith(_THEME_SCRIPT_SRC)
                    and url_scheme(src) is None
                    and not text
                )
                or (src is None and text in ALLOWED_INLINE)
                or _data_block(element)
            ):
                problems.append(f"{where}: <script src={src!r}>{text[:60]!r}")
        elif tag in FORBIDDEN_ELEMENTS and not (
            tag == "svg" and not fragment and _theme_chart(element)
        ):
            problems.append(f"{where}: <{tag}> element")
        elif tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            problems.append(f"{where}: <meta http-equiv=refresh>")
        for name, value in element.attrib.items():
            name = name.rpartition("}")[2].lower() if isinstance(name, str) else str(name)
            if name.startswith("on"):
                problems.append(f"{where}: <{tag} {name}={value[:60]!r}>")
            elif name in URL_ATTRIBUTES:
                for url in value.split(",") if name == "srcset" else [value]:
                    scheme = url_scheme(url.strip().split(" ")[0] if name == "srcset" else url)
                    if scheme is not None and scheme not in SAFE_SCHEMES:
                        problems.append(f"{where}: <{tag} {name}={value[:60]!r}> ({scheme}:)")
            elif name == "style" and re.search(
                r"expression\s*\(|url\s*\(\s*['\"]?\s*javascript:", value, re.I
            ):
                problems.append(f"{where}: <{tag} style={value[:60]!r}>")
    return problems


def check_xml(data: bytes, where: str) -> list[str]:
    """Problems in a feed or sitemap: not well-formed XML, unsafe URLs, live HTML payloads."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [f"{where}: not well-formed XML: {exc}"]
    problems = []
    for element in root.iter():
        tag = element.tag.rpartition("}")[2]
        for name in ("href", "src"):
            if element.get(name) is not None and url_scheme(element.get(name)) not in (
                None,
                *SAFE_SCHEMES,
            ):
                problems.append(f"{where}: <{tag} {name}={element.get(name)[:60]!r}>")
        if (
            tag in ("link", "guid", "loc", "id")
            and element.text
            and url_scheme(element.text.strip()) not in (None, *SAFE_SCHEMES, "tag", "urn")
        ):
            problems.append(f"{where}: <{tag}>{element.text[:60]!r}")
        # RSS <description> is read as HTML; Atom text constructs only when type="html" or "xhtml"
        as_html = tag in ("description", "encoded") or (
            tag in ("content", "summary", "title", "subtitle")
            and element.get("type") in ("html", "xhtml")
        )
        if as_html and element.text:
            problems += check_html(element.text, f"{where} <{tag}>", fragment=True)
    return problems


def check_json_feed(data: bytes, where: str) -> list[str]:
    """Problems in a JSON Feed: not JSON, unsafe URLs, live HTML in content_html."""
    try:
        document = json.loads(data)
    except ValueError as exc:
        return [f"{where}: not JSON: {exc}"]
    problems = []
    for key in ("home_page_url", "feed_url"):
        if url_scheme(document.get(key, "")) not in (None, *SAFE_SCHEMES):
            problems.append(f"{where}: {key}")
    for item in document.get("items", []):
        for key in ("url", "id"):
            if url_scheme(str(item.get(key, ""))) not in (None, *SAFE_SCHEMES):
                problems.append(f"{where}: item {key} {item.get(key)!r}")
        if "content_html" in item:
            problems += check_html(item["content_html"], f"{where} content_html", fragment=True)
    return problems


def check_output(output: Path) -> tuple[int, list[str]]:
    """(files checked, problems) for every page and feed under output/."""
    problems: list[str] = []
    checked = 0
    for path in sorted(output.rglob("*")):
        if (
            not path.is_file()
            or path.is_symlink()
            and not path.resolve().is_relative_to(output.resolve())
        ):
            if path.is_symlink():
                problems.append(f"{path}: symlink out of output/")
            continue
        rel = path.relative_to(output).as_posix()
        if rel.startswith("pagefind/"):
            continue  # the search index is Pagefind's own files
        data = path.read_bytes()
        if path.suffix == ".html":
            problems += check_html(data, rel)
        elif path.suffix == ".xml":
            problems += check_xml(data, rel)
        elif path.suffix == ".json":
            problems += check_json_feed(data, rel)
        else:
            continue
        checked += 1
    return checked, problems
