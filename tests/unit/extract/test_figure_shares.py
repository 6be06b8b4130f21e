"""Shares of a whole: a fraction or a ratio of no measure ("a third of the population", "one in five adults", "half
the staff") is in the unit "fraction" with the whole it divides as its ``about``, as a percent of that whole is in
"percent"; a pronoun or no noun after it names no whole. Every sentence is made up for the test.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import Finder, read_figures


@pytest.mark.parametrize(
    ("text", "phrase", "value", "whole"),
    [
        ("A third of the Welsh population lives in Cardiff.", "A third", 1 / 3, "Welsh population"),
        ("One out of three Danes rent their homes.", "One out of three", 1 / 3, "Danes"),
        ("Almost half of voters agree.", "Almost half", 0.5, "voters"),
        ("Half the staff work from home.", "Half", 0.5, "staff"),
        ("Nearly half the country's hospitals are full.", "Nearly half", 0.5, "country's hospitals"),
        ("Half of the new hospital staff quit.", "Half", 0.5, "new hospital staff"),
        ("One-quarter of US adults smoke.", "One-quarter", 0.25, "US adults"),
        ("Three quarters of the nation's schools closed.", "Three quarters", 0.75, "nation's schools"),
        ("Some 1 in 10 children go hungry.", "Some 1 in 10", 0.1, "children"),
        ("They left ½ of the land unused.", "½", 0.5, "land"),
    ],
)
def test_a_share_names_the_whole_it_divides(figures: Finder, text: str, phrase: str, value: float, whole: str) -> None:
    share = next(f for f in figures(text) if text[f.start : f.end] == phrase)
    assert (share.value, share.unit, share.about) == (pytest.approx(value), "fraction", whole)


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("Nearly two-thirds of the 1.8M tickets sold went to locals.", "tickets"),
        ("About half of the 1.2 million residents fled.", "residents"),
        ("A third of the $5bn budget went on roads.", "budget"),
    ],
)
def test_a_share_of_an_amount_names_what_the_amount_counts(figures: Finder, text: str, whole: str) -> None:
    share = figures(text)[0]
    assert (share.unit, share.about) == ("fraction", whole)


@pytest.mark.parametrize(
    "text",
    [
        "The chain runs 80 shops, about half of which are in Texas.",
        "Its shares have fallen by a third this year.",
        "The firm cut its staff by half this year.",
        "A two-thirds majority is needed to pass it.",
    ],
)
def test_a_share_of_a_pronoun_or_of_nothing_named_has_no_whole(figures: Finder, text: str) -> None:
    share = next(f for f in figures(text) if f.value is not None and f.value < 1)
    assert (share.unit, share.about) == ("fraction", None)


def test_a_share_is_read_as_a_percent_of_the_same_whole_is(figures: Finder) -> None:
    # Both end on the amount and leave the whole after it a referent: outlets' "a quarter" and "24 per cent"
    # of adults differ only in their unit, which comparison converts.
    share = figures("A quarter of adults smoke.")[0]
    percent = figures("24 per cent of adults smoke.")[0]
    assert (share.unit, share.about, share.referents) == ("fraction", "adults", ("adults",))
    assert (percent.unit, percent.about, percent.referents) == ("percent", None, ("adults",))


def test_a_bare_number_after_a_share_takes_no_share_unit(figures: Finder) -> None:
    found = read_figures(figures, "Half of the staff left and 20 were fired.")
    assert found == [("Half", 0.5, "fraction"), ("20", 20.0, None)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The central bank cut rates by half a point on Thursday.", "half"),
        ("The Fed raised rates by a quarter of a point.", "a quarter"),
        ("Gold rose a quarter of a dollar on Friday.", "a quarter"),
        ("The index fell by a quarter of 1% on Monday.", "a quarter"),
        ("Half of the 12 percent rise came from fuel.", "Half"),
    ],
)
def test_a_part_of_one_unit_or_of_a_measured_amount_is_no_share(figures: Finder, text: str, phrase: str) -> None:
    """ "half a point" is a move of 0.5 points, not half of a whole: compared as a percent, it would meet every
    percentage of the story."""
    part = next(f for f in figures(text) if text[f.start : f.end] == phrase)
    assert part.unit is None


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("A third of Danes and 40 percent of Swedes approve.", "Danes"),
        ("Nearly two-thirds of respondents, 64 percent, said yes.", "respondents"),
        ("Roughly half of Americans, or 160 million people, own a gun.", "Americans"),
        ("Half of the population, 5 million people, lives in the capital.", "population"),
        ("About three-quarters of the city's 2 million residents lost power.", "residents"),
        ("Half of the S&P 500 companies beat forecasts.", "S&P 500 companies"),  # a number in a name
        # "a" before a unit makes a part of one ("half a point"); before anything else the whole is counted out
        ("Half of an estimated 2 million refugees have returned.", "refugees"),
        ("A third of a country's hospitals are full.", "country's hospitals"),
        ("Half of around 300 passengers were rescued.", "passengers"),
        ("Half of more than 400 flights were cancelled.", "flights"),
    ],
)
def test_an_amount_beside_the_whole_is_not_the_whole(figures: Finder, text: str, whole: str) -> None:
    """A number after the whole's noun, a comma or "and" is the share again or another figure, not what it divides;
    "a" or a qualifier before the whole leaves it the whole."""
    share = figures(text)[0]
    assert (share.unit, share.about) == ("fraction", whole)
