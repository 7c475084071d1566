"""Byte-identical output across runs, hash seeds, locales, time zones and worker counts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.parallel import MIN_PARALLEL
from tests.safety.conftest import REPO, SITE_CONFIG, briefing, make_site, run_cli, tree
from tests.safety.synthetic import write_seeds

SEEDS = (
    MIN_PARALLEL + 50
)  # enough briefings (and so pages) for load and render to go parallel with 2 workers


def _locales() -> list[str]:
    found = (
        subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
        if shutil.which("locale")
        else []
    )
    wanted = ["C", "C.utf8", "en_US.utf8", "de_DE.utf8", "tr_TR.utf8"]
    return [name for name in wanted if name in found] or ["C"]


def _variants() -> list[dict[str, str]]:
    locales = _locales()
    return [
        {"workers": "1", "PYTHONHASHSEED": "0", "LC_ALL": locales[0], "TZ": "UTC"},
        {"workers": "2", "PYTHONHASHSEED": "1", "LC_ALL": locales[-1], "TZ": "Pacific/Chatham"},
        {
            "workers": "2",
            "PYTHONHASHSEED": "4242",
            "LC_ALL": locales[len(locales) // 2],
            "TZ": "America/New_York",
        },
    ]


def _build(site: Path, variant: dict[str, str]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update({k: v for k, v in variant.items() if k != "workers"})
    env["PYTHONPATH"] = str(REPO)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitegen",
            "build",
            "--site",
            str(site),
            "--workers",
            variant["workers"],
            "-q",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def test_output_is_byte_identical_across_environments_and_workers(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    write_seeds(inputs, SEEDS)
    (inputs / "accents.txt").write_text(
        "date 2023-05-05 Zürich, İstanbul and Ångström: café talks\n\nÉcole, ıi, straße, Ⅻ and 😀 in a body long enough to be a paragraph of its own.\n",
        encoding="utf-8",
    )
    results = []
    for index, variant in enumerate(_variants()):
        site = tmp_path / f"site{index}"
        shutil.copytree(inputs, site / "seeds")
        (site / "sitegen.yaml").write_text(SITE_CONFIG, encoding="utf-8")
        _build(site, variant)
        results.append((tree(site / "content"), tree(site / "output")))
    content, output = results[0]
    assert len(content) > MIN_PARALLEL and len(output) > MIN_PARALLEL  # parallel load and render
    for index, (other_content, other_output) in enumerate(results[1:], 1):
        assert other_content == content, f"content/ differs in variant {index}"
        assert sorted(other_output) == sorted(output), f"file list differs in variant {index}"
        differing = [rel for rel in output if output[rel] != other_output[rel]]
        assert differing == [], f"variant {index} differs in {differing[:5]}"
    assert not any(str(tmp_path).encode() in data for data in output.values()), (
        "an absolute path leaked into output/"
    )


def test_future_briefings_follow_source_date_epoch_not_the_clock(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = {
        "2023-10-27-past.md": briefing("Past", "2023-10-27"),
        "2030-01-01-future.md": briefing("Future", "2030-01-01"),
    }
    for name, epoch, expected in (
        ("before", "1700000000", False),
        ("after", "1900000000", True),
    ):  # 2023-11-14 and 2030-03-17
        site = make_site(tmp_path / name, content)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        code, err = run_cli(capsys, "build", "--site", str(site), "--workers", "1")
        assert code == 0, err
        assert (
            site / "output" / "2030" / "01" / "01" / "future" / "index.html"
        ).exists() is expected
        assert (site / "output" / "2023" / "10" / "27" / "past" / "index.html").exists()
