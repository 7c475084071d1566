"""The output checker itself: it finds every kind of live code it claims to, and passes the theme's own."""

from __future__ import annotations

import pytest

from fuzz.live_code import ALLOWED_INLINE, check_html, check_json_feed, check_xml, url_scheme


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<body onload=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" JaVaScRiPt:alert(1)">x</a>',
        '<a href="java&#9;script:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<iframe src="https://example.org/"></iframe>',
        "<svg><script>alert(1)</script></svg>",
        '<form action="javascript:alert(1)"></form>',
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
        '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
        '<div style="background:url(javascript:alert(1))">x</div>',
        '<script type="application/ld+json">{"a": 1}</script><script>alert(1)</script>',
        '<svg class="bars"><script>alert(1)</script></svg>',
        '<svg class="bars"><foreignObject><p>x</p></foreignObject></svg>',
        '<svg class="bars"><a href="javascript:alert(1)"><rect/></a></svg>',
        '<svg class="bars"><rect onclick="alert(1)"/></svg>',
        '<svg class="other"><rect/></svg>',
    ],
)
def test_live_code_is_found(html: str) -> None:
    assert (
        check_html(f"<!DOCTYPE html><html><head></head><body>{html}</body></html>", "page.html")
        != []
    )


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://example.org/">x</a>',
        '<a href="mailto:a@example.org">x</a>',
        '<a href="../topics/index.html">x</a>',
        '<a href="#top">x</a>',
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        '<script src="../pagefind/pagefind-ui.js"></script>',
        '<script type="application/ld+json">{"a": "\\u003c/script\\u003e"}</script>',
        f"<script>{next(iter(ALLOWED_INLINE))}</script>",
        '<svg class="bars" viewBox="0 0 10 81"><title>Briefings per month</title><a href="../archive/2023/10/"><rect x="0" y="0" width="8" height="80"><title>October 2023: 2 briefings</title></rect></a><line class="axis" x1="0" y1="80.5" x2="10" y2="80.5"/></svg>',
    ],
)
def test_safe_markup_passes(html: str) -> None:
    assert (
        check_html(f"<!DOCTYPE html><html><head></head><body>{html}</body></html>", "page.html")
        == []
    )


def test_feeds_are_parsed_as_xml_and_their_html_payloads_as_html() -> None:
    rss = b'<?xml version="1.0"?><rss><channel><item><description>&lt;img src=x onerror=alert(1)&gt;</description></item></channel></rss>'
    assert check_xml(rss, "feed.xml") != []
    escaped = b'<?xml version="1.0"?><rss><channel><item><description>&amp;lt;img src=x onerror=alert(1)&amp;gt;</description></item></channel></rss>'
    assert check_xml(escaped, "feed.xml") == []
    atom_text = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><summary type="text">&lt;script&gt;x&lt;/script&gt;</summary></entry></feed>'
    assert check_xml(atom_text, "atom.xml") == []
    atom_html = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">&lt;script&gt;x&lt;/script&gt;</content></entry></feed>'
    assert check_xml(atom_html, "atom.xml") != []
    assert (
        check_xml(b"<rss><channel><title>\x01</title></channel></rss>", "feed.xml") != []
    )  # not well-formed
    assert (
        check_json_feed(
            b'{"items": [{"url": "javascript:x", "content_html": "<p>ok</p>"}]}', "feed.json"
        )
        != []
    )


@pytest.mark.parametrize(
    "url, scheme",
    [
        ("https://x", "https"),
        ("  JAVASCRIPT:x", "javascript"),
        ("java\nscript:x", "javascript"),
        ("a/b:c", None),
        ("//x", None),
        ("?q=a:b", None),
    ],
)
def test_url_scheme(url: str, scheme: str | None) -> None:
    assert url_scheme(url) == scheme
