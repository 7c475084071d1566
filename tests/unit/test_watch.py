"""What kind of change a path is, and the debounced rebuild loop."""
from __future__ import annotations

import threading
from pathlib import Path
import time

import pytest

from sitegen.watch import Debouncer, classify


@pytest.mark.parametrize(
    "path, kind",
    [
        ("seeds/001.txt", "seed"),
        ("content/2023-10-27-x.md", "content"),
        ("themes/default/templates/briefing.html", "theme"),
        ("sitegen.yaml", "config"),
        ("topics.yaml", "config"),
        ("output/index.html", None),
        (".sitegen-cache/build-state.pickle", None),
        ("content/.2023-10-27-x.md.swp", None),
        ("content/x.md~", None),
        (".git/index", None),
        ("README.md", None),
        ("notes/todo.txt", None),
    ],
)
def test_classify(path, kind):
    assert classify(path) == kind


def test_a_burst_of_changes_is_one_build_and_changes_during_a_build_one_more():
    runs: list[float] = []
    started = threading.Event()
    release = threading.Event()

    def action() -> None:
        runs.append(time.monotonic())
        if len(runs) == 1:
            started.set()
            release.wait(5)

    debouncer = Debouncer(action, quiet_seconds=0.05)
    debouncer.start()
    for _ in range(20):  # a burst
        debouncer.poke()
        time.sleep(0.005)
    assert started.wait(5)
    for _ in range(5):  # edits while the first build runs
        debouncer.poke()
    release.set()
    time.sleep(0.5)
    debouncer.stop()
    assert len(runs) == 2


def test_a_content_edit_is_named_even_without_a_themes_folder(tmp_path: Path) -> None:
    """Only the edited file is looked at again: a folder event inside content/ does not ask for a full scan."""
    from watchdog.events import DirModifiedEvent, FileClosedEvent, FileModifiedEvent

    from sitegen.serve import _Changes
    from sitegen.watch import Debouncer

    for name in ("seeds", "content"):
        (tmp_path / name).mkdir()
    changes = _Changes(tmp_path, Debouncer(lambda: None), "topics.yaml")
    changes.observer = object()  # as if watching; no folder is made or moved below
    changes.take()
    edited = str(tmp_path / "content" / "a.md")
    for event in (FileModifiedEvent(edited), FileClosedEvent(edited), DirModifiedEvent(str(tmp_path / "content"))):
        changes.on_any_event(event)
    assert changes.take() == {"content/a.md"}
