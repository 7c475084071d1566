"""Template errors name the template (site-relative) and line, exit 1, no traceback, old output/ kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.render.templates import BUILTIN_THEME
from tests.safety.conftest import briefing, make_site, run_cli, tree

MARKER = "{{ briefing.title }}</h1>"


def _site(root: Path, count: int = 3) -> Path:
    content = {
        f"2023-10-{1 + i % 28:02d}-story-{i}.md": briefing(
            f"Story {i}", f"2023-10-{1 + i % 28:02d}", f'["Topic {i % 7}"]'
        )
        for i in range(count)
    }
    return make_site(root, content)


def _override(site: Path, name: str, text: str) -> None:
    folder = site / "themes" / "default" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def _misspelt_briefing() -> tuple[str, int]:
    """The built-in briefing template with `briefing` misspelt once; and that line's number."""
    text = (BUILTIN_THEME / "templates" / "briefing.html").read_text(encoding="utf-8")
    assert text.count(MARKER) == 1
    line = text[: text.index(MARKER)].count("\n") + 1
    return text.replace(MARKER, "{{ briefng.title }}</h1>"), line


def _error_lines(err: str) -> list[str]:
    return [line.split("error: ", 1)[1] for line in err.splitlines() if "error: " in line]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_misspelt_variable_fails_loudly_and_keeps_the_site(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    site = _site(
        tmp_path / "site", count=450 if workers == "2" else 3
    )  # 450 briefings: the render goes parallel
    monkeypatch.chdir(tmp_path)  # the site is given by an absolute path, from elsewhere
    code, err = run_cli(capsys, "build", "--site", str(site), "--workers", workers)
    assert code == 0, err
    before = tree(site / "output")
    text, line = _misspelt_briefing()
    _override(site, "briefing.html", text)
    code, err = run_cli(capsys, "build", "--site", str(site), "--workers", workers)
    assert code == 1
    assert _error_lines(err) == [
        f"themes/default/templates/briefing.html:{line}: 'briefng' is undefined"
    ]
    assert "Traceback" not in err and str(tmp_path) not in err
    assert tree(site / "output") == before
    assert sorted(p.name for p in site.iterdir()) == [
        ".sitegen-cache",
        "content",
        "output",
        "seeds",
        "sitegen.yaml",
        "themes",
    ]


def test_syntax_error_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    site = _site(tmp_path)
    _override(
        site,
        "topic.html",
        '{% extends "base.html" %}\n{% block main %}\n{% if topic %}\n<h1>{{ topic.name }}</h1>\n{% endblock %}\n',
    )
    code, err = run_cli(capsys, "build", "--site", str(site), "--workers", "1")
    assert code == 1
    assert _error_lines(err)[0].startswith(
        "themes/default/templates/topic.html:5: template syntax error: Encountered unknown tag 'endblock'."
    )
    assert "  Fix the template, or delete it to use the built-in one." in err.splitlines()
    assert not (site / "output").exists()


def test_error_in_a_built_in_template_names_it_inside_the_package(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    site = _site(tmp_path)
    _override(
        site, "base.html", (BUILTIN_THEME / "templates" / "base.html").read_text(encoding="utf-8")
    )
    _override(
        site,
        "topics.html",
        '{% extends "base.html" %}\n{% block main %}\n{% include "_nope.html" %}\n{% endblock %}\n',
    )
    code, err = run_cli(capsys, "build", "--site", str(site), "--workers", "1")
    assert code == 1
    assert "_nope.html" in err and "Traceback" not in err and str(tmp_path) not in err


def test_undefined_attribute_is_an_error_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    site = _site(tmp_path)
    _override(
        site,
        "topics.html",
        '{% extends "base.html" %}\n{% block main %}\n\n<h1>{{ site.titel }}</h1>\n{% endblock %}\n',
    )
    code, err = run_cli(capsys, "build", "--site", str(site), "--workers", "1")
    assert code == 1
    assert _error_lines(err)[0].startswith("themes/default/templates/topics.html:4: ")
    assert "titel" in _error_lines(err)[0]


def test_an_undefined_name_is_answered_with_the_names_the_template_receives(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """The hint must help a user who has only the installed package: no pointer to docs the site lacks."""
    site = _site(tmp_path)
    text, _ = _misspelt_briefing()
    _override(site, "briefing.html", text)
    code, err = run_cli(capsys, "build", "--site", str(site), "--workers", "1")
    assert code == 1
    hint = err.splitlines()[
        [i for i, line in enumerate(err.splitlines()) if "'briefng' is undefined" in line][0] + 1
    ]
    assert "did you mean `briefing`?" in hint
    for name in ("`briefing`", "`body`", "`site`", "`root`", "`link`", "`related`"):
        assert name in hint
    assert "docs/" not in err and ".md" not in err
