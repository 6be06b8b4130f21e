"""Tests for the shared word patterns: what each one counts as a word."""

from __future__ import annotations

import re

import pytest

from rashomon.text.words import APOSTROPHE_HYPHEN_WORD, APOSTROPHE_WORD, LETTER_LED_WORD, WORD_RUN

TEXT = "O’Brien didn't visit al-Assad's 2nd office, a_b x 7."


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (WORD_RUN, ["O", "Brien", "didn", "t", "visit", "al", "Assad", "s", "2nd", "office", "a_b", "x", "7"]),
        (APOSTROPHE_WORD, ["O’Brien", "didn't", "visit", "al", "Assad's", "2nd", "office", "a_b", "x", "7"]),
        (APOSTROPHE_HYPHEN_WORD, ["O’Brien", "didn't", "visit", "al-Assad's", "2nd", "office", "a_b", "x", "7"]),
        # Digits and single letters are not words here; the match starts at the first letter.
        (LETTER_LED_WORD, ["O’Brien", "didn't", "visit", "al-Assad's", "nd", "office", "a_b"]),
    ],
)
def test_what_each_pattern_counts_as_a_word(pattern: re.Pattern[str], expected: list[str]) -> None:
    assert pattern.findall(TEXT) == expected
