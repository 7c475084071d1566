"""Which files of seeds/ are seeds: `.txt` and `.text` in any case, in subfolders too; the rest is named in a warning."""

import json
import os
from pathlib import Path

import yaml

from sitegen.config import ConvertConfig
from sitegen.convert import convert_seeds

BODY = b"\n\nTalks resumed in Cairo on Friday after a pause.\n\nThe ministers agreed on a joint statement."


def seed(site: Path, name: str, data: bytes) -> None:
    path = site / "seeds" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def run(site: Path):
    return convert_seeds(site, site / "seeds", site / "content", ConvertConfig())


def seed_of(site: Path, written: str) -> str:
    return yaml.safe_load((site / written).read_text().split("---")[1])["seed"]


def test_every_ending_in_any_case_is_a_seed(tmp_path: Path) -> None:
    seed(tmp_path, "A.TXT", b"2023-10-27\n\nTalks resume" + BODY)
    seed(tmp_path, "b.text", b"2023-10-28\n\nMarkets rally" + BODY)
    seed(tmp_path, "c.Txt", b"2023-10-29\n\nRain returns" + BODY)
    report = run(tmp_path)
    assert report.converted == 3 and report.problems == []
    assert sorted(seed_of(tmp_path, path) for path in report.written) == [
        "A.TXT",
        "b.text",
        "c.Txt",
    ]


def test_seeds_in_subfolders_are_named_by_their_path_and_the_same_file_name_twice_gives_two_briefings(
    tmp_path: Path,
) -> None:
    seed(tmp_path, "a/x.txt", b"2023-10-27\n\nTalks resume" + BODY)
    seed(tmp_path, "b/x.txt", b"2023-10-27\n\nTalks resume" + BODY + b"\n\nA second report.")
    seed(tmp_path, "2023/10/deep.txt", b"2023-10-28\n\nMarkets rally" + BODY)
    report = run(tmp_path)
    assert report.converted == 3 and report.problems == []
    assert len(set(report.written)) == 3
    assert sorted(seed_of(tmp_path, path) for path in report.written) == [
        "2023/10/deep.txt",
        "a/x.txt",
        "b/x.txt",
    ]
    manifest = json.loads((tmp_path / ".sitegen-cache" / "convert.json").read_text())
    assert sorted(manifest["seeds"]) == ["2023/10/deep.txt", "a/x.txt", "b/x.txt"]
    again = run(tmp_path)
    assert (again.converted, again.unchanged, again.written, again.problems) == (0, 3, [], [])
    seed(tmp_path, "b/x.txt", b"2023-10-27\n\nTalks resume" + BODY + b"\n\nA changed report.")
    changed = run(tmp_path)
    assert (changed.converted, changed.unchanged) == (1, 2)


def test_what_is_not_read_is_named_in_one_warning(tmp_path: Path) -> None:
    seed(tmp_path, "a.txt", b"2023-10-27\n\nTalks resume" + BODY)
    seed(tmp_path, "notes.md", b"not a seed")
    seed(tmp_path, "sub/page.html", b"<p>not a seed</p>")
    seed(tmp_path, ".hidden/x.txt", b"2023-10-28\n\nHidden away" + BODY)
    seed(tmp_path, ".draft.txt", b"2023-10-28\n\nHidden too" + BODY)
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / "seeds" / "linked")
    report = run(tmp_path)
    assert report.converted == 1
    assert [(p.path, p.severity, p.message) for p in report.problems] == [
        (
            "seeds",
            "warning",
            "not read as seeds: seeds/linked/, seeds/notes.md, seeds/sub/page.html.",
        )
    ]
    assert "`.txt` or `.text`" in report.problems[0].hint
    again = run(tmp_path)  # still not read, so still named
    assert again.unchanged == 1 and [p.message for p in again.problems] == [
        report.problems[0].message
    ]


def test_a_build_sees_a_change_to_a_seed_in_a_subfolder(tmp_path: Path) -> None:
    from sitegen.config import load_config
    from sitegen.incremental.inputs import scan_inputs

    seed(tmp_path, "a/x.txt", b"2023-10-27\n\nTalks resume" + BODY)
    before = scan_inputs(load_config(tmp_path)).convert_digest()
    seed(tmp_path, "a/y.TXT", b"2023-10-28\n\nMarkets rally" + BODY)
    assert scan_inputs(load_config(tmp_path)).convert_digest() != before
