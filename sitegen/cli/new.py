"""`sitegen new DIR`: a new site folder from the template in sitegen/data/site-template/."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitegen.errors import UsageError

TEMPLATE = Path(__file__).parents[1] / "data" / "site-template"
RENAMED = {"gitignore": ".gitignore"}  # dot files are shipped without the dot
EMPTY_DIRS = ("content",)


def template_files() -> list[str]:
    """The template's files as relative POSIX paths, sorted."""
    return sorted(
        p.relative_to(TEMPLATE).as_posix()
        for p in TEMPLATE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


def new_site(target: Path) -> list[str]:
    """Make a new site in `target` (absent or empty); return the paths made, relative to it."""
    if target.exists() and not target.is_dir():
        raise UsageError(
            f"{target} exists and is not a folder; choose a new folder name for `sitegen new`"
        )
    if target.is_dir() and any(target.iterdir()):
        raise UsageError(
            f"{target} is not empty; `sitegen new` only fills a new or empty folder, so nothing was written. Choose another name."
        )
    made = []
    for rel in template_files():
        parent, _, name = rel.rpartition("/")
        out = (parent + "/" if parent else "") + RENAMED.get(name, name)
        (target / out).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(TEMPLATE / rel, target / out)
        made.append(out)
    for name in EMPTY_DIRS:
        (target / name).mkdir(parents=True, exist_ok=True)
        made.append(name + "/")
    return sorted(made)
