"""SiteConfig: the one validated settings object, loaded from an optional sitegen.yaml."""
from __future__ import annotations

import dataclasses
import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

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
    """Pattern of briefing URLs; fields: year, month, day, slug."""
    index_links: bool = True
    """Links end in index.html so output/ also works opened from disk; false gives clean links."""
    related: int = 5
    """Related briefings shown on each briefing page (0 turns it off)."""
    search: bool = True
    """Build a Pagefind search index (needs the pagefind package)."""
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


def _fields(cls: type) -> dict[str, dataclasses.Field]:
    return {f.name: f for f in dataclasses.fields(cls) if f.name not in ("root", "fingerprint")}


def _check_value(name: str, f: dataclasses.Field, node: yaml.Node, path: str) -> tuple[Any, Problem | None]:
    line = node.start_mark.line + 1
    value = yaml.safe_load(yaml.serialize(node)) if not isinstance(node, yaml.ScalarNode) else _scalar(node)
    expected = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    ok: bool
    if expected == "bool":
        ok = isinstance(value, bool)
    elif expected == "int":
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    elif expected == "str":
        ok = isinstance(value, str) and value != ""
    elif expected.startswith("tuple[str"):
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        value = tuple(value) if ok else value
    else:
        ok = False
    if not ok:
        shown = "a list of strings" if expected.startswith("tuple") else {"int": "a whole number >= 0", "bool": "true or false", "str": "a non-empty string"}[expected]
        return None, Problem(path, line, f"`{name}` must be {shown}, not {value!r}.", f"Fix `{name}` in {path}, or delete the line to use the default.")
    return value, None


def _scalar(node: yaml.ScalarNode) -> Any:
    return yaml.safe_load(yaml.serialize(node))


def _unknown(name: str, known: dict, path: str, line: int, section: str = "") -> Problem:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f"Did you mean `{close[0]}`?" if close else f"Known keys: {', '.join(sorted(known))}."
    return Problem(path, line, f"unknown key `{section}{name}`.", hint)


def _read_mapping(node: yaml.Node, cls: type, path: str, section: str, problems: list[Problem]) -> dict[str, Any]:
    known = _fields(cls)
    values: dict[str, Any] = {}
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(path, node.start_mark.line + 1, f"`{section or 'the file'}` must be a mapping of keys to values.", "Write one `key: value` per line."))
        return values
    for key_node, value_node in node.value:
        name = str(key_node.value)
        line = key_node.start_mark.line + 1
        if name not in known:
            problems.append(_unknown(name, known, path, line, section))
            continue
        if name in _SECTIONS:
            values[name] = _SECTIONS[name](**_read_mapping(value_node, _SECTIONS[name], path, name + ".", problems))
            continue
        value, problem = _check_value(section + name, known[name], value_node, path)
        if problem:
            problems.append(problem)
        else:
            values[name] = value
    return values


def _semantic_checks(values: dict[str, Any], path: str, lines: dict[str, int]) -> list[Problem]:
    problems = []
    if "timezone" in values:
        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(Problem(path, lines.get("timezone"), f"unknown time zone {values['timezone']!r}.", "Use an IANA name such as UTC, Europe/London or America/New_York."))
    if "base_url" in values:
        url = values["base_url"]
        if not url.startswith(("http://", "https://")):
            problems.append(Problem(path, lines.get("base_url"), f"base_url {url!r} is not an absolute http(s) URL.", "Write it like https://example.org/archive/"))
    for key in ("per_page", "feed_items"):
        if values.get(key) == 0:
            problems.append(Problem(path, lines.get(key), f"`{key}` must be at least 1.", f"Set `{key}` to a positive number."))
    if "permalink" in values and "{slug}" not in values["permalink"]:
        problems.append(Problem(path, lines.get("permalink"), "permalink must contain {slug} so every briefing gets its own URL.", "For example: {year}/{month}/{day}/{slug}/"))
    return problems


def load_config(root: Path, base_url: str | None = None) -> SiteConfig:
    """Read `root/sitegen.yaml` (optional), validate it, and return the SiteConfig."""
    path = root / CONFIG_NAME
    rel = CONFIG_NAME
    values: dict[str, Any] = {}
    raw = b""
    problems: list[Problem] = []
    lines: dict[str, int] = {}
    if path.is_file():
        raw = path.read_bytes()
        try:
            node = yaml.compose(raw.decode("utf-8"), Loader=yaml.SafeLoader)
        except UnicodeDecodeError:
            raise ConfigError(f"{rel}: not UTF-8 text", [Problem(rel, None, "the file is not UTF-8 text.", "Save it as UTF-8.")])
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            raise ConfigError(f"{rel}: invalid YAML", [Problem(rel, line, f"invalid YAML: {exc.problem}.", "Check the indentation and quoting on that line.")])
        if node is not None:
            if isinstance(node, yaml.MappingNode):
                lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
            values = _read_mapping(node, SiteConfig, rel, "", problems)
            problems += _semantic_checks(values, rel, lines)
    if base_url is not None:
        values["base_url"] = base_url
        problems += _semantic_checks({"base_url": base_url}, "--base-url", {})
    if problems:
        raise ConfigError(f"{rel}: {len(problems)} problem(s)", problems)
    if "base_url" in values and not values["base_url"].endswith("/"):
        values["base_url"] += "/"
    config = SiteConfig(**values, root=root)
    digest = hashlib.sha256(repr(dataclasses.replace(config, root=Path("."))).encode()).hexdigest()[:16]
    return dataclasses.replace(config, fingerprint=digest)
