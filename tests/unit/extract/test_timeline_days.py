"""The days a calendar value covers, as the timeline and the alignment's date signal compare them."""

from __future__ import annotations

from datetime import date

import pytest

from rashomon.extract.time_values import first_day, last_day


@pytest.mark.parametrize(
    ("value", "first"),
    [
        ("2020", date(2020, 1, 1)),
        ("2020-FA", date(2020, 9, 1)),
        ("2020-11", date(2020, 11, 1)),
        ("2020-11-26", date(2020, 11, 26)),
        ("197X", date(1970, 1, 1)),
        ("197", date(1970, 1, 1)),
        ("19", date(1900, 1, 1)),
        ("2024-Q3", None),  # `last_day` reads a quarter as its year: no first day, so it holds nothing
        ("2024-W14", None),
        ("P1Y", None),
        ("PRESENT_REF", None),
        ("2020-11-31", None),
    ],
)
def test_first_day_a_calendar_value_covers(value: str, first: date | None) -> None:
    assert first_day(value) == first
    if first is not None:
        end = last_day(value)
        assert end is not None and first <= end
