"""CI requires the corpus as it requires the browser: a missing corpus fails, never skips, there."""

from pathlib import Path

import pytest

from tests.corpus import present, require

CI_SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "run"


def test_a_missing_corpus_skips_outside_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITEGEN_REQUIRE_CORPUS", raising=False)
    assert present(tmp_path / "nope") is False
    with pytest.raises(pytest.skip.Exception):
        require(tmp_path / "nope")
    assert require(tmp_path) == tmp_path


def test_a_missing_corpus_fails_under_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITEGEN_REQUIRE_CORPUS", "1")
    for check in (present, require):
        with pytest.raises(pytest.fail.Exception, match="CI must not skip"):
            check(tmp_path / "nope")


def test_ci_requires_the_corpus_and_the_browser() -> None:
    script = CI_SCRIPT.read_text(encoding="utf-8")
    assert (
        "export SITEGEN_REQUIRE_CORPUS=1" in script and "export SITEGEN_REQUIRE_BROWSER=1" in script
    )
