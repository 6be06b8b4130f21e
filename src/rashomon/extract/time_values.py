"""TIMEX3 values for the matches of :mod:`rashomon.extract.times`: one resolver per kind of expression.

A resolver turns a match and the anchor (the publication date, or None) into a value, a value with its type (where
the value alone does not say it: "a year" is a SET in "twice a year"), or None when the match is not a time or needs
the missing anchor. Tense matters for bare weekdays, months and dates: :func:`_future` reads the clause before the
match for a future cue ("will", "expected", "scheduled", "next").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal

from rashomon.extract.lexicon import time_words as words

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Resolver = Callable[[re.Match[str], date | None], str | tuple[str, TimexType] | None]

# Farther than this from the anchor, a month-day without a year belongs to the neighbouring year.
_HALF_YEAR_DAYS = 183
# Without a future cue, a month-day farther ahead than this is last year's (news reports what happened).
_AHEAD_DAYS = 90
# With a future cue, a month-day this few days behind the anchor is still this year's: a page's time is often a day
# off the writer's (stamped in UTC, or written the evening before), and a date a year away needs more than a cue.
_FUTURE_SLACK_DAYS = 3
# Words before a weekday that point past the anchor whatever the tense (see `_until`).
_UNTIL = frozenset({"until", "till", "til"})
# A weekday written just before a month-day ("Monday, Nov. 18", "Monday night (Nov. 18)") settles its year.
_WEEKDAY_BEFORE = re.compile(rf"\b({'|'.join(words.WEEKDAYS)})(?:\s+(?:{'|'.join(words.DAY_PARTS)}))?\s*[(,]?\s*$")
# What closes a past form's clause before the match: a comma, or a word that opens another ("when the ferry sails").
_CLOSES_PAST = re.compile(r",|\b(?:when|once|until|before)\b")
# How many words before "until" a verb of `LASTED_VERBS` may stand and still govern it ("had been shut until").
_LASTED_REACH = 3
# "set" is a future cue only as "set to" or "set for", not the noun ("the band's set Monday night").
_SET_AS_CUE = frozenset({"to", "for"})
# The same for a bare month: one at most this many months ahead is the coming one ("talks resume in May").
_AHEAD_MONTHS = 2
# How far back a future cue is looked for: about the words of a short clause.
_CUE_WINDOW = 100
_WORD = re.compile(r"[A-Za-z’']+")
# How far back a quarter named before "a year ago" makes it the year-ago quarter of a results report.
_RESULTS_WINDOW = 1000
_QUARTER = re.compile(r"\bquarter\b", re.IGNORECASE)
_NEXT_TO = re.compile(r"\bnext\s+to\b")  # "next to the embassy" is a place, not a future cue
# A period after an initial or a title ("Daniel P. Davison", "Mr. Smith") does not end the clause.
_CLAUSE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr))(?<!\bMrs)[.!?;:\n]\s|[\"“”]|``|''")


def timex_type(value: str) -> TimexType:
    """The TIMEX3 type a value implies (a recurrence cannot be told from its value: SET is the finder's to say)."""
    if value.endswith("_REF"):
        return "DATE"
    if value.startswith("P"):
        return "DURATION"
    return "TIME" if "T" in value[4:] else "DATE"


# The last month of each season code (winter runs into the next year's February, read as this year's December).
_SEASON_LAST_MONTH = {"SP": 5, "SU": 8, "FA": 11, "WI": 12}
_CALENDAR_VALUE = re.compile(r"^(\d{3})(\d|X)(?:-(\d{2}|SP|SU|FA|WI)(?:-(\d{2}))?)?")


def last_day(value: str) -> date | None:
    """The last day a calendar value covers ("2020" -> 2020-12-31, "2020-FA" -> 2020-11-30, "197X" and "197" ->
    1979-12-31, "19" -> 1999-12-31), None for values that are not calendar dates (durations, references, weeks)."""
    if value.isdigit() and len(value) in (2, 3):  # a century ("19") or a decade ("197")
        return date(int(value.ljust(4, "9")), 12, 31)
    match = _CALENDAR_VALUE.match(value)
    if match is None or (len(value) > 4 and value[4] != "-") or "W" in value:
        return None
    century, last_digit, part, day = match.groups()
    year = int(century + ("9" if last_digit == "X" else last_digit))
    if part is None:
        return date(year, 12, 31)
    month = _SEASON_LAST_MONTH.get(part) or int(part)
    if day is not None:
        return _safe_date(year, month, int(day))
    if not 1 <= month <= 12:
        return None
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


# The first month of each season code (winter read as this year's December, as `last_day` reads it).
_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def first_day(value: str) -> date | None:
    """The first day a calendar value covers ("2020" -> 2020-01-01, "2020-FA" -> 2020-09-01, "197X" and "197" ->
    1970-01-01, "19" -> 1900-01-01), None for values that are not calendar dates or parts of a year other than a
    season or a month (a quarter: `last_day` reads it as its year)."""
    if value.isdigit() and len(value) in (2, 3):
        return date(int(value.ljust(4, "0")), 1, 1)
    match = _CALENDAR_VALUE.fullmatch(value)
    if match is None or last_day(value) is None:
        return None
    century, last_digit, part, day = match.groups()
    year = int(century + ("0" if last_digit == "X" else last_digit))
    if part is None:
        return date(year, 1, 1)
    month = _SEASON_FIRST_MONTH.get(part) or int(part)
    return _safe_date(year, month, int(day) if day is not None else 1)


# --- helpers ----------------------------------------------------------------------------------------------------


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _season_ordinal(code: str, year: int) -> int:
    return year * 4 + words.SEASON_ORDER.index(code)


def _season_value(ordinal: int) -> str:
    return f"{ordinal // 4:04d}-{words.SEASON_ORDER[ordinal % 4]}"


def _number(word: str) -> int | str | None:
    """An integer for digits or number words ("24", "twenty-four"), "X" for a vague amount, None otherwise."""
    lowered = " ".join(word.lower().replace("-", " ").split())
    if lowered.replace(",", "").isdigit():
        return int(lowered.replace(",", ""))
    if lowered in words.VAGUE_PHRASES or lowered in words.VAGUE_NUMBERS:
        return "X"
    if lowered in words.PAIR_PHRASES:
        return 2
    parts = lowered.split()
    if len(parts) == 2 and all(p in words.NUMBER_WORDS for p in parts):
        return words.NUMBER_WORDS[parts[0]] + words.NUMBER_WORDS[parts[1]]
    return words.NUMBER_WORDS.get(lowered, words.ARTICLE_NUMBERS.get(lowered))


def _previous_word(match: re.Match[str]) -> str:
    before = re.search(r"([A-Za-z]+)\W*$", match.string[max(0, match.start() - 40) : match.start()])
    return before.group(1) if before else ""


def _next_word(match: re.Match[str]) -> str:
    after = re.match(r"\s*-?\s*([A-Za-z%]+)", match.string[match.end() : match.end() + 40])
    return after.group(1) if after else ""


def _clause_words(match: re.Match[str]) -> list[str]:
    """The lowered words of the clause before the match, nearest last."""
    before = match.string[max(0, match.start() - _CUE_WINDOW) : match.start()]
    ends = list(_CLAUSE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    return _WORD.findall(_NEXT_TO.sub(" ", before.lower()))


def _past(match: re.Match[str]) -> bool:
    """True when the clause before the match is told in the past ("they last met in January")."""
    return any(w in words.PAST_CUES for w in _clause_words(match))


def _future(match: re.Match[str]) -> bool:
    """True when a future cue stands in the clause before the match ("will return on Wednesday")."""
    clause = _clause_words(match)
    for index in range(len(clause) - 1, -1, -1):
        word = clause[index]
        if word in words.FUTURE_CUE_BARRIERS or (word in words.PAST_FORMS and _ends_before(match, word)):
            return False
        if word == "set" and not _SET_AS_CUE.intersection(clause[index + 1 : index + 2]):
            continue
        if word in words.FUTURE_CUES or word.endswith(("'ll", "’ll")):
            return True
    return False


def _ends_before(match: re.Match[str], past: str) -> bool:
    """Whether a past form's clause runs on to the match ("after the ship ran aground on Friday"), not one a comma
    or a joining word closes first ("once the runway, which was damaged, reopens on Friday")."""
    before = match.string[max(0, match.start() - _CUE_WINDOW) : match.start()].lower()
    found = [m.end() for m in re.finditer(rf"\b{re.escape(past)}\b", before)]  # the word, not "was" in "Kansas"
    return not found or _CLOSES_PAST.search(before, found[-1]) is None


def _until(match: re.Match[str]) -> bool:
    """True when "until" ends a clause that has said what lasts ("suspended the route until Saturday"); a clause
    opening with it looks back ("Until Thursday, they had not called him"), and so does one told in the past ("the
    road was closed until Monday")."""
    clause = _clause_words(match)
    if len(clause) < 2 or clause[-1] not in _UNTIL:
        return False
    lasted = [k for k, word in enumerate(clause[:-1]) if word in words.LASTED_VERBS]
    # "was closed until", "had been shut until": the past verb governs "until" from a few words before it; not "were
    # to stay shut until", nor a past verb of another clause ("schools that were damaged ... stay shut until").
    return not lasted or len(clause) - 1 - lasted[-1] > _LASTED_REACH or clause[lasted[-1] + 1] in ("to", "due")


def _month_of(name: str) -> int:
    """The month number of a full name or an abbreviation with or without its period."""
    name = name.rstrip(".")
    return words.MONTH_NAMES.get(name) or words.MONTH_ABBREVIATIONS[name]


def _nearest_year(anchor: date, month: int, day: int, future: bool) -> date | None:
    """The month-day nearest the anchor; with a future cue, the next one from a few days before the anchor on
    ("will begin Dec. 30" written on Jan. 2 is three days past, not a year ahead)."""
    year = anchor.year
    if future:
        ahead = (_safe_date(y, month, day) for y in (year - 1, year, year + 1))
        return next((d for d in ahead if d is not None and (d - anchor).days >= -_FUTURE_SLACK_DAYS), None)
    guess = _safe_date(year, month, day) or _safe_date(year - 1, month, day)
    if guess is None:
        return None
    return _safe_date(year + _year_shift((guess - anchor).days, future), month, day)


def _year_shift(distance: int, future: bool) -> int:
    """Years to move a day ``distance`` days from the anchor: to the coming one if future, else to the nearer side
    (a little ahead of the anchor, or at most half a year behind it)."""
    if future:
        return int(distance < -_FUTURE_SLACK_DAYS)
    if distance > _AHEAD_DAYS:
        return -1
    return int(distance < _AHEAD_DAYS - 365)


def _weekday_date(anchor: date, weekday: int, modifier: str, future: bool) -> date:
    """A weekday: the latest on or before the anchor; the coming one with "next" or a future cue."""
    if modifier in ("next", "coming"):
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if modifier == "this" or (future and modifier not in ("last", "past")):
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    if modifier in ("last", "past"):
        return anchor - timedelta(days=(anchor.weekday() - weekday) % 7 or 7)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


# --- calendar dates ---------------------------------------------------------------------------------------------


def date_(match: re.Match[str], anchor: date | None) -> str | None:
    """A month and day, with the year given or taken from the anchor's nearer side (the coming one if future)."""
    month, day = _month_of(match["month"]), int(match["day"])
    given_year = match.groupdict().get("year")
    if given_year is not None:
        found = _safe_date(int(given_year), month, day)
        return found.isoformat() if found else None
    if anchor is None:
        return None
    found = _weekday_year(match, anchor, month, day) or _nearest_year(anchor, month, day, _future(match))
    return found.isoformat() if found else None


def _weekday_year(match: re.Match[str], anchor: date, month: int, day: int) -> date | None:
    """The month-day within half a year of the anchor that falls on the weekday written with it, if any (a weekday
    that fits only a year away is more likely a slip than a reason to go that far)."""
    text = match.string
    start = match.start("month")
    named = _WEEKDAY_BEFORE.search(text, max(0, start - 30), start)
    if named is None:
        return None
    fits = [
        found
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (found := _safe_date(year, month, day)) is not None
        and found.weekday() == words.WEEKDAYS[named.group(1)]
        and abs((found - anchor).days) <= _HALF_YEAR_DAYS
    ]
    return fits[0] if len(fits) == 1 else None


def month_year(match: re.Match[str], anchor: date | None) -> str | None:
    del anchor
    given = _given_year(match)
    return None if given is None else f"{given}-{_month_of(match['month']):02d}"


def _given_year(match: re.Match[str]) -> str | None:
    """The year a match writes, in digits ("1996") or spoken ("nineteen ninety-six", "two thousand")."""
    groups = match.groupdict()
    if groups.get("year"):
        return str(groups["year"])
    spoken = groups.get("spoken")
    if not spoken:
        return None
    head, _, rest = " ".join(spoken.lower().replace("-", " ").split()).partition(" ")
    if head == "two":  # "two thousand", "two thousand and one"
        tail = rest.removeprefix("thousand").removeprefix(" and").strip()
        number = _number(tail) if tail else 0
        return None if not isinstance(number, int) else f"{2000 + number:04d}"
    number = _number(rest)
    return f"{1900 + number:04d}" if isinstance(number, int) and 10 <= number <= 99 else None


def month_relative_year(match: re.Match[str], anchor: date | None) -> str | None:
    """ "January this year", "June last year", "April 2 next year": the month (and day) of the year the words name."""
    if anchor is None:
        return None
    year = anchor.year + {"last": -1, "next": 1}.get(match["mod"].lower(), 0)
    number = _month_of(match["month"])
    if match["day"] is None:
        return f"{year:04d}-{number:02d}"
    found = _safe_date(year, number, int(match["day"]))
    return found.isoformat() if found else None


def month(match: re.Match[str], anchor: date | None) -> str | None:
    """A bare month: the latest on or before the anchor's month; "last" strictly before, "next" (or a future cue)
    after."""
    name, modifier = match["month"], (match["mod"] or "").lower()
    if anchor is None:
        return None
    if not modifier and name in words.AMBIGUOUS_MONTHS and _previous_word(match).lower() not in words.MONTH_TRIGGERS:
        return None
    number, year = words.MONTH_NAMES[name], anchor.year
    if modifier == "last":
        year -= int(number >= anchor.month)
    elif modifier in ("next", "coming"):
        year += int(number <= anchor.month)
    elif modifier != "this":
        ahead = (number - anchor.month) % 12
        year += (
            int(number < anchor.month)
            if _future(match) or (0 < ahead <= _AHEAD_MONTHS and not _past(match))
            else -int(number > anchor.month)
        )
    return f"{year:04d}-{number:02d}"


def weekday(match: re.Match[str], anchor: date | None) -> str | tuple[str, TimexType] | None:
    """A weekday, with its part of the day if written ("Wednesday morning" -> 2024-03-27TMO; typed DATE, as the
    TempEval-3 training data types it)."""
    if anchor is None or _next_word(match) in words.WEEKDAY_NAME_FOLLOWERS:
        return None
    modifier = " ".join((match["mod"] or "").lower().split()[-1:])  # "this past" as "past"
    # "Wednesday's ruling" names something that has happened, whatever the verb around it.
    future = not match.group().endswith(("'s", "’s")) and (_future(match) or _until(match))
    day = _weekday_date(anchor, words.WEEKDAYS[match["wday"]], modifier, future).isoformat()
    part = match["part"]
    return (f"{day}T{words.DAY_PARTS[part.lower()]}", "DATE") if part else day


def holiday(match: re.Match[str], anchor: date | None) -> str | None:
    """A named holiday: the year's day nearest the anchor, as for a month and day (the coming one if future);
    "last" and "next" take the one before or after the anchor, "this" the anchor year's."""
    if anchor is None:
        return None
    day_of = _holiday_day(" ".join(match["word"].split()))
    modifier = (match["mod"] or "").lower()
    try:
        if modifier == "last":
            return day_of(anchor.year if day_of(anchor.year) < anchor else anchor.year - 1).isoformat()
        if modifier == "next":
            return day_of(anchor.year if day_of(anchor.year) > anchor else anchor.year + 1).isoformat()
        if modifier == "this":
            return day_of(anchor.year).isoformat()
        return _nearest(anchor, day_of, _future(match)).isoformat()
    except ValueError:  # a year outside the calendar, from an anchor at its edge
        return None


def _holiday_day(name: str) -> Callable[[int], date]:
    """The day of a holiday in a given year."""
    if name in words.HOLIDAYS:
        month_number, day = words.HOLIDAYS[name]
        return lambda year: date(year, month_number, day)
    if name in words.EASTER_HOLIDAYS:
        offset = words.EASTER_HOLIDAYS[name]
        return lambda year: easter_sunday(year) + timedelta(days=offset)
    month_number, weekday, nth = words.WEEKDAY_HOLIDAYS[name]
    return lambda year: nth_weekday(year, month_number, weekday, nth)


def _nearest(anchor: date, day_of: Callable[[int], date], future: bool) -> date:
    """The holiday nearest the anchor, looked for as `_nearest_year` looks for a month and day."""
    return day_of(anchor.year + _year_shift((day_of(anchor.year) - anchor).days, future))


def nth_weekday(year: int, month_number: int, weekday: int, nth: int) -> date:
    """The nth given weekday of a month (Monday 0); nth -1 is the month's last."""
    if nth > 0:
        first = date(year, month_number, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    following = date(year + month_number // 12, month_number % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter_sunday(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month_number, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month_number, day + 1)


def deictic(match: re.Match[str], anchor: date | None) -> str | None:
    if anchor is None:
        return None
    return (anchor + timedelta(days=words.DEICTIC_DAYS[match["word"].lower()])).isoformat()


def day_part(match: re.Match[str], anchor: date | None) -> str | None:
    """ "this morning", "last night", "yesterday afternoon", "tonight" -> the day with its part."""
    if anchor is None:
        return None
    word = match["word"].lower()
    if word == "tonight":
        return f"{anchor.isoformat()}TNI"
    part = match["part"].lower()
    if word == "last" and part != "night":
        return None
    day = anchor + timedelta(days=words.DAY_PART_DEICTICS[word])
    return f"{day.isoformat()}T{words.DAY_PARTS[part]}"


def clock(match: re.Match[str], anchor: date | None) -> str | None:
    """ "9 a.m. Tuesday", "10:30 p.m.", "noon Thursday", "5 p.m. EST Nov. 9" -> the day (the anchor's when none is
    written) and time."""
    if anchor is None:
        return None
    named = match["wday"]
    groups = match.groupdict()
    if groups.get("noon"):
        if named is None and _previous_word(match).lower() not in ("at", "by", "until", "before", "after", "since"):
            return None
        hour, minute = (0 if match["noon"].lower() == "midnight" else 12), 0
    else:
        hour, minute = int(match["hour"]) % 12, int(match["minute"] or 0)
        hour += 12 if match["ampm"][0].lower() == "p" else 0
    if groups.get("month"):
        found = _nearest_year(anchor, _month_of(match["month"]), int(match["day"]), _future(match))
        if found is None:
            return None
        day = found
    elif named is None:
        day = anchor
    elif named.lower() in words.DEICTIC_DAYS:
        day = anchor + timedelta(days=words.DEICTIC_DAYS[named.lower()])
    else:
        day = _weekday_date(anchor, words.WEEKDAYS[named], "", _future(match))
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


# --- relative units, seasons, quarters, references ------------------------------------------------------------------


def relative_unit(match: re.Match[str], anchor: date | None) -> str | None:
    """ "last year", "this month", "earlier this month", "next week", "this quarter", "last weekend"."""
    if anchor is None:
        return None
    return _relative_value(anchor, match["mod"].lower(), match["unit"].lower())


def _relative_value(anchor: date, modifier: str, unit: str) -> str:
    """The year, month, quarter, week or weekend before ("last"), after ("next") or around the anchor."""
    step = {"last": -1, "next": 1}.get(modifier, 0)  # "this", "the current"
    if unit == "year":
        return f"{anchor.year + step:04d}"
    if unit == "month":
        year, number = _shift_month(anchor.year, anchor.month, step)
        return f"{year:04d}-{number:02d}"
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "weekend":
        return f"{_iso_week(anchor + timedelta(weeks=step))}-WE"
    return _iso_week(anchor + timedelta(weeks=step))


# A calendar date of year, month or day granularity at the start of a value ("1998", "1998-10", "1998-10-23TNI").
CALENDAR_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?![\dX])")


def anaphor_step(match: re.Match[str]) -> tuple[str, int]:
    """The unit and the shift of an anaphoric expression: "that year" -> (year, 0), "the next morning" -> (day, 1)."""
    unit = (match["unit"] or match["unit2"] or match["unit3"]).lower()
    relation = (match["rel"] or match["rel2"] or "").lower()
    step = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(relation, 0)
    return ("day" if unit == "morning" else unit), step


def anaphoric(match: re.Match[str], anchor: date | None) -> str | None:
    """ "that year", "the following day" with the anchor for antecedent (the finder re-resolves them against the
    last date the text names before them)."""
    return None if anchor is None else shifted(anchor.isoformat(), *anaphor_step(match))


def shifted(antecedent: str, unit: str, step: int) -> str | None:
    """The year, month, week or day of a calendar value, moved ``step`` units; None when the value is not fine
    enough ("that day" after "1998")."""
    found = CALENDAR_DATE.match(antecedent)
    if found is None:
        return None
    year_text, month_text, day_text = found.groups()
    if unit == "year":
        return f"{int(year_text) + step:04d}"
    if month_text is None:
        return None
    if unit == "month":
        year_number, month_number = _shift_month(int(year_text), int(month_text), step)
        return f"{year_number:04d}-{month_number:02d}"
    day = None if day_text is None else _safe_date(int(year_text), int(month_text), int(day_text))
    if day is None:
        return None
    if unit == "week":
        return _iso_week(day + timedelta(weeks=step))
    return (day + timedelta(days=step)).isoformat()


def unit_edge(match: re.Match[str], anchor: date | None) -> str | None:
    """ "the end of the year", "the start of next month", "year-end": TIMEX3 gives the edge the whole unit's value
    (the edge itself is a modifier, not part of the value)."""
    if anchor is None:
        return None
    if match["edge"]:
        return f"{anchor.year:04d}"
    return _relative_value(anchor, (match["mod"] or "this").lower(), match["unit"].lower())


def weekend(match: re.Match[str], anchor: date | None) -> str | None:
    """ "the weekend", "this past weekend": the anchor's own when it falls on one or a future cue says so (not
    after "this past"), else the one before."""
    if anchor is None:
        return None
    within = anchor.weekday() >= 5 or (not match["past"] and _future(match))
    return f"{_iso_week(anchor if within else anchor - timedelta(weeks=1))}-WE"


def season_year(match: re.Match[str], anchor: date | None) -> str | None:
    del anchor
    given = _given_year(match)
    return None if given is None else f"{given}-{words.SEASONS[match['season'].lower()]}"


def relative_season(match: re.Match[str], anchor: date | None) -> str | None:
    """ "last fall", "this summer", "next spring": the nearest such season before, around or after the anchor."""
    if anchor is None:
        return None
    code, offset = words.MONTH_SEASONS[anchor.month]
    now = _season_ordinal(code, anchor.year + offset)
    wanted = words.SEASON_ORDER.index(words.SEASONS[match["season"].lower()])
    back = (now - wanted) % 4
    modifier = match["mod"].lower().split()[-1]  # "this past" as "past"
    if modifier in ("last", "past"):
        return _season_value(now - (back or 4))
    if modifier == "next":
        return _season_value(now + ((wanted - now) % 4 or 4))
    return _season_value(now - back if back <= 2 else now + 4 - back)


def quarter(match: re.Match[str], anchor: date | None) -> str | None:
    """ "the third quarter (of 2013)", "the 2012 fourth quarter": without a year, the latest such quarter begun by
    the anchor."""
    number = words.QUARTER_ORDINALS[match["ord"].lower()]
    given = match["year"] or match["year2"]
    if given:
        return f"{given}-Q{number}"
    if anchor is None:
        return None
    year = anchor.year - int((number - 1) * 3 + 1 > anchor.month)
    return f"{year:04d}-Q{number}"


def the_year(match: re.Match[str], anchor: date | None) -> str | tuple[str, TimexType] | None:
    """ "the year", "the full year", "the fiscal year": the anchor's year, as results news and TimeBank read it; with
    "ended" or "ending" after it, the length of a reporting period ("the year ended March 31" -> P1Y)."""
    following = _next_word(match).lower()
    if following in words.PERIOD_END_WORDS:
        # "the year ended March 31", not "The year ended with a rally": a date names the period's end
        return ("P1Y", "DURATION") if _PERIOD_END_DATE.match(match.string, match.end()) else None
    if anchor is None or following in words.THE_YEAR_BLOCKING_FOLLOWERS:
        return None
    # "player of the year", "the worst of the year": a title or a rank, not when; "the end of the year" is when
    before = match.string[max(0, match.start() - 30) : match.start()].lower().split()
    if before[-1:] == ["of"] and (len(before) < 2 or before[-2] not in words.PARTS_OF_A_YEAR):
        return None
    return f"{anchor.year:04d}"


# After "the year ended": its last day ("ended March 31", "ending Sept. 30", "ended in June", "ended 30 June").
_PERIOD_END_DATE = re.compile(
    r"\s+end(?:ed|ing)\s+(?:in\s+|on\s+)?(?:\d|(?:"
    + "|".join(words.MONTH_NAMES)
    + r")\b|(?:"
    + "|".join(words.MONTH_ABBREVIATIONS)
    + r")\b)",
    re.IGNORECASE,
)


def half_year(match: re.Match[str], anchor: date | None) -> str | None:
    """ "the second half of 2012", "the first half of next year" -> 2012-H2, the next year's H1."""
    half = 1 if match["half"].lower() == "first" else 2
    if match["year"]:
        return f"{match['year']}-H{half}"
    if anchor is None:
        return None
    step = {"last": -1, "next": 1}.get((match["mod"] or "").lower(), 0)
    return f"{anchor.year + step:04d}-H{half}"


def reported_quarter(match: re.Match[str], anchor: date | None) -> str | None:
    """ "the quarter", "the latest quarter", "the latest period": in results news, the last quarter ended before the
    anchor; "the year-earlier quarter", "the year-ago period", "year-earlier profit": that quarter a year before."""
    if anchor is None:
        return None
    return _reported_quarter(anchor, years_back=int(bool(match["ago"] or match["bare"])))


def _reported_quarter(anchor: date, years_back: int) -> str:
    """The last quarter ended before the anchor, ``years_back`` years before."""
    index = anchor.year * 4 + (anchor.month - 1) // 3 - 1 - 4 * years_back
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def reference(match: re.Match[str], anchor: date | None) -> str | None:
    """ "now", "currently" -> PRESENT_REF; "recently", "the past" -> PAST_REF; "the future" -> FUTURE_REF."""
    del anchor
    word = " ".join(match["word"].lower().split())
    if word == "the past" and (_number(_next_word(match)) is not None or _next_word(match).lower() in words.SEASONS):
        return None  # "the past three summers", "the past few days": a period, not the past at large
    return words.REFERENCE_WORDS[word]


def vague_reference(match: re.Match[str], anchor: date | None) -> str | None:
    """ "coming months", "future quarters" -> FUTURE_REF; "past years" -> PAST_REF."""
    del anchor
    return words.VAGUE_TIME_ADJECTIVES[match["word"].lower()]


def decade(match: re.Match[str], anchor: date | None) -> str | None:
    """ "the 1990s" -> 199 (TIMEX3 writes a decade as its first three digits)."""
    del anchor
    return match["decade"]


def short_decade(match: re.Match[str], anchor: date | None) -> str | None:
    """ "the '80s", "the nineties": the decade of the anchor's century, or of the one before when it would lie
    ahead of the anchor."""
    if anchor is None:
        return None
    digit = int(match["digit"]) if match["digit"] else words.DECADE_WORDS[match["word"].lower()]
    century = anchor.year // 100 - int(digit > anchor.year % 100 // 10)
    return f"{century:02d}{digit}"


def century(match: re.Match[str], anchor: date | None) -> str | None:
    """ "the 20th century", "the nineteenth century" -> 19, 18 (TIMEX3 writes a century as its first two digits)."""
    del anchor
    number = int(match["number"]) if match["number"] else words.CENTURY_ORDINALS[match["word"].lower()]
    return f"{number - 1:02d}"


def year(match: re.Match[str], anchor: date | None) -> str | None:
    """A bare year, in digits or spoken ("nineteen ninety-six"), unless the words around it make it a count or a clock
    time."""
    del anchor
    if _next_word(match).lower() in words.YEAR_BLOCKING_FOLLOWERS:
        return None
    if _previous_word(match).lower() in words.YEAR_BLOCKING_PRECEDERS:
        return None
    return _given_year(match)


# --- durations and recurrences ----------------------------------------------------------------------------------


def _duration(count: int | str, unit: str, half: bool = False) -> str:
    designator, multiplier, is_time = words.DURATION_UNITS[unit.lower()]
    if half and isinstance(count, int):
        return _and_a_half(count, designator, multiplier, is_time)
    amount = count if isinstance(count, str) else str(count * multiplier)
    return f"PT{amount}{designator}" if is_time else f"P{amount}{designator}"


def _and_a_half(count: int, designator: str, multiplier: int, is_time: bool) -> str:
    """ "two and a half years" -> P2Y6M, "5 1/2 hours" -> PT5H30M, "half a day" -> PT12H: the half in the next
    smaller unit where there is one, else as a decimal ("P1.5W")."""
    prefix = "PT" if is_time else "P"
    if multiplier > 1:
        return f"{prefix}{count * multiplier + multiplier // 2}{designator}"
    half = {("Y", False): "6M", ("D", False): "T12H", ("H", True): "30M", ("M", True): "30S"}.get((designator, is_time))
    if half is None:
        return f"{prefix}{count}.5{designator}"
    return f"{prefix}{f'{count}{designator}' if count else ''}{half}"


def duration(match: re.Match[str], anchor: date | None) -> str | None:
    """ "the past year", "the last two weeks", "the first nine months" -> P1Y, P2W, P9M."""
    del anchor
    count = _number(match["n"]) if match["n"] else ("X" if match["unit"].lower().endswith("s") else 1)
    return None if count is None else _duration(count, match["unit"])


def count_duration(match: re.Match[str], anchor: date | None) -> str | tuple[str, TimexType] | None:
    """ "three years", "44 days", "a two-year term" -> P3Y, P44D, P2Y; "a year" after a rate word ("twice a year",
    "$5,000 a year") is a SET; ages ("five years old", "a two-year-old") are not times."""
    del anchor
    halved = match["n"].lower().startswith("half")
    count = 0 if halved else _number(match["n"])
    if count is None or _next_word(match).lower() in words.DURATION_BLOCKING_FOLLOWERS:
        return None
    groups = match.groupdict()
    value = _duration(count, match["unit"], halved or bool(groups.get("half") or groups.get("half2")))
    if value == "P1D" and match["n"].lower() == "one" and _previous_word(match).lower() in words.MODALS:
        return "FUTURE_REF", "DATE"  # "will one day be"
    if match["n"].lower() in ("a", "an"):
        previous = match.string[max(0, match.start() - 12) : match.start()].rstrip()
        if _previous_word(match).lower() in words.SET_RATE_WORDS or previous[-1:].isdigit():
            return value, "SET"
    return value


def unit_long(match: re.Match[str], anchor: date | None) -> str | None:
    """ "a day-long meeting", "a decades-long feud" -> P1D, PXY."""
    del anchor
    return _duration("X" if match["plural"] else 1, match["unit"])


def vague_duration(match: re.Match[str], anchor: date | None) -> str | None:
    """ "recent weeks" -> PXW."""
    del anchor
    return _duration("X", match["unit"])


def ago(match: re.Match[str], anchor: date | None) -> str | None:
    """ "three days ago" -> a date, "six weeks ago" -> a week, "two months ago" -> a month, "a year earlier" -> a
    year."""
    count = _number(match["n"])
    if anchor is None or count is None:
        return None
    if isinstance(count, str):
        return "PAST_REF"
    designator, multiplier, is_time = words.DURATION_UNITS[match["unit"].lower()]
    amount = count * multiplier
    if is_time:
        return None
    if designator == "D":
        return (anchor - timedelta(days=amount)).isoformat()
    if designator == "W":
        return _iso_week(anchor - timedelta(weeks=amount))
    if designator == "M":
        year_number, month_number = _shift_month(anchor.year, anchor.month, -amount)
        return f"{year_number:04d}-{month_number:02d}"
    if amount == 1 and _QUARTER.search(match.string, max(0, match.start() - _RESULTS_WINDOW), match.start()):
        return _reported_quarter(anchor, years_back=1)  # "profit of $3 million, up from $2 million a year ago"
    return f"{anchor.year - amount:04d}"


def set_adverb(match: re.Match[str], anchor: date | None) -> str | None:
    del anchor
    return words.SET_ADVERBS[match["word"]]


def set_unit(match: re.Match[str], anchor: date | None) -> str | None:
    """ "every week" -> P1W, "each Thursday" -> XXXX-WXX-4, "every July" -> XXXX-07, "each spring" -> XXXX-SP."""
    del anchor
    word = match["word"]
    if word in words.WEEKDAYS:
        return f"XXXX-WXX-{words.WEEKDAYS[word] + 1}"
    if word in words.MONTH_NAMES:
        return f"XXXX-{words.MONTH_NAMES[word]:02d}"
    if word.lower() in words.SEASONS:
        return f"XXXX-{words.SEASONS[word.lower()]}"
    return words.SET_UNITS.get(word.lower())
