"""Which context variables a template can read: its own and those of every template it pulls in.

A page's fingerprint digests only the context variables its template (with the templates it
extends, includes and imports) names, so a variable no template of that page kind uses
(`topic_count` in the built-in theme) does not re-render every page when it changes. A
template that pulls in another by a computed name can read anything: then every variable counts.
"""

from __future__ import annotations

from typing import NamedTuple

import jinja2
from jinja2 import meta, nodes

ALWAYS = frozenset(
    {"root", "index_links", "kind"}
)  # read by link() and the like whatever the template names
MEMBERS = "briefings"  # the attribute of a topic or period that lists its briefings


class TemplateUse(NamedTuple):
    """What a template, with those it pulls in, may read."""

    names: frozenset[str] | None  # context variables; None: any
    members: bool  # whether it may read the briefings of a topic or period (it names `briefings` somewhere)


ANYTHING = TemplateUse(None, True)


def used_variables(env: jinja2.Environment, template: str) -> TemplateUse:
    """What `template` and the templates it pulls in may read; ANYTHING when that cannot be known.

    A template that never writes the word `briefings` (as an attribute or a string) cannot
    read a topic's or period's briefings: its pages get summaries of them (model.TopicSummary,
    PeriodSummary), which have no such attribute, so that is enforced, not assumed.
    """
    names: set[str] = set(ALWAYS)
    members = False
    seen: set[str] = set()
    todo = [template]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, _, _ = env.loader.get_source(env, name)
            ast = env.parse(source, name)
        except jinja2.TemplateError:  # rendering reports it, with file and line
            return ANYTHING
        names |= meta.find_undeclared_variables(ast)
        members = members or any(
            getattr(node, "attr", None) == MEMBERS or getattr(node, "value", None) == MEMBERS
            for node in ast.find_all((nodes.Getattr, nodes.Const))
        )
        for referenced in meta.find_referenced_templates(ast):
            if referenced is None:
                return ANYTHING
            todo.append(referenced)
    return TemplateUse(frozenset(names), members)
