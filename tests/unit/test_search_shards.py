"""The search index's shard keying: bounded shards, and a change touches one shard (or splits one)."""

from __future__ import annotations

import pytest

from sitegen.publish.search_shards import shards

URLS = [f"{2000 + i % 20}/01/01/briefing-{i}/" for i in range(2000)]


def owner(layout: dict[str, list[str]], url: str) -> str:
    return next(name for name, urls in layout.items() if url in urls)


def test_every_url_is_in_exactly_one_shard_and_no_shard_is_over_the_size():
    layout = shards(URLS, 100)
    members = [u for urls in layout.values() for u in urls]
    assert sorted(members) == sorted(URLS)
    assert len(layout) > 10 and all(0 < len(urls) <= 100 for urls in layout.values())


def test_the_layout_does_not_depend_on_the_order_urls_come_in():
    assert shards(URLS, 100) == shards(list(reversed(URLS)), 100)


def test_adding_one_briefing_changes_one_shard_or_splits_it_and_leaves_the_rest():
    for size in (50, 100, 333):
        before = shards(URLS, size)
        for extra in (f"2030/05/05/new-{i}/" for i in range(40)):
            after = shards([*URLS, extra], size)
            changed_before = {name for name, urls in before.items() if after.get(name) != urls}
            changed_after = {name for name, urls in after.items() if before.get(name) != urls}
            assert len(changed_before) == 1, changed_before  # the shard the new URL falls in
            assert 1 <= len(changed_after) <= 2  # that shard, or its two halves
            assert all(name.startswith(next(iter(changed_before))) for name in changed_after)


def test_removing_one_briefing_changes_one_shard_or_merges_two():
    before = shards(URLS, 100)
    for gone in URLS[:40]:
        after = shards([u for u in URLS if u != gone], 100)
        changed_before = {name for name, urls in before.items() if after.get(name) != urls}
        assert 1 <= len(changed_before) <= 2
        assert owner(before, gone) in changed_before


def test_the_root_shard_holds_a_small_archive_whole():
    assert list(shards(URLS[:10], 100)) == ["s"]


def test_a_shard_holds_at_least_one_briefing():
    with pytest.raises(ValueError):
        shards(URLS, 0)
