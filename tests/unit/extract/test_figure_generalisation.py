"""Tests for figure rules written against made-up news sentences of many kinds, not the benchmark's: ranges in one
token, ranges of counted nouns, fractions of a unit, models before a counted noun, fact boxes flattened into one
line, dates beside ranges, rates with a slash, and scores that stay out. Every sentence is made up for the test.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import Finder, read_figures


def _ranges(figures: Finder, text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    return [(text[f.start : f.end], f.low, f.high, f.unit) for f in figures(text) if f.value is None]


@pytest.mark.parametrize(
    ("text", "phrase", "ends", "unit"),
    [
        ("The project will take 3–5 years.", "3–5 years", (3.0, 5.0), "year"),
        ("Growth of 2–3% is forecast.", "2–3%", (2.0, 3.0), "percent"),
        ("Sales grew 10%-12% last year.", "10%-12%", (10.0, 12.0), "percent"),
        ("The deal is worth $3–5bn.", "$3–5bn", (3e9, 5e9), "USD"),
        ("The jobs pay £25,000-£30,000 a year.", "£25,000-£30,000 a year", (25000.0, 30000.0), "GBP per year"),
        ("Temperatures will hit 30–32C.", "30–32C", (30.0, 32.0), "celsius"),
        ("About 3–5 million people could be affected.", "About 3–5 million people", (3e6, 5e6), "people"),
        ("Economists expect 5–7 rate cuts.", "5–7 rate cuts", (5.0, 7.0), "cut"),
    ],
)
def test_a_range_in_one_token_is_one_figure_with_its_ends(
    figures: Finder, text: str, phrase: str, ends: tuple[float, float], unit: str
) -> None:
    assert (phrase, pytest.approx(ends[0]), pytest.approx(ends[1]), unit) in _ranges(figures, text)


@pytest.mark.parametrize(
    "text",
    [
        "Arsenal won 3–1 at home.",
        "The team suffered a 1–3 defeat.",
        "The 2019–20 season was cut short.",
        "The war lasted from 1939–1945.",
        "Read pages 10–12 for details.",
        "The festival runs 12–14 August.",
    ],
)
def test_scores_periods_and_bare_spans_in_one_token_are_no_figures(figures: Finder, text: str) -> None:
    assert figures(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Economists expect 5-7 rate cuts.", [("5", 5.0, "cut"), ("7 rate cuts", 7.0, "cut")]),
        ("The crowd was estimated at 20,000-30,000.", [("20,000", 20000.0, None), ("30,000", 30000.0, None)]),
        ("The victims were aged between 18 and 25.", [("18", 18.0, "year of age"), ("25", 25.0, "year of age")]),
    ],
)
def test_both_ends_of_a_split_range(figures: Finder, text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert read_figures(figures, text) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("The rate rose a quarter-point to 5.25%.", "a quarter-point", 0.25, "point"),
        ("The Fed delivered a half-percentage-point hike.", "a half-percentage-point", 0.5, "percentage point"),
        ("It was a half-mile walk to the shore.", "a half-mile", 0.5, "mile"),
        ("Half the staff work from home.", "Half", 0.5, "fraction"),
        ("The firm cut half its workforce.", "half", 0.5, "fraction"),
        ("The group says 3 out of every 10 homes are empty.", "3 out of every 10", 0.3, "fraction"),
    ],
)
def test_fractions_and_shares(figures: Finder, text: str, phrase: str, value: float, unit: str | None) -> None:
    assert (phrase, pytest.approx(value), unit) in read_figures(figures, text)


def test_a_fraction_before_a_level_takes_no_unit_from_it(figures: Finder) -> None:
    found = read_figures(figures, "The firm's revenue grew by a fifth to 800 million pounds.")
    assert found[0] == ("a fifth", pytest.approx(0.2), "fraction")


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("The Pentagon ordered 48 F-35 jets.", "48 F-35 jets", 48.0, "jet"),
        ("He was paid 1.5m Swiss francs.", "1.5m Swiss francs", 1.5e6, "CHF"),
        ("Turnover was 3.2 billion Danish kroner.", "3.2 billion Danish kroner", 3.2e9, "DKK"),
        ("The firm added 1.2m new jobs.", "1.2m new jobs", 1.2e6, "job"),
        ("Farmers were offered Rs 500 per quintal.", "Rs 500 per quintal", 500.0, "INR per quintal"),
        ("Natural gas fell to $2.50 per million British thermal units.", "$2.50 per million British thermal units",
         2.5, "USD per mega british thermal unit"),
        ("The field pumps 500,000 b/d of crude.", "500,000 b/d", 500000.0, "barrel per day"),
        ("OPEC+ will cut output by 2 million bpd.", "2 million bpd", 2e6, "barrel per day"),
        ("The SSD reads at 7,000 MB/s.", "7,000 MB/s", 7000.0, "megabyte per second"),
        ("The bridge spans 1.2 nmi across the bay.", "1.2 nmi", 1.2, "nautical mile"),
        ("A 6.2 magnitude earthquake hit the region.", "6.2 magnitude", 6.2, "magnitude"),
        ("A magnitude 5.8 quake shook the city.", "5.8", 5.8, "magnitude"),
        ("The MRI scanner produces a field of 3 T.", "3 T", 3.0, "tesla"),
    ],
)  # fmt: skip
def test_units_money_and_models(figures: Finder, text: str, phrase: str, value: float, unit: str) -> None:
    assert (phrase, pytest.approx(value), unit) in read_figures(figures, text)


def test_a_length_before_a_size_word_is_no_million(figures: Finder) -> None:
    assert read_figures(figures, "The 2m tall players won.") == [("2m", 2.0, "metre")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Population: 8,400,000 Area: 783 sq km",
            [("8,400,000", 8400000.0, None), ("783 sq km", 783.0, "square kilometre")],
        ),
        ("Goals: 12 Assists: 7 Appearances: 30", [("12", 12.0, None), ("7", 7.0, None), ("30", 30.0, None)]),
        (
            "Deaths: 1,234 Injured: 5,678 Displaced: 10,000",
            [("1,234", 1234.0, None), ("5,678", 5678.0, None), ("10,000", 10000.0, None)],
        ),
    ],
)
def test_a_fact_box_flattened_into_one_line(
    figures: Finder, text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert read_figures(figures, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The meeting runs from 9 to 11 March.",
        "Arsenal beat Chelsea 3-1 on Saturday.",
        "The Lakers won 112-104 in overtime.",
    ],
)
def test_days_and_scores_are_no_figures(figures: Finder, text: str) -> None:
    assert figures(text) == ()


def test_a_year_before_a_compound_plural_is_a_date(figures: Finder) -> None:
    found = read_figures(figures, "Between 1600 and 1900 world temperatures dropped by 1 degree.")
    assert [value for _, value, _ in found] == [1.0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The list is long with four-, five- and six-cylinder engine options.",
            [("four-", 4.0, "cylinder"), ("five-", 5.0, "cylinder"), ("six-cylinder", 6.0, "cylinder")],
        ),
        ("The 10- and 30-year yields rose.", [("10-", 10.0, "year"), ("30-year", 30.0, "year")]),
    ],
)
def test_a_suspended_hyphen_shares_the_last_unit(
    figures: Finder, text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert read_figures(figures, text) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        ("The price dropped from $75 U.S. per barrel to $45.88 in December.", "$45.88", 45.88, "USD per barrel"),
        ("Rents rose from $1,200 a month to $1,500.", "$1,500", 1500.0, "USD per month"),
        ("Mileage rose from about 14-18 mpg to 24 for SUVs.", "24", 24.0, "mile per gallon"),
        ("The industry is worth 9 billion shekels ($2.4 billion) a year.", "9 billion shekels", 9e9, "ILS per year"),
        ("The loan carries a rate of 7.5% p.a. for now.", "7.5% p.a.", 7.5, "percent per year"),
        ("The flat rents for £1,200 pcm.", "£1,200 pcm", 1200.0, "GBP per month"),
        ("The group owns a 49.9 per-cent stake.", "49.9 per-cent", 49.9, "percent"),
        ("Over 1m EU citizens applied.", "Over 1m EU citizens", 1e6, "citizen"),
        ('Some 700 so-called "ghost" flights operated.', 'Some 700 so-called "ghost" flights', 700.0, "flight"),
    ],
)
def test_units_carried_across_a_range_an_aside_or_modifiers(
    figures: Finder, text: str, phrase: str, value: float, unit: str
) -> None:
    assert (phrase, pytest.approx(value), unit) in read_figures(figures, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She bought 3 T-shirts.", [("3 T-shirts", 3.0, "shirt")]),
        ("She was diagnosed with stage 4 cancer.", []),
        ("On day 3 of the trial, 12 witnesses spoke.", [("12 witnesses", 12.0, "witness")]),
        ("The 9/11 attacks killed 2,977 people.", [("2,977 people", 2977.0, "people")]),
        ("Contact the office on +44 20 7946 0958.", []),
        ("The company filed its Form 10-K on Monday.", []),
    ],
)
def test_names_grades_and_numbers_that_count_nothing(
    figures: Finder, text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert read_figures(figures, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the ftse 100 index rose 0.4 per cent.", [("0.4 per cent", 0.4, "percent")]),
        ("the nasdaq rose 0.2% and the sp 500 is poised to drop 0.2%.", [("0.2%", 0.2, "percent")] * 2),
        ("The 2-1 Ravens host the 0-3 Jets.", []),
        ("The 6-foot-5 center scored 20 points.", [("20 points", 20.0, "point")]),
        ("Route 73 was closed for 2 hours.", [("2 hours", 2.0, "hour")]),
        ("The death toll 45 was confirmed.", [("45", 45.0, None)]),
    ],
)
def test_names_in_lower_case_text_and_numbers_that_name(
    figures: Finder, text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert read_figures(figures, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The crash left 14 dead and 50 injured.", [("14", 14.0, None), ("50", 50.0, None)]),
        ("A half-dozen firms bid.", [("half-dozen firms", 6.0, "firm")]),
        ("Revenue rose 8% in Europe and 12 in Asia.", [("8%", 8.0, "percent"), ("12", 12.0, "percent")]),
        (
            "The company has 300 stores in the US and 50 in Canada.",
            [("300 stores", 300.0, "store"), ("50", 50.0, "store")],
        ),
        ("Three of its five cars were damaged.", [("Three", 3.0, None), ("five cars", 5.0, "car")]),
    ],
)
def test_counts_named_by_a_state_halves_and_units_left_unsaid(
    figures: Finder, text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert read_figures(figures, text) == expected
