"""Title, date and source accuracy on the BBC seed corpus (skipped when the corpus is absent, failed under CI)."""

from sitegen.accuracy import measure
from tests.corpus import BBC, require


def test_corpus_accuracy() -> None:
    require(BBC / "truth.jsonl")
    result = measure(BBC)
    assert result.total == 2225
    for name in ("title", "date", "source"):
        assert result.percent(name) >= 99.9, result.mismatches[:20]
