"""Build the sample site (tests/fixtures/site) and compare the whole output with tests/golden/expected/.

Regenerate with `pytest tests/golden --update-golden`, then review the diff like code.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from sitegen.cli import main

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "fixtures" / "site"
EXPECTED = HERE / "expected"
BUILD_TIME = "1717200000"  # 2024-06-01T00:00:00Z: the future-dated briefing stays out


def build_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *flags: str) -> Path:
    """Copy the sample site into tmp_path, build it with a fixed build time, return output/."""
    site = tmp_path / "site"
    shutil.copytree(SAMPLE, site, ignore=shutil.ignore_patterns(".sitegen-cache", "output"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_TIME)
    assert main(["build", "--site", str(site), "--quiet", "--workers", "1", *flags]) == 0
    return site / "output"


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root by relative POSIX path."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def differences(expected: dict[str, bytes], actual: dict[str, bytes]) -> list[str]:
    """Missing files, extra files and a unified diff per changed file."""
    report = [f"missing: {path}" for path in sorted(expected.keys() - actual.keys())]
    report += [f"extra: {path}" for path in sorted(actual.keys() - expected.keys())]
    for path in sorted(expected.keys() & actual.keys()):
        if expected[path] != actual[path]:
            old = expected[path].decode("utf-8", "replace").splitlines(keepends=True)
            new = actual[path].decode("utf-8", "replace").splitlines(keepends=True)
            report.append(
                "".join(difflib.unified_diff(old, new, f"expected/{path}", f"actual/{path}"))
            )
    return report


def test_sample_site_matches_golden(tmp_path, monkeypatch, request):
    output = build_sample(tmp_path, monkeypatch)
    actual = tree(output)
    if request.config.getoption("--update-golden"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        shutil.copytree(output, EXPECTED)
        pytest.skip("tests/golden/expected/ rewritten: review `git diff tests/golden/expected`")
    assert EXPECTED.is_dir(), "no golden files yet: run `pytest tests/golden --update-golden`"
    problems = differences(tree(EXPECTED), actual)
    assert not problems, "output differs from tests/golden/expected/:\n" + "\n".join(problems)


def test_every_page_kind_and_feed_format_is_covered():
    files = set(tree(EXPECTED)) if EXPECTED.is_dir() else set()
    kinds = {
        "briefing": "2023/10/27/iraq-condemns-attacks-on-us-bases/index.html",
        "home": "index.html",
        "home page 2": "page/2/index.html",
        "topics by name": "topics/index.html",
        "topics by size": "topics/by-size.html",
        "topic": "topics/iraq/index.html",
        "archive": "archive/index.html",
        "year": "archive/2023/index.html",
        "year page 2": "archive/2023/page/2/index.html",
        "month": "archive/2023/10/index.html",
        "404": "404.html",
        "sitemap": "sitemap.xml",
        "robots": "robots.txt",
        "rss": "feed.xml",
        "atom": "atom.xml",
        "json feed": "feed.json",
        "topic rss": "topics/iraq/feed.xml",
        "topic atom": "topics/iraq/atom.xml",
        "topic json feed": "topics/iraq/feed.json",
    }
    assert {kind for kind, path in kinds.items() if path not in files} == set()
    # The sample has search off, so no search page (test_corpus_site.py checks the search page).
    assert "search/index.html" not in files


def test_drafts_future_and_undated_stay_out():
    files = set(tree(EXPECTED))
    assert not [f for f in files if "draft" in f or "future" in f or "undated" in f]
    assert "topics/economy/index.html" not in files  # only drafts and future briefings use it


def test_drafts_and_future_come_in_when_asked(tmp_path, monkeypatch):
    files = set(tree(build_sample(tmp_path, monkeypatch, "--drafts", "--future")))
    assert "2024/02/01/draft-budget/index.html" in files
    assert "2031/01/01/future-briefing/index.html" in files
    assert "topics/economy/index.html" in files
    assert not [f for f in files if "undated" in f]  # no date: never listed, even with --drafts


def test_case_and_punctuation_variants_are_one_topic():
    files = tree(EXPECTED)
    topics = sorted(
        {f.split("/")[1] for f in files if f.startswith("topics/") and f.count("/") == 2}
    )
    assert topics == [
        "aid",
        "c-rust",
        "cyber-security",
        "gaza",
        "iran",
        "iraq",
        "israel",
        "military",
        "united-states",
    ]
    iraq = files["topics/iraq/index.html"].decode()
    assert iraq.count('class="card"') == 2  # "Iraq" and "iraq"
    assert "<h1>Iraq</h1>" in iraq


def test_an_instant_shows_the_same_day_everywhere():
    files = tree(EXPECTED)
    # 2024-01-01T01:30+05:00 is 31 December 2023 20:30 in London, the site's time zone
    assert "2023/12/31/new-year-curfew/index.html" in files
    assert b"new-year-curfew" in files["archive/2023/12/index.html"]
    assert b"new-year-curfew" not in files["archive/2024/01/index.html"]
    assert b"31 December 2023" in files["2023/12/31/new-year-curfew/index.html"]
    assert b"<pubDate>Sun, 31 Dec 2023 20:30:00 +0000</pubDate>" in files["feed.xml"]
    assert b'"date_published": "2023-12-31T20:30:00+00:00"' in files["feed.json"]


def test_briefing_pages_name_topics_as_the_topic_pages_do():
    page = tree(EXPECTED)[
        "2023/10/27/former-iraqi-official-on-us-military-presence/index.html"
    ].decode()
    assert (
        'data-filter="Iraq">Iraq</a>' in page and ">iraq<" not in page
    )  # written "iraq" in its front matter
    assert 'data-filter="United States">United States</a>' in page


def test_json_ld_and_search_filters_cannot_carry_markup():
    page = tree(EXPECTED)["2024/01/15/script-in-title/index.html"].decode()
    script = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and ">" not in script and "&" not in script
    assert (
        '"headline": "Officials say \\"no comment\\" on \\u003cscript\\u003ealert(\'x\')\\u003c/script\\u003e \\u0026 other tricks"'
        in script
    )
    assert (
        'data-filter="O&#39;Brien &amp;\u2060 Sons &lt;\u2060Press&gt;"' in page
    )  # see briefing.html


def test_editing_tags_or_summary_never_moves_a_page(tmp_path, monkeypatch):
    site = tmp_path / "site"
    shutil.copytree(SAMPLE, site)
    path = site / "content" / "2023-11-02-gaza-aid-convoy.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('tags: ["Gaza", "Israel", "Aid"]', 'tags: ["Humanitarian aid"]').replace(
            "twenty lorries", "thirty lorries"
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_TIME)
    assert main(["build", "--site", str(site), "--quiet"]) == 0
    page = (site / "output" / "2023/11/02/gaza-aid-convoy/index.html").read_text(encoding="utf-8")
    assert "thirty lorries" in page and "Humanitarian aid" in page


def test_a_site_template_overrides_the_built_in_one(tmp_path, monkeypatch):
    site = tmp_path / "site"
    shutil.copytree(SAMPLE, site)
    override = site / "themes" / "default" / "templates" / "404.html"
    override.parent.mkdir(parents=True)
    override.write_text(
        '{% extends "base.html" %}{% block main %}<h1>Lost at sea</h1>{% endblock %}\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_TIME)
    assert main(["build", "--site", str(site), "--quiet"]) == 0
    assert "<h1>Lost at sea</h1>" in (site / "output" / "404.html").read_text(encoding="utf-8")
    assert (site / "output" / "index.html").read_bytes() == (
        EXPECTED / "index.html"
    ).read_bytes()  # the rest is built-in


def test_feeds_hold_feed_items_entries_newest_first():
    files = tree(EXPECTED)
    assert files["feed.xml"].count(b"<item>") == 3  # feed_items: 3 of the 5 published briefings
    assert files["atom.xml"].count(b"<entry>") == 3
    assert files["topics/israel/feed.xml"].count(b"<item>") == 2
    assert files["feed.xml"].index(b"script-in-title") < files["feed.xml"].index(b"new-year-curfew")
