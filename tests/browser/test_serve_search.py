"""In a real browser, under `sitegen serve`: a search page open while an edit's shard is indexed in
the background and published goes on finding every briefing (no request of it fails), and once
loaded again finds the edit by its new word."""

from __future__ import annotations

import re

from tests.browser.test_search_across_shards import WAIT
from tests.integration.test_serve_search import (
    COUNT,
    EDITED,
    _briefing,
    make_site,
    published,
    searchable,
)
from tests.test_serve import Served


def test_a_search_page_open_across_a_background_publish_keeps_working(tmp_path, page):
    from playwright.sync_api import expect

    root = make_site(tmp_path / "site")
    server = Served(root)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    try:
        old = published(root / "output")
        page.goto(server.url + "search/")
        expect(page.locator(".pagefind-ui__search-input")).to_be_visible(**WAIT)
        (root / EDITED).write_text(_briefing(5, " A kestrel was seen."), encoding="utf-8")
        server.wait_for(
            lambda: searchable(root / "output", "kestrel"), "the edit in the published index", 60
        )
        assert set(old) - set(
            published(root / "output")
        )  # the shard the page may have loaded is gone from output/
        page.fill(
            ".pagefind-ui__search-input", "harbour"
        )  # chunks not fetched before: from the shards the page loaded
        expect(page.locator(".pagefind-ui__message")).to_have_text(
            re.compile(rf"^{COUNT} results for harbour$"), **WAIT
        )
        page.goto(server.url + "search/?q=kestrel")
        expect(page.locator(".pagefind-ui__message")).to_have_text(
            re.compile(r"^1 result for kestrel$"), **WAIT
        )
        expect(page.locator(".pagefind-ui__result-link")).to_have_text(["Story 05"], **WAIT)
        assert failed == []
        assert server.stop() == 0
        assert "Traceback" not in server.stderr()
    finally:
        server.stop()
