"""write.py: unchanged bytes keep their file (and mtime), staging is carried over, the swap is whole."""

from __future__ import annotations

import os
from pathlib import Path

from sitegen.publish.write import Publisher, write_file


def _publish(output: Path, files: dict[str, bytes], keep: list[str] = ()) -> Publisher:
    publisher = Publisher(output)
    publisher.begin()
    for rel, data in files.items():
        write_file(publisher.root, publisher.published, rel, data)
    assert publisher.keep(list(keep)) == []
    publisher.commit()
    return publisher


def test_a_file_with_the_same_bytes_keeps_its_mtime_through_an_atomic_build(tmp_path: Path) -> None:
    output = tmp_path / "output"
    _publish(output, {"a/index.html": b"same", "b/index.html": b"old"})
    os.utime(output / "a/index.html", ns=(1_000_000_000, 1_000_000_000))
    os.utime(output / "b/index.html", ns=(1_000_000_000, 1_000_000_000))
    _publish(output, {"a/index.html": b"same", "b/index.html": b"new"})
    assert (output / "a/index.html").stat().st_mtime_ns == 1_000_000_000
    assert (output / "b/index.html").read_bytes() == b"new"
    assert (output / "b/index.html").stat().st_mtime_ns != 1_000_000_000


def test_write_file_says_whether_the_bytes_changed(tmp_path: Path) -> None:
    output = tmp_path / "output"
    _publish(output, {"x.xml": b"<a/>"})
    publisher = Publisher(output)
    publisher.begin()
    assert write_file(publisher.root, publisher.published, "x.xml", b"<a/>") is False
    assert write_file(publisher.root, publisher.published, "deep/new/y.xml", b"<b/>") is True
    assert (publisher.root / "deep/new/y.xml").read_bytes() == b"<b/>"
    publisher.abort()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_kept_files_are_hard_links_and_dropped_files_disappear(tmp_path: Path) -> None:
    output = tmp_path / "output"
    _publish(output, {"keep/index.html": b"k", "drop/index.html": b"d"})
    inode = (output / "keep/index.html").stat().st_ino
    _publish(output, {}, keep=["keep/index.html"])
    assert (output / "keep/index.html").stat().st_ino == inode
    assert not (output / "drop/index.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_keep_reports_files_deleted_by_hand(tmp_path: Path) -> None:
    output = tmp_path / "output"
    _publish(output, {"a.html": b"a", "b.html": b"b"})
    (output / "b.html").unlink()
    publisher = Publisher(output)
    publisher.begin()
    assert publisher.keep(["a.html", "b.html"]) == ["b.html"]
    publisher.abort()


def test_a_folder_removed_between_builds_is_made_again(tmp_path: Path) -> None:
    output = tmp_path / "output"
    _publish(output, {"t/x/index.html": b"1"})
    _publish(output, {"t/x/index.html": b"2"})  # the same staging path, emptied by the swap
    assert (output / "t/x/index.html").read_bytes() == b"2"
