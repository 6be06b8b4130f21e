"""Tests for boxes of links inside an article container (`linkboxes`), through both article passes."""

from __future__ import annotations

from rashomon.clean.html.linkboxes import link_boxes
from rashomon.clean.html.textdensity import density_paragraphs
from tests.unit.clean.html.blocks import hinted_lines, page_of

PARAGRAPHS = [
    "The harbour board agreed on Tuesday to dredge the old channel before the autumn storms arrive, a spokesman said.",
    "Fishing crews had warned for two winters that the silted entrance left their boats stranded at low tide.",
    "Work is due to begin next month and should take about six weeks, weather permitting, the board added.",
    "Local traders said they hoped the deeper channel would also bring back the small cruise ships of past summers.",
]
TEXT = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
# A "most read" panel: a label, rank numbers and headline links, none of them long enough to score as a paragraph.
PANEL = (
    "<div><div>MOST READ TODAY</div><ol>"
    + "".join(
        f"<li><span>{rank}</span><a href='/s/{rank}'>{headline}</a></li>"
        for rank, headline in enumerate(
            ["Ferry timetable changes for winter", "Lifeboat crew called out twice", "New bakery opens on the quay"],
            start=1,
        )
    )
    + "</ol></div>"
)


def test_a_panel_of_headline_links_inside_the_article_container_is_left_out() -> None:
    page = page_of(f"<div class='article-body'>{TEXT}{PANEL}</div>")
    assert hinted_lines(page) == PARAGRAPHS
    assert density_paragraphs(page) == PARAGRAPHS


def test_a_run_of_teasers_is_left_out_but_a_single_linked_heading_is_not() -> None:
    teasers = "".join(
        f"<p><a href='/t/{n}'>Another story number {n}</a><br>A short summary of that other story, {n}.</p>"
        for n in range(3)
    )
    page = page_of(f"<div class='article-body'>{TEXT}{teasers}</div>")
    assert hinted_lines(page) == PARAGRAPHS
    assert density_paragraphs(page) == PARAGRAPHS
    own = "One line of the article's own, kept with the rest of it."
    page = page_of(f"<div class='article-body'>{TEXT}<p><a href='/t/0'>See also</a><br>{own}</p></div>")
    assert hinted_lines(page) == [*PARAGRAPHS, "See also", own]


def test_a_post_that_is_mostly_links_keeps_them() -> None:
    items = "".join(
        f"<ul><li><a href='/n/{n}'>We released version {n} of the command-line tool</a> today.</li>"
        f"<li><a href='/m/{n}'>The mobile app {n} gained offline maps</a>.</li></ul>"
        for n in range(3)
    )
    page = page_of(f"<div class='article-body'><p>{PARAGRAPHS[0]}</p>{items}</div>")
    container = page.root.css_first("div")
    kept = list(page.indices_inside(container))
    assert link_boxes(page, container, kept) == set()
