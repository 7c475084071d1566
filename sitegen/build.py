"""build(config) -> BuildReport: convert, load, index, plan, render, publish."""

from __future__ import annotations

import gc
import time
from collections.abc import Collection
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen import __version__
from sitegen.config import SiteConfig
from sitegen.content.load import load_content
from sitegen.errors import Problem
from sitegen.incremental.inputs import Inputs, rescan_inputs, scan_inputs, theme_digest
from sitegen.incremental.state import BuildState, Stamp, StateStore, folder_id

if TYPE_CHECKING:
    from sitegen.convert.report import ConvertReport
    from sitegen.model import Site
    from sitegen.render.pages import Page, SiteView

# The stages after the no-op check (convert, related, pages, publish) are imported where they
# run, so that a build with nothing to do starts in a fraction of the time.


@dataclass(frozen=True)
class BuildOptions:
    """How to build: what to include, where to write, how to publish."""

    convert: bool = True
    drafts: bool = False
    future: bool = False
    workers: int | None = None
    publish_on_error: bool = True  # serve keeps the last good site when a file is broken
    force_convert: bool = False
    output: Path | None = None
    search_later: bool = False  # serve: publish the pages without waiting for Pagefind (search.py)


@dataclass
class BuildReport:
    """What a build did, for the summary line and the exit status."""

    convert: ConvertReport | None = None
    problems: list[Problem] = field(default_factory=list)
    briefings: int = 0
    drafts_skipped: int = 0
    topics: int = 0
    pages_written: int = 0
    pages_unchanged: int = 0
    files_removed: int = 0
    published: bool = False
    nothing_changed: bool = False
    seconds: float = 0.0
    search_pending: dict = field(
        default_factory=dict
    )  # search_later: shard folder -> briefings, to index in the background
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        own = [p for p in self.problems if p.severity == "error"]
        return own + (
            [p for p in self.convert.problems if p.severity == "error"] if self.convert else []
        )

    @property
    def warnings(self) -> list[Problem]:
        own = [p for p in self.problems if p.severity == "warning"]
        return own + (
            [p for p in self.convert.problems if p.severity == "warning"] if self.convert else []
        )

    @property
    def ok(self) -> bool:
        return not self.errors

    @contextmanager
    def timed(self, stage: str):
        """Add the time spent in the `with` block to timings[stage]."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - started


def build(
    config: SiteConfig,
    options: BuildOptions = BuildOptions(),
    progress=None,
    store: StateStore | None = None,
    changed: Collection[str] | None = None,
) -> BuildReport:
    """Build the site into output/; the published site changes only if the build completes.

    `changed`: the only content files (site-relative) changed since the last build with this
    store, when a watcher knows them; None (unknown) scans every seed and content file.
    """
    started, report = time.perf_counter(), BuildReport()
    gc.freeze()  # serve: what earlier builds left need not be scanned by the cycle collector either
    store = store or StateStore(config.cache_dir)
    output = options.output or config.output_dir
    salt = "|".join(
        (
            __version__,
            config.fingerprint,
            theme_digest(config),
            str(options.drafts),
            str(options.future),
            str(output.resolve()),
        )
    )
    with report.timed("convert"):
        inputs = _convert(config, options, store, changed, report, progress)
    if _up_to_date(store.stamp(), inputs.digest(salt), output) and report.ok:
        report.nothing_changed = True
        return _finish(report, started, store)
    with report.timed("load"):
        state, entries = _load(config, options, store, salt, inputs, report, progress)
    gc.freeze()  # the cycle collector need not scan the 100,000s of state objects again and again
    with report.timed("index"):
        digest = inputs.digest(salt)
        last = (
            store.pages
            if store.in_memory
            and options.search_later
            and changed is not None
            and not report.problems
            else None
        )
        if (
            isinstance(last, tuple) and last[0] == digest
        ):  # serve, after a background index: the same inputs, the same pages
            view, pages = last[1], last[2]
            report.briefings, report.topics = len(view.site.briefings), len(view.site.topics)
        else:
            view, pages = _index(
                config, options, entries, salt, report, state, store, watched=changed is not None
            )
        if store.in_memory:
            store.pages = (digest, view, pages) if not report.problems else None
    if report.problems and not options.publish_on_error:
        return _finish(report, started, store)
    with report.timed("publish"):
        new_state = BuildState(
            salt=salt,
            content=entries,
            pages={p.path: p.fingerprint for p in pages},
            related=state.related,
            template_use=state.template_use,
        )
        stamp = Stamp(
            inputs=inputs.digest(salt) if report.ok else "",
            convert=store.stamp().convert,
            convert_report=store.stamp().convert_report,
            base_url=config.base_url,
        )
        from sitegen.publish.run import publish

        publish(config, options, view, pages, state, new_state, stamp, store, report, progress)
    return _finish(report, started, store)


def _up_to_date(stamp: Stamp, inputs: str, output: Path) -> bool:
    """True when the inputs are those of the last build and its output/ is still whole."""
    from sitegen.publish.write import Publisher

    return (
        stamp.inputs == inputs
        and stamp.output_id == folder_id(output)
        and stamp.output_complete(output)
        and not Publisher(output).interrupted()
    )


def _scan(
    config: SiteConfig, options: BuildOptions, store: StateStore, changed: Collection[str] | None
) -> Inputs:
    """The inputs: the last scan updated with the changed files when they are known, else a full scan."""
    previous = store.inputs
    known = (
        changed is not None
        and isinstance(previous, Inputs)
        and bool(previous.convert_settings) == options.convert
    )
    store.inputs = (known and rescan_inputs(config, previous, changed)) or scan_inputs(
        config, options.convert
    )
    return store.inputs


def _convert(
    config: SiteConfig,
    options: BuildOptions,
    store: StateStore,
    changed: Collection[str] | None,
    report: BuildReport,
    progress,
) -> Inputs:
    """Run the converter unless its inputs are those of its last run that changed nothing."""
    inputs = _scan(config, options, store, changed)
    if not options.convert:
        return inputs
    stamp = store.stamp()
    if not options.force_convert and stamp.convert and stamp.convert == inputs.convert_digest():
        report.convert = stamp.convert_report  # the same inputs give the same report
        return inputs
    from sitegen.convert import convert_seeds

    report.convert = convert_seeds(
        config.root,
        config.seeds_dir,
        config.content_dir,
        config.convert,
        force=options.force_convert,
        workers=options.workers,
        progress=progress and progress.converting,
    )
    if (
        report.convert.converted == 0
        and report.convert.kept_edits == 0
        and not report.convert.written
    ):
        stamp.convert, stamp.convert_report = inputs.convert_digest(), report.convert
    else:
        inputs = store.inputs = scan_inputs(config, options.convert)
        stamp.convert, stamp.convert_report = "", None
    store.save_stamp(stamp)
    return inputs


def _load(
    config: SiteConfig,
    options: BuildOptions,
    store: StateStore,
    salt: str,
    inputs: Inputs,
    report: BuildReport,
    progress,
) -> tuple[BuildState, dict]:
    """The last build's state (pages dropped if output/ is not what it describes) and the parsed content."""
    state = store.load()
    output = options.output or config.output_dir
    if state.output_id is None or state.output_id != folder_id(output):
        state.pages = {}  # output/ is not what the state describes: render everything
    # under another salt every fingerprint differs (the salt is in each), and the files of the
    # last build are still known, so those the new site lacks are removed
    previous = state.content if state.salt == salt else {}
    entries = load_content(
        config, inputs.content, previous, options.workers, progress and progress.loading
    )
    report.problems += [problem for (_, _, _, problem) in entries.values() if problem]
    return state, entries


def _index(
    config: SiteConfig,
    options: BuildOptions,
    entries: dict,
    salt: str,
    report: BuildReport,
    state: BuildState,
    store: StateStore,
    watched: bool = False,
) -> tuple[SiteView, list[Page]]:
    """Topics, archives, neighbours and related briefings; then the plan of every output file.

    Serve keeps the plan in its store; when the watcher named the changes (`watched`) and they
    move nothing, the last site is patched instead (site_patch.py); every page's fingerprint
    is then computed from its context as always (pages.py).
    """
    from sitegen.incremental.site_patch import Plan, edited, patch_site
    from sitegen.publish.run import environment
    from sitegen.render.pages import SiteView, plan_pages
    from sitegen.render.template_use import TemplateUse, used_variables
    from sitegen.render.templates import static_files
    from sitegen.site.collisions import drop_collisions
    from sitegen.site.select import select_briefings
    from sitegen.site.taxonomy import build_site

    briefings, report.drafts_skipped = select_briefings(
        [b for (_, _, b, _) in entries.values() if b], options.drafts, options.future
    )
    briefings, collisions = drop_collisions(briefings, config.root)
    report.problems += collisions
    last = store.plan if watched and store.in_memory else None
    changes = edited(last.site, briefings) if isinstance(last, Plan) and last.salt == salt else None
    site = patch_site(last.site, changes) if changes is not None else build_site(briefings)
    with report.timed("related"):
        site.related = _related(site, config.related, state)
    view = SiteView(config, site, dict(static_files(config)))
    known = state.template_use if state.salt == salt else {}  # the theme and config are in the salt

    def used(template: str) -> TemplateUse:
        if template not in known:
            known[template] = used_variables(environment(config, salt), template)
        return known[template]

    pages = plan_pages(view, salt, used)
    state.template_use = known
    if store.in_memory:
        store.plan = Plan(salt, site)
    report.briefings, report.topics = len(site.briefings), len(site.topics)
    return view, pages


def _related(site: Site, count: int, state: BuildState) -> dict:
    """Related briefings, recomputed only for the briefings a change can affect."""
    from sitegen.incremental.related_update import update_related

    found, state.related = update_related(site, count, state.related)
    return found


def _finish(report: BuildReport, started: float, store: StateStore) -> BuildReport:
    if (
        store.in_memory
    ):  # serve: what this build made stays unscanned too (serve collects now and then, when idle)
        gc.freeze()
    else:
        gc.unfreeze()
    report.seconds = time.perf_counter() - started
    return report
