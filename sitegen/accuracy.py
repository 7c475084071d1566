"""Measure convert accuracy on a corpus with truth.jsonl: python -m sitegen.accuracy DIR.

`--topics DIR` prints how well topics keep to the corpus's sections (truth.jsonl `category`);
`--sample FIXTURE SEEDS_DIR` prints the precision of the topics given on a hand-judged sample.
"""

from __future__ import annotations

import html
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

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
    rows = _rows(corpus)
    started = time.process_time()
    for row in rows:
        converted = convert_seed(row["file"], (corpus / row["file"]).read_bytes(), config, taxonomy)
        result.total += 1
        got = {
            "title": converted.title,
            "date": converted.date and converted.date[:10],
            "source": converted.source,
        }
        for name in FIELDS:
            if shown(got[name]) == shown(row[name]):
                result.right[name] += 1
            else:
                result.mismatches.append(
                    f"{row['file']}: {name}: expected {row[name]!r}, got {got[name]!r}"
                )
    result.seconds = time.process_time() - started
    return result


SECTION_OF_TOPIC = {
    "Theatre": "entertainment",
    "Books": "entertainment",
    "Television": "entertainment",
    "Film": "entertainment",
    "Music": "entertainment",
    "Elections": "politics",
    "Football": "sport",
    "Currencies": "business",
    "Internet": "tech",
    "Economy": "business",
}
"""Topics that belong to one section of a news corpus (the BBC set's five sections)."""
GROUP_OF_SECTION = {
    "business": "economy",
    "entertainment": "culture",
    "politics": "politics",
    "sport": "sport",
    "tech": "technology",
}
"""The taxonomy group (sitegen/data/topics.yaml) whose topics are a section's own."""


def _rows(corpus: Path) -> list[dict]:
    return [
        json.loads(line)
        for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def topic_table(corpus: Path, config: ConvertConfig | None = None) -> list[str]:
    """Lines of a table: for topics of one section, the share of their briefings in it; per section, its briefings with an own topic."""
    config = config or ConvertConfig()
    taxonomy = load_taxonomy(corpus, config)
    given: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    own: Counter[str] = Counter()
    sections: Counter[str] = Counter()
    tag_count = 0
    for row in _rows(corpus):
        tags = convert_seed(row["file"], (corpus / row["file"]).read_bytes(), config, taxonomy).tags
        section = row["category"]
        sections[section] += 1
        tag_count += len(tags)
        for tag in tags:
            given[tag] += 1
            inside[tag] += SECTION_OF_TOPIC.get(tag) == section
        group = GROUP_OF_SECTION.get(section)
        own[section] += any(taxonomy.group_of(tag) == group for tag in tags)
    out = ["| topic | section | briefings in it |", "|---|---|---|"]
    for topic, section in SECTION_OF_TOPIC.items():
        share = 100 * inside[topic] / given[topic] if given[topic] else 0.0
        out.append(f"| {topic} | {section} | {inside[topic]}/{given[topic]} = {share:.0f}% |")
    out += ["", "| section | briefings | with a topic of its own group |", "|---|---|---|"]
    for section in sorted(sections):
        out.append(
            f"| {section} | {sections[section]} | {own[section]} ({100 * own[section] / sections[section]:.0f}%) |"
        )
    total = sum(sections.values())
    out += ["", f"topics per briefing: {tag_count / total:.2f}" if total else "no briefings"]
    return out


@dataclass
class SamplePrecision:
    """Topics given on a hand-judged sample: how many were judged right, and the ones not judged yet."""

    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)
    unjudged: list[str] = field(default_factory=list)

    def percent(self) -> float:
        """Share of judged topics that are right, in percent."""
        return 100.0 * self.right / self.total if self.total else 0.0


def sample_precision(
    fixture: Path, seeds: Path, config: ConvertConfig | None = None
) -> SamplePrecision:
    """Convert each seed of the fixture (a list of {seed, topics: {Topic: [right|wrong, why]}}) and score its topics."""
    config = config or ConvertConfig()
    taxonomy = load_taxonomy(seeds, config)
    result = SamplePrecision()
    for entry in yaml.safe_load(fixture.read_text(encoding="utf-8")):
        name, verdicts = entry["seed"], entry["topics"] or {}
        for tag in convert_seed(name, (seeds / name).read_bytes(), config, taxonomy).tags:
            verdict = verdicts.get(tag)
            if verdict is None:
                result.unjudged.append(f"{name}: {tag}")
                continue
            result.total += 1
            if verdict[0] == "right":
                result.right += 1
            else:
                result.wrong.append(f"{name}: {tag} ({verdict[1]})")
    return result


def _usage() -> int:
    print(
        "usage: python -m sitegen.accuracy CORPUS_DIR  (a folder with seeds and truth.jsonl)\n"
        "       python -m sitegen.accuracy --topics CORPUS_DIR\n"
        "       python -m sitegen.accuracy --sample FIXTURE SEEDS_DIR",
        file=sys.stderr,
    )
    return 2


def main(argv: list[str] | None = None) -> int:
    """Print accuracy per field and every mismatch; exit 1 unless all fields are 100%."""
    args = sys.argv[1:] if argv is None else argv
    if (
        len(args) == 3
        and args[0] == "--sample"
        and Path(args[1]).is_file()
        and Path(args[2]).is_dir()
    ):
        sample = sample_precision(Path(args[1]), Path(args[2]))
        for line in sample.wrong + [f"not judged: {item}" for item in sample.unjudged]:
            print(line)
        print(
            f"precision: {sample.percent():.1f}% ({sample.right}/{sample.total} right, {len(sample.unjudged)} not judged)"
        )
        return 0 if not sample.unjudged else 1
    if len(args) == 2 and args[0] == "--topics" and (Path(args[1]) / "truth.jsonl").is_file():
        print("\n".join(topic_table(Path(args[1]))))
        return 0
    if len(args) != 1 or not (Path(args[0]) / "truth.jsonl").is_file():
        return _usage()
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
