"""state.py: the state survives a round trip, a save rewrites only what changed, a damaged cache costs a full build."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sitegen.incremental import state as state_module
from sitegen.incremental.related_update import update_related
from sitegen.incremental.state import BuildState, Stamp, StateStore
from sitegen.model import Briefing, TagRef
from sitegen.site.taxonomy import build_site


def _briefing(n: int, title: str = "") -> Briefing:
    tags = (TagRef("Trade", "trade", "topics/trade/"), TagRef("Ports", "ports", "topics/ports/"))
    when = datetime(2023, 1, 1 + n % 28, tzinfo=UTC)
    return Briefing(
        f"b{n}",
        title or f"Harbour trade talk {n}",
        when,
        "TOME",
        None,
        tags,
        "Ports and tariffs.",
        None,
        False,
        f"content/b{n}.md",
        "hash",
        f"b{n}/",
        rev=f"rev{n}-{title}",
    )


def _state(count: int) -> BuildState:
    content = {f"content/b{n}.md": (n, 100, _briefing(n), None) for n in range(count)}
    state = BuildState(
        salt="s",
        content=content,
        pages={f"b{n}/index.html": f"fp{n}" for n in range(count)},
        output_id=(1, 2),
    )
    _, state.related = update_related(build_site([b for (_, _, b, _) in content.values()]), 3, None)
    return state


def _written(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The part names of each write."""
    seen: list[list[str]] = []
    write = state_module._Parts.write

    def spy(self, parts, replace_all=False):
        seen.append(sorted(parts))
        write(self, parts, replace_all)

    monkeypatch.setattr(state_module._Parts, "write", spy)
    return seen


def test_a_saved_state_loads_back_equal(tmp_path: Path) -> None:
    saved = _state(200)
    StateStore(tmp_path).save(saved, Stamp(inputs="abc", files="a\nb"))
    store = StateStore(tmp_path)
    loaded = store.load()
    assert (
        loaded.content == saved.content
        and loaded.pages == saved.pages
        and loaded.output_id == (1, 2)
    )
    assert store.stamp().inputs == "abc" and store.stamp().files == "a\nb"
    assert loaded.related.chosen == saved.related.chosen
    assert loaded.related.index.terms == saved.related.index.terms


def test_an_edit_rewrites_one_shard_and_a_body_edit_not_the_term_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    StateStore(tmp_path).save(_state(300), Stamp())
    written = _written(monkeypatch)
    store = StateStore(tmp_path)
    state = store.load()
    content = dict(state.content)
    old = content["content/b7.md"][2]
    content["content/b7.md"] = (99, 101, dataclasses.replace(old, rev="edited"), None)  # same text
    site = build_site([b for (_, _, b, _) in content.values()])
    state.related._index = lambda: pytest.fail("a body edit read the term index")
    _, memo = update_related(site, 3, state.related)
    store.save(BuildState(salt="s", content=content, pages=state.pages, related=memo), Stamp())
    assert [name for name in written[0] if name.startswith("content/")] == [
        state_module._shard("content/b7.md")
    ]
    assert "related/index" not in written[0]
    assert StateStore(tmp_path).load().content["content/b7.md"][2].rev == "edited"


def test_a_damaged_cache_file_costs_a_full_build_and_is_replaced(tmp_path: Path) -> None:
    (tmp_path / state_module.DB_FILE).write_bytes(b"not a database at all" * 100)
    store = StateStore(tmp_path)
    assert store.load().content == {} and store.stamp().inputs == ""
    store.save(_state(20), Stamp(inputs="x"))
    assert (
        StateStore(tmp_path).stamp().inputs == "x"
        and len(StateStore(tmp_path).load().content) == 20
    )


def test_a_state_of_another_version_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    StateStore(tmp_path).save(_state(20), Stamp(inputs="x"))
    monkeypatch.setattr(state_module, "__version__", "0.0.0-other")
    assert StateStore(tmp_path).load().content == {} and StateStore(tmp_path).stamp().inputs == ""
