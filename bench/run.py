"""Benchmark sitegen at archive scale against Hugo and the markdown-it-py floor; print a table.

Usage: python bench/run.py [--seeds 10000] [--runs 3] [--keep] [--dir /dev/shm/sitegen-bench]
       python bench/run.py --convert-baseline REV [--seeds 10000] [--runs 3]
       python bench/run.py --build-baseline REV [--seeds 10000] [--runs 3]
       python bench/run.py --serve-search [--code DIR] [--seeds 10000] [--runs 3]
         (serve only, search on: save -> page on disk, -> reload signal, -> new word in the
         published search index; --code runs the sitegen package unpacked at DIR, e.g. by
         `git archive REV sitegen themes | tar -x -C DIR`)
         (build only: no-op, one body edited, one title edited, this checkout against the
         sitegen package at git revision REV, in the same run, alternating)
         (convert only: this checkout against the converter at git revision REV, in the same run, on
         the BBC-derived seeds and on the web development set's page seeds)
See docs/benchmark.md for what each row measures.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hugo_site import make_hugo_site  # noqa: E402 - imported once sys.path holds its folder
from measure import Figure, PeakSampler, run  # noqa: E402 - imported once sys.path holds its folder

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
CORPUS_SIZE = 2225
SITEGEN = [sys.executable, "-m", "sitegen"]


def make_seeds(count: int, folder: Path) -> None:
    """`count` seeds from the BBC corpus (repeated with other dates and styles past 2,225)."""
    repeat = max(1, math.ceil(count / CORPUS_SIZE))
    subprocess.run(
        [
            sys.executable,
            str(CORPUS / "make_bbc_seeds.py"),
            "--repeat",
            str(repeat),
            "--limit",
            str(count),
            "--out",
            str(folder),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (folder / "truth.jsonl").unlink(missing_ok=True)


def fresh_site(work: Path, seeds: Path, search: bool = False) -> Path:
    """A site with the seeds, no content, no output, no cache; search off, or the default config."""
    site = work / ("site-search" if search else "site")
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    shutil.copytree(seeds, site / "seeds", copy_function=os.link)
    (site / "sitegen.yaml").write_text("" if search else "search: false\n", encoding="utf-8")
    return site


def median(figures: list[Figure]) -> Figure:
    """Median seconds; each memory figure is the largest of the runs' peaks."""
    return Figure(
        statistics.median(f.seconds for f in figures),
        max(f.peak_mb for f in figures),
        max(f.peak_pss_mb for f in figures),
    )


def build(site: Path) -> Figure:
    return run([*SITEGEN, "build", "--site", str(site), "--quiet"])


def sitegen_figures(work: Path, seeds: Path, runs: int) -> dict[str, Figure]:
    results: dict[str, list[Figure]] = {k: [] for k in ("cold", "first", "noop", "edit", "seed")}
    for _ in range(runs):
        site = fresh_site(work, seeds)
        results["cold"].append(build(site))
    results["first"].append(
        build(site)
    )  # the converter checks the seeds once more, then is skipped
    for _ in range(runs):
        results["noop"].append(build(site))
    content = sorted((site / "content").glob("*.md"))
    for number in range(runs):
        target = content[len(content) // 2 + number]
        text = target.read_text(encoding="utf-8")
        target.write_text(text + f"\nOne more paragraph, edit {number}.\n", encoding="utf-8")
        results["edit"].append(build(site))
    for number in range(runs):
        seed = sorted((site / "seeds").glob("*.txt"))[number]
        lines = seed.read_text(encoding="utf-8").split("\n")
        (site / "seeds" / f"zz_bench_{number}.txt").write_text(
            "\n".join(lines) + f"\n\nAdded for the benchmark, seed {number}.\n", encoding="utf-8"
        )
        results["seed"].append(build(site))
    return {k: median(v) for k, v in results.items()}


def search_figures(work: Path, seeds: Path, runs: int) -> dict[str, Figure]:
    """The default config (search on): cold convert + build + index, no-op, one edited briefing."""
    results: dict[str, list[Figure]] = {k: [] for k in ("cold", "noop", "edit")}
    for _ in range(runs):
        site = fresh_site(work, seeds, search=True)
        results["cold"].append(build(site))
    build(site)  # the converter's one extra check (see the first-rebuild row)
    for _ in range(runs):
        results["noop"].append(build(site))
    content = sorted((site / "content").glob("*.md"))
    for number in range(runs):
        target = content[len(content) // 2 + number]
        text = target.read_text(encoding="utf-8")
        target.write_text(text + f"\nOne more paragraph, edit {number}.\n", encoding="utf-8")
        results["edit"].append(build(site))
    shutil.rmtree(site)
    return {k: median(v) for k, v in results.items()}


WEB = CORPUS / "web"


def convert_once(code: Path, seeds: Path, work: Path) -> Figure:
    """`sitegen convert` of one seed folder into an empty content folder, with the sitegen package at `code`."""
    site = work / "convert-site"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(code)}
    # run from the site folder: `python -m` puts the working folder first on sys.path, before PYTHONPATH
    return run(
        [
            sys.executable,
            "-m",
            "sitegen",
            "convert",
            "--site",
            str(site),
            "--seeds",
            str(seeds),
            "--content",
            str(site / "content"),
            "--quiet",
        ],
        cwd=str(site),
        env=env,
    )


def convert_figures(
    work: Path, seeds: Path, baseline: str, runs: int
) -> list[tuple[str, Figure | None]]:
    """Convert speed of this checkout and of the converter at git revision `baseline`, alternating runs."""
    old = work / "baseline"
    old.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", baseline, "sitegen"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
    page_seeds = work / "web-page-seeds"
    if (WEB / "truth.jsonl").is_file():
        import json

        page_seeds.mkdir(exist_ok=True)
        for line in (WEB / "truth.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["style"] == "page":
                shutil.copy(WEB / "seeds" / row["file"], page_seeds / row["file"])
    rows: list[tuple[str, Figure | None]] = []
    for label, folder in (
        (f"{len(list(seeds.glob('*.txt')))} BBC-derived seeds", seeds),
        ("131 web page seeds (the longest)", page_seeds),
    ):
        if not folder.is_dir():
            rows.append((f"convert {label}", None))
            continue
        before, after = [], []
        for _ in range(runs):
            before.append(convert_once(old, folder, work))
            after.append(convert_once(REPO, folder, work))
        rows.append((f"convert {label}: baseline {baseline}", median(before)))
        rows.append((f"convert {label}: this checkout", median(after)))
    return rows


def _checkout(rev: str, folder: Path) -> Path:
    """The sitegen package at git revision `rev`, unpacked into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", rev, "sitegen", "themes"],
        check=True,
        capture_output=True,
    ).stdout  # sitegen/theme links to themes/default
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def build_with(code: Path, site: Path) -> Figure:
    """`sitegen build` of `site` with the sitegen package at `code` (run from the site folder, so PYTHONPATH wins)."""
    return run(
        [sys.executable, "-m", "sitegen", "build", "--site", str(site), "--quiet"],
        cwd=str(site),
        env={**os.environ, "PYTHONPATH": str(code)},
    )


def build_baseline_figures(
    work: Path, seeds: Path, baseline: str, runs: int
) -> list[tuple[str, Figure | None]]:
    """No-op, one body edited and one title edited: this checkout and the package at `baseline`, alternating."""
    old = _checkout(baseline, work / "baseline")
    ours = fresh_site(work, seeds)
    build_with(REPO, ours)  # converts the seeds and builds
    theirs = work / "site-baseline"
    shutil.copytree(
        ours, theirs, ignore=shutil.ignore_patterns("output", ".sitegen-cache", ".output.*")
    )
    sides = ((f"baseline {baseline}", old, theirs), ("this checkout", REPO, ours))
    for _, code, site in sides:
        build_with(code, site)  # a full build with that code
        build_with(code, site)  # the converter's check of unchanged seeds, then skipped
    figures: dict[str, list[Figure]] = {}
    edits = [
        ("no-op rebuild", None),
        ("one briefing's body edited", "body"),
        ("one briefing's title edited", "title"),
    ]
    for number in range(runs):
        for what, edit in edits:
            for label, code, site in sides:
                if edit:
                    target = sorted((site / "content").glob("*.md"))[
                        len(list((site / "content").glob("*.md"))) // 2 + number
                    ]
                    text = target.read_text(encoding="utf-8")
                    text = (
                        text + f"\nOne more paragraph, edit {number}.\n"
                        if edit == "body"
                        else text.replace("title: ", f"title: Edited {number}, ", 1)
                    )
                    target.write_text(text, encoding="utf-8")
                figures.setdefault(f"sitegen build, {what}: {label}", []).append(
                    build_with(code, site)
                )
    return [(name, median(values)) for name, values in figures.items()]


def serve_figures(site: Path, runs: int) -> Figure:
    """Seconds from saving a content file with a new title to that title in its page on disk."""
    from sitegen.config import load_config
    from sitegen.content.parse import read_briefing

    config = load_config(site)
    port = _free_port()
    process = subprocess.Popen(
        [*SITEGEN, "serve", "--site", str(site), "--port", str(port), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    times = []
    try:
        with PeakSampler(process.pid) as sampler:
            _wait_for_http(port, 300)
            content = sorted((site / "content").glob("*.md"))
            for number in range(runs):
                target = content[len(content) // 3 + number]
                rel = target.relative_to(site).as_posix()
                briefing = read_briefing(site, rel, config.tz, config.permalink).briefing
                page = site / "output" / briefing.output_path
                title = f"Benchmark title {number} {time.time_ns()}"
                text = target.read_text(encoding="utf-8").replace(
                    f'title: "{briefing.title}"', f'title: "{title}"', 1
                )
                time.sleep(0.5)  # let the watcher settle after the last rebuild
                started = time.perf_counter()
                target.write_text(text, encoding="utf-8")
                while title.encode() not in _read(page):
                    if time.perf_counter() - started > 60:
                        raise SystemExit(f"serve: {page} never showed the new title")
                    time.sleep(0.002)
                times.append(time.perf_counter() - started)
    finally:
        process.terminate()
        process.wait(30)
    return sampler.figure(statistics.median(times))


def _reload_listener(port: int):
    """A livereload client: (thread, times) where each reload message appends its perf_counter time."""
    import asyncio
    import json
    import threading

    from tornado.websocket import websocket_connect

    times: list[float] = []
    ready = threading.Event()

    async def listen() -> None:
        socket = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
        await socket.write_message(
            json.dumps(
                {"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}
            )
        )
        await socket.read_message()
        await socket.write_message(
            json.dumps({"command": "info", "url": f"http://127.0.0.1:{port}/", "plugins": {}})
        )
        ready.set()
        while (message := await socket.read_message()) is not None:
            if json.loads(message).get("command") == "reload":
                times.append(time.perf_counter())

    thread = threading.Thread(target=lambda: asyncio.run(listen()), daemon=True)
    thread.start()
    if not ready.wait(30):
        raise SystemExit("serve: the livereload handshake did not finish")
    return thread, times


def _word_published(output: Path, word: bytes, seen: dict[str, bool]) -> bool:
    """True when `word` is in the index of a shard that output/pagefind/shards.json lists (what the
    search page loads). Index chunks are named by their content: `seen` remembers each one's answer."""
    import gzip
    import json

    try:
        shards = json.loads((output / "pagefind" / "shards.json").read_bytes())["shards"]
        for shard in shards:
            for chunk in (output / "pagefind" / shard / "index").iterdir():
                key = f"{shard}/{chunk.name}"
                if key not in seen:
                    seen[key] = word in gzip.decompress(chunk.read_bytes())
                if seen[key]:
                    return True
    except (OSError, ValueError, KeyError):
        return False
    return False


def serve_search_figures(site: Path, runs: int, code: Path | None) -> dict[str, Figure]:
    """Search on: seconds from saving a body edit with a new word to the page on disk, to the reload
    signal, and to the word in the published search index; and how long serve's Ctrl-C takes."""
    from sitegen.config import load_config
    from sitegen.content.parse import read_briefing

    config = load_config(site)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(code)} if code else None
    log = open(
        site.parent / "serve-search.log", "w"
    )  # what serve printed, for a run that goes wrong
    process = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "serve", "--site", str(site), "--port", str(port)],
        cwd=str(site),
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    results: dict[str, list[float]] = {"page": [], "reload": [], "search": []}
    try:
        with PeakSampler(process.pid) as sampler:
            _wait_for_http(port, 600)
            _, reloads = _reload_listener(port)
            content = sorted((site / "content").glob("*.md"))
            for number in range(runs):
                target = content[len(content) // 3 + number * 7]
                rel = target.relative_to(site).as_posix()
                page = (
                    site
                    / "output"
                    / read_briefing(site, rel, config.tz, config.permalink).briefing.output_path
                )
                word = (
                    "zorblaxt"
                    + "".join(chr(ord("a") + int(d)) for d in str(time.time_ns())[-8:])
                    + "q"
                )
                time.sleep(3)  # let the watcher and any background work settle
                seen = len(reloads)
                started = time.perf_counter()
                target.write_text(
                    target.read_text(encoding="utf-8") + f"\nThe {word} paragraph.\n",
                    encoding="utf-8",
                )
                marks: dict[str, float] = {}
                chunks: dict[str, bool] = {}
                checked = 0.0
                while len(marks) < 3:
                    now = time.perf_counter()
                    if now - started > 120:
                        raise SystemExit(
                            f"serve: not all of page/reload/search seen after 120 s: {sorted(marks)}"
                        )
                    if "page" not in marks and word.encode() in _read(page):
                        marks["page"] = now
                    if "reload" not in marks and len(reloads) > seen:
                        marks["reload"] = reloads[seen]
                    if (
                        "search" not in marks and "page" in marks and now - checked > 0.05
                    ):  # polled less often, not to take a core from serve
                        checked = now
                        if _word_published(site / "output", word.encode(), chunks):
                            marks["search"] = time.perf_counter()
                    time.sleep(0.002)
                for key, at in marks.items():
                    results[key].append(at - started)
            stopping = time.perf_counter()
            process.send_signal(signal.SIGINT)
            process.wait(60)
            stop_seconds = time.perf_counter() - stopping
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        log.close()
    figures = {k: sampler.figure(statistics.median(v)) for k, v in results.items()}
    figures["stop"] = sampler.figure(stop_seconds)
    for key, values in results.items():
        print(f"  serve {key}: " + ", ".join(f"{v:.3f}" for v in values), file=sys.stderr)
    return figures


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_http(port: int, limit: float) -> None:
    import urllib.request

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("sitegen serve did not start")


def floor_figure(site: Path) -> Figure:
    """markdown-it-py alone rendering every body once, in one process (run in a child)."""
    code = (
        "import sys,time,pathlib;from sitegen.content.parse import split_front_matter;from sitegen.content.markdown import render;"
        "bodies=[split_front_matter(p.read_text('utf-8'))[1] for p in sorted(pathlib.Path(sys.argv[1]).glob('*.md'))];"
        "[render(b) for b in bodies]"
    )
    figure = run([sys.executable, "-c", code, str(site / "content")])
    return figure


def hugo_figures(site: Path, work: Path, runs: int) -> tuple[Figure, Figure] | None:
    """Hugo building the same briefings cold (no public/, no resources/), then again unchanged."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    source = make_hugo_site(
        site / "content", work / "hugo", Path(__file__).resolve().parent / "hugo"
    )
    cold, again = [], []
    for _ in range(runs):
        for leftover in (source / "public", source / "resources"):
            shutil.rmtree(leftover, ignore_errors=True)
        cold.append(run([hugo, "--source", str(source), "--quiet"]))
        again.append(run([hugo, "--source", str(source), "--quiet"]))
    return median(cold), median(again)


def pagefind_figure(output: Path) -> Figure | None:
    try:
        import pagefind_bin  # noqa: F401 - only whether it is installed
    except ImportError:
        return None
    shutil.rmtree(output / "pagefind", ignore_errors=True)
    return run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(output),
            "--output-subdir",
            "pagefind",
            "--silent",
        ]
    )


def hugo_pagefind_figure(work: Path, runs: int) -> Figure | None:
    """What a Hugo user runs for search: `hugo && pagefind` (cold), on the site hugo_figures made."""
    hugo, source = shutil.which("hugo"), work / "hugo"
    if hugo is None or not source.is_dir():
        return None
    figures = []
    for _ in range(runs):
        for leftover in (source / "public", source / "resources"):
            shutil.rmtree(leftover, ignore_errors=True)
        built = run([hugo, "--source", str(source), "--quiet"])
        indexed = pagefind_figure(source / "public")
        if indexed is None:
            return None
        figures.append(
            Figure(
                built.seconds + indexed.seconds,
                max(built.peak_mb, indexed.peak_mb),
                max(built.peak_pss_mb, indexed.peak_pss_mb),
            )
        )
    return median(figures)


def table(rows: list[tuple[str, Figure | None]], hugo: Figure | None, floor: Figure) -> str:
    lines = [f"{'what':58} {'seconds':>8} {'RSS MB':>8} {'PSS MB':>8} {'x Hugo':>7} {'x floor':>8}"]
    for name, figure in rows:
        if figure is None:
            lines.append(f"{name:58} {'n/a':>8}")
            continue
        ratio_hugo = f"{figure.seconds / hugo.seconds:7.2f}" if hugo else "    n/a"
        lines.append(
            f"{name:58} {figure.seconds:8.2f} {figure.peak_mb:8.0f} {figure.peak_pss_mb:8.0f} {ratio_hugo} {figure.seconds / floor.seconds:8.2f}"
        )
    return "\n".join(lines)


def _print_serve_search(figures: dict[str, Figure], args) -> None:
    print(
        f"\nsitegen serve, search on, {args.seeds} seeds, median of {args.runs} edits, on {args.dir}; {os.cpu_count()} cores; code: {args.code or 'this checkout'}"
    )
    print(f"{'what':58} {'seconds':>8} {'RSS MB':>8} {'PSS MB':>8}")
    names = {
        "page": "save -> edited page on disk",
        "reload": "save -> reload signal to the browser",
        "search": "save -> new word in the published search index",
        "stop": "Ctrl-C -> serve exited",
    }
    for key, name in names.items():
        f = figures[key]
        print(f"{name:58} {f.seconds:8.3f} {f.peak_mb:8.0f} {f.peak_pss_mb:8.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--dir", type=Path, default=Path("/dev/shm/sitegen-bench"), help="work folder, on tmpfs"
    )
    parser.add_argument(
        "--convert-baseline",
        metavar="REV",
        help="only compare convert speed with the converter at git revision REV",
    )
    parser.add_argument(
        "--build-baseline",
        metavar="REV",
        help="only compare no-op and one-edit build times with sitegen at git revision REV",
    )
    parser.add_argument(
        "--serve-search",
        action="store_true",
        help="only measure sitegen serve with search on: save -> page, reload, searchable",
    )
    parser.add_argument(
        "--code",
        type=Path,
        help="with --serve-search: the sitegen package to run (a folder holding sitegen/)",
    )
    parser.add_argument(
        "--site",
        type=Path,
        help="with --serve-search: a site already built with search on (its seeds converted), used as is",
    )
    args = parser.parse_args()
    if args.serve_search and args.site:
        _print_serve_search(serve_search_figures(args.site, args.runs, args.code), args)
        return
    work = args.dir / f"n{args.seeds}"
    shutil.rmtree(work, ignore_errors=True)
    seeds = work / "seeds"
    make_seeds(args.seeds, seeds)
    if args.build_baseline:
        try:
            rows = build_baseline_figures(work, seeds, args.build_baseline, args.runs)
            print(
                f"\nsitegen build speed at {args.seeds} seeds, median of {args.runs} runs (alternating), search off, on {args.dir}; {os.cpu_count()} cores"
            )
            print(f"{'what':70} {'seconds':>8} {'RSS MB':>8} {'PSS MB':>8}")
            for name, figure in rows:
                print(
                    f"{name:70} {figure.seconds:8.2f} {figure.peak_mb:8.0f} {figure.peak_pss_mb:8.0f}"
                )
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        return
    if args.serve_search:
        try:
            site = fresh_site(work, seeds, search=True)
            build_with(args.code or REPO, site)
            build_with(args.code or REPO, site)  # the converter's one extra check
            _print_serve_search(serve_search_figures(site, args.runs, args.code), args)
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        return
    if args.convert_baseline:
        try:
            rows = convert_figures(work, seeds, args.convert_baseline, args.runs)
            print(
                f"\nsitegen convert speed, median of {args.runs} runs (alternating), on {args.dir}; {os.cpu_count()} cores"
            )
            print(f"{'what':70} {'seconds':>8} {'RSS MB':>8} {'PSS MB':>8}")
            for name, figure in rows:
                print(
                    f"{name:70} {'n/a':>8}"
                    if figure is None
                    else f"{name:70} {figure.seconds:8.2f} {figure.peak_mb:8.0f} {figure.peak_pss_mb:8.0f}"
                )
            pairs = [(rows[i][1], rows[i + 1][1]) for i in range(0, len(rows) - 1, 2)]
            for (name, _), (before, after) in zip(rows[::2], pairs, strict=False):
                if before and after:
                    print(
                        f"  {name.split(':')[0]}: this checkout takes {after.seconds / before.seconds:.2f}x the baseline's time"
                    )
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        return
    try:
        ours = sitegen_figures(work, seeds, args.runs)
        site = work / "site"
        serve = serve_figures(site, args.runs)
        floor = floor_figure(site)
        hugo = hugo_figures(site, work, args.runs)
        search = pagefind_figure(site / "output")
        hugo_search = hugo_pagefind_figure(work, args.runs)
        with_search = search_figures(work, seeds, args.runs)
        hugo_cold = hugo[0] if hugo else None
        rows = [
            ("search on (default config): cold convert + build + index", with_search["cold"]),
            ("search on: no-op rebuild", with_search["noop"]),
            ("search on: one briefing edited", with_search["edit"]),
            ("hugo + pagefind, cold (what a Hugo user runs for search)", hugo_search),
            (f"sitegen build, cold: convert + build ({args.seeds} seeds)", ours["cold"]),
            ("sitegen build, first rebuild (converter re-checks seeds)", ours["first"]),
            ("sitegen build, no-op rebuild", ours["noop"]),
            ("sitegen build, one briefing edited", ours["edit"]),
            ("sitegen build, one seed added", ours["seed"]),
            ("sitegen serve, save -> new title in the page on disk", serve),
            ("pagefind indexing the built site (search: true adds it)", search),
            ("hugo, cold build of the same briefings", hugo_cold),
            ("hugo, rebuild with nothing changed", hugo[1] if hugo else None),
            ("floor: markdown-it-py rendering every body, one core", floor),
        ]
        print(
            f"\nsitegen benchmark: {args.seeds} seeds, median of {args.runs} runs, output on {args.dir}; {os.cpu_count()} cores"
        )
        print(table(rows, hugo_cold, floor))
        if hugo_search:
            print(
                f"search on, cold: {with_search['cold'].seconds / hugo_search.seconds:.2f}x hugo + pagefind"
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
