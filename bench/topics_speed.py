"""Time the converter's topic step (seed.topic_tags) per seed over a seed corpus; print figures.

Usage:
  python bench/topics_speed.py DIR [--runs 5]   # DIR: a folder of seeds, e.g. the BBC corpus

Each seed is read once (as `sitegen convert` reads it); then the topic step alone runs over every
seed, `--runs` times, and the whole per-seed conversion (reading included) is timed for comparison.
CPU time of one process; the best run is reported.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sitegen.config import ConvertConfig
from sitegen.convert.headline import strip_label
from sitegen.convert.seed import convert_seed, latest_day, read_seed_bytes, topic_tags
from sitegen.convert.topics_file import taxonomy_for


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    config, today = ConvertConfig(), latest_day()
    taxonomy = taxonomy_for({})
    seeds = sorted(args.corpus.glob("*.txt"))
    blobs = [(seed.name, seed.read_bytes()) for seed in seeds]
    steps = []
    for _, data in blobs:
        reading = read_seed_bytes(data, config, today, {})
        title, label = strip_label(reading.headline.title or "")
        steps.append(
            (title, label, [p.text or " ".join(p.items) for p in reading.paras], reading.lang)
        )
    topic, whole = [], []
    for _ in range(args.runs):
        started = time.process_time()
        for title, label, texts, lang in steps:
            topic_tags(taxonomy, title, label, texts, config.max_tags, lang)
        topic.append(time.process_time() - started)
        started = time.process_time()
        for name, data in blobs:
            convert_seed(name, data, config, taxonomy, today)
        whole.append(time.process_time() - started)
    per_topic, per_seed = 1e6 * min(topic) / len(steps), 1e6 * min(whole) / len(blobs)
    print(f"seeds: {len(steps)}")
    print(f"topic step: {per_topic:.1f} µs per seed")
    print(
        f"whole conversion: {per_seed:.1f} µs per seed (topic step {100 * per_topic / per_seed:.0f}%)"
    )


if __name__ == "__main__":
    main()
