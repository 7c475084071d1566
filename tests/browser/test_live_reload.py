"""In a real browser: an edit reloads the page by itself; a broken file shows the error overlay until fixed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_serve import (
    BRIEFING,
    BRIEFING_URL,
    BROKEN_TITLE,
    ERROR,
    TITLE,
    Served,
    edit,
    make_site,
)

RELOAD_SECONDS = 10


@pytest.fixture()
def served(tmp_path: Path):
    server = Served(make_site(tmp_path / "site"))
    yield server
    server.stop()


def open_listening(page, url: str) -> None:
    """Open `url` and wait until livereload.js has shaken hands over its websocket."""
    with page.expect_websocket(timeout=RELOAD_SECONDS * 1000) as info:
        page.goto(url)
    socket = info.value
    socket.wait_for_event("framereceived", timeout=RELOAD_SECONDS * 1000)  # the server's "hello"


def wait_for_reload(page, action) -> None:
    """Do `action` and wait until the page reloads by itself (a new document, a new websocket)."""
    page.evaluate("window.__before_reload = true")
    with page.expect_websocket(timeout=RELOAD_SECONDS * 1000) as info:
        action()
    info.value.wait_for_event("framereceived", timeout=RELOAD_SECONDS * 1000)
    assert page.evaluate("window.__before_reload === undefined")


def test_edit_reloads_and_errors_show_an_overlay_until_fixed(served, page, tmp_path):
    site = served.site
    open_listening(page, served.url + BRIEFING_URL)
    assert page.locator("h1").inner_text() == "Harbour Town Opens Its New Public Library"

    wait_for_reload(
        page,
        lambda: edit(
            site / BRIEFING,
            "The library holds about 80,000 books",
            "The library holds about 95,000 books",
        ),
    )
    assert "The library holds about 95,000 books" in page.locator("main").inner_text()
    assert page.locator("#sitegen-error-overlay").count() == 0

    wait_for_reload(page, lambda: edit(site / BRIEFING, TITLE, BROKEN_TITLE))
    overlay = page.locator("#sitegen-error-overlay")
    overlay.wait_for(state="visible", timeout=RELOAD_SECONDS * 1000)
    text = overlay.inner_text()
    assert ERROR in text  # file, line and message
    assert "showing the last good site" in text
    assert (
        "The library holds about 95,000 books" in page.locator("main").inner_text()
    )  # the last good page, under the overlay
    page.screenshot(path=str(tmp_path / "overlay.png"))

    wait_for_reload(page, lambda: edit(site / BRIEFING, BROKEN_TITLE, TITLE))
    assert page.locator("#sitegen-error-overlay").count() == 0
    assert page.locator("h1").inner_text() == "Harbour Town Opens Its New Public Library"
