"""Tests for HTML extraction: the text-density pass, declared page metadata, and the two extractors together."""

from __future__ import annotations

import lxml.html

from rashomon.htmlpage import choose_paragraphs, extract_html
from rashomon.pagemeta import page_meta
from rashomon.textdensity import article_paragraphs, text_blocks

PARAGRAPHS = [
    "The council voted on Monday to extend the night bus service to the three outer districts, officials said.",
    "Riders had asked for the change since the last train was moved earlier, leaving many without a way home.",
    "The first extended routes, which will cost about 2 million a year, start running in the spring, she added.",
    "Drivers' representatives said they welcomed the plan but wanted more staff before the routes are added.",
]


def _page(article: str, head: str = "") -> str:
    return (
        f"<html><head>{head}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/city'>City news</a></li></ul></nav>"
        f"<div class='layout'><div class='story-wrap'>{article}</div>"
        "<div class='related-links'><p>More on transport: the council's other plans for the city this year.</p></div>"
        "</div><footer><p>Copyright 2024 The Example Gazette, every right reserved for all readers.</p></footer>"
        "</body></html>"
    )


def _tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def test_article_paragraphs_skip_navigation_related_links_and_footer() -> None:
    html = _page("".join(f"<p>{p}</p>" for p in PARAGRAPHS))
    assert article_paragraphs(_tree(html)) == PARAGRAPHS


def test_article_split_over_sibling_wrappers_is_taken_whole() -> None:
    article = "".join(f"<div class='block'><div class='text'><p>{p}</p></div></div>" for p in PARAGRAPHS)
    assert article_paragraphs(_tree(_page(article))) == PARAGRAPHS


def test_comment_inside_a_paragraph_keeps_the_text_after_it() -> None:
    html = _page("<p>The council voted<!-- x --> on Monday to extend the bus service, officials said.</p>")
    assert article_paragraphs(_tree(html)) == ["The council voted on Monday to extend the bus service, officials said."]


def test_link_heavy_block_inside_the_article_is_dropped() -> None:
    links = "<p><a href='/a'>Read our full coverage of the night bus plan and every other route</a></p>"
    html = _page("".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + links + f"<p>{PARAGRAPHS[2]}</p>")
    assert article_paragraphs(_tree(html)) == PARAGRAPHS[:3]


def test_caption_and_share_bar_are_not_text_blocks() -> None:
    tree = _tree(
        "<html><body><div><figure><figcaption>A bus at the depot.</figcaption></figure>"
        "<div class='share-bar'>Share this on every network</div><p>Kept text.</p></div></body></html>"
    )
    assert [block.text for block in text_blocks(tree)] == ["Kept text."]


def test_page_without_article_text_has_no_paragraphs() -> None:
    assert article_paragraphs(_tree("<html><body><nav><a href='/'>Home</a></nav></body></html>")) == []


HEAD = """<title>Night buses reach the outer districts | The Example Gazette</title>
<meta property="og:site_name" content="The Example Gazette">
<meta name="author" content="By Ann Bee">
<meta property="article:published_time" content="2024-03-26T09:40:00Z">"""
JSON_LD = """<title>Night buses reach the outer districts - Gazette</title>
<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Not this"},
{"@type": "NewsArticle", "headline": "Night buses reach the outer districts", "datePublished": "2024-03-26",
"author": [{"@type": "Person", "name": "Ann Bee"}, {"@type": "Person", "name": "Cy Dee"}],
"publisher": {"@type": "Organization", "name": "Example Gazette"}}]}</script>
<script type="application/ld+json">{not json</script>"""


def test_metadata_from_meta_tags() -> None:
    meta = page_meta(_tree(_page("<p>x</p>", HEAD)))
    assert (meta.title, meta.author, meta.date, meta.sitename) == (
        "Night buses reach the outer districts",
        "Ann Bee",
        "2024-03-26T09:40:00Z",
        "The Example Gazette",
    )


def test_metadata_from_json_ld_graph() -> None:
    meta = page_meta(_tree(_page("<p>x</p>", JSON_LD)))
    assert (meta.title, meta.author, meta.date, meta.sitename) == (
        "Night buses reach the outer districts",
        "Ann Bee, Cy Dee",
        "2024-03-26",
        "Example Gazette",
    )


def test_undeclared_metadata_is_none_and_author_url_is_not_a_name() -> None:
    head = '<meta property="article:author" content="https://example.org/staff/ann">'
    meta = page_meta(_tree(_page("<p>Published 2023. Copyright 2024.</p>", head)))
    assert (meta.author, meta.date, meta.sitename) == (None, None, None)


def test_extract_html_takes_paragraphs_and_declared_metadata() -> None:
    extraction = extract_html(_page("".join(f"<p>{p}</p>" for p in PARAGRAPHS), HEAD))
    assert extraction is not None
    assert extraction.paragraphs == PARAGRAPHS
    assert (extraction.title, extraction.author, extraction.sitename) == (
        "Night buses reach the outer districts",
        "Ann Bee",
        "The Example Gazette",
    )


def test_text_density_paragraphs_replace_a_partial_trafilatura_extraction() -> None:
    assert choose_paragraphs(PARAGRAPHS[:1], PARAGRAPHS) == PARAGRAPHS
    assert choose_paragraphs(PARAGRAPHS[:3], PARAGRAPHS) == PARAGRAPHS[:3]
    assert choose_paragraphs([], []) == []


def test_extract_html_of_markup_without_text_is_none() -> None:
    assert extract_html("<html><body><div></div></body></html>") is None
    assert extract_html("") is None
