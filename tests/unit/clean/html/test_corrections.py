"""Tests for the density pass correcting the markup pass (`page.corrected_paragraphs`) and for lists of teasers
inside an article container (`linkboxes.repeated_items`)."""

from __future__ import annotations

from rashomon.clean.html.markuphints import hinted_text
from rashomon.clean.html.page import article_paragraphs, choose_paragraphs, corrected_paragraphs, parse_html
from rashomon.clean.html.textdensity import density_paragraphs
from tests.unit.clean.html.blocks import page_of

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
    page = page_of(f"<div class='article-body'>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}<div>{LOST}</div></div>")
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
    assert density_paragraphs(page_of(body)) == PARAGRAPHS
    assert article_paragraphs(parse_html(f"<html><body>{body}</body></html>")) == PARAGRAPHS


def test_an_article_made_of_short_linked_sections_is_not_a_list_of_teasers() -> None:
    # Sections of one long paragraph each: not teasers (each holds one block), so all are kept.
    sections = "".join(f"<section><p>{p} <a href='/more'>More</a></p></section>" for p in PARAGRAPHS)
    assert density_paragraphs(page_of(f"<div id='story'>{sections}</div>")) == [f"{p} More" for p in PARAGRAPHS]


# An article of its own sections: a subheading, then key points each a heading over one sentence with a few words of
# it linked. They are not teasers (no headline link, their link texts differ, each mostly unlinked prose).
INTRO = [
    "The city's transport office published its plan for the coming year on Wednesday after months of consultation.",
    "It sets out how buses, trams and the two ferry lines will be run once the new operator takes over in spring.",
    "Officials said most of the ideas came from riders who answered the survey sent out with last year's passes.",
]
KEY_POINTS = [
    ("Cheaper fares", "Single tickets fall by a fifth from March, as the ", "fare table", " shows."),
    ("Later trams", "The last tram on each line leaves an hour later on ", "Fridays and Saturdays", "."),
    ("More ferries", "A third boat joins the ", "harbour crossing", " in the summer months."),
    ("Step-free stops", "Forty stops get level boarding, listed in the ", "accessibility annex", "."),
]
CLOSING = "The plan goes to a vote of the full council next month, and the office expects it to pass without changes."


def _key_points_article() -> str:
    points = "".join(
        f"<div class='key-point'><h3>{title}</h3><p>{before}<a href='/plan#{n}'>{link}</a>{after}</p></div>"
        for n, (title, before, link, after) in enumerate(KEY_POINTS)
    )
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    return f"<article class='article-body'>{intro}<h2>What changes</h2>{points}<p>{CLOSING}</p></article>"


def test_an_articles_own_sections_with_an_inline_link_each_are_not_a_list_of_teasers() -> None:
    body = _key_points_article()
    page = page_of(body)
    kept = article_paragraphs(parse_html(f"<html><body>{body}</body></html>"))
    for title, before, link, after in KEY_POINTS:
        point = f"{before}{link}{after}"
        assert title in kept
        assert point in kept
        hinted = hinted_text(page)
        assert hinted is not None
        assert point in hinted.lines
        assert point in density_paragraphs(page)
    assert kept[:3] == INTRO
    assert kept[-1] == CLOSING


def test_a_list_of_teasers_with_linked_headlines_is_left_out() -> None:
    teasers = "".join(
        f"<div class='teaser'><h3><a href='/s/{n}'>{title}</a></h3><p>{before}{link}{after}</p></div>"
        for n, (title, before, link, after) in enumerate(KEY_POINTS)
    )
    body = f"<div id='story'>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}{teasers}</div>"
    assert article_paragraphs(parse_html(f"<html><body>{body}</body></html>")) == PARAGRAPHS


# Twelve paragraphs of one article, long enough to be kept by either pass.
LONG = [
    "Police in the harbour town said on Sunday that a fishing boat had been found drifting with nobody on board.",
    "The boat, registered to a family firm in the next county, was spotted by a ferry crew early in the morning.",
    "Coastguard teams searched the bay for most of the day, helped by a helicopter and two volunteer lifeboats.",
    "The skipper's brother told reporters that the crew of three had set out on Friday to check their lobster pots.",
    "Weather on Friday night was calm, according to the forecast office, with light winds and only a gentle swell.",
    "Investigators will examine the boat's engine and radio once it has been towed into the harbour on Monday.",
    "Friends of the crew gathered at the quay in the evening, some of them waiting there until well after dark.",
    "The harbour master said the firm had a good safety record and had passed its last inspection in the spring.",
    "A fund set up by the town's fishing association had raised several thousand pounds by the end of the day.",
    "Local councillors called for a review of how quickly the alarm is raised when a boat misses its radio check.",
    "The search is due to resume at first light, when divers will also look at the rocks below the old lighthouse.",
    "Anyone who saw the boat between Friday evening and Sunday morning has been asked to contact the police.",
]
SHORT = ["He declined to comment.", "The inquiry continues.", "Police are appealing for witnesses."]


def test_short_lines_past_where_the_density_pass_stopped_reading_are_kept() -> None:
    # The density pass read only the first half of the article: the short lines in the second half are its own.
    hinted = [*LONG[:8], SHORT[0], *LONG[8:10], SHORT[1], *LONG[10:], SHORT[2]]
    assert choose_paragraphs(hinted, LONG[:6], frozenset(hinted)) == hinted
    # After the last paragraph only: still past where the density pass stopped.
    hinted = [*LONG, *SHORT]
    assert choose_paragraphs(hinted, LONG[:6], frozenset(hinted)) == hinted


def test_short_lines_the_density_pass_read_past_are_dropped() -> None:
    # Inside the stretch both passes read, and trailing the article where the density pass read to its end.
    hinted = [*LONG[:4], "Photo: harbour office", *LONG[4:], "Posted at 09:14", "Labels: coast, police"]
    assert choose_paragraphs(hinted, LONG, frozenset(hinted)) == LONG
