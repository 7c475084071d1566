"""`sitegen convert --explain SEED`: what the converter chose for one seed, from where, and what it passed over."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sitegen.config import ConvertConfig
from sitegen.convert.decode import BadSeed
from sitegen.convert.manifest import load_manifest
from sitegen.convert.reading import Reading
from sitegen.convert.seed import Converted, converted, latest_day, read_seed_bytes
from sitegen.convert.site_template import Template, recorded_templates
from sitegen.convert.topics import Taxonomy
from sitegen.convert.topics_file import load_taxonomy
from sitegen.errors import Problem

_SHOWN = 90
"""Longest line text quoted in the explanation."""


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…")


def _line(number: int | None) -> str:
    return "no line" if number is None else f"line {number + 1}"


def _headline(reading: Reading, result: Converted) -> list[str]:
    headline = reading.headline
    out = [
        f"headline: {_quote(result.title)} ({_line(headline.title_line)}"
        + (f", repeated on {_line(headline.body_line)})" if headline.body_line is not None else ")")
    ]
    out += [f"  - {reason}" for reason in headline.reasons]
    out += [f"  passed over {_quote(text)}: {why}" for text, why in headline.passed_over]
    out.append(f"source: {_quote(result.source) if result.source else 'none'}")
    return out


def _date(reading: Reading, result: Converted) -> list[str]:
    choice = reading.date
    chosen = (
        f"{result.date} ({_line(choice.line)})" if result.date else "none: the briefing is a draft"
    )
    out = [f"date: {chosen}: {choice.why}"]
    for candidate in sorted(
        choice.candidates, key=lambda c: (c.rejected is not None, -c.score, c.line)
    ):
        verdict = (
            "chosen"
            if candidate.rejected is None and candidate.iso[:10] == (result.date or "")[:10]
            else f"passed over: {candidate.rejected}"
        )
        evidence = "; ".join(candidate.reasons)
        out.append(
            f"  {_line(candidate.line)}: {_quote(candidate.text)} -> {candidate.iso} (score {candidate.score:g}; {evidence}) {verdict}"
        )
    return out


def _body(reading: Reading) -> list[str]:
    kept = [v for v in reading.verdicts if v.keep and reading.lines[v.line]]
    dropped = [v for v in reading.verdicts if not v.keep and reading.lines[v.line]]
    span = f"lines {kept[0].line + 1}-{kept[-1].line + 1}" if kept else "no lines"
    out = [
        f"body: {len(reading.paras)} paragraph(s) from {span}; {len(dropped)} line(s) dropped as furniture"
    ]
    kinds = Counter(v.kind for v in dropped)
    if kinds:
        out.append(
            "  dropped: "
            + ", ".join(
                f"{kind} {count}"
                for kind, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
            )
        )
    for verdict in dropped[:40]:
        out.append(
            f"  {_line(verdict.line)} {verdict.kind}: {_quote(reading.lines[verdict.line])} ({verdict.reason})"
        )
    if len(dropped) > 40:
        out.append(f"  … and {len(dropped) - 40} more")
    return out


def _topics(reading: Reading, result: Converted, taxonomy: Taxonomy, limit: int) -> list[str]:
    """The topics given, each with its evidence, and the strongest candidates passed over, with the reason."""
    texts = [para.text or " ".join(para.items) for para in reading.paras]
    decision = taxonomy.decide(result.title, texts, limit, reading.lang)
    out = [
        f"topics: {', '.join(result.tags) if result.tags else 'none'}"
        + (f" (main group: {' and '.join(decision.groups)})" if decision.groups else "")
    ]

    def evidence(topic: str) -> str:
        row = decision.evidence[topic]
        places = [
            f"{n} in {where}"
            for n, where in (
                (row.title, "headline"),
                (row.lead, "lead"),
                (row.body, "body"),
                (row.weak, "weak"),
            )
            if n
        ]
        group = taxonomy.group_of(topic)
        return f"{topic}{f' [{group}]' if group else ''}: score {row.score} ({', '.join(places)}; words: {', '.join(sorted(row.aliases | row.weak_aliases))})"

    for topic in decision.given:
        out.append(f"  given {evidence(topic)}")
    if set(result.tags) - set(decision.given):
        out.append(
            f"  from the headline label: {', '.join(t for t in result.tags if t not in decision.given)}"
        )
    refused = sorted(decision.refused, key=lambda t: (-decision.evidence[t].score, t))
    for topic in refused[:8]:
        out.append(f"  passed over {evidence(topic)}: {decision.refused[topic]}")
    if len(refused) > 8:
        out.append(f"  … and {len(refused) - 8} weaker candidate(s)")
    return out


def explain(seed: str, reading: Reading, result: Converted, taxonomy: Taxonomy, limit: int) -> str:
    """The explanation as text, one fact a line."""
    out = [f"seed: {seed}", f"language: {reading.lang or 'unknown (too little prose to tell)'}"]
    out += _headline(reading, result)
    byline = reading.byline
    out.append(
        f"author: {_quote(byline.author)} ({', '.join(_line(n) for n in byline.lines)})"
        if byline.author
        else "author: none"
    )
    out += _date(reading, result)
    out += _topics(reading, result, taxonomy, limit)
    out += _body(reading)
    return "\n".join(out) + "\n"


def explain_seed(
    site_root: Path, seed: Path, config: ConvertConfig, seeds_dir: Path | None = None
) -> tuple[str, list[Problem]]:
    """Read one seed file as `sitegen convert` would and explain it; ("", [problem]) when it cannot be read.
    A seed inside `seeds_dir` (default: the seed's folder) is named by its path there, as convert names it."""
    shown = seed.as_posix()
    seeds_dir = seeds_dir or seed.parent
    try:
        name = (
            (seed.parent.resolve() / seed.name).relative_to(seeds_dir.resolve()).as_posix()
        )  # the seed itself may be a link
    except ValueError:
        name, seeds_dir = seed.name, seed.parent
    try:
        data = seed.read_bytes()
    except OSError as exc:
        return "", [
            Problem(
                shown,
                None,
                f"cannot read the seed ({exc.strerror}).",
                "Check the path and the file's permissions.",
            )
        ]
    try:
        reading = read_seed_bytes(
            data, config, latest_day(), _recorded_templates(site_root, seeds_dir)
        )
    except BadSeed as exc:
        return "", [Problem(shown, None, f"seed rejected: {exc}.", "Fix or delete the seed file.")]
    taxonomy = load_taxonomy(site_root, config)
    result = converted(name, reading, config, taxonomy)
    return explain(shown, reading, result, taxonomy, config.max_tags), [
        Problem(shown, p.line, p.message, p.hint, p.severity) for p in result.problems
    ]


def _recorded_templates(site_root: Path, seeds_dir: Path) -> dict[str, Template]:
    """The sources' templates as the last `sitegen convert` found them (from the seeds still there)."""
    entries = load_manifest(site_root) or {}
    return recorded_templates(
        entries, [name for name in sorted(entries) if (seeds_dir / name).is_file()]
    )
