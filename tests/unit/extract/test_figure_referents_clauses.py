"""Tests for figure referents across clauses (when a clause's subject is what a figure is said of), "for" and "from
... to" after a figure, and numbers in names; on sentences written for the test, read through the project's parse
(the ``nlp`` fixture in tests/unit/extract/conftest.py)."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.extract.figures import find_figures


def _referents(nlp: Any, text: str) -> dict[str, tuple[str, ...]]:
    return {text[f.start : f.end]: f.referents for f in find_figures(nlp(text), "a1")}


@pytest.mark.parametrize(
    ("text", "phrase", "referents"),
    [
        # A noun behind a preposition, in a clause hanging from another noun: not that noun's.
        ("All sizes approved for Zenda 200mg capsules are sold in pharmacies.", "200mg", ("Zenda capsules",)),
        ("The car was built with a 300 horsepower engine, which is linked to a 60kWh battery.", "60kWh", ("battery",)),
        # In the figure's own clause the subject stays.
        ("The upgrade adds 20 miles for the sedan's battery range.", "20 miles", ("sedan's battery range", "upgrade")),
        # Verbs that share one subject ("had to pay", "will start charging") keep it.
        ("The city had to pay a fee of $2 million for the land.", "$2 million", ("fee", "city")),
        (
            "The retailer will start charging a 2 per cent fee for deliveries.",
            "2 per cent",
            ("fee for deliveries", "retailer"),
        ),
        # A possessive pronoun points back to the subject.
        ("Acme, which has 500 stores, cut 5% of its workforce.", "5%", ("workforce", "Acme")),
    ],
)
def test_a_subject_is_kept_only_when_it_owns_the_noun(
    nlp: Any, text: str, phrase: str, referents: tuple[str, ...]
) -> None:
    assert _referents(nlp, text)[phrase] == referents


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The firm paid a fine of 9 million euros ($10 million) for the breach.", "9 million euros", "$10 million"),
        ("The trail runs for 12 miles (19 kilometres) through the forest.", "12 miles", "19 kilometres"),
    ],
)
def test_an_amount_restated_in_brackets_is_said_of_what_the_first_is(
    nlp: Any, text: str, first: str, second: str
) -> None:
    found = _referents(nlp, text)
    assert found[second] == found[first] != ()


def test_for_after_a_figure_names_what_it_is_for(nlp: Any) -> None:
    assert _referents(nlp, "Charges range from 1 per cent to 2 per cent for management.")["2 per cent"][0] == (
        "management"
    )


def test_a_time_word_the_figure_modifies_is_not_its_referent(nlp: Any) -> None:
    assert _referents(nlp, "Home prices were down 4.1% year over year.")["4.1%"] == ("Home prices",)


def test_from_one_end_to_the_other_is_where_a_length_is_measured(nlp: Any) -> None:
    assert _referents(nlp, "The bridge is 300 metres from bank to bank.")["300 metres"] == ("bridge",)


@pytest.mark.parametrize(
    ("text", "phrase", "referents"),
    [
        ("On Wall St: Dow +0.2% S&P 500 +0.3% Nasdaq +0.8%.", "+0.3%", ("S&P 500",)),
        ("The S&P 500 rose 1.2% on Monday.", "1.2%", ("S&P 500",)),
        ("More than 60% of the Fortune 500 use the software.", "More than 60%", ("Fortune 500",)),
        (
            "The Samsung Galaxy Note 20 Ultra has a 4500 mAh battery.",
            "4500 mAh",
            ("battery", "Samsung Galaxy Note 20 Ultra"),
        ),
    ],
)
def test_a_number_in_a_name_stays_in_the_referent(nlp: Any, text: str, phrase: str, referents: tuple[str, ...]) -> None:
    assert _referents(nlp, text)[phrase] == referents


def test_what_follows_the_figure_is_no_part_of_a_noun_before_it(nlp: Any) -> None:
    assert _referents(nlp, "The club endured a run of seven games without a win.")["seven games"] == ("run", "club")


def test_a_referent_stops_before_a_bracket_it_does_not_close(nlp: Any) -> None:
    # The tokenizer keeps "):" as one token, so the phrase once ended inside the brackets.
    assert _referents(nlp, "Population (2020): 1,234,567")["1,234,567"] == ("Population",)
    assert _referents(nlp, "Exports (2021) rose by 4 percent.")["4 percent"] == ("Exports (2021)",), "closed: kept"
