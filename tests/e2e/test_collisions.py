"""Two briefings with one URL: an error naming both files, and neither replaces the other."""

from __future__ import annotations

from pathlib import Path

from sitegen.cli import main


def briefing(title: str, slug: str | None = None, date: str = "2023-10-27") -> str:
    slug_line = f"slug: {slug}\n" if slug else ""
    return f'---\ntitle: "{title}"\n{slug_line}date: {date}\n---\n\n{title} happened on Friday in the town.\n'


def make(tmp_path: Path, files: dict[str, str], config: str = "search: false\n") -> Path:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "seeds").mkdir()
    (site / "sitegen.yaml").write_text(config, encoding="utf-8")
    for name, text in files.items():
        (site / "content" / name).write_text(text, encoding="utf-8")
    return site


def test_two_briefings_with_one_url_are_both_named_and_neither_is_published(tmp_path, capsys):
    site = make(
        tmp_path,
        {
            "first.md": briefing("Port reopens", "port"),
            "second.md": briefing("Port closes again", "port"),
            "other.md": briefing("Other news"),
        },
    )
    assert main(["build", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert (
        "content/first.md:3: error: same URL (2023/10/27/port/) as content/second.md: neither is published."
        in err
    )
    assert (
        "content/second.md:3: error: same URL (2023/10/27/port/) as content/first.md: neither is published."
        in err
    )
    output = site / "output"
    assert not (output / "2023/10/27/port").exists()
    home = (output / "index.html").read_text(encoding="utf-8")
    assert (
        "Port reopens" not in home and "Port closes again" not in home and "Other news" in home
    )  # the rest is built
    (site / "content" / "second.md").write_text(
        briefing("Port closes again", "port-closes"), encoding="utf-8"
    )
    assert main(["build", "--site", str(site), "--quiet"]) == 0  # told apart: both appear
    assert "Port reopens" in (output / "2023/10/27/port/index.html").read_text(encoding="utf-8")
    assert "Port closes again" in (output / "2023/10/27/port-closes/index.html").read_text(
        encoding="utf-8"
    )


def test_a_url_from_the_file_name_says_to_add_a_slug(tmp_path, capsys):
    site = make(
        tmp_path,
        {"2023-10-27-port.md": briefing("Port reopens"), "copy.md": briefing("Port copy", "port")},
    )
    assert main(["build", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert (
        "content/2023-10-27-port.md: error: same URL (2023/10/27/port/) as content/copy.md: neither is published.\n  Add a `slug:` line to one of them"
        in err
    )


def test_a_briefing_cannot_take_a_page_of_the_site(tmp_path, capsys):
    site = make(
        tmp_path / "folders",
        {"a.md": briefing("Topics of the week", "topics"), "c.md": briefing("Fine")},
        'search: false\npermalink: "{slug}/"\n',
    )
    assert main(["build", "--site", str(site)]) == 1
    assert (
        "content/a.md:3: error: its URL (topics/) is one of the site's own pages; it is not published."
        in capsys.readouterr().err
    )
    assert "Topics of the week" not in (site / "output" / "topics" / "index.html").read_text(
        encoding="utf-8"
    )
    assert (site / "output" / "c" / "index.html").is_file()  # the slug of c.md comes from its name
    site = make(
        tmp_path / "files",
        {"b.md": briefing("Home news", "index")},
        'search: false\npermalink: "{slug}.html"\n',
    )
    assert main(["build", "--site", str(site)]) == 1
    assert (
        "content/b.md:3: error: its URL (index.html) is one of the site's own pages; it is not published."
        in capsys.readouterr().err
    )
    assert "<h1>Home news" not in (site / "output" / "index.html").read_text(encoding="utf-8")
