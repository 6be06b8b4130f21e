"""Tests for number shapes news writes beyond the plain "12 people": fact boxes flattened into text, decimal commas,
mixed fractions, vague multiples of a scale, "a day or two", model names around numbers, unit symbols a sentence's
full stop sticks to, and the rarer measures and currency signs. Every sentence is made up for the test.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

import pytest

from rashomon.extract import figures as figures_module
from tests.unit.extract.conftest import Finder, read_figures

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


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
    assert (phrase, pytest.approx(value), unit) in read_figures(figures, text)


def test_a_symbol_unit_ends_before_the_full_stop_it_took(figures: Finder) -> None:
    (figure,) = figures("The force on the beam was 500 N.")
    assert (figure.value, figure.end, figure.unit) == (500.0, len("The force on the beam was 500 N"), "newton")


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
    assert (phrase, pytest.approx(value)) in [(p, v) for p, v, _ in read_figures(figures, text)]


def test_thousands_keep_their_comma(figures: Finder) -> None:
    assert [v for _, v, _ in read_figures(figures, "The firm sold 1,500 cars and 12,250 vans.")] == [1500.0, 12250.0]


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
    assert read_figures(figures, "The chain laid off several hundred.") == []


def test_a_noun_or_two(figures: Finder) -> None:
    assert read_figures(figures, "The rain will last a day or two.") == [("two", 2.0, "day")]


def test_labelled_numbers_of_a_fact_box(figures: Finder) -> None:
    text = "Goals: 12. Population (2020): 1,234,567."
    assert [v for _, v, _ in read_figures(figures, text)] == [12.0, 1234567.0]


def test_a_colon_inside_a_clause_labels_nothing(figures: Finder) -> None:
    assert read_figures(figures, "Boeing booked orders this week: two from Biman.") == []


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
    assert read_figures(figures, text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "about"),
    [
        ("The carmaker shipped 41,720 Model 3s last quarter.", "41,720 Model 3s", "Model 3s"),
        ("The carrier leases 28 Airbus A350s from a bank.", "28 Airbus A350s", "Airbus A350s"),
    ],
)
def test_a_model_number_made_plural_is_counted(figures: Finder, text: str, phrase: str, about: str) -> None:
    (found,) = figures(text)
    assert (text[found.start : found.end], found.about) == (phrase, about)


def test_a_name_before_a_counted_noun_names_no_model(figures: Finder) -> None:
    assert [f.value for f in figures("The dealer sold 12,480 Corolla sedans and no trucks.")] == [12480.0]


@pytest.mark.parametrize(
    "text",
    [
        "Ticket sales reached 12,500 Saturday night.",
        "Attendance hit 45,000 Christmas Day.",
        "He won the 2,000 Guineas.",
    ],
)
def test_a_day_or_a_race_after_a_large_number_is_no_counted_thing(figures: Finder, text: str) -> None:
    assert all(f.about is None for f in figures(text))


def test_a_range_split_badly_is_no_metre(figures: Finder) -> None:
    assert all(unit != "metre" for _, _, unit in read_figures(figures, "The damage is estimated at $10m-$15m."))


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
    assert read_figures(figures, text) == [(phrase, pytest.approx(value), "fraction")]


def test_a_box_score_counts_one_goal_after_a_name(figures: Finder) -> None:
    assert [p for p, _, _ in read_figures(figures, "Noah Jackson 1 goal, 1 assist.")] == ["1 goal", "1 assist"]


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
    assert read_figures(figures, text) == []


def test_a_range_before_a_plural_noun_is_no_score(figures: Finder) -> None:
    assert [v for _, v, _ in read_figures(figures, "Between 10-15 people were hurt.")] == [10.0, 15.0]


def test_a_thing_a_loosely_written_name_number_counts(figures: Finder) -> None:
    (figure,) = figures("They procured thousands of COVID -19 tests.")
    assert (figure.unit, figure.low, figure.high) == ("test", 1e3, 1e4)


def test_referents_look_only_at_the_figures_of_their_own_sentence(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # every figure of a long box score would otherwise be scanned for each figure in it
    seen: list[tuple[Span, set[int]]] = []

    def spy(doc: Doc, first: int, last: int, tokens: Collection[int] = (), *, counted: bool = False) -> tuple[str, ...]:
        seen.append((doc[first].sent, set(tokens)))
        return ()

    monkeypatch.setattr(figures_module, "find_referents", spy)
    figures_module.find_figures(nlp("The club sold 40 shirts and 12 scarves. Its rival sold 30 hats."), "a1")
    assert len(seen) == 3
    assert all(tokens and all(sent.start <= k < sent.end for k in tokens) for sent, tokens in seen)


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("The government raised the petrol price by Rs5 per litre.", "Rs5 per litre", "INR per litre"),
        ("A plate of rice costs RM5 at the stall.", "RM5", "MYR"),
        ("A bus ticket now costs Rp5 more.", "Rp5", "IDR"),
        ("The council will spend RM5 billion on roads.", "RM5 billion", "MYR"),
    ],
)
def test_a_currency_prefix_on_one_digit_is_money(figures: Finder, text: str, phrase: str, unit: str) -> None:
    assert [(p, u) for p, _, u in read_figures(figures, text)] == [(phrase, unit)]


@pytest.mark.parametrize("text", ["He drove an Audi RS5 to the race.", "Gamers queued for the PS5 all night."])
def test_letters_on_one_digit_that_name_a_model_are_no_money(figures: Finder, text: str) -> None:
    assert read_figures(figures, text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "unit"),
    [
        ("Two bar staff were injured.", "Two bar staff", "staff"),
        ("Police spoke to 5 bar workers on the night.", "5 bar workers", "worker"),
        ("The tyres were pumped to 2 bar.", "2 bar", "bar"),
    ],
)
def test_a_unit_symbol_that_is_a_noun_before_another(figures: Finder, text: str, phrase: str, unit: str) -> None:
    assert [(p, u) for p, _, u in read_figures(figures, text)] == [(phrase, unit)]


def test_a_year_before_a_fraction_is_no_whole_part(figures: Finder) -> None:
    assert [v for _, v, _ in read_figures(figures, "In 2019 1/3 of adults smoked.")] == [pytest.approx(1 / 3)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("On Tuesday 300 Amazon workers walked out.", "300 Amazon workers"),
        ("By Friday 40 Tesla owners had complained.", "40 Tesla owners"),
    ],
)
def test_a_day_before_a_number_is_no_name(figures: Finder, text: str, phrase: str) -> None:
    assert phrase in [p for p, _, _ in read_figures(figures, text)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The answer was no. 200 people voted against it.", "200 people"),
        ("Her reply was no. 12 members walked out.", "12 members"),
    ],
)
def test_a_no_that_ends_a_sentence_is_no_id_word(figures: Finder, text: str, phrase: str) -> None:
    assert [p for p, _, _ in read_figures(figures, text)] == [phrase]


@pytest.mark.parametrize(
    "text", ["Herrera: 4", "Episode: 4", "Chapter: 7", "Version: 2", "Rank: 3", "Season: 2", "Okafor: 11"]
)
def test_a_small_number_after_a_singular_label_is_no_figure(figures: Finder, text: str) -> None:
    assert read_figures(figures, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("Deaths: 3", 3.0), ("Attendance: 45,000", 45000.0), ("Death toll: 45", 45.0), ("Age: 34", 34.0)],
)
def test_a_plural_label_or_a_large_number_is_a_figure(figures: Finder, text: str, value: float) -> None:
    assert [v for _, v, _ in read_figures(figures, text)] == [value]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The firm is building 2,3 and 4 bedroom homes.", [4.0]),
        ("The match ended 2,1 after extra time.", []),
        ("The trail is 2,5 km long.", [2.5]),
        ("A coffee costs 3,50 euros here.", [3.5]),
        ("The bank cut its rate by 1,5 per cent.", [1.5]),
    ],
)
def test_a_decimal_comma_needs_a_unit_beside_it(figures: Finder, text: str, values: list[float]) -> None:
    assert [v for _, v, _ in read_figures(figures, text)] == values


def test_the_newton_symbol(figures: Finder) -> None:
    assert read_figures(figures, "The force was 5 N.") == [("5 N", 5.0, "newton")]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [("In May 450 people were arrested.", "450 people"), ("In March 2,000 workers struck.", "2,000 workers")],
)
def test_a_count_beside_a_month_is_a_figure(figures: Finder, text: str, phrase: str) -> None:
    # Only a number that could be a day or a year is the month's date.
    assert [p for p, _, _ in read_figures(figures, text)] == [phrase]
