"""sitegen check: a clean site passes, and each planted fault is reported with its file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitegen.check import check_site
from sitegen.check.feeds import is_rfc822, is_rfc3339
from sitegen.cli import main

BASE = "https://example.org/news/"


def page(title: str, body: str, root: str = "", head: str = "") -> str:
    """A minimal valid page; `root` climbs to the site root."""
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>{title}</title>\n'
        f'<link rel="stylesheet" href="{root}static/style.css">\n{head}</head>\n<body>\n'
        f'<a href="#main">Skip</a>\n<main id="main">\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n'
    )


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>News</title>
    <link>{BASE}</link>
    <description>All the news.</description>
    <lastBuildDate>Tue, 14 May 2024 00:00:00 +0000</lastBuildDate>
    <item>
      <title>One</title>
      <link>{BASE}2024/one/</link>
      <guid isPermaLink="true">{BASE}2024/one/</guid>
      <pubDate>Tue, 14 May 2024 00:00:00 +0000</pubDate>
      <description>First.</description>
    </item>
  </channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>News</title>
  <id>{BASE}atom.xml</id>
  <updated>2024-05-14T00:00:00+00:00</updated>
  <link rel="self" href="{BASE}atom.xml"/>
  <entry>
    <title>One</title>
    <id>{BASE}2024/one/</id>
    <updated>2024-05-14T00:00:00+00:00</updated>
    <link rel="alternate" href="{BASE}2024/one/"/>
    <summary>First.</summary>
  </entry>
</feed>
"""

JSON = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "News",
    "home_page_url": BASE,
    "feed_url": BASE + "feed.json",
    "items": [
        {
            "id": BASE + "2024/one/",
            "url": BASE + "2024/one/",
            "content_text": "First.",
            "date_published": "2024-05-14T00:00:00+00:00",
        }
    ],
}


def sitemap(*urls: str) -> str:
    entries = "".join(f"  <url>\n    <loc>{BASE}{u}</loc>\n  </url>\n" for u in urls)
    return f'<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n'


def make_site(out: Path) -> Path:
    """A small clean site: home, one briefing with an anchor link, a second list page, feeds, sitemap, 404."""
    files = {
        "index.html": page(
            "Home",
            '<a href="2024/one/index.html">One</a>\n<a href="page/2/index.html#main">Older</a>\n<a href="https://other.example/">elsewhere</a>',
        ),
        "page/2/index.html": page("Home, page 2", '<a href="../../index.html">Newer</a>', "../../"),
        "2024/one/index.html": page(
            "One",
            '<a href="../../index.html#main">Home</a>\n<a href="../../feed.xml">RSS</a>\n<a href="'
            + BASE
            + '2024/one/">self</a>',
            "../../",
        ),
        "404.html": page("Not found", '<a href="index.html">Home</a>'),
        "static/style.css": "body{}\n",
        "feed.xml": RSS,
        "atom.xml": ATOM,
        "feed.json": json.dumps(JSON, indent=2),
        "sitemap.xml": sitemap("", "page/2/", "2024/one/"),
        "pagefind/fragment/x.html": "<p>search index internals are not checked</p>",
    }
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    return out


def problems(out: Path) -> list[str]:
    return [str(p) for p in check_site(out, BASE, "output", workers=1).problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    return make_site(tmp_path / "output")


def test_clean_site_has_no_problems(site):
    report = check_site(site, BASE, "output", workers=1)
    assert [str(p) for p in report.problems] == []
    assert (report.pages, report.feeds) == (4, 3)


def test_broken_link_names_file_and_line(site):
    edit(site / "2024/one/index.html", "../../feed.xml", "../../fed.xml")
    assert problems(site) == [
        'output/2024/one/index.html:12: error: link "../../fed.xml" does not resolve: there is no output/fed.xml.\n'
        "  Fix the link, or make sure the page it names is built."
    ]


def test_missing_anchor(site):
    edit(site / "index.html", "page/2/index.html#main", "page/2/index.html#older")
    assert problems(site) == [
        'output/index.html:12: error: link "page/2/index.html#older" names anchor #older, but output/page/2/index.html has no element with id="older".\n'
        "  Fix the anchor, or add the id to the target page."
    ]


def test_link_above_the_root(site):
    edit(site / "404.html", 'href="index.html"', 'href="../index.html"')
    assert problems(site) == [
        'output/404.html:11: error: link "../index.html" does not resolve: it points above the site\'s root folder.\n'
        "  Use a link relative to the page, as the theme's link() does."
    ]


def test_unreachable_page(site):
    edit(site / "index.html", '<a href="page/2/index.html#main">Older</a>', "")
    assert problems(site) == [
        "output/page/2/index.html: error: not reachable from the home page by following links.\n"
        "  Link to it from a page that is reachable, or stop generating it."
    ]


def test_links_may_end_in_a_slash_or_name_a_folder(site):
    edit(site / "index.html", "2024/one/index.html", "2024/one/")
    edit(site / "page/2/index.html", "../../index.html", "../..")
    assert problems(site) == []


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "<title>One</title>",
            "<title> </title>",
            "output/2024/one/index.html: error: the page has no <title> (or an empty one).\n  Give the template a <title> block.",
        ),
        (
            '<html lang="en">',
            "<html>",
            'output/2024/one/index.html: error: <html> has no lang attribute.\n  Write <html lang="{{ site.language }}"> in the template.',
        ),
        (
            "<h1>One</h1>",
            "<h2>One</h2>",
            "output/2024/one/index.html: error: the page has 0 <h1> elements; it needs exactly one.\n  Keep one <h1> per page in the template (use <h2> below it).",
        ),
        (
            "<h1>One</h1>",
            "<h1>One</h1><h1>Two</h1>",
            "output/2024/one/index.html: error: the page has 2 <h1> elements; it needs exactly one.\n  Keep one <h1> per page in the template (use <h2> below it).",
        ),
    ],
)
def test_page_basics(site, old, new, message):
    edit(site / "2024/one/index.html", old, new)
    assert problems(site) == [message]


def test_h1_inside_a_comment_or_script_does_not_count(site):
    edit(
        site / "2024/one/index.html",
        "</main>",
        "<!-- <h1>old</h1> -->\n<script>var s = '<h1>x</h1>';</script>\n</main>",
    )
    assert problems(site) == []


def test_page_missing_from_sitemap(site):
    edit(site / "sitemap.xml", f"  <url>\n    <loc>{BASE}page/2/</loc>\n  </url>\n", "")
    assert problems(site) == [
        "output/page/2/index.html: error: the page is not listed in sitemap.xml.\n"
        '  List it in the sitemap, or mark it <meta name="robots" content="noindex">.'
    ]


def test_noindex_page_may_stay_out_of_the_sitemap(site):
    edit(site / "sitemap.xml", f"  <url>\n    <loc>{BASE}page/2/</loc>\n  </url>\n", "")
    edit(site / "page/2/index.html", "</head>", '<meta name="robots" content="noindex">\n</head>')
    assert problems(site) == []


def test_noindex_page_may_be_unlinked(site):
    edit(site / "index.html", '<a href="page/2/index.html#main">Older</a>', "")
    edit(site / "sitemap.xml", f"  <url>\n    <loc>{BASE}page/2/</loc>\n  </url>\n", "")
    edit(site / "page/2/index.html", "</head>", '<meta name="robots" content="noindex">\n</head>')
    assert problems(site) == []


def test_sitemap_entry_without_a_file(site):
    edit(
        site / "sitemap.xml",
        "</urlset>",
        f"  <url>\n    <loc>{BASE}2024/gone/</loc>\n  </url>\n</urlset>",
    )
    assert problems(site) == [
        f"output/sitemap.xml:13: error: <loc> {BASE}2024/gone/ has no file in output/.\n  Build the site again, or remove the entry."
    ]


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "<description>All the news.</description>",
            "",
            "output/feed.xml:3: error: <channel> has no <description>.",
        ),
        (
            f"<link>{BASE}2024/one/</link>",
            "<link>2024/one/</link>",
            "output/feed.xml:10: error: <item> <link> '2024/one/' is not an absolute http(s) URL.",
        ),
        (
            "<pubDate>Tue, 14 May 2024 00:00:00 +0000</pubDate>",
            "<pubDate>2024-05-14</pubDate>",
            "output/feed.xml:12: error: <pubDate> '2024-05-14' is not an RFC 822 date.",
        ),
        (
            "</channel>",
            f"<item><title>Two</title><guid>{BASE}2024/one/</guid></item>\n  </channel>",
            f"output/feed.xml:15: error: <guid> '{BASE}2024/one/' is used twice (first on line 11).",
        ),
        (
            "</channel>",
            "</chanel>",
            "output/feed.xml:15: error: not well-formed XML (mismatched tag).",
        ),
    ],
)
def test_rss_rules(site, old, new, message):
    edit(site / "feed.xml", old, new)
    assert problems(site) == [
        message + "\n  Fix sitegen/feeds.py or the theme that wrote it, and build again."
    ]


@pytest.mark.parametrize(
    "old, new, message",
    [
        (f"<id>{BASE}atom.xml</id>", "", "output/atom.xml:2: error: <feed> has no <id>."),
        (
            "<updated>2024-05-14T00:00:00+00:00</updated>\n    <link",
            "<updated>14 May 2024</updated>\n    <link",
            "output/atom.xml:10: error: <updated> '14 May 2024' is not an RFC 3339 date-time.",
        ),
        (
            f'<link rel="alternate" href="{BASE}2024/one/"/>',
            '<link rel="alternate" href="/2024/one/"/>',
            "output/atom.xml:11: error: <entry> <link> href '/2024/one/' is not an absolute http(s) URL.",
        ),
        (
            "</feed>",
            f"<entry><title>Two</title><id>{BASE}2024/one/</id><updated>2024-05-14T00:00:00Z</updated></entry>\n</feed>",
            f"output/atom.xml:14: error: entry <id> '{BASE}2024/one/' is used twice (first on line 9).",
        ),
    ],
)
def test_atom_rules(site, old, new, message):
    edit(site / "atom.xml", old, new)
    assert problems(site) == [
        message + "\n  Fix sitegen/feeds.py or the theme that wrote it, and build again."
    ]


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.pop("title"), 'the feed has no "title".'),
        (
            lambda d: d.update(home_page_url="/news/"),
            "\"home_page_url\" '/news/' is not an absolute http(s) URL.",
        ),
        (
            lambda d: d["items"][0].update(date_published="14/05/2024"),
            "item 1 \"date_published\" '14/05/2024' is not an RFC 3339 date-time.",
        ),
        (
            lambda d: d["items"].append(dict(d["items"][0])),
            f"item 2 \"id\" '{BASE}2024/one/' is used twice (first on item 1).",
        ),
        (
            lambda d: d["items"][0].pop("content_text"),
            'item 1 has neither "content_html" nor "content_text".',
        ),
    ],
)
def test_json_feed_rules(site, change, message):
    doc = json.loads((site / "feed.json").read_text())
    change(doc)
    (site / "feed.json").write_text(json.dumps(doc))
    assert problems(site) == [
        f"output/feed.json: error: {message}\n  Fix sitegen/feeds.py or the theme that wrote it, and build again."
    ]


@pytest.mark.parametrize(
    "text, ok",
    [
        ("2024-05-14T00:00:00+00:00", True),
        ("2024-05-14T10:20:30.5Z", True),
        ("2024-05-14", False),
        ("2024-05-14T00:00:00", False),
        ("2024-02-30T00:00:00Z", False),
    ],
)
def test_rfc3339(text, ok):
    assert is_rfc3339(text) is ok


@pytest.mark.parametrize(
    "text, ok",
    [
        ("Tue, 14 May 2024 00:00:00 +0000", True),
        ("14 May 2024 00:00:00 GMT", True),
        ("2024-05-14", False),
        ("", False),
    ],
)
def test_rfc822(text, ok):
    assert is_rfc822(text) is ok


def test_cli_check_exit_status_and_output(tmp_path, capsys):
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "sitegen.yaml").write_text(f"base_url: {BASE}\n", encoding="utf-8")
    make_site(site_dir / "output")
    assert main(["check", "--site", str(site_dir)]) == 0
    assert "check: 4 pages, 16 links, 3 feeds; 0 problem(s)" in capsys.readouterr().err
    edit(site_dir / "output/index.html", "2024/one/index.html", "2024/two/index.html")
    assert main(["check", "--site", str(site_dir)]) == 1
    err = capsys.readouterr().err
    assert (
        'output/index.html:11: error: link "2024/two/index.html" does not resolve: there is no output/2024/two/index.html.'
        in err
    )
    assert (
        "output/2024/one/index.html: error: not reachable from the home page by following links."
        in err
    )


def test_cli_check_without_a_build_is_a_usage_error(tmp_path, capsys):
    assert main(["check", "--site", str(tmp_path)]) == 2
    assert (
        f"error: no built site in {tmp_path / 'output'}; run `sitegen build` first, or pass --output DIR"
        in capsys.readouterr().err
    )


def test_a_new_site_builds_and_checks_clean(tmp_path, capsys):
    site_dir = tmp_path / "mysite"
    assert main(["new", str(site_dir), "--quiet"]) == 0
    assert main(["build", "--site", str(site_dir), "--check", "--quiet"]) == 0, (
        capsys.readouterr().err
    )
