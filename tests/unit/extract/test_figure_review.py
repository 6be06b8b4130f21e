"""Tests for the findings of a review of the figure rules: money ranges in millions in one token, the ranges of a
team's record against counts of a people, the end of a text after "half", periods and telephone numbers beside
ranges, tests named by a range from nought, grade nouns, rates carried across "from ... to" and numbers too long
to be amounts. Every sentence is made up for the test (some by the reviewer).
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import Finder, read_figures


def _ranges(figures: Finder, text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    return [(text[f.start : f.end], f.low, f.high, f.unit) for f in figures(text) if f.value is None]


@pytest.mark.parametrize(
    ("text", "phrase", "ends", "unit"),
    [
        ("The deal is worth $5m-$6m.", "$5m-$6m", (5e6, 6e6), "USD"),
        ("The fine was €10m-12m.", "€10m-12m", (10e6, 12e6), "EUR"),
        ("The deal is worth £900m-1.2bn, analysts said.", "£900m-1.2bn", (9e8, 1.2e9), "GBP"),
        ("The deal is worth $900m-$1.2bn.", "$900m-$1.2bn", (9e8, 1.2e9), "USD"),
        ("Our roof repairs will cost $500k-$750k.", "$500k-$750k", (5e5, 7.5e5), "USD"),
        ("The club paid £1.5m-2m for the striker.", "£1.5m-2m", (1.5e6, 2e6), "GBP"),
        ("The site is worth 10–12m euros.", "10–12m euros", (10e6, 12e6), "EUR"),
        ("The flood wall is 2–3m high.", "2–3m", (2.0, 3.0), "metre"),
    ],
)
def test_a_money_range_in_millions_scales_both_ends_in_its_currency(
    figures: Finder, text: str, phrase: str, ends: tuple[float, float], unit: str
) -> None:
    assert _ranges(figures, text) == [(phrase, pytest.approx(ends[0]), pytest.approx(ends[1]), unit)]


def test_ends_of_different_kinds_make_no_range(figures: Finder) -> None:
    assert _ranges(figures, "The rope was 5m-$6 long.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Some 10-15 Palestinians were killed.",
            [("Some 10", 10.0, "Palestinian"), ("15 Palestinians", 15.0, "Palestinian")],
        ),
        ("Between 20-30 Ukrainians were rescued.", [("20", 20.0, "Ukrainian"), ("30 Ukrainians", 30.0, "Ukrainian")]),
        ("Officials said 40-50 Afghans had crossed.", [("40", 40.0, "Afghan"), ("50 Afghans", 50.0, "Afghan")]),
        ("The poll found 3-4 Democrats undecided.", [("3", 3.0, "Democrat"), ("4 Democrats", 4.0, "Democrat")]),
    ],
)
def test_a_range_counting_a_people_is_no_record(
    figures: Finder, text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert read_figures(figures, text) == expected


@pytest.mark.parametrize(
    "text",
    ["The 3–5 Giants host the Eagles.", "The 2–6 Jets and the 5–3 Bills play on Monday.", "The 0-3 Jets lost again."],
)
def test_a_teams_record_is_no_figure(figures: Finder, text: str) -> None:
    assert figures(text) == ()


@pytest.mark.parametrize("text", ["Profits were cut by half -", "Half -", "They cut half a", "by half an"])
def test_half_at_the_end_of_a_text_does_not_fail(figures: Finder, text: str) -> None:
    figures(text)


def test_half_a_scale_still_reads(figures: Finder) -> None:
    assert read_figures(figures, "The bridge cost half a million.") == [("half a million", 500000.0, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spending is £45m for 2024-25 and £50m for 2025-26.", [("£45m", 45e6, "GBP"), ("£50m", 50e6, "GBP")]),
        ("Spending will rise by £2bn in 2023-24.", [("£2bn", 2e9, "GBP")]),
        ("The budget was set in 1998-99.", []),
        ("Call (555) 123-4567 for details.", []),
        ("Call the lifeline at 1-800-273-8255 for help.", []),
        ("Call +44 20 7946 0958 for details.", []),
        ("Ring 0800 123 4567 or 555-1234 today.", []),
        ("Crowds of 20,000-30,000 gathered.", [("20,000", 20000.0, None), ("30,000", 30000.0, None)]),
        ("The crowd was put at 500-1,000.", [("500", 500.0, None), ("1,000", 1000.0, None)]),
        ("Liverpool won 3-1 at home.", []),
        ("Some 300-1500 troops were sent.", [("Some 300", 300.0, "troop"), ("1500 troops", 1500.0, "troop")]),
    ],
)
def test_periods_and_telephone_numbers_are_no_figures_and_ranges_in_thousands_keep_both_ends(
    figures: Finder, text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert read_figures(figures, text) == expected


def test_a_range_from_nought_naming_a_test_is_no_amount(figures: Finder) -> None:
    assert read_figures(figures, "The 0–60 mph time is 3.1 seconds.") == [("3.1 seconds", 3.1, "second")]
    assert _ranges(figures, "Temperatures of 0–5C are forecast.") == [("0–5C", 0.0, 5.0, "celsius")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The final figure 312 was confirmed.", [("312", 312.0, None)]),
        ("He was diagnosed with stage 4 cancer.", []),
        ("A level 3 lockdown began.", []),
    ],
)
def test_a_grade_noun_has_no_determiner_of_its_own(
    figures: Finder, text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert read_figures(figures, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The price went from $75 per barrel to $4 billion in total sales.",
            [("$75 per barrel", 75.0, "USD per barrel"), ("$4 billion", 4e9, "USD")],
        ),
        (
            "Crude fell from $75 per barrel to $45.88.",
            [("$75 per barrel", 75.0, "USD per barrel"), ("$45.88", 45.88, "USD per barrel")],
        ),
        (
            "Her weight fell from 208 pounds to 193.",
            [("208 pounds", 208.0, "pound-mass"), ("193", 193.0, "pound-mass")],
        ),
    ],
)
def test_a_rate_is_carried_across_from_to_only_within_a_scale(
    figures: Finder, text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert read_figures(figures, text) == expected


def test_a_number_too_long_to_be_an_amount_gives_no_infinite_figure(figures: Finder) -> None:
    for text in (f"It costs $1–{'9' * 400} dollars.", f"It cost {'9' * 400} dollars."):
        assert all(f.high is None or f.high < float("inf") for f in figures(text))
        assert all(f.value is None or f.value < float("inf") for f in figures(text))
