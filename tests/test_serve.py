"""`sitegen serve` as a process: serves the site, rebuilds on edits, keeps the last good site on errors, stops on Ctrl-C."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
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
    config.write_text(config.read_text(encoding="utf-8").replace("search: true", "search: false"), encoding="utf-8")
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
        self.proc = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--site", str(site), "--port", str(self.port)],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
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
                raise AssertionError(f"sitegen serve exited with {self.proc.returncode}:\n{self.stderr()}")
            return None

    def wait_for(self, condition, what: str, seconds: float = 15) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out after {seconds} s waiting for {what}; stderr:\n{self.stderr()}")

    def stop(self) -> int:
        """Ctrl-C, as a user would; the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError("sitegen serve did not stop within 10 s of SIGINT")
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

    edit(site / BRIEFING, "The library holds about 80,000 books", "The library holds about 95,000 books")
    served.wait_for(lambda: "95,000 books" in (served.fetch(BRIEFING_URL) or ""), "the edited briefing to be rebuilt")

    edit(site / BRIEFING, TITLE, BROKEN_TITLE)
    served.wait_for(lambda: ERROR in served.stderr(), "the error on stderr")
    page = served.fetch(BRIEFING_URL)
    assert "95,000 books" in page  # the last good page is still served
    assert 'id="sitegen-error-overlay"' in page and ERROR in page

    edit(site / BRIEFING, BROKEN_TITLE, TITLE)
    served.wait_for(lambda: 'id="sitegen-error-overlay"' not in (served.fetch(BRIEFING_URL) or "x"), "the overlay to go")

    assert served.stop() == 0
    assert "Traceback" not in served.stderr()


def test_a_missing_page_gets_the_404_page(served):
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(served.url + "no/such/page/", timeout=5)
    assert info.value.code == 404
    assert "Page not found" in info.value.read().decode("utf-8")
