"""RSS 2.0, Atom 1.0 and JSON Feed 1.1: plain-text titles, absolute links, unique ids, content by config."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import feedparser
import pytest

from sitegen.check.feeds import check_feed
from sitegen.config import SiteConfig
from sitegen.model import Briefing, TagRef
from sitegen.render.feeds import FORMATS, Feed, atom, json_feed, rss

WHEN = datetime(2023, 10, 27, 9, 30, tzinfo=UTC)
TITLE = 'Say "no" to <script>alert(1)</script> & more'


def make(n: int, title: str = "A briefing") -> Briefing:
    tag = TagRef("C++ & Rust", "c-rust", "topics/c-rust/")
    return Briefing(
        f"b{n}",
        title,
        WHEN - timedelta(days=n),
        "Wire & Co",
        None,
        (tag,),
        "Summary with <b>tags</b> & ampersands.",
        None,
        False,
        f"content/b{n}.md",
        "",
        f"2023/10/{27 - n:02d}/b{n}/",
    )


def parse(name: str, data: bytes):
    """feedparser's view of an XML feed; JSON Feed (feedparser 6 cannot read it) is validated against
    JSON Feed 1.1 by the check's rules (bozo when it breaks one), then read into the same fields."""
    if name != "feed.json":
        return feedparser.parse(data)
    broken = check_feed("feed.json", "json", data)
    if broken:
        return feedparser.FeedParserDict(
            bozo=1,
            bozo_exception=[p.message for p in broken],
            entries=[],
            feed=feedparser.FeedParserDict(),
        )
    document = json.loads(data)
    entries = [
        feedparser.FeedParserDict(title=i.get("title"), link=i.get("url"), id=i["id"])
        for i in document["items"]
    ]
    return feedparser.FeedParserDict(
        bozo=0, entries=entries, feed=feedparser.FeedParserDict(link=document.get("home_page_url"))
    )


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
    assert links == [
        "https://example.org/news/2023/10/27/b0/",
        "https://example.org/news/2023/10/26/b1/",
        "https://example.org/news/2023/10/25/b2/",
    ]
    assert len({e.id for e in parsed.entries}) == 3
    assert all(e.id.startswith("https://example.org/news/") for e in parsed.entries)


def test_rss_summary_stays_text_and_dates_are_rfc822():
    data = rss(CONFIG, FEED, body).decode()
    assert "<pubDate>Fri, 27 Oct 2023 09:30:00 +0000</pubDate>" in data
    assert "<lastBuildDate>Fri, 27 Oct 2023 09:30:00 +0000</lastBuildDate>" in data
    parsed = feedparser.parse(data)
    assert (
        parsed.entries[0].summary == "Summary with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands."
    )  # shown as text, not markup
    assert (
        '<atom:link href="https://example.org/news/feed.xml" rel="self" type="application/rss+xml" />'
        in data
    )


def test_full_content_by_config():
    full = SiteConfig(base_url="https://example.org/", feed_full_content=True)
    assert (
        '<content type="html">&lt;p&gt;Body of b0 &amp;amp; more&lt;/p&gt;</content>'
        in atom(full, FEED, body).decode()
    )
    assert (
        json.loads(json_feed(full, FEED, body))["items"][0]["content_html"]
        == "<p>Body of b0 &amp; more</p>"
    )
    summary_only = json.loads(json_feed(CONFIG, FEED, body))["items"][0]
    assert (
        "content_html" not in summary_only
        and summary_only["content_text"] == "Summary with <b>tags</b> & ampersands."
    )


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


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: d.update(version="https://jsonfeed.org/version/1"),
            'no "version" naming https://jsonfeed.org/version/1.1.',
        ),
        (lambda d: d.pop("title"), 'the feed has no "title".'),
        (lambda d: d.update(title=7), 'the feed "title" must be a string, not a number.'),
        (lambda d: d.pop("items"), 'the feed has no "items".'),
        (lambda d: d.update(items={}), 'the feed "items" must be a list, not an object.'),
        (
            lambda d: d.update(expired="no"),
            'the feed "expired" must be true or false, not a string.',
        ),
        (lambda d: d["items"][0].update(id=1), 'item 1 "id" must be a string, not a number.'),
        (lambda d: d["items"][0].pop("id"), 'item 1 has no "id".'),
        (
            lambda d: d["items"][0].update(tags="Iraq"),
            'item 1 "tags" must be a list of strings, not a string.',
        ),
        (
            lambda d: d["items"][0].update(date_published=None),
            'item 1 "date_published" must be a string, not null.',
        ),
        (
            lambda d: d["items"][0].update(authors=[{}]),
            'item 1 author 1 has none of "name", "url", "avatar".',
        ),
        (
            lambda d: d["items"][0].update(attachments=[{"url": "https://example.org/a.mp3"}]),
            'item 1 attachment 1 has no "mime_type".',
        ),
        (
            lambda d: d["items"][0].update(summary=["a"]),
            'item 1 "summary" must be a string, not a list.',
        ),
        (lambda d: d.update(items=["x"]), "item 1 is not an object."),
    ],
)
def test_a_broken_json_feed_is_not_valid(change, message):
    document = json.loads(json_feed(CONFIG, FEED, body))
    change(document)
    parsed = parse("feed.json", json.dumps(document).encode())
    assert parsed.bozo == 1 and message in parsed.bozo_exception, parsed.get("bozo_exception")


def test_json_feed_extensions_and_members_the_spec_does_not_name_are_allowed():
    document = json.loads(json_feed(CONFIG, FEED, body))
    document["_sitegen"] = {"about": "an extension"}
    document["items"][0]["_extra"] = 1
    assert parse("feed.json", json.dumps(document).encode()).bozo == 0
