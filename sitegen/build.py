"""build(config) -> BuildReport: convert, load, index, plan, render, publish."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from sitegen import __version__, related, search
from sitegen.config import SiteConfig
from sitegen.convert import ConvertReport, convert_seeds
from sitegen.errors import Problem, SitegenError
from sitegen.load import load_content, scan_content
from sitegen.pages import plan_pages
from sitegen.publish import render_pages
from sitegen.render import static_files, theme_fingerprint
from sitegen.select import select_briefings
from sitegen.state import BuildState, folder_id, forget_state, load_state, save_state
from sitegen.taxonomy import build_site
from sitegen.write import Publisher


@dataclass(frozen=True)
class BuildOptions:
    """How to build: what to include, where to write, how to publish."""

    convert: bool = True
    drafts: bool = False
    future: bool = False
    workers: int | None = None
    atomic: bool = True  # serve writes in place, build swaps a complete folder
    publish_on_error: bool = True  # serve keeps the last good site when a file is broken
    force_convert: bool = False
    output: Path | None = None


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
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        own = [p for p in self.problems if p.severity == "error"]
        return own + ([p for p in self.convert.problems if p.severity == "error"] if self.convert else [])

    @property
    def warnings(self) -> list[Problem]:
        own = [p for p in self.problems if p.severity == "warning"]
        return own + ([p for p in self.convert.problems if p.severity == "warning"] if self.convert else [])

    @property
    def ok(self) -> bool:
        return not self.errors


def _inputs(config: SiteConfig, options: BuildOptions, content: dict, salt: str) -> tuple:
    seeds = sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in config.seeds_dir.glob("*") if p.is_file()) if options.convert and config.seeds_dir.is_dir() else []
    return (salt, tuple(seeds), tuple(content.items()))


def build(config: SiteConfig, options: BuildOptions = BuildOptions(), progress=None) -> BuildReport:
    """Build the site into output/; the published site changes only if the build completes."""
    started = time.perf_counter()
    report = BuildReport()
    output = options.output or config.output_dir
    publisher = Publisher(output, atomic=options.atomic)
    state = load_state(config.cache_dir)
    if state.output_id is None or state.output_id != folder_id(output):
        state.pages = {}  # output/ is not what the state describes: render everything
    salt = "|".join((__version__, config.fingerprint, theme_fingerprint(config), str(options.drafts), str(options.future), str(output.resolve())))
    if options.convert:
        report.convert = convert_seeds(config.root, config.seeds_dir, config.content_dir, config.convert, force=options.force_convert, workers=options.workers, progress=progress and progress.converting)
    files = scan_content(config.content_dir, config.root)
    inputs = _inputs(config, options, files, salt)
    if state.ok and state.pages and inputs == state.inputs and report.ok:
        report.nothing_changed = True
        return _finish(report, state, started)
    previous = state.content if state.salt == salt else {}
    entries = load_content(config, files, previous, options.workers, progress and progress.loading)
    report.problems += [problem for (_, _, _, problem) in entries.values() if problem]
    briefings, drafts = select_briefings([b for (_, _, b, _) in entries.values() if b], options.drafts, options.future)
    report.drafts_skipped = drafts
    site = build_site(briefings)
    site.related = related.find_related(site.briefings, config.related)
    pages = plan_pages(site, config.per_page, config.feed_items, salt, [(rel, _file_digest(path)) for rel, path in static_files(config)])
    report.briefings, report.topics = len(site.briefings), len(site.topics)
    if report.problems and not options.publish_on_error:
        return _finish(report, state, started)
    publisher.begin()
    if not options.atomic:
        forget_state(config.cache_dir)  # output/ changes in place from here on
    try:
        todo = [p for p in pages if state.pages.get(p.path) != p.fingerprint]
        report.pages_written, report.pages_unchanged = render_pages(config, site, todo, publisher, options.workers, progress)
        report.pages_unchanged += len(pages) - len(todo)
        keep = [p.path for p in pages if state.pages.get(p.path) == p.fingerprint]
        missing = set(publisher.keep(keep))
        if missing:  # deleted from output/ by hand: make them again
            written, _ = render_pages(config, site, [p for p in pages if p.path in missing], publisher, options.workers, None)
            report.pages_written += written
        gone = sorted(set(state.pages) - {p.path for p in pages})
        publisher.remove(gone)
        report.files_removed = len(gone)
        extra = search.index(config, publisher, state, changed=report.pages_written > 0 or bool(gone))
        new_state = BuildState(salt=salt, inputs=inputs, content=entries, pages={p.path: p.fingerprint for p in pages}, extra_files=extra, output_id=folder_id(publisher.root), ok=not report.problems)
        save_state(config.cache_dir, new_state)  # names the staging folder: valid once swapped in
        publisher.commit()
    except BaseException:
        publisher.abort()
        if not options.atomic:
            forget_state(config.cache_dir)
        raise
    report.published = True
    return _finish(report, state, started)


def _file_digest(path: Path) -> str:
    import hashlib

    return hashlib.sha1(path.read_bytes()).hexdigest()[:16]


def _finish(report: BuildReport, state: BuildState, started: float) -> BuildReport:
    report.seconds = time.perf_counter() - started
    return report
