"""The built site: its pages, feeds, links under a sub-path, and byte-identical rebuilds."""

from __future__ import annotations

import email.utils
import functools
import http.server
import shutil
import threading
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from sitegen.cli import main
from tests.e2e.conftest import make_site

BASE = "https://news.example.org/briefings/"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def links_of(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.links


def test_output_has_home_briefings_topics_and_feed(built_site):
    out = built_site / "output"
    for rel in (
        "index.html",
        "topics/index.html",
        "feed.xml",
        "atom.xml",
        "feed.json",
        "archive/index.html",
        "sitemap.xml",
    ):
        assert (out / rel).is_file(), rel
    pages = sorted(p.relative_to(out).as_posix() for p in out.glob("2023/10/27/*/index.html"))
    assert len(pages) == 2
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Iraq Condemns Attacks on Bases Housing US Forces" in home
    assert (out / "topics/iraq/index.html").is_file()
    assert (out / "topics/iraq/feed.xml").is_file()


def _feeds(out: Path) -> list[Path]:
    return sorted(out.glob("feed.xml")) + sorted(out.glob("topics/*/feed.xml"))


def test_every_rss_feed_is_valid_with_absolute_links_unique_guids_and_content_dates(built_site):
    out = built_site / "output"
    feeds = _feeds(out)
    assert len(feeds) > 3
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "rss20"
        guids = [entry.id for entry in parsed.entries]
        assert len(guids) == len(set(guids)) > 0
        for entry in parsed.entries:
            assert entry.link.startswith(BASE) and entry.id.startswith(BASE)
            assert email.utils.parsedate_to_datetime(entry.published)
        newest = max(email.utils.parsedate_to_datetime(e.published) for e in parsed.entries)
        assert email.utils.parsedate_to_datetime(parsed.feed.updated) == newest


def test_every_internal_link_resolves_on_disk(built_site):
    out = built_site / "output"
    missing = []
    for page in sorted(out.rglob("*.html")):
        if "pagefind" in page.parts or page.name == "404.html":
            continue
        for link in links_of(page.read_text(encoding="utf-8")):
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or link.startswith("#"):
                continue
            target = (page.parent / urllib.parse.unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                missing.append(f"{page.relative_to(out)} -> {link}")
    assert missing == []


@pytest.fixture()
def sub_path_server(built_site, tmp_path):
    """output/ published under /news/archive/ of a plain static web server."""
    host_root = tmp_path / "host"
    shutil.copytree(built_site / "output", host_root / "news" / "archive")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(host_root))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news/archive/"
    server.shutdown()


def test_every_link_and_asset_resolves_when_served_from_a_sub_path(sub_path_server):
    start = sub_path_server
    seen: set[str] = set()
    queue = [start]
    broken = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url) as response:
                body = response.read()
                kind = response.headers.get("Content-Type", "")
        except Exception as exc:  # noqa: BLE001 - any failure is a broken link
            broken.append(f"{url}: {exc}")
            continue
        if "html" not in kind:
            continue
        for link in links_of(body.decode("utf-8")):
            target = urllib.parse.urljoin(url, link).split("#")[0]
            if target.startswith(start):
                queue.append(target)
            elif target.startswith("http://127.0.0.1"):
                broken.append(f"{url} -> {link} leaves the sub-path")
    assert broken == []
    assert len(seen) > 20


def test_two_builds_of_the_same_input_are_byte_identical(tmp_path):
    first = make_site(tmp_path / "a", "search: true\n")
    second = make_site(tmp_path / "b", "search: true\n")
    assert main(["build", "--site", str(first), "--quiet"]) == 0
    assert main(["build", "--site", str(second), "--quiet"]) == 0

    def tree(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }

    a, b = tree(first / "output"), tree(second / "output")
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
