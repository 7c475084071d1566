"""convert_seed: one seed's bytes -> the text of its content file (pure, no IO)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from sitegen.config import ConvertConfig
from sitegen.convert.boilerplate import extra_rules
from sitegen.convert.decode import BadSeed, decode_bytes, normalise
from sitegen.convert.emit import content_file
from sitegen.convert.headline import fix_capitals, is_all_capitals, strip_label
from sitegen.convert.masthead import seed_acronyms
from sitegen.convert.paragraphs import Para
from sitegen.convert.reading import Reading, read_seed
from sitegen.convert.site_template import SiteLines, Template
from sitegen.convert.slugs import slug_base
from sitegen.convert.summary import summarise
from sitegen.convert.topics import Taxonomy
from sitegen.errors import Problem

_FIRST_SENTENCE = re.compile(r"^(.{20,150}?[.!?])(?:\s|$)")
_ACRONYMS = frozenset(
    "AP AFP BBC CEO EU FBI FIFA G7 G8 G20 GDP IMF NATO NHS OPEC PM TV UAE UK UN US USA WHO WTO".split()
)


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
    lang: str | None = None
    site: SiteLines | None = None


def _reject(name: str, reason: str, hint: str) -> Converted:
    """A seed that produces no content file, with its one error."""
    return Converted(name, False, problems=[Problem(name, None, f"seed rejected: {reason}.", hint)])


def _fallback_title(paras: list[Para]) -> str:
    """A headline for a seed without one: its first sentence, or first words."""
    text = next((para.text for para in paras if para.text), "")
    match = _FIRST_SENTENCE.match(text)
    if match:
        return match.group(1)
    return text if len(text) <= 100 else text[:99].rsplit(" ", 1)[0] + "…"


def latest_day() -> dt.date:
    """The last day a publication date may fall on: today by the clock, a day ahead for zones east of UTC."""
    return dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)


def read_seed_bytes(
    data: bytes,
    config: ConvertConfig,
    today: dt.date | None,
    templates: Mapping[str, Template] | None = None,
) -> Reading:
    """Decode and read a seed (with its sources' templates, see site_template.py); raises BadSeed."""
    if len(data) > config.max_seed_bytes:
        raise BadSeed(f"larger than max_seed_bytes ({len(data)} > {config.max_seed_bytes} bytes)")
    if not data:
        raise BadSeed("empty file")
    text = normalise(decode_bytes(data, config.encoding))
    if not text.strip():
        raise BadSeed("only whitespace")
    reading = read_seed(
        text,
        day_first=config.day_first,
        today=today,
        extra=extra_rules(config.boilerplate),
        templates=templates,
    )
    if not reading.paras:
        raise BadSeed("no article text after removing headline and boilerplate")
    return reading


def convert_seed(
    name: str,
    data: bytes,
    config: ConvertConfig,
    taxonomy: Taxonomy,
    today: dt.date | None = None,
    templates: Mapping[str, Template] | None = None,
) -> Converted:
    """Convert one seed's bytes into the text of its content file (dates after `today` are not taken)."""
    try:
        reading = read_seed_bytes(data, config, today, templates)
    except BadSeed as exc:
        return _reject(
            name, str(exc), "Fix or delete the seed file; the other seeds were converted."
        )
    return converted(name, reading, config, taxonomy)


def topic_tags(
    taxonomy: Taxonomy,
    title: str,
    label: str | None,
    texts: list[str],
    limit: int,
    lang: str | None = None,
) -> tuple[str, ...]:
    """The topic step: the taxonomy's tags for a headline and body paragraphs (in language `lang`); a headline label comes first."""
    tags = taxonomy.tags(title, texts, limit, lang)
    if label:
        tags = (label, *(tag for tag in tags if tag != label))[: max(limit, 1)]
    return tags


def converted(name: str, reading: Reading, config: ConvertConfig, taxonomy: Taxonomy) -> Converted:
    """The content file of a read seed."""
    problems: list[Problem] = []
    paras = list(reading.paras)
    title = reading.headline.title or _fallback_title(paras)
    if is_all_capitals(
        title
    ):  # the headline as written: title-cased here, keeping every acronym known
        title = fix_capitals(title, taxonomy.acronyms | _ACRONYMS | seed_acronyms(reading.lines))
    title, label = strip_label(title)
    date = reading.date.iso
    if date is None:
        problems.append(
            Problem(
                name,
                None,
                f"no publication date found ({reading.date.why}); written as a draft.",
                "Add a line such as `Published: 27 October 2023` under the headline of the seed and convert again, "
                "or give the briefing a `date:`; `sitegen convert --explain` shows the dates it saw.",
                "warning",
            )
        )
    texts = [para.text or " ".join(para.items) for para in paras]
    tags = topic_tags(taxonomy, title, label, texts, config.max_tags, reading.lang)
    source = reading.headline.source or reading.byline.agency
    author = reading.byline.author
    fields = {
        "title": title,
        "date": date,
        "draft": True if date is None else None,
        "source": source,
        "author": author,
        "lang": reading.lang,
        "tags": tags,
        "summary": summarise([p.text for p in paras if p.text] or texts, config.summary_length),
        "seed": name,
    }
    return Converted(
        name,
        True,
        content_file(fields, paras),
        slug_base(title, date, name),
        title,
        date,
        source,
        author,
        tags,
        date is None,
        problems,
        reading.lang,
        reading.site,
    )
