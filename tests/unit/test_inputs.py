"""inputs.py: serve's rescan of the files the watcher names gives what a full scan gives."""

from __future__ import annotations

import os
from pathlib import Path

from sitegen.config import load_config
from sitegen.incremental.inputs import rescan_inputs, scan_inputs


def _site(root: Path) -> Path:
    (root / "content" / "sub").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "seeds" / "a.txt").write_text("seed\n", encoding="utf-8")
    (root / "sitegen.yaml").write_text("search: false\n", encoding="utf-8")
    for name in ("a.md", "b.md", "sub/c.md", "notes.txt"):
        (root / "content" / name).write_text(f"{name}\n", encoding="utf-8")
    return root


def test_rescan_of_the_changed_files_equals_a_full_scan(tmp_path: Path) -> None:
    root = _site(tmp_path)
    config = load_config(root)
    before = scan_inputs(config)
    (root / "content" / "a.md").write_text("edited, and longer\n", encoding="utf-8")
    (root / "content" / "b.md").unlink()
    (root / "content" / "sub" / "d.md").write_text("new\n", encoding="utf-8")
    (root / "content" / ".hidden.md").write_text("hidden\n", encoding="utf-8")
    os.symlink(root / "content" / "gone.md", root / "content" / "dangling.md")
    changed = {
        "content/a.md",
        "content/b.md",
        "content/sub/d.md",
        "content/.hidden.md",
        "content/dangling.md",
        "content/notes.txt",
    }
    after = rescan_inputs(config, before, changed)
    full = scan_inputs(config)
    assert after is not None
    assert list(after.content.items()) == list(full.content.items())
    assert after.content["content/dangling.md"] == (0, -1)
    assert "content/b.md" not in after.content and "content/.hidden.md" not in after.content
    assert after.seeds == full.seeds and after.convert_settings == full.convert_settings
    assert after.digest("salt") == full.digest("salt")


def test_a_folder_among_the_changed_paths_asks_for_a_full_scan(tmp_path: Path) -> None:
    root = _site(tmp_path)
    config = load_config(root)
    before = scan_inputs(config)
    (root / "content" / "more.md").mkdir()
    assert rescan_inputs(config, before, {"content/more.md"}) is None
