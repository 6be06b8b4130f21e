"""Conflicts with what conflicts and who says what; qualifiers and scope that are no conflict; quote variants."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import pytest

from rashomon.compare.conflicts import amount_text, figure_range, ranges_meet
from rashomon.model import Article, ArticleAnnotations, Figure, Span, StoryComparison
from tests.unit.compare.test_story import annotate, compare, statement_of

CRANE = "people were injured when the crane collapsed on Harbour Road on Tuesday."


def figure(value: float | None, unit: str = "people", qualifier: str | None = None, **fields: Any) -> Figure:
    return Figure(
        id="x", article="a", start=0, end=1, value=value, unit=unit, approx=bool(qualifier), qualifier=qualifier,
        **fields,
    )  # fmt: skip


def qualified(annotated: tuple[Article, ArticleAnnotations], qualifier: str) -> tuple[Article, ArticleAnnotations]:
    article, notes = annotated
    figures = tuple(replace(f, qualifier=qualifier, approx=True) for f in notes.figures)
    return article, replace(notes, figures=figures)


@pytest.mark.parametrize(
    ("left", "right", "meet"),
    [
        (figure(12, qualifier="at least"), figure(19), True),
        (figure(12, qualifier="fewer than"), figure(19), False),
        (figure(2000, qualifier="nearly"), figure(2000), True),
        (figure(40, qualifier="about"), figure(43), True),
        (figure(40, qualifier="about"), figure(60), False),
        (figure(None, low=12, high=120), figure(30), True),
        (figure(None, low=12, high=120), figure(6), False),
        (figure(44, unit="day"), figure(6, unit="week"), True),
        (figure(1 / 3, unit="fraction"), figure(33, unit="percent"), True),  # "a third" and "33%" of a whole
        (figure(1 / 4, unit="fraction"), figure(33, unit="percent"), False),
        (figure(7), figure(8), False),
    ],
)
def test_ranges_read_with_qualifiers_and_units(left: Figure, right: Figure, meet: bool) -> None:
    assert ranges_meet(left, right, 0.1) is meet
    assert ranges_meet(right, left, 0.1) is meet


def test_a_range_is_none_for_what_measures_nothing_known() -> None:
    assert figure_range(figure(5, unit="")) is None
    assert figure_range(figure(None)) is None


@pytest.mark.parametrize(
    ("value", "qualifier", "text"),
    [
        (6.0, None, "6"),
        (2000.0, "nearly", "nearly 2,000"),
        (1.5, None, "1.5"),
        (1.0005, None, "1.0005"),
        (3.0, "exactly", "3"),
    ],
)
def test_amounts_print_as_a_reader_writes_them(value: float, qualifier: str | None, text: str) -> None:
    assert amount_text(figure(value, qualifier=qualifier)) == text


def test_a_share_prints_as_a_part_of_one() -> None:
    assert amount_text(figure(1 / 3, unit="fraction")) == "1/3"
    assert amount_text(figure(2 / 3, unit="fraction", qualifier="nearly")) == "nearly 2/3"
    assert amount_text(figure(0.375, unit="fraction")) == "3/8"
    assert amount_text(figure(0.07, unit="fraction")) == "7%"
    assert amount_text(figure(1 / 12, unit="fraction")) == "1/12"  # "one in 12"
    assert amount_text(figure(0.01, unit="fraction")) == "1/100"  # "one in 100"
    assert amount_text(figure(0.15, unit="fraction")) == "15%"


def test_a_range_without_a_value_prints_its_ends_and_a_vague_amount_its_words() -> None:
    assert amount_text(figure(None, low=3, high=5), "3–5 people") == "3–5"
    assert amount_text(figure(None, low=12, high=120), "dozens of people") == "dozens"
    assert amount_text(figure(None, qualifier="up to", low=12, high=120), "Up to dozens of people") == "up to dozens"
    assert amount_text(figure(None, low=300, high=1000, about="people"), "Several hundred people") == "several hundred"
    assert amount_text(figure(None, low=12, high=120), "") == "an unstated number"
    tens = figure(None, low=10_000, high=100_000, about="homes")
    assert amount_text(tens, "Tens of thousands of\nhomes") == "tens of thousands"
    assert amount_text(figure(None, qualifier="several", low=3, high=9), "several people") == "several"
    assert amount_text(figure(None, qualifier="about", low=10, high=20), "About 10–20 people") == "about 10–20"
    assert amount_text(figure(None, low=12, high=120), "dozens of COVID-19 patients") == "dozens"
    assert amount_text(figure(None, unit="percent", low=2.5, high=3), "2.5%-3%") == "2.5–3"
    assert amount_text(figure(None, unit="USD", low=5e9, high=6e9), "$5bn-$6bn") == "5,000,000,000–6,000,000,000"


def test_a_qualified_range_allows_what_its_qualifier_says() -> None:
    assert figure_range(figure(None, qualifier="more than", low=200, high=300)) == (200, math.inf)
    assert figure_range(figure(None, qualifier="up to", low=3, high=5)) == (0.0, 5)
    assert figure_range(figure(None, low=3, high=5)) == (3, 5)


def crane(article: str, words: str, value: float, outlet: str) -> tuple[Article, ArticleAnnotations]:
    made = annotate(
        article, [f"{words} {CRANE}", "Traffic was diverted for hours."], figures=[(words, value, "people")]
    )
    return replace(made[0], outlet=outlet), made[1]


def test_a_figure_conflict_says_what_conflicts_and_who_says_what() -> None:
    left, right = crane("a", "Seven", 7, "Harbor Ledger"), crane("b", "Eight", 8, "Northsea Courant")
    result = compare(left, right)
    (conflict,) = result.conflicts
    assert conflict.kind == "figure"
    assert conflict.what.startswith("7 vs 8 people injured")
    assert conflict.text.endswith("(Harbor Ledger, Northsea Courant)")
    assert [(side.article, side.says) for side in conflict.sides] == [("a", "7"), ("b", "8")]
    for side, (article, _) in zip(conflict.sides, (left, right), strict=True):
        assert article.text[side.span.start : side.span.end] in {"Seven", "Eight"}
        assert article.text[side.sentence.start : side.sentence.end].endswith("on Tuesday.")
    assert statement_of(result, "crane")[0] == "conflicting"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (("At least 12", 12, "at least"), ("19", 19, None)),
        (("Nearly 2,000", 2000, "nearly"), ("2,000", 2000, None)),
        (("About 40", 40, "about"), ("41", 41, None)),
    ],
)
def test_qualified_amounts_that_allow_each_other_do_not_conflict(
    left: tuple[str, float, str | None], right: tuple[str, float, str | None]
) -> None:
    first = crane("a", left[0], left[1], "A")
    second = crane("b", right[0], right[1], "B")
    if left[2]:
        first = qualified(first, left[2])
    result = compare(first, second)
    assert result.conflicts == ()
    assert [f.relation for f in result.figure_alignments] == ["agree"]
    assert statement_of(result, "crane")[0] == "corroborated"


def test_different_days_for_one_happening_conflict() -> None:
    words = "The crane collapsed on Harbour Road on {}, injuring several people."
    left = annotate("a", [words.format("Tuesday")], times=[("Tuesday", "2024-03-05")])
    right = annotate("b", [words.format("Wednesday")], times=[("Wednesday", "2024-03-06")])
    result = compare(left, right)
    (conflict,) = result.conflicts
    assert conflict.kind == "date"
    assert "Tuesday (2024-03-05) vs Wednesday (2024-03-06)" in conflict.what
    assert statement_of(result, "crane")[0] == "conflicting"


def test_one_quote_given_to_two_speakers_conflicts() -> None:
    said = "“We will rebuild the harbour wall before the winter storms arrive,”"
    left = annotate("a", [f"{said} the mayor, Ann Ruiz, said."], quotes=[(said, "Ann Ruiz")])
    right = annotate("b", [f"{said} the harbour master, Tom Abel, said."], quotes=[(said, "Tom Abel")])
    result = compare(left, right)
    kinds = [c.kind for c in result.conflicts]
    assert kinds == ["speaker"]
    assert "Ann Ruiz vs Tom Abel" in result.conflicts[0].what


def test_one_speakers_quote_in_two_articles_is_a_variant_not_a_conflict() -> None:
    left = annotate(
        "a", ["“We will rebuild the wall,” Ann Ruiz said."], quotes=[("We will rebuild the wall", "Ann Ruiz")]
    )
    right = annotate(
        "b", ["Ann Ruiz said: “We will rebuild the sea wall.”"], quotes=[("We will rebuild the sea wall", "Ann Ruiz")]
    )
    result: StoryComparison = compare(left, right)
    assert result.conflicts == ()
    (variant,) = result.quote_variants
    assert variant.speaker == "Ann Ruiz"
    assert [q.split(":")[0] for q in variant.quotes] == ["a", "b"]


def test_a_denial_of_what_another_outlet_reports_conflicts() -> None:
    left = annotate("a", ["The crane had failed a safety inspection in February, city records show."])
    right = annotate("b", ["The builder denied that the crane had failed a safety inspection in February."])
    result = compare(left, right)
    assert statement_of(result, "inspection") == ("conflicting", {"a", "b"})
    (conflict,) = result.conflicts
    assert conflict.kind == "denial"
    assert [side.says for side in conflict.sides] == ["asserts", "denies"]


def test_a_quote_given_to_two_people_together_aligns_with_either() -> None:
    first = "both Ann Ruiz and Tom Abel"
    left = annotate(
        "a",
        [f"In their remarks, {first} said they were ready to start work on the new sea wall."],
        quotes=[("they were ready to start work on the new sea wall", "Ann Ruiz")],
    )
    start = left[0].text.index(first)
    joint = replace(left[1].quotes[0], speaker_span=Span(article="a", start=start, end=start + len(first)))
    left = left[0], replace(left[1], quotes=(joint,))
    right = annotate(
        "b",
        ["Tom Abel said the town was “ready to start work on the sea wall.”"],
        quotes=[("ready to start work on the sea wall.", "Tom Abel")],
    )
    result = compare(left, right)
    assert result.quote_alignments == ((joint.id, right[1].quotes[0].id),)
    assert result.conflicts == ()


def test_one_count_in_sentences_that_make_different_statements_still_conflicts() -> None:
    left = annotate(
        "a",
        ["The river burst its banks overnight.", "Firefighters rescued 23 people from flooded homes and cars."],
        figures=[("23 people", 23, "people")],
    )
    right = annotate(
        "b",
        ["Heavy rain fell for two days.", "Crews brought 32 people to safety from flooded homes and stranded cars."],
        figures=[("32 people", 32, "people")],
    )
    result = compare(left, right)
    assert [c.what.split(" (")[0][:15] for c in result.conflicts] == ["23 vs 32 people"]


def test_counts_of_different_days_do_not_conflict() -> None:
    left = annotate(
        "a",
        ["On Saturday alone, 68 millimetres of rain fell on the hills above the town."],
        figures=[("68 millimetres", 68, "millimetre")],
        times=[("Saturday", "2025-02-08")],
    )
    right = annotate(
        "b",
        ["Forecasters expect 30 millimetres more rain on the hills above the town on Thursday."],
        figures=[("30 millimetres", 30, "millimetre")],
        times=[("Thursday", "2025-02-13")],
    )
    assert compare(left, right).conflicts == ()


def test_irregular_verbs_around_two_counts_meet() -> None:
    left = annotate(
        "a",
        ["A commuter train left the rails at dusk.", "Officials said 14 passengers were taken to hospitals."],
        figures=[("14 passengers", 14, "passenger")],
    )
    right = annotate(
        "b",
        ["Service on the line was halted overnight.", "Ambulances took 17 passengers to hospitals in two towns."],
        figures=[("17 passengers", 17, "passenger")],
    )
    (conflict,) = compare(left, right).conflicts
    assert conflict.what.startswith("14 vs 17 passenger")
