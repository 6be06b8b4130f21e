"""Tests for figure forms found short on the Recognizers-Text unit sets CQE ships beside NewsQuant: a fraction of a
scale ("a quarter million"), a rate after what a measure is of ("barrels of oil a day"), "per year" before a time
word, ages written "years of age", temperatures after a degree sign, and "a dozen" as a rate. Every sentence is made
up for the test.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import Finder, read_figures


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("The house sold for a quarter million dollars.", "a quarter million dollars", 250_000, "USD"),
        ("The fine came to a quarter-million dollars.", "a quarter-million dollars", 250_000, "USD"),
        ("The repairs cost a quarter of a million pounds.", "a quarter of a million pounds", 250_000, "GBP"),
        ("Three-quarters of a billion people lack power.", "Three-quarters of a billion people", 7.5e8, "people"),
        ("The firm paid a half million dollars.", "a half million dollars", 500_000, "USD"),
    ],
)
def test_a_fraction_of_a_scale_is_a_number(
    figures: Finder, text: str, phrase: str, value: float, unit: str | None
) -> None:
    assert (phrase, value, unit) in read_figures(figures, text)


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("He paid a quarter of a dollar.", "a quarter", None),
        ("About a quarter of the staff left.", "About a quarter", "fraction"),
        ("Prices fell by a quarter in May.", "a quarter", "fraction"),
    ],
)
def test_a_fraction_of_no_scale_stays_a_fraction(figures: Finder, text: str, phrase: str, unit: str | None) -> None:
    found = read_figures(figures, text)
    assert [(p, u) for p, _, u in found] == [(phrase, unit)]
    assert found[0][1] == 0.25


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("Saudi Arabia pumps 10 million barrels of oil a day.", "10 million barrels", "barrel per day"),
        ("The airline buys 2.4 billion gallons of jet fuel a year.", "2.4 billion gallons", "gallon per year"),
        ("The city will spend $2 billion of its budget a year on roads.", "$2 billion", "USD per year"),
        ("Russia sold 3 million barrels of its crude per day to India.", "3 million barrels", "barrel per day"),
        ("Children watch two hours of television a day.", "two hours", "hour per day"),
    ],
)
def test_a_rate_after_what_a_measure_is_of_is_the_measures(figures: Finder, text: str, phrase: str, unit: str) -> None:
    assert (phrase, unit) in [(p, u) for p, _, u in read_figures(figures, text)]


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("The firm had $2 billion of revenue a year earlier.", "$2 billion", "USD"),  # says when
        ("They reported 300 cases of measles a week.", "300 cases", "case"),  # a count keeps its noun
        ("The well gives 20 litres of water an adult needs.", "20 litres", "litre"),  # "an adult" is no rate
        ("He spent $5 million of a new fund a year.", "$5 million", "USD"),  # an article right after "of"
    ],
)
def test_no_rate_after_an_of_phrase_where_none_is_said(figures: Finder, text: str, phrase: str, unit: str) -> None:
    assert (phrase, unit) in [(p, u) for p, _, u in read_figures(figures, text)]


def test_per_year_before_a_time_word_is_still_a_rate(figures: Finder) -> None:
    found = [(p, u) for p, _, u in read_figures(figures, "Rents rose 3% per year since 2010.")]
    assert found == [("3% per year", "percent per year")]
    assert [(p, u) for p, _, u in read_figures(figures, "It earned $6bn a year earlier.")] == [("$6bn", "USD")]


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("She was 95 years of age when she retired.", "95 years of age", "year of age"),
        ("The vaccine is for infants six weeks of age.", "six weeks of age", "week of age"),
    ],
)
def test_years_of_age_is_an_age_and_stays_beside_a_time(figures: Finder, text: str, phrase: str, unit: str) -> None:
    assert (phrase, unit) in [(p, u) for p, _, u in read_figures(figures, text)]
    # A time expression over the same words does not take the age away, as it does not take a length of time.
    start = text.index(phrase)
    excluded = [(text[f.start : f.end], f.unit) for f in figures(text, [(start, start + len(phrase))])]
    assert (phrase, unit) in excluded


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("Water boils at 100° Celsius.", "100° Celsius", "celsius"),
        ("Temperatures hit 45 degrees centigrade.", "45 degrees centigrade", "celsius"),
        ("It was 30 degrees Celcius in Rome.", "30 degrees Celcius", "celsius"),
        ("Phoenix reached 118° Fahrenheit.", "118° Fahrenheit", "fahrenheit"),
    ],
)
def test_a_temperature_named_after_its_degrees(figures: Finder, text: str, phrase: str, unit: str) -> None:
    assert (phrase, unit) in [(p, u) for p, _, u in read_figures(figures, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eggs cost $3 a dozen.", [("$3 a dozen", "USD per dozen")]),
        ("Eggs sold for $4.50 a dozen last week.", [("$4.50 a dozen", "USD per dozen")]),
        ("She lent $500 a dozen friends.", [("$500", "USD"), ("a dozen friends", "friend")]),
        ("He has paid $1,000 a dozen times.", [("$1,000", "USD"), ("a dozen times", "times")]),
    ],
)
def test_a_dozen_is_a_rate_only_where_it_counts_nothing_after_it(
    figures: Finder, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(p, u) for p, _, u in read_figures(figures, text)] == expected


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        # An ordinal-looking fraction word before a scale is a number, not an ordinal.
        ("The fund raised a third of a billion.", "a third of a billion", 1e9 / 3, None),
        ("The agency spent a fifth of a billion dollars on ads.", "a fifth of a billion dollars", 2e8, "USD"),
        # Hyphened throughout, the fraction and its scale describe the noun together.
        ("A quarter-million-dollar loss hit the firm.", "A quarter-million-dollar loss", 250_000, "USD"),
    ],
)
def test_a_fraction_of_a_scale_in_more_shapes(
    figures: Finder, text: str, phrase: str, value: float, unit: str | None
) -> None:
    found = {p: (v, u) for p, v, u in read_figures(figures, text)}
    assert phrase in found and found[phrase][1] == unit
    assert found[phrase][0] == pytest.approx(value)


def test_a_scale_hyphened_to_a_noun_after_a_fraction_is_its_own_figure(figures: Finder) -> None:
    text = "Two-thirds of a billion-dollar grant was unspent."
    assert [(p, u) for p, _, u in read_figures(figures, text)] == [
        ("Two-thirds", "fraction"),
        ("a billion-dollar grant", "USD"),
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("The firm lost $2 billion of value a week into the war.", "$2 billion", "USD"),
        ("The mine lost 300 tons a month into the strike.", "300 tons", "ton"),
        ("He stole $2,000 of jewelry a day trader had left in the car.", "$2,000", "USD"),
        ("The bank wrote off $4 billion of loans a year-end review found bad.", "$4 billion", "USD"),
        ("The team keeps $5 of every ticket a person buys.", "$5", "USD"),
        ("The bank sold $2 billion of debt a person familiar with the deal said.", "$2 billion", "USD"),
    ],
)
def test_a_noun_after_a_that_names_a_thing_of_its_own_makes_no_rate(
    figures: Finder, text: str, phrase: str, unit: str
) -> None:
    assert (phrase, unit) in [(p, u) for p, _, u in read_figures(figures, text)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He fought 20 years of age discrimination in court.", "20 years"),
        ("In the last five years of age-related research, costs doubled.", "five years"),
    ],
)
def test_age_describing_a_noun_after_it_makes_no_age(figures: Finder, text: str, phrase: str) -> None:
    assert (phrase, "year") in [(p, u) for p, _, u in read_figures(figures, text)]
