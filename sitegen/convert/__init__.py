"""Convert raw seeds into Markdown briefings with YAML front matter.

The names below load on first use: a build that only replays the last convert report
(convert.report) need not compile the converter's many patterns.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for type checkers: the names __getattr__ gives (`x as x`: re-exported)
    from sitegen.convert.explain import explain_seed as explain_seed
    from sitegen.convert.report import ConvertReport as ConvertReport
    from sitegen.convert.run import convert_seeds as convert_seeds
    from sitegen.convert.seed import Converted as Converted
    from sitegen.convert.seed import convert_seed as convert_seed
    from sitegen.convert.topics import Taxonomy as Taxonomy
    from sitegen.convert.topics_file import load_taxonomy as load_taxonomy

_HOMES = {
    "ConvertReport": "report",
    "convert_seeds": "run",
    "Converted": "seed",
    "explain_seed": "explain",
    "convert_seed": "seed",
    "Taxonomy": "topics",
    "load_taxonomy": "topics_file",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"sitegen.convert.{_HOMES[name]}"), name)
