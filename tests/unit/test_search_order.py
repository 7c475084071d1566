"""Pagefind bundles made byte-stable: filter values and the meta filter list sorted, files renamed by content."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from sitegen.publish.search_order import SIGNATURE, decode, encode, stabilise


def write(path: Path, value) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + encode(value)))


def read(path: Path):
    return decode(gzip.decompress(path.read_bytes()), len(SIGNATURE))[0]


def bundle(
    root: Path, topic_order: list[str], filter_order: list[str], hashes: dict[str, str]
) -> Path:
    (root / "filter").mkdir(parents=True)
    values = {"Iraq": [0, 3], "Gaza": [1], "Aid": [2, 300]}
    write(
        root / "filter" / f"{hashes['topic']}.pf_filter",
        ["topic", [[v, values[v]] for v in topic_order]],
    )
    write(root / "filter" / f"{hashes['year']}.pf_filter", ["year", [["2023", [0, 1, 2, 3]]]])
    write(
        root / f"pagefind.{hashes['meta']}.pf_meta",
        ["1.5.2", [[0, 70000, "en_f1"]], [[name, hashes[name]] for name in filter_order], [], -5],
    )
    (root / "pagefind-entry.json").write_text(
        json.dumps(
            {"version": "1.5.2", "languages": {"en": {"hash": hashes["meta"], "page_count": 4}}},
            separators=(",", ":"),
        ),
        encoding="utf-8",
    )
    return root


def files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_cbor_round_trips_with_shortest_heads():
    value = ["x" * 30, [0, 23, 24, 255, 256, 65536, 2**32], {"k": b"\x00\x01"}, -1, -300]
    assert decode(encode(value))[0] == value
    assert encode(24) == b"\x18\x18" and encode(256) == b"\x19\x01\x00"


def test_two_orders_of_the_same_index_become_the_same_bytes(tmp_path):
    one = bundle(
        tmp_path / "one",
        ["Iraq", "Gaza", "Aid"],
        ["topic", "year"],
        {"topic": "en_1111111", "year": "en_2222222", "meta": "en_3333333333"},
    )
    two = bundle(
        tmp_path / "two",
        ["Aid", "Iraq", "Gaza"],
        ["year", "topic"],
        {"topic": "en_4444444", "year": "en_5555555", "meta": "en_6666666666"},
    )
    stabilise(one)
    stabilise(two)
    assert files(one) == files(two)
    entry = json.loads((one / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = read(one / f"pagefind.{entry['languages']['en']['hash']}.pf_meta")
    assert [name for name, _ in meta[2]] == ["topic", "year"]
    topic = read(one / "filter" / f"{meta[2][0][1]}.pf_filter")
    assert topic == ["topic", [["Aid", [2, 300]], ["Gaza", [1]], ["Iraq", [0, 3]]]]
    assert meta[1] == [[0, 70000, "en_f1"]] and meta[4] == -5  # the rest untouched


def test_an_unreadable_bundle_is_left_alone(tmp_path):
    root = bundle(
        tmp_path / "b",
        ["Iraq"],
        ["topic", "year"],
        {"topic": "en_1111111", "year": "en_2222222", "meta": "en_3333333333"},
    )
    (root / "filter" / "en_2222222.pf_filter").write_bytes(gzip.compress(b"something else"))
    before = files(root)
    with pytest.raises(ValueError, match="unexpected Pagefind bundle layout"):
        stabilise(root)
    assert files(root) == before
