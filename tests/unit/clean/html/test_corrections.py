"""Tests for the density pass correcting the markup pass (`page.corrected_paragraphs`) and for lists of teasers
inside an article container (`linkboxes.repeated_items`)."""

from __future__ import annotations

from rashomon.clean.html.markuphints import hinted_text
from rashomon.clean.html.page import article_paragraphs, corrected_paragraphs, parse_html
from rashomon.clean.html.textblocks import PageBlocks, read_blocks
from rashomon.clean.html.textdensity import density_paragraphs

PARAGRAPHS = [
    "The water board said on Thursday that the reservoir above the valley had reached its lowest level in a decade.",
    "Farmers downstream have been told to expect limits on irrigation until the autumn rains refill the basin.",
    "Engineers will inspect the old dam wall while the water is low, a job that last took place twenty years ago.",
    "Residents were asked to water gardens only in the evening and to report leaking pipes to the board at once.",
]
# A paragraph the markup pass may miss (it sits in a <div> where the others are <p>): long enough to be put back.
LOST = (
    "The board's chair said the inspection had been planned for years and would not raise the price of water for "
    "households, since its cost was already set aside in the budget agreed last spring by the council."
)


def _page(body: str) -> PageBlocks:
    tree = parse_html(f"<html><body>{body}</body></html>")
    return read_blocks(tree.css_first("body"))


def test_a_short_line_only_the_markup_pass_kept_is_dropped() -> None:
    hinted = [PARAGRAPHS[0], "Related stories", *PARAGRAPHS[1:]]
    assert corrected_paragraphs(hinted, PARAGRAPHS, frozenset(hinted)) == PARAGRAPHS


def test_a_paragraph_only_the_density_pass_kept_is_put_back_where_it_stands_from_the_markup_container() -> None:
    density = [*PARAGRAPHS[:2], LOST, *PARAGRAPHS[2:]]
    assert corrected_paragraphs(PARAGRAPHS, density, frozenset(density)) == density
    # Not from outside the markup pass's container (a sidebar the density pass grew over).
    assert corrected_paragraphs(PARAGRAPHS, density, frozenset(PARAGRAPHS)) == PARAGRAPHS


def test_passes_that_read_different_text_leave_the_markup_pass_as_it_is() -> None:
    hinted = [*PARAGRAPHS[:1], "Photo: archive"]
    density = [LOST, "A second paragraph that only the density pass read, about something else entirely, at length."]
    assert corrected_paragraphs(hinted, density, frozenset([*hinted, *density])) == hinted


def test_the_markup_container_lines_include_the_blocks_it_did_not_keep() -> None:
    page = _page(f"<div class='article-body'>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}<div>{LOST}</div></div>")
    hinted = hinted_text(page)
    assert hinted is not None
    assert hinted.lines == PARAGRAPHS
    assert LOST in hinted.container_lines


TEASERS = "".join(
    f"<li><h3>{headline}</h3><p>{summary} <a href='/s/{at}'>Read more</a></p><p>2024-05-0{at}</p></li>"
    for at, (headline, summary) in enumerate(
        [
            ("Bridge repairs finish early", "The crossing reopened to lorries a week ahead of the plan."),
            ("School roof to be replaced", "Pupils will move to the hall while builders work over summer."),
            ("Market moves to the square", "Stallholders voted to trade outside the town hall on Saturdays."),
        ],
        start=1,
    )
)


def test_a_list_of_teasers_inside_the_article_container_is_left_out() -> None:
    body = f"<div id='story'>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}<ul>{TEASERS}</ul></div>"
    assert density_paragraphs(_page(body)) == PARAGRAPHS
    assert article_paragraphs(parse_html(f"<html><body>{body}</body></html>")) == PARAGRAPHS


def test_an_article_made_of_short_linked_sections_is_not_a_list_of_teasers() -> None:
    # Sections of one long paragraph each: not teasers (each holds one block), so all are kept.
    sections = "".join(f"<section><p>{p} <a href='/more'>More</a></p></section>" for p in PARAGRAPHS)
    assert density_paragraphs(_page(f"<div id='story'>{sections}</div>")) == [f"{p} More" for p in PARAGRAPHS]
