"""Search over an index in several shards, served under a sub-path, in Chromium: one search box
finds a word in every shard, the result count is the number of briefings holding the word, and
topic and year filters narrow the results across shards."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from http.server import ThreadingHTTPServer

import pytest

from sitegen.cli import main
from sitegen.publish.search_shards import shards
from tests.browser.test_archive_browser import _Quiet

SHARD_SIZE = 3
COUNT = 20
WAIT = {"timeout": 60_000}  # a bound for a loaded machine, not a measured time


def briefing(number: int) -> dict:
    year = 2021 + number % 4
    return {
        "slug": f"briefing-{number:02d}",
        "title": f"Briefing number {number:02d}",
        "year": year,
        "date": f"{year}-0{1 + number % 9}-1{number % 10}",
        "topic": "Alpha" if number % 3 == 0 else "Beta",
        "url": f"/{year}/0{1 + number % 9}/1{number % 10}/briefing-{number:02d}/index.html",
    }


BRIEFINGS = [briefing(n) for n in range(COUNT)]
LAYOUT = shards([b["url"] for b in BRIEFINGS], SHARD_SIZE)
MARKED = [
    next(b for b in BRIEFINGS if b["url"] == urls[0]) for urls in LAYOUT.values()
]  # one briefing per shard


@pytest.fixture(scope="module")
def shard_site(tmp_path_factory, browser):
    """A site of COUNT briefings in shards of SHARD_SIZE, served at http://127.0.0.1:PORT/news/."""
    assert len(LAYOUT) >= 4
    site = tmp_path_factory.mktemp("shard-site") / "site"
    (site / "content").mkdir(parents=True)
    (site / "seeds").mkdir()
    (site / "sitegen.yaml").write_text(
        f'title: "Shards"\nbase_url: "https://example.org/news/"\nsearch: true\nsearch_shard_size: {SHARD_SIZE}\n',
        encoding="utf-8",
    )
    for b in BRIEFINGS:
        words = "The harbour reopened after the storm." + (
            " A kestrel was seen over the quay." if b in MARKED else ""
        )
        (site / "content" / f"{b['date']}-{b['slug']}.md").write_text(
            f'---\ntitle: "{b["title"]}"\ndate: {b["date"]}\nsource: "Wire"\ntags: ["{b["topic"]}"]\n---\n\n{words}\n',
            encoding="utf-8",
        )
    assert main(["build", "--site", str(site), "--quiet"]) == 0
    assert len([p for p in (site / "output" / "pagefind").iterdir() if p.is_dir()]) == len(LAYOUT)
    www = site.parent / "www"
    shutil.copytree(site / "output", www / "news")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(www)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/news/"
    server.shutdown()
    server.server_close()


def search(page, url: str, word: str) -> None:
    from playwright.sync_api import expect

    page.goto(url + "search/index.html")
    page.fill(".pagefind-ui__search-input", word)
    expect(page.locator(".pagefind-ui__message")).to_contain_text(word, **WAIT)


def result_count(page, word: str, count: int) -> None:
    from playwright.sync_api import expect

    expect(page.locator(".pagefind-ui__message")).to_have_text(
        re.compile(rf"^{count} results? for {word}$"), **WAIT
    )


def test_a_word_in_one_briefing_of_each_shard_is_found_in_every_shard(page, shard_site):
    search(page, shard_site, "kestrel")
    result_count(page, "kestrel", len(MARKED))
    while page.locator(".pagefind-ui__button").count():  # "Load more results"
        page.locator(".pagefind-ui__button").click()
    from playwright.sync_api import expect

    expect(page.locator(".pagefind-ui__result-link")).to_have_count(len(MARKED), **WAIT)
    assert sorted(page.locator(".pagefind-ui__result-link").all_inner_texts()) == sorted(
        b["title"] for b in MARKED
    )
    links = page.locator(".pagefind-ui__result-link").evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert sorted(links) == sorted(
        shard_site + b["url"].lstrip("/") for b in MARKED
    )  # under the sub-path


def test_the_count_is_every_briefing_with_the_word_across_shards(page, shard_site):
    search(page, shard_site, "harbour")
    result_count(page, "harbour", COUNT)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("topic", "Alpha", sum(b["topic"] == "Alpha" for b in BRIEFINGS)),
        ("year", "2022", sum(b["year"] == 2022 for b in BRIEFINGS)),
    ],
)
def test_filters_narrow_the_results_across_shards(page, shard_site, name, value, expected):
    search(page, shard_site, "harbour")
    result_count(page, "harbour", COUNT)
    block = page.locator(
        "details.pagefind-ui__filter-block", has=page.locator("summary", has_text=name.capitalize())
    )
    if not block.evaluate("b => b.open"):
        block.locator("summary").click()
    page.locator(f".pagefind-ui__filter-checkbox[name='{name}'][value='{value}']").check()
    result_count(page, "harbour", expected)
    assert 0 < expected < COUNT
