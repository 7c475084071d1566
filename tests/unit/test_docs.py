"""The reference docs cover every setting, front matter key and command."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from sitegen.config import ConvertConfig, SiteConfig
from sitegen.load import KNOWN_KEYS

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
    assert shown == default or _yaml(shown) == default, f"docs/config.md gives {shown!r} as the default of {key}, the code {default!r}"


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
