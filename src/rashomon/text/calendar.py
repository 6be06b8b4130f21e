"""Month and weekday names as news copy writes them: capitalised, with the month abbreviations in use.

Stages match them case-sensitively where it matters: the modal "may" and the verb "march" are not months.
"""

from __future__ import annotations

from typing import Final

MONTH_NAMES: Final[dict[str, int]] = {
    "January": 1,
    "February": 2,
    "March": 3,
    "April": 4,
    "May": 5,
    "June": 6,
    "July": 7,
    "August": 8,
    "September": 9,
    "October": 10,
    "November": 11,
    "December": 12,
}

# No "May": the name is its own abbreviation.
MONTH_ABBREVIATIONS: Final[dict[str, int]] = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}

# Numbered as `datetime.date.weekday()` numbers them.
WEEKDAYS: Final[dict[str, int]] = {
    "Monday": 0,
    "Tuesday": 1,
    "Wednesday": 2,
    "Thursday": 3,
    "Friday": 4,
    "Saturday": 5,
    "Sunday": 6,
}
