"""Re-run rules of convert_seeds: skip unchanged, keep hand edits, --force, removed seeds, adoption, suffixes."""

import os
import shutil
from pathlib import Path

import pytest

from sitegen.config import ConvertConfig
from sitegen.convert import convert_seeds
from sitegen.errors import UsageError

BODY = b"\n\nTalks resumed in Cairo on Friday after a pause.\n\nThe ministers agreed on a joint statement."
CONFIG = ConvertConfig()


def seed(site: Path, name: str, data: bytes) -> Path:
    path = site / "seeds" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def run(site: Path, **kwargs):
    return convert_seeds(site, site / "seeds", site / "content", CONFIG, **kwargs)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    seed(tmp_path, "a.txt", b"2023-10-27\n\nTalks resume" + BODY)
    seed(tmp_path, "b.txt", b"2023-10-28\n\nMarkets rally" + BODY)
    return tmp_path


def test_first_run_then_unchanged(site: Path) -> None:
    report = run(site)
    assert (report.converted, report.unchanged, report.written) == (
        2,
        0,
        ["content/2023-10-27-talks-resume.md", "content/2023-10-28-markets-rally.md"],
    )
    assert report.ok and (site / ".sitegen-cache" / "convert.json").is_file()
    again = run(site)
    assert (again.converted, again.unchanged, again.written, again.problems) == (0, 2, [], [])


def test_hand_edit_kept_then_forced(site: Path) -> None:
    run(site)
    target = site / "content" / "2023-10-27-talks-resume.md"
    target.write_text(target.read_text() + "\nEditor's note.\n")
    seed(site, "a.txt", b"2023-10-27\n\nTalks resume" + BODY + b"\n\nA new paragraph.")
    report = run(site)
    assert report.kept_edits == 1 and "Editor's note." in target.read_text()
    assert [(p.path, p.severity, p.message, p.hint) for p in report.problems] == [
        (
            "content/2023-10-27-talks-resume.md",
            "warning",
            "edited by hand; not overwritten with the new conversion of seeds/a.txt.",
            "Use --force to overwrite it.",
        )
    ]
    forced = run(site, force=True)
    assert (
        forced.kept_edits == 0
        and "Editor's note." not in target.read_text()
        and "A new paragraph." in target.read_text()
    )


def test_removed_seed_is_reported_and_briefing_kept(site: Path) -> None:
    run(site)
    (site / "seeds" / "b.txt").unlink()
    report = run(site)
    assert (
        report.removed == ["b.txt"] and (site / "content" / "2023-10-28-markets-rally.md").is_file()
    )
    assert (
        report.problems[0].message
        == "seed removed; its briefing content/2023-10-28-markets-rally.md was kept."
    )


def test_missing_manifest_adopts_identical_and_keeps_edited(site: Path) -> None:
    run(site)
    shutil.rmtree(site / ".sitegen-cache")
    edited = site / "content" / "2023-10-28-markets-rally.md"
    edited.write_text(edited.read_text() + "\nEdited.\n")
    report = run(site)
    assert (report.converted, report.kept_edits, report.written) == (1, 1, [])
    assert edited.read_text().endswith("Edited.\n")


def test_missing_manifest_foreign_file_is_a_collision(site: Path) -> None:
    (site / "content").mkdir()
    (site / "content" / "2023-10-27-talks-resume.md").write_text(
        '---\ntitle: "x"\nseed: "other.txt"\n---\n\nMine.\n'
    )
    report = run(site)
    assert "content/2023-10-27-talks-resume-2.md" in report.written
    assert (site / "content" / "2023-10-27-talks-resume.md").read_text().endswith("Mine.\n")


def test_same_title_and_date_get_suffixes_and_identical_bytes_are_duplicates(
    tmp_path: Path,
) -> None:
    seed(tmp_path, "1.txt", b"2023-10-27\n\nSame headline" + BODY)
    seed(tmp_path, "2.txt", b"2023-10-27\n\nSame headline" + BODY + b"\n\nDifferent ending.")
    seed(tmp_path, "3.txt", b"2023-10-27\n\nSame headline" + BODY + b"\n\nThird ending.")
    seed(tmp_path, "4.txt", b"2023-10-27\n\nSame headline" + BODY)
    report = run(tmp_path)
    assert report.written == [
        "content/2023-10-27-same-headline.md",
        "content/2023-10-27-same-headline-2.md",
        "content/2023-10-27-same-headline-3.md",
    ]
    assert report.duplicates == 1
    assert [(p.path, p.message) for p in report.problems] == [
        ("seeds/4.txt", "duplicate of seeds/1.txt (identical bytes); skipped.")
    ]
    (tmp_path / "seeds" / "1.txt").unlink()
    again = run(tmp_path)
    # 4.txt is no longer a duplicate; the removed seed keeps its briefing, and 2 and 3 keep their names.
    assert (again.written, again.removed) == (["content/2023-10-27-same-headline-4.md"], ["1.txt"])


def test_bad_seeds_are_counted_and_others_convert(tmp_path: Path) -> None:
    seed(tmp_path, "good.txt", b"2023-10-27\n\nGood one" + BODY)
    seed(tmp_path, "empty.txt", b"")
    seed(tmp_path, "nodate.txt", b"No date here" + BODY)
    report = run(tmp_path)
    assert (report.converted, report.rejected, report.drafts, report.ok) == (2, 1, 1, False)
    assert [(p.path, p.severity) for p in report.problems] == [
        ("seeds/empty.txt", "error"),
        ("seeds/nodate.txt", "warning"),
    ]
    assert sorted(os.listdir(tmp_path / "content")) == ["2023-10-27-good-one.md", "no-date-here.md"]


def test_parallel_equals_single_process(tmp_path: Path) -> None:
    for index in range(230):
        seed(
            tmp_path / "one",
            f"{index:03}.txt",
            f"2023-10-{index % 28 + 1:02}\n\nHeadline {index % 50}".encode()
            + BODY
            + str(index).encode(),
        )
    shutil.copytree(tmp_path / "one", tmp_path / "many")
    single = run(tmp_path / "one", workers=1)
    many = run(tmp_path / "many", workers=2)
    assert single.written == many.written and len(single.written) == 230
    for name in os.listdir(tmp_path / "one" / "content"):
        assert (tmp_path / "one" / "content" / name).read_bytes() == (
            tmp_path / "many" / "content" / name
        ).read_bytes()


def test_missing_seeds_folder(tmp_path: Path) -> None:
    with pytest.raises(
        UsageError, match="seeds folder not found: .*; create it or pass --seeds DIR"
    ):
        run(tmp_path)


def test_changed_convert_settings_convert_unedited_seeds_again_and_keep_edited_ones(
    site: Path,
) -> None:
    run(site)
    edited = site / "content" / "2023-10-28-markets-rally.md"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nAn editor's note.\n", encoding="utf-8"
    )
    shorter = ConvertConfig(summary_length=30)
    report = convert_seeds(site, site / "seeds", site / "content", shorter)
    assert report.settings_changed and (report.converted, report.kept_edits, report.unchanged) == (
        1,
        1,
        0,
    )
    assert report.written == ["content/2023-10-27-talks-resume.md"]
    assert 'summary: "Talks resumed in Cairo on…"' in (
        site / "content" / "2023-10-27-talks-resume.md"
    ).read_text(encoding="utf-8")
    assert edited.read_text(encoding="utf-8").endswith(
        "An editor's note.\n"
    )  # the editor's file stays, with a note
    assert [p.message for p in report.problems] == [
        "edited by hand; not overwritten with the new conversion of seeds/b.txt."
    ]
    again = convert_seeds(site, site / "seeds", site / "content", shorter)
    assert not again.settings_changed and (again.converted, again.unchanged) == (0, 2)


def test_changed_site_topics_convert_the_seeds_again(site: Path) -> None:
    run(site)
    (site / "topics.yaml").write_text("Diplomacy: [ministers, talks]\n", encoding="utf-8")
    report = run(site)
    assert report.settings_changed and report.converted == 2
    assert '"Diplomacy"' in (site / "content" / "2023-10-27-talks-resume.md").read_text(
        encoding="utf-8"
    )
