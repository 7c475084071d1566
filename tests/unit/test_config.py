"""sitegen.yaml: defaults, validation with key and line, did-you-mean hints."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.config import SiteConfig, load_config
from sitegen.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "sitegen.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    return [str(p) for p in info.value.problems]


def test_no_file_gives_every_default(tmp_path):
    config = load_config(tmp_path)
    assert config.title == SiteConfig().title
    assert config.per_page == 20 and config.timezone == "UTC" and config.theme == "default"


def test_values_are_read_and_base_url_gets_a_slash(tmp_path):
    config = load_config(write(tmp_path, "title: Gulf Desk\nbase_url: https://example.org/news\nper_page: 5\nconvert:\n  summary_length: 100\n"))
    assert (config.title, config.base_url, config.per_page, config.convert.summary_length) == ("Gulf Desk", "https://example.org/news/", 5, 100)


def test_unknown_key_names_key_line_and_suggests(tmp_path):
    assert problems(tmp_path, "title: x\nper_pgae: 5\n") == ["sitegen.yaml:2: error: unknown key `per_pgae`.\n  Did you mean `per_page`?"]


def test_unknown_key_in_a_section(tmp_path):
    assert problems(tmp_path, "convert:\n  sumary_length: 5\n") == ["sitegen.yaml:2: error: unknown key `convert.sumary_length`.\n  Did you mean `summary_length`?"]


def test_wrong_type_names_key_and_line(tmp_path):
    assert problems(tmp_path, "title: x\nper_page: many\n") == [
        "sitegen.yaml:2: error: `per_page` must be a whole number >= 0, not 'many'.\n  Fix `per_page` in sitegen.yaml, or delete the line to use the default."
    ]


def test_all_problems_are_reported_together(tmp_path):
    found = problems(tmp_path, "per_page: x\nfeed_items: y\ntimezone: Mars/Olympus\n")
    assert len(found) == 3
    assert found[2].startswith("sitegen.yaml:3: error: unknown time zone 'Mars/Olympus'.")


def test_yaml_syntax_error_names_the_line(tmp_path):
    found = problems(tmp_path, "title: x\nbase_url: [unclosed\n")
    assert len(found) == 1 and found[0].startswith("sitegen.yaml:3: error: invalid YAML")


def test_base_url_must_be_absolute(tmp_path):
    assert problems(tmp_path, "base_url: /news/\n")[0].startswith("sitegen.yaml:1: error: base_url '/news/' is not an absolute http(s) URL.")


def test_same_config_same_fingerprint_and_changes_with_a_value(tmp_path):
    a = load_config(write(tmp_path, "title: A\n")).fingerprint
    assert load_config(tmp_path).fingerprint == a
    assert load_config(write(tmp_path, "title: B\n")).fingerprint != a
