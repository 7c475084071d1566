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
    config = load_config(
        write(
            tmp_path,
            "title: Gulf Desk\nbase_url: https://example.org/news\nper_page: 5\nconvert:\n  summary_length: 100\n",
        )
    )
    assert (config.title, config.base_url, config.per_page, config.convert.summary_length) == (
        "Gulf Desk",
        "https://example.org/news/",
        5,
        100,
    )


def test_unknown_key_names_key_line_and_suggests(tmp_path):
    assert problems(tmp_path, "title: x\nper_pgae: 5\n") == [
        "sitegen.yaml:2: error: unknown key `per_pgae`.\n  Did you mean `per_page`?"
    ]


def test_unknown_key_in_a_section(tmp_path):
    assert problems(tmp_path, "convert:\n  sumary_length: 5\n") == [
        "sitegen.yaml:2: error: unknown key `convert.sumary_length`.\n  Did you mean `summary_length`?"
    ]


def test_wrong_type_names_key_and_line(tmp_path):
    assert problems(tmp_path, "title: x\nper_page: many\n") == [
        'sitegen.yaml:2: error: `per_page` must be a whole number of at least 1, not "many".\n  Fix `per_page` in sitegen.yaml, or delete the line to use the default.'
    ]


def test_all_problems_are_reported_together(tmp_path):
    found = problems(tmp_path, "per_page: x\nfeed_items: y\ntimezone: Mars/Olympus\n")
    assert len(found) == 3
    assert found[2].startswith('sitegen.yaml:3: error: unknown time zone "Mars/Olympus".')


def test_yaml_syntax_error_names_the_line(tmp_path):
    found = problems(tmp_path, "title: x\nbase_url: [unclosed\n")
    assert len(found) == 1 and found[0].startswith("sitegen.yaml:3: error: invalid YAML")


def test_base_url_must_be_absolute(tmp_path):
    assert problems(tmp_path, "base_url: /news/\n")[0].startswith(
        'sitegen.yaml:1: error: base_url "/news/" is not an absolute http(s) URL.'
    )


def test_same_config_same_fingerprint_and_changes_with_a_value(tmp_path):
    a = load_config(write(tmp_path, "title: A\n")).fingerprint
    assert load_config(tmp_path).fingerprint == a
    assert load_config(write(tmp_path, "title: B\n")).fingerprint != a


def test_a_key_given_twice_is_an_error_with_both_lines(tmp_path):
    assert problems(tmp_path, "title: A\nper_page: 3\ntitle: B\n") == [
        "sitegen.yaml:3: error: `title` is given twice (first on line 1); only one can be used.\n  Delete one of the two lines."
    ]


def test_a_key_given_twice_in_a_section(tmp_path):
    assert problems(tmp_path, "convert:\n  max_tags: 3\n  max_tags: 4\n") == [
        "sitegen.yaml:3: error: `convert.max_tags` is given twice (first on line 2); only one can be used.\n  Delete one of the two lines."
    ]


@pytest.mark.parametrize("value", ["0", "2.5", "lots", '"3"'])
def test_per_page_zero_and_fractions_get_the_same_rule(tmp_path, value):
    shown = value.strip('"')
    assert problems(tmp_path, f"per_page: {value}\n") == [
        f'sitegen.yaml:1: error: `per_page` must be a whole number of at least 1, not "{shown}".\n  Fix `per_page` in sitegen.yaml, or delete the line to use the default.'
    ]


def test_related_may_be_zero(tmp_path):
    assert load_config(write(tmp_path, "related: 0\n")).related == 0


@pytest.mark.parametrize(
    "text, message",
    [
        ("search: ~\n", "`search` must be true or false, not empty."),
        ("search: [a, b]\n", "`search` must be true or false, not a list."),
        ("index_links: {a: 1}\n", "`index_links` must be true or false, not a mapping."),
        (
            "convert:\n  boilerplate: yes\n",
            '`convert.boilerplate` must be a list of texts, not "yes".',
        ),
        ("description:\n", "`description` must be a non-empty text, not empty."),
    ],
)
def test_wrong_values_are_named_as_written_never_as_python_values(tmp_path, text, message):
    found = problems(tmp_path, text)
    assert len(found) == 1 and message in found[0], found
    for python in ("None", "True", "['a', 'b']", "{'a': 1}"):
        assert python not in found[0]


def test_text_settings_keep_what_is_written(tmp_path):
    assert load_config(write(tmp_path, "title: 2023\ndescription: yes\n")).title == "2023"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "convert: 5\n",
            [
                'sitegen.yaml:1: error: `convert` must be a mapping of `key: value` lines, not "5".\n  Write one `key: value` per line, indented under `convert:`.'
            ],
        ),
        (
            "- a\n- b\n",
            [
                "sitegen.yaml:1: error: sitegen.yaml must be a mapping of `key: value` lines, not a list.\n  Write one `key: value` per line."
            ],
        ),
    ],
)
def test_a_file_or_section_that_is_not_a_mapping_is_named_plainly(tmp_path, text, expected):
    assert problems(tmp_path, text) == expected


def test_unknown_theme_is_an_error_listing_the_themes(tmp_path):
    (tmp_path / "themes" / "dark").mkdir(parents=True)
    assert problems(tmp_path, "title: x\ntheme: drak\n") == [
        'sitegen.yaml:2: error: theme "drak" not found: there is no folder themes/drak/.\n'
        "  Did you mean `dark`? Themes of this site: default, dark. Make the folder, or use theme: default."
    ]
    assert load_config(write(tmp_path, "theme: dark\n")).theme == "dark"
    assert (
        load_config(write(tmp_path, "theme: default\n")).theme == "default"
    )  # the built-in theme needs no folder


def test_a_theme_must_be_a_folder_name(tmp_path):
    assert problems(tmp_path, "theme: ../elsewhere\n")[0].startswith(
        'sitegen.yaml:1: error: theme "../elsewhere" must be the name of one folder under themes/'
    )


def test_a_named_taxonomy_file_must_exist(tmp_path):
    assert problems(tmp_path, "convert:\n  taxonomy: nope.yaml\n")[0].startswith(
        'sitegen.yaml:2: error: convert.taxonomy "nope.yaml" not found.'
    )
    assert (
        load_config(write(tmp_path, "convert:\n  taxonomy: topics.yaml\n")).convert.taxonomy
        == "topics.yaml"
    )  # the default may be missing
    (tmp_path / "mine.yaml").write_text("Ports: [harbour]\n", encoding="utf-8")
    assert (
        load_config(write(tmp_path, "convert:\n  taxonomy: mine.yaml\n")).convert.taxonomy
        == "mine.yaml"
    )


@pytest.mark.parametrize(
    "tag, ok",
    [
        ("en", True),
        ("pt-BR", True),
        ("zh-Hant", True),
        ("not a lang!!", False),
        ("english", False),
        ("e", False),
    ],
)
def test_language_must_be_a_language_tag(tmp_path, tag, ok):
    text = f'language: "{tag}"\n'
    if ok:
        assert load_config(write(tmp_path, text)).language == tag
    else:
        assert problems(tmp_path, text) == [
            f'sitegen.yaml:1: error: language "{tag}" is not a language tag.\n  Write a BCP 47 tag such as en, de or pt-BR.'
        ]


def test_a_bad_boilerplate_pattern_is_named_with_its_line(tmp_path):
    assert problems(tmp_path, 'convert:\n  boilerplate:\n    - "^Share$"\n    - "^bad(["\n') == [
        'sitegen.yaml:4: error: convert.boilerplate pattern "^bad([" is not a valid regular expression: unterminated character set.\n'
        "  Fix the pattern; a literal dot, bracket or parenthesis needs a backslash before it."
    ]


FIELDS = "a permalink can use {year}, {month}, {day} and {slug}."


@pytest.mark.parametrize(
    "pattern, message",
    [
        (
            "../../{slug}/",
            'permalink "../../{slug}/" leaves the site: `..`, `.` and `\\` are not allowed in it.',
        ),
        ("{year}/../../{slug}/", 'permalink "{year}/../../{slug}/" leaves the site'),
        ("{year}\\\\..\\\\{slug}/", "leaves the site"),
        ("{year}/{hour}/{slug}/", "permalink field {hour} is unknown; " + FIELDS),
        ("{year}/{mnth}/{slug}/", "permalink field {mnth} is unknown; " + FIELDS),
        ("{year:04}/{slug}/", "permalink field {year} cannot have a format or conversion"),
        ("{slug", "has a `{` or `}` without its partner"),
        (
            "{slug}",
            'permalink "{slug}" must end in `/` (a folder per briefing, holding index.html) or `.html` (a file per briefing).',
        ),
        ("{year}/{slug}.htm", "must end in `/`"),
        ("a//{slug}/", "has an empty folder name"),
        ("{year}/{month}/", "permalink must contain {slug}"),
    ],
)
def test_permalink_patterns_are_checked(tmp_path, pattern, message):
    found = problems(tmp_path, f'title: x\npermalink: "{pattern}"\n')
    assert any(line.startswith("sitegen.yaml:2: error: ") and message in line for line in found), (
        found
    )


def test_an_unknown_permalink_field_suggests_the_close_one(tmp_path):
    found = problems(tmp_path, 'permalink: "{year}/{mnth}/{slug}/"\n')
    assert found == [
        "sitegen.yaml:1: error: permalink field {mnth} is unknown; "
        + FIELDS
        + "\n  Did you mean {month}? For example: {year}/{month}/{day}/{slug}/ or {year}/{slug}.html"
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        "{year}/{month}/{day}/{slug}/",
        "{slug}/",
        "/{year}/{slug}/",
        "{year}/{slug}.html",
        "news/{year}-{month}-{slug}.html",
    ],
)
def test_good_permalinks_load(tmp_path, pattern):
    assert load_config(write(tmp_path, f'permalink: "{pattern}"\n')).permalink == pattern


def test_boilerplate_items_are_texts_as_written_and_a_bad_item_is_named_at_its_line(tmp_path):
    assert load_config(
        write(tmp_path, 'convert:\n  boilerplate: [1, "^x$"]\n')
    ).convert.boilerplate == ("1", "^x$")
    assert problems(tmp_path, "convert:\n  boilerplate:\n    - ok\n    - [a]\n") == [
        "sitegen.yaml:4: error: every item of `convert.boilerplate` must be a text, not a list.\n  Write one text per item, or delete the item."
    ]


def test_a_key_that_is_not_a_name(tmp_path):
    assert problems(tmp_path, "[a]: 1\n") == [
        "sitegen.yaml:1: error: a key must be a plain name, not a list.\n  Write one `key: value` per line."
    ]


def test_convert_encoding_must_be_a_known_text_encoding(tmp_path):
    assert problems(tmp_path, "convert:\n  encoding: nosuch-8\n")[0].startswith(
        'sitegen.yaml:2: error: convert.encoding "nosuch-8" is not a text encoding'
    )
    assert problems(tmp_path, "convert:\n  encoding: base64\n")[0].startswith(
        'sitegen.yaml:2: error: convert.encoding "base64"'
    )  # bytes to bytes, not text
    assert (
        load_config(write(tmp_path, "convert:\n  encoding: cp1250\n")).convert.encoding == "cp1250"
    )
    assert load_config(write(tmp_path, "title: x\n")).convert.encoding == ""  # detected per seed
    assert (
        load_config(write(tmp_path, 'convert:\n  encoding: ""\n')).convert.encoding == ""
    )  # the default, as the template writes it
    assert problems(tmp_path, "convert:\n  encoding: [cp1250]\n")[0].startswith(
        "sitegen.yaml:2: error: `convert.encoding` must be a text, not a list."
    )
