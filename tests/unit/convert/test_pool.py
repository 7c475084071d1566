"""The file side of a run: staged writes cleaned up, manifest JSON format, no-op runs."""

import json
import os
from dataclasses import asdict
from pathlib import Path

import pytest

from sitegen.config import ConvertConfig
from sitegen.convert import pool
from sitegen.convert.manifest import Entry, manifest_text
from sitegen.convert.run import convert_seeds
from sitegen.convert.site_template import SiteLines

BODY = b"\n\nTalks resumed in Cairo on Friday after a pause.\n\nThe ministers agreed on a joint statement."


def make_seeds(site: Path, count: int) -> None:
    (site / "seeds").mkdir(parents=True)
    for index in range(count):
        (site / "seeds" / f"{index:03}.txt").write_bytes(
            f"2023-10-{index % 28 + 1:02}\n\nHeadline {index % 7}".encode()
            + BODY
            + str(index).encode()
        )


def run(site: Path, **kwargs):
    return convert_seeds(site, site / "seeds", site / "content", ConvertConfig(), **kwargs)


def test_manifest_text_is_the_json_dump() -> None:
    entries = {
        'b\u00e9 "q".txt': Entry(1, 2, "ab", "c\\d.md", "ef", True),
        "a.txt": Entry(10, 20, "x", "y.md", "z"),
        "\u65e5.txt": Entry(0, 0, "", "\u65e5.md", ""),
        "s.txt": Entry(
            3, 4, "s", "s.md", "t", site=SiteLines('Caf\u00e9 "Q"', "a1", ("k1", "k2"), (), ("k2",))
        ),
    }
    for chosen in (entries, {}):
        plain = {
            name: {
                k: v for k, v in asdict(chosen[name]).items() if k != "warnings" and v is not None
            }
            for name in sorted(chosen)
        }  # none: no key
        for name in plain:
            if "site" in plain[name]:
                site = plain[name]["site"]
                plain[name]["site"] = {
                    "name": site["site"],
                    "story": site["story"],
                    "lines": list(site["lines"]),
                    "kept": list(site["kept"]),
                    "applied": list(site["applied"]),
                }
        expected = json.dumps({"version": 2, "seeds": plain}, indent=1, sort_keys=True) + "\n"
        assert manifest_text(chosen) == expected


def test_parallel_run_leaves_no_staged_files(tmp_path: Path) -> None:
    make_seeds(tmp_path, 230)
    report = run(tmp_path, workers=2)
    names = os.listdir(tmp_path / "content")
    assert (
        len(report.written) == 230
        and len(names) == 230
        and not [name for name in names if name.startswith(".")]
    )


def test_failed_run_removes_staged_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_seeds(tmp_path, 5)
    real = pool.convert_seed

    def failing(name, data, config, taxonomy, *rest):
        if name == "003.txt":
            raise RuntimeError("boom")
        return real(name, data, config, taxonomy, *rest)

    monkeypatch.setattr(pool, "convert_seed", failing)
    with pytest.raises(RuntimeError, match="boom"):
        run(tmp_path, workers=1)
    assert os.listdir(tmp_path / "content") == []


def test_a_failing_worker_fails_the_parallel_run_and_leaves_no_staged_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_seeds(tmp_path, 230)  # over the threshold: the seeds go to forked workers
    real = pool.convert_seed
    parent = os.getpid()

    def failing(name, data, config, taxonomy, *rest):
        if name == "180.txt" and os.getpid() != parent:
            raise RuntimeError("boom in a worker")
        return real(name, data, config, taxonomy, *rest)

    monkeypatch.setattr(pool, "convert_seed", failing)  # the workers are forked: they see it
    with pytest.raises(RuntimeError, match="boom in a worker"):
        run(tmp_path, workers=2)
    assert os.listdir(tmp_path / "content") == []


def test_an_interrupt_in_the_parent_leaves_no_staged_files(tmp_path: Path) -> None:
    make_seeds(tmp_path, 230)
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done >= 100:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(tmp_path, workers=2, progress=progress)
    assert seen == [50, 100]  # chunks of 50, reported in order
    assert os.listdir(tmp_path / "content") == []


def test_unchanged_run_does_not_rewrite_the_manifest(tmp_path: Path) -> None:
    make_seeds(tmp_path, 3)
    run(tmp_path)
    manifest = tmp_path / ".sitegen-cache" / "convert.json"
    os.utime(manifest, ns=(1, 1))
    again = run(tmp_path)
    assert again.unchanged == 3 and manifest.stat().st_mtime_ns == 1
    (tmp_path / "seeds" / "000.txt").write_bytes(b"2023-10-01\n\nNew headline" + BODY)
    run(tmp_path)
    assert manifest.stat().st_mtime_ns != 1


def test_manifest_with_warnings_round_trips(tmp_path) -> None:
    from sitegen.convert.manifest import load_manifest, save_manifest

    entries = {
        "a.txt": Entry(
            1,
            2,
            "ab",
            "a.md",
            "cd",
            True,
            ((None, "no publication date found; converted as a draft.", "Add a date line."),),
        ),
        "b.txt": Entry(3, 4, "x", "b.md", "y"),
        "c.txt": Entry(
            5, 6, "z", "c.md", "w", site=SiteLines("Site", "s1", ("k1", "k2"), ("k2",), ("k2",))
        ),
    }
    save_manifest(tmp_path, entries)
    assert load_manifest(tmp_path) == entries
    del entries["a.txt"]  # no warnings: the fast writer
    save_manifest(tmp_path, entries)
    assert load_manifest(tmp_path) == entries


def test_manifest_text_with_settings_is_the_json_dump() -> None:
    from sitegen.convert.manifest import VERSION

    entries = {"a.txt": Entry(10, 20, "x", "y.md", "z")}
    warned = {"a.txt": Entry(10, 20, "x", "y.md", "z", False, ((3, "a warning", None),))}
    for chosen in (entries, warned, {}):
        plain = {
            name: {
                k: (list(map(list, v)) if k == "warnings" else v)
                for k, v in asdict(chosen[name]).items()
                if (k != "warnings" or v) and v is not None
            }
            for name in sorted(chosen)
        }
        expected = (
            json.dumps(
                {"version": VERSION, "settings": "0123abcd", "seeds": plain},
                indent=1,
                sort_keys=True,
            )
            + "\n"
        )
        assert manifest_text(chosen, "0123abcd") == expected


def test_manifest_settings_round_trip(tmp_path) -> None:
    from sitegen.convert.manifest import read_manifest, save_manifest

    entries = {"b.txt": Entry(3, 4, "x", "b.md", "y")}
    save_manifest(tmp_path, entries, "0123abcd")
    assert read_manifest(tmp_path) == (entries, "0123abcd")
