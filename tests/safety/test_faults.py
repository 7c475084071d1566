"""A full disk or a read-only output folder: a clear error, exit 1, no traceback, the previous site intact."""

from __future__ import annotations

import errno
import subprocess
from pathlib import Path

import pytest

from sitegen.publish import write
from tests.safety.conftest import briefing, make_site, run_cli, tree


def _site(root: Path, body: str = "Nothing happened.\n") -> Path:
    return make_site(
        root,
        {
            "2023-10-27-alpha.md": briefing("Alpha", "2023-10-27", '["Iraq"]', body),
            "2023-10-26-beta.md": briefing("Beta", "2023-10-26", '["France"]'),
        },
    )


def _failing_open(code: int, after: int):
    """An `open` for write.py that fails with `code` once `after` files were opened."""
    calls = {"n": 0}

    def fake(path, mode="r", *args, **kwargs):
        if "w" in mode or "x" in mode:
            calls["n"] += 1
            if calls["n"] > after:
                raise OSError(code, __import__("os").strerror(code), str(path))
        return open(path, mode, *args, **kwargs)

    return fake


@pytest.mark.parametrize(
    "code, hint",
    [
        (errno.ENOSPC, "  Free some space on that disk and run the command again."),
        (
            errno.EROFS,
            "  That file system is read-only: make it writable, or build into another folder with --output DIR.",
        ),
        (errno.EACCES, "  Check the permissions of that file and its folder."),
    ],
)
def test_write_failure_mid_build_is_reported_and_output_kept(
    tmp_path: Path,
    capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    hint: str,
) -> None:
    site = _site(tmp_path)
    assert run_cli(capsys, "build", "--site", str(site), "--workers", "1")[0] == 0
    before = tree(site / "output")
    (site / "content" / "2023-10-25-gamma.md").write_text(
        briefing("Gamma", "2023-10-25", '["Kenya"]')
    )
    monkeypatch.setattr(write, "open", _failing_open(code, after=3), raising=False)
    monkeypatch.chdir(tmp_path)
    status, err = run_cli(capsys, "build", "--workers", "1")
    lines = err.splitlines()
    assert status == 1
    assert "Traceback" not in err and "internal error" not in err
    assert len(lines) == 2 and lines[1] == hint
    assert lines[0].startswith("error: .output.staging/") and lines[0].endswith(
        f": {__import__('os').strerror(code)}."
    )
    assert tree(site / "output") == before
    assert not (site / ".output.staging").exists()


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A 400 KiB tmpfs (skips where mounting is not allowed)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=400k", "tmpfs", str(disk)):
        pytest.skip("cannot mount a tmpfs here")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def test_really_full_disk(tmp_path: Path, capsys: pytest.CaptureFixture, tiny_disk: Path) -> None:
    site = _site(tmp_path / "site")
    output = tiny_disk / "output"
    assert (
        run_cli(capsys, "build", "--site", str(site), "--output", str(output), "--workers", "1")[0]
        == 0
    )
    before = tree(output)
    big = "\n\n".join(
        f"Paragraph {i} " + "words " * 150 for i in range(600)
    )  # ~550 KB of HTML: more than the disk holds
    (site / "content" / "2023-10-27-alpha.md").write_text(
        briefing("Alpha", "2023-10-27", '["Iraq"]', big)
    )
    status, err = run_cli(
        capsys, "build", "--site", str(site), "--output", str(output), "--workers", "1"
    )
    assert status == 1
    assert (
        "No space left on device." in err
        and "  Free some space on that disk and run the command again." in err.splitlines()
    )
    assert "Traceback" not in err
    assert tree(output) == before
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["output"]


@pytest.fixture
def read_only(tmp_path: Path):
    """A folder and a read-only bind mount of it (skips where mounting is not allowed)."""
    source, view = tmp_path / "rw", tmp_path / "ro"
    source.mkdir()
    view.mkdir()
    if not _mount("--bind", str(source), str(view)):
        pytest.skip("cannot bind-mount here")
    if not _mount("-o", "remount,bind,ro", str(view)):
        subprocess.run(["umount", "-l", str(view)], check=False)
        pytest.skip("cannot remount read-only here")
    yield source, view
    subprocess.run(["umount", "-l", str(view)], check=False)


def test_read_only_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture, read_only: tuple[Path, Path]
) -> None:
    source, view = read_only
    site = _site(tmp_path / "site")
    assert (
        run_cli(
            capsys,
            "build",
            "--site",
            str(site),
            "--output",
            str(source / "output"),
            "--workers",
            "1",
        )[0]
        == 0
    )
    before = tree(view / "output")
    (site / "content" / "2023-10-25-gamma.md").write_text(
        briefing("Gamma", "2023-10-25", '["Kenya"]')
    )
    status, err = run_cli(
        capsys, "build", "--site", str(site), "--output", str(view / "output"), "--workers", "1"
    )
    assert status == 1
    assert "Read-only file system" in err and "Traceback" not in err and "internal error" not in err
    assert tree(view / "output") == before
