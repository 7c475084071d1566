"""Measure convert accuracy on a corpus with truth.jsonl: python -m sitegen.accuracy DIR."""
from __future__ import annotations

import html
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.config import ConvertConfig
from sitegen.convert import convert_seed, load_taxonomy

FIELDS = ("title", "date", "source")


def shown(value: str | None) -> str | None:
    """A text as a reader sees it: HTML entities decoded, runs of spaces as one.

    The BBC truth keeps the dataset's raw text (`&#163;8m`, doubled spaces); the converter
    decodes entities and collapses spaces, so both sides are compared as shown.
    """
    return " ".join(html.unescape(value).split()) if value is not None else None


@dataclass
class Accuracy:
    """Matches per field over a corpus, and the mismatches seen."""

    total: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    mismatches: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def percent(self, name: str) -> float:
        """Share of seeds whose field matched, in percent."""
        return 100.0 * self.right[name] / self.total if self.total else 0.0


def measure(corpus: Path, config: ConvertConfig | None = None) -> Accuracy:
    """Convert every seed named in corpus/truth.jsonl and compare title, date and source."""
    config = config or ConvertConfig()
    taxonomy = load_taxonomy(corpus, config)
    result = Accuracy()
    rows = [json.loads(line) for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.process_time()
    for row in rows:
        converted = convert_seed(row["file"], (corpus / row["file"]).read_bytes(), config, taxonomy)
        result.total += 1
        got = {"title": converted.title, "date": converted.date and converted.date[:10], "source": converted.source}
        for name in FIELDS:
            if shown(got[name]) == shown(row[name]):
                result.right[name] += 1
            else:
                result.mismatches.append(f"{row['file']}: {name}: expected {row[name]!r}, got {got[name]!r}")
    result.seconds = time.process_time() - started
    return result


def main(argv: list[str] | None = None) -> int:
    """Print accuracy per field and every mismatch; exit 1 unless all fields are 100%."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not (Path(args[0]) / "truth.jsonl").is_file():
        print("usage: python -m sitegen.accuracy CORPUS_DIR  (a folder with seeds and truth.jsonl)", file=sys.stderr)
        return 2
    result = measure(Path(args[0]))
    for line in result.mismatches:
        print(line)
    for name in FIELDS:
        print(f"{name}: {result.percent(name):.2f}% ({result.right[name]}/{result.total})")
    rate = result.total / result.seconds if result.seconds else 0.0
    print(f"speed: {rate:,.0f} seeds/s (CPU time, one process, reading included)")
    return 0 if all(result.right[name] == result.total for name in FIELDS) else 1


if __name__ == "__main__":
    sys.exit(main())
