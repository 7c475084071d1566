"""The whole BBC corpus (2,225 seeds) built once: links, anchors, reachability, headings, feeds,
search index, and the Nu HTML checker on every page.

Skips without the corpus (../shared/corpus/bbc beside the repository; fails instead under CI, see
tests/corpus.py); the vnu test also skips
without java or vnu.jar (env SITEGEN_VNU_JAR, else tools/node_modules/vnu-jar/...).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import feedparser
import pytest

from sitegen.cli import main
from tests.corpus import require

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus" / "bbc"
BASE_URL = "https://news.example.org/archive/"
FEED_NAMES = ("feed.xml", "atom.xml", "feed.json")
NOT_LINKED = {"404.html"}  # served by the host for missing addresses, never linked to


@dataclass
class PageScan:
    """What one HTML page links to and holds."""

    links: list[str] = field(default_factory=list)  # href/src of a, link, script, img
    ids: set[str] = field(default_factory=set)
    headings: list[int] = field(default_factory=list)
    lang: str | None = None


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.scan.ids.add(values["id"])
        if tag == "html":
            self.scan.lang = values.get("lang")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.scan.headings.append(int(tag[1]))
        target = (
            values.get("href")
            if tag in ("a", "link")
            else values.get("src")
            if tag in ("script", "img")
            else None
        )
        if target is not None:
            self.scan.links.append(target)


def scan(path: Path) -> PageScan:
    parser = _Scanner()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.scan


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """(output-relative file, fragment) of an internal link from `page`; None for external ones."""
    url, fragment = urldefrag(href)
    if url.startswith(BASE_URL):
        target = url[len(BASE_URL) :]
    elif urlsplit(url).scheme or url.startswith("//"):
        return None
    elif url == "":
        target = page
    elif url.startswith(
        "/"
    ):  # root-relative (the 404 page's links): inside the base URL's path, or broken
        site_path = urlsplit(BASE_URL).path
        target = url[len(site_path) :] if url.startswith(site_path) else url
    else:
        target = os.path.normpath(os.path.join(os.path.dirname(page), unquote(url))).replace(
            os.sep, "/"
        )
        if url.endswith("/"):
            target += "/"
    if target == "" or target.endswith("/"):
        target += "index.html"
    return target, fragment


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory) -> Path:
    """The corpus converted and built with search on: the site folder (output/ inside)."""
    require(CORPUS)
    site = tmp_path_factory.mktemp("corpus-site")
    (site / "seeds").mkdir()
    for seed in sorted(CORPUS.glob("*.txt")):
        shutil.copyfile(seed, site / "seeds" / seed.name)
    (site / "sitegen.yaml").write_text(
        f'base_url: "{BASE_URL}"\ntitle: "BBC Briefings"\n', encoding="utf-8"
    )
    assert main(["build", "--site", str(site), "--quiet"]) == 0
    return site


@pytest.fixture(scope="session")
def pages(corpus_site) -> dict[str, PageScan]:
    output = corpus_site / "output"
    return {
        p.relative_to(output).as_posix(): scan(p)
        for p in sorted(output.rglob("*.html"))
        if not p.relative_to(output).as_posix().startswith("pagefind/")
    }


def test_the_whole_corpus_is_published(corpus_site, pages):
    briefings = [rel for rel in pages if rel.count("/") == 4 and rel[:4].isdigit()]
    assert len(briefings) == len(list(CORPUS.glob("*.txt"))) == 2225
    assert {
        "index.html",
        "topics/index.html",
        "topics/by-size.html",
        "archive/index.html",
        "search/index.html",
        "404.html",
    } <= set(pages)


def test_every_page_is_reachable_from_the_home_page(pages):
    seen, todo = {"index.html"}, deque(["index.html"])
    while todo:
        page = todo.popleft()
        for href in pages[page].links:
            found = resolve(page, href)
            if found and found[0] in pages and found[0] not in seen:
                seen.add(found[0])
                todo.append(found[0])
    assert sorted(set(pages) - seen - NOT_LINKED) == []


def test_every_internal_link_and_anchor_resolves(corpus_site, pages):
    output = corpus_site / "output"
    broken = []
    for page, info in pages.items():
        for href in info.links:
            found = resolve(page, href)
            if found is None:
                continue
            target, fragment = found
            if not (output / target).is_file():
                broken.append(f"{page}: {href} -> {target} (no such file)")
            elif fragment and target.endswith(".html") and fragment not in pages[target].ids:
                broken.append(f"{page}: {href} (no id {fragment!r} in {target})")
    assert broken[:20] == [] and len(broken) == 0


def test_every_page_has_lang_one_h1_and_no_skipped_heading_level(pages):
    problems = []
    for page, info in pages.items():
        if not info.lang:
            problems.append(f"{page}: no lang")
        if info.headings.count(1) != 1 or (info.headings and info.headings[0] != 1):
            problems.append(f"{page}: headings {info.headings[:6]} (one h1, first)")
        for before, after in pairwise(info.headings):
            if after > before + 1:
                problems.append(f"{page}: h{before} then h{after}")
                break
    assert problems[:20] == [] and len(problems) == 0


def test_every_feed_parses_with_absolute_links_and_unique_ids(corpus_site):
    output = corpus_site / "output"
    feeds = sorted(
        p
        for p in output.rglob("*")
        if p.name in FEED_NAMES and not p.relative_to(output).as_posix().startswith("pagefind/")
    )
    assert len(feeds) >= 3 * 100  # the site's and every topic's
    for path in feeds:
        rel = path.relative_to(output).as_posix()
        if path.name == "feed.json":
            document = json.loads(path.read_bytes())
            assert document["version"] == "https://jsonfeed.org/version/1.1", rel
            items = [(i["id"], i["url"]) for i in document["items"]]
        else:
            parsed = feedparser.parse(path.read_bytes())
            assert parsed.bozo == 0, f"{rel}: {parsed.get('bozo_exception')}"
            items = [(e.id, e.link) for e in parsed.entries]
        assert 1 <= len(items) <= 20, rel
        assert len({item_id for item_id, _ in items}) == len(items), f"{rel}: duplicate ids"
        for _, link in items:
            assert (
                link.startswith(BASE_URL)
                and (output / link[len(BASE_URL) :] / "index.html").is_file()
            ), f"{rel}: {link}"


def test_search_indexes_only_briefings_with_topic_source_and_year_filters(corpus_site):
    bundle = corpus_site / "output" / "pagefind"
    shards = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert len(shards) >= 5  # 2,225 briefings in shards of at most 500
    counts = []
    for name in shards:
        entry = json.loads((bundle / name / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == ["en"]
        counts.append(entry["languages"]["en"]["page_count"])
        assert len(list((bundle / name / "filter").glob("*.pf_filter"))) == 3  # topic, source, year
    assert sum(counts) == 2225 and max(counts) <= 500


def test_search_index_is_byte_identical_when_built_again(corpus_site, tmp_path):
    """Pagefind alone writes filter indexes in hash-map order (Pagefind issue #638);
    sitegen.publish.search_order sorts them, so a clean build of the same briefings has the same bytes."""
    again = tmp_path / "site"
    shutil.copytree(corpus_site, again, ignore=shutil.ignore_patterns("output", ".sitegen-cache"))
    assert main(["build", "--site", str(again), "--quiet"]) == 0
    first = {
        p.relative_to(corpus_site / "output").as_posix(): p.read_bytes()
        for p in (corpus_site / "output" / "pagefind").rglob("*")
        if p.is_file()
    }
    second = {
        p.relative_to(again / "output").as_posix(): p.read_bytes()
        for p in (again / "output" / "pagefind").rglob("*")
        if p.is_file()
    }
    assert sorted(first) == sorted(second) and len(first) > 100
    assert [name for name in first if first[name] != second[name]] == []


def vnu_jar() -> Path | None:
    for candidate in (
        os.environ.get("SITEGEN_VNU_JAR"),
        REPO / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar",
    ):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def run_vnu(folder: Path) -> subprocess.CompletedProcess:
    jar = vnu_jar()
    if jar is None or shutil.which("java") is None:
        pytest.skip(
            "java or vnu.jar missing (set SITEGEN_VNU_JAR, or `npm install vnu-jar` in tools/)"
        )
    return subprocess.run(
        [
            "java",
            "-Xss4m",
            "-jar",
            str(jar),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "text",
            str(folder),
        ],
        capture_output=True,
        text=True,
    )


def test_nu_html_checker_finds_no_errors_on_any_page(corpus_site):
    """Every page, one vnu run over output/ (Pagefind's bundle holds no HTML)."""
    result = run_vnu(corpus_site / "output")
    assert result.returncode == 0, result.stderr[:5000]


def test_nu_html_checker_finds_no_errors_on_the_golden_sample_site():
    """The hand-written edge cases: <script> and quotes in titles, case-variant topics, drafts."""
    result = run_vnu(REPO / "tests" / "golden" / "expected")
    assert result.returncode == 0, result.stderr[:5000]
