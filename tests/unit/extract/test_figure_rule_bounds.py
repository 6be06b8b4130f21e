"""Tests for the bounds of figure rules added for news corpora (counts of "others" and "more", "off", numbers that
name a thing, ages at death, magnitudes, "A $", "5G", owners' partitives, margins either way, participles): each
sentence is one a rule misread while it was unbounded. Every sentence is made up for the test.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from rashomon.compare.conflicts import quantity_kind
from tests.unit.extract.conftest import Finder, read_figures


def _units(figures: Finder, text: str) -> list[tuple[str, str | None]]:
    return [(phrase, unit) for phrase, _, unit in read_figures(figures, text)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Mara scored 30 points and three others scored in double figures.", "three others"),
        ("The index gained 5 points, and 3 others fell.", "3 others"),
        ("The patient received 2 doses; 5 others got a placebo.", "5 others"),
        ("Kell has won 22 titles, while 3 others have won more than 10.", "3 others"),
        ("The crash killed two children and injured four others.", "four others"),
    ],
)
def test_others_in_another_place_or_after_a_narrow_kind_stay_others(figures: Finder, text: str, phrase: str) -> None:
    assert (phrase, "other") in _units(figures, text)


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("The attack killed 253 people and injured 5,000 others.", "5,000 others", "people"),
        ("The blast killed 10 people, injuring dozens more.", "dozens", "people"),
        # People in general, however the clauses run.
        ("At least 12 people were killed and 30 others injured.", "30 others", "people"),
        ("Twelve people died and 30 others were hurt.", "30 others", "people"),
        ("The blast killed 12 people, while 30 others were wounded.", "30 others", "people"),
    ],
)
def test_others_and_more_in_a_parallel_place_take_the_kind(figures: Finder, text: str, phrase: str, unit: str) -> None:
    assert (phrase, unit) in _units(figures, text)


@pytest.mark.parametrize(
    "text",
    [
        "He took 3 days off.",
        "The forecast was off by 3 degrees.",
        "The count was off 5 votes.",
        "Everything is 30% off.",
    ],
)
def test_off_after_an_amount_or_before_by_or_another_unit_gives_no_fall(figures: Finder, text: str) -> None:
    assert [f.direction for f in figures(text)] == [None]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Crude closed at $80.50, off $1.", "$1"),
        ("Shares were off 3% in early trading.", "3%"),
        ("Oil was off $1.20 a barrel.", "$1.20 a barrel"),
    ],
)
def test_off_before_a_market_move_is_a_fall(figures: Finder, text: str, phrase: str) -> None:
    assert [f.direction for f in figures(text) if text[f.start : f.end] == phrase] == ["down"]


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("Hunters killed 300 elk last season.", "300 elk", "elk"),
        ("The herd of 500 bison was moved.", "500 bison", "bison"),
        ("Officials counted 200 salmon in the river.", "200 salmon", "salmon"),
        ("They caught 300 fish and 200 shrimp.", "200 shrimp", "shrimp"),
        ("About 300 youth joined the protest.", "About 300 youth", "youth"),
        # "the" or an owner before three digits is a count's determiner too.
        ("Rangers counted the 500 bison in the park.", "500 bison", "bison"),
        ("Its 400 faculty voted no confidence.", "400 faculty", "faculty"),
    ],
)
def test_a_long_number_before_a_noun_without_a_determiner_counts_it(
    figures: Finder, text: str, phrase: str, unit: str
) -> None:
    assert (phrase, unit) in _units(figures, text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("He died at 3 in the morning.", "3"),
        ("She died at 11 on Sunday night.", "11"),
        ("Officials put the number of dead at 40.", "40"),
        ("Police put the number of people dead at 52.", "52"),
    ],
)
def test_a_clock_time_or_a_death_toll_after_at_is_no_age(figures: Finder, text: str, number: str) -> None:
    assert (number, float(number), None) in read_figures(figures, text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The actor, dying at 91, left no will.", "91"),
        ("The painter died at 88 on Sunday.", "88"),
        # Past twelve, no hour of the clock.
        ("The actor died at 91 last night.", "91"),
        ("The author died at 88 in the morning.", "88"),
    ],
)
def test_an_age_one_dies_at_is_read_by_the_lemma(figures: Finder, text: str, number: str) -> None:
    assert (number, float(number), "year of age") in read_figures(figures, text)


def test_a_figurative_magnitude_keeps_its_counted_noun(figures: Finder) -> None:
    text = "Officials were stunned by the magnitude of 5 separate attacks."
    assert ("5 separate attacks", 5.0, "attack") in read_figures(figures, text)


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("The quake left a crack measuring 2.5 metres.", "2.5 metres", "metre"),
        ("The tremor, measuring 3 km wide, was shallow.", "3 km", "kilometre"),
    ],
)
def test_a_measure_after_measuring_wins_over_a_magnitude(figures: Finder, text: str, phrase: str, unit: str) -> None:
    assert (phrase, unit) in _units(figures, text)


def test_a_spaced_a_dollar_mid_sentence_is_australian(figures: Finder) -> None:
    text = "Qantas posted a profit of A $1.2 billion."
    assert ("A $1.2 billion", 1.2e9, "AUD") in read_figures(figures, text)


@pytest.mark.parametrize("text", ["A $5 reward was offered.", "SYDNEY - A $5 reward was offered on Tuesday."])
def test_a_spaced_a_dollar_opening_a_sentence_is_the_article(figures: Finder, text: str) -> None:
    assert ("$5", 5.0, "USD") in read_figures(figures, text)


@pytest.mark.parametrize("text", ["Pilots endured 9G in the maneuver.", "The rocket pulled 3G during launch."])
def test_a_g_force_is_no_mobile_generation(figures: Finder, text: str) -> None:
    assert all(unit != "generation wireless" for _, _, unit in read_figures(figures, text))


@pytest.mark.parametrize("text", ["Britain banned the firm's 5G equipment.", "The 5G auction raised $2 billion."])
def test_a_mobile_generation_beside_its_gear_or_licences(figures: Finder, text: str) -> None:
    assert any(unit == "generation wireless" for _, _, unit in read_figures(figures, text))


def test_a_mobile_generation_names_a_network_and_conflicts_with_none(figures: Finder) -> None:
    (found,) = figures("The carrier launched its 5G network in May.")
    assert found.unit == "generation wireless"
    assert quantity_kind(found) is None  # "4G" against "5G" is two networks, no two counts of one
    assert quantity_kind(replace(found, unit="percent")) is not None


def test_an_owners_partitive_takes_no_currency_from_inside(figures: Finder) -> None:
    assert ("Two", 2.0, None) in read_figures(figures, "Two of Tesla's $50,000 cars crashed.")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The margin of error is plus or minus 3.", "plus or minus 3", 3.0),
        ("The score is 5 plus or minus 2.", "plus or minus 2", 2.0),
        ("The margin of error is plus-or-minus 3 points.", "plus-or-minus 3 points", 3.0),
    ],
)
def test_a_bare_margin_either_way_is_its_positive_size(figures: Finder, text: str, phrase: str, value: float) -> None:
    assert [v for p, v, _ in read_figures(figures, text) if p == phrase] == [value]


def test_a_margin_with_a_unicode_minus_starts_on_its_plus(figures: Finder) -> None:
    text = "The poll has a margin of error of +/−3 points."
    assert ("+/−3 points", 3.0, "point") in read_figures(figures, text)


def test_a_past_tense_verb_with_no_verb_before_counts_no_object(figures: Finder) -> None:
    assert all(unit != "medal" for _, _, unit in read_figures(figures, "In the end 12 earned medals."))
