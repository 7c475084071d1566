"""What kind of change a path is, and the debounced rebuild loop."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from sitegen.serve.watch import Debouncer, classify


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


class Clock:
    """A clock that moves only when told: no burst ends, and no run starts, before the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0  # whole numbers of 1/100 s: no rounding near the quiet time

    def __call__(self) -> float:
        return self.now


def test_a_burst_of_changes_is_one_build_and_changes_during_a_build_one_more():
    clock = Clock()
    runs: list[float] = []
    started = threading.Event()
    release = threading.Event()

    def action() -> None:
        runs.append(clock())
        if len(runs) == 1:
            started.set()
            assert release.wait(10)

    debouncer = Debouncer(action, quiet_seconds=0.05, clock=clock)
    debouncer.start()
    try:
        for _ in range(20):  # a burst: the clock stands still, so it has not ended yet
            debouncer.poke()
            clock.now += 0.01
        clock.now += 0.06  # quiet: the burst is over
        assert started.wait(10)
        for _ in range(5):  # edits while the first build runs
            debouncer.poke()
        clock.now += 0.06
        release.set()
        assert debouncer.wait_idle(10)
        assert len(runs) == 2 and debouncer.runs == 2  # and none is due: nothing waits for a run
    finally:
        debouncer.stop()


def test_a_burst_runs_nothing_until_it_is_quiet():
    clock = Clock()
    runs: list[float] = []
    debouncer = Debouncer(lambda: runs.append(clock()), quiet_seconds=0.05, clock=clock)
    debouncer.start()
    try:
        debouncer.poke()
        clock.now += 0.04
        debouncer.poke()  # within the quiet time of the first: the burst goes on
        clock.now += 0.04  # 0.08 after the first poke, 0.04 after the last
        assert not debouncer.wait_idle(0.2)  # still waiting for the quiet time after the last poke
        assert runs == []
        clock.now += 0.02
        assert debouncer.wait_idle(10)
        assert runs == [pytest.approx(1000.1)]
    finally:
        debouncer.stop()


def test_a_content_edit_is_named_even_without_a_themes_folder(tmp_path: Path) -> None:
    """Only the edited file is looked at again: a folder event inside content/ does not ask for a full scan."""
    from watchdog.events import DirModifiedEvent, FileClosedEvent, FileModifiedEvent

    from sitegen.serve.server import _Changes
    from sitegen.serve.watch import Debouncer

    for name in ("seeds", "content"):
        (tmp_path / name).mkdir()
    changes = _Changes(tmp_path, Debouncer(lambda: None), "topics.yaml")
    changes.observer = object()  # as if watching; no folder is made or moved below
    changes.take()
    edited = str(tmp_path / "content" / "a.md")
    for event in (
        FileModifiedEvent(edited),
        FileClosedEvent(edited),
        DirModifiedEvent(str(tmp_path / "content")),
    ):
        changes.on_any_event(event)
    assert changes.take() == {"content/a.md"}


def test_a_watched_folder_made_while_serving_asks_for_a_rebuild(tmp_path: Path) -> None:
    """themes/ made with its files in one go: their own events may come before its watch does."""
    from watchdog.events import DirCreatedEvent

    from sitegen.serve.server import _Changes

    class Observer:
        def schedule(self, *args, **kwargs) -> None:
            pass

    pokes: list[int] = []
    debouncer = Debouncer(lambda: None)
    debouncer.poke = lambda: pokes.append(1)  # type: ignore[method-assign]
    changes = _Changes(tmp_path, debouncer, "topics.yaml")
    changes.watch(Observer())  # type: ignore[arg-type]
    changes.take()
    (tmp_path / "themes" / "default" / "templates").mkdir(parents=True)
    changes.on_any_event(DirCreatedEvent(str(tmp_path / "themes")))
    assert pokes and changes.take() is None  # a rebuild that scans everything


def test_the_files_the_config_names_are_config_changes_wherever_they_are(tmp_path: Path) -> None:
    """sitegen.yaml, topics.yaml and a topic file in a folder of its own: each asks for the config to be read again."""
    from watchdog.events import FileModifiedEvent, FileMovedEvent

    from sitegen.serve.server import _Changes

    scheduled: list[tuple[str, bool]] = []

    class Observer:
        def schedule(self, handler, path: str, recursive: bool = False) -> None:
            scheduled.append((path, recursive))

    (tmp_path / "data").mkdir()
    changes = _Changes(tmp_path, Debouncer(lambda: None), "data/site-topics.yaml")
    changes.watch(Observer())  # type: ignore[arg-type]
    assert (str(tmp_path / "data"), False) in scheduled  # the topic file's folder, on its own
    assert changes.take_config() is False
    for event in (
        FileModifiedEvent(str(tmp_path / "data" / "site-topics.yaml")),
        FileModifiedEvent(str(tmp_path / "sitegen.yaml")),
        FileMovedEvent(str(tmp_path / ".topics.yaml.swp"), str(tmp_path / "topics.yaml")),
    ):  # an editor's save by rename
        changes.take()
        changes.on_any_event(event)
        assert changes.take_config() is True, event
        assert changes.take() is None  # a full scan, as `sitegen build` makes
    changes.on_any_event(FileModifiedEvent(str(tmp_path / "data" / "notes.txt")))
    assert changes.take_config() is False
