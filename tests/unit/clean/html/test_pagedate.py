"""Tests for a page's publication date: what its markup declares, the date lines it shows, and the order of trust."""

from __future__ import annotations

from datetime import datetime

import pytest

from rashomon.clean.html.page import parse_html
from rashomon.clean.html.pagedate import address_date, page_date
from rashomon.clean.html.pagemeta import page_meta

STORY = (
    "<p>The council voted on Monday to extend the night bus service to the three outer districts, officials said.</p>"
    "<p>Riders had asked for the change since the last train was moved earlier in the year, leaving many stranded.</p>"
)
TEASERS = "".join(
    f"<div class='teaser'><a href='/s{day}'>Other story {day}</a><span class='teaser__date'>{day} May 2024</span></div>"
    for day in (7, 8, 9)
)
FOOTER = "<footer><p>© 12 January 2024 The Example Gazette</p></footer>"


TITLE = "<title>Night buses return | The Example Gazette</title>"


def _date(body: str, head: str = TITLE, url: str | None = None, crawled: datetime | None = None) -> str | None:
    tree = parse_html(f"<html lang='en-GB'><head>{head}</head><body>{body}</body></html>")
    assert tree is not None
    return page_meta(tree, url, crawled).date


def test_declared_publication_wins_over_modification_and_shown_dates() -> None:
    head = (
        '<meta property="article:modified_time" content="2024-05-04T08:00:00+02:00">'
        '<meta property="article:published_time" content="2024-05-03T09:40:00+02:00">'
    )
    body = f"<h1>Night buses return</h1><p class='date'>Updated 4 May 2024, 08:00</p>{STORY}"
    assert _date(body, head) == "2024-05-03T09:40:00+02:00"


def test_the_earliest_declared_publication_date_is_taken() -> None:
    head = (
        '<meta name="date" content="2024-05-04">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-03T22:10:00Z"}</script>'
    )
    assert _date(STORY, head) == "2024-05-03T22:10:00+00:00"


def test_json_ld_of_embedded_media_and_placeholders_are_not_the_articles_dates() -> None:
    head = (
        '<script type="application/ld+json">[{"@type": "VideoObject", "datePublished": "2023-01-01"},'
        '{"@type": "ReportageNewsArticle", "datePublished": "2024-05-03", "dateCreated": "2024-05-02"}]</script>'
        '<meta property="article:published_time" content="1970-01-01T00:00:00Z">'
    )
    assert _date(STORY, head) == "2024-05-03"


def test_the_date_line_by_the_headline_beats_teasers_footers_and_body_dates() -> None:
    body = (
        f"<header><h1>Night buses return</h1><div class='byline'>By Ann Bee | 3 May 2024, 09:40</div></header>"
        f"{STORY}<p>The service was first cut on 2 February 2019, after a vote that the mayor later regretted.</p>"
        f"{TEASERS}{FOOTER}"
    )
    assert _date(body) == "2024-05-03T09:40:00"


def test_a_published_line_beats_an_updated_line() -> None:
    body = (
        "<h1>Night buses return</h1><p class='meta'><span>Updated 5 May 2024, 18:00</span> "
        f"<span>Published 3 May 2024, 09:40</span></p>{STORY}"
    )
    assert _date(body) == "2024-05-03T09:40:00"


def test_machine_readable_dates_and_microformats() -> None:
    body = (
        "<h1>Night buses return</h1><time class='entry-date published' datetime='2024-05-03T09:40:00+01:00'>"
        f"Friday</time>{STORY}"
    )
    assert _date(body) == "2024-05-03T09:40:00+01:00"
    blog = f"<h1>Night buses return</h1><abbr class='published' title='2024-05-03'>Friday morning</abbr>{STORY}"
    assert _date(blog) == "2024-05-03"


def test_comment_and_list_dates_are_passed_over() -> None:
    comments = "".join(
        f"<div class='c'><span class='when'>{day} May 2024, 10:00</span><p>I agree with the council.</p></div>"
        for day in (4, 5, 6)
    )
    body = f"<h1>Night buses return</h1><p class='date'>3 May 2024</p>{STORY}<section>{comments}</section>"
    assert _date(body) == "2024-05-03"


def test_the_days_date_in_the_top_bar_is_not_the_articles() -> None:
    body = (
        "<div class='topbar-today-date'>Tuesday, 25 November 2025</div><h1>Night buses return</h1>"
        f"<span class='post-date'>6 November 2025</span>{STORY}"
    )
    assert _date(body) == "2025-11-06"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en-US", "2024-05-06"), ("en-GB", "2024-06-05"), ("de", "2024-06-05")],
)
def test_open_numeric_dates_follow_the_pages_language(language: str, expected: str) -> None:
    tree = parse_html(
        f"<html lang='{language}'><head><title>Night buses return</title></head><body><h1>Night buses return</h1>"
        f"<p class='date'>05/06/2024</p>{STORY}</body></html>"
    )
    assert tree is not None
    assert page_meta(tree).date == expected


def test_a_links_address_is_no_date_line() -> None:
    body = f"<h1>Night buses return</h1><p>https://example.com/2016/09/20/night-buses</p><p>Sept. 19, 2016</p>{STORY}"
    assert _date(body) == "2016-09-19"


def test_relative_date_lines_need_the_fetch_time() -> None:
    body = f"<h1>Night buses return</h1><span class='date'>vor 3 Stunden</span>{STORY}"
    assert _date(body) is None
    assert _date(body, crawled=datetime(2024, 5, 3, 10, 0)) == "2024-05-03"


def test_fallbacks_address_then_scripts_then_modification() -> None:
    assert address_date("https://example.com/news/2024/05/03/night-buses") is not None
    assert address_date("https://example.com/news/20240503/night-buses") is not None
    assert address_date("https://example.com/news/2024/05/night-buses") is None
    canonical = '<link rel="canonical" href="https://example.com/2024/05/03/night-buses">'
    assert _date(STORY, canonical) == "2024-05-03"
    assert _date(STORY, url="https://example.com/2024-05-02-night-buses") == "2024-05-02"
    state = '<script>window.__STATE__ = {"story": {"publishedAt": "2024-05-01T07:00:00Z"}}</script>'
    assert _date(STORY + state) == "2024-05-01T07:00:00+00:00"
    modified = '<meta property="article:modified_time" content="2024-04-30">'
    assert _date(STORY, modified) == "2024-04-30"
    assert _date(STORY) is None


def test_page_date_reads_parsely_metadata() -> None:
    tree = parse_html(
        '<html><head><meta name="parsely-page" content=\'{"pub_date": "2024-05-03T09:40:00Z"}\'></head>'
        f"<body>{STORY}</body></html>"
    )
    assert tree is not None
    assert page_date(tree, {"parsely-page": '{"pub_date": "2024-05-03T09:40:00Z"}'}, False) == (
        "2024-05-03T09:40:00+00:00"
    )


def test_a_web_pages_date_only_stands_in_for_the_articles() -> None:
    head = (
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "datePublished": "2015-03-01"},'
        '{"@type": "NewsArticle", "datePublished": "2024-05-03"}]}</script>'
    )
    assert _date(STORY, head) == "2024-05-03"
    page_only = '<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2024-05-02"}</script>'
    assert _date(STORY, page_only) == "2024-05-02"


def test_meta_tags_written_with_value_instead_of_content_are_read() -> None:
    head = '<meta value="2024-05-03T09:40:00+02:00" name="article:published_time">'
    assert _date(f"<h1>Night buses return</h1>{STORY}", head) == "2024-05-03T09:40:00+02:00"


@pytest.mark.parametrize(
    ("declared", "shown", "expected"),
    [
        # the evening before in the page's own time zone, or a bare day written as midnight UTC: the shown day
        ("2024-05-04T01:32:00+00:00", "3 May 2024", "2024-05-03"),
        ("2024-05-04T00:00:00.000Z", "May 3, 2024", "2024-05-03"),
        # a later hour, or a shown day that is not the one before: the declared time stands
        ("2024-05-04T09:40:00Z", "3 May 2024", "2024-05-04T09:40:00"),
        ("2024-05-04T01:32:00+00:00", "1 May 2024", "2024-05-04T01:32:00+00:00"),
        ("2024-05-04T01:32:00+02:00", "3 May 2024", "2024-05-04T01:32:00+02:00"),
    ],
)
def test_a_utc_time_in_the_small_hours_gives_way_to_the_day_before_shown(
    declared: str, shown: str, expected: str
) -> None:
    head = f'{TITLE}<meta property="article:published_time" content="{declared}">'
    body = f"<h1>Night buses return</h1><p class='date'>{shown}</p>{STORY}"
    assert (_date(body, head) or "")[: len(expected)] == expected


@pytest.mark.parametrize(
    "shown",
    [
        "<aside><a href='/x'>Council budget</a> <time datetime='2024-05-03'>May 3, 2024</time></aside>",
        "<p>The council had first met on May 3, 2024, to debate the plan for the night buses.</p>",
    ],
)
def test_a_teasers_date_or_a_date_in_running_text_moves_no_declared_day(shown: str) -> None:
    head = f'{TITLE}<meta property="article:published_time" content="2024-05-04T01:30:00Z">'
    assert _date(f"<h1>Night buses return</h1>{shown}{STORY}", head) == "2024-05-04T01:30:00+00:00"
