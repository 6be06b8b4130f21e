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
