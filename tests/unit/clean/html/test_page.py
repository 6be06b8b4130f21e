"""Tests for HTML extraction: parsing, declared page metadata, and the two article passes together."""

from __future__ import annotations

import json

import pytest

from rashomon.clean.html.page import article_paragraphs, choose_paragraphs, extract_html, parse_html
from rashomon.clean.html.pagemeta import page_meta

PARAGRAPHS = [
    "The council voted on Monday to extend the night bus service to the three outer districts, officials said.",
    "Riders had asked for the change since the last train was moved earlier, leaving many without a way home.",
    "The first extended routes, which will cost about 2 million a year, start running in the spring, she added.",
    "Drivers' representatives said they welcomed the plan but wanted more staff before the routes are added.",
]


def _page(article: str, head: str = "", wrapper: str = "story-wrap") -> str:
    return (
        f"<html><head>{head}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/city'>City news</a></li></ul></nav>"
        f"<div class='layout'><div class='{wrapper}'>{article}</div>"
        "<div class='related-links'><p>More on transport: the council's other plans for the city this year.</p></div>"
        "</div><footer><p>Copyright 2024 The Example Gazette, every right reserved for all readers.</p></footer>"
        "</body></html>"
    )


def test_article_paragraphs_by_density_where_the_markup_names_no_container() -> None:
    assert article_paragraphs(parse_html(_page("".join(f"<p>{p}</p>" for p in PARAGRAPHS)))) == PARAGRAPHS


def test_article_paragraphs_from_the_container_the_markup_names() -> None:
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "<div class='teaser'><p>Read next: a teaser.</p></div>"
    html = _page(article, wrapper="article-body")
    assert article_paragraphs(parse_html(html)) == PARAGRAPHS


def test_markup_pass_is_overruled_when_it_holds_a_small_part_of_the_article() -> None:
    assert choose_paragraphs(PARAGRAPHS[:1], PARAGRAPHS) == PARAGRAPHS
    assert choose_paragraphs(PARAGRAPHS[:3], PARAGRAPHS) == PARAGRAPHS[:3]
    assert choose_paragraphs(None, PARAGRAPHS) == PARAGRAPHS
    assert choose_paragraphs(None, []) == []


def test_parse_drops_comments_but_keeps_the_text_after_them() -> None:
    html = _page("<p>The council voted<!-- x --> on Monday to extend the night bus service, officials said.</p>")
    assert article_paragraphs(parse_html(html)) == [
        "The council voted on Monday to extend the night bus service, officials said."
    ]


def test_parse_reads_a_page_that_declares_its_encoding_in_an_xml_prolog() -> None:
    tree = parse_html('<?xml version="1.0" encoding="iso-8859-1"?>' + _page(f"<p>{PARAGRAPHS[0]}</p>"))
    assert tree is not None
    assert article_paragraphs(tree) == PARAGRAPHS[:1]


def test_parse_keeps_the_text_after_a_lone_surrogate() -> None:
    # A JSON export may hold an unpaired "\ud83d" escape; the text after it must not be lost.
    text = PARAGRAPHS[0].replace("Monday", "Monday \ud83d")
    tree = parse_html(_page(f"<p>{text}</p>"))
    assert tree is not None
    # The parser drops the unpaired half (RawDocument has already made it U+FFFD on the pipeline's way in).
    assert article_paragraphs(tree) == [PARAGRAPHS[0]]


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
    meta = page_meta(parse_html(_page("<p>x</p>", HEAD)))
    assert (meta.title, meta.author, meta.date, meta.sitename) == (
        "Night buses reach the outer districts",
        "Ann Bee",
        "2024-03-26T09:40:00+00:00",
        "The Example Gazette",
    )


def test_metadata_from_json_ld_graph() -> None:
    meta = page_meta(parse_html(_page("<p>x</p>", JSON_LD)))
    assert (meta.title, meta.author, meta.date, meta.sitename) == (
        "Night buses reach the outer districts",
        "Ann Bee, Cy Dee",
        "2024-03-26",
        "Example Gazette",
    )


def test_title_falls_back_to_the_first_heading_then_the_title_without_the_outlet() -> None:
    assert page_meta(parse_html(_page("<h1>Night <em>buses</em> return</h1><p>x</p>"))).title == "Night buses return"
    head = "<title>Night buses return | The Example Gazette</title>"
    assert page_meta(parse_html(_page("<p>x</p>", head))).title == "Night buses return"


@pytest.mark.parametrize(
    ("page", "language"),
    [
        ("<html lang='pt-BR'><body><p>x</p></body></html>", "pt-BR"),
        (_page("<p>x</p>", '<meta http-equiv="Content-Language" content="de">'), "de"),
        (_page("<p>x</p>", '<meta property="og:locale" content="ru_RU">'), "ru_RU"),
        (
            _page(
                "<p>x</p>", '<script type="application/ld+json">{"@type": "NewsArticle", "inLanguage": "it"}</script>'
            ),
            "it",
        ),
        (_page("<p>x</p>"), None),
    ],
)
def test_declared_language(page: str, language: str | None) -> None:
    assert page_meta(parse_html(page)).language == language


def test_undeclared_metadata_is_none_and_author_url_is_not_a_name() -> None:
    head = '<meta property="article:author" content="https://example.org/staff/ann">'
    meta = page_meta(parse_html(_page("<p>Published 2023. Copyright 2024.</p>", head)))
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


def test_extract_html_of_markup_without_text_is_none() -> None:
    assert extract_html("<html><body><div></div></body></html>") is None
    assert extract_html("<html><body><nav><a href='/'>Home</a></nav></body></html>") is None
    assert extract_html("") is None


def test_a_title_left_open_does_not_swallow_the_page() -> None:
    # A damaged page: its <title> lost its end tag, so the parser reads all that follows as the title's text.
    html = "<html><head><title>Night buses extended to the outer districts\n" + _page(
        "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    ).removeprefix("<html><head></head>")
    extraction = extract_html(html)
    assert extraction is not None
    assert extraction.paragraphs == PARAGRAPHS


def test_a_script_whose_tag_lost_a_quote_does_not_swallow_the_page() -> None:
    html = (
        '<html><head><script src="/te.js>\nvar x = 1;\n</script>\n<link href="/a.css" rel="stylesheet">\n'
        "</head><body>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "<script>var z = 3;</script></body></html>"
    )
    extraction = extract_html(html)
    assert extraction is not None
    assert extraction.paragraphs == PARAGRAPHS


def test_an_article_only_in_the_page_scripts_is_read_from_them() -> None:
    markup = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    flight = json.dumps(json.dumps(["$", "div", None, {"dangerouslySetInnerHTML": {"__html": markup}}]))
    html = (
        "<html><head><title>Night buses</title></head><body><main><div>Loading</div></main>"
        f"<script>self.__next_f.push([1,{flight}])</script></body></html>"
    )
    extraction = extract_html(html)
    assert extraction is not None
    assert extraction.paragraphs == PARAGRAPHS
