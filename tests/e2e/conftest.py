"""A copy of the project's own site (the two original seeds), built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.cli import main

REPO = Path(__file__).resolve().parents[2]


def make_site(target: Path, config: str = "search: false\n") -> Path:
    """A fresh site with the project's seeds and an empty content folder."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "seeds", target / "seeds")
    (target / "content").mkdir()
    (target / "sitegen.yaml").write_text(config, encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The two original seeds converted and built, with search on, as a new user would."""
    site = make_site(
        tmp_path_factory.mktemp("site"), "base_url: https://news.example.org/briefings/\n"
    )
    assert main(["build", "--site", str(site), "--quiet"]) == 0
    return site
