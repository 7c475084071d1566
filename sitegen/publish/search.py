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

Under `sitegen serve` a rebuild does not wait for Pagefind (`later`): when a shard must be
indexed, the rebuild publishes the last complete index as it was, and the shards it lacks are
indexed in the background (search_background.py) into the shard cache, .sitegen-cache/
search-shards/<folder>/ (each made in a hidden folder, then renamed: a folder there is whole).
Once all are there, the next rebuild links them in and publishes the new index whole, exactly
as `sitegen build` would write it: a shard's folder is named by what its records are made of,
so a shard indexed for an older edit is never taken for a newer one. The shards a publish
retires stay in the cache a while, where serve still answers for them: a search page loaded
before it can go on searching the index it started with.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import threading
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
_BUNDLE = re.compile(
    r"(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta|(index|fragment|filter)/.*)"
)
RECORDS = "records-1"  # bump when what a record holds changes: every shard is indexed again
SHARD_CACHE = "search-shards"  # under the cache folder: shards indexed in serve's background, and retired ones


class Cancelled(Exception):
    """A background index was called off (a newer edit needs other shards, or serve stops)."""


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
    return "\n".join(
        line for line in (_SPACES.sub(" ", line).strip() for line in text.split("\n")) if line
    )


def record(config: SiteConfig, briefing: Briefing) -> dict:
    """What Pagefind indexes of one briefing."""
    assert briefing.date is not None
    filters = {
        "topic": [_filter_value(t.name) for t in briefing.tags],
        "year": [str(briefing.date.year)],
    }
    if briefing.source:
        filters["source"] = [_filter_value(briefing.source)]
    day = briefing.date.date().isoformat()
    return {
        "url": _url(config, briefing),
        "content": f"{briefing.title}\n{body_text(bodies.body_html(config, briefing))}",
        "language": index_language(config),
        "meta": {"title": briefing.title, "date": day},
        "filters": filters,
        "sort": {"date": day},
    }


_layout: list = [
    None,
    None,
]  # serve: the last URLs and shard size, and their layout (most rebuilds move no URL)


def _shards(urls: list[str], size: int) -> dict[str, list[str]]:
    key = (size, urls)
    if _layout[0] != key:
        _layout[:] = [key, search_shards.shards(urls, size)]
    return _layout[1]


def plan(config: SiteConfig, site: Site) -> dict[str, list[Briefing]]:
    """Shard folder (under pagefind/) -> its briefings in URL order."""
    by_url = {_url(config, b): b for b in site.briefings if b.date is not None}
    settings = [RECORDS, index_language(config), str(config.index_links)]
    folders = {}
    for name, urls in _shards(list(by_url), config.search_shard_size).items():
        members = [
            by_url[u] for u in urls
        ]  # a shard's name: the digest of every part of its records (URL as indexed, fields, body)
        folders[
            f"{name}-{search_shards.digest([*settings, *(f'{u} {by_url[u].rev} {by_url[u].body_hash}' for u in urls)])}"
        ] = members
    return folders


def _index_shard(
    config: SiteConfig, binary: Path, briefings: list[Briefing], target: Path, cancel=None
) -> None:
    """Index one shard into target; `cancel` (serve's background): checked between records, and it
    ends the Pagefind process when it is set."""
    with pagefind_service.Index(binary) as index:
        if cancel is not None:
            cancel.on_set(index.kill)
        for briefing in briefings:
            if cancel is not None and cancel.is_set():
                raise Cancelled
            index.add_record(**record(config, briefing))
        index.write(target)
    for path in sorted(target.rglob("*"), reverse=True):  # the UI lives once, beside the shards
        rel = path.relative_to(target).as_posix()
        if path.is_file() and not _BUNDLE.fullmatch(rel):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    try:
        search_order.stabilise(
            target
        )  # same records, same bytes: Pagefind alone writes filters in random order
    except ValueError:
        pass  # a Pagefind format this cannot read: the bundle is still valid, only not byte-stable (CI checks)


def _index_all(
    config: SiteConfig, binary: Path, todo: dict[str, list[Briefing]], root: Path, workers: int
) -> None:
    """Index shards `workers` at a time, each in its own Pagefind process (threads only wait on them)."""
    with ThreadPoolExecutor(workers) as pool:
        for done in [
            pool.submit(_index_shard, config, binary, briefings, root / INDEX_DIR / folder)
            for folder, briefings in todo.items()
        ]:
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
        raise SitegenError(
            "search is on but Pagefind is not installed.\n  Run `pip install 'pagefind[bin]'`, or set `search: false` in sitegen.yaml."
        )
    return binary


def shard_cache(config: SiteConfig) -> Path:
    return config.cache_dir / SHARD_CACHE


def index_in_background(config: SiteConfig, folder: str, briefings: list[Briefing], cancel) -> None:
    """Index one shard into the shard cache (serve's background), unless it is there already.

    Made in a hidden folder and renamed into place, so that a shard in the cache is whole; raises
    Cancelled when `cancel` is set on the way, PagefindError or OSError when indexing fails.
    """
    cache = shard_cache(config)
    if (cache / folder).is_dir():
        return
    scratch = cache / f".{folder}-{os.getpid()}-{threading.get_native_id()}"
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        _index_shard(config, _binary(), briefings, scratch, cancel)
        if cancel.is_set():
            raise Cancelled
        try:
            os.rename(scratch, cache / folder)
        except OSError:
            if not (cache / folder).is_dir():
                raise
    except pagefind_service.PagefindError:
        if cancel.is_set():  # its process was ended on purpose
            raise Cancelled from None
        raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def clear_scratch(config: SiteConfig) -> None:
    """Delete the half-made shards a killed serve left in the shard cache."""
    cache = shard_cache(config)
    if cache.is_dir():
        for entry in cache.iterdir():
            if entry.name.startswith("."):
                shutil.rmtree(entry, ignore_errors=True)


def _link_tree(source: Path, target: Path) -> bool:
    """Hard-link (or copy) every file of source into target, replacing what is there; False if source is gone."""
    try:
        files = [p for p in source.rglob("*") if p.is_file()]
    except OSError:
        return False
    if not files:
        return False
    try:
        for path in files:
            dest = target / path.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, dest)
            except FileExistsError:
                os.unlink(dest)
                os.link(path, dest)
            except OSError:
                shutil.copy2(path, dest)
    except FileNotFoundError:  # the cache was pruned meanwhile
        return False
    return True


def _carry(publisher: Publisher, state: BuildState, rels: list[str]) -> list[str]:
    """publisher.keep(rels), less the shard files a reused spare holds already: a shard's folder is
    named by its records, so the same name holds the same bytes. Returns the files missing."""
    if publisher.reused and state.spare_extra:
        spare = set(state.spare_extra)
        rels = [rel for rel in rels if rel.count("/") < 2 or rel not in spare]
    return publisher.keep(rels)


def _serve_cache(
    config: SiteConfig, publisher: Publisher, folders: dict, last: dict[str, list[str]]
) -> None:
    """Serve: keep the shards this publish retires in the shard cache, drop those older still."""
    cache = shard_cache(config)
    published = publisher.published
    for folder in last:
        if folder not in folders and published is not None and not (cache / folder).is_dir():
            scratch = cache / f".{folder}-{os.getpid()}-retired"
            if _link_tree(published / INDEX_DIR / folder, scratch):
                try:
                    os.rename(scratch, cache / folder)
                except OSError:
                    pass
            shutil.rmtree(scratch, ignore_errors=True)
    if cache.is_dir():
        for entry in cache.iterdir():
            if (
                not entry.name.startswith(".")
                and entry.name not in folders
                and entry.name not in last
            ):
                shutil.rmtree(entry, ignore_errors=True)


def index(
    config: SiteConfig,
    site: Site,
    publisher: Publisher,
    state: BuildState,
    workers: int | None = None,
    later: dict | None = None,
) -> list[str]:
    """Index the shards whose briefings changed, carry the others over; return the index's files.

    `later` (serve): when a shard must be indexed and is not in the shard cache, publish the last
    complete index unchanged and put the shards to index in `later` (folder -> briefings) instead.
    """
    if not config.search:
        return []
    root = publisher.root
    folders = plan(config, site)
    last: dict[str, list[str]] = {}
    for rel in state.extra_files:
        parts = rel.split("/", 2)
        if len(parts) == 3:
            last.setdefault(parts[1], []).append(rel)
    cache = shard_cache(config) if later is not None else None
    if cache is not None:
        missing = [f for f in folders if f not in last and not (cache / f).is_dir()]
        if missing and MANIFEST in state.extra_files:
            if not _carry(publisher, state, state.extra_files):
                later.update((f, folders[f]) for f in missing)  # the last complete index, as it was
                return sorted(state.extra_files)
            for folder in last:  # files of it deleted by hand: index now, as a build does
                if folder not in folders:
                    shutil.rmtree(root / INDEX_DIR / folder, ignore_errors=True)
    todo, carried = {}, set()
    for folder, briefings in folders.items():
        if folder in last and not _carry(publisher, state, last[folder]):
            carried.add(folder)
            continue
        if cache is not None and _link_tree(cache / folder, root / INDEX_DIR / folder):
            continue
        todo[folder] = briefings  # new, changed, or deleted from output/ by hand
    if cache is not None:
        _serve_cache(config, publisher, folders, last)
    binary = _binary()
    try:
        if todo:
            _index_all(config, binary, todo, root, worker_count(workers))
        ui = _ui(config, binary)
    except (pagefind_service.PagefindError, OSError) as exc:
        raise SitegenError(f"Pagefind failed to index the site: {exc}") from None
    files = [
        rel for folder in carried for rel in last[folder]
    ]  # the others: as indexed or linked now
    files += [
        p.relative_to(root).as_posix()
        for folder in folders
        if folder not in carried
        for p in (root / INDEX_DIR / folder).rglob("*")
        if p.is_file()
    ]
    top = {MANIFEST: json.dumps({"shards": list(folders)}, separators=(",", ":")).encode("utf-8")}
    top.update((f"{INDEX_DIR}/{name}", data) for name, data in ui.items())
    for rel, data in top.items():
        write_file(root, publisher.published, rel, data)
    return sorted([*files, *top])
