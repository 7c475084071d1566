"""sitegen new: the site template lists every setting with its default, and DIR is never overwritten."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from sitegen import config as config_module
from sitegen.cli import main
from sitegen.cli.new import TEMPLATE, new_site
from sitegen.config import ConvertConfig, SiteConfig, load_config

DERIVED = {"root", "fingerprint"}


def field_docs(cls: type) -> dict[str, str]:
    """Each field's docstring (the string literal under it in config.py)."""
    tree = ast.parse(inspect.getsource(config_module))
    body = next(
        node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == cls.__name__
    ).body
    docs = {}
    for field, doc in pairwise(body):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(doc, ast.Expr)
            and isinstance(doc.value, ast.Constant)
        ):
            docs[field.target.id] = doc.value.value
    return docs


def settings(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.name not in DERIVED]


def test_every_setting_has_a_docstring():
    for cls in (SiteConfig, ConvertConfig):
        assert sorted(field_docs(cls)) == sorted(settings(cls))


def test_template_config_lists_every_key_in_order():
    data = yaml.safe_load((TEMPLATE / "sitegen.yaml").read_text(encoding="utf-8"))
    assert list(data) == settings(SiteConfig)
    assert list(data["convert"]) == settings(ConvertConfig)


def test_template_config_loads_to_the_defaults(tmp_path):
    (tmp_path / "sitegen.yaml").write_bytes((TEMPLATE / "sitegen.yaml").read_bytes())
    loaded = load_config(tmp_path)
    assert dataclasses.replace(loaded, fingerprint="") == SiteConfig(root=tmp_path)


def test_each_key_has_a_comment_line_above_it():
    lines = (TEMPLATE / "sitegen.yaml").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if re.match(r"^\s*[a-z_]+:", line):
            assert lines[number - 1].lstrip().startswith("#"), (
                f"line {number + 1} ({line.strip()}) has no comment above it"
            )


def test_new_makes_the_site(tmp_path):
    made = new_site(tmp_path / "mysite")
    assert made == [
        ".gitignore",
        "content/",
        "seeds/2024-05-14-sample-briefing.txt",
        "sitegen.yaml",
        "themes/default/templates/README.md",
    ]
    site = tmp_path / "mysite"
    assert (site / "content").is_dir() and not any((site / "content").iterdir())
    assert (site / ".gitignore").read_text().splitlines()[1:] == ["/output/", "/.sitegen-cache/"]
    assert (site / "sitegen.yaml").read_bytes() == (TEMPLATE / "sitegen.yaml").read_bytes()


def test_new_fills_an_empty_folder(tmp_path):
    assert main(["new", str(tmp_path), "--quiet"]) == 0
    assert (tmp_path / "sitegen.yaml").is_file()


def test_new_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["new", str(tmp_path)]) == 2
    assert (
        capsys.readouterr().err
        == f"error: {tmp_path} is not empty; `sitegen new` only fills a new or empty folder, so nothing was written. Choose another name.\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_new_refuses_a_file(tmp_path, capsys):
    (tmp_path / "site").write_text("")
    assert main(["new", str(tmp_path / "site")]) == 2
    assert f"error: {tmp_path / 'site'} exists and is not a folder" in capsys.readouterr().err


def test_new_tells_the_next_steps(tmp_path, capsys):
    assert main(["new", str(tmp_path / "s")]) == 0
    assert (
        capsys.readouterr().err
        == f"made a new site in {tmp_path / 's'}. Next:\n  cd {tmp_path / 's'}\n  sitegen build\n  sitegen serve\n"
    )


@pytest.mark.parametrize(
    "name", ["sitegen.yaml", "gitignore", "themes/default/templates/README.md"]
)
def test_template_files_are_shipped(name):
    assert (TEMPLATE / name).is_file()


def test_a_site_theme_folder_with_only_a_readme_falls_back_to_the_built_in_templates(tmp_path):
    from sitegen.render.templates import make_env

    new_site(tmp_path / "s")
    env = make_env(load_config(tmp_path / "s"))
    assert Path(env.get_template("briefing.html").filename).parent.parent.name in (
        "default",
        "theme",
    )
