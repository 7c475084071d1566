"""Which context variables a template can read: its own and those of every template it pulls in.

A page's fingerprint digests only the context variables its template (with the templates it
extends, includes and imports) names, so a variable no template of that page kind uses
(`topic_count` in the built-in theme) does not re-render every page when it changes. A
template that pulls in another by a computed name can read anything: then every variable counts.
"""
from __future__ import annotations

import jinja2
from jinja2 import meta

ALWAYS = frozenset({"root", "index_links", "kind"})  # read by link() and the like whatever the template names


def used_variables(env: jinja2.Environment, template: str) -> frozenset[str] | None:
    """Context variables `template` and the templates it pulls in may read; None when that cannot be known."""
    names: set[str] = set(ALWAYS)
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
            return None
        names |= meta.find_undeclared_variables(ast)
        for referenced in meta.find_referenced_templates(ast):
            if referenced is None:
                return None
            todo.append(referenced)
    return frozenset(names)
