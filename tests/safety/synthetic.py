"""Deterministic synthetic seeds: plain-text news items with a date line, for sites of any size."""

from __future__ import annotations

import random
from pathlib import Path

PLACES = [
    "Iraq",
    "France",
    "Brazil",
    "Kenya",
    "Japan",
    "Canada",
    "Germany",
    "India",
    "Mexico",
    "Egypt",
]
SUBJECTS = [
    "election",
    "budget",
    "flood",
    "strike",
    "trade talks",
    "court ruling",
    "vaccine rollout",
    "football final",
    "bank merger",
    "heatwave",
]
WORDS = (
    "officials said the plan would take effect next month while critics warned of higher costs for families "
    "and businesses across the region as talks continued late into the night with no agreement in sight"
).split()


def seed_text(rng: random.Random, day: int, revision: int = 0) -> str:
    """One seed: `date YYYY-MM-DD Headline`, then a few paragraphs."""
    place, subject = rng.choice(PLACES), rng.choice(SUBJECTS)
    month, dom = 1 + day // 28 % 12, 1 + day % 28
    head = f"date 2023-{month:02d}-{dom:02d} {place} {subject} update {day}"
    paragraphs = [f"Revision {revision} of this report."] if revision else []
    for _ in range(rng.randint(2, 5)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(30, 80))]
        paragraphs.append(f"In {place}, " + " ".join(words) + ".")
    return head + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_seeds(folder: Path, count: int, seed: int = 0) -> None:
    """`count` seeds named item-NNNN.txt."""
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (folder / f"item-{index:04d}.txt").write_text(
            seed_text(random.Random(seed * 100_003 + index), index), encoding="utf-8"
        )
