"""Hazard seeds in tests/fixtures/seeds: each X.txt converts to exactly X.md (or fails with X.err)."""

from pathlib import Path

import pytest

from sitegen.config import ConvertConfig
from sitegen.convert import convert_seed, load_taxonomy

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
CASES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("seed", CASES, ids=[path.stem for path in CASES])
def test_fixture_seed(seed: Path, tmp_path: Path) -> None:
    config = ConvertConfig()
    result = convert_seed(seed.name, seed.read_bytes(), config, load_taxonomy(tmp_path, config))
    expected_md, expected_err = seed.with_suffix(".md"), seed.with_suffix(".err")
    if expected_md.exists():
        assert result.ok
        assert result.text == expected_md.read_text(encoding="utf-8")
    else:
        assert not result.ok and result.text == ""
        assert [p.message for p in result.problems] == [
            expected_err.read_text(encoding="utf-8").strip()
        ]
        assert result.problems[0].severity == "error"


def test_every_fixture_has_an_expectation() -> None:
    assert len(CASES) >= 45
    assert all(
        seed.with_suffix(".md").exists() != seed.with_suffix(".err").exists() for seed in CASES
    )


def test_no_date_is_a_draft_with_a_warning(tmp_path: Path) -> None:
    config = ConvertConfig()
    result = convert_seed(
        "no_date.txt", (SEEDS / "no_date.txt").read_bytes(), config, load_taxonomy(tmp_path, config)
    )
    assert (
        result.draft and result.date is None and result.slug_base == "a-headline-without-any-date"
    )
    assert [(p.path, p.severity, p.message) for p in result.problems] == [
        (
            "no_date.txt",
            "warning",
            "no publication date found (no date in the seed); written as a draft.",
        )
    ]


def test_non_latin_title_gets_hashed_slug(tmp_path: Path) -> None:
    config = ConvertConfig()
    result = convert_seed(
        "non_latin.txt",
        (SEEDS / "non_latin.txt").read_bytes(),
        config,
        load_taxonomy(tmp_path, config),
    )
    assert (
        result.slug_base.startswith("2023-10-27-briefing-")
        and len(result.slug_base) == len("2023-10-27-briefing-") + 10
    )


def test_too_large_seed_is_rejected(tmp_path: Path) -> None:
    config = ConvertConfig(max_seed_bytes=10)
    result = convert_seed("big.txt", b"x" * 11, config, load_taxonomy(tmp_path, config))
    assert not result.ok
    assert (
        result.problems[0].message == "seed rejected: larger than max_seed_bytes (11 > 10 bytes)."
    )
