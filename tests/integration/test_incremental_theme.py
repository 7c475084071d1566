"""Incremental builds equal clean builds with a theme that prints every documented variable.

The built-in theme shows only some of what docs/themes.md promises a template (it prints no
`topic_count`, no topic sizes on briefing pages); a customised theme may print any of it.
The probe theme prints all of it on every page kind, so a page whose fingerprint misses anything
it can show is caught here as a difference from a clean build. It is the built-in theme with one
addition: tests/fixtures/probe-theme holds `_probe.html`, and `install_probe_theme` writes a
`base.html` that is the built-in one calling it; every other template is the built-in one, so the
probe follows the built-in theme as it changes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.integration.test_incremental import CONFIG, Site, _briefing, _edit
from tests.safety.synthetic import write_seeds

PROBE_THEME = Path(__file__).resolve().parents[1] / "fixtures" / "probe-theme"
BUILT_IN_TEMPLATES = Path(__file__).resolve().parents[2] / "sitegen" / "theme" / "templates"


def install_probe_theme(theme: Path) -> None:
    """Make `theme` the probe theme: `_probe.html`, called from a copy of the built-in `base.html`."""
    shutil.copytree(PROBE_THEME, theme)
    base = (BUILT_IN_TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert base.count("</main>") == 1, (
        "the built-in base.html no longer has one </main> to print the probe before"
    )
    base = '{% import "_probe.html" as probe with context %}\n' + base.replace(
        "</main>", "{{ probe.probe() }}\n</main>"
    )
    (theme / "templates" / "base.html").write_text(base, encoding="utf-8")


def make_probe_site(root: Path, seeds: int = 30) -> None:
    """Synthetic seeds, a dozen hand-written briefings over three years, and the probe theme."""
    write_seeds(root / "seeds", seeds)
    (root / "content").mkdir()
    for i in range(12):
        day = f"{2021 + i % 3}-{1 + i % 4:02d}-{10 + i:02d}"
        tags = '"Economy", "Trade"' if i % 2 else '"Economy", "Health"'
        (root / "content" / f"hand-{i:02d}.md").write_text(
            _briefing(f"Hand briefing number {i} on trade", day, tags, f"Body {i}."),
            encoding="utf-8",
        )
    (root / "sitegen.yaml").write_text(CONFIG, encoding="utf-8")
    install_probe_theme(root / "themes" / "default")


EDITS = [
    (
        "a briefing given a new topic",
        lambda r: _edit(
            r / "content/hand-03.md", '"Economy", "Trade"', '"Economy", "Trade", "Shipping"'
        ),
    ),
    (
        "a retitle",
        lambda r: _edit(r / "content/hand-04.md", "number 4 on trade", "number four on tariffs"),
    ),
    (
        "a re-date into another year",
        lambda r: _edit(r / "content/hand-05.md", "date: 2023-02-15", "date: 2021-02-15"),
    ),
    ("a deleted briefing", lambda r: (r / "content/hand-07.md").unlink()),
    (
        "a briefing moved into a new topic",
        lambda r: _edit(r / "content/hand-08.md", '"Economy", "Health"', '"Fisheries"'),
    ),
    (
        "a seed added",
        lambda r: (r / "seeds/zz_new.txt").write_text(
            "date 2023-11-02 Kenya trade talks update 99\n\nIn Kenya, the talks went on late into the night.\n",
            encoding="utf-8",
        ),
    ),
    (
        "a briefing dated in the future",
        lambda r: _edit(r / "content/hand-09.md", "date: 2021-02-19", "date: 2031-02-19"),
    ),
    (
        "per_page changed",
        lambda r: (r / "sitegen.yaml").write_text(
            CONFIG.replace("per_page: 3", "per_page: 5"), encoding="utf-8"
        ),
    ),
]


@pytest.mark.parametrize("mode", ["build", "serve"])
def test_probe_theme_incremental_equals_clean(tmp_path: Path, monkeypatch, mode: str) -> None:
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", "1800000000"
    )  # 2027: a briefing of 2031 is in the future
    root = tmp_path / "site"
    make_probe_site(root)
    site = Site(root, tmp_path, serve_mode=(mode == "serve"))
    site.check()
    for name, change in EDITS:
        inputs = site.snapshot()
        change(root)
        report = site.check(inputs)
        assert not report.nothing_changed, name


def _fingerprints(root: Path) -> dict[str, str]:
    from sitegen.incremental.state import StateStore

    return dict(StateStore(root / ".sitegen-cache").load().pages)


def test_built_in_theme_an_edited_body_renders_its_own_page_only(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    root = tmp_path / "site"
    make_probe_site(root)
    shutil.rmtree(root / "themes")
    site = Site(root, tmp_path, serve_mode=False)
    site.check()
    before = _fingerprints(root)
    _edit(root / "content/hand-03.md", "Body 3.", "Body three, corrected.")
    site.check()
    after = _fingerprints(root)
    assert sorted(path for path in after if after[path] != before.get(path)) == [
        "2021/04/13/hand-03/index.html"
    ]


def test_probe_theme_an_edited_body_renders_its_own_page_only(tmp_path: Path, monkeypatch) -> None:
    """The body reaches no page but its own (feeds carry summaries), whatever the theme prints."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    root = tmp_path / "site"
    make_probe_site(root)
    site = Site(root, tmp_path, serve_mode=False)
    site.check()
    before = _fingerprints(root)
    _edit(root / "content/hand-03.md", "Body 3.", "Body three, corrected.")
    site.check()
    after = _fingerprints(root)
    assert sorted(path for path in after if after[path] != before.get(path)) == [
        "2021/04/13/hand-03/index.html"
    ]


def test_a_template_cannot_read_what_no_fingerprint_holds(tmp_path: Path) -> None:
    """`body_hash` and `rev` change with a body that other pages do not show: templates cannot read them."""
    from sitegen.build import BuildOptions, build
    from sitegen.config import load_config
    from sitegen.errors import TemplateError

    root = tmp_path / "site"
    make_probe_site(root, seeds=0)
    template = root / "themes/default/templates/index.html"
    shutil.copy(BUILT_IN_TEMPLATES / "index.html", template)
    _edit(
        template,
        "{% block main %}",
        "{% block main %}{% for b in items %}{{ b.body_hash }}{% endfor %}",
    )
    with pytest.raises(TemplateError, match="has no attribute 'body_hash'"):
        build(load_config(root), BuildOptions(workers=1))


def test_a_template_that_never_names_briefings_cannot_read_them(tmp_path: Path) -> None:
    """Such a template gets topic summaries, so a computed attribute name fails loudly instead of leaving pages stale."""
    from sitegen.build import BuildOptions, build
    from sitegen.config import load_config
    from sitegen.errors import TemplateError

    root = tmp_path / "site"
    make_probe_site(root, seeds=0)
    shutil.rmtree(root / "themes")
    template = root / "themes/default/templates/topics.html"
    template.parent.mkdir(parents=True)
    shutil.copy(BUILT_IN_TEMPLATES / "topics.html", template)
    _edit(
        template,
        "{% block main %}",
        "{% block main %}{% set name = 'brief' ~ 'ings' %}{% for t in topics %}{{ t|attr(name)|length }}{% endfor %}",
    )
    with pytest.raises(TemplateError, match="has no attribute 'briefings'"):
        build(load_config(root), BuildOptions(workers=1))
