"""One content file -> Briefing: front matter parsed and checked, body hashed (not kept)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from sitegen.content.slugs import slugify, topic_key
from sitegen.errors import Problem
from sitegen.language_tags import LANGUAGE_TAG
from sitegen.model import Briefing, TagRef

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
KNOWN_KEYS = (
    "title",
    "date",
    "draft",
    "source",
    "author",
    "lang",
    "tags",
    "summary",
    "seed",
    "slug",
)
_TEXT_KEYS = ("title", "source", "author", "summary", "seed", "slug")
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_FIX = "Fix the front matter, or re-run `sitegen convert --force` on the source seed."


@dataclass(frozen=True, slots=True)
class Loaded:
    """A parsed content file: the briefing and its body, or the problem that stops it."""

    briefing: Briefing | None
    body: str
    problem: Problem | None


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (yaml text, body, line of the body) or None if the file has no front matter."""
    if not text.startswith("---"):
        return None
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return None


def parse_date(raw: str, tz: ZoneInfo) -> datetime | None:
    """ISO date or date-time; a value without an offset is read in the site's zone."""
    raw = raw.strip()
    try:
        if len(raw) == 10:
            return datetime.combine(date.fromisoformat(raw), time(0, 0), tz)
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)


class _Checker:
    """Reads one front-matter mapping node, collecting the first problem with its line."""

    def __init__(self, rel: str, first_line: int) -> None:
        self.rel = rel
        self.first_line = first_line
        self.problem: Problem | None = None

    def fail(self, node: yaml.Node | None, message: str, hint: str = _FIX) -> None:
        if self.problem is None:
            line = (
                node.start_mark.line + self.first_line if node is not None else self.first_line - 1
            )
            self.problem = Problem(self.rel, line, message, hint)

    def text(self, key: str, node: yaml.Node) -> str | None:
        if (
            not isinstance(node, yaml.ScalarNode)
            or node.tag == "tag:yaml.org,2002:null"
            or (node.style is None and node.value in ("", "~", "null", "Null", "NULL"))
        ):
            if isinstance(node, yaml.ScalarNode):
                return None
            self.fail(
                node,
                f"`{key}` must be text, not a list or mapping.",
                f'Write it on one line, like {key}: "…"',
            )
            return None
        return node.value

    def tags(self, node: yaml.Node) -> tuple[str, ...]:
        if (
            isinstance(node, yaml.ScalarNode)
            and node.value in ("", "~", "null")
            and node.style is None
        ):
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.fail(
                node,
                "`tags` must be a list of topic names.",
                'Write it like tags: ["Iraq", "United States"]',
            )
            return ()
        names = []
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode) or not item.value.strip():
                self.fail(
                    item,
                    "every tag must be a non-empty topic name (text).",
                    'Write it like tags: ["Iraq", "United States"]',
                )
                return ()
            names.append(" ".join(item.value.split()))
        return tuple(names)


def _read_fields(mapping: yaml.Node, check: _Checker, tz: ZoneInfo) -> dict:
    fields: dict = {}
    if not isinstance(mapping, yaml.MappingNode):
        check.fail(mapping, "the front matter must be a mapping of `key: value` lines.", _FIX)
        return fields
    for key_node, node in mapping.value:
        key = str(key_node.value)
        if key not in KNOWN_KEYS:
            import difflib

            close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
            hint = (
                f"Did you mean `{close[0]}`?" if close else f"Known keys: {', '.join(KNOWN_KEYS)}."
            )
            check.fail(key_node, f"unknown front matter key `{key}`.", hint)
        elif key in fields:
            check.fail(key_node, f"`{key}` is given twice.", "Keep one of the two lines.")
        elif key in _TEXT_KEYS:
            fields[key] = check.text(key, node)
        elif key == "lang":
            fields[key] = check.text(key, node)
            if fields[key] is not None and not LANGUAGE_TAG.match(fields[key].strip()):
                check.fail(
                    node,
                    f'`lang` "{fields[key]}" is not a language code.',
                    'Write a code such as lang: "de" or lang: "pt-BR", or delete the line.',
                )
        elif key == "tags":
            fields[key] = check.tags(node)
        elif key == "draft":
            value = node.value.lower() if isinstance(node, yaml.ScalarNode) else None
            if value not in ("true", "false", "yes", "no"):
                check.fail(
                    node, "`draft` must be true or false.", "Write draft: true, or delete the line."
                )
            fields[key] = value in ("true", "yes")
        elif key == "date":
            raw = node.value if isinstance(node, yaml.ScalarNode) else ""
            fields[key] = parse_date(raw, tz) if raw else None
            if raw and fields[key] is None:
                check.fail(node, f'date "{raw}" is not YYYY-MM-DD or an ISO 8601 date-time.', _FIX)
    return fields


def parse_briefing(rel: str, text: str, tz: ZoneInfo, permalink: str) -> Loaded:
    """Parse one content file's text into a Briefing, or a Problem naming file and line."""
    split = split_front_matter(text)
    if split is None:
        return Loaded(
            None,
            "",
            Problem(
                rel,
                1,
                "no front matter: the file must start with a `---` line and a closing `---`.",
                _FIX,
            ),
        )
    front, body, body_line = split
    check = _Checker(rel, 2)
    try:
        mapping = yaml.compose(front, Loader=_Loader) if front.strip() else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem
        if exc.context_mark is not None and "end of stream" in (
            exc.problem or ""
        ):  # e.g. an unclosed quote: point at its start
            mark, what = exc.context_mark, f"{exc.problem} {exc.context} that starts on this line"
        line = mark.line + 2 if mark else 2
        return Loaded(
            None,
            "",
            Problem(
                rel,
                line,
                f"invalid YAML in front matter: {what}.",
                "Check quoting and indentation on that line; quote titles that contain `: `.",
            ),
        )
    except (
        yaml.reader.ReaderError
    ) as exc:  # a character YAML does not allow, such as a control character
        line = front[: exc.position].count("\n") + 2
        return Loaded(
            None,
            "",
            Problem(
                rel,
                line,
                f"invalid YAML in front matter: character U+{exc.character:04X} is not allowed there.",
                "Delete that character, or re-run `sitegen convert --force` on the source seed.",
            ),
        )
    if mapping is None:
        return Loaded(
            None, "", Problem(rel, 1, "the front matter is empty: `title` is required.", _FIX)
        )
    fields = _read_fields(mapping, check, tz)
    if (
        check.problem is None and not (fields.get("title") or "").strip()
    ):  # `title: null` or `~` is no title
        check.fail(
            None, "missing `title`: every briefing needs a headline.", 'Add a line like title: "…"'
        )
    draft = bool(fields.get("draft")) or fields.get("date") is None
    if check.problem:
        return Loaded(None, "", check.problem)
    return Loaded(_briefing(rel, fields, body, draft, permalink), body, None)


def _briefing(rel: str, fields: dict, body: str, draft: bool, permalink: str) -> Briefing:
    stem = Path(rel).stem
    slug = slugify(fields.get("slug") or _DATE_PREFIX.sub("", stem), stem)
    when: datetime | None = fields.get("date")
    if when is not None:
        url = permalink.format(year=f"{when:%Y}", month=f"{when:%m}", day=f"{when:%d}", slug=slug)
    else:
        url = f"drafts/{slug}/"
    tags = {}
    for name in fields.get("tags", ()):
        tags.setdefault(topic_key(name), name)
    refs = tuple(TagRef(name, key, f"topics/{key}/") for key, name in tags.items())
    body_hash = hashlib.sha1(body.encode("utf-8", "surrogatepass")).hexdigest()
    briefing = Briefing(
        slug,
        fields["title"].strip(),
        when,
        fields.get("source"),
        fields.get("author"),
        refs,
        fields.get("summary") or "",
        fields.get("seed"),
        draft,
        rel,
        body_hash,
        url.lstrip("/"),
        (fields.get("lang") or "").strip() or None,
    )
    return replace(briefing, rev=briefing_rev(briefing))


def briefing_rev(briefing: Briefing) -> str:
    """A hash of every field a template can read (all but the body's hash and the rev itself)."""
    shown = [
        getattr(briefing, f.name)
        for f in dataclass_fields(Briefing)
        if f.name not in ("body_hash", "rev")
    ]
    return hashlib.sha1(repr(shown).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_briefing(root: Path, rel: str, tz: ZoneInfo, permalink: str) -> Loaded:
    """Read and parse one content file; unreadable or non-UTF-8 files become Problems."""
    try:
        data = (root / rel).read_bytes()
    except OSError as exc:
        return Loaded(
            None,
            "",
            Problem(rel, None, f"cannot read the file: {exc.strerror}.", "Check its permissions."),
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Loaded(
            None,
            "",
            Problem(rel, line, "the file is not UTF-8 text.", "Save it as UTF-8 in your editor."),
        )
    return parse_briefing(rel, text.replace("\r\n", "\n").replace("\r", "\n"), tz, permalink)
