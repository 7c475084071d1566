"""The background index's scheduling: newest request wins, calls off what is no longer needed,
says when everything wanted is ready (or failed), and stops cleanly."""

from __future__ import annotations

import threading

from sitegen.publish.search import Cancelled
from sitegen.serve.search_background import BackgroundIndex, Cancel

WAIT = 10  # a bound for a loaded machine, not a measured time


class Fake:
    """An index_shard that blocks each shard until the test releases it, or until it is called off."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.cancelled: list[str] = []
        self.release: dict[str, threading.Event] = {}
        self.fail: set[str] = set()
        self.ready: list[str | None] = []
        self.ready_event = threading.Event()
        self._lock = threading.Lock()
        self.running = threading.Condition()

    def index_shard(self, folder: str, briefings: list, cancel: Cancel) -> None:
        gate = self.release.setdefault(folder, threading.Event())
        cancel.on_set(gate.set)
        with self.running:
            self.started.append(folder)
            self.running.notify_all()
        assert gate.wait(WAIT)
        if cancel.is_set():
            self.cancelled.append(folder)
            raise Cancelled
        if folder in self.fail:
            raise OSError(28, "No space left on device")

    def on_ready(self, failure: str | None) -> None:
        self.ready.append(failure)
        self.ready_event.set()

    def wait_started(self, count: int) -> None:
        with self.running:
            assert self.running.wait_for(lambda: len(self.started) >= count, WAIT)

    def let(self, folder: str) -> None:
        self.release.setdefault(folder, threading.Event()).set()


def make() -> tuple[Fake, BackgroundIndex]:
    fake = Fake()
    background = BackgroundIndex(fake.index_shard, fake.on_ready)
    background.start()
    return fake, background


def test_every_wanted_shard_is_indexed_then_ready_is_said_once():
    fake, background = make()
    try:
        background.want({"s0-a": [1], "s1-b": [2]})
        fake.wait_started(1)
        fake.let("s0-a")
        fake.wait_started(2)
        assert fake.ready == []  # one still to go
        fake.let("s1-b")
        assert fake.ready_event.wait(WAIT)
        assert background.wait_idle(WAIT)
        assert fake.ready == [None] and background.indexed == ["s0-a", "s1-b"]
    finally:
        assert background.stop()


def test_a_newer_request_calls_off_a_shard_it_no_longer_needs_and_keeps_one_it_does():
    fake, background = make()
    try:
        background.want({"s0-old": [1], "s1-kept": [2]})
        fake.wait_started(1)
        assert fake.started == ["s0-old"]
        background.want({"s0-new": [1], "s1-kept": [2]})  # a newer edit of the same shard
        fake.wait_started(2)
        assert fake.cancelled == ["s0-old"]
        fake.let("s0-new")
        fake.wait_started(3)
        assert fake.ready == []
        fake.let("s1-kept")
        assert fake.ready_event.wait(WAIT)
        assert background.wait_idle(WAIT)
        assert fake.started == ["s0-old", "s0-new", "s1-kept"]
        assert background.indexed == ["s0-new", "s1-kept"] and fake.ready == [None]
    finally:
        assert background.stop()


def test_a_shard_still_wanted_goes_on_through_a_newer_request():
    fake, background = make()
    try:
        background.want({"s0-a": [1]})
        fake.wait_started(1)
        background.want({"s0-a": [1], "s1-b": [2]})  # another shard changed meanwhile; s0 did not
        fake.let("s0-a")
        fake.wait_started(2)
        assert fake.cancelled == [] and fake.ready == []
        fake.let("s1-b")
        assert fake.ready_event.wait(WAIT)
        assert fake.started == ["s0-a", "s1-b"] and fake.ready == [None]
    finally:
        assert background.stop()


def test_nothing_wanted_any_more_calls_off_the_work_and_says_nothing():
    fake, background = make()
    try:
        background.want({"s0-a": [1]})
        fake.wait_started(1)
        background.want({})  # a rebuild that found every shard it needs
        assert background.wait_idle(WAIT)
        assert fake.cancelled == ["s0-a"] and fake.ready == [] and background.indexed == []
    finally:
        assert background.stop()


def test_a_failure_is_reported_once_everything_else_is_done():
    fake, background = make()
    fake.fail.add("s0-a")
    try:
        background.want({"s0-a": [1], "s1-b": [2]})
        fake.let("s0-a")
        fake.wait_started(2)
        fake.let("s1-b")
        assert fake.ready_event.wait(WAIT)
        assert len(fake.ready) == 1 and fake.ready[0].startswith("s0-a: OSError:")
        fake.ready_event.clear()
        background.want({"s2-c": [3]})  # a later request starts with no failure
        fake.let("s2-c")
        assert fake.ready_event.wait(WAIT)
        assert fake.ready[1] is None
    finally:
        assert background.stop()


def test_stop_calls_off_a_shard_under_way_and_ends_the_thread():
    fake, background = make()
    background.want({"s0-a": [1], "s1-b": [2]})
    fake.wait_started(1)
    assert background.stop(WAIT)
    assert fake.cancelled == ["s0-a"] and fake.started == ["s0-a"] and fake.ready == []


def test_cancel_runs_what_is_registered_once_even_when_registered_late():
    calls = []
    cancel = Cancel()
    cancel.on_set(lambda: calls.append("early"))
    cancel.set()
    cancel.set()
    cancel.on_set(lambda: calls.append("late"))
    assert calls == ["early", "late"] and cancel.is_set()
