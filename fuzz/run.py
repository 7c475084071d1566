"""Fuzz convert + build with hypothesis-generated hostile seeds and front-matter files.

Each generated pair (one seed, one content file) is converted and parsed on its own (to pin a
crash to its input), and every --batch pairs become one site that `sitegen build` builds. A
crash is any exception, an `internal error`, a traceback, an exit status other than 0 or 1, or
exit 1 without a reported file problem. Every built page and feed is parsed for live code.

    python fuzz/run.py --count 100000            # the long run (on /dev/shm when it exists)
    python fuzz/run.py --count 2000 --batch 500  # a short one
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402 - imported once sys.path holds its folder
from hypothesis import seed as hypothesis_seed  # noqa: E402 - imported once sys.path holds its folder

from fuzz.inputs import pairs  # noqa: E402 - imported once sys.path holds its folder
from fuzz.live_code import check_html, check_json_feed, check_xml  # noqa: E402 - imported once sys.path holds its folder

SITE_CONFIG = 'search: false\nbase_url: "https://example.org/"\nrelated: 3\n'
PROBLEM_LINE = re.compile(r"^(?:seeds|content)/[^:]+(?::\d+)?: error: ")


@dataclass
class Result:
    """What a fuzz run found."""

    inputs: int = 0
    builds: int = 0
    pages_checked: int = 0
    crashes: int = 0
    tracebacks: int = 0
    live_code: int = 0
    seconds: float = 0.0
    date: str = ""
    findings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.crashes or self.tracebacks or self.live_code)


def _check_file(path: str) -> list[str]:
    data = Path(path).read_bytes()
    if path.endswith(".html"):
        return check_html(data, path)
    if path.endswith(".xml"):
        return check_xml(data, path)
    return check_json_feed(data, path)


class Fuzzer:
    """Collects generated inputs into batches and builds each batch as one site."""

    def __init__(self, workdir: Path, batch: int, workers: int, pool) -> None:
        self.workdir, self.batch, self.workers, self.pool = workdir, batch, workers, pool
        self.result = Result()
        self.verbose = False
        self.seeds: list[bytes] = []
        self.contents: list[bytes] = []
        (workdir / "crashes").mkdir(parents=True, exist_ok=True)

    def crash(self, kind: str, data: bytes | None, detail: str) -> None:
        self.result.crashes += 1
        name = f"crash-{self.result.crashes:04d}"
        if data is not None:
            (self.workdir / "crashes" / f"{name}.{kind}").write_bytes(data)
        self.result.findings.append(
            f"{name} ({kind}): {detail.strip().splitlines()[-1] if detail.strip() else detail}"
        )
        (self.workdir / "crashes" / f"{name}.txt").write_text(detail, encoding="utf-8")

    def add(self, seed: bytes, content: bytes) -> None:
        """Convert and parse one pair on its own, then queue it for the next site build."""
        from sitegen.config import ConvertConfig
        from sitegen.content.parse import parse_briefing
        from sitegen.convert.seed import convert_seed

        self.result.inputs += 1
        try:
            convert_seed(f"s{self.result.inputs}.txt", seed, ConvertConfig(), self.taxonomy)
        except Exception:
            self.crash("seed", seed, traceback.format_exc())
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
        try:
            if text is not None:
                parse_briefing(
                    "x.md",
                    text.replace("\r\n", "\n").replace("\r", "\n"),
                    self.tz,
                    "{year}/{month}/{day}/{slug}/",
                )
        except Exception:
            self.crash("md", content, traceback.format_exc())
        self.seeds.append(seed)
        self.contents.append(content)
        if len(self.seeds) >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Build the queued inputs as one site and check what it published."""
        if not self.seeds:
            return
        site = self.workdir / "site"
        shutil.rmtree(site, ignore_errors=True)
        for folder, items, suffix in (
            ("seeds", self.seeds, ".txt"),
            ("content", self.contents, ".md"),
        ):
            (site / folder).mkdir(parents=True)
            for index, data in enumerate(items):
                (site / folder / f"f{index:05d}{suffix}").write_bytes(data)
        (site / "sitegen.yaml").write_text(SITE_CONFIG, encoding="utf-8")
        self.seeds, self.contents = [], []
        self._build(site)

    def _build(self, site: Path) -> None:
        from sitegen.cli import main

        err = io.StringIO()
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                code = main(
                    ["build", "--site", str(site), "--drafts", "--workers", str(self.workers), "-q"]
                )
        except BaseException:
            code = -1
            err.write(traceback.format_exc())
        self.result.builds += 1
        if self.verbose and self.result.builds % 10 == 0:
            print(
                f"fuzz: {self.result.inputs} inputs, {self.result.builds} builds, {self.result.crashes} crashes, {self.result.live_code} live-code findings",
                flush=True,
            )
        text = err.getvalue()
        if "Traceback" in text:
            self.result.tracebacks += 1
        if (
            code not in (0, 1)
            or "internal error" in text
            or "Traceback" in text
            or (code == 1 and not any(PROBLEM_LINE.match(line) for line in text.splitlines()))
        ):
            keep = self.workdir / "crashes" / f"site-{self.result.builds:04d}"
            shutil.copytree(site / "seeds", keep / "seeds")
            shutil.copytree(site / "content", keep / "content")
            self.crash(
                "build",
                None,
                f"build {self.result.builds} exited {code}; inputs kept in {keep}\n{text}",
            )
        self._inspect(site)

    def _inspect(self, site: Path) -> None:
        output = site / "output"
        outside = sorted(p.name for p in site.iterdir()) != [
            ".sitegen-cache",
            "content",
            "output",
            "seeds",
            "sitegen.yaml",
        ]
        if outside:
            self.result.live_code += 1
            self.result.findings.append(
                f"build {self.result.builds}: unexpected files beside output/: {sorted(p.name for p in site.iterdir())}"
            )
        files = (
            [
                str(p)
                for p in output.rglob("*")
                if p.suffix in (".html", ".xml", ".json")
                and p.is_file()
                and "pagefind" not in p.parts
            ]
            if output.is_dir()
            else []
        )
        self.result.pages_checked += len(files)
        for problems in self.pool.imap_unordered(_check_file, files, chunksize=64):
            for problem in problems:
                self.result.live_code += 1
                if len(self.result.findings) < 200:
                    self.result.findings.append(f"build {self.result.builds}: {problem}")


def run(
    count: int, batch: int, workdir: Path, seed: int, workers: int, verbose: bool = False
) -> Result:
    """Generate `count` input pairs with hypothesis and push them through convert and build."""
    from sitegen.config import ConvertConfig
    from sitegen.convert.topics_file import load_taxonomy

    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(max(1, workers)) as pool:
        fuzzer = Fuzzer(workdir, batch, workers, pool)
        fuzzer.verbose = verbose
        fuzzer.taxonomy = load_taxonomy(workdir, ConvertConfig())
        fuzzer.tz = ZoneInfo("UTC")

        @hypothesis_seed(seed)
        @settings(
            max_examples=count,
            database=None,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
            derandomize=False,
        )
        @given(pairs())
        def one(pair: tuple[bytes, bytes]) -> None:
            fuzzer.add(*pair)

        one()
        fuzzer.flush()
    result = fuzzer.result
    result.seconds = round(time.perf_counter() - started, 1)
    result.date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer; print and save the result; exit 1 on any crash or live code."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--count", type=int, default=100_000, help="input pairs to generate (default 100000)"
    )
    parser.add_argument(
        "--batch", type=int, default=1000, help="pairs per site build (default 1000)"
    )
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed (default 0)")
    parser.add_argument(
        "--workers", type=int, default=2, help="build and check processes (default 2)"
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="scratch folder (default: a new folder on /dev/shm or in TMPDIR)",
    )
    args = parser.parse_args(argv)
    base = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="sitegen-fuzz-", dir=base))
    workdir.mkdir(parents=True, exist_ok=True)
    result = run(args.count, args.batch, workdir, args.seed, args.workers, verbose=True)
    (workdir / "result.json").write_text(
        json.dumps(asdict(result), indent=2) + "\n", encoding="utf-8"
    )
    for finding in result.findings[:50]:
        print(finding)
    print(
        f"fuzz: {result.inputs} inputs in {result.builds} builds, {result.pages_checked} pages checked; "
        f"{result.crashes} crashes, {result.tracebacks} tracebacks, {result.live_code} live-code findings; "
        f"{result.seconds} s ({result.date}); details in {workdir}"
    )
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
