"""Tests for the units read from quantulum3's vocabulary (`lexicon.unit_names`): full names and symbols our own
tables do not list, the symbols that must stay letters, and the one-letter symbol a sentence settles. Every
sentence is made up for the test."""

from __future__ import annotations

import pytest

from rashomon.extract.lexicon import unit_names
from tests.unit.extract.conftest import Finder, read_figures


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["hectolitres"], (1, "hectolitre")),
        (["hectoliters", "of"], (1, "hectolitre")),
        (["astronomical", "units", "away"], (2, "astronomical unit")),
        (["newton", "metres"], (2, "newton metre")),
        (["microfarads"], (1, "microfarad")),
        (["quintals"], (1, "quintal")),
    ],
)
def test_full_names_and_plurals(words: list[str], expected: tuple[int, str]) -> None:
    assert unit_names.surface_unit(words) == expected


@pytest.mark.parametrize("words", [["bars"], ["cups"], ["league"], ["drops"], ["minutes"], ["pieces"], ["rad"]])
def test_everyday_words_counts_and_times_are_no_vocabulary_unit(words: list[str]) -> None:
    assert unit_names.surface_unit(words) is None


@pytest.mark.parametrize(
    ("symbol", "glued", "expected"),
    [
        ("TeV", False, "teraelectronvolt"),
        ("hL", False, "hectolitre"),
        ("μF", False, "microfarad"),
        ("µF", True, "microfarad"),
        ("kn", True, "knot"),  # "12kn": glued to its number
        ("kn", False, None),  # "150 kn": two lower-case letters spaced off are as often an abbreviation
        ("St", False, None),  # "12 St James Square"
        ("Gal", False, None),
        ("B", False, None),  # one letter: "Room 5 B"
        ("A", False, None),
        ("pm", True, None),  # "5pm" is a time, not picometres
        ("am", True, None),
        ("st", True, None),  # "1st"
    ],
)
def test_symbols(symbol: str, glued: bool, expected: str | None) -> None:
    assert unit_names.symbol_unit(symbol, glued) == expected


def test_context_settles_a_one_letter_symbol() -> None:
    assert unit_names.context_reading("F", "fahrenheit", ["the", "capacitor", "holds"]) == "farad"
    assert unit_names.context_reading("F", "fahrenheit", ["supercapacitors", "are", "rated"]) == "farad"
    assert unit_names.context_reading("F", "fahrenheit", ["temperatures", "hit"]) is None
    assert unit_names.context_reading("F", "fahrenheit", ["it", "hit", "in", "phoenix"]) is None
    # "charged with theft" names no electric charge: the Celsius of "30 C" stays
    assert unit_names.context_reading("C", "celsius", ["he", "was", "charged", "with", "theft"]) is None


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("The brewery sold 12 hectoliters of lager.", "12 hectoliters", 12.0, "hectolitre"),
        ("The probe sits 4 astronomical units from the sun.", "4 astronomical units", 4.0, "astronomical unit"),
        ("The engine delivers 400 newton-metres of torque.", "400 newton-metres", 400.0, "newton metre"),
        ("The collider ran at 13 TeV for a month.", "13 TeV", 13.0, "teraelectronvolt"),
        ("The beam reached 13TeV in the last run.", "13TeV", 13.0, "teraelectronvolt"),
        ("The ship slowed to 12kn near the port.", "12kn", 12.0, "knot"),
        ("The lab tested a 5 μF part.", "5 μF", 5.0, "microfarad"),
        ("The capacitor was charged to 2.5 F before the test.", "2.5 F", 2.5, "farad"),
        ("Temperatures reached 95 F in Phoenix on Tuesday.", "95 F", 95.0, "fahrenheit"),
        ("The ferry sailed at 40 knots into the bay.", "40 knots", 40.0, "knot"),
        # one unit, one name: the vocabulary's spelling gives way to our tables'
        ("The board used a 5 kΩ resistor and two 5 kiloohms ones.", "5 kiloohms", 5.0, "kilohm"),
        ("The star lies 3 light years away.", "3 light years", 3.0, "light year"),
        (
            "Her blood pressure was 120 millimetres of mercury.",
            "120 millimetres of mercury",
            120.0,
            "millimetre of mercury",
        ),
        # a symbol's full stop at a sentence end
        ("The collider ran at 13 TeV.", "13 TeV", 13.0, "teraelectronvolt"),
        # a word that names another reading far from the symbol does not change it
        (
            "The supercapacitor plant that opened in Texas last spring saw 100 F on Monday.",
            "100 F",
            100.0,
            "fahrenheit",
        ),
        # a currency is never a symbol's reading: "C" stays Celsius beside "currency"
        ("The currency slid as the capital baked in 47 C heat.", "47 C", 47.0, "celsius"),
        ("The new drive stores 3 terabytes of video.", "3 terabytes", 3.0, "terabyte"),
    ],
)
def test_vocabulary_units_in_sentences(figures: Finder, text: str, phrase: str, value: float, unit: str) -> None:
    assert (phrase, pytest.approx(value), unit) in read_figures(figures, text)


@pytest.mark.parametrize(
    ("text", "not_units"),
    [
        ("The meeting is in Room 5 B on the ground floor.", {"byte", "bit", "barn"}),
        ("The 5 A-level students sat the exam in June.", {"ampere"}),
        ("Their office is at 12 St James Square.", {"stere", "stokes"}),
        ("He paid 150 kn for the ticket.", {"knot"}),
        ("The ensemble played three quartets by Haydn.", {"nibble"}),  # what it counts, quartets
        ("The car hit the wall at a 45 degree angle.", {"degree angle"}),
        ("We meet at 5pm or at 10am.", {"picometre", "attometre"}),
        ("It was the 1st race and the 2nd heat.", {"stere"}),
    ],
)
def test_letters_that_stay_letters(figures: Finder, text: str, not_units: set[str]) -> None:
    assert not {unit for _, _, unit in read_figures(figures, text)} & not_units
