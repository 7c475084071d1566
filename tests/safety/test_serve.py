"""The dev server: loopback by default, nothing outside output/, survives folders vanishing, clean Ctrl-C."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sitegen.serve.server import is_loopback, resolve_request
from sitegen.serve.watch import Debouncer
from tests.safety.conftest import REPO, briefing, make_site

SECRET = "TOPSECRET-6f1c"
TRAVERSALS = [
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/static/..%2f..%2fsecret.txt",
    "/static/%2e%2e/%2e%2e/secret.txt",
    "/..\\secret.txt",
    "/%5c..%5csecret.txt",
    "/..%5csecret.txt",
    "//etc/passwd",
    "/%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/%252e%252e/secret.txt",
    "/.%2e/secret.txt",
    "/secret.txt%00.html",
    "/leak.txt",
    "/leakdir/passwd",
    "/leakdir/",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    """`sitegen serve` in a subprocess, its stderr collected line by line."""

    def __init__(self, site: Path, *extra: str) -> None:
        self.port = _free_port()
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sitegen",
                "serve",
                "--site",
                str(site),
                "--port",
                str(self.port),
                "--workers",
                "1",
                *extra,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: list[str] = []
        for stream in (self.process.stdout, self.process.stderr):
            threading.Thread(target=lambda s=stream: self.lines.extend(s), daemon=True).start()
        self.wait_for(
            lambda: any("serving" in line for line in self.lines) and self.get("/")[0] == 200,
            "the server to start",
        )

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, response.read()
        except OSError:
            return 0, b""

    def wait_for(self, condition, what: str, seconds: float = 20) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"serve exited ({self.process.returncode}) waiting for {what}:\n"
                    + "".join(self.lines)
                )
            if condition():
                return
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}:\n" + "".join(self.lines))

    def interrupt(self) -> int:
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=20)
        time.sleep(0.1)
        return code

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = make_site(
        tmp_path / "site",
        {
            "2023-10-27-alpha.md": briefing("Alpha"),
            "extra/2023-10-26-beta.md": briefing("Beta", "2023-10-26"),
        },
    )
    (root / "secret.txt").write_text(SECRET)
    return root


def _listening_addresses(port: int) -> set[str]:
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            local, state = row.split()[1], row.split()[3]
            address, _, hex_port = local.rpartition(":")
            if int(hex_port, 16) == port and state == "0A":  # LISTEN
                found.add(address)
    return found


def test_binds_loopback_by_default_and_stops_cleanly_on_ctrl_c(site: Path) -> None:
    served = Served(site)
    try:
        assert _listening_addresses(served.port) == {"0100007F"}  # 127.0.0.1 only
        assert not any("warning" in line for line in served.lines)
        assert served.interrupt() == 0
        assert not any("Traceback" in line for line in served.lines), "".join(served.lines)
    finally:
        served.stop()


def test_other_host_gets_a_warning(site: Path) -> None:
    served = Served(site, "--host", "0.0.0.0")
    try:
        assert (
            "warning: serving on 0.0.0.0, reachable from other machines. Use --host 127.0.0.1 to keep it local.\n"
            in served.lines
        )
        assert served.interrupt() == 0
    finally:
        served.stop()


def test_never_serves_a_file_outside_output(site: Path) -> None:
    served = Served(site)
    try:
        os.symlink(site / "secret.txt", site / "output" / "leak.txt")
        os.symlink("/etc", site / "output" / "leakdir")
        for path in TRAVERSALS:
            status, body = served.get(path)
            assert status in (400, 404), (path, status)
            assert SECRET.encode() not in body and b"root:" not in body, path
        assert served.get("/2023/10/27/alpha/")[0] == 200
    finally:
        served.stop()


def test_resolve_request_refuses_to_leave_the_root(tmp_path: Path) -> None:
    root = tmp_path / "output"
    (root / "a").mkdir(parents=True)
    (root / "a" / "index.html").write_text("x")
    (tmp_path / "secret.txt").write_text(SECRET)
    os.symlink(tmp_path / "secret.txt", root / "link.txt")
    assert resolve_request(root, "a/") == root / "a" / "index.html"
    for path in [
        "../secret.txt",
        "a/../../secret.txt",
        "link.txt",
        "a/..\\..\\secret.txt",
        "a\0/index.html",
        "/../secret.txt",
    ]:
        assert resolve_request(root, path) is None, path


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("::", False),
        ("example.org", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_survives_folders_deleted_and_renamed_while_watching(site: Path) -> None:
    served = Served(site)
    try:
        assert served.get("/2023/10/26/beta/")[0] == 200
        (site / "content" / "extra").rename(site / "content" / "moved")
        time.sleep(0.5)
        import shutil

        shutil.rmtree(site / "content" / "moved")
        served.wait_for(
            lambda: served.get("/2023/10/26/beta/")[0] == 404, "the deleted briefing's page to go"
        )
        (site / "content").rename(site / "content-away")
        time.sleep(0.5)
        (site / "content-away").rename(site / "content")
        (site / "content" / "2023-10-27-alpha.md").write_text(briefing("Alpha renamed"))
        served.wait_for(
            lambda: b"Alpha renamed" in served.get("/2023/10/27/alpha/")[1],
            "a rebuild after the folders came and went",
        )
        assert served.interrupt() == 0
        assert not any("Traceback" in line for line in served.lines), "".join(served.lines)
    finally:
        served.stop()


def test_edits_during_a_build_give_exactly_one_more_build() -> None:
    now = [0.0]
    runs: list[float] = []
    started, release = threading.Event(), threading.Event()

    def action() -> None:
        runs.append(now[0])
        started.set()
        assert release.wait(10)

    debouncer = Debouncer(action, quiet_seconds=0.05, clock=lambda: now[0])
    debouncer.start()
    try:
        debouncer.poke()
        now[0] += 0.06
        assert started.wait(10)
        for _ in range(10):  # a burst of edits while the first build runs
            debouncer.poke()
            now[0] += 0.02
        now[0] += 0.06
        release.set()
        assert debouncer.wait_idle(10)
        assert len(runs) == 2  # and no change waits for another
        assert runs[1] >= runs[0] + 0.25  # the second began after the burst, not during it
    finally:
        debouncer.stop()


def test_sigterm_stops_cleanly_and_writes_the_state(site: Path) -> None:
    served = Served(site)
    try:
        (site / "content" / "2023-10-27-alpha.md").write_text(briefing("Alpha edited"))
        served.wait_for(
            lambda: b"Alpha edited" in served.get("/2023/10/27/alpha/")[1], "the edit to show"
        )
        served.process.send_signal(signal.SIGTERM)
        assert served.process.wait(timeout=20) == 0
        assert not any("Traceback" in line for line in served.lines), "".join(served.lines)
        assert (
            site / ".sitegen-cache" / "build-state.sqlite"
        ).is_file()  # the next start need not build everything
    finally:
        served.stop()


def test_a_template_error_mid_render_leaves_the_last_good_site_whole(tmp_path: Path) -> None:
    """Serve builds as build does: into staging, swapped in whole; a failed render publishes nothing."""
    from sitegen.render.templates import BUILTIN_THEME
    from tests.safety.conftest import tree

    site = make_site(
        tmp_path / "site",
        {
            f"2023-10-{1 + i:02d}-story-{i}.md": briefing(f"Story {i}", f"2023-10-{1 + i:02d}")
            for i in range(8)
        },
    )
    builtin = (BUILTIN_THEME / "templates" / "briefing.html").read_text(encoding="utf-8")
    marker = "{{ briefing.title }}</h1>"
    assert builtin.count(marker) == 1
    folder = site / "themes" / "default" / "templates"
    folder.mkdir(parents=True)
    (folder / "briefing.html").write_text(builtin, encoding="utf-8")
    served = Served(site)
    try:
        good = tree(site / "output")
        # every briefing page changes; the fifth of eight fails, after others have rendered
        broken = builtin.replace(
            marker,
            marker + 'NEW-LOOK{% if briefing.title == "Story 4" %}{{ briefng.title }}{% endif %}',
        )
        (folder / "briefing.html").write_text(broken, encoding="utf-8")
        served.wait_for(
            lambda: b'id="sitegen-error-overlay"' in served.get("/2023/10/01/story-0/")[1],
            "the overlay",
        )
        assert any("'briefng' is undefined" in line for line in served.lines)
        assert tree(site / "output") == good  # byte for byte the last good site
        page = served.get("/2023/10/01/story-0/")[1]
        assert b"NEW-LOOK" not in page and b"&#x27;briefng&#x27; is undefined" in page

        (folder / "briefing.html").write_text(
            builtin.replace(marker, marker + "NEW-LOOK"), encoding="utf-8"
        )
        served.wait_for(
            lambda: b"NEW-LOOK" in served.get("/2023/10/05/story-4/")[1],
            "the fixed template's pages",
        )
        assert b'id="sitegen-error-overlay"' not in served.get("/2023/10/05/story-4/")[1]
        assert all(
            b"NEW-LOOK" in data
            for rel, data in tree(site / "output").items()
            if rel.startswith("2023/10/0") and rel.endswith("/index.html")
        )
        assert served.interrupt() == 0
    finally:
        served.stop()
