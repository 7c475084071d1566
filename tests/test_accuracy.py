"""Title, date and source accuracy on the BBC seed corpus (skipped when the corpus is absent)."""
from pathlib import Path

import pytest

from sitegen.accuracy import measure

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bbc"


@pytest.mark.skipif(not (CORPUS / "truth.jsonl").is_file(), reason="corpus not present")
def test_corpus_accuracy() -> None:
    result = measure(CORPUS)
    assert result.total == 2225
    for name in ("title", "date", "source"):
        assert result.percent(name) >= 99.9, result.mismatches[:20]
