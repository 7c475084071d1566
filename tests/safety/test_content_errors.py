"""Broken content files: `path:line: what; how to fix`, that file skipped, the rest built, exit 1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.safety.conftest import briefing, make_site, run_cli, text_of

GOOD = {"2023-10-27-good.md": briefing("Good one")}
FIX = "  Fix the front matter, or re-run `sitegen convert --force` on the source seed."

CASES = {
    "yaml-syntax": (
        "---\ntitle: a: b\ndate: 2023-10-27\n---\nBody.\n",
        [
            "content/bad.md:2: error: invalid YAML in front matter: mapping values are not allowed in this context.",
            "  Check quoting and indentation on that line; quote titles that contain `: `.",
        ],
    ),
    "unclosed-quote": (
        '---\ntitle: "unclosed\ndate: 2023-10-27\n---\nBody.\n',
        [
            "content/bad.md:2: error: invalid YAML in front matter: found unexpected end of stream while scanning a quoted scalar that starts on this line.",
            "  Check quoting and indentation on that line; quote titles that contain `: `.",
        ],
    ),
    "control-character": (
        "---\ntitle: x\ndate: 2023-10-27\nsummary: a\x90b\n---\nBody.\n",
        [
            "content/bad.md:4: error: invalid YAML in front matter: character U+0090 is not allowed there.",
            "  Delete that character, or re-run `sitegen convert --force` on the source seed.",
        ],
    ),
    "title-is-a-list": (
        "---\ntitle: [a, b]\ndate: 2023-10-27\n---\nBody.\n",
        [
            "content/bad.md:2: error: `title` must be text, not a list or mapping.",
            '  Write it on one line, like title: "…"',
        ],
    ),
    "missing-title": (
        "---\ndate: 2023-10-27\n---\nBody.\n",
        [
            "content/bad.md:1: error: missing `title`: every briefing needs a headline.",
            '  Add a line like title: "…"',
        ],
    ),
    "impossible-date": (
        "---\ntitle: x\ndate: 2023-02-30\n---\nBody.\n",
        [
            'content/bad.md:3: error: date "2023-02-30" is not YYYY-MM-DD or an ISO 8601 date-time.',
            FIX,
        ],
    ),
    "unknown-key": (
        "---\ntitle: x\ndate: 2023-02-03\ntilte: y\n---\nBody.\n",
        ["content/bad.md:4: error: unknown front matter key `tilte`.", "  Did you mean `title`?"],
    ),
    "null-title": (
        "---\ntitle: null\ndate: 2023-10-27\n---\nBody.\n",
        [
            "content/bad.md:1: error: missing `title`: every briefing needs a headline.",
            '  Add a line like title: "…"',
        ],
    ),
    "tag-not-text": (
        "---\ntitle: x\ndate: 2023-02-03\ntags: [Iraq, [1, 2]]\n---\nBody.\n",
        [
            "content/bad.md:4: error: every tag must be a non-empty topic name (text).",
            '  Write it like tags: ["Iraq", "United States"]',
        ],
    ),
    "tags-not-a-list": (
        "---\ntitle: x\ndate: 2023-02-03\ntags: {a: b}\n---\nBody.\n",
        [
            "content/bad.md:4: error: `tags` must be a list of topic names.",
            '  Write it like tags: ["Iraq", "United States"]',
        ],
    ),
    "draft-not-bool": (
        "---\ntitle: x\ndate: 2023-02-03\ndraft: maybe\n---\nBody.\n",
        [
            "content/bad.md:4: error: `draft` must be true or false.",
            "  Write draft: true, or delete the line.",
        ],
    ),
    "no-front-matter": (
        "Just text.\n",
        [
            "content/bad.md:1: error: no front matter: the file must start with a `---` line and a closing `---`.",
            FIX,
        ],
    ),
    "not-utf8": (
        b"---\ntitle: x\ndate: 2023-02-03\n---\nline five\ncaf\xe9\n",
        [
            "content/bad.md:6: error: the file is not UTF-8 text.",
            "  Save it as UTF-8 in your editor.",
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_reported_skipped_and_the_rest_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    text, expected = CASES[case]
    make_site(tmp_path, {**GOOD, "bad.md": text})
    monkeypatch.chdir(tmp_path)
    code, err = run_cli(capsys, "build", "--workers", "1")
    lines = err.splitlines()
    assert code == 1
    first = lines.index(expected[0])
    assert lines[first : first + len(expected)] == expected
    assert "Traceback" not in err
    assert (tmp_path / "output" / "2023" / "10" / "27" / "good" / "index.html").is_file()
    assert not list((tmp_path / "output").rglob("bad"))


def test_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_site(tmp_path, GOOD)
    os.symlink("loop.md", tmp_path / "content" / "loop.md")  # unreadable even for root
    os.symlink("gone.md", tmp_path / "content" / "dangling.md")
    monkeypatch.chdir(tmp_path)
    code, err = run_cli(capsys, "build", "--workers", "1")
    lines = err.splitlines()
    assert code == 1
    assert "content/dangling.md: error: cannot read the file: No such file or directory." in lines
    assert (
        "content/loop.md: error: cannot read the file: Too many levels of symbolic links." in lines
    )
    assert (tmp_path / "output" / "2023" / "10" / "27" / "good" / "index.html").is_file()


def test_all_problems_are_listed_together(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_site(tmp_path, {**GOOD, **{f"{case}.md": CASES[case][0] for case in sorted(CASES)}})
    monkeypatch.chdir(tmp_path)
    code, err = run_cli(capsys, "build", "--workers", "1")
    assert code == 1
    reported = [
        line.split(": error: ")[0].split(":")[0] for line in err.splitlines() if ": error: " in line
    ]
    assert reported == [f"content/{case}.md" for case in sorted(CASES)]
    problem_lines = [i for i, line in enumerate(err.splitlines()) if ": error: " in line]
    assert problem_lines == list(
        range(problem_lines[0], problem_lines[0] + 2 * len(CASES), 2)
    )  # one block, each with its hint


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("yes", "yes"),
        ("012", "012"),
        ("2023-10-27", "2023-10-27"),
        ("no", "no"),
        ("1e3", "1e3"),
        ("0x1F", "0x1F"),
        ("'null'", "null"),
        ("'~'", "~"),
    ],
)
def test_yaml_values_in_a_title_are_the_text_they_are(
    tmp_path: Path,
    capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    raw: str,
    shown: str,
) -> None:
    make_site(tmp_path, {"2023-10-27-t.md": briefing(raw)})
    monkeypatch.chdir(tmp_path)
    code, err = run_cli(capsys, "build", "--workers", "1")
    assert code == 0, err
    assert text_of(tmp_path / "output" / "2023" / "10" / "27" / "t" / "index.html") == shown


def test_strict_turns_warnings_into_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = "Some headline without any date at all\n\nA body paragraph that is long enough to be a real briefing and has no date in it.\n"
    for strict, expected in ((False, 0), (True, 1)):
        site = make_site(tmp_path / str(strict), GOOD, {"nodate.txt": seed})
        code, err = run_cli(
            capsys,
            "build",
            "--site",
            str(site),
            "--workers",
            "1",
            *(["--strict"] if strict else []),
        )
        assert code == expected, err
        assert "seeds/nodate.txt: warning: " in err


def test_strict_still_fails_when_the_seed_with_a_warning_is_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    seed = "Some headline without any date at all\n\nA body paragraph that is long enough to be a real briefing and has no date in it.\n"
    site = make_site(tmp_path / "site", GOOD, {"nodate.txt": seed})
    assert run_cli(capsys, "build", "--site", str(site), "--workers", "1")[0] == 0
    for _ in range(2):  # the converter skips the unchanged seed, then the build skips the converter
        code, err = run_cli(capsys, "build", "--site", str(site), "--workers", "1", "--strict")
        assert code == 1, err
        assert "seeds/nodate.txt: warning: " in err
