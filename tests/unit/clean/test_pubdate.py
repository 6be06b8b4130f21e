"""Tests for publication dates: date lines as pages print them, and given ISO 8601 values."""

from __future__ import annotations

import pytest

from rashomon.clean.pubdate import is_date_line, normalise_published, parse_dateline


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


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Veröffentlicht am 26. November 2021", "2021-11-26"),
        ("3. Mai 2024, 12:30 Uhr", "2024-05-03T12:30"),
        ("Publié le 1er mars 2021 à 10h15", "2021-03-01T10:15"),
        ("Publicado el 26 de noviembre de 2021", "2021-11-26"),
        ("Pubblicato il 4 settembre 2022", "2022-09-04"),
        ("Publicado em 9 de março de 2023", "2023-03-09"),
        ("Gepubliceerd op 12 mei 2020", "2020-05-12"),
        ("Опубликовано 26 ноября 2021 г.", "2021-11-26"),
        ("14 października 2023", "2023-10-14"),
        ("12. února 2024", "2024-02-12"),
        ("5 Ağustos 2022", "2022-08-05"),
        ("2025 m. sausio 5 d.", "2025-01-05"),
        ("2021. november 26.", "2021-11-26"),
        ("发布时间：2004年7月16日08:19", "2004-07-16T08:19"),
        ("2026년 1월 29일", "2026-01-29"),
        ("2019/04/13 10:00", "2019-04-13T10:00"),
        ("2005-04-05 06:40更新", "2005-04-05T06:40"),
        ("26-Nov-2021", "2021-11-26"),
    ],
)
def test_date_lines_in_many_languages_and_orders(line: str, expected: str) -> None:
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    ("line", "month_first", "expected"),
    [
        ("05/06/2021", False, "2021-06-05"),
        ("05/06/2021", True, "2021-05-06"),
        # One reading is no date: the other is taken, whatever the page's habit.
        ("26/11/2021", True, "2021-11-26"),
        ("11/26/2021", False, "2021-11-26"),
        # Dots and dashes are day first everywhere.
        ("05.06.2021", True, "2021-06-05"),
    ],
)
def test_numeric_dates_read_by_the_pages_habit(line: str, month_first: bool, expected: str) -> None:
    assert parse_dateline(line, month_first) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("26.11.21, 10:35 Uhr", "2021-11-26T10:35"),
        ("11/26/21 at 9:05 pm", "2021-11-26T21:05"),
        # Without a time of day two-digit years are too often something else (scores, versions, ranges).
        ("26.11.21", None),
        # A year, a month and a number that follows are no date ("in 2020 May 5 people ...").
        ("In 2020 May 5 people were hurt", None),
    ],
)
def test_two_digit_years_only_before_a_time(line: str, expected: str | None) -> None:
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("vor 3 Stunden", "2024-05-03"),
        ("vor 14 Stunden", "2024-05-02"),
        ("il y a 2 jours", "2024-05-01"),
        ("hace 5 horas", "2024-05-03"),
        ("an hour ago", "2024-05-03"),
        ("2 days ago", "2024-05-01"),
        ("gestern, 14:30", "2024-05-02"),
        ("5 часов назад", "2024-05-03"),
        ("3 uur geleden", "2024-05-03"),
        ("3小时前", "2024-05-03"),
        ("for 3 hours", None),
        ("Published on May 3", None),
    ],
)
def test_relative_dates_count_back_from_the_fetch(line: str, expected: str | None) -> None:
    from datetime import datetime

    from rashomon.clean.pubdate import relative_day

    found = relative_day(line, datetime(2024, 5, 3, 10, 0))
    assert (found.isoformat() if found else None) == expected


def test_month_words_name_one_month_each_and_every_month() -> None:
    from rashomon.clean.date_words import MONTHS

    assert set(MONTHS.values()) == set(range(1, 13))
    assert (MONTHS["märz"], MONTHS["août"], MONTHS["listopada"], MONTHS["ноября"], MONTHS["aralık"]) == (
        3,
        8,
        11,
        11,
        12,
    )


@pytest.mark.parametrize(
    ("line", "only_a_date"),
    [
        ("Mon Jan 7 2008", True),
        ("Thursday 10 January 2008 at 12:46", True),
        ("21:04, January 11th 2008", True),
        ("2020年11月18日", True),
        ("It closed on March 3, 2008.", False),
        ("The council voted on March 3, 2008 to close the bridge", False),
        ("Bridge tolls", False),
    ],
)
def test_is_date_line(line: str, only_a_date: bool) -> None:
    assert is_date_line(line) is only_a_date
