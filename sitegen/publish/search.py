"""Full-text search with Pagefind, in bounded shards: each shard is its own Pagefind bundle.

Layout under output/pagefind/:
  shards.json                 the shard folders, in order, for the search page (mergeIndex)
  pagefind-ui.js, -ui.css     Pagefind's UI, loaded by the search page
  <name>-<digest>/            one Pagefind bundle per shard (search_shards.py says which
                              briefings go where); the digest names what its records are made of

Records are fed to Pagefind directly (its Python API), not parsed from the built pages: the text
is the briefing's title and body, the filters its topics, source and year, the metadata its title
and date. A shard whose digest is unchanged is carried over from the published site; the others
are indexed, two or more at once (one Pagefind service each), into the staging folder, so a
killed build leaves the last complete index in output/.
"""
from __future__ import annotations

import html
import json
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sitegen.config import SiteConfig
from sitegen.content import bodies
from sitegen.errors import SitegenError
from sitegen.incremental.state import BuildState
from sitegen.model import Briefing, Site
from sitegen.parallel import worker_count
from sitegen.publish import pagefind_service, search_order, search_shards
from sitegen.publish.write import Publisher, write_file

INDEX_DIR = "pagefind"
MANIFEST = f"{INDEX_DIR}/shards.json"
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css")
# What the search page needs of a shard's bundle; Pagefind's other UI files stay out of the shards.
_BUNDLE = re.compile(r"(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta|(index|fragment|filter)/.*)")
RECORDS = "records-1"  # bump when what a record holds changes: every shard is indexed again


def index_language(config: SiteConfig) -> str:
    """The one language of the index: the site's (a briefing in another language is still found)."""
    return config.language.split("-")[0].lower()


def _url(config: SiteConfig, briefing: Briefing) -> str:
    return "/" + (briefing.output_path if config.index_links else briefing.url)


def _filter_value(text: str) -> str:
    """As the built-in theme writes a filter: Pagefind's UI shows filter names as markup."""
    return text.replace("&", "&\u2060").replace("<", "<\u2060")


_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|pre|tr|div)>|<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t]+")


def body_text(body_html: str) -> str:
    """A body's text: tags dropped, blocks on lines of their own, entities decoded."""
    text = html.unescape(_TAG.sub("", _BLOCK_END.sub("\n", body_html)))
    return "\n".join(line for line in (_SPACES.sub(" ", line).strip() for line in text.split("\n")) if line)


def record(config: SiteConfig, briefing: Briefing) -> dict:
    """What Pagefind indexes of one briefing."""
    assert briefing.date is not None
    filters = {"topic": [_filter_value(t.name) for t in briefing.tags], "year": [str(briefing.date.year)]}
    if briefing.source:
        filters["source"] = [_filter_value(briefing.source)]
    day = briefing.date.date().isoformat()
    return {"url": _url(config, briefing), "content": f"{briefing.title}\n{body_text(bodies.body_html(config, briefing))}", "language": index_language(config),
            "meta": {"title": briefing.title, "date": day}, "filters": filters, "sort": {"date": day}}


def plan(config: SiteConfig, site: Site) -> dict[str, list[Briefing]]:
    """Shard folder (under pagefind/) -> its briefings in URL order."""
    by_url = {_url(config, b): b for b in site.briefings if b.date is not None}
    settings = [RECORDS, index_language(config), str(config.index_links)]
    folders = {}
    for name, urls in search_shards.shards(list(by_url), config.search_shard_size).items():
        members = [by_url[u] for u in urls]  # a shard's name: the digest of every part of its records (URL as indexed, fields, body)
        folders[f"{name}-{search_shards.digest([*settings, *(f'{u} {by_url[u].rev} {by_url[u].body_hash}' for u in urls)])}"] = members
    return folders


def _index_shard(config: SiteConfig, binary: Path, briefings: list[Briefing], target: Path) -> None:
    with pagefind_service.Index(binary) as index:
        for briefing in briefings:
            index.add_record(**record(config, briefing))
        index.write(target)
    for path in sorted(target.rglob("*"), reverse=True):  # the UI lives once, beside the shards
        rel = path.relative_to(target).as_posix()
        if path.is_file() and not _BUNDLE.fullmatch(rel):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    try:
        search_order.stabilise(target)  # same records, same bytes: Pagefind alone writes filters in random order
    except ValueError:
        pass  # a Pagefind format this cannot read: the bundle is still valid, only not byte-stable (CI checks)


def _index_all(config: SiteConfig, binary: Path, todo: dict[str, list[Briefing]], root: Path, workers: int) -> None:
    """Index shards `workers` at a time, each in its own Pagefind process (threads only wait on them)."""
    with ThreadPoolExecutor(workers) as pool:
        for done in [pool.submit(_index_shard, config, binary, briefings, root / INDEX_DIR / folder) for folder, briefings in todo.items()]:
            done.result()


def _ui(config: SiteConfig, binary: Path) -> dict[str, bytes]:
    """Pagefind's search UI files, kept under .sitegen-cache/ per Pagefind version (made once)."""
    from importlib.metadata import version

    folder = config.cache_dir / f"search-ui-{version('pagefind')}"
    if not all((folder / name).is_file() for name in UI_FILES):
        scratch = config.cache_dir / "search-ui-scratch"
        with pagefind_service.Index(binary) as index:
            index.add_record("/", "sitegen", index_language(config), {}, {}, {})
            index.write(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for name in UI_FILES:
            (scratch / name).replace(folder / name)
        shutil.rmtree(scratch, ignore_errors=True)
    return {name: (folder / name).read_bytes() for name in UI_FILES}


def _binary() -> Path:
    binary = pagefind_service.executable()
    if binary is None:
        raise SitegenError("search is on but Pagefind is not installed.\n  Run `pip install 'pagefind[bin]'`, or set `search: false` in sitegen.yaml.")
    return binary


def index(config: SiteConfig, site: Site, publisher: Publisher, state: BuildState, workers: int | None = None) -> list[str]:
    """Index the shards whose briefings changed, carry the others over; return the index's files."""
    if not config.search:
        return []
    root = publisher.root
    folders = plan(config, site)
    last: dict[str, list[str]] = {}
    for rel in state.extra_files:
        parts = rel.split("/", 2)
        if len(parts) == 3:
            last.setdefault(parts[1], []).append(rel)
    todo = {}
    for folder, briefings in folders.items():
        if folder not in last or publisher.keep(last[folder]):  # new, changed, or deleted from output/ by hand
            todo[folder] = briefings
    binary = _binary()
    try:
        if todo:
            _index_all(config, binary, todo, root, worker_count(workers))
        ui = _ui(config, binary)
    except (pagefind_service.PagefindError, OSError) as exc:
        raise SitegenError(f"Pagefind failed to index the site: {exc}") from None
    files = sorted(p.relative_to(root).as_posix() for folder in folders for p in (root / INDEX_DIR / folder).rglob("*") if p.is_file())
    top = {MANIFEST: json.dumps({"shards": list(folders)}, separators=(",", ":")).encode("utf-8")}
    top.update((f"{INDEX_DIR}/{name}", data) for name, data in ui.items())
    for rel, data in top.items():
        write_file(root, publisher.published, rel, data)
    return sorted([*files, *top])
