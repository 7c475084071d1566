"""The sample site with search on, served under a sub-path (/news/) by http.server, in Chromium:
search by a body word and by topic, related coverage, no horizontal scroll at 375 and 1280 px,
and screenshots of home, a briefing, a topic and search into docs/screenshots/.
"""

from __future__ import annotations

import functools
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitegen.cli import main
from tests.browser.conftest import SCREENSHOTS

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "site"
BRIEFING = "2023/10/27/iraq-condemns-attacks-on-us-bases/index.html"
PAGES = {
    "home": "index.html",
    "briefing": BRIEFING,
    "topic": "topics/iraq/index.html",
    "search": "search/index.html",
    "topics": "topics/index.html",
    "archive": "archive/index.html",
    "month": "archive/2023/10/index.html",
}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest output clean
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, browser):
    """Build the sample site with search on; serve it at http://127.0.0.1:PORT/news/."""
    site = tmp_path_factory.mktemp("browser-site") / "site"
    shutil.copytree(SAMPLE, site)
    config = site / "sitegen.yaml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace("search: false", "search: true")
        .replace("per_page: 2", "per_page: 10"),
        encoding="utf-8",
    )
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1717200000")
    try:
        assert main(["build", "--site", str(site), "--quiet"]) == 0
    finally:
        mp.undo()
    www = site.parent / "www"
    www.mkdir()
    shutil.copytree(site / "output", www / "news")  # a sub-path, as on a project page host
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(www)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/news/"
    server.shutdown()
    server.server_close()


def result_titles(page) -> list[str]:
    page.wait_for_selector(".pagefind-ui__result-link")
    page.wait_for_load_state("networkidle")
    return sorted(page.locator(".pagefind-ui__result-link").all_inner_texts())


def test_search_finds_a_briefing_by_a_word_of_its_body(page, site_url):
    page.goto(site_url + PAGES["search"])
    page.fill(".pagefind-ui__search-input", "Thursday")  # only in the body of the Gaza briefing
    assert result_titles(page) == ["Aid convoy reaches Gaza"]
    page.locator(".pagefind-ui__result-link").first.click()
    page.wait_for_load_state()
    assert page.url == site_url + "2023/11/02/gaza-aid-convoy/index.html"


def test_search_filters_by_topic(page, site_url):
    page.goto(site_url + PAGES["search"])
    page.fill(".pagefind-ui__search-input", "attacks")
    assert result_titles(page) == [
        "Former Iraqi official: dissatisfaction with US military presence rises amid attacks on bases",
        "Iraq condemns attacks on bases housing US forces",
    ]
    page.locator(".pagefind-ui__filter-checkbox[name='topic'][value='Military']").check()
    page.wait_for_function("document.querySelectorAll('.pagefind-ui__result-link').length === 1")
    assert result_titles(page) == [
        "Former Iraqi official: dissatisfaction with US military presence rises amid attacks on bases"
    ]
    page.screenshot(path=str(SCREENSHOTS / "search.png"), full_page=True)


def test_filter_names_are_shown_as_text_never_as_markup(page, site_url):
    from playwright.sync_api import (
        expect,  # here: without Playwright the browser fixture skips the test
    )

    page.goto(site_url + PAGES["search"])
    page.fill(".pagefind-ui__search-input", "headline")
    # Pagefind draws the filter list once its filter index has loaded, and redraws it when the
    # search's counts arrive: wait for that state (the source's count for this search), not for time.
    wait = {"timeout": 60_000}  # a bound for a loaded machine, not a measured time
    expect(page.locator(".pagefind-ui__result-link")).to_have_count(1, **wait)
    source = page.locator(
        "details.pagefind-ui__filter-block", has=page.locator("summary", has_text="Source")
    )
    label = source.locator(".pagefind-ui__filter-label", has_text="Brien")
    expect(label).to_have_text(re.compile(r"\(1\)$"), **wait)
    if not source.evaluate(
        "block => block.open"
    ):  # closed by default (only the topic list opens on a wide screen)
        source.locator("summary").click()
    expect(source).to_have_js_property("open", True, **wait)
    expect(label).to_be_visible(**wait)
    assert label.inner_text().replace("\u2060", "") == "O'Brien & Sons <Press> (1)"
    assert page.locator(".pagefind-ui__filter-panel press").count() == 0


def test_a_briefing_shows_related_coverage_from_another_source_first(page, site_url):
    page.goto(site_url + BRIEFING)
    related = page.locator(".related li a")
    assert related.count() >= 1
    assert (
        related.first.inner_text()
        == "Former Iraqi official: dissatisfaction with US military presence rises amid attacks on bases"
    )
    related.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Former Iraqi official")


@pytest.mark.parametrize("width", [375, 1280])
def test_no_horizontal_scrolling(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        wide = {}
        for name, path in PAGES.items():
            page.goto(site_url + path)
            page.wait_for_load_state("networkidle")
            sizes = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if sizes[0] > sizes[1]:
                wide[name] = sizes
        assert wide == {}
    finally:
        context.close()


def test_keyboard_users_get_a_skip_link_and_visible_focus(page, site_url):
    page.goto(site_url + PAGES["home"])
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle, document.activeElement.getBoundingClientRect().left >= 0]"
    )
    assert focused == ["skip", "solid", True]
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_screenshots(page, site_url):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name in ("home", "briefing", "topic"):
        page.goto(site_url + PAGES[name])
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    assert all(
        (SCREENSHOTS / f"{name}.png").stat().st_size > 5000
        for name in ("home", "briefing", "topic")
    )


CONTRAST_JS = """
() => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  const lum = c => { const v = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
                     return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const background = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };
  const worst = [];
  for (const el of document.querySelectorAll("body *")) {
    if (!el.offsetParent && el.tagName !== "BODY") continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) worst.push(el.tagName + "." + el.className + ": " + ratio.toFixed(2));
  }
  return worst;
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_is_at_least_4_5_to_1(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    try:
        low = {}
        for name in ("home", "briefing", "topic", "topics", "archive", "month"):
            page.goto(site_url + PAGES[name])
            found = page.evaluate(CONTRAST_JS)
            if found:
                low[name] = found[:5]
        assert low == {}
    finally:
        context.close()
