"""What a build reads, as names, sizes and times: the cheap look that decides what to redo."""

from __future__ import annotations

import functools
import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitegen import __version__
from sitegen.config import SiteConfig
from sitegen.content.load import scan_content
from sitegen.convert.seedfiles import scan_seed_files
from sitegen.incremental.state import digest

BUILT_IN_TAXONOMY = Path(__file__).parents[1] / "data" / "topics.yaml"
BUILT_IN_THEME = (
    Path(__file__).parents[1] / "theme"
)  # as render.templates.BUILTIN_THEME, without importing Jinja


@dataclass(frozen=True, eq=False)  # compared by identity: one scan, one digest
class Inputs:
    """The seed and content files of a site with their (mtime, size), and the converter's settings."""

    seeds: tuple[tuple[str, int, int], ...]
    content: dict[str, tuple[int, int]]
    convert_settings: str

    def digest(self, salt: str) -> str:
        """Changes when any input of the build changes (templates and config are in `salt`)."""
        return _digest_of(self, salt)

    def convert_digest(self) -> str:
        """Changes when anything the converter looks at changes: seeds, settings, content file names."""
        return digest([__version__, self.convert_settings, self.seeds, list(self.content)])


@functools.lru_cache(maxsize=2)
def _digest_of(inputs: Inputs, salt: str) -> str:
    return digest([salt, inputs.seeds, list(inputs.content.items())])


def _seeds(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """The seeds (and what convert skips, which it warns about) with their mtime and size."""
    try:
        found = scan_seed_files(folder)
    except (FileNotFoundError, NotADirectoryError):
        return ()
    listed = [(name, st.st_mtime_ns, st.st_size) for name, st in found.seeds.items()]
    listed += [
        (name, -1, -1) for name in found.broken + found.skipped
    ]  # a looping or dangling link, not a seed
    return tuple(sorted(listed))


def _file_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return ""


def scan_inputs(config: SiteConfig, with_seeds: bool = True) -> Inputs:
    """List the seeds (when converting) and the content files."""
    seeds = _seeds(config.seeds_dir) if with_seeds else ()
    settings = (
        repr(config.convert)
        + _file_text(config.root / config.convert.taxonomy)
        + _file_text(BUILT_IN_TAXONOMY)
        if with_seeds
        else ""
    )
    return Inputs(seeds, scan_content(config.content_dir, config.root), settings)


def rescan_inputs(config: SiteConfig, previous: Inputs, changed: Iterable[str]) -> Inputs | None:
    """`previous` with only the `changed` content files looked at again (serve: the watcher names
    them); None when a full scan_inputs is needed (content/ elsewhere, a folder among them)."""
    if not config.content_dir.is_relative_to(config.root):
        return None
    prefix = config.content_dir.relative_to(config.root).as_posix() + "/"
    content = dict(previous.content)
    for rel in changed:
        if not rel.startswith(prefix) or not rel.endswith(".md") or "/." in f"/{rel}":
            continue  # as scan_content: only *.md, nothing hidden
        path = config.root / rel
        try:
            st = os.stat(path)
        except FileNotFoundError:
            if os.path.lexists(path):
                content[rel] = (0, -1)  # a dangling link: read_briefing reports it
            else:
                content.pop(rel, None)
            continue
        except OSError:
            content[rel] = (0, -1)
            continue
        if stat.S_ISDIR(st.st_mode):
            return None
        content[rel] = (st.st_mtime_ns, st.st_size)
    return Inputs(previous.seeds, dict(sorted(content.items())), previous.convert_settings)


def theme_digest(config: SiteConfig) -> str:
    """Changes when any file of the site's theme or of the built-in theme changes."""
    h = hashlib.sha1()
    for theme in (config.themes_dir / config.theme, BUILT_IN_THEME):
        h.update(str(theme).encode("utf-8", "surrogatepass") + b"\0\0")
        for path in sorted(theme.rglob("*")) if theme.is_dir() else ():
            if path.is_file():
                h.update(
                    path.relative_to(theme).as_posix().encode("utf-8", "surrogatepass")
                    + b"\0"
                    + path.read_bytes()
                    + b"\0"
                )
    return h.hexdigest()[:16]
