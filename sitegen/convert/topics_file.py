"""Read taxonomy files (built-in and the site's), checking them with line numbers."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

import yaml

from sitegen.config import ConvertConfig
from sitegen.convert.topics import BUILT_IN, Taxonomy, Topic, cached_taxonomy
from sitegen.errors import ConfigError, Problem

_HINT = (
    "Write one topic per line as `Topic: [alias, alias]`, or `Topic: {aliases: [...], weak: [...], except: [...], group: name,"
    " not_in: {de: [alias]}}`"
    " (or `Topic: false` to drop a built-in topic)."
)
_T = TypeVar("_T")
_KEYS = {"aliases": "aliases", "weak": "weak", "except": "excluded"}
"""Keys of a topic written as a mapping that hold lists of texts (and the Topic field each fills)."""


def _problem(path: str, node: yaml.Node, message: str) -> Problem:
    """A Problem at a YAML node's line."""
    return Problem(path, node.start_mark.line + 1, message, _HINT)


def _value(node: yaml.ScalarNode) -> object:
    """The Python value of a scalar node, as yaml.safe_load reads it."""
    return yaml.constructor.SafeConstructor().construct_object(node)


def _texts(path: str, what: str, node: yaml.Node, problems: list[Problem]) -> tuple[str, ...]:
    """A text or a list of non-empty texts (aliases, weak aliases or excluded phrases)."""
    if isinstance(node, yaml.ScalarNode):
        value = _value(node)
        if value is None or value == "":
            return ()
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return (str(value).strip(),)
    elif isinstance(node, yaml.SequenceNode):
        items = []
        for item in node.value:
            if (
                isinstance(item, yaml.ScalarNode)
                and isinstance(value := _value(item), (str, int, float))
                and not isinstance(value, bool)
                and str(value).strip()
            ):
                items.append(str(value).strip())
            else:
                problems.append(_problem(path, item, f"{what} must be a non-empty text."))
        return tuple(items)
    problems.append(_problem(path, node, f"{what} must be a list of texts."))
    return ()


def _not_in(
    path: str, name: str, node: yaml.Node, problems: list[Problem]
) -> tuple[tuple[str, str], ...]:
    """`not_in: {de: [war]}`: per language code, aliases that are another word in a story in that language."""
    if not isinstance(node, yaml.MappingNode):
        problems.append(
            _problem(
                path,
                node,
                f"`not_in` of topic `{name}` must map language codes to aliases, such as `{{de: [war]}}`.",
            )
        )
        return ()
    pairs: list[tuple[str, str]] = []
    for key, value in node.value:
        lang = _value(key) if isinstance(key, yaml.ScalarNode) else None
        if (
            not isinstance(lang, str)
            or not lang.strip()
            or not lang.strip().replace("-", "").isalpha()
        ):
            problems.append(
                _problem(
                    path,
                    key,
                    f"`not_in` of topic `{name}` needs language codes such as `de` or `fr` as keys.",
                )
            )
            continue
        pairs += [
            (lang.strip().lower(), alias)
            for alias in _texts(path, f"alias under `not_in` of topic `{name}`", value, problems)
        ]
    return tuple(pairs)


def _mapping(path: str, name: str, node: yaml.MappingNode, problems: list[Problem]) -> Topic:
    """A topic written as a mapping: aliases, weak (aliases that count only beside a strong one), except (phrases that are not it),
    group, not_in (aliases that are another word in a language)."""
    fields: dict[str, tuple[str, ...]] = {}
    group = None
    not_in: tuple[tuple[str, str], ...] | None = None
    for key, value in node.value:
        word = _value(key) if isinstance(key, yaml.ScalarNode) else None
        if word in _KEYS and _KEYS[word] not in fields:
            what = {"aliases": "alias", "weak": "weak alias", "except": "excluded phrase"}[word]
            fields[_KEYS[word]] = _texts(path, f"{what} of topic `{name}`", value, problems)
        elif word == "group" and group is None:
            group = _value(value) if isinstance(value, yaml.ScalarNode) else None
            if not isinstance(group, str) or not group.strip():
                problems.append(
                    _problem(
                        path, value, f"group of topic `{name}` must be a name such as `sport`."
                    )
                )
                group = ""
        elif word == "not_in" and not_in is None:
            not_in = _not_in(path, name, value, problems)
        elif word in _KEYS or word in ("group", "not_in"):
            problems.append(_problem(path, key, f"topic `{name}` has `{word}` twice."))
        else:
            problems.append(
                _problem(
                    path,
                    key,
                    f"topic `{name}` has an unknown key `{word}`: use aliases, weak, except, group or not_in.",
                )
            )
    return Topic(
        fields.get("aliases", ()),
        fields.get("weak", ()),
        fields.get("excluded", ()),
        (group or "").strip() or None,
        not_in or (),
    )


def _topic(path: str, name: str, node: yaml.Node, problems: list[Problem]) -> Topic | None:
    """One topic's entry; None means `false` (remove the topic)."""
    if isinstance(node, yaml.ScalarNode) and _value(node) is False:
        return None
    if isinstance(node, yaml.MappingNode):
        return _mapping(path, name, node, problems)
    if isinstance(node, (yaml.ScalarNode, yaml.SequenceNode)):
        return Topic(_texts(path, f"alias of topic `{name}`", node, problems))
    problems.append(_problem(path, node, f"topic `{name}` must have a list of aliases."))
    return Topic()


def parse_topics(text: str, path: str, loader: type = yaml.SafeLoader) -> dict[str, Topic | None]:
    """Parse a taxonomy file: mapping of topic name -> aliases; raises ConfigError."""
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ConfigError(
            f"{path}: invalid YAML",
            [
                Problem(
                    path,
                    mark.line + 1 if mark else None,
                    f"invalid YAML: {exc.problem}.",
                    "Check the indentation and quoting on that line.",
                )
            ],
        ) from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(
            f"{path}: not a mapping",
            [_problem(path, root, "the taxonomy must be a mapping of topic names to alias lists.")],
        )
    topics: dict[str, Topic | None] = {}
    problems: list[Problem] = []
    for key, value in root.value:
        name = " ".join(str(key.value).split()) if isinstance(key, yaml.ScalarNode) else ""
        if not name:
            problems.append(_problem(path, key, "a topic name must be a non-empty text."))
        elif name in topics:
            problems.append(_problem(path, key, f"topic `{name}` appears twice."))
        else:
            topics[name] = _topic(path, name, value, problems)
    if problems:
        raise ConfigError(f"{path}: {len(problems)} problem(s)", problems)
    return topics


@functools.lru_cache(maxsize=1)
def built_in_topics() -> dict[str, Topic | None]:
    """The taxonomy shipped with sitegen (sitegen/data/topics.yaml)."""
    return parse_topics(
        BUILT_IN.read_text(encoding="utf-8"),
        "sitegen/data/topics.yaml",
        getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )


def _union(*lists: tuple[_T, ...]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(item for items in lists for item in items))


def merge_topics(
    base: Mapping[str, Topic | None], extra: Mapping[str, Topic | None]
) -> dict[str, Topic]:
    """Site topics add aliases, weak aliases and excluded phrases to built-in ones, add new topics, or drop one with `false`.

    An alias the site marks weak is weak even where the built-in file has it strong; a site's group replaces the built-in one.
    """
    merged = {name: topic for name, topic in base.items() if topic is not None}
    for name, topic in extra.items():
        if topic is None:
            merged.pop(name, None)
            continue
        old = merged.get(name, Topic())
        weak = _union(old.weak, topic.weak)
        merged[name] = Topic(
            tuple(a for a in _union(old.aliases, topic.aliases) if a not in weak),
            weak,
            _union(old.excluded, topic.excluded),
            topic.group or old.group,
            _union(old.not_in, topic.not_in),
        )
    return merged


def read_site_topics(site_root: Path, config: ConvertConfig) -> dict[str, Topic | None]:
    """The site's taxonomy file (config.taxonomy), parsed and checked; {} when there is none."""
    site_file = site_root / config.taxonomy
    if not site_file.is_file():
        return {}
    try:
        text = site_file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(
            f"{config.taxonomy}: not UTF-8",
            [
                Problem(
                    config.taxonomy,
                    None,
                    "the taxonomy file is not UTF-8 text.",
                    "Save it as UTF-8.",
                )
            ],
        ) from None
    return parse_topics(text, config.taxonomy)


def taxonomy_for(site_topics: Mapping[str, Topic | None]) -> Taxonomy:
    """Built-in taxonomy merged with the site's topics, compiled."""
    merged = merge_topics(built_in_topics(), site_topics)
    return cached_taxonomy(tuple(sorted(merged.items())))


def load_taxonomy(site_root: Path, config: ConvertConfig) -> Taxonomy:
    """Built-in taxonomy merged with the site's file (config.taxonomy), compiled."""
    return taxonomy_for(read_site_topics(site_root, config))
