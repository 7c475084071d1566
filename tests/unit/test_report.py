"""What a run prints: problems, progress (bars on a terminal, plain lines when piped) and the summary."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.errors import Problem
from sitegen.progress import PlainProgress, Progress
from sitegen.report import WARNINGS_SHOWN, Reporter, Summary, summary_lines

COLOUR = re.compile(
    r"\x1b\[[0-9;]*3[0-7](;[0-9]+)*m"
)  # an SGR sequence setting a foreground colour
SEEDS = 240  # above progress.LONG_WORK, so bars appear


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def full_summary() -> Summary:
    return Summary(
        seeds=(30, 2, 1),
        seeds_detail="skipped seeds: 1 unchanged, 0 hand-edited briefings kept, 1 duplicates; 0 drafts",
        briefings=29,
        topics=1,
        pages=(288, 3, 0),
        warnings=1,
        errors=1,
        seconds=0.5,
        timings={"render": 0.25},
    )


def test_summary_lines():
    assert summary_lines(full_summary()) == [
        "seeds: 30 converted, 2 skipped, 1 rejected",
        "site: 29 briefings, 1 topic; pages: 288 written, 3 unchanged, 0 removed",
        "1 warning, 1 error in 0.50 s",
    ]


def test_verbose_summary_breaks_down_skipped_seeds_and_times():
    lines = summary_lines(full_summary(), verbose=True)
    assert (
        lines[1]
        == "  skipped seeds: 1 unchanged, 0 hand-edited briefings kept, 1 duplicates; 0 drafts"
    )
    assert lines[3] == "  time per stage: render 0.25 s"


def test_nothing_changed_summary():
    assert summary_lines(
        Summary(seeds=(0, 3, 0), briefings=0, nothing_changed=True, seconds=0.1)
    ) == [
        "seeds: 0 converted, 3 skipped, 0 rejected",
        "site: nothing changed; output/ is up to date",
        "0 warnings, 0 errors in 0.10 s",
    ]


def test_quiet_prints_the_summary_only_on_errors():
    out = io.StringIO()
    Reporter(out, quiet=True).summary(Summary(seconds=1.0))
    assert out.getvalue() == ""
    Reporter(out, quiet=True).summary(Summary(errors=2, seconds=1.0))
    assert out.getvalue() == "0 warnings, 2 errors in 1.00 s\n"


def test_warnings_are_capped_unless_verbose():
    warnings = [
        Problem(f"content/{n:03}.md", 1, "odd.", None, "warning") for n in range(WARNINGS_SHOWN + 5)
    ]
    out = io.StringIO()
    Reporter(out).problems(warnings + [Problem("content/zzz.md", 2, "broken.")])
    lines = out.getvalue().splitlines()
    assert len(lines) == WARNINGS_SHOWN + 2
    assert lines[-2] == "content/zzz.md:2: error: broken."
    assert lines[-1] == "... and 5 more warnings (run with --verbose to see them all)."
    out = io.StringIO()
    Reporter(out, verbose=True).problems(warnings)
    assert len(out.getvalue().splitlines()) == WARNINGS_SHOWN + 5


def test_quiet_hides_warnings_but_not_errors():
    out = io.StringIO()
    Reporter(out, quiet=True).problems(
        [Problem("a.md", 1, "odd.", None, "warning"), Problem("b.md", 3, "bad.", "Fix it.")]
    )
    assert out.getvalue() == "b.md:3: error: bad.\n  Fix it.\n"


def test_colour_on_a_terminal_but_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    out = FakeTTY()
    Reporter(out).error("boom")
    assert out.getvalue() == "\x1b[31;1merror\x1b[0m: boom\n"
    monkeypatch.setenv("NO_COLOR", "")
    out = FakeTTY()
    Reporter(out).error("boom")
    assert out.getvalue() == "error: boom\n"
    out = io.StringIO()
    monkeypatch.delenv("NO_COLOR")
    Reporter(out).error("boom")
    assert out.getvalue() == "error: boom\n"


def test_progress_kind_follows_the_stream(monkeypatch):
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("CI", raising=False)
    assert type(Reporter(FakeTTY()).progress()).__name__ == "LiveProgress"
    assert type(Reporter(io.StringIO()).progress()).__name__ == "PlainProgress"
    assert type(Reporter(FakeTTY(), quiet=True).progress()) is Progress
    monkeypatch.setenv("CI", "true")
    assert type(Reporter(FakeTTY()).progress()).__name__ == "PlainProgress"


def test_plain_progress_prints_quarter_milestones_of_long_work_only():
    out = io.StringIO()
    progress = PlainProgress(out)
    for done in range(0, 401, 50):
        progress.converting(done, 400)
    advance = progress.rendering(100)  # short: nothing printed
    advance(100)
    assert out.getvalue().splitlines() == [
        "converting seeds: 100/400 (25%)",
        "converting seeds: 200/400 (50%)",
        "converting seeds: 300/400 (75%)",
        "converting seeds: 400/400 (100%)",
    ]


# --- the real command, on a pseudo-terminal and through a pipe -----------------------------------


@pytest.fixture(scope="module")
def seeds_template(tmp_path_factory) -> Path:
    """A site that no test builds: each test builds its own copy (seeds_site), so no test sees
    what another converted, in whatever order they run."""
    site = tmp_path_factory.mktemp("progress-site")
    (site / "sitegen.yaml").write_text("search: false\nrelated: 0\n", encoding="utf-8")
    seeds = site / "seeds"
    seeds.mkdir()
    for n in range(SEEDS):
        day = 1 + n % 28
        (seeds / f"seed-{n:03}.txt").write_text(
            f"May {day}, 2024\n\nHarbour report number {n}\n\nThe harbour board met on day {day} and agreed item {n}. Ships came and went.\n",
            encoding="utf-8",
        )
    return site


@pytest.fixture()
def seeds_site(seeds_template, tmp_path) -> Path:
    """A fresh, never-built copy of the site: every seed is converted by the test's own run."""
    site = tmp_path / "site"
    shutil.copytree(seeds_template, site)
    return site


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "FORCE_COLOR")}
    env.update(TERM="xterm-256color", COLUMNS="100", **extra)
    return env


def run_on_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run sitegen with stdout and stderr on a pseudo-terminal; return (status, what the terminal got)."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitegen", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_terminal_gets_bars_colour_and_the_summary(seeds_site, tmp_path):
    status, screen = run_on_terminal(
        ["build", "--site", str(seeds_site), "--output", str(tmp_path / "out1")], _env()
    )
    assert status == 0, screen
    assert "━" in screen  # rich's bar
    assert "converting seeds" in screen and "rendering pages" in screen
    assert COLOUR.search(screen)
    assert f"seeds: {SEEDS} converted, 0 skipped, 0 rejected" in screen
    assert "0 warnings, 0 errors in " in screen


def test_terminal_without_colour_when_no_color_is_set(seeds_site, tmp_path):
    status, screen = run_on_terminal(
        ["build", "--site", str(seeds_site), "--output", str(tmp_path / "out2")], _env(NO_COLOR="1")
    )
    assert status == 0, screen
    assert "site: " in screen
    assert not COLOUR.search(screen)


def test_pipe_gets_plain_lines(seeds_site, tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitegen",
            "build",
            "--site",
            str(seeds_site),
            "--output",
            str(tmp_path / "out3"),
        ],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr and "━" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-3] == f"seeds: {SEEDS} converted, 0 skipped, 0 rejected"
    assert re.fullmatch(
        rf"site: {SEEDS} briefings, 0 topics; pages: \d+ written, 0 unchanged, 0 removed", lines[-2]
    )  # a new output folder: all written
    assert re.fullmatch(r"0 warnings, 0 errors in \d+\.\d\d s", lines[-1])
    assert re.fullmatch(
        r"rendering pages: \d+/\d+ \(100%\)",
        [line for line in lines if line.startswith("rendering")][-1],
    )


def test_quiet_prints_nothing_on_success(seeds_site, tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitegen",
            "build",
            "--quiet",
            "--site",
            str(seeds_site),
            "--output",
            str(tmp_path / "out4"),
        ],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
