"""The search index in shards, built for real with Pagefind: one edit re-indexes one shard, the
other shards are carried over untouched, and the same briefings give the same bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "site"

pytest.importorskip("pagefind_bin")


def make_site(folder: Path) -> Path:
    site = folder / "site"
    shutil.copytree(SAMPLE, site)
    config = site / "sitegen.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "search: false", "search: true\nsearch_shard_size: 2"
        ),
        encoding="utf-8",
    )
    return site


def build(site: Path) -> None:
    assert main(["build", "--site", str(site), "--quiet"]) == 0


def shard_folders(site: Path) -> set[str]:
    return {p.name for p in (site / "output" / "pagefind").iterdir() if p.is_dir()}


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_an_edit_reindexes_its_own_shard_only(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    site = make_site(tmp_path)
    build(site)
    before = shard_folders(site)
    assert len(before) >= 3
    inodes = {p: p.stat().st_ino for p in (site / "output" / "pagefind").rglob("*") if p.is_file()}
    target = sorted((site / "content").glob("*.md"))[0]
    target.write_text(
        target.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8"
    )
    build(site)
    after = shard_folders(site)
    assert (
        len(before - after) == 1 and len(after - before) == 1
    )  # one shard re-indexed, under a new name
    for folder in before & after:  # the others carried over: the same files, not written again
        for path in (site / "output" / "pagefind" / folder).rglob("*"):
            if path.is_file():
                assert path.stat().st_ino == inodes[path], path


def test_two_clean_builds_and_an_incremental_one_give_the_same_index(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    first, second = make_site(tmp_path / "a"), make_site(tmp_path / "b")
    for site in (first, second):
        target = sorted((site / "content").glob("*.md"))[-1]
        target.write_text(
            target.read_text(encoding="utf-8") + "\nA closing line.\n", encoding="utf-8"
        )
    build(first)
    build(second)
    assert tree(first / "output" / "pagefind") == tree(second / "output" / "pagefind")
    incremental = make_site(tmp_path / "c")
    build(incremental)
    target = sorted((incremental / "content").glob("*.md"))[-1]
    target.write_text(target.read_text(encoding="utf-8") + "\nA closing line.\n", encoding="utf-8")
    build(incremental)
    assert tree(incremental / "output") == tree(first / "output")


def test_search_off_writes_no_search_page_and_turning_it_off_removes_the_index(
    tmp_path, monkeypatch
):
    """With `search: false` the site has no search page to link to or list in the sitemap; a site
    that had search on and turns it off equals a clean build with search off, and checks clean."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    site = make_site(tmp_path)
    build(site)
    assert (site / "output/search/index.html").is_file() and (site / "output/pagefind").is_dir()
    config = site / "sitegen.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("search: true", "search: false"),
        encoding="utf-8",
    )
    build(site)
    output = tree(site / "output")
    assert not [path for path in output if path.startswith(("search/", "pagefind/"))]
    assert b"search/" not in output["sitemap.xml"]
    assert main(["check", "--site", str(site), "--quiet"]) == 0
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns(".sitegen-cache", "output"))
    build(clean)
    assert tree(clean / "output") == output
