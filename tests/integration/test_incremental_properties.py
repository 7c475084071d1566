"""Random sequences of edits: after each one the incremental build equals a clean build, byte for byte.

A hypothesis state machine edits a small site the way an editor does (briefings added,
deleted, retitled, re-dated, re-tagged and re-sourced, bodies edited; seeds added and
changed; topics.yaml, sitegen.yaml and templates changed) and after every edit builds it
incrementally and compares the output with a clean build of a copy (test_incremental.Site).
It runs with the probe theme, which prints every documented variable, and with the built-in
theme, each as `sitegen build` builds (state on disk) and as `sitegen serve` does (state and
the last site in memory, the changed content files named as its watcher names them, and now
and then a restart). The profile keeps the run short: few examples of few steps on a small site.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from tests.integration.test_incremental import Site
from tests.integration.test_incremental_theme import install_probe_theme
from tests.safety.synthetic import seed_text

TOPICS = ["Economy", "Trade", "Health", "Ports", "Fisheries", "economy"]
SOURCES = [None, "Harbour Gazette", "Wire"]
TITLES = [
    "Talks on trade resume",
    "Port strike ends",
    "Budget passes",
    "Clinic opens",
    "Catch quotas cut",
]
SITE_TOPICS = ["", "Trade talks: [talks]\n", "Farming: [harvest, farmers]\nTrade talks: [talks]\n"]
BUILT_IN = Path(__file__).resolve().parents[2] / "sitegen" / "theme" / "templates"
TEMPLATES = [
    "base.html",
    "briefing.html",
    "index.html",
    "topic.html",
    "topics.html",
    "archive.html",
    "period.html",
    "404.html",
]

settings.register_profile(
    "incremental",
    max_examples=3,
    stateful_step_count=6,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


class EditedSite(RuleBasedStateMachine):
    """A small site under random edits, checked against a clean build after each."""

    probe = True  # the theme: the probe theme, or the built-in one
    serve = False  # build as `sitegen build` does, or as `sitegen serve` does

    def __init__(self) -> None:
        super().__init__()
        self.scratch = Path(tempfile.mkdtemp(prefix="sitegen-props-"))
        self.root = self.scratch / "site"
        self.briefings: dict[str, dict] = {}
        self.seeds: dict[str, int] = {}
        self.epoch = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = "1800000000"  # 2027: a briefing of 2030 is in the future

    def teardown(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)
        if self.epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = self.epoch

    def _write(self, name: str) -> None:
        b = self.briefings[name]
        source = f"source: {b['source']}\n" if b["source"] else ""
        tags = ", ".join(f'"{t}"' for t in b["tags"])
        text = f'---\ntitle: "{b["title"]}"\ndate: {b["day"]}\n{source}tags: [{tags}]\nsummary: "{b["title"]} in brief."\n---\n\n{b["body"]}\n'
        (self.root / "content" / f"{name}.md").write_text(text, encoding="utf-8")

    def _seed(self, name: str) -> None:
        (self.root / "seeds" / f"{name}.txt").write_text(
            seed_text(random.Random(name), int(name[-2:]), self.seeds[name]), encoding="utf-8"
        )

    def _check(self) -> None:
        self.site.check(
            self.inputs
        )  # serve mode: told which content files changed since the last build
        self.inputs = self.site.snapshot()

    @initialize()
    def make_site(self) -> None:
        (self.root / "content").mkdir(parents=True)
        (self.root / "seeds").mkdir()
        (self.root / "sitegen.yaml").write_text(
            "search: false\nper_page: 2\nfeed_items: 3\nrelated: 2\n", encoding="utf-8"
        )
        for i in range(6):
            self.briefings[f"hand-{i:02d}"] = {
                "title": f"{TITLES[i % 5]} {i}",
                "day": f"{2021 + i % 3}-0{1 + i % 4}-1{i}",
                "tags": [TOPICS[i % 3], TOPICS[(i + 1) % 5]],
                "source": SOURCES[i % 3],
                "body": f"Body {i}.",
            }
            self._write(f"hand-{i:02d}")
        for i in range(3):
            self.seeds[f"item-{i:02d}"] = 0
            self._seed(f"item-{i:02d}")
        if self.probe:
            install_probe_theme(self.root / "themes" / "default")
        self.site = Site(self.root, self.scratch, serve_mode=self.serve)
        self.site.check()
        self.inputs = self.site.snapshot()

    # --- briefings -------------------------------------------------------------------------------

    @rule(
        number=st.integers(10, 40),
        title=st.sampled_from(TITLES),
        year=st.integers(2020, 2030),
        tags=st.lists(st.sampled_from(TOPICS), max_size=3),
    )
    def add_briefing(self, number: int, title: str, year: int, tags: list[str]) -> None:
        name = f"hand-{number:02d}"
        self.briefings[name] = {
            "title": f"{title} {number}",
            "day": f"{year}-05-0{1 + number % 9}",
            "tags": tags,
            "source": None,
            "body": f"New {number}.",
        }
        self._write(name)
        self._check()

    @precondition(lambda self: len(self.briefings) > 1)
    @rule(data=st.data())
    def delete_briefing(self, data) -> None:
        name = data.draw(st.sampled_from(sorted(self.briefings)))
        del self.briefings[name]
        (self.root / "content" / f"{name}.md").unlink()
        self._check()

    @precondition(lambda self: self.briefings)
    @rule(data=st.data(), field=st.sampled_from(["title", "day", "tags", "source", "body"]))
    def edit_briefing(self, data, field: str) -> None:
        name = data.draw(st.sampled_from(sorted(self.briefings)))
        values = {
            "title": st.sampled_from(TITLES).map(lambda t: t + " again"),
            "day": st.integers(2020, 2030).map(lambda y: f"{y}-11-2{y % 10}"),
            "tags": st.lists(st.sampled_from(TOPICS), max_size=3),
            "source": st.sampled_from(SOURCES),
            "body": st.sampled_from(["A new body.", "Another body.\n\nWith two paragraphs."]),
        }
        self.briefings[name][field] = data.draw(values[field])
        self._write(name)
        self._check()

    # --- seeds, topics, settings, templates ----------------------------------------------------

    @rule(number=st.integers(0, 6))
    def add_or_change_seed(self, number: int) -> None:
        name = f"item-{number:02d}"
        self.seeds[name] = self.seeds.get(name, -1) + 1
        self._seed(name)
        self._check()

    @rule(text=st.sampled_from(SITE_TOPICS))
    def change_topics_yaml(self, text: str) -> None:
        path = self.root / "topics.yaml"
        if text:
            path.write_text(text, encoding="utf-8")
        else:
            path.unlink(missing_ok=True)
        self._check()

    @rule(
        per_page=st.integers(1, 4),
        related=st.integers(0, 3),
        title=st.sampled_from(["", 'title: "Renamed"\n']),
    )
    def change_sitegen_yaml(self, per_page: int, related: int, title: str) -> None:
        (self.root / "sitegen.yaml").write_text(
            f"search: false\nper_page: {per_page}\nfeed_items: 3\nrelated: {related}\n{title}",
            encoding="utf-8",
        )
        self._check()

    @rule(template=st.sampled_from(TEMPLATES), mark=st.integers(0, 3))
    def change_template(self, template: str, mark: int) -> None:
        path = self.root / "themes" / "default" / "templates" / template
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(BUILT_IN / template, path)
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("</body>", f"<!-- {mark} --></body>")
            if "</body>" in text
            else text + f"{{# {mark} #}}\n",
            encoding="utf-8",
        )
        self._check()


class ProbeThemeSite(EditedSite):
    probe = True


class BuiltInThemeSite(EditedSite):
    probe = False


class ServedProbeThemeSite(EditedSite):
    probe, serve = True, True


class ServedBuiltInThemeSite(EditedSite):
    probe, serve = False, True


@pytest.mark.parametrize(
    "machine",
    [ProbeThemeSite, BuiltInThemeSite, ServedProbeThemeSite, ServedBuiltInThemeSite],
    ids=["probe-theme", "built-in-theme", "serve-probe-theme", "serve-built-in-theme"],
)
def test_random_edits_incremental_equals_clean(machine) -> None:
    machine.TestCase.settings = settings.get_profile("incremental")
    machine.TestCase().runTest()
