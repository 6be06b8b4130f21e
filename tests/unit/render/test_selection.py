"""Selecting stories for the written outputs: each criterion, their combinations, and a dossier that stays valid."""

from __future__ import annotations

from datetime import date

import pytest

from rashomon.dossier import Dossier
from rashomon.errors import UsageError
from rashomon.render.html import render_html
from rashomon.render.json import render_json
from rashomon.render.markdown import render_markdown
from rashomon.render.selection import Selection, largest_first, parse_since, select, story_day
from tests.spans import assert_spans
from tests.unit.render.build import MAYOR, PLACE, assert_references, build_dossier, story_id

SIZES = (1, 3, 2, 1, 3)  # story n is dated 2024-05-0(n+1); outlets take turns: Ledger, Courier, Herald, Post


@pytest.fixture
def dossier() -> Dossier:
    return build_dossier(SIZES)


def _ids(dossier: Dossier) -> list[str]:
    return [s.id for s in dossier.stories]


def _valid(selected: Dossier) -> Dossier:
    """The selected dossier as a reader of dossier.json sees it: valid against the schema's models, whole."""
    assert Dossier.model_validate_json(render_json(selected)) == selected
    assert_references(selected)
    assert_spans(selected)
    return selected


def test_an_empty_selection_keeps_everything(dossier: Dossier) -> None:
    assert Selection().keeps_everything
    assert select(dossier, Selection()) is dossier
    assert_references(dossier)


def test_story_keeps_those_stories_and_only_what_belongs_to_their_articles(dossier: Dossier) -> None:
    selected = _valid(select(dossier, Selection(stories=(story_id(1), story_id(3)))))
    assert _ids(selected) == [story_id(1), story_id(3)]
    assert [a.id for a in selected.articles] == ["s1-a0", "s1-a1", "s1-a2", "s3-a0"]
    assert (
        {q.article for q in selected.quotes}
        == {f.article for f in selected.figures}
        == {"s1-a0", "s1-a1", "s1-a2", "s3-a0"}
    )
    assert len(selected.times) == 4
    place = next(e for e in selected.entities if e.id == PLACE)
    assert [m.article for m in place.mentions] == ["s1-a0", "s1-a1", "s1-a2", "s3-a0"]  # mentions filtered
    assert {e.id for e in selected.entities} == {PLACE, "event:storm-1", "event:storm-3"}  # the rest had no mention
    assert selected.rejected == dossier.rejected


def test_a_quote_loses_its_link_to_an_entity_the_selection_dropped(dossier: Dossier) -> None:
    selected = _valid(select(dossier, Selection(stories=(story_id(1),))))
    assert all(q.speaker_entity is None and q.speaker == "Mayor Quimby" for q in selected.quotes)
    kept = _valid(select(dossier, Selection(stories=(story_id(0),))))
    assert [q.speaker_entity for q in kept.quotes] == [MAYOR]
    assert len(selected.quotes[0].aligned_with) == 2  # links inside the story stay


def test_unknown_story_selects_nothing_and_stays_valid(dossier: Dossier) -> None:
    selected = _valid(select(dossier, Selection(stories=("story:nope",))))
    assert selected.stories == selected.articles == selected.entities == selected.quotes == []
    assert selected.rejected == dossier.rejected


def test_since_keeps_stories_dated_on_or_after_the_day(dossier: Dossier) -> None:
    selected = _valid(select(dossier, Selection(since=date(2024, 5, 3))))
    assert _ids(selected) == [story_id(2), story_id(3), story_id(4)]


def test_since_falls_back_to_the_latest_publication_and_reads_months_whole() -> None:
    dossier = build_dossier((1, 1, 1, 1), dates=(None, "2024-05", "2024-04", "2024-05-20T08:00:00Z"))
    assert story_day(dossier.stories[0], {a.id: a for a in dossier.articles}) == date(2024, 5, 1)
    assert _ids(select(dossier, Selection(since=date(2024, 5, 1)))) == [story_id(0), story_id(1), story_id(3)]
    assert _ids(select(dossier, Selection(since=date(2024, 5, 2)))) == [story_id(1), story_id(3)]
    assert _ids(select(dossier, Selection(since=date(2024, 5, 21)))) == [story_id(1)]  # May as a whole


def test_since_leaves_out_stories_with_no_date_at_all() -> None:
    dossier = build_dossier((1, 1), dates=(None, "2024-06-01"))
    undated = dossier.model_copy(
        update={"articles": [a.model_copy(update={"published": None}) for a in dossier.articles]}
    )
    assert _ids(select(undated, Selection(since=date(2000, 1, 1)))) == [story_id(1)]


def test_outlet_is_case_insensitive_and_repeatable(dossier: Dossier) -> None:
    # Herald wrote s1-a1, s2-a0, s4-a2; Post wrote s1-a2, s2-a1, s3-a0.
    assert _ids(select(dossier, Selection(outlets=("herald",)))) == [story_id(1), story_id(2), story_id(4)]
    selected = _valid(select(dossier, Selection(outlets=(" POST ", "Nobody"))))
    assert _ids(selected) == [story_id(1), story_id(2), story_id(3)]
    assert _ids(select(dossier, Selection(outlets=("post", "LEDGER")))) == _ids(dossier)
    assert _ids(select(dossier, Selection(outlets=("Nobody",)))) == []


def test_outlet_keeps_every_article_of_a_chosen_story(dossier: Dossier) -> None:
    selected = _valid(select(dossier, Selection(outlets=("Post",), stories=(story_id(3),))))
    assert [a.outlet for a in selected.articles] == ["Post"]
    whole = _valid(select(dossier, Selection(outlets=("Herald",), stories=(story_id(1),))))
    assert [a.outlet for a in whole.articles] == ["Courier", "Herald", "Post"]


def test_top_takes_the_largest_stories_ties_by_latest_date_then_id(dossier: Dossier) -> None:
    assert _ids(select(dossier, Selection(top=1))) == [story_id(4)]  # 3 articles, later than story 1
    assert set(_ids(_valid(select(dossier, Selection(top=3))))) == {story_id(1), story_id(2), story_id(4)}
    assert _ids(select(dossier, Selection(top=99))) == _ids(dossier)
    same_day = build_dossier((2, 2, 2), dates=("2024-05-01", "2024-05-01", "2024-04-01"))
    assert _ids(select(same_day, Selection(top=1))) == [story_id(0)]  # equal size and date: smaller id


def test_selected_stories_keep_the_dossier_order(dossier: Dossier) -> None:
    assert _ids(select(dossier, Selection(top=2))) == [story_id(1), story_id(4)]


def test_largest_first_puts_undated_stories_after_dated_ones_of_their_size() -> None:
    dossier = build_dossier((2, 2, 1), dates=(None, "2024-01-01", None))
    undated = dossier.model_copy(
        update={"articles": [a.model_copy(update={"published": None}) for a in dossier.articles]}
    )
    ordered = largest_first(undated.stories, {a.id: a for a in undated.articles})
    assert [s.id for s in ordered] == [story_id(1), story_id(0), story_id(2)]


def test_stories_come_most_outlets_first_in_every_output() -> None:
    # Story 0 has three articles from two outlets; story 1 two articles from two; story 2 two from one.
    built = build_dossier((3, 2, 2))
    outlets = {"s0-a0": "Ledger", "s0-a1": "Courier", "s0-a2": "ledger ", "s2-a0": "Herald", "s2-a1": "HERALD"}
    articles = [a.model_copy(update={"outlet": outlets.get(a.id, a.outlet)}) for a in built.articles]
    by_id = {a.id: a for a in articles}
    ordered = largest_first(built.stories, by_id)
    # Two outlets each: the one with more articles first; then the single outlet, though as large as story 1.
    assert [s.id for s in ordered] == [story_id(0), story_id(1), story_id(2)]
    shuffled = built.model_copy(update={"articles": articles, "stories": ordered[::-1]})
    markdown = render_markdown(shuffled)
    html = render_html(shuffled)
    positions = [(markdown.index(f"story id `{s.id}`"), html.index(s.id)) for s in ordered]
    assert positions == sorted(positions)


def test_criteria_combine(dossier: Dossier) -> None:
    # top comes after the other criteria: the largest of the stories Post wrote for.
    assert _ids(select(dossier, Selection(outlets=("post",), top=1))) == [story_id(1)]
    assert _ids(select(dossier, Selection(since=date(2024, 5, 3), outlets=("post",)))) == [story_id(2), story_id(3)]
    both = _valid(select(dossier, Selection(stories=(story_id(0), story_id(4)), since=date(2024, 5, 2))))
    assert _ids(both) == [story_id(4)]
    assert _ids(select(dossier, Selection(since=date(2024, 5, 2), outlets=("ledger", "herald"), top=2))) == [
        story_id(1),
        story_id(4),
    ]


def test_bad_values_are_usage_errors() -> None:
    assert parse_since(" 2024-05-13 ") == date(2024, 5, 13)
    for text in ("yesterday", "2024-13-01", "", "13/05/2024"):
        with pytest.raises(UsageError, match="--since"):
            parse_since(text)
    with pytest.raises(UsageError, match="--top"):
        Selection(top=0)


def test_an_article_without_an_outlet_counts_as_a_source_of_its_own() -> None:
    # Story 0: three articles naming no outlet; story 1: two articles of one named outlet.
    built = build_dossier((3, 2))
    outlets = {"s0-a0": None, "s0-a1": None, "s0-a2": None, "s1-a0": "Herald", "s1-a1": "Herald"}
    articles = [a.model_copy(update={"outlet": outlets[a.id]}) for a in built.articles]
    ordered = largest_first(built.stories, {a.id: a for a in articles})
    assert [s.id for s in ordered] == [story_id(0), story_id(1)]
