"""Tests for the shared calendar and number words."""

from __future__ import annotations

from rashomon.text.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAYS
from rashomon.text.numbers import NUMBER_WORDS, SCALES


def test_each_abbreviation_names_the_month_it_abbreviates() -> None:
    for short, month in MONTH_ABBREVIATIONS.items():
        (full,) = [name for name, number in MONTH_NAMES.items() if number == month]
        assert full.startswith(short)
    assert sorted(MONTH_NAMES.values()) == list(range(1, 13))


def test_weekdays_are_numbered_as_python_numbers_them() -> None:
    assert [WEEKDAYS[name] for name in ("Monday", "Sunday")] == [0, 6]
    assert sorted(WEEKDAYS.values()) == list(range(7))


def test_number_words_and_scales() -> None:
    assert NUMBER_WORDS["zero"] == 0
    assert NUMBER_WORDS["ninety"] == 90
    assert "hundred" not in NUMBER_WORDS
    assert SCALES["dozen"] == 12
    assert SCALES["mln"] == SCALES["million"]
