"""Tests for the metadata cleaning reads off a page: its own address, its headline beside interface labels and the
site's name, the outlet in a copyright line (not a photo credit), and the posting line that dates flattened text."""

from __future__ import annotations

import pytest

from rashomon.clean.article import clean
from rashomon.clean.page_facts import outlet_named
from rashomon.model import Article, RawDocument

BODY = [
    "The lighthouse keepers' union agreed on Monday to a new rota that shortens the winter night shifts.",
    "Members voted by a wide margin after three weeks of talks with the coastal authority, its chair said.",
    "The authority expects the first crews to work the shorter shifts from the start of next month onwards.",
    "Keepers on the two island stations will also get an extra boat crossing each week during the storms.",
]
HEADLINE = "Lighthouse keepers accept shorter winter shifts"


def _article(content: str, kind: str = "text") -> Article:
    result = clean(RawDocument(id="p1", source="p1.txt", kind=kind, content=content))  # type: ignore[arg-type]
    assert isinstance(result, Article), result
    return result


def _html(head: str, before_body: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return f"<html><head>{head}</head><body>{before_body}<article>{paragraphs}</article></body></html>"


@pytest.mark.parametrize(
    ("head", "url"),
    [
        (
            '<link rel="canonical" href="https://coastnews.example/2024/05/06/keepers">',
            "https://coastnews.example/2024/05/06/keepers",
        ),
        (
            '<meta property="og:url" content="https://www.coastnews.example/keepers">',
            "https://www.coastnews.example/keepers",
        ),
        ('<link rel="canonical" href="/keepers">', None),
    ],
)
def test_html_page_gives_its_own_address(head: str, url: str | None) -> None:
    article = _article(_html(f"<title>{HEADLINE}</title>{head}"), kind="html")
    assert article.url == url
    if url:
        # With no site name declared, the outlet is the address's domain.
        assert article.outlet == "coastnews.example"
        assert ("url", "the page's markup") in article.provenance


def test_address_given_with_the_input_wins_over_the_pages() -> None:
    html = _html('<link rel="canonical" href="https://coastnews.example/keepers">')
    result = clean(RawDocument(id="p1", source="p1", kind="html", content=html, url="https://mirror.example/k"))
    assert isinstance(result, Article)
    assert result.url == "https://mirror.example/k"


def test_site_title_heading_is_not_the_headline() -> None:
    html = _html(f"<title>{HEADLINE} - Coast News</title>", '<h1 id="site-title">Coast News</h1>')
    assert _article(html, kind="html").title == HEADLINE


def test_headline_heading_is_kept_when_the_title_holds_it() -> None:
    html = _html(f"<title>{HEADLINE} | Coast News</title>", f"<h1>{HEADLINE}</h1>")
    assert _article(html, kind="html").title == HEADLINE


@pytest.mark.parametrize("label", ["Skip to content", "Close the menu", "Subscribe Sign in", "Zum Inhalt springen"])
def test_flattened_headline_is_the_line_the_page_title_holds(label: str) -> None:
    page = "\n".join([f"{HEADLINE} | Harbours | Coast News", label, "Weather Tides Harbours", HEADLINE, *BODY])
    assert _article(page).title == HEADLINE


def test_flattened_interface_label_is_never_the_title() -> None:
    page = "\n".join([f"{HEADLINE} | Coast News", "Skip to content", "Close the menu", *BODY])
    # No line holds the headline alone: the page title without the outlet's name is the best reading.
    assert _article(page).title == HEADLINE


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("© 2024 Coast News", "Coast News"),
        ("© Copyright 2023 Coast News, LLC, a part of Example Holdings, LLC.", "Coast News"),
        ("©All Rights Reserved Coast Institute 2024, a charity", "Coast Institute"),
        ("copyright Coast News 2024 - ISSN: 1234-5678", "Coast News"),
        ("© 2019-2024 The Coast Post. All rights reserved.", "The Coast Post"),
        ("© Jane Roe", None),
        ("© Jane Roe Keepers rowing out to the island station at dawn.", None),
    ],
)
def test_outlet_from_a_copyright_line_with_its_year(line: str, outlet: str | None) -> None:
    assert outlet_named([line]) == outlet


@pytest.mark.parametrize(
    ("posting", "published"),
    [
        ("Posted by Jane Roe on May 6, 2024, 6:21 AM EST", "2024-05-06T06:21:00-05:00"),
        ("05/16/2024 by Jane Roe", "2024-05-16"),
        ("May 6, 2024 at 9:08 GMT 1 day ago", "2024-05-06T09:08:00+00:00"),
    ],
)
def test_flattened_page_is_dated_by_its_posting_line(posting: str, published: str) -> None:
    page = "\n".join(["Coast News", "Weather Tides Harbours", HEADLINE, posting, *BODY, "Share this story"])
    assert _article(page).published == published


def test_a_list_of_dated_teasers_does_not_date_the_page() -> None:
    teasers = ["Ferry timetable changes for summer", "March 3, 2023", "New pier opens in the north", "April 9, 2022"]
    page = "\n".join(["Coast News", HEADLINE, *teasers, *BODY])
    assert _article(page).published is None


def test_copyright_line_without_a_year_counts_only_past_the_article() -> None:
    lines = ["Coast News", "© Jane Roe", "A keeper rows out to the station.", "Share", "© The Coast Post."]
    # From line 3 on (past the article): the footer's line; the photo credit above it is not the outlet.
    assert outlet_named(lines, 3) == "The Coast Post"
    assert outlet_named(lines[:3], 3) is None
    assert outlet_named(["© Coast News Limited - Reprints on request"], 0) == "Coast News"


def test_flattened_page_outlet_skips_a_photo_credit_inside_the_article() -> None:
    page = "\n".join([HEADLINE, BODY[0], BODY[1], "© Jane Roe", BODY[2], BODY[3], "Share", "© The Coast Post"])
    assert _article(page).outlet == "The Coast Post"
