"""A short fuzz run in CI: 2,000 generated seeds and front-matter files, 0 crashes, no live code."""

from __future__ import annotations

from pathlib import Path

from fuzz.run import run


def test_two_thousand_generated_inputs_build_with_no_crash_and_no_live_code(tmp_path: Path) -> None:
    result = run(count=2000, batch=1000, workdir=tmp_path, seed=6, workers=2)
    assert result.inputs == 2000
    assert result.builds == 2
    assert result.pages_checked > 500  # the generated inputs do reach the published site
    assert result.findings == []
    assert (result.crashes, result.tracebacks, result.live_code) == (0, 0, 0)
