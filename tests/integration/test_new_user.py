"""A new user's first steps, as docs/getting-started.md tells them, on a real (not editable) install.

`pip install <repository>` builds a wheel, so this catches package data left out of it (the
built-in theme, the `sitegen new` template). The fresh venv gets sitegen itself from the
repository; its dependencies come from the test environment through a .pth file, so the test
needs no download beyond the build backend pip fetches for an isolated build (cached after
the first run). It takes about 15 s.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import urllib.request
from pathlib import Path

import pytest

from tests.test_serve import free_port

REPO = Path(__file__).resolve().parents[2]
SEED = next(iter(sorted((REPO / "seeds").glob("*.txt"))), None)


def run(argv: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    return result


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A fresh venv with sitegen pip-installed from the repository (not editable)."""
    home = tmp_path_factory.mktemp("new-user")
    env_dir = home / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True, timeout=120)
    purelib = Path(
        subprocess.run(
            [
                str(env_dir / "bin" / "python"),
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['purelib'])",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (purelib / "test-deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )  # jinja2, rich, ... from the test env
    source = (
        home / "sitegen-src"
    )  # a copy, so the build leaves no build/ or egg-info in the repository
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            "output",
            ".sitegen-cache",
            "__pycache__",
            "*.egg-info",
            "build",
            "node_modules",
            ".pytest_cache",
        ),
    )
    result = subprocess.run(
        [str(env_dir / "bin" / "pip"), "install", "--no-deps", "-q", str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0 and (
        "NewConnectionError" in result.stderr
        or "No matching distribution found for setuptools" in result.stderr
    ):
        pytest.skip("pip cannot reach the package index to fetch the build backend")
    assert result.returncode == 0, result.stderr
    return env_dir


def test_installed_package_is_not_the_repository_and_ships_its_data(venv):
    code = (
        "import sitegen, pathlib; p = pathlib.Path(sitegen.__file__).parent; print(p); "
        "print(sorted(x.name for x in (p / 'theme' / 'templates').iterdir())); print((p / 'theme' / 'static' / 'style.css').is_file()); "
        "print(sorted(x.relative_to(p / 'data' / 'site-template').as_posix() for x in (p / 'data' / 'site-template').rglob('*') if x.is_file()))"
    )
    out = run([str(venv / "bin" / "python"), "-c", code], venv).stdout.splitlines()
    assert Path(out[0]).is_relative_to(venv), f"sitegen imported from {out[0]}, not the install"
    templates = eval(out[1])  # noqa: S307 - our own print of a list of names
    assert {
        "base.html",
        "briefing.html",
        "index.html",
        "topic.html",
        "topics.html",
        "archive.html",
        "period.html",
        "404.html",
        "search.html",
    } <= set(templates)
    assert out[2] == "True"
    assert eval(out[3]) == [
        "gitignore",
        "seeds/2024-05-14-sample-briefing.txt",
        "sitegen.yaml",
        "themes/default/templates/README.md",
    ]  # noqa: S307 - as above


@pytest.mark.skipif(SEED is None, reason="the repository's seeds/ folder is missing")
def test_new_seed_build_check_serve(venv, tmp_path):
    sitegen = str(venv / "bin" / "sitegen")
    assert run([sitegen, "--version"], tmp_path).returncode == 0

    made = run([sitegen, "new", "mysite"], tmp_path)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "mysite"
    shutil.copy(SEED, site / "seeds" / SEED.name)

    built = run([sitegen, "build"], site)
    assert built.returncode == 0, built.stderr
    assert "seeds: 2 converted, 0 skipped, 0 rejected" in built.stderr
    assert len(list((site / "content").glob("*.md"))) == 2
    assert (site / "output" / "index.html").is_file() and (
        site / "output" / "static" / "style.css"
    ).is_file()

    checked = run([sitegen, "check"], site)
    assert checked.returncode == 0, checked.stderr

    port = free_port()
    proc = subprocess.Popen(
        [sitegen, "serve", "--port", str(port)],
        cwd=site,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = wait_for_page(f"http://127.0.0.1:{port}/", proc)
        assert "Harbour Town Opens Its New Public Library" in page
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def wait_for_page(url: str, proc: subprocess.Popen, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(
                f"sitegen serve exited with {proc.returncode}: {proc.stderr.read()}"
            )
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds} s")
