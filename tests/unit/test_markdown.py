"""The Markdown renderer: raw HTML off, only safe link schemes."""

from __future__ import annotations

import pytest

from sitegen.content.markdown import is_safe_link, render


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a",
        "http://x",
        "mailto:desk@example.org",
        "../2023/",
        "page.html#x",
        "/abs/path",
        "#frag",
    ],
)
def test_safe_links_are_allowed(url):
    assert is_safe_link(url)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " java\tscript:alert(1)",
        "data:text/html,<b>",
        "vbscript:x",
        "file:///etc/passwd",
    ],
)
def test_other_schemes_are_refused(url):
    assert not is_safe_link(url)


def test_raw_html_is_text():
    assert (
        render("<script>alert(1)</script> <b onclick=x>hi</b>")
        == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b onclick=x&gt;hi&lt;/b&gt;</p>\n"
    )


def test_javascript_link_is_not_a_link():
    assert "href" not in render("[x](javascript:alert(1))")


def test_https_link_is_a_link():
    assert render("[x](https://example.org)") == '<p><a href="https://example.org">x</a></p>\n'


def test_body_headings_start_at_h2_so_the_headline_stays_the_only_h1():
    assert (
        render("# Background\n\n## Detail\n\n###### Deep\n")
        == "<h2>Background</h2>\n<h3>Detail</h3>\n<h6>Deep</h6>\n"
    )


def test_bodies_that_already_start_at_h2_keep_their_levels():
    assert render("## The embassy\n\n### Staff\n") == "<h2>The embassy</h2>\n<h3>Staff</h3>\n"
