"""Rule-based time expressions in English news text, normalised to TIMEX3 values (in the spirit of HeidelTime).

Each rule is a regular expression and a resolver that turns a match into a TIMEX3 value (``2021-11-26``,
``2021-11``, ``2020``, ``2020-FA``, ``2021-W46``, ``199X``, ``P1Y``, ``PT5H``) or into None when the match is not a
time after all ("2020 people") or needs an anchor that is missing. Relative expressions ("Friday", "last year",
"Dec. 15") are resolved against the anchor, the publication date; without one they are dropped, never guessed.
Where candidates overlap, the longest wins ("last November's" over "November").

Steps: :func:`_candidates` runs every rule, :func:`_select` keeps the longest non-overlapping ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from rashomon.extract.lexicon import time_words as words
from rashomon.model import TimeExpr

Resolver = Callable[[re.Match[str], date | None], str | None]

# Farther than this from the anchor, a month-day without a year belongs to the neighbouring year.
_HALF_YEAR_DAYS = 183


@dataclass(frozen=True, slots=True, kw_only=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver


@dataclass(frozen=True, slots=True, kw_only=True)
class _Candidate:
    start: int
    end: int
    value: str


def find_times(text: str, article_id: str, anchor: date | None) -> tuple[TimeExpr, ...]:
    """Time expressions of ``text`` with TIMEX3 values, sorted by start and non-overlapping.

    ``anchor`` is the publication date that relative expressions are resolved against; with None only expressions
    that carry their own value (explicit years, full dates, seasons with a year, durations) are returned.
    """
    chosen = _select(_candidates(text, anchor))
    return tuple(TimeExpr(article=article_id, start=c.start, end=c.end, value=c.value) for c in chosen)


def _candidates(text: str, anchor: date | None) -> Iterator[_Candidate]:
    """Every resolved match of every rule, overlapping freely."""
    for rule in _RULES:
        for match in rule.pattern.finditer(text):
            value = rule.resolve(match, anchor)
            if value is not None:
                yield _Candidate(start=match.start(), end=match.end(), value=value)


def _select(candidates: Iterator[_Candidate]) -> list[_Candidate]:
    """The longest candidates that do not overlap an already kept one (earlier first on ties), in text order."""
    kept: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


# --- calendar helpers -------------------------------------------------------------------------------------------


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
    """An integer for a digit string or number word, "X" for a vague amount, None otherwise."""
    lowered = word.lower()
    if lowered.isdigit():
        return int(lowered)
    if lowered in words.VAGUE_NUMBERS:
        return "X"
    return words.NUMBER_WORDS.get(lowered, words.ARTICLE_NUMBERS.get(lowered))


def _previous_word(match: re.Match[str]) -> str:
    before = re.search(r"([A-Za-z]+)\W*$", match.string[max(0, match.start() - 40) : match.start()])
    return before.group(1) if before else ""


def _next_word(match: re.Match[str]) -> str:
    after = re.match(r"\s+([A-Za-z%]+)", match.string[match.end() : match.end() + 40])
    return after.group(1) if after else ""


# --- resolvers --------------------------------------------------------------------------------------------------


def _month_of(name: str) -> int:
    """The month number of a full name or an abbreviation with or without its period."""
    name = name.rstrip(".")
    return words.MONTH_NAMES.get(name) or words.MONTH_ABBREVIATIONS[name]


def _resolve_date(match: re.Match[str], anchor: date | None) -> str | None:
    """A month and day, with the year given or taken from the anchor's nearer side."""
    month, day = _month_of(match["month"]), int(match["day"])
    given_year = match.groupdict().get("year")
    if given_year is not None:
        found = _safe_date(int(given_year), month, day)
        return found.isoformat() if found else None
    if anchor is None:
        return None
    year = anchor.year
    guess = _safe_date(year, month, day) or _safe_date(year - 1, month, day)
    if guess is None:
        return None
    distance = (guess - anchor).days
    if distance > _HALF_YEAR_DAYS:
        year -= 1
    elif distance < -_HALF_YEAR_DAYS:
        year += 1
    found = _safe_date(year, month, day)
    return found.isoformat() if found else None


def _resolve_month_year(match: re.Match[str], anchor: date | None) -> str | None:
    del anchor
    return f"{match['year']}-{_month_of(match['month']):02d}"


def _resolve_month(match: re.Match[str], anchor: date | None) -> str | None:
    """A bare month: the latest on or before the anchor's month; "last" strictly before, "next" strictly after."""
    name, modifier = match["month"], (match["mod"] or "").lower()
    if anchor is None:
        return None
    if not modifier and name in words.AMBIGUOUS_MONTHS and _previous_word(match).lower() not in words.MONTH_TRIGGERS:
        return None
    month, year = words.MONTH_NAMES[name], anchor.year
    if modifier == "last":
        year -= int(month >= anchor.month)
    elif modifier == "next":
        year += int(month <= anchor.month)
    elif modifier != "this":
        year -= int(month > anchor.month)
    return f"{year:04d}-{month:02d}"


def _resolve_weekday(match: re.Match[str], anchor: date | None) -> str | None:
    """A weekday: the latest on or before the anchor (news is past tense); "last"/"next"/"this" as said."""
    if anchor is None or _next_word(match) in words.WEEKDAY_NAME_FOLLOWERS:
        return None
    weekday, modifier = words.WEEKDAYS[match["day"]], (match["mod"] or "").lower()
    if modifier == "next":
        day = anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    elif modifier == "this":
        day = anchor + timedelta(days=weekday - anchor.weekday())
    elif modifier == "last":
        day = anchor - timedelta(days=(anchor.weekday() - weekday) % 7 or 7)
    else:
        day = anchor - timedelta(days=(anchor.weekday() - weekday) % 7)
    return day.isoformat()


def _resolve_relative_unit(match: re.Match[str], anchor: date | None) -> str | None:
    """ "last year", "this month", "earlier this month", "next week" against the anchor."""
    if anchor is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[match["mod"].lower()]
    unit = match["unit"].lower()
    if unit == "year":
        return f"{anchor.year + step:04d}"
    if unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, step)
        return f"{year:04d}-{month:02d}"
    return _iso_week(anchor + timedelta(weeks=step))


def _resolve_deictic(match: re.Match[str], anchor: date | None) -> str | None:
    if anchor is None:
        return None
    return (anchor + timedelta(days=words.DEICTIC_DAYS[match["word"].lower()])).isoformat()


def _resolve_season_year(match: re.Match[str], anchor: date | None) -> str | None:
    del anchor
    return f"{match['year']}-{words.SEASONS[match['season'].lower()]}"


def _resolve_relative_season(match: re.Match[str], anchor: date | None) -> str | None:
    """ "last fall", "this summer", "next spring": the nearest such season before, around or after the anchor."""
    if anchor is None:
        return None
    code, offset = words.MONTH_SEASONS[anchor.month]
    now = _season_ordinal(code, anchor.year + offset)
    wanted = words.SEASON_ORDER.index(words.SEASONS[match["season"].lower()])
    back = (now - wanted) % 4
    modifier = match["mod"].lower()
    if modifier == "last":
        return _season_value(now - (back or 4))
    if modifier == "next":
        return _season_value(now + ((wanted - now) % 4 or 4))
    return _season_value(now - back if back <= 2 else now + 4 - back)


def _duration(count: int | str, unit: str) -> str:
    designator, multiplier, is_time = words.DURATION_UNITS[unit.lower()]
    amount = count if isinstance(count, str) else str(count * multiplier)
    return f"PT{amount}{designator}" if is_time else f"P{amount}{designator}"


def _resolve_duration(match: re.Match[str], anchor: date | None) -> str | None:
    """ "the past year", "the last two weeks", "the past few days" -> P1Y, P2W, PXD."""
    del anchor
    count = _number(match["n"]) if match["n"] else 1
    return None if count is None else _duration(count, match["unit"])


def _resolve_ago(match: re.Match[str], anchor: date | None) -> str | None:
    """ "three days ago" -> a date, "two months ago" -> a month, "five years ago" -> a year."""
    count = _number(match["n"])
    if anchor is None or not isinstance(count, int):
        return None
    designator, multiplier, is_time = words.DURATION_UNITS[match["unit"].lower()]
    amount = count * multiplier
    if is_time:
        return None
    if designator == "D":
        return (anchor - timedelta(days=amount)).isoformat()
    if designator == "W":
        return (anchor - timedelta(weeks=amount)).isoformat()
    if designator == "M":
        year, month = _shift_month(anchor.year, anchor.month, -amount)
        return f"{year:04d}-{month:02d}"
    return f"{anchor.year - amount:04d}"


def _resolve_decade(match: re.Match[str], anchor: date | None) -> str | None:
    del anchor
    return f"{match['decade']}X"


def _resolve_year(match: re.Match[str], anchor: date | None) -> str | None:
    """A bare four-digit year, unless the words around it make it a count or a clock time."""
    del anchor
    if _next_word(match).lower() in words.YEAR_BLOCKING_FOLLOWERS:
        return None
    if _previous_word(match).lower() in words.YEAR_BLOCKING_PRECEDERS:
        return None
    return match["year"]


# --- patterns ---------------------------------------------------------------------------------------------------


def _alternation(names: Iterable[str]) -> str:
    """A regex alternation of the given words, longest first so that "September" wins over "Sep"."""
    return "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))


def _build_rules() -> tuple[_Rule, ...]:
    abbreviation = rf"(?:{_alternation(words.MONTH_ABBREVIATIONS)})\b\.?"
    month = rf"(?P<month>(?:{_alternation(words.MONTH_NAMES)})\b|{abbreviation})"
    full_month = rf"(?P<month>{_alternation(words.MONTH_NAMES)})\b"
    day = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    year = r"(?P<year>(?:19|20)\d\d)\b(?![.,:/-]\d)"
    number = rf"(?:\d{{1,3}}|{_alternation({**words.NUMBER_WORDS, **dict.fromkeys(words.VAGUE_NUMBERS)})})"
    unit = rf"(?P<unit>{_alternation(words.DURATION_UNITS)})\b"
    season = rf"(?P<season>{_alternation(words.SEASONS)})\b"
    possessive = r"(?:['’]s\b)?"
    relative_unit = r"\b(?:(?:earlier|later)\s+)?(?P<mod>last|this|next)\s+(?P<unit>year|month|week)\b"
    specs: list[tuple[str, str, int, Resolver]] = [
        ("month-day-year", rf"\b{month}\s+{day},?\s+{year}", 0, _resolve_date),
        ("day-month-year", rf"\b{day}\s+(?:of\s+)?{month},?\s+{year}", 0, _resolve_date),
        ("month-day", rf"\b{month}\s+{day}(?![.,:]\d)", 0, _resolve_date),
        ("day-month", rf"\b{day}\s+(?:of\s+)?{month}", 0, _resolve_date),
        ("month-year", rf"\b{month},?\s+(?:of\s+)?{year}", 0, _resolve_month_year),
        ("month", rf"(?:\b(?P<mod>(?i:last|next|this|early|late|mid))[\s-]+)?\b{full_month}{possessive}", 0,
         _resolve_month),
        ("weekday", rf"(?:\b(?P<mod>(?i:last|next|this))\s+)?\b(?P<day>{_alternation(words.WEEKDAYS)})\b{possessive}",
         0, _resolve_weekday),
        ("relative-unit", rf"{relative_unit}{possessive}", re.IGNORECASE, _resolve_relative_unit),
        ("deictic", rf"\b(?P<word>{_alternation(words.DEICTIC_DAYS)})\b{possessive}", re.IGNORECASE, _resolve_deictic),
        ("season-year", rf"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?{season}(?:\s+of)?,?\s+{year}", re.IGNORECASE,
         _resolve_season_year),
        ("relative-season", rf"\b(?P<mod>last|this|next)\s+{season}", re.IGNORECASE, _resolve_relative_season),
        ("duration", rf"\bthe\s+(?:past|last|previous|next|coming)\s+(?:(?P<n>{number})\s+)?{unit}", re.IGNORECASE,
         _resolve_duration),
        ("ago", rf"\b(?P<n>{number}|an?)\s+{unit}\s+ago\b", re.IGNORECASE, _resolve_ago),
        ("decade", r"(?<![\d.,$€£¥:/#])\b(?P<decade>(?:19|20)\d)0s\b", 0, _resolve_decade),
        ("year", rf"(?<![\d.,$€£¥:/#])\b{year}", 0, _resolve_year),
    ]  # fmt: skip
    return tuple(_Rule(name=n, pattern=re.compile(p, f), resolve=r) for n, p, f, r in specs)


_RULES: tuple[_Rule, ...] = _build_rules()
