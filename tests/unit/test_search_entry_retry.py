"""A shard whose pagefind-entry.json comes out unreadable is indexed once more, then it is an error."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import pagefind_service, search


class _Fake:
    """Stands in for Pagefind's service: writes an entry file from a script of contents."""

    def __init__(self, entries: list[str]) -> None:
        self.entries = entries

    def __call__(self, binary: Path) -> "_Fake":
        return self

    def __enter__(self) -> "_Fake":
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def add_record(self, **record: object) -> None:
        pass

    def write(self, target: Path) -> None:
        target.mkdir(parents=True, exist_ok=True)
        (target / "pagefind-entry.json").write_text(self.entries.pop(0), encoding="utf-8")


def test_an_unreadable_entry_file_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _Fake(["", '{"version": "1", "languages": {}}'])
    monkeypatch.setattr(pagefind_service, "Index", fake)
    monkeypatch.setattr(search.search_order, "stabilise", lambda bundle: None)
    search._index_shard(None, Path("pagefind"), [], tmp_path / "s0")
    assert fake.entries == [] and (tmp_path / "s0" / "pagefind-entry.json").read_text(encoding="utf-8").startswith("{")


def test_twice_unreadable_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagefind_service, "Index", _Fake(["", "{"]))
    with pytest.raises(pagefind_service.PagefindError, match="s0"):
        search._index_shard(None, Path("pagefind"), [], tmp_path / "s0")
