"""The package's layout: imports point one way (no module imports itself through others),
and no module reaches into another's private (underscore) names."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "sitegen"
NAMED_TUPLE_API = {"_replace", "_asdict", "_fields", "_make"}  # public API despite the underscore
STANDARD_LIBRARY = {("sys", "_getframe"), ("os", "_exit")}


def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(name: str, tree: ast.Module, known: dict[str, Path]) -> set[str]:
    """The package's modules that a module imports, at its top or inside a function."""
    out = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and (node.module or "").startswith("sitegen")
        ):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                out.add(full if full in known else node.module)
        elif isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names if alias.name.startswith("sitegen.")}
    return {target for target in out if target in known and target != name}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def import_graph() -> dict[str, set[str]]:
    """Each module of the package and the package modules it imports."""
    known = modules()
    return {
        name: imports(name, ast.parse(path.read_text(encoding="utf-8")), known)
        for name, path in known.items()
    }


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def private_uses(tree: ast.Module) -> list[str]:
    """Private names a module takes from elsewhere: imported, or read as `x._name` where the
    module itself defines no `_name` (so it must belong to another module's object)."""
    own = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id in ("self", "cls")
        ):
            own.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            own.add(node.id)
    used = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sitegen"):
            used += [
                f"{node.module}.{a.name}"
                for a in node.names
                if a.name.startswith("_") and not a.name.startswith("__")
            ]
        elif (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            base = node.value.id if isinstance(node.value, ast.Name) else ""
            if (
                base in ("self", "cls")
                or node.attr in own
                or node.attr in NAMED_TUPLE_API
                or (base, node.attr) in STANDARD_LIBRARY
            ):
                continue
            used.append(f"line {node.lineno}: {ast.unparse(node)}")
    return used


def test_no_module_touches_another_modules_private_names() -> None:
    found = {}
    for name, path in modules().items():
        if uses := private_uses(ast.parse(path.read_text(encoding="utf-8"))):
            found[name] = uses
    assert found == {}


def test_private_uses_are_found() -> None:
    tree = ast.parse(
        "from sitegen.publish.write import _exchange\n\ndef f(state):\n    state.related._index = 1\n    return self._own\n"
    )
    assert private_uses(tree) == ["sitegen.publish.write._exchange", "line 4: state.related._index"]


FORBIDDEN_EDGES = (
    # (importer, imported): a module named by the first (or inside it) never imports the second.
    ("sitegen.build", "sitegen.cli"),
    ("sitegen.check", "sitegen.cli"),
    ("sitegen.config", "sitegen.cli"),
    ("sitegen.config_checks", "sitegen.cli"),
    ("sitegen.content", "sitegen.cli"),
    ("sitegen.convert", "sitegen.cli"),
    ("sitegen.incremental", "sitegen.cli"),
    ("sitegen.publish", "sitegen.cli"),
    ("sitegen.render", "sitegen.cli"),
    ("sitegen.serve", "sitegen.cli"),
    ("sitegen.site", "sitegen.cli"),
    ("sitegen.config", "sitegen.content"),
    ("sitegen.config_checks", "sitegen.content"),
)
"""Back edges the layout forbids: the pipeline's stages never import the command line, and the
settings never import the content stage."""


def within(name: str, package: str) -> bool:
    """True when module `name` is `package` or lies inside it."""
    return name == package or name.startswith(package + ".")


def back_edges(graph: dict[str, set[str]]) -> list[str]:
    """The imports in `graph` that FORBIDDEN_EDGES names, as 'importer -> imported'."""
    return sorted(
        f"{name} -> {target}"
        for name, targets in graph.items()
        for target in targets
        for importer, imported in FORBIDDEN_EDGES
        if within(name, importer) and within(target, imported)
    )


def test_no_stage_imports_back_up_the_layout() -> None:
    assert back_edges(import_graph()) == []


def test_back_edges_are_found() -> None:
    graph = {
        "sitegen.serve.server": {"sitegen.cli.report", "sitegen.build"},
        "sitegen.config_checks": {"sitegen.content.language_tags"},
        "sitegen.configure": {"sitegen.cli"},  # a name that only starts like a rule's is not one
        "sitegen.cli": {"sitegen.build"},
    }
    assert back_edges(graph) == [
        "sitegen.config_checks -> sitegen.content.language_tags",
        "sitegen.serve.server -> sitegen.cli.report",
    ]
