"""Tests for the markup pass: trafilatura's container names and pruning rules over a page's blocks."""

from __future__ import annotations

from rashomon.clean.html.markuphints import hinted_containers
from tests.unit.clean.html.blocks import hinted_lines, page_of

PARAGRAPHS = [
    "The council voted on Monday to extend the night bus service to the three outer districts, officials said.",
    "Riders had asked for the change since the last train was moved earlier, leaving many without a way home.",
    "The first extended routes, which will cost about 2 million a year, start running in the spring, she added.",
]
TEXT = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def test_the_most_trusted_container_wins_over_an_earlier_article_element() -> None:
    page = page_of(f"<article><p>A teaser for another story.</p></article><div class='entry-content'>{TEXT}</div>")
    assert [element.attributes.get("class") for element in hinted_containers(page)] == ["entry-content", None]
    assert hinted_lines(page) == PARAGRAPHS


def test_a_container_inside_an_aside_is_not_taken() -> None:
    page = page_of(f"<aside><div class='post-content'><p>Sidebar one.</p><p>Sidebar two.</p></div></aside>{TEXT}")
    assert list(hinted_containers(page)) == []
    assert hinted_lines(page) is None


def test_boilerplate_inside_the_container_is_pruned_but_not_a_wrapper_around_it() -> None:
    body = (
        "<div class='post-bottom'><div class='article-body'>"
        f"<p>{PARAGRAPHS[0]}</p><div class='teaser'><p>Read next: the tram plan.</p></div>"
        f"<div class='share-tools'><p>Share this story with everyone you know.</p></div><p>{PARAGRAPHS[1]}</p>"
        "</div></div>"
    )
    assert hinted_lines(page_of(body)) == PARAGRAPHS[:2]


def test_a_wrapper_with_a_guarded_name_is_kept_but_furniture_inside_it_is_not() -> None:
    body = (
        f"<div class='article-body'><div class='js_expandable-container'>{TEXT}"
        "<aside><p>Related: the tram plan, and what it means for the outer districts.</p></aside></div></div>"
    )
    assert hinted_lines(page_of(body)) == PARAGRAPHS


def test_guarded_names_are_not_applied_where_they_would_take_nearly_all_the_text() -> None:
    slides = "".join(f"<div class='slide'><p>{p}</p></div>" for p in PARAGRAPHS)
    assert hinted_lines(page_of(f"<div class='article-body'>{slides}<p>Short.</p></div>")) == [
        *PARAGRAPHS,
        "Short.",
    ]


def test_loose_div_text_and_trailing_headings_are_dropped_from_a_container_with_paragraphs() -> None:
    body = f"<div class='article-body'><div>Photo: the depot</div>{TEXT}<h3>Most read</h3></div>"
    assert hinted_lines(page_of(body)) == PARAGRAPHS


def test_a_container_with_one_line_gives_way_to_the_next_level() -> None:
    page = page_of(f"<div class='article-body'><p>Only a standfirst.</p></div><main>{TEXT}</main>")
    assert hinted_lines(page) == PARAGRAPHS


def test_readers_comments_inside_the_container_are_left_out() -> None:
    comments = "".join(
        f"<div class='commentText'><p>{p} I could not agree more with this post.</p></div>" for p in PARAGRAPHS
    )
    page = page_of(f"<div class='entry-content'>{TEXT}<div id='comments'>{comments}</div></div>")
    assert hinted_lines(page) == PARAGRAPHS


def test_related_stories_galleries_and_comment_boxes_inside_the_container_are_left_out() -> None:
    teasers = "".join(f"<p>{p} Read the full story.</p>" for p in PARAGRAPHS)
    for name in ("related-posts", "photo-gallery", "commentsDiv"):
        page = page_of(f"<div class='entry-content'>{TEXT}<div class='{name}'>{teasers}</div></div>")
        assert hinted_lines(page) == PARAGRAPHS, name
