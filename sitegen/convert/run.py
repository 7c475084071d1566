"""convert_seeds: the file side of convert (folders, manifest, re-run rules, duplicates)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitegen.config import ConvertConfig
from sitegen.config_checks import encoding_problems, pattern_problem
from sitegen.convert.boilerplate import extra_rules
from sitegen.convert.manifest import (
    Entry,
    atomic_write,
    read_manifest,
    save_manifest,
    seed_named_in,
)
from sitegen.convert.pool import Job, SeedResult, convert_all, discard
from sitegen.convert.report import ConvertReport
from sitegen.convert.seed import latest_day
from sitegen.convert.seedfiles import SEED_SUFFIXES, scan_seed_files
from sitegen.convert.site_template import applied, recorded_templates, templates
from sitegen.convert.topics import EMPTY_TAXONOMY
from sitegen.convert.topics_file import read_site_topics, taxonomy_for
from sitegen.errors import ConfigError, Problem, UsageError


def relative(path: Path, site_root: Path) -> str:
    """Site-relative path text when inside the site, else the path as given."""
    try:
        return path.resolve().relative_to(site_root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _warn(path: str, message: str, hint: str | None = None) -> Problem:
    return Problem(path, None, message, hint, "warning")


def settings_digest(config: ConvertConfig, site_topics: dict) -> str:
    """Changes when a convert setting or the site's topics change: every seed is then converted again."""
    return hashlib.sha256(
        repr((config, sorted(site_topics.items()))).encode("utf-8", "surrogatepass")
    ).hexdigest()[:16]


def _check_rules(config: ConvertConfig) -> None:
    """Raise ConfigError naming a bad extra boilerplate pattern or an unknown encoding."""
    bad = [
        found for pattern in config.boilerplate if (found := pattern_problem(pattern)) is not None
    ]
    if bad:  # load_config reports these with their lines; this guards a ConvertConfig made in code
        raise ConfigError(
            "bad boilerplate pattern",
            [Problem("sitegen.yaml", None, message, hint) for message, hint in bad],
        )
    if config.encoding and (found := encoding_problems(config.encoding)):
        raise ConfigError(
            "unknown encoding",
            [Problem("sitegen.yaml", None, message, hint) for message, hint in found],
        )
    extra_rules(config.boilerplate)


@dataclass
class _Run:
    """State of one run: where things are, what is taken, what happened."""

    site_root: Path
    seeds_dir: Path
    content_dir: Path
    old: dict[str, Entry]
    force: bool
    report: ConvertReport = field(default_factory=ConvertReport)
    entries: dict[str, Entry] = field(default_factory=dict)
    taken: dict[str, str] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)
    """Names in the content folder, kept up to date as files are written and deleted."""
    content_prefix: str | None = None
    """What written_path puts before a file name; found on first use."""

    def seed_path(self, name: str) -> str:
        """A seed as the user names it: its folder resolved, the file itself not (it may be a link)."""
        folder = relative(self.seeds_dir, self.site_root)
        return name if folder == "." else f"{folder}/{name}"

    def content_path(self, file_name: str) -> str:
        folder = relative(self.content_dir, self.site_root)
        return file_name if folder == "." else f"{folder}/{file_name}"

    def written_path(self, file_name: str) -> str:
        """content_path of a file this run just wrote (a plain file, so only its folder is resolved)."""
        if self.content_prefix is None:
            try:
                folder = self.content_dir.resolve().relative_to(self.site_root.resolve()).as_posix()
                self.content_prefix = "" if folder == "." else folder + "/"
            except ValueError:
                self.content_prefix = self.content_dir.as_posix().rstrip("/") + "/"
        return self.content_prefix + file_name

    def in_content(self, file_name: str) -> str:
        """The path of a file in the content folder, as a string (cheaper than Path / name)."""
        return os.path.join(self.content_dir, file_name)


def _is_file(entry: os.DirEntry) -> bool:
    """os.path.isfile(entry.path), without a stat call when the folder listing already tells."""
    try:
        return entry.is_file()
    except OSError:  # e.g. a looping link: not a file
        return False


def _skipped(run: _Run, skipped: list[str]) -> Problem:
    """One warning naming what in the seeds folder is not read (the first few of many)."""
    shown = ", ".join(run.seed_path(name) for name in skipped[:5]) + (
        f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
    )
    endings = " or ".join(f"`{suffix}`" for suffix in SEED_SUFFIXES)
    return _warn(
        relative(run.seeds_dir, run.site_root),
        f"not read as seeds: {shown}.",
        f"Only files ending in {endings} (any case) are seeds; links to folders are not followed. Rename or move the files if they are seeds.",
    )


def _scan_content(content_dir: Path) -> tuple[set[str], set[str]]:
    """Names in the content folder: all of them, and those that are files."""
    try:
        with os.scandir(content_dir) as entries:
            listed = [(entry.name, _is_file(entry)) for entry in entries]
    except (FileNotFoundError, NotADirectoryError):
        return set(), set()
    return {name for name, _ in listed}, {name for name, is_file in listed if is_file}


def convert_seeds(
    site_root: Path,
    seeds_dir: Path,
    content_dir: Path,
    config: ConvertConfig,
    *,
    force: bool = False,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ConvertReport:
    """Convert new and changed seeds into content files, keeping hand edits; see docs/convert.md."""
    if not seeds_dir.is_dir():
        raise UsageError(f"seeds folder not found: {seeds_dir}; create it or pass --seeds DIR")
    _check_rules(config)
    site_topics = read_site_topics(site_root, config)
    scanned = scan_seed_files(seeds_dir)
    seeds, broken = scanned.seeds, scanned.broken
    names = list(seeds)
    old, old_settings = read_manifest(site_root)
    settings = settings_digest(config, site_topics)
    run = _Run(site_root, seeds_dir, content_dir, old or {}, force)
    run.report.settings_changed = old is not None and old_settings != settings and bool(seeds)
    for name in broken:
        run.report.rejected += 1
        run.report.problems.append(
            Problem(
                run.seed_path(name),
                None,
                "cannot read the seed: it is a link that is broken or loops.",
                "Point the link at a real file, or delete it.",
            )
        )
    if scanned.skipped:
        run.report.problems.append(_skipped(run, scanned.skipped))
    run.present, files = _scan_content(content_dir)
    todo, unchanged = [], []
    for name, stat in seeds.items():
        entry = run.old.get(name)
        fresh = (
            not force
            and not run.report.settings_changed
            and entry
            and (entry.size, entry.mtime_ns) == (stat.st_size, stat.st_mtime_ns)
            and entry.content in files
        )
        (unchanged if fresh else todo).append(name)
    job = Job(
        seeds_dir,
        content_dir,
        config,
        taxonomy_for(site_topics) if todo else EMPTY_TAXONOMY,
        frozenset(run.present),
        latest_day(),
        recorded_templates(run.old, names),
    )
    results = _convert(todo, job, workers, progress)
    try:
        job, again = _template_changes(run, job, unchanged, results)
        if again:
            if job.taxonomy is EMPTY_TAXONOMY:
                job = replace(job, taxonomy=taxonomy_for(site_topics))
            unchanged = [name for name in unchanged if name not in again]
            discard([results[name] for name in again if name in results], content_dir)
            results.update(_convert(sorted(again), job, workers, None))
        shas = {}
        for name in unchanged:
            entry = run.old[name]
            run.report.unchanged += 1
            shas[name] = entry.sha256
            run.report.problems += [
                Problem(run.seed_path(name), line, message, hint, "warning")
                for line, message, hint in entry.warnings
            ]
        _settle(run, names, shas, results)
    except BaseException:
        discard(list(results.values()), content_dir)
        raise
    content_dir.mkdir(parents=True, exist_ok=True)
    if old is None or run.entries != old or old_settings != settings:
        save_manifest(site_root, run.entries, settings)
    run.report.drafts = sum(entry.draft for name, entry in run.entries.items() if name in shas)
    run.report.problems.sort(key=Problem.sort_key)
    return run.report


def _convert(
    names: list[str], job: Job, workers: int | None, progress: Callable[[int, int], None] | None
) -> dict[str, SeedResult]:
    if names:
        job.content_dir.mkdir(parents=True, exist_ok=True)
    return {result.name: result for result in convert_all(names, job, workers, progress)}


def _template_changes(
    run: _Run, job: Job, unchanged: list[str], results: dict[str, SeedResult]
) -> tuple[Job, set[str]]:
    """The sources' templates from every seed's evidence, and the seeds whose body they change
    (converted under the templates of the last run, or unchanged since then)."""
    evidence = {name: run.old[name].site for name in unchanged}
    evidence.update({name: result.site for name, result in results.items()})
    # nothing converted: the evidence is what the job's templates were made from
    found = templates([site for site in evidence.values() if site]) if results else job.templates
    again = {
        name for name, site in evidence.items() if site and applied(site, found) != site.applied
    }
    return (replace(job, templates=found) if again else job), again


def _settle(
    run: _Run, names: list[str], shas: dict[str, str], results: dict[str, SeedResult]
) -> None:
    """Apply the re-run rules to the converted seeds, in name order; fills run.entries and shas."""
    shas.update({name: result.sha256 for name, result in results.items() if result.sha256})
    duplicates = _duplicates(run, names, shas)
    for name in names:
        if name not in results and name not in duplicates:
            run.entries[name] = run.old[name]
    _removed(run, set(names))
    run.taken = {entry.content: name for name, entry in run.entries.items()}
    _reserve(run, results, duplicates)
    for name in sorted(results):
        if name not in duplicates:
            _place(run, results[name])
        elif results[name].staged:
            os.unlink(run.in_content(results[name].staged))


def _duplicates(run: _Run, names: list[str], shas: dict[str, str]) -> set[str]:
    """Seeds whose bytes equal an earlier seed's (sorted order): warned and skipped."""
    first: dict[str, str] = {}
    duplicates = set()
    for name in names:
        sha = shas.get(name)
        if not sha:
            continue
        if sha in first:
            duplicates.add(name)
            run.report.duplicates += 1
            run.report.problems.append(
                _warn(
                    run.seed_path(name),
                    f"duplicate of {run.seed_path(first[sha])} (identical bytes); skipped.",
                    "Delete one of the two seed files.",
                )
            )
        else:
            first[sha] = name
    return duplicates


def _removed(run: _Run, present: set[str]) -> None:
    """Report seeds gone from the seeds folder; their briefings stay (and keep their names)."""
    for name in sorted(set(run.old) - present):
        entry = run.old[name]
        if (run.content_dir / entry.content).is_file():
            run.entries[name] = entry
            run.report.removed.append(name)
            run.report.problems.append(
                _warn(
                    run.seed_path(name),
                    f"seed removed; its briefing {run.content_path(entry.content)} was kept.",
                    "Delete the briefing too if it should go.",
                )
            )


def _reserve(run: _Run, results: dict[str, SeedResult], duplicates: set[str]) -> None:
    """Changed seeds keep the file name the manifest gave them while their slug base still fits."""
    for name in sorted(results):
        result, entry = results[name], run.old.get(name)
        if (
            entry
            and result.ok
            and name not in duplicates
            and _fits(entry.content, result.slug_base)
        ):
            run.taken.setdefault(entry.content, name)


def _fits(file_name: str, base: str) -> bool:
    """True when file_name is base.md or base-N.md."""
    stem = file_name[:-3]
    return stem == base or (stem.startswith(base + "-") and stem[len(base) + 1 :].isdigit())


def _place(run: _Run, result: SeedResult) -> None:
    """Write (or adopt, or keep) the content file of one converted seed."""
    name = result.name
    for problem in result.problems:
        run.report.problems.append(
            Problem(
                run.seed_path(name), problem.line, problem.message, problem.hint, problem.severity
            )
        )
    if not result.ok:
        run.report.rejected += 1
        return
    sha = result.content_sha256
    file_name, action = _target(run, name, result.slug_base, sha)
    entry = run.old.get(name)
    if entry and entry.content != file_name and not _drop_stale(run, name, entry):
        file_name, action = entry.content, "edited"
    written_sha = sha
    if action == "edited":
        run.report.kept_edits += 1
        run.report.problems.append(
            _warn(
                run.content_path(file_name),
                f"edited by hand; not overwritten with the new conversion of {run.seed_path(name)}.",
                "Use --force to overwrite it.",
            )
        )
        written_sha = entry.content_sha256 if entry and entry.content == file_name else sha
    if action == "write":
        _write(run, result, file_name)
    elif result.staged:
        os.unlink(run.in_content(result.staged))
    if action != "edited":
        run.report.converted += 1
    run.taken[file_name] = name
    warnings = tuple(
        (p.line, p.message, p.hint) for p in result.problems if p.severity == "warning"
    )
    run.entries[name] = Entry(
        result.size,
        result.mtime_ns,
        result.sha256,
        file_name,
        written_sha,
        result.draft,
        warnings,
        result.site,
    )


def _write(run: _Run, result: SeedResult, file_name: str) -> None:
    """Put the new content file in place: rename the staged file, or write the text atomically."""
    target = run.in_content(file_name)
    if result.staged:
        os.replace(run.in_content(result.staged), target)
    else:
        atomic_write(Path(target), result.text.encode("utf-8"))
    run.present.add(file_name)
    run.report.written.append(run.written_path(file_name))


def _target(run: _Run, name: str, base: str, sha: str) -> tuple[str, str]:
    """Pick the file name (base, base-2, ...) and what to do: write, same, or edited."""
    entry = run.old.get(name)
    suffix = 1
    while True:
        file_name = f"{base}.md" if suffix == 1 else f"{base}-{suffix}.md"
        suffix += 1
        owner = run.taken.get(file_name)
        if owner is not None and owner != name:
            continue
        if file_name not in run.present:
            return file_name, "write"
        try:
            existing = (run.content_dir / file_name).read_bytes()
        except FileNotFoundError:
            return file_name, "write"
        if hashlib.sha256(existing).hexdigest() == sha:
            return file_name, "same"
        if entry and entry.content == file_name:
            edited = hashlib.sha256(existing).hexdigest() != entry.content_sha256
        elif seed_named_in(existing) == name:
            edited = True
        else:
            continue
        return file_name, "edited" if edited and not run.force else "write"


def _drop_stale(run: _Run, name: str, entry: Entry) -> bool:
    """The seed's briefing moved to a new name: delete the old file unless edited by hand."""
    path = run.content_dir / entry.content
    try:
        existing = path.read_bytes()
    except FileNotFoundError:
        return True
    if hashlib.sha256(existing).hexdigest() != entry.content_sha256 and not run.force:
        return False
    path.unlink()
    run.present.discard(entry.content)
    return True
