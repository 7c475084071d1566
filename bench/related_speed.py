"""Time related.find_related on a built site's briefings (or on a seed corpus's truth.jsonl); print figures.

Usage:
  python bench/related_speed.py --site DIR          # the briefings of a site (run `sitegen build` there first)
  python bench/related_speed.py --truth truth.jsonl # title, first paragraph, category of each seed
Make 10,000 seeds with ../shared/corpus/make_bbc_seeds.py --repeat 5 --limit 10000 --out DIR.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

from sitegen.model import Briefing, TagRef
from sitegen.site.related import find_related


def briefings_from(truth: Path) -> list[Briefing]:
    """Briefings with the title, first paragraph (as summary), category (as topic) of each seed."""
    out = []
    for n, line in enumerate(truth.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        slug = f"s{n:05d}"
        tag = TagRef(row["category"], row["category"], f"topics/{row['category']}/")
        date = datetime.fromisoformat(row["date"]).replace(tzinfo=UTC)
        out.append(
            Briefing(
                slug,
                row["title"],
                date,
                row["source"],
                None,
                (tag,),
                row["first_paragraph"],
                row["file"],
                False,
                f"content/{slug}.md",
                "",
                f"{slug}/",
            )
        )
    return sorted(out, key=Briefing.sort_key)


def briefings_of_site(root: Path) -> list[Briefing]:
    """The published briefings of a site, in site order, as a build sees them."""
    from sitegen.config import load_config
    from sitegen.content.load import load_content, scan_content
    from sitegen.site.select import select_briefings
    from sitegen.site.taxonomy import build_site

    config = load_config(root)
    entries = load_content(config, scan_content(config.content_dir, config.root), {}, 1, None)
    chosen, _ = select_briefings([entry[2] for entry in entries.values() if entry[2]], False, False)
    return build_site(chosen).briefings


def main() -> None:
    parser = argparse.ArgumentParser()
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--site", type=Path)
    source.add_argument("--truth", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--count", type=int, default=5)
    args = parser.parse_args()
    briefings = briefings_of_site(args.site) if args.site else briefings_from(args.truth)
    wall, cpu = [], []
    for _ in range(args.runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        related = find_related(briefings, args.count)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    shown = sum(len(v) for v in related.values())
    print(
        f"briefings: {len(briefings)}; related links: {shown}; find_related over {args.runs} runs: "
        f"wall median {statistics.median(wall):.3f} s (min {min(wall):.3f}), CPU median {statistics.median(cpu):.3f} s (min {min(cpu):.3f})"
    )


if __name__ == "__main__":
    main()
