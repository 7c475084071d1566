"""Hostile seeds and content build into pages and feeds with no live script or link (checked by parsing)."""

from __future__ import annotations

import random
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest

from tests.safety.conftest import HOSTILE, SITE_CONFIG, check_output

WORDS = [
    "alpha",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "[x](javascript:alert(1))",
    "<img src=x onerror=alert(2)>",
    "report",
    "minister",
]


def _three_megabytes(seed: int) -> str:
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < 3_000_000:
        paragraph = " ".join(rng.choice(WORDS) for _ in range(120))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile fixtures plus binary and 3 MB inputs made here, built once with drafts."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(HOSTILE / "seeds", root / "seeds")
    shutil.copytree(HOSTILE / "content", root / "content")
    (root / "sitegen.yaml").write_text(SITE_CONFIG, encoding="utf-8")
    rng = random.Random(6)
    (root / "seeds" / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(100_000)))
    (root / "seeds" / "binary-no-nul.txt").write_bytes(
        bytes(rng.randrange(1, 256) for _ in range(100_000))
    )
    (root / "seeds" / "large.txt").write_text(
        "date 2023-06-01 A very long report\n\n" + _three_megabytes(1), encoding="utf-8"
    )
    (root / "content" / "2023-06-02-large.md").write_text(
        "---\ntitle: Large\ndate: 2023-06-02\n---\n" + _three_megabytes(2), encoding="utf-8"
    )
    (root / "content" / "2023-06-03-binary.md").write_bytes(
        b"---\ntitle: Binary\ndate: 2023-06-03\n---\n"
        + bytes(rng.randrange(256) for _ in range(50_000))
    )
    return root


@pytest.fixture(scope="module")
def built(hostile_site: Path) -> tuple[int, str]:
    """Exit status and stderr of `sitegen build --drafts` on the hostile site."""
    import contextlib
    import io

    from sitegen.cli import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["build", "--site", str(hostile_site), "--drafts", "--workers", "1"])
    return code, err.getvalue()


def test_build_reports_instead_of_crashing(built: tuple[int, str]) -> None:
    code, err = built
    assert "Traceback" not in err and "internal error" not in err
    assert "seeds/binary.txt: error: seed rejected: binary file" in err
    assert "content/2023-06-03-binary.md:" in err and "the file is not UTF-8 text." in err
    assert code == 1  # the binary files are reported errors; everything else was built


def test_no_live_script_or_link_anywhere(hostile_site: Path, built: tuple[int, str]) -> None:
    checked, problems = check_output(hostile_site / "output")
    assert checked > 100
    assert problems == []


def test_every_output_file_stays_inside_output(hostile_site: Path, built: tuple[int, str]) -> None:
    site_files = {
        p.relative_to(hostile_site).parts[0] for p in hostile_site.rglob("*") if p.is_file()
    }
    assert site_files <= {"seeds", "content", "output", ".sitegen-cache", "sitegen.yaml"}
    assert not list(hostile_site.parent.glob("escape*")) and not (hostile_site / "escape").exists()


def _text_of(page: Path, tag: str) -> str:
    root = html5lib.parse(page.read_bytes(), treebuilder="etree", namespaceHTMLElements=False)
    return "".join(root.find(f".//{tag}").itertext())


def _page(site: Path, pattern: str) -> Path:
    found = sorted((site / "output").glob(pattern))
    assert len(found) == 1, (pattern, found)
    return found[0]


def test_template_syntax_in_content_stays_text(hostile_site: Path, built: tuple[int, str]) -> None:
    page = _page(hostile_site, "2023/10/25/*/index.html")
    assert _text_of(page, "h1") == "Council debates {{ 7*7 }} new {% if true %}rules{% endif %}"
    body = _text_of(page, "article")
    assert "The council met to discuss {{ 7*7 }} proposals" in body
    assert "{% for x in range(3) %}Loop {{ x }}{% endfor %}" in body
    front = _page(hostile_site, "2023/07/02/*/index.html")
    assert _text_of(front, "h1") == "{{ 7*7 }} {% include 'base.html' %} {# x #}"


def test_script_in_front_matter_is_shown_as_text(
    hostile_site: Path, built: tuple[int, str]
) -> None:
    page = _page(hostile_site, "2023/07/01/*/index.html")
    assert _text_of(page, "h1") == "<script>alert('title')</script> \" onmouseover=\"alert(1)"
    assert "<script>alert('raw')</script>" in _text_of(page, "article")


@pytest.mark.parametrize(
    "day, title",
    [
        ("01", "yes"),
        ("02", "- x"),
        ("03", "key: value"),
        ("04", "&anchor"),
        ("05", "*alias"),
        ("06", '!!python/object/apply:os.system ["id"]'),
        ("17", "[list, item]"),
        ("18", "{map: 1}"),
        ("19", "null"),
        ("21", "2023-10-27"),
        ("22", "012"),
        ("23", "0x1F"),
        ("24", ".inf"),
        ("25", "true"),
        ("26", "No"),
    ],
)
def test_yaml_special_headlines_are_read_as_text(
    hostile_site: Path, built: tuple[int, str], day: str, title: str
) -> None:
    assert _text_of(_page(hostile_site, f"2023/09/{day}/*/index.html"), "h1") == title


def test_yaml_specials_in_front_matter_are_text(hostile_site: Path, built: tuple[int, str]) -> None:
    page = _page(hostile_site, "2023/07/03/*/index.html")
    assert _text_of(page, "h1") == "yes"
    meta = _text_of(page, "article")
    assert "012" in meta and "2023-10-27" in meta


def test_safe_links_stay_links_and_unsafe_ones_become_text(
    hostile_site: Path, built: tuple[int, str]
) -> None:
    page = _page(hostile_site, "2023/07/05/*/index.html")
    root = html5lib.parse(page.read_bytes(), treebuilder="etree", namespaceHTMLElements=False)
    body = root.find(".//div[@class='body']")
    hrefs = [a.get("href") for a in body.iter("a")]
    assert hrefs == [
        "https://example.org/fine",
        "http://example.org/",
        "https://example.org/",
        "mailto:desk@example.org",
        "../topics/",
        "#top",
        "?q=1",
        "a/b:c",
    ]
    assert "[plain](javascript:alert(1))" in "".join(body.itertext())


def test_control_characters_do_not_break_pages(hostile_site: Path, built: tuple[int, str]) -> None:
    page = _page(hostile_site, "2023/08/01/*/index.html")
    assert "characters" in _text_of(page, "h1")
    for feed in ("feed.xml", "atom.xml", "sitemap.xml"):
        ET.fromstring(
            (hostile_site / "output" / feed).read_bytes()
        )  # a C0 control character would make it ill-formed
