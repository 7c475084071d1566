"""Settings and flags that used to be accepted without a word: each is a clear error, exit non-zero."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.cli import main
from tests.e2e.conftest import make_site


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitegen", *argv], capture_output=True, text=True)


@pytest.mark.parametrize(
    "argv, expected",
    [
        (
            ["build", "--workers", "0"],
            'error: argument --workers: "0" is not a number of processes; give a whole number of at least 1',
        ),
        (
            ["build", "--workers", "-2"],
            'error: argument --workers: "-2" is not a number of processes',
        ),
        (["build", "-q", "-v"], "error: --quiet and --verbose cannot be used together; choose one"),
        (
            ["new", "x", "--quiet", "--verbose"],
            "error: --quiet and --verbose cannot be used together; choose one",
        ),
        (
            ["serve", "--port", "99999"],
            'error: argument --port: "99999" is not a port; give a whole number from 1 to 65535',
        ),
        (["serve", "--port", "0"], 'error: argument --port: "0" is not a port'),
    ],
)
def test_bad_flags_are_usage_errors(tmp_path, argv, expected):
    result = run(*argv, *([] if argv[0] == "new" else ["--site", str(tmp_path)]))
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines()[0].startswith(expected), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "output").exists() and not (Path.cwd() / "x").exists()


def test_strict_quiet_prints_the_warnings_that_made_it_fail(tmp_path):
    site = make_site(tmp_path / "site")
    (site / "seeds" / "undated.txt").write_text(
        "A headline with no date at all here\n\nThe story says nothing about when it happened, only what happened in the town.\n",
        encoding="utf-8",
    )
    result = run("build", "--site", str(site), "--strict", "-q")
    assert result.returncode == 1
    assert "warning:" in result.stderr and "undated.txt" in result.stderr, result.stderr
    quiet = run(
        "build", "--site", str(site), "-q"
    )  # without --strict a warning is not a failure: nothing printed
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_a_permalink_with_dotdot_writes_nothing_outside_output(tmp_path):
    site = make_site(tmp_path / "site", 'search: false\npermalink: "../../{slug}/"\n')
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    result = run("build", "--site", str(site))
    assert result.returncode == 1
    assert result.stderr.startswith(
        'sitegen.yaml:2: error: permalink "../../{slug}/" leaves the site'
    ), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    after = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert after == before  # nothing written anywhere: not beside the site, not in output/


def test_an_unknown_permalink_field_is_a_config_error_not_an_internal_one(tmp_path):
    site = make_site(tmp_path / "site", 'search: false\npermalink: "{year}/{hour}/{slug}/"\n')
    result = run("build", "--site", str(site))
    assert result.returncode == 1
    assert result.stderr.startswith(
        "sitegen.yaml:2: error: permalink field {hour} is unknown; a permalink can use {year}, {month}, {day} and {slug}."
    ), result.stderr
    assert "KeyError" not in result.stderr


@pytest.mark.parametrize("index_links", ["true", "false"])
def test_an_html_permalink_gives_files_whose_links_resolve(tmp_path, index_links):
    site = make_site(
        tmp_path / "site", f'index_links: {index_links}\npermalink: "{{year}}/{{slug}}.html"\n'
    )
    assert main(["build", "--site", str(site), "--quiet"]) == 0
    pages = sorted(
        p.relative_to(site / "output").as_posix() for p in (site / "output").glob("20*/*.html")
    )
    assert pages and all(not p.endswith("index.html") for p in pages), pages
    assert not list((site / "output").rglob("*.htmlindex.html"))
    home = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{p}"' in home for p in pages)
    assert main(["check", "--site", str(site)]) == 0  # every link, feed and sitemap entry resolves
