"""The command line explains itself and fails in one clear line with status 2."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sitegen.cli import main


@pytest.mark.parametrize(
    "argv", [["--help"], ["convert", "--help"], ["build", "--help"], ["serve", "--help"]]
)
def test_help_explains_each_command(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: sitegen")
    assert "--site" in out or argv == ["--help"]


def test_top_level_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("convert", "build", "serve"):
        assert command in out


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["publish"], "error: argument COMMAND: invalid choice: 'publish'"),
        (["build", "--fast"], "error: unrecognized arguments: --fast"),
        ([], "error: the following arguments are required: COMMAND"),
    ],
)
def test_usage_errors_give_one_line_and_status_2(argv, expected):
    result = subprocess.run(
        [sys.executable, "-m", "sitegen", *argv], capture_output=True, text=True
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(expected)
    assert "Traceback" not in result.stderr


def test_missing_seeds_folder_is_a_usage_error(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitegen",
            "convert",
            "--site",
            str(tmp_path),
            "--seeds",
            str(tmp_path / "nope"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: seeds folder not found: {tmp_path / 'nope'}; create it or pass --seeds DIR"
    ]


def test_missing_site_folder_is_a_usage_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "sitegen", "build", "--site", str(tmp_path / "absent")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "site folder not found" in result.stderr and "Traceback" not in result.stderr


def test_a_looping_link_among_the_seeds_is_reported_and_the_rest_builds(tmp_path):
    from tests.e2e.conftest import make_site

    site = make_site(tmp_path / "site")
    (site / "seeds" / "loop.txt").symlink_to("loop.txt")
    result = subprocess.run(
        [sys.executable, "-m", "sitegen", "build", "--site", str(site)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert (
        "seeds/loop.txt: error: cannot read the seed: it is a link that is broken or loops.\n  Point the link at a real file, or delete it."
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert len(list((site / "output").glob("2023/10/27/*/index.html"))) == 2
