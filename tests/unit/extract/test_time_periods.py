"""Years spoken in words, "the year" of results news, plural units with "coming" or "past", and a month with "this
year" or "last year" (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from rashomon.extract.times import find_times

# A Saturday.
ANCHOR = date(2021, 11, 27)


def found(text: str, anchor: date | None = ANCHOR) -> list[tuple[str, str, str]]:
    return [(text[t.start : t.end], t.value, t.type or "") for t in find_times(text, "a", anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In nineteen ninety-one he was convicted.", [("nineteen ninety-one", "1991", "DATE")]),
        ("The verdict was overturned in nineteen seventy nine.", [("nineteen seventy nine", "1979", "DATE")]),
        (
            "Prices last fell this far in the winter of nineteen ninety-four.",
            [
                ("the winter of nineteen ninety-four", "1994-WI", "DATE"),
            ],
        ),
        ("January nineteen ninety-seven. Atlanta again.", [("January nineteen ninety-seven", "1997-01", "DATE")]),
        ("He promised full employment by the year two thousand.", [("the year two thousand", "2000", "DATE")]),
    ],
)
def test_years_spoken_in_words_need_no_anchor(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected
    assert found(text, None) == expected


@pytest.mark.parametrize(
    "text",
    ["Two thousand people marched.", "Nineteen people died in the fire.", "It cost nineteen dollars."],
)
def test_counts_in_words_are_not_years(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company forecast higher earnings for the full year.", [("the full year", "2021", "DATE")]),
        ("For the year, volume was flat.", [("the year", "2021", "DATE")]),
        ("Lower prices will hurt earnings for the fiscal year.", [("the fiscal year", "2021", "DATE")]),
        # a reporting period that ended on a day is a length, as "the six months ended" is
        (
            "It earned $5 million for the year ended March 31.",
            [
                ("the year", "P1Y", "DURATION"),
                ("March 31", "2021-03-31", "DATE"),
            ],
        ),
        (
            "Sales fell in the fiscal year ending June 30.",
            [
                ("the fiscal year", "P1Y", "DURATION"),
                ("June 30", "2021-06-30", "DATE"),
            ],
        ),
    ],
)
def test_the_year_is_the_anchors_or_a_reporting_period(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Revenue was $300 million, down from $450 million the year before.",
        "She was named Person of the Year.",
        "It was the year of the dragon.",
    ],
)
def test_the_year_of_another_time_or_a_title_is_not_the_anchors(text: str) -> None:
    assert found(text) == []


def test_the_year_end_and_the_year_in_digits_are_left_to_their_rules() -> None:
    assert found("The deal should close by the year end.") == [("year end", "2021", "DATE")]
    assert found("Few computers were ready for the year 2000.") == [("2000", "2000", "DATE")]


def test_the_year_without_an_anchor_is_only_a_reporting_period() -> None:
    assert found("For the year, volume was flat.", None) == []
    assert found("For the year ended July 2, it lost money.", None) == [("the year", "P1Y", "DURATION")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The economy should slow in coming months.", [("coming months", "FUTURE_REF", "DATE")]),
        ("The losses will cut tax payments in future quarters.", [("future quarters", "FUTURE_REF", "DATE")]),
        ("There were sell programs in past years, too.", [("past years", "PAST_REF", "DATE")]),
        # with "the" they stay lengths
        ("Sales fell in the coming months.", [("the coming months", "PXM", "DURATION")]),
    ],
)
def test_coming_and_past_units_without_the_are_the_future_and_the_past(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In January this year, police returned.", [("January this year", "2021-01", "DATE")]),
        ("In June last year, the leaders split.", [("June last year", "2020-06", "DATE")]),
        ("They join the alliance in April next year.", [("April next year", "2022-04", "DATE")]),
        ("The vote was held on March 3 last year.", [("March 3 last year", "2020-03-03", "DATE")]),
    ],
)
def test_a_month_with_this_last_or_next_year_is_that_years_month(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text) == expected
    assert found(text, None) == []


@pytest.mark.parametrize(
    "text",
    [
        "She was named AP player of the year.",  # a title
        "The best film of the year won.",  # a rank
        "In the year he was born, war broke out.",
        "Revenue rose from the year prior.",
        "It's open all the year round.",
        "He was absent for the entire year.",  # a length, not this year
        "The year ended with a rally.",  # no date ends a reporting period
        "They played nineteen twenty-minute sets.",
        "Police arrested nineteen ten-year-old boys.",
        "By the year two thousand twenty-one, all cars will be electric.",  # not read: never 2000
        "The year two thousand people marched on the capital.",
        "The plant opened in Sept. Last year it lost money.",
        "The announcement, coming days after the attack, surprised many.",
        "He walked past years of neglect.",
        "Profits fell in the year‐ago quarter.",  # a Unicode hyphen
    ],
)
def test_what_only_looks_like_the_year_or_a_spoken_year_is_not_this_year(text: str) -> None:
    """No time is read as the anchor's year, a year in words or a month of the year before."""
    values = [value for _, value, _ in found(text)]
    assert not any(value in ("2021", "2000", "1910", "1920", "2020-09", "FUTURE_REF", "PAST_REF") for value in values)


def test_the_parts_of_a_year_and_a_period_ended_on_a_date_are_still_read() -> None:
    assert found("Sales will fall by the end of the year.") == [("the end of the year", "2021", "DATE")]
    assert ("the year", "P1Y", "DURATION") in found("For the year ended July 2, profit rose.")
    assert found("The rest of the year looks weak.") == [("the year", "2021", "DATE")]


@pytest.mark.parametrize("text", ["Sales dipped in the first week of the year.", "They met in the summer of the year."])
def test_a_part_of_the_year_keeps_it_a_time(text: str) -> None:
    assert ("the year", "2021", "DATE") in found(text)
