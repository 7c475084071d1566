"""The search page in Chromium: opened from disk it says search needs a web server; on a phone
(390 px) the results come first and the filters fold; it is styled like the rest of the site."""

from __future__ import annotations

from tests.browser import test_archive_browser
from tests.browser.test_archive_browser import PAGES

site_url = test_archive_browser.site_url  # the fixture: the built, served sample site

PHONE = {"width": 390, "height": 844}


def test_opened_from_disk_it_says_search_needs_a_web_server(browser, site_url, tmp_path_factory):
    output = next(tmp_path_factory.getbasetemp().glob("browser-site*/site/output"))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto((output / "search" / "index.html").as_uri())
        message = page.locator("#search-needs-server")
        message.wait_for(state="visible")
        text = message.inner_text()
        assert (
            "Search needs a web server." in text
            and "sitegen serve" in text
            and "python -m http.server" in text
        )
        assert "Searching" not in page.locator("main").inner_text()
        assert (
            page.locator(".pagefind-ui__search-input").count() == 0
        )  # no search box that can never answer
    finally:
        context.close()


def test_served_the_message_stays_hidden(page, site_url):
    page.goto(site_url + PAGES["search"])
    page.wait_for_selector(".pagefind-ui__search-input")
    assert not page.locator("#search-needs-server").is_visible()


def search_on_a_phone(browser, site_url, query: str):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}{PAGES['search']}?q={query}")
    page.wait_for_selector(".pagefind-ui__result-link")
    page.wait_for_load_state("networkidle")
    return context, page


def test_on_a_phone_the_first_result_is_on_the_first_screen_and_filters_fold_below(
    browser, site_url
):
    context, page = search_on_a_phone(browser, site_url, "iraq")
    try:
        first = page.locator(".pagefind-ui__result").first.bounding_box()
        assert first is not None and first["y"] + 60 < PHONE["height"], (
            first
        )  # its title is on the first screen
        panel = page.locator(".pagefind-ui__filter-panel").bounding_box()
        assert panel is not None and panel["y"] > first["y"]  # filters come after the results
        blocks = page.locator("details.pagefind-ui__filter-block")
        assert blocks.count() > 0
        assert all(
            not blocks.nth(i).evaluate("el => el.open") for i in range(blocks.count())
        )  # folded
    finally:
        context.close()


def test_topics_with_no_result_are_not_listed(browser, site_url):
    context, page = search_on_a_phone(browser, site_url, "gaza")
    try:
        page.locator("details.pagefind-ui__filter-block summary").first.click()
        labels = page.locator(".pagefind-ui__filter-label").all_inner_texts()
        assert labels and not any(label.strip().endswith("(0)") for label in labels), labels
    finally:
        context.close()


def assert_excerpts_skip_the_headline(page) -> None:
    """No excerpt starts with its headline, nor with the headline's last words."""
    results = page.locator(".pagefind-ui__result").all()
    assert results
    for result in results:
        title = result.locator(".pagefind-ui__result-link").inner_text().strip().lower()
        excerpt = result.locator(".pagefind-ui__result-excerpt").inner_text().strip()
        words = title.split()
        ends = [
            " ".join(words[i:]) for i in range(len(words) - 1)
        ]  # the whole headline and every end of two words or more
        assert excerpt and not any(excerpt.lower().startswith(end) for end in ends), (
            title,
            excerpt,
        )
        assert excerpt[0].isalnum(), excerpt  # no stray punctuation left where the headline was


def test_results_look_like_the_sites_links_and_excerpts_do_not_repeat_the_headline(
    page, browser, site_url
):
    page.goto(site_url + PAGES["home"])
    site_link = page.locator(".card h2 a").first.evaluate(
        "a => [getComputedStyle(a).color, getComputedStyle(a).textDecorationLine, getComputedStyle(a).fontFamily]"
    )
    page.goto(site_url + PAGES["search"] + "?q=iraq")
    page.wait_for_selector(".pagefind-ui__result-link")
    page.wait_for_load_state("networkidle")
    result_link = page.locator(".pagefind-ui__result-link").first.evaluate(
        "a => [getComputedStyle(a).color, getComputedStyle(a).textDecorationLine, getComputedStyle(a).fontFamily]"
    )
    assert result_link == site_link
    assert_excerpts_skip_the_headline(page)
    page.fill(
        ".pagefind-ui__search-input", "attacks"
    )  # an excerpt that starts in the middle of a headline
    page.wait_for_function(
        "document.querySelector('.pagefind-ui__message') && document.querySelector('.pagefind-ui__message').textContent.includes('attacks')"
    )
    page.wait_for_load_state("networkidle")
    assert_excerpts_skip_the_headline(page)
    clear = page.locator(".pagefind-ui__search-clear")
    style = clear.evaluate(
        "b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).borderTopStyle, getComputedStyle(b).color]"
    )
    card = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--card').trim()"
    )
    assert style[1] == "solid" and style[0] != "rgba(0, 0, 0, 0)" and style[2] == site_link[0], (
        style,
        card,
    )
    box, field = clear.bounding_box(), page.locator(".pagefind-ui__search-input").bounding_box()
    assert (
        field["y"] <= box["y"] and box["y"] + box["height"] <= field["y"] + field["height"]
    )  # inside the search box
