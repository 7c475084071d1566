"""convert_seed: one seed's bytes -> the text of its content file (pure, no IO)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitegen.config import ConvertConfig
from sitegen.convert.boilerplate import drop_markers, extra_rules, trim_head, trim_tail
from sitegen.convert.dates import pick_date
from sitegen.convert.decode import BadSeed, blocks, decode_bytes, normalise
from sitegen.convert.emit import content_file
from sitegen.convert.head import date_parts, known_sites, read_head
from sitegen.convert.headline import fix_capitals, strip_label
from sitegen.convert.paragraphs import Para, to_paras
from sitegen.convert.slugs import slug_base
from sitegen.convert.summary import summarise
from sitegen.convert.topics import Taxonomy
from sitegen.errors import Problem

_FIRST_SENTENCE = re.compile(r"^(.{20,150}?[.!?])(?:\s|$)")
_ACRONYMS = frozenset("AP AFP BBC CEO EU FBI FIFA G7 G8 G20 GDP IMF NATO NHS OPEC PM TV UAE UK UN US USA WHO WTO".split())


@dataclass(frozen=True)
class Converted:
    """The result of converting one seed; `text` is the content file when ok."""

    name: str
    ok: bool
    text: str = ""
    slug_base: str = ""
    title: str = ""
    date: str | None = None
    source: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    draft: bool = False
    problems: list[Problem] = field(default_factory=list)


def _reject(name: str, reason: str, hint: str) -> Converted:
    """A seed that produces no content file, with its one error."""
    return Converted(name, False, problems=[Problem(name, None, f"seed rejected: {reason}.", hint)])


def _tail_dates(lines: list[str], day_first: bool) -> tuple[list[str], list]:
    """Take date-only lines off the end of the body (e.g. "Published: ...")."""
    found = []
    while lines and (not lines[-1] or (dates := date_parts(lines[-1], day_first)) is not None):
        if lines[-1]:
            found = dates + found
        lines = lines[:-1]
    return lines, found


def _fallback_title(paras: list[Para]) -> str:
    """A headline for a seed without one: its first sentence, or first words."""
    text = next((para.text for para in paras if para.text), "")
    match = _FIRST_SENTENCE.match(text)
    if match:
        return match.group(1)
    return text if len(text) <= 100 else text[:99].rsplit(" ", 1)[0] + "…"


def _body(name: str, data: bytes, config: ConvertConfig):
    """Decode and split a seed into head and paragraphs; raises BadSeed."""
    if len(data) > config.max_seed_bytes:
        raise BadSeed(f"larger than max_seed_bytes ({len(data)} > {config.max_seed_bytes} bytes)")
    if not data:
        raise BadSeed("empty file")
    text = normalise(decode_bytes(data))
    if not text.strip():
        raise BadSeed("only whitespace")
    extra = extra_rules(config.boilerplate)
    lines = trim_head(drop_markers(text), extra)
    head = read_head(lines, known_sites(lines, text), config.day_first, extra)
    body, tail = _tail_dates(trim_tail(lines[head.end:], extra), config.day_first)
    body = trim_tail(body, extra)
    paras = [para for block in blocks("\n".join(body)) for para in to_paras(block)]
    if not paras:
        raise BadSeed("no article text after removing headline and boilerplate")
    return head, head.dates + tail, paras


def convert_seed(name: str, data: bytes, config: ConvertConfig, taxonomy: Taxonomy) -> Converted:
    """Convert one seed's bytes into the text of its content file."""
    try:
        head, found, paras = _body(name, data, config)
    except BadSeed as exc:
        return _reject(name, str(exc), "Fix or delete the seed file; the other seeds were converted.")
    problems: list[Problem] = []
    title, label = strip_label(fix_capitals(head.title or _fallback_title(paras), taxonomy.acronyms | _ACRONYMS))
    date = pick_date(found)
    if date is None:
        problems.append(Problem(name, None, "no publication date found; written as a draft.",
                                "Add a line such as `Published: 27 October 2023` at the top of the seed and convert again.", "warning"))
    texts = [para.text or " ".join(para.items) for para in paras]
    tags = taxonomy.tags(title, "\n".join(texts), config.max_tags)
    if label:
        tags = (label, *(tag for tag in tags if tag != label))[: max(config.max_tags, 1)]
    source = head.source or head.agency
    fields = {"title": title, "date": date, "draft": True if date is None else None, "source": source,
              "author": head.author, "tags": tags, "summary": summarise([p.text for p in paras if p.text] or texts, config.summary_length), "seed": name}
    return Converted(name, True, content_file(fields, paras), slug_base(title, date, name), title, date,
                     source, head.author, tags, date is None, problems)
