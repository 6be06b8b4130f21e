"""Tests for figure rules meant to hold on any news wording: currencies of many countries, magnitudes written as
wire services write them, ages said with a verb, units left unsaid in a parallel clause, fractions of a unit and
ranked groups. Every sentence is made up for the test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from rashomon.extract import figure_elided as figure_module
from tests.unit.extract.conftest import Finder, read_figures

if TYPE_CHECKING:
    from spacy.tokens import Token


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("Chip sales reached NT$1.2 trillion in the year.", "NT$1.2 trillion", 1.2e12, "TWD"),
        ("The state bank lent RMB 80 billion to builders.", "RMB 80 billion", 8e10, "CNY"),
        ("Group turnover rose to Dh1.2 billion.", "Dh1.2 billion", 1.2e9, "AED"),
        ("The court fined the firm ₱500,000.", "₱500,000", 5e5, "PHP"),
        ("The utility owes ₺40 billion.", "₺40 billion", 4e10, "TRY"),
        ("Rice now sells for Rp 15,000 per kilogram.", "Rp 15,000 per kilogram", 15000.0, "IDR per kilogram"),
        ("Nurses earn Rs. 50,000 a month there.", "Rs. 50,000 a month", 50000.0, "INR per month"),
        ("Rent averages 1,500 Brazilian reais a month.", "1,500 Brazilian reais a month", 1500.0, "BRL per month"),
        ("The lender booked 4.3 bn euros of losses.", "4.3 bn euros", 4.3e9, "EUR"),
        ("The startup is now valued at $2.5B.", "$2.5B", 2.5e9, "USD"),
        ("The carmaker made a net profit of $1.5 bln.", "$1.5 bln", 1.5e9, "USD"),
        ("The ministry expects a deficit of 2.1 trln yen.", "2.1 trln yen", 2.1e12, "JPY"),
        ("Analysts expect earnings of 45c a share.", "45c a share", 45.0, "cent per share"),
        ("The tickets cost 50 quid each.", "50 quid", 50.0, "GBP"),
        ("The base model costs $45K.", "$45K", 45000.0, "USD"),
        ("Engineers there earn $120k a year.", "$120k a year", 120000.0, "USD per year"),
        ("Blood pressure fell by 10mmHg.", "10mmHg", 10.0, "millimetre of mercury"),
        ("It will reach 25ºC on Friday.", "25ºC", 25.0, "celsius"),
    ],
)
def test_currencies_and_magnitudes(figures: Finder, text: str, phrase: str, value: float, unit: str) -> None:
    assert (phrase, pytest.approx(value), unit) in read_figures(figures, text)


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("Support for the party rose 3pp in a month.", "3pp", 3.0, "percentage point"),
        ("Traders bet on a 25 basis-point cut.", "25 basis-point", 25.0, "basis point"),
        ("The bank raised rates by half a percentage point.", "half a percentage point", 0.5, "percentage point"),
        ("The rate was cut by a quarter of a percentage point.", "a quarter of a percentage point", 0.25,
         "percentage point"),
        ("The talks lasted half an hour.", "half an hour", 0.5, "hour"),
        ("The shelter is half a mile from the river.", "half a mile", 0.5, "mile"),
    ],
)  # fmt: skip
def test_points_and_fractions_of_a_unit(figures: Finder, text: str, phrase: str, value: float, unit: str) -> None:
    assert (phrase, pytest.approx(value), unit) in read_figures(figures, text)


def test_a_number_with_a_magnitude_is_a_figure_wherever_it_stands(figures: Finder) -> None:
    assert read_figures(figures, "Unit sales topped 1.2bn.") == [("1.2bn", 1.2e9, None)]


@pytest.mark.parametrize(
    "text",
    [
        "He will be 35 by the end of the season.",
        "She is 72 and still runs the farm.",
        "Hollis, who turned 60 last month, has retired.",
    ],
)
def test_an_age_a_person_is_or_turns(figures: Finder, text: str) -> None:
    (figure,) = figures(text)
    assert figure.unit == "year of age"


@pytest.mark.parametrize("text", ["The price will be 35 next year.", "He is one of the negotiators."])
def test_not_an_age(figures: Finder, text: str) -> None:
    assert all(f.unit != "year of age" for f in figures(text))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The DAX rose by 2 percent but the CAC fell by 1.", 1.0, "percent"),
        ("The storm killed 30 people and injured 70.", 70.0, "people"),
        ("The bank has 3.2 million customers, up from 2.9 million.", 2.9e6, "customer"),
        ("The chain had 300 stores compared with 250 a year ago.", 250.0, "store"),
    ],
)
def test_a_unit_left_unsaid_is_taken_from_the_parallel_figure(
    figures: Finder, text: str, value: float, unit: str
) -> None:
    bare = [f for f in figures(text) if f.value == pytest.approx(value)]
    assert [f.unit for f in bare] == [unit]


def test_a_bare_number_after_a_change_to_a_level_keeps_no_unit(figures: Finder) -> None:
    assert [f.unit for f in figures("Shares rose 5% to 120.")] == ["percent", None]


@pytest.mark.parametrize("text", ["It is one of the largest banks in Asia.", "This was one of the worst floods."])
def test_one_of_a_ranked_group_is_no_figure(figures: Finder, text: str) -> None:
    # A rank says which, not how many: a reader comparing outlets' figures has nothing to compare in it.
    assert [f for f in figures(text) if f.value == 1.0] == []


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Its shares have fallen by a third this year.", "a third", 1 / 3),
        ("The firm cut its staff by half.", "half", 0.5),
        ("A two-thirds majority is needed to pass it.", "two-thirds", 2 / 3),
    ],
)
def test_fractions_without_of(figures: Finder, text: str, phrase: str, value: float) -> None:
    assert (phrase, pytest.approx(value), "fraction") in read_figures(figures, text)


@pytest.mark.parametrize("text", ["The 24/7 news cycle wears reporters out.", "It was a 50/50 call."])
def test_a_slash_phrase_is_no_fraction(figures: Finder, text: str) -> None:
    assert figures(text) == ()


def test_a_counted_noun_inside_a_compound_names_the_whole_compound(figures: Finder) -> None:
    (figure,) = figures("The 12 nation trade pact took effect.")
    assert (figure.unit, figure.about) == ("pact", "nation trade pact")


def test_a_part_of_a_counted_group_is_not_given_the_groups_noun(figures: Finder) -> None:
    # "three of the five cars" would otherwise read as a second count of cars
    text = "Three of the train's five cars left the rails."
    assert read_figures(figures, text)[0] == ("Three", 3.0, None)


def test_a_number_after_a_product_name_in_camel_case_is_part_of_it(figures: Finder) -> None:
    assert figures("This iPhone 15 Pro deal ends soon.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Ortiz was 3 for 5 with a double last night.",
        "The champion is 4 under par through the turn.",
        "Patel, who was 6 over par, withdrew.",
        "She is 3 behind the leader going into Sunday.",
        "He was 20 over the speed limit when stopped.",
    ],
)
def test_a_score_or_margin_said_with_a_verb_is_no_age(figures: Finder, text: str) -> None:
    assert all(f.unit != "year of age" for f in figures(text))


@pytest.mark.parametrize(
    "text",
    [
        "Kowalski will be 48 in March.",
        "Alvarez, who turned 70 on Tuesday, stepped down.",
        "She turned 90 last spring.",
    ],
)
def test_an_age_before_a_time_phrase_stays_an_age(figures: Finder, text: str) -> None:
    assert [f.unit for f in figures(text)] == ["year of age"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The town now counts 4 million visitors, up from 3 in 2010.", 3.0),
        ("The studio shipped 12 million consoles this year, against 9 in 2021.", 9.0),
        ("Exports were worth £5m, up from 4 a year before.", 4.0),
    ],
)
def test_a_bare_number_takes_no_unit_from_a_figure_with_a_scale(figures: Finder, text: str, value: float) -> None:
    # the bare number means millions too: its unit alone would read "3 visitors"
    bare = [f for f in figures(text) if f.value == value]
    assert [f.unit for f in bare] == [None]


def test_a_bare_number_after_from_without_a_change_is_no_comparison(figures: Finder) -> None:
    assert read_figures(figures, "The club raised £300 from 25.") == [("£300", 300.0, "GBP"), ("25", 25.0, None)]


def test_a_bare_number_after_a_change_from_is_compared(figures: Finder) -> None:
    assert ("40", 40.0, "percent") in read_figures(figures, "Turnout rose to 45 percent from 40.")


def test_the_donor_search_stops_at_the_nearest_figure_with_a_unit(figures: Finder) -> None:
    text = "The charity collected $900 from 30 donors and fed 60."
    assert ("60", 60.0, None) in read_figures(figures, text)


def test_a_parallel_pair_of_clauses_passes_over_its_own_figure(figures: Finder) -> None:
    # "1.5%" pairs with "2%" in its own clause; "880" still takes the unit of "910 points"
    text = "The index ended down 2% at 910 points, while the other gauge lost 1.5% to end at 880."
    assert ("880", 880.0, "point") in read_figures(figures, text)


def test_bare_numbers_look_for_a_unit_in_their_own_sentence_only(
    figures: Finder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every bare number once looked back through every earlier figure of the article: time grew with its square
    calls = []
    parallel = figure_module._parallel

    def counted(earlier: Token, later: Token) -> bool:
        calls.append(earlier.i)
        return parallel(earlier, later)

    monkeypatch.setattr(figure_module, "_parallel", counted)
    found = figures(" ".join(["The shop sold 14 pears. Its rival sold 230."] * 200))
    assert len(found) == 400
    assert all(f.unit is None for f in found if f.value == 230.0)
    assert len(calls) <= 400


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("The mill crushed 12 mn tn of cane.", "12 mn", 1.2e7, None),
        ("The country bought 1.8 mln tn of wheat.", "1.8 mln tn", 1.8e6, "tn"),
        ("Public debt passed 3.1 tn yen.", "3.1 tn yen", 3.1e12, "JPY"),
    ],
)
def test_a_scale_word_after_another_is_not_a_second_scale(
    figures: Finder, text: str, phrase: str, value: float, unit: str | None
) -> None:
    assert (phrase, pytest.approx(value), unit) in read_figures(figures, text)


@pytest.mark.parametrize("text", ["The thermometer showed 31 c at noon.", "Clause 4 c of the treaty was struck."])
def test_a_spaced_c_is_no_cent(figures: Finder, text: str) -> None:
    assert all(f.unit != "cent" for f in figures(text))


def test_a_glued_c_is_a_cent(figures: Finder) -> None:
    assert ("12c", 12.0, "cent") in read_figures(figures, "The stock slipped 12c to $4.10.")


def test_a_part_of_a_measured_whole_takes_its_unit_and_of_a_counted_whole_none(figures: Finder) -> None:
    assert ("4", 4.0, "kilometre") in read_figures(figures, "Crews have paved 4 of 9 km so far.")
    assert read_figures(figures, "The striker scored 8 of 20 shots.")[0] == ("8", 8.0, None)
