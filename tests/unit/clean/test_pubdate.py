"""Tests for publication dates: date lines as pages print them, and given ISO 8601 values."""

from __future__ import annotations

import pytest

from rashomon.clean.pubdate import normalise_published, parse_dateline


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: 0314 GMT November 27, 2021", "2021-11-27T03:14:00+00:00"),
        ("Published: March 26, 2024 09:40 EDT", "2024-03-26T09:40:00-04:00"),
        ("26 Mar 2024, 14:10 GMT", "2024-03-26T14:10:00+00:00"),
        ("March 26, 2024 1:55 PM CDT", "2024-03-26T13:55:00-05:00"),
        ("Sept. 4, 2022 10:00 a.m. EDT", "2022-09-04T10:00:00-04:00"),
        ("Updated: March 26, 2024 12:05 AM EST", "2024-03-26T00:05:00-05:00"),
        ("March 26, 2024 at 9:05 p.m. IST", "2024-03-26T21:05:00+05:30"),
        ("Posted 2023-01-05 18:30 UTC", "2023-01-05T18:30:00+00:00"),
    ],
)
def test_date_and_time_with_zone(line: str, expected: str) -> None:
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: 14.03.2022 18:45", "2022-03-14T18:45"),
        ("Last updated 5th January 2023, 7:30 pm", "2023-01-05T19:30"),
    ],
)
def test_time_without_zone_gives_a_naive_date_time(line: str, expected: str) -> None:
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated on 5 January 2023", "2023-01-05"),
        ("Posted: 2023-01-05", "2023-01-05"),
        ("Friday, Nov. 27, 2021", "2021-11-27"),
        # Four digits with no zone, a.m./p.m. or colon are a year-like number, not a time.
        ("Published November 27, 2021 edition 2021", "2021-11-27"),
    ],
)
def test_date_without_time_gives_the_date_only(line: str, expected: str) -> None:
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Published: yesterday at 14:10 GMT",
        "Published 12:30 GMT",
        "Updated: June 31, 2024",  # no such day
        "The council met on Tuesday to discuss the budget.",
        "",
    ],
)
def test_line_without_a_full_date_gives_none(line: str) -> None:
    assert parse_dateline(line) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-26T09:40:00Z", "2024-03-26T09:40:00+00:00"),
        ("2024-03-26T09:40:00+02:00", "2024-03-26T09:40:00+02:00"),
        ("2024-03-26T09:40:00-05:30", "2024-03-26T09:40:00-05:30"),
        ("2024-03-26T09:40:00", "2024-03-26T09:40:00"),
        ("2024-03-26", "2024-03-26"),
        ("  2024-03-26 ", "2024-03-26"),
        ("2024-03-26T00:00:00", "2024-03-26T00:00:00"),
        ("March 26, 2024 09:40 EDT", "2024-03-26T09:40:00-04:00"),
        ("26 March 2024", "2024-03-26"),
        ("not a date", None),
        ("2024-13-40", None),
    ],
)
def test_normalise_published(value: str, expected: str | None) -> None:
    assert normalise_published(value) == expected


def test_placeholder_and_future_publication_dates_are_not_taken() -> None:
    from datetime import date

    from rashomon.clean.pubdate import plausible_published

    latest = date(2026, 12, 3)
    assert plausible_published("0001-01-01", latest) is None
    assert plausible_published("1970-01-01T00:00:00+00:00", latest) is None
    assert plausible_published("1899-12-31", latest) is None
    assert plausible_published("2026-12-04", latest) is None
    assert plausible_published("2026-12-03T23:00:00", latest) == "2026-12-03T23:00:00"
    assert plausible_published("1971-05-02", None) == "1971-05-02"
    assert plausible_published("not a date", latest) is None
