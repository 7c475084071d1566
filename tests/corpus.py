"""The shared corpora beside the repository (../shared/corpus): skipped where they are absent,
except under CI, which sets SITEGEN_REQUIRE_CORPUS=1 (.ci/run) so a missing corpus fails the run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
BBC = SHARED / "bbc"
WEB = SHARED / "web"


def required() -> bool:
    return os.environ.get("SITEGEN_REQUIRE_CORPUS") == "1"


def present(path: Path) -> bool:
    """Whether `path` (a corpus file or folder) is here; under CI its absence fails the test."""
    if path.exists():
        return True
    if required():
        pytest.fail(
            f"the corpus is missing ({path.name} under ../shared/corpus), and SITEGEN_REQUIRE_CORPUS=1: CI must not skip the corpus tests"
        )
    return False


def require(path: Path) -> Path:
    """`path`, or skip the test where the corpus is absent (fail under CI)."""
    if not present(path):
        pytest.skip(f"the corpus is not beside the repository ({path.name} under ../shared/corpus)")
    return path
