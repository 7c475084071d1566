"""Render planned pages and write them, on every core: one page -> bytes -> write.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.bccache

from sitegen.config import SiteConfig
from sitegen.incremental.state import BuildState, Stamp, StateStore, folder_id
from sitegen.parallel import map_chunks
from sitegen.publish.write import Publisher, write_file
from sitegen.render.pages import KINDS, Page, SiteView
from sitegen.render.templates import Renderer, make_env


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept under .sitegen-cache/: a build that renders a few pages need not compile them."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError, TypeError):  # unreadable: compile it again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a cache that cannot be written only costs time
            pass


def _template_cache(config: SiteConfig) -> _TemplateCache | None:
    folder = config.cache_dir / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _TemplateCache(str(folder))


class _Environments:
    """This process's Jinja environment (compiled templates), kept while config and theme stay the same.

    One build asks for it twice (planning, then rendering); serve asks again on every rebuild.
    """

    def __init__(self) -> None:
        self.key = ""
        self.env: jinja2.Environment | None = None

    def get(self, config: SiteConfig, key: str) -> jinja2.Environment:
        """The environment for `key` (config + theme; "": a new one, not kept)."""
        if key and key == self.key and self.env is not None:
            return self.env
        env = make_env(config)
        env.bytecode_cache = _template_cache(config)
        self.key, self.env = (key, env) if key else ("", None)
        return env


_ENVIRONMENTS = _Environments()


@dataclass(frozen=True, slots=True)
class _RenderJob:
    """What every render task needs: the pool's context, handed to workers when they fork."""

    renderer: Renderer
    root: Path
    published: Path | None


def environment(config: SiteConfig, env_key: str) -> jinja2.Environment:
    """The theme's environment for this build (serve keeps it while config and theme stay the same)."""
    return _ENVIRONMENTS.get(config, env_key)


def _warm(renderer: Renderer, kinds: set[str]) -> None:
    """Compile the templates these pages need once, before forking, so workers inherit them."""
    for kind in sorted(kinds):
        if (template := KINDS[kind].template) is not None:
            try:
                renderer.env.get_template(template)
            except Exception:  # noqa: BLE001 - render() reports it with file and line
                pass


def _render_chunk(job: _RenderJob, pages: Sequence[Page]) -> list[bool]:
    """Render and write a run of pages; True for each file that changed on disk."""
    return [
        write_file(job.root, job.published, page.path, job.renderer.page_bytes(page))
        for page in pages
    ]


def render_pages(
    view: SiteView,
    pages: list[Page],
    publisher: Publisher,
    workers: int | None,
    progress=None,
    env_key: str = "",
) -> tuple[int, int]:
    """Render and write `pages`; return (written, unchanged on disk). `env_key` names config + theme (the build's salt)."""
    job = _RenderJob(
        Renderer(view, environment(view.config, env_key)), publisher.root, publisher.published
    )
    _warm(job.renderer, {page.kind for page in pages})
    on_chunk = progress.rendering(len(pages)) if progress else None
    changed = map_chunks(_render_chunk, pages, job, workers, on_chunk)
    written = sum(changed)
    return written, len(pages) - written


def publish(
    config: SiteConfig,
    options,
    view: SiteView,
    pages: list[Page],
    state: BuildState,
    new_state: BuildState,
    stamp: Stamp,
    store: StateStore,
    report,
    progress=None,
) -> None:
    """Render the pages whose fingerprint changed, carry the rest over, index, and make it public.

    Build and serve alike: everything goes into the staging folder, which replaces output/ in
    one step only once it is whole; a failure on the way leaves output/ as it was.
    """
    publisher = Publisher(
        options.output or config.output_dir,
        trash=config.cache_dir / "trash",
        spare_id=state.spare_id if state.spare_pages else None,
        cache=config.cache_dir,
    )
    publisher.begin()
    spare = state.spare_pages if publisher.reused else {}  # what the reused spare holds already
    try:
        last = state.pages.get
        todo = [p for p in pages if last(p.path) != p.fingerprint]
        report.pages_written, report.pages_unchanged = render_pages(
            view, todo, publisher, options.workers, progress, new_state.salt
        )
        report.pages_unchanged += len(pages) - len(todo)
        with report.timed("keep"):
            in_spare = spare.get
            carried = [p.path for p in pages if last(p.path) == p.fingerprint != in_spare(p.path)]
            missing = set(publisher.keep(carried))
        if missing:  # deleted from output/ by hand: make them again
            written, _ = render_pages(
                view,
                [p for p in pages if p.path in missing],
                publisher,
                options.workers,
                None,
                new_state.salt,
            )
            report.pages_written += written
        gone = sorted(
            set(state.pages) - set(new_state.pages)
        )  # not carried into staging: gone with the swap
        publisher.drop(sorted(set(spare) - set(new_state.pages)))
        report.files_removed = len(gone)
        with report.timed("search"):
            from sitegen.publish import search

            new_state.extra_files = search.index(
                config,
                view.site,
                publisher,
                state,
                options.workers,
                report.search_pending if options.search_later else None,
            )
        if report.search_pending:  # the index published is the last one: the next build is no no-op
            stamp.inputs = ""
        if publisher.reused:
            publisher.drop(sorted(set(state.spare_extra) - set(new_state.extra_files)))
        keep_spare = publisher.spare is not None and bool(
            state.pages
        )  # the site being replaced is the one the state describes
        if keep_spare:
            new_state.spare_pages, new_state.spare_extra, new_state.spare_id = (
                state.pages,
                state.extra_files,
                state.output_id,
            )
        new_state.output_id = stamp.output_id = folder_id(publisher.root)
        stamp.files = "\n".join([*new_state.pages, *new_state.extra_files])
        store.save(new_state, stamp)  # names the staging folder: valid once swapped in
        publisher.commit(keep_spare)
    except BaseException:
        publisher.abort()
        raise
    report.published = True
