"""Tests for figure rules found by reading the figures of untuned news pages (sport, business, general news):
"a half dozen", amounts of Korean won, golf scores written "14-under 266". Every sentence is made up for the test.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import Finder, read_figures


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Guards turned away a half dozen reporters at the gate.", "a half dozen reporters", 6.0),
        ("The charity raised a half million dollars in a week.", "a half million dollars", 5e5),
    ],
)
def test_a_half_before_a_scale_is_half_of_it(figures: Finder, text: str, phrase: str, value: float) -> None:
    assert [(p, v) for p, v, _ in read_figures(figures, text) if p == phrase] == [(phrase, value)]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The carmaker posted a profit of 812 billion won for the year.", "812 billion won", 812e9),
        ("Exports reached 3.6 trillion won in May.", "3.6 trillion won", 3.6e12),
    ],
)
def test_won_after_millions_is_korean_money(figures: Finder, text: str, phrase: str, value: float) -> None:
    assert (phrase, value, "KRW") in read_figures(figures, text)


def test_won_after_a_count_stays_the_verb(figures: Finder) -> None:
    assert ("3 million members", 3e6, "member") in read_figures(figures, "The union has 3 million members and won.")


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("Lopez finished the week at 12-under 268.", "268"),
        ("She carded a 4-under 67 on the final day.", "67"),
    ],
)
def test_a_golf_score_after_par_has_no_bound(figures: Finder, text: str, score: str) -> None:
    found = {text[f.start : f.end]: f.qualifier for f in figures(text)}
    assert found.get(score, "missing") is None


def test_under_before_a_number_still_bounds_it(figures: Finder) -> None:
    assert [f.qualifier for f in figures("Inflation stayed under 3 percent.")] == ["under"]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("The painter died at age 88 in her studio.", 88.0),
        ("He has been fishing since age 7.", 7.0),
        ("Members retire when they reach age 72.", 72.0),
    ],
)
def test_age_after_a_preposition_or_verb_is_an_age(figures: Finder, text: str, age: float) -> None:
    assert [(f.value, f.unit) for f in figures(text)] == [(age, "year of age")]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("The clinic booked two follow-up visits for her.", "two follow-up visits", 2.0, "visit"),
        ("The club arranged four warm-up matches in May.", "four warm-up matches", 4.0, "match"),
    ],
)
def test_a_hyphened_particle_compound_does_not_hide_the_counted_noun(
    figures: Finder, text: str, phrase: str, value: float, unit: str
) -> None:
    assert (phrase, value, unit) in read_figures(figures, text)


def test_a_particle_glued_to_the_number_counts_nothing(figures: Finder) -> None:
    assert all(unit != "round" for _, _, unit in read_figures(figures, "Both led after six-under rounds of 66."))


@pytest.mark.parametrize(
    ("text", "part", "unit"),
    [
        ("The blast injured nine miners, four of whom are in hospital.", "four", "miner"),
        ("The farm keeps 60 goats, 12 of them newborn.", "12", "goat"),
    ],
)
def test_a_part_of_them_counts_what_the_figure_before_counts(figures: Finder, text: str, part: str, unit: str) -> None:
    assert [u for p, _, u in read_figures(figures, text) if p == part] == [unit]


def test_of_them_with_no_figure_before_counts_nothing(figures: Finder) -> None:
    assert read_figures(figures, "The two of them met at school.") == [("two", 2.0, None)]


def test_over_after_a_win_names_the_loser_and_bounds_nothing(figures: Finder) -> None:
    found = figures("Rovers earned a 2-1 victory over ten-man Dundee.")
    assert [(f.value, f.qualifier) for f in found if f.value == 10.0] == [(10.0, None)]


def test_over_after_a_verb_still_bounds(figures: Finder) -> None:
    assert [f.qualifier for f in figures("The mayor won over 55 percent of the vote.")] == ["over"]


@pytest.mark.parametrize(
    "text",
    ["The loss dented the club's top-six hopes.", "She won her one-on-one duels all night."],
)
def test_a_number_ending_a_hyphened_compound_on_a_word_counts_nothing(figures: Finder, text: str) -> None:
    assert read_figures(figures, text) == []


def test_a_minus_word_hyphened_to_a_number_still_reads(figures: Finder) -> None:
    assert read_figures(figures, "It fell to minus-8 degrees.") == [("minus-8 degrees", -8.0, "degree")]


def test_a_counted_noun_four_modifiers_on_still_counts(figures: Finder) -> None:
    text = "Auditors checked 14 large public water treatment plants."
    assert ("14 large public water treatment plants", 14.0, "plant") in read_figures(figures, text)


def test_a_part_of_a_number_after_of_is_kept(figures: Finder) -> None:
    found = read_figures(figures, "The striker scored 14 of 20 penalties last season.")
    assert ("14", 14.0, None) in found
    assert ("20 penalties", 20.0, "penalty") in found


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Airports earn £2.1 billion a year from parking charges.", "GBP per year"),
        ("Exports have grown $4 billion a year since 2015.", "USD per year"),
        ("Profit was $4 billion a year earlier.", "USD"),
    ],
)
def test_a_year_before_a_source_or_since_is_still_a_rate(figures: Finder, text: str, unit: str) -> None:
    assert [f.unit for f in figures(text)] == [unit]


def test_both_ends_of_a_money_range_signed_once_take_its_rate(figures: Finder) -> None:
    found = [(text, unit) for text, _, unit in read_figures(figures, "Rents run $900-1,200 a month downtown.")]
    assert found == [("$900", "USD per month"), ("1,200 a month", "USD per month")]


def test_two_number_words_side_by_side_are_not_summed(figures: Finder) -> None:
    values = [value for _, value, _ in read_figures(figures, "The mayor served three two-year terms.")]
    assert 5.0 not in values
    assert read_figures(figures, "The motion won twenty four votes.") == [("twenty four votes", 24.0, "vote")]


# Bounds a review found on the rules above.


@pytest.mark.parametrize(
    "text",
    [
        "Of the 12 million tickets sold, about 1 million won prizes.",
        "The 3 million won by the team will go to charity.",
        "Nearly 2 million won the lottery in a decade.",
    ],
)
def test_won_before_an_object_or_by_is_the_verb(figures: Finder, text: str) -> None:
    assert all(f.unit != "KRW" for f in figures(text))


@pytest.mark.parametrize(
    "text",
    [
        # Two figures before: which one the part counts is not said.
        "Police seized 200 guns from 15 suspects, 40 of them assault rifles.",
        # A part larger than the figure before is no part of it.
        "The crew of 6 sailors, 20 of whom were British, left the port.",
    ],
)
def test_a_part_of_them_takes_no_unit_it_cannot_be_sure_of(figures: Finder, text: str) -> None:
    assert [u for p, _, u in read_figures(figures, text) if p in ("40", "20")] == [None]


def test_a_year_from_a_day_says_when(figures: Finder) -> None:
    assert [f.unit for f in figures("Analysts expect the stock to reach $60 a year from today.")] == ["USD"]


def test_a_qualifier_hyphened_to_a_word_still_bounds(figures: Finder) -> None:
    assert [f.qualifier for f in figures("Turnout was well-over 60 percent.")] == ["over"]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The city has two and a half million residents.", "two and a half million residents", 2.5e6),
        ("Nearly three and a half thousand people came.", "Nearly three and a half thousand people", 3500.0),
    ],
)
def test_and_a_half_before_a_scale_is_of_the_scale(figures: Finder, text: str, phrase: str, value: float) -> None:
    assert [(p, v) for p, v, _ in read_figures(figures, text)] == [(phrase, value)]
