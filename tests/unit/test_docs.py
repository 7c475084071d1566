"""The reference docs cover every setting, front matter key and command."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from sitegen.config import ConvertConfig, SiteConfig
from sitegen.content.parse import KNOWN_KEYS

DOCS = Path(__file__).resolve().parents[2] / "docs"


def rows(name: str) -> dict[str, str]:
    """Table rows of a doc: first cell (without backticks) -> second cell."""
    found = {}
    for line in (DOCS / name).read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2:
            found[cells[0].strip("`")] = cells[1]
    return found


def settings() -> list[tuple[str, object]]:
    out = []
    for cls, prefix in ((SiteConfig, ""), (ConvertConfig, "convert.")):
        for f in dataclasses.fields(cls):
            if f.name in ("root", "fingerprint", "convert"):
                continue
            default = f.default if f.default is not dataclasses.MISSING else f.default_factory()
            out.append((prefix + f.name, list(default) if isinstance(default, tuple) else default))
    return out


def _yaml(text: str) -> object:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None


@pytest.mark.parametrize("key, default", settings())
def test_config_md_documents_every_setting_with_its_default(key, default):
    table = rows("config.md")
    assert key in table, f"docs/config.md has no row for `{key}`"
    shown = table[key].strip("`")
    assert shown == default or _yaml(shown) == default, (
        f"docs/config.md gives {shown!r} as the default of {key}, the code {default!r}"
    )


@pytest.mark.parametrize("key", KNOWN_KEYS)
def test_front_matter_md_documents_every_key(key):
    assert key in rows("front-matter.md")


@pytest.mark.parametrize("command", ["new", "convert", "build", "serve", "check"])
def test_cli_md_documents_every_command(command):
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert re.search(rf"^## `sitegen {command}", text, re.M)


def test_getting_started_commands_exist():
    text = (DOCS / "getting-started.md").read_text(encoding="utf-8")
    code = "\n".join(re.findall(r"^```\n(.*?)^```", text, re.M | re.S))
    used = set(re.findall(r"^sitegen ([\w-]+)", code, re.M))
    assert used == {"--version", "new", "build", "serve"}


def test_the_site_template_names_no_extra_that_does_not_exist():
    import tomllib

    project = tomllib.loads((DOCS.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = set(project.get("optional-dependencies", {}))
    template = DOCS.parent / "sitegen" / "data" / "site-template"
    for path in sorted(p for p in template.rglob("*") if p.is_file()):
        for extra in re.findall(r"sitegen\[(\w+)\]", path.read_text(encoding="utf-8")):
            assert extra in extras, (
                f"{path.relative_to(template)} names the extra sitegen[{extra}], which pyproject.toml does not have"
            )


def test_the_site_template_points_at_no_docs_file_a_site_does_not_have():
    template = DOCS.parent / "sitegen" / "data" / "site-template"
    for path in sorted(p for p in template.rglob("*") if p.is_file()):
        assert "docs/" not in path.read_text(encoding="utf-8"), (
            f"{path.relative_to(template)} points at the repository's docs/"
        )


def _options(command: str) -> set[str]:
    import subprocess
    import sys

    shown = subprocess.run(
        [sys.executable, "-m", "sitegen", command, "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", shown))


@pytest.mark.parametrize("command", ["new", "convert", "build", "serve", "check"])
def test_the_readme_says_which_options_each_command_takes(command):
    text = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    sentence = re.search(r"Every command takes (.+?)\.", text, re.S).group(1)
    every, _, but_new = sentence.partition("every command but `new` also takes")
    claimed = set(re.findall(r"`(--[a-z-]+)", every)) | (
        set(re.findall(r"`(--[a-z-]+)", but_new)) if command != "new" else set()
    )
    assert claimed and claimed <= _options(command), (
        f"the README says `sitegen {command}` takes {sorted(claimed - _options(command))}"
    )
