"""`sitegen serve` as a process: serves the site, rebuilds on edits, keeps the last good site on errors, stops on Ctrl-C."""

from __future__ import annotations

import html
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from sitegen.cli import main

BRIEFING = "content/2024-05-14-harbour-town-opens-its-new-public-library.md"
BRIEFING_URL = "2024/05/14/harbour-town-opens-its-new-public-library/"
TITLE = 'title: "Harbour Town Opens Its New Public Library"'
BROKEN_TITLE = "title: Harbour Town: the new library"  # an unquoted `: ` is invalid YAML on line 2
ERROR = f"{BRIEFING}:2: error: invalid YAML in front matter: mapping values are not allowed in this context."


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_site(target: Path) -> Path:
    """A site from `sitegen new` with its sample briefing converted, search off (faster)."""
    assert main(["new", str(target), "--quiet"]) == 0
    config = target / "sitegen.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("search: true", "search: false"),
        encoding="utf-8",
    )
    assert main(["convert", "--site", str(target), "--quiet"]) == 0
    assert (target / BRIEFING).is_file()
    return target


class Served:
    """A running `python -m sitegen serve` and what it has printed so far."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sitegen",
                "serve",
                "--site",
                str(site),
                "--port",
                str(self.port),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.err: list[str] = []
        self.out: list[str] = []
        threading.Thread(target=self._read, args=(self.proc.stderr, self.err), daemon=True).start()
        threading.Thread(target=self._read, args=(self.proc.stdout, self.out), daemon=True).start()
        self.wait_for(lambda: self.fetch("") is not None, "the server to answer")

    @staticmethod
    def _read(stream, lines: list[str]) -> None:
        for line in stream:
            lines.append(line)

    def stderr(self) -> str:
        return "".join(self.err)

    def fetch(self, path: str) -> str | None:
        """The page's text, or None if the server does not answer (yet)."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if self.proc.poll() is not None:
                raise AssertionError(
                    f"sitegen serve exited with {self.proc.returncode}:\n{self.stderr()}"
                ) from None
            return None

    def wait_for(self, condition, what: str, seconds: float = 15) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.1)
        raise AssertionError(
            f"timed out after {seconds} s waiting for {what}; stderr:\n{self.stderr()}"
        )

    def stop(self) -> int:
        """Ctrl-C, as a user would; the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError("sitegen serve did not stop within 10 s of SIGINT") from None
        return self.proc.returncode


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture()
def served(tmp_path):
    server = Served(make_site(tmp_path / "site"))
    yield server
    server.stop()


def test_serve_rebuilds_reports_errors_keeps_the_last_good_site_and_stops_on_ctrl_c(served):
    site = served.site
    page = served.fetch(BRIEFING_URL)
    assert re.search(r"<h1[^>]*>Harbour Town Opens Its New Public Library</h1>", page)
    assert "livereload.js" in page  # the browser is told to listen for reloads

    edit(
        site / BRIEFING,
        "The library holds about 80,000 books",
        "The library holds about 95,000 books",
    )
    served.wait_for(
        lambda: "95,000 books" in (served.fetch(BRIEFING_URL) or ""),
        "the edited briefing to be rebuilt",
    )

    edit(site / BRIEFING, TITLE, BROKEN_TITLE)
    served.wait_for(lambda: ERROR in served.stderr(), "the error on stderr")
    served.wait_for(
        lambda: 'id="sitegen-error-overlay"' in (served.fetch(BRIEFING_URL) or ""), "the overlay"
    )
    page = served.fetch(BRIEFING_URL)
    assert "95,000 books" in page  # the last good page is still served
    assert ERROR in page

    edit(site / BRIEFING, BROKEN_TITLE, TITLE)
    served.wait_for(
        lambda: 'id="sitegen-error-overlay"' not in (served.fetch(BRIEFING_URL) or "x"),
        "the overlay to go",
    )

    assert served.stop() == 0
    assert "Traceback" not in served.stderr()


def test_a_missing_page_gets_the_404_page(served):
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(served.url + "no/such/page/", timeout=5)
    assert info.value.code == 404
    assert "Page not found" in info.value.read().decode("utf-8")


@pytest.mark.parametrize("base_url", ["https://example.org/", "https://example.org/news/"])
def test_the_404_page_is_styled_and_its_links_work_on_any_port(tmp_path, base_url):
    """The 404 page is served for any missing address: its stylesheet and links must work there too,
    whatever host and sub-path the site is published at and whatever port serve uses."""
    from html.parser import HTMLParser

    site = make_site(tmp_path / "site")
    edit(site / "sitegen.yaml", 'base_url: "http://localhost:8000/"', f'base_url: "{base_url}"')
    server = Served(site)
    try:
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(server.url + "no/such/deep/page/", timeout=5)
        page = info.value.read().decode("utf-8")
        links: list[str] = []

        class Links(HTMLParser):
            def handle_starttag(self, tag, attrs):
                attrs = dict(attrs)
                if (tag == "a" and "href" in attrs) or (
                    tag == "link" and attrs.get("rel") == "stylesheet"
                ):
                    links.append(attrs["href"])

        Links().feed(page)
        stylesheets = [link for link in links if link.endswith("style.css")]
        assert stylesheets and links
        for link in links:
            target = urllib.parse.urljoin(server.url + "no/such/deep/page/", link)
            if link.startswith("#"):
                continue
            assert target.startswith(server.url), f"{link} leaves the server"
            with urllib.request.urlopen(target, timeout=5) as response:
                assert response.status == 200, link
    finally:
        assert server.stop() == 0


def test_a_port_in_use_is_one_error_and_serving_is_never_announced(tmp_path):
    site = make_site(tmp_path / "site")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "sitegen", "serve", "--site", str(site), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert f"error: cannot listen on 127.0.0.1:{port}: Address already in use." in result.stderr
    assert "serving" not in result.stderr and "Traceback" not in result.stderr


def build_errors(site: Path) -> str:
    """What `sitegen build` prints about the site as it is now (the config is broken: it writes nothing)."""
    result = subprocess.run(
        [sys.executable, "-m", "sitegen", "build", "--site", str(site)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    return result.stderr


def test_serve_follows_the_config(served):
    """A new title in sitegen.yaml is in the pages served; so is a topic file named in it, in a folder of its own."""
    site = served.site
    assert "<title>Briefing Archive</title>" in served.fetch("")
    edit(site / "sitegen.yaml", 'title: "Briefing Archive"', 'title: "Harbour Gazette"')
    served.wait_for(
        lambda: "Harbour Gazette" in (served.fetch(BRIEFING_URL) or ""),
        "the new title on the briefing page",
    )
    assert "<title>Harbour Gazette</title>" in served.fetch("")
    assert "Briefing Archive" not in served.fetch(BRIEFING_URL)
    assert served.stop() == 0
    assert "Traceback" not in served.stderr()


@pytest.mark.parametrize(
    "broken",
    [
        (
            'title: "Briefing Archive"',
            'title: "Briefing Archive',
        ),  # invalid YAML: the quote is never closed
        ("per_page: 20", 'per_page: "lots"'),
        ("per_page: 20", "per_page: 20\npr_page: 5"),  # an unknown key
    ],
)
def test_a_broken_config_shows_over_the_last_good_site_until_it_is_fixed(served, broken):
    site = served.site
    old, new = broken
    edit(site / "sitegen.yaml", old, new)
    message = build_errors(site)
    served.wait_for(
        lambda: message in served.stderr(), "the error sitegen build gives, on serve's stderr"
    )
    served.wait_for(
        lambda: 'id="sitegen-error-overlay"' in (served.fetch(BRIEFING_URL) or ""), "the overlay"
    )
    page = served.fetch(BRIEFING_URL)
    first = message.splitlines()[0].split(": error: ", 1)[1]
    assert html.escape(first) in page or first in page  # the error, in the overlay
    assert re.search(
        r"<h1[^>]*>Harbour Town Opens Its New Public Library</h1>", page
    )  # over the last good page

    edit(site / "sitegen.yaml", new, old)
    served.wait_for(
        lambda: 'id="sitegen-error-overlay"' not in (served.fetch(BRIEFING_URL) or "x"),
        "the overlay to go",
    )
    assert served.stop() == 0
    assert "Traceback" not in served.stderr()


def test_after_a_config_change_the_served_site_is_the_one_build_makes(served, tmp_path):
    import shutil

    site = served.site
    edit(site / "sitegen.yaml", "per_page: 20", "per_page: 1")
    edit(site / "sitegen.yaml", 'title: "Briefing Archive"', 'title: "Harbour Gazette"')
    served.wait_for(lambda: "Harbour Gazette" in (served.fetch("") or ""), "the new config's build")
    assert served.stop() == 0
    copy = tmp_path / "copy"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("output", ".sitegen-cache"))
    assert main(["build", "--site", str(copy), "--quiet"]) == 0

    def files(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }

    assert files(site / "output") == files(copy / "output")
