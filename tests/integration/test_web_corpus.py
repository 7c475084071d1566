"""The converter on the real-web development set (../shared/corpus/web): the figures issue 12 asks for.

The set is read where it lies (never copied into the project); the test is skipped when it is absent
(and fails under CI, see tests/corpus.py).
Its score.py runs `sitegen convert` on each style and scores every field; this test fails below:
date right on >= 90% of the seeds whose day is visible, a wrong date on <= 3% of all seeds, title and
source >= 90%, body 100%, >= 85% of the page seeds free of furniture; for each style and for en, de,
fr and es on their own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.corpus import require

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "web"


@pytest.fixture(scope="module", autouse=True)  # before the module's other fixtures
def _corpus() -> None:
    require(CORPUS / "score.py")  # skipped where the set is absent, failed under CI


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    out = tmp_path_factory.mktemp("web")
    command = f"{sys.executable} -m sitegen convert --seeds {{seeds}} --content {{out}}"
    done = subprocess.run(
        [
            sys.executable,
            str(CORPUS / "score.py"),
            "--cwd",
            str(out),
            "--cmd",
            command,
            "--details",
            "0",
            "--json",
            str(out / "web.json"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads((out / "web.json").read_text(encoding="utf-8"))["results"]


def _groups(results: list[dict]) -> dict[str, list[dict]]:
    groups = {
        "all": results,
        "article": [r for r in results if r["style"] == "article"],
        "page": [r for r in results if r["style"] == "page"],
    }
    for lang in ("en", "de", "fr", "es"):
        groups[lang] = [r for r in results if r["lang"] == lang]
    return groups


def _share(rows: list[dict], field: str) -> float:
    scored = [r for r in rows if r[field] is not None]
    return sum(bool(r[field]) for r in scored) / len(scored) if scored else 1.0


def test_no_seed_crashes_or_goes_missing(results):
    assert len(results) == 262
    assert not [r["file"] for r in results if r.get("crashed") or not r.get("output")]


@pytest.mark.parametrize("group", ["all", "article", "page", "en", "de", "fr", "es"])
def test_title_and_source(results, group):
    rows = _groups(results)[group]
    assert _share(rows, "title") >= 0.90, [r["file"] for r in rows if not r["title"]]
    assert _share(rows, "source") >= 0.90, [r["file"] for r in rows if not r["source"]]


@pytest.mark.parametrize("group", ["all", "article", "page", "en", "de", "fr", "es"])
def test_dates_found_and_rarely_wrong(results, group):
    rows = _groups(results)[group]
    visible = [r for r in rows if r["expected"]["date"]]
    right = [r for r in visible if r["date"]]
    wrong = [r for r in rows if (r.get("got") or {}).get("date") and not r["date"]]
    assert len(right) >= 0.90 * len(visible), [r["file"] for r in visible if not r["date"]]
    assert len(wrong) <= 0.03 * len(rows), [
        (r["file"], r["got"]["date"], r["expected"]["date"]) for r in wrong
    ]


@pytest.mark.parametrize("group", ["all", "article", "page", "en", "de", "fr", "es"])
def test_body_keeps_the_story(results, group):
    rows = _groups(results)[group]
    assert all(r["body"] for r in rows), [r["file"] for r in rows if not r["body"]]


@pytest.mark.parametrize("group", ["page", "en", "de", "fr", "es"])
def test_furniture_dropped(results, group):
    rows = [r for r in _groups(results)[group] if r["furniture"] is not None]
    assert _share(rows, "furniture") >= 0.85, [r["file"] for r in rows if not r["furniture"]]
