"""`sitegen check` checks a site against the base URL its build used (recorded by the build)."""

from __future__ import annotations

from sitegen.cli import main


def test_check_after_build_with_base_url_finds_no_problems_on_a_fresh_site(tmp_path, capsys):
    site = tmp_path / "site"
    assert main(["new", str(site), "--quiet"]) == 0
    assert (
        main(["build", "--site", str(site), "--quiet", "--base-url", "https://example.org/news"])
        == 0
    )
    capsys.readouterr()
    assert main(["check", "--site", str(site)]) == 0
    assert "0 problem(s)" in capsys.readouterr().err
    # told another base URL, check uses that one: the sitemap then lies outside it
    assert main(["check", "--site", str(site), "--base-url", "https://elsewhere.example/"]) == 1


def test_check_of_another_folder_uses_the_config(tmp_path, capsys):
    site = tmp_path / "site"
    assert main(["new", str(site), "--quiet"]) == 0
    assert (
        main(["build", "--site", str(site), "--quiet", "--base-url", "https://example.org/news/"])
        == 0
    )
    assert (
        main(["build", "--site", str(site), "--quiet", "--output", str(tmp_path / "plain")]) == 0
    )  # the config's base URL
    capsys.readouterr()
    assert main(["check", "--site", str(site), "--output", str(tmp_path / "plain")]) == 0
