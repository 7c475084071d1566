"""SiteConfig: the one validated settings object, loaded from an optional sitegen.yaml."""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from sitegen import config_checks as checks
from sitegen.errors import ConfigError, Problem

CONFIG_NAME = "sitegen.yaml"


@dataclass(frozen=True)
class ConvertConfig:
    """Settings of `sitegen convert` (the `convert:` section of sitegen.yaml)."""

    summary_length: int = 280
    """Longest summary in characters; cut at a sentence boundary."""
    max_seed_bytes: int = 5_000_000
    """Seeds larger than this are rejected."""
    day_first: bool = True
    """Read ambiguous numeric dates such as 03/04/2023 as day/month (False: month/day)."""
    boilerplate: tuple[str, ...] = ()
    """Extra regular expressions; a line matching one (whole, ignoring case) is dropped."""
    taxonomy: str = "topics.yaml"
    """Site topic file (relative to the site root), merged over the built-in taxonomy."""
    max_tags: int = 8
    """Most topics given to one briefing."""
    encoding: str = ""
    """Text encoding of every seed (e.g. cp1250), for a site whose scraper is known; empty: detected per seed."""


@dataclass(frozen=True)
class SiteConfig:
    """Settings of a site; every key has a default."""

    title: str = "Briefing Archive"
    """Site title, shown in the header and feeds."""
    description: str = "An archive of news briefings."
    """One-line description for feeds and meta tags."""
    base_url: str = "http://localhost:8000/"
    """Absolute URL where the site is published; used by feeds, sitemap and canonical links."""
    language: str = "en"
    """Language code of the pages (html lang attribute, feeds)."""
    timezone: str = "UTC"
    """IANA time zone; dates without an offset are read in it."""
    per_page: int = 20
    """Briefings per page on the home page and topic pages."""
    feed_items: int = 20
    """Items per feed."""
    feed_full_content: bool = False
    """Feeds carry the full article (True) or only the summary (False)."""
    theme: str = "default"
    """Theme folder under themes/; missing templates fall back to the built-in theme."""
    permalink: str = "{year}/{month}/{day}/{slug}/"
    """Pattern of briefing URLs; fields: year, month, day, slug. Ends in `/` (a folder) or `.html` (a file)."""
    index_links: bool = True
    """Links end in index.html so output/ also works opened from disk; false gives clean links."""
    related: int = 5
    """Related briefings shown on each briefing page (0 turns it off)."""
    search: bool = True
    """Build a Pagefind search index (needs the pagefind package)."""
    search_shard_size: int = 500
    """Most briefings in one shard of the search index (each shard is indexed on its own)."""
    convert: ConvertConfig = field(default_factory=ConvertConfig)
    """Converter settings."""

    # Derived, not read from the file.
    root: Path = field(default=Path("."), compare=False)
    fingerprint: str = ""

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def output_dir(self) -> Path:
        return self.root / "output"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".sitegen-cache"

    @property
    def themes_dir(self) -> Path:
        return self.root / "themes"

    def absolute(self, url: str) -> str:
        """Absolute URL of a site-relative path."""
        return self.base_url + url.lstrip("/")


_SECTIONS: dict[str, type] = {"convert": ConvertConfig}
_MINIMUM = {"per_page": 1, "feed_items": 1, "max_seed_bytes": 1, "search_shard_size": 1}
"""Whole-number settings that cannot be 0; the others may."""
_MAY_BE_EMPTY = {"convert.encoding"}
"""Text settings whose default is empty (nothing set); the others need a text."""
_NULL = "tag:yaml.org,2002:null"


def _fields(cls: type) -> dict[str, dataclasses.Field]:
    return {f.name: f for f in dataclasses.fields(cls) if f.name not in ("root", "fingerprint")}


def _as_written(node: yaml.Node) -> str:
    """A wrong value as the user wrote it: the text in quotes, or what kind of thing it is."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if node.tag == _NULL or (
        node.style is None and node.value in ("", "~", "null", "Null", "NULL")
    ):
        return "empty"
    return f'"{node.value}"'


def _check_value(
    name: str, f: dataclasses.Field, node: yaml.Node, path: str
) -> tuple[Any, Problem | None]:
    line = node.start_mark.line + 1
    value = yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    expected = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    least = _MINIMUM.get(name.rpartition(".")[2], 0)
    ok: bool
    if expected == "bool":
        ok = isinstance(value, bool)
    elif expected == "int":
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= least
    elif expected == "str" and name in _MAY_BE_EMPTY:
        ok = isinstance(node, yaml.ScalarNode)
        value = ("" if _as_written(node) == "empty" else node.value) if ok else value
    elif (
        expected == "str"
    ):  # text as written: `title: 2023` or `title: yes` is a title, not a number or a truth value
        ok = isinstance(node, yaml.ScalarNode) and _as_written(node) != "empty" and node.value != ""
        value = node.value if ok else value
    elif expected.startswith("tuple[str"):  # each item as written, as for text settings
        items = node.value if isinstance(node, yaml.SequenceNode) else None
        ok = items is not None and all(
            isinstance(item, yaml.ScalarNode) and _as_written(item) != "empty" for item in items
        )
        if items is not None and not ok:
            bad = next(
                item
                for item in items
                if not (isinstance(item, yaml.ScalarNode) and _as_written(item) != "empty")
            )
            return None, Problem(
                path,
                bad.start_mark.line + 1,
                f"every item of `{name}` must be a text, not {_as_written(bad)}.",
                "Write one text per item, or delete the item.",
            )
        value = tuple(item.value for item in items) if ok else value
    else:
        ok = False
    if not ok:
        shown = {
            "int": f"a whole number of at least {least}",
            "bool": "true or false",
            "str": "a text" if name in _MAY_BE_EMPTY else "a non-empty text",
        }.get(expected, "a list of texts")
        return None, Problem(
            path,
            line,
            f"`{name}` must be {shown}, not {_as_written(node)}.",
            f"Fix `{name}` in {path}, or delete the line to use the default.",
        )
    return value, None


def _unknown(name: str, known: dict, path: str, line: int, section: str = "") -> Problem:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f"Did you mean `{close[0]}`?" if close else f"Known keys: {', '.join(sorted(known))}."
    return Problem(path, line, f"unknown key `{section}{name}`.", hint)


def _read_mapping(
    node: yaml.Node,
    cls: type,
    path: str,
    section: str,
    problems: list[Problem],
    nodes: dict[str, yaml.Node],
) -> dict[str, Any]:
    """The values of one mapping, checked; `nodes` gets each key's value node (by dotted name) for the checks after."""
    known = _fields(cls)
    values: dict[str, Any] = {}
    if not isinstance(node, yaml.MappingNode):
        what = f"`{section.rstrip('.')}`" if section else path
        hint = (
            f"Write one `key: value` per line, indented under `{section.rstrip('.')}:`."
            if section
            else "Write one `key: value` per line."
        )
        problems.append(
            Problem(
                path,
                node.start_mark.line + 1,
                f"{what} must be a mapping of `key: value` lines, not {_as_written(node)}.",
                hint,
            )
        )
        return values
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(
                Problem(
                    path,
                    line,
                    f"a key must be a plain name, not {_as_written(key_node)}.",
                    "Write one `key: value` per line.",
                )
            )
            continue
        name = str(key_node.value)
        if name in first_line:
            problems.append(
                Problem(
                    path,
                    line,
                    f"`{section}{name}` is given twice (first on line {first_line[name]}); only one can be used.",
                    "Delete one of the two lines.",
                )
            )
            continue
        first_line[name] = line
        if name not in known:
            problems.append(_unknown(name, known, path, line, section))
            continue
        nodes[section + name] = value_node
        if name in _SECTIONS:
            values[name] = _SECTIONS[name](
                **_read_mapping(value_node, _SECTIONS[name], path, name + ".", problems, nodes)
            )
            continue
        value, problem = _check_value(section + name, known[name], value_node, path)
        if problem:
            problems.append(problem)
        else:
            values[name] = value
    return values


def _semantic_checks(
    values: dict[str, Any], path: str, nodes: dict[str, yaml.Node], root: Path
) -> list[Problem]:
    """The checks a value's type does not cover, each at the line of its key's value."""
    found: list[tuple[str, list[tuple[str, str]]]] = []
    convert = values.get("convert", ConvertConfig())
    if "timezone" in values:
        found.append(("timezone", checks.timezone_problems(values["timezone"])))
    if "base_url" in values:
        found.append(("base_url", checks.base_url_problems(values["base_url"])))
    if "language" in values:
        found.append(("language", checks.language_problems(values["language"])))
    if "permalink" in values:
        found.append(("permalink", checks.permalink_problems(values["permalink"])))
    if "theme" in values:
        found.append(("theme", checks.theme_problems(values["theme"], root / "themes")))
    if "convert.taxonomy" in nodes and "convert" in values:
        found.append(("convert.taxonomy", checks.taxonomy_problems(convert.taxonomy, root)))
    if "convert.encoding" in nodes and "convert" in values and convert.encoding:
        found.append(("convert.encoding", checks.encoding_problems(convert.encoding)))
    problems = [
        Problem(path, _line(nodes.get(key)), message, hint)
        for key, pairs in found
        for message, hint in pairs
    ]
    patterns = nodes.get("convert.boilerplate")
    if isinstance(patterns, yaml.SequenceNode) and "convert" in values:
        for item, pattern in zip(patterns.value, convert.boilerplate, strict=False):
            if (bad := checks.pattern_problem(pattern)) is not None:
                problems.append(Problem(path, _line(item), *bad))
    return problems


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def load_config(root: Path, base_url: str | None = None) -> SiteConfig:
    """Read `root/sitegen.yaml` (optional), validate it, and return the SiteConfig."""
    path = root / CONFIG_NAME
    rel = CONFIG_NAME
    values: dict[str, Any] = {}
    raw = b""
    problems: list[Problem] = []
    if path.is_file():
        raw = path.read_bytes()
        try:
            node = yaml.compose(raw.decode("utf-8"), Loader=yaml.SafeLoader)
        except UnicodeDecodeError:
            raise ConfigError(
                f"{rel}: not UTF-8 text",
                [Problem(rel, None, "the file is not UTF-8 text.", "Save it as UTF-8.")],
            ) from None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            raise ConfigError(
                f"{rel}: invalid YAML",
                [
                    Problem(
                        rel,
                        line,
                        f"invalid YAML: {exc.problem}.",
                        "Check the indentation and quoting on that line.",
                    )
                ],
            ) from None
        if node is not None:
            nodes: dict[str, yaml.Node] = {}
            values = _read_mapping(node, SiteConfig, rel, "", problems, nodes)
            problems += _semantic_checks(values, rel, nodes, root)
    if base_url is not None:
        values["base_url"] = base_url
        problems += [
            Problem("--base-url", None, message, hint)
            for message, hint in checks.base_url_problems(base_url)
        ]
    if problems:
        raise ConfigError(f"{rel}: {len(problems)} problem(s)", problems)
    if "base_url" in values and not values["base_url"].endswith("/"):
        values["base_url"] += "/"
    config = SiteConfig(**values, root=root)
    digest = hashlib.sha256(repr(dataclasses.replace(config, root=Path("."))).encode()).hexdigest()[
        :16
    ]
    return dataclasses.replace(config, fingerprint=digest)
