"""Story grouping, story ids, event dates, inferred dates and titles, on hand-built articles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import pytest

from rashomon.model import Article, TimeExpr
from rashomon.settings import StorySettings
from rashomon.stories.cluster import StoryFacts, event_date, group_articles, story_id, story_title
from tests.reports import FINAL, QUAKE

SETTINGS = StorySettings()

QUAKE_ENTITIES = StoryFacts(
    entities=frozenset({"entity:peru", "entity:arequipa"}),
    proper_nouns=("peru", "arequipa"),
    places=frozenset({"peru", "arequipa"}),
)
FINAL_ENTITIES = StoryFacts(entities=frozenset({"entity:porto", "entity:benfica"}), proper_nouns=("porto", "benfica"))


def article(id: str, text: str, published: str | None = "2024-05-14", **fields: object) -> Article:
    return Article(id=id, source=f"{id}.txt", text=text, published=published, **fields)  # type: ignore[arg-type]


def reports() -> tuple[list[Article], dict[str, StoryFacts]]:
    articles = [article(f"quake-{i}", t) for i, t in enumerate(QUAKE)]
    articles += [article(f"final-{i}", t) for i, t in enumerate(FINAL)]
    entities = {a.id: QUAKE_ENTITIES if a.id.startswith("quake") else FINAL_ENTITIES for a in articles}
    # Interleave the two events so grouping cannot lean on input order.
    return [articles[i] for i in (0, 3, 1, 4, 2, 5)], entities


def test_two_events_make_two_groups() -> None:
    articles, entities = reports()
    groups = group_articles(articles, entities, {}, SETTINGS)
    assert groups == [["final-0", "final-1", "final-2"], ["quake-0", "quake-1", "quake-2"]]


def test_copy_joins_its_original_group() -> None:
    articles, entities = reports()
    # A copy whose text shares nothing with either event still lands with the article it copies.
    stray = article("copy", "Wire service relay, text truncated by the aggregator.")
    groups = group_articles([*articles, stray], entities, {"copy": "quake-1"}, SETTINGS)
    assert ["copy", "quake-0", "quake-1", "quake-2"] in groups
    without = group_articles([*articles, stray], entities, {}, SETTINGS)
    assert ["copy"] in without


def test_dated_articles_outside_the_window_never_group() -> None:
    first = article("a", QUAKE[0], published="2024-05-14")
    later = article("b", QUAKE[0], published="2024-06-13")  # identical words, 30 days apart
    entities = dict.fromkeys("ab", QUAKE_ENTITIES)
    assert group_articles([first, later], entities, {}, SETTINGS) == [["a"], ["b"]]
    assert group_articles([first, replace(later, published="2024-05-18")], entities, {}, SETTINGS) == [["a", "b"]]


def test_window_holds_when_an_undated_article_bridges() -> None:
    first = article("a", QUAKE[0], published="2024-05-14")
    later = article("b", QUAKE[0], published="2024-06-13")
    undated = article("c", QUAKE[1], published=None)
    groups = group_articles([first, later, undated], dict.fromkeys("abc", QUAKE_ENTITIES), {}, SETTINGS)
    assert not any({"a", "b"} <= set(group) for group in groups)


@pytest.mark.parametrize("count", [0, 1])
def test_trivial_inputs(count: int) -> None:
    articles = [article("only", QUAKE[0])][:count]
    assert group_articles(articles, {}, {}, SETTINGS) == ([["only"]] if count else [])


def test_story_id_is_deterministic_and_order_independent() -> None:
    one = story_id(["b", "a", "c"])
    assert one == story_id(["a", "b", "c"]) == story_id(("c", "a", "b"))
    assert re.fullmatch(r"story:[0-9a-f]{12}", one)
    assert story_id(["a", "b"]) != one
    assert story_id(["ab"]) != story_id(["a", "b"])


def times(article_id: str, *values: str) -> list[TimeExpr]:
    return [TimeExpr(article=article_id, start=i, end=i + 1, value=v) for i, v in enumerate(values)]


def test_event_date_is_the_day_most_expressions_point_to() -> None:
    members = [article("a", "x", "2024-05-16"), article("b", "x", "2024-05-17T09:30:00+02:00")]
    found = {
        "a": times("a", "2024-05-14", "2024-05-15", "2024-05-16"),
        "b": times("b", "2024-05-14", "2024-05-15", "2024-05", "P2D"),
    }
    found["a"] += times("a", "2024-05-14")
    assert event_date(members, found) == "2024-05-14"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (("2024-05-20",), "2024-05-10"),  # after publication: ignored
        (("2024-04-01",), "2024-05-10"),  # more than a week before: ignored
        (("2024-W19", "2024-05", "P1Y", "PRESENT_REF"), "2024-05-10"),  # not days
        (("2024-05-03",), "2024-05-03"),  # exactly a week before: counted
        (("2024-05-04", "2024-05-03"), "2024-05-03"),  # a tie goes to the earlier day
    ],
)
def test_event_date_window_and_fallback(values: Sequence[str], expected: str) -> None:
    members = [article("a", "x", "2024-05-10"), article("b", "x", "2024-05-12")]
    assert event_date(members, {"a": times("a", *values)}) == expected


def test_event_date_ignores_inferred_and_undated_articles() -> None:
    inferred = article("a", "x", "2024-05-01", published_inferred=True)
    undated = article("b", "x", None)
    dated = article("c", "x", "2024-05-12")
    assert event_date([inferred, undated, dated], {"a": times("a", "2024-05-01")}) == "2024-05-12"
    assert event_date([inferred, undated], {}) is None


def test_story_title_prefers_the_earliest_original() -> None:
    copy = article("a-copy", "x", "2024-05-13T06:00:00+00:00", title="Copied headline")
    original = article("b", "x", "2024-05-13T08:00:00+00:00", title="Original headline")
    later = article("c", "x", "2024-05-14", title="Later headline")
    undated = article("0", "x", None, title="Undated headline")
    untitled = article("00", "x", "2024-05-01")
    members = [later, undated, copy, original, untitled]
    assert story_title(members, {"a-copy": "b"}) == "Original headline"
    assert story_title(members, {}) == "Copied headline"
    # Offsets count: 09:00+02:00 is 07:00 UTC, before the original.
    early = article("d", "x", "2024-05-13T09:00:00+02:00", title="Eastern headline")
    assert story_title([*members, early], {"a-copy": "b"}) == "Eastern headline"
    assert story_title([copy], {"a-copy": "b"}) == "Copied headline"  # only copies: still a title
    assert story_title([untitled], {}) is None
