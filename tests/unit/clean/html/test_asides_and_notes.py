"""Tests for content beside the article inside its container: fact boxes named by their class."""

from __future__ import annotations

import pytest

from tests.unit.clean.html.blocks import hinted_lines, page_of

PARAGRAPHS = [
    "The council voted on Monday to extend the night bus service to the three outer districts, officials said.",
    "Riders had asked for the change since the last train was moved earlier, leaving many without a way home.",
    "The first extended routes, which will cost about 2 million a year, start running in the spring, she added.",
]
BOX = "<h3>Night buses</h3><p>Facts about night buses: they run every half hour and stop at every station.</p>"


@pytest.mark.parametrize(
    "box",
    [
        f"<div class='infobox copytext__clearBox'>{BOX}</div>",
        f"<div class='placeholder-infobox clearfix'>{BOX}</div>",
        f"<div class='fm-box flexmodule flexmodule--factbox'><div class='inner'>{BOX}</div></div>",
    ],
)
def test_a_fact_box_inside_the_article_is_left_out(box: str) -> None:
    body = f"<div class='article-body'><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>{box}<p>{PARAGRAPHS[2]}</p></div>"
    assert hinted_lines(page_of(body)) == PARAGRAPHS


def test_a_fact_box_name_on_a_wrapper_of_the_whole_article_does_not_empty_it() -> None:
    body = "<div class='article-body'><div class='infobox'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    assert hinted_lines(page_of(body + "</div></div>")) == PARAGRAPHS
