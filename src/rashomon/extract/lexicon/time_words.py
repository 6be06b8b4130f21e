"""Word tables for the time-expression finder in :mod:`rashomon.extract.times`.

Data only: the finder builds its patterns from these tables, so a new spelling or a new blocking word is a one-line
change here, not an edit to the logic. Month and weekday names are matched case-sensitively (capitalised), so the
modal "may" and the verb "march" never match; everything else is matched case-insensitively.
"""

from __future__ import annotations

from typing import Final

from rashomon.text import calendar, numbers

# The shared calendar names, here beside the finder's other tables.
MONTH_NAMES: Final = calendar.MONTH_NAMES

# Accepted only next to a day number or a year ("Dec. 15", "Jan 2020"): alone, "Jan" is more often a first name.
MONTH_ABBREVIATIONS: Final = calendar.MONTH_ABBREVIATIONS

# Month names that are also common words or first names; alone they count only after a trigger word ("in May").
AMBIGUOUS_MONTHS: Final[frozenset[str]] = frozenset({"May", "March", "April", "June", "August"})

# Words before a bare month name that make it a date ("in May", "since March", "the end of May").
MONTH_TRIGGERS: Final[frozenset[str]] = frozenset(
    {
        "in", "since", "until", "till", "by", "during", "from", "through", "throughout", "before", "after",
        "between", "and", "or", "of", "last", "next", "this", "early", "late", "mid",
    }
)  # fmt: skip

WEEKDAYS: Final = calendar.WEEKDAYS

# A weekday followed by one of these is a name, not a day ("the Sunday Times", "Monday Night Football").
WEEKDAY_NAME_FOLLOWERS: Final[frozenset[str]] = frozenset(
    {"Times", "Telegraph", "Express", "Mirror", "Post", "Herald", "Mail", "Independent", "Star", "Night", "Sport"}
)

# TIMEX3 season codes.
SEASONS: Final[dict[str, str]] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

# Order of seasons within a year; winter of year Y starts in December of Y.
SEASON_ORDER: Final[tuple[str, ...]] = ("SP", "SU", "FA", "WI")

# Season code of each calendar month, with the year offset of that season (January is the winter of the year before).
MONTH_SEASONS: Final[dict[int, tuple[str, int]]] = {
    1: ("WI", -1),
    2: ("WI", -1),
    3: ("SP", 0),
    4: ("SP", 0),
    5: ("SP", 0),
    6: ("SU", 0),
    7: ("SU", 0),
    8: ("SU", 0),
    9: ("FA", 0),
    10: ("FA", 0),
    11: ("FA", 0),
    12: ("WI", 0),
}

# From one (nothing is dated "zero days ago"), and "a hundred years ago".
NUMBER_WORDS: Final[dict[str, int]] = {
    **{word: value for word, value in numbers.NUMBER_WORDS.items() if value},
    "hundred": numbers.SCALES["hundred"],
}

# Articles standing for one in "a year ago".
ARTICLE_NUMBERS: Final[dict[str, int]] = {"a": 1, "an": 1}

# Vague amounts; TIMEX3 writes the unknown count as "X" ("the past few weeks" -> PXW).
VAGUE_NUMBERS: Final[frozenset[str]] = frozenset({"few", "several", "many"})

# Surface form -> (TIMEX3 designator, multiplier, is a time-of-day unit written after "T").
DURATION_UNITS: Final[dict[str, tuple[str, int, bool]]] = {
    "minute": ("M", 1, True),
    "minutes": ("M", 1, True),
    "hour": ("H", 1, True),
    "hours": ("H", 1, True),
    "day": ("D", 1, False),
    "days": ("D", 1, False),
    "week": ("W", 1, False),
    "weeks": ("W", 1, False),
    "month": ("M", 1, False),
    "months": ("M", 1, False),
    "year": ("Y", 1, False),
    "years": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "decades": ("Y", 10, False),
    "century": ("Y", 100, False),
    "centuries": ("Y", 100, False),
}

# Day offsets of deictic words.
DEICTIC_DAYS: Final[dict[str, int]] = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}

# Words after a four-digit number that make it a count or a clock time, not a year ("2020 people", "0314 GMT").
YEAR_BLOCKING_FOLLOWERS: Final[frozenset[str]] = frozenset(
    {
        "people", "persons", "troops", "soldiers", "refugees", "lives", "deaths", "dead", "casualties", "residents",
        "civilians", "men", "women", "children", "students", "workers", "employees", "jobs", "homes", "houses",
        "buildings", "cases", "votes", "voters", "members", "protesters", "demonstrators", "migrants",
        "peacekeepers", "police", "officers", "fighters", "prisoners", "hostages", "patients", "tons", "tonnes",
        "barrels", "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "acres", "hectares",
        "dollars", "euros", "pounds", "rubles", "roubles", "yuan", "yen", "units", "vehicles", "cars", "tanks",
        "aircraft", "planes", "flights", "times", "points", "words", "pages", "copies", "items", "shares",
        "seconds", "minutes", "hours", "days", "weeks", "months", "years", "percent", "per", "gmt", "utc", "hrs",
        "est", "edt", "cet", "msk",
    }
)  # fmt: skip

# Words before a four-digit number that make it a count ("some 2020", "nearly 2000").
YEAR_BLOCKING_PRECEDERS: Final[frozenset[str]] = frozenset(
    {"some", "nearly", "approximately", "roughly", "about", "almost", "over", "under", "than", "least", "total"}
)
