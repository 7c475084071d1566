"""Serve's search never holds up a rebuild: the edited page is published at once with the last
complete index; the changed shards are indexed in the background (search_background.py); the
rebuild after that publishes an index identical to a clean `sitegen build`'s."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build
from sitegen.config import load_config
from sitegen.incremental.state import StateStore
from sitegen.publish.search import Cancelled, clear_scratch, index_in_background, shard_cache
from sitegen.serve.search_background import Cancel

pytest.importorskip("pagefind_bin")

COUNT = 12
SHARD_SIZE = 3
EDITED = "content/2024-03-06-story-05.md"


def _briefing(number: int, extra: str = "") -> str:
    return (
        f'---\ntitle: "Story {number:02d}"\ndate: 2024-03-{1 + number:02d}\ntags: ["{"Ports" if number % 2 else "Trade"}"]\n---\n\n'
        f"The harbour story number {number}.{extra}\n"
    )


def make_site(root: Path) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "sitegen.yaml").write_text(
        f"search: true\nsearch_shard_size: {SHARD_SIZE}\n", encoding="utf-8"
    )
    for number in range(COUNT):
        (root / "content" / f"2024-03-{1 + number:02d}-story-{number:02d}.md").write_text(
            _briefing(number), encoding="utf-8"
        )
    return root


def files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def clean_build(site: Path, scratch: Path) -> dict[str, bytes]:
    copy = scratch / "clean"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(
        site, copy, ignore=shutil.ignore_patterns("output", ".sitegen-cache", ".output.*")
    )
    assert build(load_config(copy), BuildOptions(workers=1)).ok
    return files(copy / "output")


def _settled(output: Path, read):
    """`read(output)` on one published site: serve swaps output/ for a new folder in one rename,
    so a read that spans a swap (output/ is another folder after it) is made again."""
    while True:
        before = output.stat().st_ino
        try:
            found = read(output)
        except FileNotFoundError:
            if output.stat().st_ino == before:
                raise
            continue
        if output.stat().st_ino == before:
            return found


def _shards(output: Path) -> tuple[list[str], list[str]]:
    shards = json.loads((output / "pagefind" / "shards.json").read_bytes())["shards"]
    missing = [s for s in shards if not (output / "pagefind" / s / "pagefind-entry.json").is_file()]
    return shards, missing


def published(output: Path) -> list[str]:
    """The shard folders the search page loads; each must be a whole Pagefind bundle in output/."""
    shards, missing = _settled(output, _shards)
    assert not missing, missing
    return shards


def searchable(output: Path, word: str) -> bool:
    """True when a published shard's word index holds `word`."""

    def read(output: Path) -> tuple[list[str], bool]:
        shards, missing = _shards(output)
        if missing:
            return missing, False
        found = any(
            word.encode() in gzip.decompress(chunk.read_bytes())
            for shard in shards
            for chunk in (output / "pagefind" / shard / "index").iterdir()
        )
        return [], found

    missing, found = _settled(output, read)
    assert not missing, missing
    return found


class Served:
    """Builds as serve does: state in memory, the watcher naming the changed files, search later."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.config = load_config(root)
        self.store = StateStore(root / ".sitegen-cache", in_memory=True)
        assert build(
            self.config, BuildOptions(workers=1), store=self.store
        ).ok  # serve's first build waits for search

    def rebuild(self, changed: set[str]):
        report = build(
            self.config,
            BuildOptions(workers=1, search_later=True),
            store=self.store,
            changed=changed,
        )
        assert report.ok, report.errors
        return report

    def edit(self, word: str):
        (self.root / EDITED).write_text(_briefing(5, f" A {word} was seen."), encoding="utf-8")
        return self.rebuild({EDITED})

    def index(self, pending: dict) -> None:
        for folder, briefings in pending.items():
            index_in_background(self.config, folder, briefings, Cancel())


def test_an_edit_is_published_at_once_and_its_shard_after_the_background_index(tmp_path):
    site = Served(make_site(tmp_path / "site"))
    output = site.root / "output"
    before = {rel: data for rel, data in files(output).items() if rel.startswith("pagefind/")}
    assert len(published(output)) >= 4

    report = site.edit("kestrel")
    assert len(report.search_pending) == 1  # one shard holds the edited briefing
    assert (
        b"kestrel" in (output / "2024/03/06/story-05/index.html").read_bytes()
    )  # the page, at once
    assert {
        rel: data for rel, data in files(output).items() if rel.startswith("pagefind/")
    } == before  # the last complete index, untouched
    assert not searchable(output, "kestrel")

    site.index(report.search_pending)
    report = site.rebuild(set())  # what serve runs when the background index is done
    assert report.search_pending == {} and report.pages_written == 0
    assert searchable(output, "kestrel")
    assert files(output) == clean_build(site.root, tmp_path)
    assert build(
        site.config, BuildOptions(workers=1), store=site.store
    ).nothing_changed  # the state says the index is whole


def test_a_newer_edit_supersedes_an_index_under_way(tmp_path):
    site = Served(make_site(tmp_path / "site"))
    output = site.root / "output"
    first = site.edit("kestrel").search_pending
    second = site.edit("osprey").search_pending
    assert len(first) == len(second) == 1 and first.keys() != second.keys()
    site.index(first)  # the older job finished after the newer edit: its shard is in the cache
    report = site.rebuild(set())
    assert (
        report.search_pending == second
    )  # still not published: the newer edit's shard is not indexed
    assert not searchable(output, "kestrel") and not searchable(output, "osprey")
    site.index(second)
    report = site.rebuild(set())
    assert report.search_pending == {}
    assert searchable(output, "osprey") and not searchable(output, "kestrel")
    assert files(output) == clean_build(site.root, tmp_path)


def test_retired_shards_stay_in_the_cache_for_search_pages_loaded_before(tmp_path):
    site = Served(make_site(tmp_path / "site"))
    output = site.root / "output"
    old = published(output)
    pending = site.edit("kestrel").search_pending
    shipped = {folder: files(output / "pagefind" / folder) for folder in old}
    site.index(pending)
    site.rebuild(set())
    new = published(output)
    (retired,) = set(old) - set(new)
    assert not (output / "pagefind" / retired).exists()
    cache = shard_cache(site.config)
    assert files(cache / retired) == shipped[retired]  # what serve still answers for, byte for byte
    assert sorted(p.name for p in cache.iterdir()) == sorted({retired, *pending})
    site.index(site.edit("osprey").search_pending)
    site.rebuild(set())  # the next publish drops the shards retired before the last index
    assert retired not in {p.name for p in cache.iterdir()}
    assert files(output) == clean_build(site.root, tmp_path)


def test_a_killed_background_index_leaves_the_last_complete_index(tmp_path):
    site = Served(make_site(tmp_path / "site"))
    output = site.root / "output"
    pending = site.edit("kestrel").search_pending
    ((folder, briefings),) = pending.items()
    cancel = Cancel()
    seen = []

    def kill_on_first(*args, **kwargs):
        seen.append(1)
        if len(seen) == 1:
            cancel.set()  # as serve's stop does, while Pagefind is busy

    import sitegen.publish.search as search

    original = search.record
    search.record = lambda *a, **k: (kill_on_first(), original(*a, **k))[1]
    try:
        with pytest.raises(Cancelled):
            index_in_background(site.config, folder, briefings, cancel)
    finally:
        search.record = original
    cache = shard_cache(site.config)
    assert not cache.exists() or not any(cache.iterdir())  # nothing half made is left
    published(output)  # the last complete index, whole
    (cache / f".{folder}-1-2").mkdir(parents=True)  # what a killed serve leaves
    clear_scratch(site.config)
    assert not any(cache.iterdir())
    site.store.flush()
    assert build(
        load_config(site.root), BuildOptions(workers=1)
    ).ok  # `sitegen build` after serve: the whole index
    assert files(output) == clean_build(site.root, tmp_path)


def test_serve_reloads_before_search_then_publishes_the_index_a_clean_build_makes(tmp_path):
    from tests.test_serve import Served as Process

    root = make_site(tmp_path / "site")
    server = Process(root)
    try:
        output = root / "output"
        old = published(output)
        (root / EDITED).write_text(_briefing(5, " A kestrel was seen."), encoding="utf-8")
        server.wait_for(
            lambda: "kestrel" in (server.fetch("2024/03/06/story-05/") or ""), "the edited page"
        )
        server.wait_for(
            lambda: searchable(output, "kestrel"), "the edit in the published search index", 60
        )
        server.wait_for(
            lambda: any("search index updated" in line for line in server.err), "serve to say so"
        )
        (retired,) = set(old) - set(published(output))
        entry = server.fetch(
            f"pagefind/{retired}/pagefind-entry.json"
        )  # a search page loaded before goes on working
        assert entry is not None and json.loads(entry)["languages"]
        assert server.stop() == 0
        assert "Traceback" not in server.stderr()
    finally:
        server.stop()
    assert files(output) == clean_build(root, tmp_path)


def test_a_killed_serve_leaves_a_whole_index_and_build_then_makes_the_clean_one(tmp_path):
    from tests.test_serve import Served as Process

    root = make_site(tmp_path / "site")
    server = Process(root)
    try:
        (root / EDITED).write_text(_briefing(5, " A kestrel was seen."), encoding="utf-8")
        server.wait_for(
            lambda: "kestrel" in (server.fetch("2024/03/06/story-05/") or ""), "the edited page"
        )
        server.proc.kill()  # while its shard is likely being indexed
        server.proc.wait()
    finally:
        server.stop()
    published(root / "output")
    assert build(load_config(root), BuildOptions(workers=1)).ok
    assert searchable(root / "output", "kestrel")
    assert files(root / "output") == clean_build(root, tmp_path)


def test_ctrl_c_during_a_background_index_stops_cleanly_and_leaves_the_last_complete_index(
    tmp_path,
):
    from tests.test_serve import Served as Process

    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "sitegen.yaml").write_text(
        "search: true\n", encoding="utf-8"
    )  # one shard of 300: its index takes a while
    for number in range(300):
        (root / "content" / f"2024-01-{1 + number % 28:02d}-item-{number:03d}.md").write_text(
            f'---\ntitle: "Item {number}"\ndate: 2024-01-{1 + number % 28:02d}\n---\n\nThe harbour item {number}, with words enough to index.\n',
            encoding="utf-8",
        )
    server = Process(root)
    try:
        before = {
            rel: data for rel, data in files(root / "output").items() if rel.startswith("pagefind/")
        }
        edited = root / "content" / "2024-01-05-item-004.md"
        edited.write_text(
            edited.read_text(encoding="utf-8").replace("words enough", "a kestrel"),
            encoding="utf-8",
        )
        server.wait_for(
            lambda: "kestrel" in (server.fetch("2024/01/05/item-004/") or ""), "the edited page"
        )
        assert server.stop() == 0  # Ctrl-C at once, with its shard most likely being indexed
        assert "Traceback" not in server.stderr()
    finally:
        server.stop()
    output = root / "output"
    published(output)
    now = {rel: data for rel, data in files(output).items() if rel.startswith("pagefind/")}
    assert now == before or searchable(
        output, "kestrel"
    )  # the last complete index: the old one, or the new one whole
    cache = root / ".sitegen-cache" / "search-shards"
    assert not cache.is_dir() or not [
        p for p in cache.iterdir() if p.name.startswith(".")
    ]  # nothing half made left
