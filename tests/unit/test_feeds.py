"""RSS 2.0, Atom 1.0 and JSON Feed 1.1: plain-text titles, absolute links, unique ids, content by config."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import feedparser
import pytest

from sitegen.config import SiteConfig
from sitegen.feeds import FORMATS, Feed, atom, json_feed, rss
from sitegen.model import Briefing, TagRef

WHEN = datetime(2023, 10, 27, 9, 30, tzinfo=timezone.utc)
TITLE = 'Say "no" to <script>alert(1)</script> & more'


def make(n: int, title: str = "A briefing") -> Briefing:
    tag = TagRef("C++ & Rust", "c-rust", "topics/c-rust/")
    return Briefing(f"b{n}", title, WHEN - timedelta(days=n), "Wire & Co", None, (tag,), "Summary with <b>tags</b> & ampersands.", None, False, f"content/b{n}.md", "", f"2023/10/{27 - n:02d}/b{n}/")


def parse(name: str, data: bytes):
    """feedparser's view of an XML feed; for JSON Feed (feedparser 6 cannot read it) the same fields from json."""
    if name != "feed.json":
        return feedparser.parse(data)
    document = json.loads(data)
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    entries = [feedparser.FeedParserDict(title=i["title"], link=i["url"], id=i["id"]) for i in document["items"]]
    return feedparser.FeedParserDict(bozo=0, entries=entries, feed=feedparser.FeedParserDict(link=document["home_page_url"]))


def body(b: Briefing) -> str:
    return f"<p>Body of {b.slug} &amp; more</p>"


CONFIG = SiteConfig(base_url="https://example.org/news/", title="News & Views")
FEED = Feed("News & Views", "All <briefings>", "", "", [make(0, TITLE), make(1), make(2)])


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_parses_with_plain_titles_absolute_links_and_unique_ids(name):
    parsed = parse(name, FORMATS[name](CONFIG, FEED, body))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert [e.title for e in parsed.entries] == [TITLE, "A briefing", "A briefing"]
    links = [e.link for e in parsed.entries]
    assert links == ["https://example.org/news/2023/10/27/b0/", "https://example.org/news/2023/10/26/b1/", "https://example.org/news/2023/10/25/b2/"]
    assert len({e.id for e in parsed.entries}) == 3
    assert all(e.id.startswith("https://example.org/news/") for e in parsed.entries)


def test_rss_summary_stays_text_and_dates_are_rfc822():
    data = rss(CONFIG, FEED, body).decode()
    assert "<pubDate>Fri, 27 Oct 2023 09:30:00 +0000</pubDate>" in data
    assert "<lastBuildDate>Fri, 27 Oct 2023 09:30:00 +0000</lastBuildDate>" in data
    parsed = feedparser.parse(data)
    assert parsed.entries[0].summary == "Summary with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands."  # shown as text, not markup
    assert '<atom:link href="https://example.org/news/feed.xml" rel="self" type="application/rss+xml" />' in data


def test_full_content_by_config():
    full = SiteConfig(base_url="https://example.org/", feed_full_content=True)
    assert "<content type=\"html\">&lt;p&gt;Body of b0 &amp;amp; more&lt;/p&gt;</content>" in atom(full, FEED, body).decode()
    assert json.loads(json_feed(full, FEED, body))["items"][0]["content_html"] == "<p>Body of b0 &amp; more</p>"
    summary_only = json.loads(json_feed(CONFIG, FEED, body))["items"][0]
    assert "content_html" not in summary_only and summary_only["content_text"] == "Summary with <b>tags</b> & ampersands."


def test_json_feed_shape():
    document = json.loads(json_feed(CONFIG, FEED, body))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["feed_url"] == "https://example.org/news/feed.json"
    assert document["items"][0]["tags"] == ["C++ & Rust"]
    assert document["items"][0]["date_published"] == "2023-10-27T09:30:00+00:00"


def test_topic_feed_points_at_its_topic():
    topic = Feed("News: Iraq", "Briefings on Iraq.", "topics/iraq/", "topics/iraq/", [make(0)])
    parsed = feedparser.parse(atom(CONFIG, topic, body))
    assert parsed.feed.link == "https://example.org/news/topics/iraq/"
    assert parsed.feed.id == "https://example.org/news/topics/iraq/atom.xml"


def test_an_empty_feed_is_still_valid():
    for name, make_feed in FORMATS.items():
        parsed = parse(name, make_feed(CONFIG, Feed("T", "D", "", "", []), body))
        assert parsed.bozo == 0 and parsed.entries == [], name
