"""Publication dates from the date lines pages carry ("Published: 0314 GMT November 27, 2021")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, timezone

from rashomon.clean.date_words import (
    MONTHS,
    RELATIVE_AFTER,
    RELATIVE_BEFORE,
    RELATIVE_DAYS,
    RELATIVE_ONE,
    RELATIVE_UNITS,
)

# Offsets of the zone abbreviations news pages print after a time.
ZONES: dict[str, float] = {
    "GMT": 0,
    "UTC": 0,
    "Z": 0,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "IST": 5.5,
    "JST": 9,
    "KST": 9,
    "AEST": 10,
    "AEDT": 11,
}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MONTH = r"(?P<month>" + _alternation(MONTHS) + r")(?!\w)\.?"
_DAY = r"(?P<day>[0-3]?\d)"
# Each form's parts, joined; the year-first numeric form is `_YEAR_FIRST` (never read day before month).
# fmt: off
_DATE_FORMS = tuple(
    re.compile("".join(parts), re.IGNORECASE)
    for parts in (
        # "March 26, 2024", "Sept. 4th 2022"
        (r"(?<!\w)", _MONTH, r"\s*", _DAY, r"(?:st|nd|rd|th)?(?!\d),?\s+", _YEAR, r"(?!\d)"),
        # "26 March 2024", "26. November 2021", "26 de noviembre de 2021", "1er mars 2021", "26-Nov-2021"
        (r"(?<!\d)", _DAY, r"(?:st|nd|rd|th|er|º|\.)?(?:\s*[-/]\s*|\s+(?:de\s+|of\s+)?|(?<=\.))", _MONTH,
         r"(?:,?\s*(?:de\s+|del\s+)?|\s*[-/]\s*)", _YEAR, r"(?!\d)"),
        # "2025 m. sausio 5 d." (Lithuanian), "2021. november 26." (Hungarian)
        (r"(?<!\d)", _YEAR, r"(?:\.|\s+m\.)\s*", _MONTH, r"\s*", _DAY, r"(?!\d)"),
        # "2024-03-26", "2024/3/26", "2024.03.26", "2004年7月16日", "2026년 1월 29일"
        (r"(?<!\d)", _YEAR, r"(?:\s*(?P<sep>[-/.])\s*|年\s*|년\s*)(?P<mnum>[01]?\d)(?:\s*(?P=sep)\s*|月\s*|월\s*)",
         _DAY, r"(?!\d)"),
        # "26.11.2021", "26/11/2021", "11/26/2021"
        (r"(?<![\d.])", _DAY, r"\s*(?P<sep>[-/.])\s*(?P<mnum>[0-3]?\d)\s*(?P=sep)\s*", _YEAR, r"(?!\d)"),
        # "26.11.21, 10:35 Uhr", "11/26/21 at 9:05": a two-digit year only right before a time of day
        (r"(?<![\d.])", _DAY, r"(?P<sep>[./])(?P<mnum>[0-3]?\d)(?P=sep)(?P<year>\d{2})(?![\d.])",
         r"(?=,?\s*(?:um\s+|at\s+|à\s+|[|-]\s*)?[0-2]?\d[:.h][0-5]\d)"),
    )
)
# fmt: on
_YEAR_FIRST = 3
_TIME = re.compile(
    r"(?<![\d:])(?P<hour>\d{1,2})(?P<sep>:|\.|h)?(?P<minute>\d{2})(?::\d{2})?(?!\d)\s*(?P<ampm>[ap]\.?m\.?)?\s*"
    r"(?P<zone>" + _alternation(ZONES) + r")?(?![a-z])",
    re.IGNORECASE,
)


def _readings(parts: dict[str, str | None], month_first: bool, year_first: bool) -> list[tuple[int, int]]:
    """The (month, day) readings of a match, the likelier first: a numeric date with slashes is read both ways."""
    first = int(parts["day"] or 0)
    if parts["month"] is not None:
        return [(MONTHS[parts["month"].lower()], first)]
    second = int(parts["mnum"] or 0)
    if year_first or parts["sep"] != "/":
        return [(second, first)]
    return [(first, second), (second, first)] if month_first else [(second, first), (first, second)]


def find_date(line: str, month_first: bool = False) -> tuple[date, tuple[int, int]] | None:
    """The first full date written in ``line`` (day, month and year), with its span; None when there is none.

    ``month_first``: read an open numeric date with slashes ("05/06/2021") as month/day, as US pages write it.
    """
    found: list[tuple[date, tuple[int, int]]] = []
    for number, form in enumerate(_DATE_FORMS):
        for match in form.finditer(line):
            parts = {key: match.groupdict().get(key) for key in ("year", "month", "mnum", "day", "sep")}
            for month, day in _readings(parts, month_first, number == _YEAR_FIRST):
                year = int(parts["year"] or 0)
                year += 0 if year >= 100 else 2000 if year < 70 else 1900
                try:
                    found.append((date(year, month, day), match.span()))
                except ValueError:
                    continue
                break
    return min(found, key=lambda item: item[1][0]) if found else None


def _find_time(line: str, skip: tuple[int, int]) -> tuple[time, float | None] | None:
    for match in _TIME.finditer(line):
        if match.start() < skip[1] and match.end() > skip[0]:
            continue
        hour, minute = int(match["hour"]), int(match["minute"])
        ampm = (match["ampm"] or "").replace(".", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59 or not (match["zone"] or ampm or (match["sep"] or "").lower() in (":", "h")):
            continue
        zone = ZONES.get(match["zone"].upper()) if match["zone"] else None
        return time(hour, minute), zone
    return None


# A date line: this many characters at most, and beside its date this many words at most ("Mon Jan 7 2008",
# "Thursday 10 January 2008 at 12:46", "21:04, January 11th 2008").
_DATE_LINE_CHARS, _DATE_LINE_WORDS = 60, 3
_LETTERS = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"""[.!?…。！？]["'”’»)」』]*$""")


def is_date_line(line: str) -> bool:
    """Whether a short line only gives a date (with its weekday, time or zone), not as a sentence ("It closed on
    May 3, 2008.")."""
    if len(line) > _DATE_LINE_CHARS or _SENTENCE_END.search(line) or (found := find_date(line)) is None:
        return False
    start, end = found[1]
    return len(_LETTERS.findall(line[:start] + " " + line[end:])) <= _DATE_LINE_WORDS


def parse_dateline(line: str, month_first: bool = False) -> str | None:
    """The ISO 8601 date or date-time a date line gives, or None when it gives no full date.

    A time counts only with a zone, a.m./p.m., a colon or an "h" ("10h15"), so "0314 GMT" is a time while "2021"
    is not.
    """
    found = find_date(line, month_first)
    if found is None:
        return None
    day, span = found
    clock = _find_time(line, span)
    if clock is None:
        return day.isoformat()
    at, offset = clock
    if offset is None:
        return datetime.combine(day, at).isoformat(timespec="minutes")
    zone = UTC if offset == 0 else timezone(timedelta(hours=offset))
    return datetime.combine(day, at, tzinfo=zone).isoformat(timespec="seconds")


_COUNT = r"(?P<count>\d{1,3}|" + _alternation(RELATIVE_ONE) + r")"
_UNIT = r"(?P<unit>" + _alternation(RELATIVE_UNITS) + r")"
_RELATIVE_FORMS = tuple(
    re.compile(form, re.IGNORECASE)
    for form in (
        r"(?<!\w)(?:" + _alternation(RELATIVE_BEFORE) + r")\s+" + _COUNT + r"\s*" + _UNIT + r"(?!\w)",
        r"(?<![\w])" + _COUNT + r"\s*" + _UNIT + r"\s*(?:" + _alternation(RELATIVE_AFTER) + r")",
        r"(?<!\w)(?P<day>" + _alternation(RELATIVE_DAYS) + r")(?!\w)",
    )
)


def relative_day(line: str, reference: datetime) -> date | None:
    """The day a relative date line gives ("vor 3 Stunden", "il y a 2 jours", "yesterday") counted back from
    ``reference`` (when the page was fetched); None when the line gives none."""
    for form in _RELATIVE_FORMS:
        if (match := form.search(line)) is None:
            continue
        if match.groupdict().get("day"):
            return reference.date() - timedelta(days=RELATIVE_DAYS[match["day"].lower()])
        count = match["count"].lower()
        hours = (int(count) if count.isdigit() else 1) * RELATIVE_UNITS[match["unit"].lower()]
        return (reference - timedelta(hours=hours)).date()
    return None


# Content systems fill an unknown date with a placeholder: the year 1, the Unix epoch, the spreadsheet epoch.
PLACEHOLDER_DAYS = frozenset({date(1970, 1, 1), date(1900, 1, 1)})
EARLIEST_PUBLICATION = date(1900, 1, 1)


def plausible_published(value: str | None, latest: date | None = None) -> str | None:
    """``value`` when it can be a publication date: not a placeholder, not before 1900, not after ``latest``."""
    if value is None:
        return None
    try:
        day = datetime.fromisoformat(value).date()
    except ValueError:
        return None
    if day in PLACEHOLDER_DAYS or day < EARLIEST_PUBLICATION or (latest is not None and day > latest):
        return None
    return value


def normalise_published(value: str) -> str | None:
    """A given publication date (ISO 8601 or a date line) as ISO 8601, or None when it is not a date."""
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return parse_dateline(value)
    if parsed.time() == time(0) and parsed.tzinfo is None and len(value.strip()) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()
