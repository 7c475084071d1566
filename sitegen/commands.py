"""One function per command: load the config, do the work, report, return the exit status."""
from __future__ import annotations

import argparse
from pathlib import Path

from sitegen.build import BuildOptions, BuildReport, build
from sitegen.config import SiteConfig, load_config
from sitegen.convert import ConvertReport, convert_seeds
from sitegen.errors import UsageError
from sitegen.report import Reporter


def _config(args: argparse.Namespace, base_url: str | None = None) -> SiteConfig:
    site: Path = args.site
    if not site.is_dir():
        raise UsageError(f"site folder not found: {site}; pass --site DIR or run `sitegen new DIR` first")
    return load_config(site, base_url)


def _status(problems_ok: bool, warnings: int, strict: bool) -> int:
    if not problems_ok or (strict and warnings):
        return 1
    return 0


def convert_summary(report: ConvertReport) -> str:
    return (f"seeds: {report.converted} converted, {report.unchanged} unchanged, {report.kept_edits} hand-edited kept, "
            f"{report.duplicates} duplicate, {report.rejected} rejected, {report.drafts} drafts")


def build_summary(report: BuildReport) -> str:
    if report.nothing_changed:
        return f"nothing changed; output/ is up to date ({report.seconds:.2f} s)"
    return (f"briefings: {report.briefings}, topics: {report.topics}, pages: {report.pages_written} written, "
            f"{report.pages_unchanged} unchanged, {report.files_removed} removed; "
            f"{len(report.warnings)} warnings, {len(report.errors)} errors; {report.seconds:.2f} s")


def convert(args: argparse.Namespace, reporter: Reporter) -> int:
    config = _config(args)
    seeds = args.seeds or config.seeds_dir
    content = args.content or config.content_dir
    progress = reporter.progress()
    report = convert_seeds(config.root, seeds, content, config.convert, force=args.force, workers=args.workers, progress=progress and progress.converting)
    reporter.problems(report.problems)
    for name in report.removed:
        reporter.line(f"seeds/{name}: notice: the seed is gone; its briefing stays in content/.")
    reporter.line(convert_summary(report))
    return _status(report.ok, sum(p.severity == "warning" for p in report.problems), args.strict)


def build_command(args: argparse.Namespace, reporter: Reporter) -> int:
    config = _config(args, args.base_url)
    options = BuildOptions(drafts=args.drafts, future=args.future, workers=args.workers, output=args.output)
    report = build(config, options, reporter.progress())
    if report.convert:
        reporter.problems([p for p in report.convert.problems])
        reporter.line(convert_summary(report.convert))
    reporter.problems(report.problems)
    reporter.line(build_summary(report))
    if report.errors:
        reporter.line(f"{len(report.errors)} problem(s) above: the files named were skipped; fix them and build again.")
    return _status(report.ok, len(report.warnings), args.strict)


def serve(args: argparse.Namespace, reporter: Reporter) -> int:
    from sitegen.serve import serve as run_server

    config = _config(args)
    return run_server(config, args.host, args.port, BuildOptions(drafts=args.drafts, future=args.future, workers=args.workers, atomic=False, publish_on_error=False), reporter)


COMMANDS = {"convert": convert, "build": build_command, "serve": serve}
