"""Publication dates from the date lines pages carry ("Published: 0314 GMT November 27, 2021")."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone

from rashomon.extract.lexicon.time_words import MONTH_ABBREVIATIONS, MONTH_NAMES

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
MONTHS = {name.lower(): number for name, number in (MONTH_NAMES | MONTH_ABBREVIATIONS).items()}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_FORMS = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./](?P<year>(?:19|20)\d{2})\b"),
)
_TIME = re.compile(
    r"(?<![\d:])(?P<hour>\d{1,2})(?::|\.|h)?(?P<minute>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?\s*"
    r"(?P<zone>" + "|".join(sorted(ZONES, key=len, reverse=True)) + r")?\b",
    re.IGNORECASE,
)


def _find_date(line: str) -> tuple[date, tuple[int, int]] | None:
    for form in _DATE_FORMS:
        for match in form.finditer(line):
            parts = match.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get(parts["month"].lower().rstrip("."))
            if month is None:
                continue
            try:
                return date(int(parts["year"]), month, int(parts["day"])), match.span()
            except ValueError:
                continue
    return None


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
        if hour > 23 or minute > 59 or not (match["zone"] or ampm or ":" in match.group(0)):
            continue
        zone = ZONES.get(match["zone"].upper()) if match["zone"] else None
        return time(hour, minute), zone
    return None


def parse_dateline(line: str) -> str | None:
    """The ISO 8601 date or date-time a date line gives, or None when it gives no full date.

    A time counts only with a zone, a.m./p.m. or a colon, so "0314 GMT" is a time while "2021" is not.
    """
    found = _find_date(line)
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
