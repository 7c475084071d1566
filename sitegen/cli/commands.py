"""One function per command: load the config, do the work, report, return the exit status."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen.config import SiteConfig, load_config
from sitegen.errors import UsageError
from sitegen.report import Reporter, Summary, seed_counts, seeds_note

if TYPE_CHECKING:  # the converter is imported when it runs: a no-op build starts faster
    from sitegen.build import BuildReport  # and the builder when it runs: so does a convert
    from sitegen.convert.report import ConvertReport


def _config(args: argparse.Namespace, base_url: str | None = None) -> SiteConfig:
    site: Path = args.site
    if not site.is_dir():
        raise UsageError(
            f"site folder not found: {site}; pass --site DIR or run `sitegen new DIR` first"
        )
    return load_config(site, base_url)


def _status(problems_ok: bool, warnings: int, strict: bool) -> int:
    if not problems_ok or (strict and warnings):
        return 1
    return 0


def convert_summary(report: ConvertReport, seconds: float) -> Summary:
    """The closing summary of `sitegen convert`."""
    seeds, detail = seed_counts(report)
    warnings = sum(p.severity == "warning" for p in report.problems)
    return Summary(
        seeds=seeds,
        seeds_detail=detail,
        seeds_note=seeds_note(report),
        warnings=warnings,
        errors=len(report.problems) - warnings,
        seconds=seconds,
    )


def build_summary(report: BuildReport) -> Summary:
    """The closing summary of `sitegen build`."""
    seeds, detail = seed_counts(report.convert) if report.convert else (None, "")
    pages = (
        (report.pages_written, report.pages_unchanged, report.files_removed)
        if report.published
        else None
    )
    return Summary(
        seeds=seeds,
        seeds_detail=detail,
        seeds_note=seeds_note(report.convert) if report.convert else "",
        briefings=report.briefings,
        topics=report.topics,
        pages=pages,
        nothing_changed=report.nothing_changed,
        warnings=len(report.warnings),
        errors=len(report.errors),
        seconds=report.seconds,
        timings=report.timings,
    )


def convert(args: argparse.Namespace, reporter: Reporter) -> int:
    from sitegen.convert import convert_seeds

    config = _config(args)
    if args.explain is not None:
        return explain_command(config, args.explain, args.seeds or config.seeds_dir, reporter)
    seeds = args.seeds or config.seeds_dir
    content = args.content or config.content_dir
    started = time.perf_counter()
    with reporter.progress() as progress:
        report = convert_seeds(
            config.root,
            seeds,
            content,
            config.convert,
            force=args.force,
            workers=args.workers,
            progress=progress.converting,
        )
    reporter.problems(report.problems)
    reporter.summary(convert_summary(report, time.perf_counter() - started))
    return _status(report.ok, sum(p.severity == "warning" for p in report.problems), args.strict)


def explain_command(config: SiteConfig, seed: Path, seeds_dir: Path, reporter: Reporter) -> int:
    """Print what the converter reads in one seed; nothing is written."""
    from sitegen.convert import explain_seed

    if not seed.is_file() and (seeds_dir / seed).is_file():
        seed = seeds_dir / seed  # a bare name is looked up in the seeds folder
    if not seed.is_file():
        raise UsageError(f"seed not found: {seed}; give its path, or its name in {seeds_dir}")
    text, problems = explain_seed(config.root, seed, config.convert, seeds_dir)
    reporter.problems(problems)
    if text:
        print(text, end="")
    return 1 if any(p.severity == "error" for p in problems) else 0


def build_command(args: argparse.Namespace, reporter: Reporter) -> int:
    from sitegen.build import BuildOptions, build

    config = _config(args, args.base_url)
    options = BuildOptions(
        drafts=args.drafts, future=args.future, workers=args.workers, output=args.output
    )
    with reporter.progress() as progress:
        report = build(config, options, progress)
    reporter.problems((report.convert.problems if report.convert else []) + report.problems)
    reporter.summary(build_summary(report))
    if report.errors:
        reporter.line(
            f"{len(report.errors)} problem(s) above: the files named were skipped; fix them and build again."
        )
    status = _status(report.ok, len(report.warnings), args.strict)
    if getattr(args, "check", False):
        status = max(status, check_command(args, reporter))
    return status


def check_command(args: argparse.Namespace, reporter: Reporter) -> int:
    from sitegen.check import check_site

    config = _config(args, args.base_url)
    output: Path = args.output or config.output_dir
    if not (output / "index.html").is_file():
        raise UsageError(
            f"no built site in {output}; run `sitegen build` first, or pass --output DIR"
        )
    started = time.perf_counter()
    report = check_site(
        output,
        built_base_url(config, output) if args.base_url is None else config.base_url,
        _label(output, config.root),
        args.workers,
    )
    reporter.problems(report.problems)
    reporter.line(
        f"check: {report.pages} pages, {report.links} links, {report.feeds} feeds; "
        f"{len(report.problems)} problem(s) in {time.perf_counter() - started:.2f} s"
    )
    return 0 if report.ok else 1


def built_base_url(config: SiteConfig, output: Path) -> str:
    """The base URL the last build of `output` used (it may have had --base-url); else the config's."""
    from sitegen.incremental.state import StateStore, folder_id

    stamp = StateStore(config.cache_dir).stamp()
    if stamp.base_url and stamp.output_id is not None and stamp.output_id == folder_id(output):
        return stamp.base_url
    return config.base_url


def _label(output: Path, root: Path) -> str:
    """How messages name the output folder: relative to the site when inside it."""
    try:
        return output.resolve().relative_to(root.resolve()).as_posix() or "."
    except ValueError:
        return output.as_posix().rstrip("/")


def new_command(args: argparse.Namespace, reporter: Reporter) -> int:
    from sitegen.cli.new import new_site

    made = new_site(args.dir)
    for rel in made:
        reporter.detail(f"  {rel}")
    reporter.line(
        f"made a new site in {args.dir}. Next:\n  cd {args.dir}\n  sitegen build\n  sitegen serve"
    )
    return 0


def serve(args: argparse.Namespace, reporter: Reporter) -> int:
    from sitegen.build import BuildOptions
    from sitegen.serve.server import serve as run_server

    config = _config(args)
    try:
        return run_server(
            config,
            args.host,
            args.port,
            BuildOptions(
                drafts=args.drafts, future=args.future, workers=args.workers, publish_on_error=False
            ),
            reporter,
        )
    except KeyboardInterrupt:  # Ctrl-C is how serve is meant to stop, even during the first build
        reporter.line("stopped.")
        return 0


COMMANDS = {
    "convert": convert,
    "build": build_command,
    "check": check_command,
    "new": new_command,
    "serve": serve,
}
