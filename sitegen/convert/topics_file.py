"""Read taxonomy files (built-in and the site's), checking them with line numbers."""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

from sitegen.config import ConvertConfig
from sitegen.convert.topics import BUILT_IN, Taxonomy, cached_taxonomy
from sitegen.errors import ConfigError, Problem

_HINT = "Write one topic per line as `Topic: [alias, alias]` (or `Topic: false` to drop a built-in topic)."


def _problem(path: str, node: yaml.Node, message: str) -> Problem:
    """A Problem at a YAML node's line."""
    return Problem(path, node.start_mark.line + 1, message, _HINT)


def _value(node: yaml.ScalarNode) -> object:
    """The Python value of a scalar node, as yaml.safe_load reads it."""
    return yaml.constructor.SafeConstructor().construct_object(node)


def _aliases(path: str, name: str, node: yaml.Node, problems: list[Problem]) -> tuple[str, ...] | None:
    """Aliases of one topic; None means `false` (remove the topic)."""
    if isinstance(node, yaml.ScalarNode):
        value = _value(node)
        if value is False:
            return None
        if value is None or value == "":
            return ()
        if isinstance(value, str):
            return (value,)
    elif isinstance(node, yaml.SequenceNode):
        items = []
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and isinstance(value := _value(item), (str, int, float)) and str(value).strip():
                items.append(str(value).strip())
            else:
                problems.append(_problem(path, item, f"alias of topic `{name}` must be a non-empty text."))
        return tuple(items)
    problems.append(_problem(path, node, f"topic `{name}` must have a list of aliases."))
    return ()


def parse_topics(text: str, path: str, loader: type = yaml.SafeLoader) -> dict[str, tuple[str, ...] | None]:
    """Parse a taxonomy file: mapping of topic name -> aliases; raises ConfigError."""
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ConfigError(f"{path}: invalid YAML", [Problem(path, mark.line + 1 if mark else None, f"invalid YAML: {exc.problem}.", "Check the indentation and quoting on that line.")]) from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(f"{path}: not a mapping", [_problem(path, root, "the taxonomy must be a mapping of topic names to alias lists.")])
    topics: dict[str, tuple[str, ...] | None] = {}
    problems: list[Problem] = []
    for key, value in root.value:
        name = " ".join(str(key.value).split()) if isinstance(key, yaml.ScalarNode) else ""
        if not name:
            problems.append(_problem(path, key, "a topic name must be a non-empty text."))
        elif name in topics:
            problems.append(_problem(path, key, f"topic `{name}` appears twice."))
        else:
            topics[name] = _aliases(path, name, value, problems)
    if problems:
        raise ConfigError(f"{path}: {len(problems)} problem(s)", problems)
    return topics


@functools.lru_cache(maxsize=1)
def built_in_topics() -> dict[str, tuple[str, ...] | None]:
    """The taxonomy shipped with sitegen (sitegen/data/topics.yaml)."""
    return parse_topics(BUILT_IN.read_text(encoding="utf-8"), "sitegen/data/topics.yaml", getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def merge_topics(base: dict, extra: dict) -> dict[str, tuple[str, ...]]:
    """Site topics add aliases to built-in ones, add new topics, or drop one with `false`."""
    merged = {name: tuple(aliases or ()) for name, aliases in base.items() if aliases is not None}
    for name, aliases in extra.items():
        if aliases is None:
            merged.pop(name, None)
        else:
            merged[name] = tuple(dict.fromkeys(merged.get(name, ()) + aliases))
    return merged


def read_site_topics(site_root: Path, config: ConvertConfig) -> dict[str, tuple[str, ...] | None]:
    """The site's taxonomy file (config.taxonomy), parsed and checked; {} when there is none."""
    site_file = site_root / config.taxonomy
    if not site_file.is_file():
        return {}
    try:
        text = site_file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{config.taxonomy}: not UTF-8", [Problem(config.taxonomy, None, "the taxonomy file is not UTF-8 text.", "Save it as UTF-8.")]) from None
    return parse_topics(text, config.taxonomy)


def taxonomy_for(site_topics: dict[str, tuple[str, ...] | None]) -> Taxonomy:
    """Built-in taxonomy merged with the site's topics, compiled."""
    merged = merge_topics(built_in_topics(), site_topics)
    return cached_taxonomy(tuple(sorted(merged.items())))


def load_taxonomy(site_root: Path, config: ConvertConfig) -> Taxonomy:
    """Built-in taxonomy merged with the site's file (config.taxonomy), compiled."""
    return taxonomy_for(read_site_topics(site_root, config))
