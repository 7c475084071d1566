"""Incremental builds equal clean builds, byte for byte, through a long run of changes.

One site is built again after each change, reusing its cache and output; a copy of the same
content is then built from nothing into another folder, and the two output trees must hold
the same files with the same bytes. Files whose bytes did not change keep their mtime.
Run both ways the project builds: `sitegen build` (atomic swap, state on disk) and
`sitegen serve` (the same atomic swap, state kept in memory between rebuilds, the watcher
naming the changed files).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build
from sitegen.config import load_config
from sitegen.incremental.state import StateStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
CONFIG = "search: false\nper_page: 3\nfeed_items: 4\nrelated: 2\n"


def _tree(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under root: relative path -> (bytes, mtime_ns)."""
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            found[path.relative_to(root).as_posix()] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


def _diff(mine: bytes, theirs: bytes) -> str:
    import difflib

    lines = difflib.unified_diff(
        mine.decode().splitlines(),
        theirs.decode().splitlines(),
        "incremental",
        "clean",
        lineterm="",
        n=1,
    )
    return "\n".join(list(lines)[:40])


def _briefing(title: str, day: str, tags: str, body: str) -> str:
    return f'---\ntitle: "{title}"\ndate: {day}\ntags: [{tags}]\nsummary: "{title} in brief."\n---\n\n{body}\n'


class Site:
    """A site built incrementally, one way, and checked against a clean build after each step."""

    def __init__(self, root: Path, scratch: Path, serve_mode: bool) -> None:
        self.root, self.scratch, self.serve_mode = root, scratch, serve_mode
        self.store = StateStore(root / ".sitegen-cache", in_memory=True) if serve_mode else None
        self.steps = 0

    def options(self, **extra) -> BuildOptions:
        return BuildOptions(workers=1, publish_on_error=True, **extra)

    def build(self, changed: set[str] | None = None):
        if (
            self.store is not None and self.steps % 5 == 4
        ):  # now and then serve stops (state written) and starts again
            self.store.flush()
            self.store = StateStore(self.root / ".sitegen-cache", in_memory=True)
        self.steps += 1
        if self.store is None:
            return build(
                load_config(self.root),
                self.options(),
                store=StateStore(self.root / ".sitegen-cache"),
            )
        return build(
            load_config(self.root), self.options(), store=self.store, changed=changed
        )  # as serve's watcher names them

    def snapshot(self) -> dict[str, tuple[int, int]]:
        """Every input file with its mtime and size."""
        found = {}
        for folder, dirs, names in os.walk(self.root):
            dirs[:] = [
                d for d in dirs if d not in ("output", ".sitegen-cache") and not d.startswith(".")
            ]
            for name in names:
                st = (Path(folder) / name).stat()
                found[(Path(folder) / name).relative_to(self.root).as_posix()] = (
                    st.st_mtime_ns,
                    st.st_size,
                )
        return found

    def check(self, inputs_before: dict[str, tuple[int, int]] | None = None):
        """Build incrementally, build a copy cleanly, compare; return the incremental build's report.

        `inputs_before`: the snapshot before the change; when only content files changed, the
        serve-mode build is told which, as the watcher tells it.
        """
        before = _tree(self.root / "output") if (self.root / "output").is_dir() else {}
        changed = None
        if inputs_before is not None:
            now = self.snapshot()
            diff = {
                rel
                for rel in now.keys() | inputs_before.keys()
                if now.get(rel) != inputs_before.get(rel)
            }
            changed = (
                diff if diff and all(rel.startswith("content/") for rel in diff) else None
            )  # no event: serve restarted
        report = self.build(changed)
        clean = self.scratch / f"clean-{self.steps}"
        shutil.copytree(
            self.root, clean, ignore=shutil.ignore_patterns("output", ".sitegen-cache", ".output.*")
        )
        build(load_config(clean), BuildOptions(convert=False, workers=1))
        mine, theirs = _tree(self.root / "output"), _tree(clean / "output")
        assert sorted(mine) == sorted(theirs), f"step {self.steps}: file lists differ"
        different = [rel for rel in mine if mine[rel][0] != theirs[rel][0]]
        assert different == [], f"step {self.steps}: bytes differ:\n" + _diff(
            mine[different[0]][0], theirs[different[0]][0]
        )
        kept = [
            rel
            for rel in mine
            if rel in before and before[rel][0] == mine[rel][0] and before[rel][1] != mine[rel][1]
        ]
        assert kept == [], f"step {self.steps}: unchanged files got a new mtime"
        shutil.rmtree(clean)
        return report


def _make_site(root: Path) -> None:
    (root / "seeds").mkdir(parents=True)
    for seed in sorted(FIXTURES.glob("*.txt"))[:40]:
        if not seed.name.startswith("bad_"):
            shutil.copy(seed, root / "seeds" / seed.name)
    (root / "content").mkdir()
    for i in range(12):
        day = f"2022-{1 + i % 4:02d}-{10 + i:02d}"
        tags = '"Economy", "Trade"' if i % 2 else '"Economy", "Health"'
        (root / "content" / f"hand-{i:02d}.md").write_text(
            _briefing(
                f"Hand briefing number {i} on trade", day, tags, f"Body {i}.\n\nMore about trade."
            ),
            encoding="utf-8",
        )
    (root / "sitegen.yaml").write_text(CONFIG, encoding="utf-8")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _converted(root: Path) -> Path:
    return sorted(p for p in (root / "content").glob("*.md") if not p.name.startswith("hand-"))[0]


STEPS = [
    ("edit a body", lambda r: _edit(r / "content/hand-03.md", "Body 3.", "Body three, corrected.")),
    (
        "edit a title",
        lambda r: _edit(r / "content/hand-04.md", "number 4 on trade", "number four on tariffs"),
    ),
    (
        "edit a summary",
        lambda r: _edit(r / "content/hand-02.md", 'summary: "', 'summary: "Revised: '),
    ),
    ("edit the newest briefing's title", lambda r: _edit(_newest(r), "title: ", "title: Newest, ")),
    (
        "edit a source",
        lambda r: _edit(r / "content/hand-10.md", "tags:", "source: Harbour Gazette\ntags:"),
    ),
    (
        "change tags",
        lambda r: _edit(r / "content/hand-05.md", '"Economy", "Trade"', '"Ports", "Trade"'),
    ),
    (
        "change a date across months",
        lambda r: _edit(r / "content/hand-06.md", "date: 2022-03-16", "date: 2021-12-31"),
    ),
    (
        "add a briefing",
        lambda r: (r / "content/hand-20.md").write_text(
            _briefing("A new arrival on trade", "2022-02-01", '"Trade"', "New."), encoding="utf-8"
        ),
    ),
    ("delete a briefing", lambda r: (r / "content/hand-07.md").unlink()),
    ("rename a briefing", lambda r: (r / "content/hand-08.md").rename(r / "content/renamed-08.md")),
    ("make one a draft", lambda r: _edit(r / "content/hand-09.md", "tags:", "draft: true\ntags:")),
    ("edit a converted briefing", lambda r: _edit(_converted(r), "title: ", "title: Edited ")),
    (
        "add a seed",
        lambda r: (r / "seeds/zz_new.txt").write_text(
            "2023-11-02\n\nNew seed about trade talks\n\nThe talks went on late into the night.\n",
            encoding="utf-8",
        ),
    ),
    (
        "change a seed",
        lambda r: _edit(r / "seeds/zz_new.txt", "late into the night", "until the morning"),
    ),
    ("delete a seed", lambda r: (r / "seeds/zz_new.txt").unlink()),
    ("override a template", lambda r: _override(r, "templates/topic.html")),
    (
        "change the override",
        lambda r: _edit(
            _theme(r) / "templates/topic.html", "<!-- site theme -->", "<!-- site theme, v2 -->"
        ),
    ),
    (
        "change the config",
        lambda r: (r / "sitegen.yaml").write_text(
            CONFIG.replace("per_page: 3", "per_page: 2") + 'title: "Renamed archive"\n',
            encoding="utf-8",
        ),
    ),
    ("drop the override", lambda r: shutil.rmtree(_theme(r))),
    ("delete an output file by hand", lambda r: (r / "output/topics/index.html").unlink()),
    (
        "remove a topic entirely",
        lambda r: [
            _edit(p, '"Health"', '"Trade"')
            for p in sorted((r / "content").glob("hand-*.md"))
            if '"Health"' in p.read_text(encoding="utf-8")
        ],
    ),
    ("edit another body", lambda r: _edit(r / "content/hand-11.md", "Body 11.", "Body eleven.")),
    (
        "respell a topic",
        lambda r: _edit(r / "content/hand-01.md", '"Economy", "Trade"', '"Economy", "TRADE"'),
    ),
    (
        "respell it for most of its briefings",
        lambda r: [
            _edit(p, '"Trade"', '"TRADE"')
            for p in sorted((r / "content").glob("hand-*.md"))
            if '"Trade"' in p.read_text(encoding="utf-8")
        ],
    ),
]


def _newest(root: Path) -> Path:
    """The content file of the newest briefing (first on the home page)."""
    import re

    def day(path: Path) -> str:
        found = re.search(r"^date: ['\"]?([0-9-]{10})", path.read_text(encoding="utf-8"), re.M)
        return found.group(1) if found else ""

    return max(sorted((root / "content").glob("*.md")), key=day)


def _override(root: Path, rel: str) -> None:
    """Copy a built-in template into the site's theme and mark the copy."""
    target = _theme(root) / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(_builtin(rel), target)
    _edit(target, "</", "<!-- site theme --></")


def _theme(root: Path) -> Path:
    return root / "themes" / "default"


def _builtin(rel: str) -> Path:
    import sitegen

    return Path(sitegen.__file__).parent / "theme" / rel


@pytest.mark.parametrize("mode", ["build", "serve"])
def test_incremental_builds_equal_clean_builds(tmp_path: Path, monkeypatch, mode: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    root = tmp_path / "site"
    _make_site(root)
    site = Site(root, tmp_path, serve_mode=(mode == "serve"))
    first = site.check()
    assert first.pages_written > 20 and not first.nothing_changed
    again = site.check()
    assert again.nothing_changed or again.pages_written == 0
    for name, change in STEPS:
        inputs = site.snapshot()
        change(root)
        report = site.check(inputs)
        assert not report.nothing_changed, name
    assert site.check().pages_written == 0


def test_one_edit_rewrites_only_the_pages_that_show_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    root = tmp_path / "site"
    _make_site(root)
    site = Site(root, tmp_path, serve_mode=False)
    before = site.check()
    _edit(root / "content/hand-03.md", "Body 3.", "Body three, corrected.")
    after = site.check()
    assert after.pages_written == 1  # the body shows on its own page only (feeds carry summaries)
    assert after.pages_unchanged == before.pages_written - 1
