"""Tests for number shapes news writes beyond the plain "12 people": fact boxes flattened into text, decimal commas,
mixed fractions, vague multiples of a scale, "a day or two", model names around numbers, unit symbols a sentence's
full stop sticks to, and the rarer measures and currency signs. Every sentence is made up for the test.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import Finder


def _read(figures: Finder, text: str) -> list[tuple[str, float | None, str | None]]:
    return [(text[f.start : f.end], f.value, f.unit) for f in figures(text)]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("The resistor is rated at 470 Ω.", "470 Ω", 470.0, "ohm"),
        ("The lamp gives 800 lm of light.", "800 lm", 800.0, "lumen"),
        ("Workers received a dose of 20 mSv.", "20 mSv", 20.0, "millisievert"),
        ("Air pressure fell to 980 hPa overnight.", "980 hPa", 980.0, "hectopascal"),
        ("The jar holds 16 fl oz of honey.", "16 fl oz", 16.0, "fluid ounce"),
        ("A stamp costs 73¢ now.", "73¢", 73.0, "cent"),
        ("The fee is ৳500 a month.", "৳500 a month", 500.0, "BDT per month"),
        ("The bill came to 250 lei.", "250 lei", 250.0, "RON"),
        ("Prices rose half a percent.", "half a percent", 0.5, "percent"),
        ("The company's 40,000-square-foot warehouse burned.", "40,000-square-foot warehouse", 40000.0,
         "square foot"),
        ("The 6ft 4in striker joined on loan.", "4in", 4.0, "inch"),
        ("Chipmakers now produce sub-7 nanometer chips.", "sub-7 nanometer", 7.0, "nanometre"),
    ],
)  # fmt: skip
def test_rarer_measures_and_currencies(figures: Finder, text: str, phrase: str, value: float, unit: str) -> None:
    assert (phrase, pytest.approx(value), unit) in _read(figures, text)


def test_a_symbol_unit_ends_before_the_full_stop_it_took(figures: Finder) -> None:
    (figure,) = figures("The force on the beam was 500 N.")
    assert (figure.value, figure.end, figure.unit) == (500.0, len("The force on the beam was 500 N"), "n")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The fund lost €1,5 million last year.", "€1,5 million", 1.5e6),
        ("Inflation reached 2,75% in May.", "2,75%", 2.75),
        ("The recipe needs 1 1/2 cups of flour.", "1 1/2 cups", 1.5),
        ("Hood lost by five-and-a-half points.", "five-and-a-half points", 5.5),
        ("A 5,000-strong crowd gathered outside.", "5,000-strong crowd", 5000.0),
        ("Some 200-odd workers lost their jobs.", "Some 200-odd workers", 200.0),
    ],
)
def test_written_number_shapes(figures: Finder, text: str, phrase: str, value: float) -> None:
    assert (phrase, pytest.approx(value)) in [(p, v) for p, v, _ in _read(figures, text)]


def test_thousands_keep_their_comma(figures: Finder) -> None:
    assert [v for _, v, _ in _read(figures, "The firm sold 1,500 cars and 12,250 vans.")] == [1500.0, 12250.0]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Several hundred people gathered.", 300.0, 1000.0),
        ("A few dozen protesters remained.", 24.0, 120.0),
        ("A couple of hundred workers walked out.", 200.0, 300.0),
        ("The rally attracted tens of thousands.", 1e4, 1e5),
    ],
)
def test_vague_multiples_of_a_scale(figures: Finder, text: str, low: float, high: float) -> None:
    (figure,) = figures(text)
    assert (figure.value, figure.low, figure.high) == (None, low, high)


def test_several_hundred_without_a_noun_is_no_figure(figures: Finder) -> None:
    assert _read(figures, "The chain laid off several hundred.") == []


def test_a_noun_or_two(figures: Finder) -> None:
    assert _read(figures, "The rain will last a day or two.") == [("two", 2.0, "day")]


def test_labelled_numbers_of_a_fact_box(figures: Finder) -> None:
    text = "Goals: 12. Population (2020): 1,234,567."
    assert [v for _, v, _ in _read(figures, text)] == [12.0, 1234567.0]


def test_a_colon_inside_a_clause_labels_nothing(figures: Finder) -> None:
    assert _read(figures, "Boeing booked orders this week: two from Biman.") == []


@pytest.mark.parametrize(
    "text",
    [
        "After 9/11 security was tightened.",
        "The PS5 sold out within hours.",
        "The airline grounded its Boeing 737 Max jets.",
        "He is the No. 2 seed at the tournament.",
        "The population grew by 10^ people.",
    ],
)
def test_names_and_ids_are_no_figures(figures: Finder, text: str) -> None:
    assert _read(figures, text) == []


def test_a_range_split_badly_is_no_metre(figures: Finder) -> None:
    assert all(unit != "metre" for _, _, unit in _read(figures, "The damage is estimated at $10m-$15m."))


def test_the_low_end_of_a_range_names_what_it_counts(figures: Finder) -> None:
    low, high = figures("The company expects 10 to 12 new stores.")
    assert (low.unit, low.about) == (high.unit, high.about) == ("store", "new stores")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("One-third of voters are undecided.", "One-third", 1 / 3),
        ("The budget grew by one-fifth.", "one-fifth", 0.2),
    ],
)
def test_a_share_written_with_one(figures: Finder, text: str, phrase: str, value: float) -> None:
    assert _read(figures, text) == [(phrase, pytest.approx(value), None)]


def test_a_box_score_counts_one_goal_after_a_name(figures: Finder) -> None:
    assert [p for p, _, _ in _read(figures, "Noah Jackson 1 goal, 1 assist.")] == ["1 goal", "1 assist"]


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("The top three seeds advanced.", "top seeds"),
        ("He netted a record 32 goals in the season.", "record goals"),
        ("A whopping 80 million followers saw it.", "followers"),
        ("In the past two years, sales fell.", "years"),
        ("The flu killed an estimated 61,000 Americans.", "Americans"),
    ],
)
def test_words_before_a_number_that_name_what_it_counts(figures: Finder, text: str, about: str) -> None:
    (figure,) = figures(text)
    assert figure.about == about


@pytest.mark.parametrize(("text", "unit"), [("They gave 100 doses.", "dose"), ("He paid 3 taxes.", "tax")])
def test_plurals_the_lemmatizer_misreads(figures: Finder, text: str, unit: str) -> None:
    (figure,) = figures(text)
    assert figure.unit == unit


@pytest.mark.parametrize("text", ["The Colts overcame a 14-0 deficit.", "The Owls sealed an 88-72 win."])
def test_a_score_before_the_noun_it_describes_counts_nothing(figures: Finder, text: str) -> None:
    assert _read(figures, text) == []


def test_a_range_before_a_plural_noun_is_no_score(figures: Finder) -> None:
    assert [v for _, v, _ in _read(figures, "Between 10-15 people were hurt.")] == [10.0, 15.0]


def test_a_thing_a_loosely_written_name_number_counts(figures: Finder) -> None:
    (figure,) = figures("They procured thousands of COVID -19 tests.")
    assert (figure.unit, figure.low, figure.high) == ("test", 1e3, 1e4)
