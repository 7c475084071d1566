"""Full-text search with Pagefind: index the built pages so search works on any static host."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from sitegen import search_order
from sitegen.config import SiteConfig
from sitegen.errors import SitegenError
from sitegen.state import BuildState
from sitegen.write import Publisher

INDEX_DIR = "pagefind"


def _pagefind_command() -> list[str] | None:
    try:
        import pagefind_bin  # noqa: F401  (the binary wheel of `pagefind[bin]`)
    except ImportError:
        return None
    return [sys.executable, "-m", "pagefind"]


def pagefind_args(config: SiteConfig, command: list[str], root: Path) -> list[str]:
    """The Pagefind command line: only pages marked data-pagefind-body (briefings) are indexed.

    Briefings carry their own `<html lang>`; Pagefind would split them into one index per language,
    and a search page loads only its own language's index (it will not merge its own bundle). One
    index in the site's language keeps every briefing findable from one search box.
    """
    args = [*command, "--site", str(root), "--output-subdir", INDEX_DIR, "--silent", "--force-language", config.language.split("-")[0].lower()]
    if config.index_links:  # result links then match the site's own links (folder/index.html)
        args.append("--keep-index-url")
    return args


def index(config: SiteConfig, publisher: Publisher, state: BuildState, changed: bool) -> list[str]:
    """(Re)index when pages changed, otherwise carry the last index over; return its files."""
    if not config.search:
        return []
    root = publisher.root
    if not changed and state.extra_files:
        missing = publisher.keep(state.extra_files)
        if not missing:
            return state.extra_files
    command = _pagefind_command()
    if command is None:
        raise SitegenError("search is on but Pagefind is not installed.\n  Run `pip install 'pagefind[bin]'`, or set `search: false` in sitegen.yaml.")
    target = root / INDEX_DIR
    if target.exists():
        shutil.rmtree(target)
    result = subprocess.run(pagefind_args(config, command, root), capture_output=True, text=True)
    if result.returncode != 0:
        raise SitegenError(f"Pagefind failed to index the site:\n{result.stderr.strip() or result.stdout.strip()}")
    try:
        search_order.stabilise(target)  # same pages, same bytes: Pagefind alone writes filters in random order
    except ValueError:
        pass  # a Pagefind format this cannot read: the bundle is still valid, only not byte-stable (CI checks)
    return sorted(p.relative_to(root).as_posix() for p in target.rglob("*") if p.is_file())
