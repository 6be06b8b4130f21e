"""Which way a date without its year or a bare weekday is read: the tense, "until", a weekday written beside a
month-day, and how far a future cue may carry it (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from rashomon.extract.times import find_times


def values(text: str, anchor: date) -> list[tuple[str, str]]:
    return [(text[t.start : t.end], t.value) for t in find_times(text, "a", anchor)]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # The noun "set" (a band's performance) is no future cue: the day before publication stays this year's.
        (
            "The singer hinted at the reunion during the trio's set Monday night (Nov. 18) at the old theatre.",
            date(2019, 11, 19),
            [("Monday night", "2019-11-18TNI"), ("Nov. 18", "2019-11-18")],
        ),
        ("Her encore closed a set on Nov. 18 in the port city.", date(2019, 11, 19), [("Nov. 18", "2019-11-18")]),
        # "set for" and "set to" still point ahead.
        ("The ballot is set for March 2.", date(2024, 2, 20), [("March 2", "2024-03-02")]),
        ("The council is set to vote on Thursday.", date(2024, 2, 20), [("Thursday", "2024-02-22")]),
    ],
)
def test_set_is_a_future_cue_only_before_to_or_for(text: str, anchor: date, expected: list[tuple[str, str]]) -> None:
    assert values(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # A future cue with a day just behind the anchor: a page stamped past midnight UTC, not a year ahead.
        ("The choir will sing on Oct. 4 in the cathedral.", date(2022, 10, 5), [("Oct. 4", "2022-10-04")]),
        # Far enough behind, a future cue still means next year's.
        ("The choir will sing on Sept. 20 in the cathedral.", date(2022, 10, 5), [("Sept. 20", "2023-09-20")]),
        # Without a cue a day a few months ahead is last year's, as before.
        ("Flooding closed the canal on Dec. 30.", date(2023, 6, 1), [("Dec. 30", "2022-12-30")]),
    ],
)
def test_a_month_day_stays_near_the_anchor_without_a_reason(
    text: str, anchor: date, expected: list[tuple[str, str]]
) -> None:
    assert values(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # 2021-11-08 was a Monday, 2022-11-08 a Tuesday: "will" alone would have taken next year's.
        (
            "The museum will host the fair on Monday, Nov. 8, its director wrote.",
            date(2021, 11, 16),
            [("Monday, Nov. 8", "2021-11-08")],
        ),
        # The weekday takes the week of the date it restates, whatever the tense made of it alone.
        (
            "The museum will reopen after the fair it held Monday night (Nov. 8).",
            date(2021, 11, 16),
            [("Monday night", "2021-11-08TNI"), ("Nov. 8", "2021-11-08")],
        ),
        # A weekday that fits only a year away is a slip, not a reason: the nearer day is kept.
        (
            "The audit is due Thursday (April 9).",
            date(2021, 4, 2),
            [("Thursday", "2021-04-01"), ("April 9", "2021-04-09")],
        ),
    ],
)
def test_a_weekday_beside_a_month_day_settles_its_year(
    text: str, anchor: date, expected: list[tuple[str, str]]
) -> None:
    assert values(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # Published on a Friday, "until Saturday" is the next day, not the Saturday before.
        (
            "The operator cancelled its evening crossings and closed the route until Saturday.",
            date(2025, 3, 14),
            [("Saturday", "2025-03-15")],
        ),
        ("The library stays shut till Monday, the council said.", date(2025, 3, 14), [("Monday", "2025-03-17")]),
        # A clause opening with "until" looks back.
        ("Until Tuesday, nobody had reported the leak.", date(2025, 3, 14), [("Tuesday", "2025-03-11")]),
    ],
)
def test_until_a_weekday_points_ahead(text: str, anchor: date, expected: list[tuple[str, str]]) -> None:
    assert values(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A past verb between "would" and the day puts the day in a clause told in the past.
        (
            "The airline said it would refund every ticket after the plane skidded off the runway and struck a fence "
            "on Friday.",
            [("Friday", "2025-03-14")],
        ),
        (
            "The mayor said the bridge would reopen after engineers found the crack that was spotted on Wednesday.",
            [("Wednesday", "2025-03-12")],
        ),
        ("The mayor said the bridge would reopen on Wednesday.", [("Wednesday", "2025-03-19")]),
    ],
)
def test_a_past_clause_after_a_future_cue_is_read_in_the_past(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, date(2025, 3, 14)) == expected


WEDNESDAY = date(2025, 3, 12)


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # what lasted until a day, told in the past, looks back
        ("The road was closed until Monday, when crews cleared the debris.", WEDNESDAY, [("Monday", "2025-03-10")]),
        ("He stayed in hospital until Sunday.", WEDNESDAY, [("Sunday", "2025-03-09")]),
        # ... but not a past verb of another clause, nor a plan told in the past
        ("Schools that were damaged in the storm stay shut until Friday.", WEDNESDAY, [("Friday", "2025-03-14")]),
        ("Schools were to stay shut until Friday.", WEDNESDAY, [("Friday", "2025-03-14")]),
        # a past clause closed by a comma or a joining word does not stop the future cue before it
        (
            "Flights will resume once the runway, which was damaged in the storm, reopens on Friday.",
            WEDNESDAY,
            [("Friday", "2025-03-14")],
        ),
        (
            "Investigators will interview the crew who were on board when the ferry sails again on Friday.",
            WEDNESDAY,
            [("Friday", "2025-03-14")],
        ),
        # a future month-day a few days before the anchor, across the new year
        ("The trial will begin Dec. 30.", date(2020, 1, 2), [("Dec. 30", "2019-12-30")]),
        ("The trial will begin Jan. 5.", WEDNESDAY, [("Jan. 5", "2026-01-05")]),
    ],
)
def test_the_review_cases(text: str, anchor: date, expected: list[tuple[str, str]]) -> None:
    assert values(text, anchor) == expected
