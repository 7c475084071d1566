"""Atomic publishing: a staging folder swapped in whole, stale files gone, unchanged bytes keep their mtime."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitegen.publish import write
from tests.safety.conftest import briefing, make_site, run_cli, tree

OLD = 1_000_000_000  # an mtime no build would give a file
SPARE = ".sitegen-cache/spare"  # where the site a build replaced is kept


def _site(root: Path) -> Path:
    return make_site(
        root,
        {
            "2023-10-27-alpha.md": briefing("Alpha", "2023-10-27", '["Iraq"]'),
            "2023-10-26-beta.md": briefing("Beta", "2023-10-26", '["Iraq", "France"]'),
            "2023-09-01-gamma.md": briefing("Gamma", "2023-09-01", '["France"]'),
        },
    )


def _build(capsys: pytest.CaptureFixture, site: Path) -> None:
    code, err = run_cli(capsys, "build", "--site", str(site), "--workers", "1")
    assert code == 0, err


def test_build_writes_into_staging_beside_output_then_swaps(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site(tmp_path)
    _build(capsys, site)
    before = tree(site / "output")
    (site / "content" / "2023-09-01-gamma.md").write_text(
        briefing("Gamma changed", "2023-09-01", '["France"]')
    )
    seen = {}
    commit = write.Publisher.commit

    def spy(self: write.Publisher, *args: object) -> None:
        seen["staging"] = self.staging
        seen["output at commit"] = tree(site / "output")
        seen["staged"] = tree(self.staging)
        commit(self, *args)

    monkeypatch.setattr(write.Publisher, "commit", spy)
    _build(capsys, site)
    assert seen["staging"] == site / ".output.staging"
    assert seen["output at commit"] == before  # nothing published until the swap
    assert seen["staged"] == tree(site / "output")
    assert not (site / ".output.staging").exists() and not (site / ".output.previous").exists()


def test_stale_files_of_deleted_and_renamed_briefings_disappear(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    site = _site(tmp_path / "site")
    _build(capsys, site)
    assert (site / "output" / "2023" / "09" / "01" / "gamma" / "index.html").is_file()
    (site / "content" / "2023-09-01-gamma.md").unlink()
    alpha = site / "content" / "2023-10-27-alpha.md"
    alpha.rename(site / "content" / "2023-10-27-omega.md")
    _build(capsys, site)
    files = set(tree(site / "output"))
    assert not any("/gamma/" in f or "/alpha/" in f for f in files)
    assert not any(
        f.startswith(("archive/2023/09/", "2023/09/")) for f in files
    )  # September is empty now
    assert "2023/10/27/omega/index.html" in files
    assert files == set(_fresh(tmp_path, site, capsys))


def _fresh(tmp_path: Path, site: Path, capsys: pytest.CaptureFixture) -> dict[str, bytes]:
    clean = make_site(
        tmp_path / "clean", {p.name: p.read_bytes() for p in (site / "content").iterdir()}
    )
    _build(capsys, clean)
    return tree(clean / "output")


def test_unchanged_bytes_keep_their_mtime(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    site = _site(tmp_path)
    _build(capsys, site)
    before = tree(site / "output")
    for path in (site / "output").rglob("*"):
        if path.is_file():
            os.utime(path, (OLD, OLD))
    (site / "content" / "2023-09-01-gamma.md").write_text(
        briefing("Gamma", "2023-09-01", '["France"]', "A new body.\n")
    )
    _build(capsys, site)
    after = tree(site / "output")
    assert sorted(after) == sorted(before)
    changed = {rel for rel in after if after[rel] != before[rel]}
    assert "2023/09/01/gamma/index.html" in changed
    assert "2023/10/27/alpha/index.html" not in changed
    for rel in after:
        mtime = (site / "output" / rel).stat().st_mtime
        assert (mtime != OLD) == (rel in changed), rel


def test_leftovers_of_a_killed_build_are_cleaned_up(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    site = _site(tmp_path)
    _build(capsys, site)
    expected = tree(site / "output")
    for leftover in (".output.staging", ".output.previous"):
        (site / leftover / "2023").mkdir(parents=True)
        (site / leftover / "2023" / "half-written.html").write_text("<p>half")
    _build(capsys, site)
    assert tree(site / "output") == expected
    assert sorted(p.name for p in site.iterdir()) == [
        ".sitegen-cache",
        "content",
        "output",
        "seeds",
        "sitegen.yaml",
    ]
    assert tree(site / SPARE) == expected  # the site this build replaced, kept for the next one


def test_killed_between_the_two_renames_of_the_fallback_swap(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    site = _site(tmp_path)
    _build(capsys, site)
    expected = tree(site / "output")
    os.rename(
        site / "output", site / ".output.previous"
    )  # the fallback moved output/ aside, then died
    (site / ".output.staging").mkdir()
    _build(capsys, site)
    assert tree(site / "output") == expected
    assert not (site / ".output.previous").exists() and not (site / ".output.staging").exists()


def test_fallback_swap_without_renameat2(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write, "_exchange", lambda a, b: False)
    site = _site(tmp_path / "site")
    _build(capsys, site)
    first = tree(site / "output")
    (site / "content" / "2023-09-01-gamma.md").unlink()
    _build(capsys, site)
    assert tree(site / "output") == _fresh(tmp_path, site, capsys)
    assert sorted(p.name for p in site.iterdir()) == [
        ".sitegen-cache",
        "content",
        "output",
        "seeds",
        "sitegen.yaml",
    ]
    assert tree(site / SPARE) == first  # the site this build replaced, kept for the next one


def test_output_deleted_by_hand_is_rebuilt_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    site = _site(tmp_path)
    _build(capsys, site)
    expected = tree(site / "output")
    (site / "output" / "2023" / "10" / "27" / "alpha" / "index.html").unlink()
    (site / "output" / "feed.xml").unlink()
    _build(capsys, site)
    assert tree(site / "output") == expected


def _spy_on_reuse(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each build's Publisher reused the spare as its staging folder."""
    reused: list[bool] = []
    begin = write.Publisher.begin

    def spy(self: write.Publisher) -> None:
        begin(self)
        reused.append(self.reused)

    monkeypatch.setattr(write.Publisher, "begin", spy)
    return reused


def _built_twice(root: Path, capsys: pytest.CaptureFixture) -> Path:
    """A site built, edited and built again: the second build leaves the first site as the spare."""
    site = _site(root)
    _build(capsys, site)
    (site / "content" / "2023-10-27-alpha.md").write_text(
        briefing("Alpha", "2023-10-27", '["Iraq"]', "A second body.\n")
    )
    _build(capsys, site)
    return site


def test_the_spare_is_brought_up_to_date_and_swapped_in(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    reused = _spy_on_reuse(monkeypatch)
    site = _built_twice(tmp_path / "site", capsys)
    for path in (site / "output").rglob("*"):
        if path.is_file():
            os.utime(path, (OLD, OLD))
    (site / "content" / "2023-09-01-gamma.md").unlink()  # its page and September's archive go
    (site / "content" / "2023-10-26-beta.md").write_text(
        briefing("Beta", "2023-10-26", '["Iraq", "France"]', "Beta, edited.\n")
    )
    before = tree(site / "output")
    _build(capsys, site)
    assert reused == [
        False,
        False,
        True,
    ]  # the third build starts from the site the second replaced
    after = tree(site / "output")
    assert after == _fresh(tmp_path, site, capsys)
    assert (
        not (site / "output" / "2023" / "09").exists()
        and not (site / "output" / "archive" / "2023" / "09").exists()
    )
    for (
        rel
    ) in after:  # the alpha page changed in the second build: the spare's older copy was replaced
        mtime = (site / "output" / rel).stat().st_mtime
        assert (mtime == OLD) == (before.get(rel) == after[rel]), rel
    alpha = "2023/10/27/alpha/index.html"
    assert (site / "output" / alpha).stat().st_ino == (
        site / SPARE / alpha
    ).stat().st_ino  # shared, not copied


def test_a_spare_that_is_not_the_one_recorded_is_discarded(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    reused = _spy_on_reuse(monkeypatch)
    site = _built_twice(tmp_path / "site", capsys)
    spare = site / SPARE
    os.rename(spare, tmp_path / "elsewhere")
    (spare / "2023").mkdir(parents=True)
    (spare / "2023" / "stray.html").write_text("<p>not ours")
    (site / "content" / "2023-10-26-beta.md").write_text(
        briefing("Beta", "2023-10-26", '["Iraq", "France"]', "Beta, edited.\n")
    )
    _build(capsys, site)
    assert reused == [False, False, False]
    assert tree(site / "output") == _fresh(tmp_path, site, capsys)


def _state_of(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file under root: (inode, mtime_ns, bytes)."""
    found = {}
    for rel, data in tree(root).items():
        st = (root / rel).stat()
        found[rel] = (st.st_ino, st.st_mtime_ns, data)
    return found


def test_nothing_under_output_changes_before_the_swap_even_when_a_reused_spare_shares_its_files(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deterministic: output/ is recorded at the moment just before each swap, with inodes and times,
    so a write through a hard link between a reused spare and output/ shows, as would any other write."""
    reused = _spy_on_reuse(monkeypatch)
    site = _site(tmp_path / "site")
    output = site / "output"
    at_swap: list[dict[str, tuple[int, int, bytes]]] = []
    replaced: list[Path] = []
    commit = write.Publisher.commit

    def spy(self: write.Publisher, *args: object, **kwargs: object) -> None:
        at_swap.append(_state_of(output) if output.exists() else {})
        commit(self, *args, **kwargs)
        replaced.append(self.spare)

    monkeypatch.setattr(write.Publisher, "commit", spy)
    _build(capsys, site)
    edits = [
        ("2023-10-27-alpha.md", briefing("Alpha", "2023-10-27", '["Iraq"]', "A second body.\n")),
        (
            "2023-10-26-beta.md",
            briefing("Beta", "2023-10-26", '["Iraq", "France"]', "Beta, edited.\n"),
        ),  # unchanged in the build before: linked into the spare
        ("2023-09-01-gamma.md", briefing("Gamma", "2023-09-01", '["France"]', "Gamma, edited.\n")),
    ]
    for number, (name, text) in enumerate(edits, 2):
        before = _state_of(output)
        (site / "content" / name).write_text(text)
        _build(capsys, site)
        assert at_swap[-1] == before, f"build {number} changed output/ before its swap"
        spare = {rel: data for rel, (_, _, data) in _state_of(replaced[-1]).items()}
        assert spare == {rel: data for rel, (_, _, data) in before.items()}, (
            f"build {number}: the site it replaced is not intact"
        )
    assert reused == [False, False, True, True]  # the third and fourth builds start from a spare
    shared = {
        rel
        for rel, (ino, _, _) in _state_of(output).items()
        if (replaced[-1] / rel).is_file() and (replaced[-1] / rel).stat().st_ino == ino
    }
    assert shared  # the case this guards: the spare and output/ do share files


def test_the_spare_is_kept_in_the_cache_folder_never_beside_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """`--output /x/www` must leave nothing in /x that a web root serving /x would publish."""
    site = _site(tmp_path / "site")
    web = tmp_path / "web"
    web.mkdir()
    (web / ".www.spare" / "2023").mkdir(parents=True)  # where an earlier version kept it
    (web / ".www.spare" / "2023" / "old.html").write_text("<p>an old site")
    sites = []
    for body in ("First.\n", "Second.\n"):
        (site / "content" / "2023-10-27-alpha.md").write_text(
            briefing("Alpha", "2023-10-27", '["Iraq"]', body)
        )
        code, err = run_cli(
            capsys, "build", "--site", str(site), "--workers", "1", "--output", str(web / "www")
        )
        assert code == 0, err
        sites.append(tree(web / "www"))
    assert sites[0] != sites[1]
    assert sorted(p.name for p in web.iterdir()) == [
        "www"
    ]  # no spare, staging or previous folder beside it
    assert tree(site / SPARE) == sites[0]  # the site the second build replaced


def test_no_spare_is_kept_when_the_cache_is_on_another_file_system(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write, "_same_file_system", lambda a, b: False)
    site = _built_twice(tmp_path / "site", capsys)
    assert not (site / SPARE).exists()
    assert sorted(p.name for p in site.iterdir()) == [
        ".sitegen-cache",
        "content",
        "output",
        "seeds",
        "sitegen.yaml",
    ]
    (site / "content" / "2023-09-01-gamma.md").unlink()
    _build(capsys, site)
    assert tree(site / "output") == _fresh(tmp_path, site, capsys)
