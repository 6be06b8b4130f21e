"""Tests for the lead of an article cut short by a paywall or a login prompt (`page.headline_lead`)."""

from __future__ import annotations

import json

from rashomon.clean.article import clean
from rashomon.clean.html.page import extract_html, headline_lead, parse_html
from rashomon.clean.html.pagemeta import declares_article, page_meta
from rashomon.clean.page_text import reads_like_body
from rashomon.model import Article, RawDocument, Rejected

HEADLINE = "Harbour ferry operator loses its licence after repeated safety lapses"
LEAD = "The port authority said on Tuesday that the operator had ignored three warnings about its lifeboats."
TEASERS = (
    "<ul class='more-stories'>"
    "<li><a href='/a'><h3>Bridge repairs to close the east road for a week</h3>"
    "<p>Engineers found cracks in two of the supports during an inspection last month, the city said.</p></a></li>"
    "<li><a href='/b'><h3>Library opens its new reading room to the public</h3>"
    "<p>The room, paid for by a local foundation, holds some four thousand books and a small cafe.</p></a></li>"
    "</ul>"
)


def _page(head: str, header: str, article: str = "<article class='story-body'><div id='app'></div></article>") -> str:
    """A page whose article body is loaded by script: the markup and density passes find no article text in it
    (its only prose outside links is in its header, an aside and its footer, none holding half of it)."""
    return (
        f"<html><head>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/city'>City</a></nav>"
        f"<main><header class='story-header'>{header}</header>{article}"
        "<div class='members-only'>Members only</div>"
        f"<section class='related'><h2>Read more</h2>{TEASERS}</section></main>"
        "<aside><p>We may earn a small share of the sale when a reader buys something through one of the links we"
        " show here.</p></aside>"
        "<footer><p>Copying any article, headline or picture on this site without our written leave is forbidden"
        " by law.</p></footer></body></html>"
    )


PAYWALLED = _page(
    f"<title>{HEADLINE} | The Example Post</title><meta property='og:type' content='article'>",
    f"<h1>{HEADLINE}</h1><p class='summary'>{LEAD}</p><time datetime='2024-03-05'>5 March 2024</time>",
)


def _clean(html: str) -> Article | Rejected:
    return clean(RawDocument(id="page", source="test", kind="html", content=html))


def test_the_markup_and_density_passes_find_nothing_on_a_cut_short_page() -> None:
    assert extract_html(PAYWALLED) is None


def test_a_cut_short_article_keeps_its_headline_lead_and_date() -> None:
    article = _clean(PAYWALLED)
    assert isinstance(article, Article)
    assert article.text == LEAD
    assert article.title == HEADLINE
    assert article.published is not None and article.published.startswith("2024-03-05")


def test_the_lead_is_found_under_the_headline_in_any_language() -> None:
    headline = "市営フェリーの運航会社、安全違反で免許を取り消される"
    lead = "港湾局は5日、運航会社が救命ボートに関する三度の警告を無視していたと発表した。"
    html = _page(
        f"<title>{headline} | 例の新聞</title><meta property='og:type' content='article'>",
        f"<h1>{headline}</h1><p>{lead}</p>",
    )
    assert headline_lead(parse_html(html), reads_like_body) == [lead]


def test_teasers_in_links_beside_the_headline_are_no_lead() -> None:
    html = _page(
        f"<title>{HEADLINE}</title><meta property='og:type' content='article'>",
        f"<h1>{HEADLINE}</h1>{TEASERS}",
    )
    assert headline_lead(parse_html(html), reads_like_body) == []
    assert isinstance(_clean(html), Rejected)


def test_a_page_that_declares_no_article_gives_no_lead() -> None:
    html = _page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1><p>{LEAD}</p>", article="<div id='app'></div>")
    assert headline_lead(parse_html(html), reads_like_body) == []


def test_a_section_front_does_not_become_an_article_of_its_blurb() -> None:
    blurb = "The latest news, analysis and opinion from every corner of the city, updated around the clock."
    html = _page(
        "<title>City news | The Example Post</title><meta property='og:type' content='article'>",
        f"<h1>City news</h1><p>{blurb}</p>",
    )
    assert isinstance(_clean(html), Rejected)


def test_a_site_name_heading_does_not_make_its_slogan_an_article() -> None:
    slogan = "Independent reporting on the harbour towns and their people since the year nineteen hundred."
    html = _page(
        "<title>The Example Harbour Post</title><meta property='og:site_name' content='The Example Harbour Post'>"
        "<meta property='og:type' content='article'>",
        f"<h1>The Example Harbour Post</h1><p>{slogan}</p>",
    )
    assert isinstance(_clean(html), Rejected)


def test_a_headline_that_restates_no_declared_title_gives_no_lead() -> None:
    html = _page(
        "<title>Photos of the week | The Example Post</title><meta property='og:type' content='article'>",
        f"<h1>{HEADLINE}</h1><p>{LEAD}</p>",
    )
    assert headline_lead(parse_html(html), reads_like_body) == []


def test_a_json_ld_type_that_is_no_name_declares_nothing() -> None:
    ld = json.dumps({"@type": {"name": "NewsArticle"}, "headline": "A headline of no declared type at all"})
    tree = parse_html(f"<html><head><script type='application/ld+json'>{ld}</script></head><body></body></html>")
    assert not declares_article(tree)
    assert page_meta(tree).title is None


def test_a_login_prompt_is_no_lead() -> None:
    prompt = "To continue reading this story you need to sign in to your account or subscribe today."
    with_prompt = _page(
        f"<title>{HEADLINE} | The Example Post</title><meta property='og:type' content='article'>",
        f"<h1>{HEADLINE}</h1><p class='summary'>{LEAD}</p><p>{prompt}</p>",
    )
    assert headline_lead(parse_html(with_prompt), reads_like_body) == [LEAD], "the lead without the prompt"
    wall = _page(
        f"<title>{HEADLINE} | The Example Post</title><meta property='og:type' content='article'>",
        f"<h1>{HEADLINE}</h1><p>{prompt}</p>",
    )
    assert isinstance(_clean(wall), Rejected), "a login wall with no lead holds no article text"
