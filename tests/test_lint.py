"""The project passes `ruff check` and `ruff format --check` (settings in pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the ruff of this environment (the test extra pins it) over the project."""
    beside = Path(sys.executable).parent / "ruff"
    binary = str(beside) if beside.is_file() else shutil.which("ruff")
    if binary is None:
        pytest.fail("ruff is not installed: pip install -e '.[test]'")
    return subprocess.run([binary, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_ruff_check_finds_nothing() -> None:
    result = ruff("check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, f"ruff check:\n{result.stdout}{result.stderr}"


def test_the_tree_is_formatted_as_ruff_formats_it() -> None:
    result = ruff("format", "--no-cache", "--check", ".")
    assert result.returncode == 0, (
        f"ruff format --check (run `ruff format .` to fix):\n{result.stdout}{result.stderr}"
    )
