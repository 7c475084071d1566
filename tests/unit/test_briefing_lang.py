"""A briefing's `lang`: checked on load, shown as the page's language, its dates and its feed items."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sitegen.config import SiteConfig
from sitegen.content.parse import parse_briefing
from sitegen.publish.search import index_language
from sitegen.render.feeds import Feed, atom, json_feed
from sitegen.render.templates import long_date

UTC = ZoneInfo("UTC")
PERMALINK = "{year}/{month}/{day}/{slug}/"


def load(front: str):
    return parse_briefing(
        "content/x.md",
        f'---\ntitle: "Ein Titel"\ndate: 2023-11-06\n{front}---\n\nText.\n',
        UTC,
        PERMALINK,
    )


@pytest.mark.parametrize("code", ["de", "pt-BR", "zh-Hant", "fa"])
def test_lang_is_read(code):
    loaded = load(f'lang: "{code}"\n')
    assert loaded.problem is None and loaded.briefing.lang == code


def test_no_lang_is_none():
    assert load("").briefing.lang is None


@pytest.mark.parametrize("bad", ["not a lang!!", "deutsch", "1x"])
def test_bad_lang_names_the_line(bad):
    loaded = load(f'lang: "{bad}"\n')
    assert loaded.briefing is None
    assert loaded.problem.line == 4 and "`lang`" in loaded.problem.message


def test_lang_changes_the_revision():
    assert load('lang: "de"\n').briefing.rev != load('lang: "fr"\n').briefing.rev


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        (None, "6 November 2023"),
        ("en", "6 November 2023"),
        ("de", "6. November 2023"),
        ("fr", "6 novembre 2023"),
        ("es", "6 de noviembre de 2023"),
        ("ja", "2023年11月6日"),
        ("xx", "6 November 2023"),
    ],
)
def test_dates_in_the_briefings_language(lang, shown):
    assert long_date(datetime(2023, 11, 6, 9, 0, tzinfo=UTC), lang) == shown


def test_feeds_name_a_briefings_other_language():
    german = replace(load('lang: "de"\n').briefing, date=datetime(2023, 11, 6, tzinfo=UTC))
    english = replace(german, lang="en", slug="y", url="2023/11/06/y/")
    config = SiteConfig(base_url="https://example.org/")
    feed = Feed("T", "D", "", "", [german, english])
    entries = ET.fromstring(atom(config, feed, lambda b: "")).findall(
        "{http://www.w3.org/2005/Atom}entry"
    )
    assert [e.get("{http://www.w3.org/XML/1998/namespace}lang") for e in entries] == ["de", None]
    items = json.loads(json_feed(config, feed, lambda b: ""))["items"]
    assert [item.get("language") for item in items] == ["de", None]


def test_search_is_one_index_in_the_sites_language():
    assert index_language(SiteConfig(language="pt-BR")) == "pt"
