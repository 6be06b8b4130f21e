"""Tests for the forms of figure referents: words that only count, order or total what a noun names are left out,
and a noun compounded into another gives the whole compound. Sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.extract.figures import find_figures


def _referents(nlp: Any, text: str) -> dict[str, tuple[str, ...]]:
    return {text[f.start : f.end]: f.referents for f in find_figures(nlp(text), "a1")}


@pytest.mark.parametrize(
    ("text", "phrase", "referents"),
    [
        ("The firm expects a total profit of $4 billion.", "$4 billion", ("profit", "firm")),
        ("The other candidates won 30 per cent of the votes.", "30 per cent", ("votes", "candidates")),
        ("The total cost of the bridge reached $2 billion.", "$2 billion", ("cost of bridge",)),
        ("Its next model will have a 90 kWh battery.", "90 kWh", ("battery", "model")),
    ],
)
def test_words_that_count_or_total_are_left_out(nlp: Any, text: str, phrase: str, referents: tuple[str, ...]) -> None:
    assert _referents(nlp, text)[phrase] == referents


def test_digits_in_a_referent_name_stay(nlp: Any) -> None:
    found = _referents(nlp, "A category 4 hurricane brought winds of 140 mph.")
    assert found["140 mph"] == ("winds", "category 4 hurricane")


def test_a_noun_compounded_into_another_gives_the_whole_compound(nlp: Any) -> None:
    assert _referents(nlp, "Our kitchen has a $300 stone pizza oven.")["$300"] == ("stone pizza oven", "kitchen")


@pytest.mark.parametrize(
    ("text", "phrase", "referents"),
    [
        ("Shares of Total rose 2% on Monday.", "2%", ("Shares of Total",)),
        ("The grand total was $5 billion last year.", "$5 billion", ("grand total",)),
        ("The Other Guys earned $35 million at the box office.", "$35 million", ("Other Guys",)),
        ("Same-sex couples received $500 each.", "$500", ("Same-sex couples",)),
        ("The next-generation chips cost $300.", "$300", ("next-generation chips",)),
        ("Former Florida Gov. Jeb Bush raised $10 million.", "$10 million", ("Former Florida Gov. Jeb Bush",)),
        ("Other companies cut 500 jobs.", "500 jobs", ("companies",)),
    ],
)
def test_counting_words_stay_where_they_name(nlp: Any, text: str, phrase: str, referents: tuple[str, ...]) -> None:
    """The noun itself, names, capitals and hyphenated words keep every word; a sentence's first word counts."""
    assert _referents(nlp, text)[phrase] == referents
