"""The day a dated article's own time expressions point to: what tells apart two happenings of one saga (the same
actors a few days apart) when their words are alike.

The latest day within the week before publication that the article names ("on Tuesday", "yesterday", "March 3"): a
later report of a happening names the happening's day. None when it names no such day (the publication day alone
says little, as reports of one happening come out over days), and for an undated article. And the months an
article names without a day ("approved in March"): not its own happening's month, what an undated article has to
tell it from dated ones. Cheap regular expressions, no parse: this runs for every article at scale.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from rashomon.text.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAYS

__all__ = ["DAY_WORDS", "named_day", "other_months"]

# How far back (days) a dated article's own time expressions are taken to name its event.
LOOKBACK = 7
_MONTHS = {**MONTH_NAMES, **MONTH_ABBREVIATIONS}
# A capitalised word and a day number (the word checked against the months after): an alternation of the month
# names tried at every character cost four times as much.
_MONTH_DAY = re.compile(r"([JFMASOND][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d)\b)?")
# A month after a word of time ("in March", "since early February", "by June 2014") and before no day number;
# "earlier in" and "later in" (group 1) are said of the month at hand.
_BARE_MONTH = re.compile(
    r"(?:\b([Ee]arlier|[Ll]ater)\s+)?"
    r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Tt]hrough|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id)[\s-]+"
    r"(?:(?:early|late|mid)[\s-]+)?([JFMASOND][a-z]{2,8})\b\.?(?!\s*\d{1,2}\b)"
)
_WEEKDAY_NUMBER = {name.lower(): number for name, number in WEEKDAYS.items()}
# A weekday after these words in its clause (no comma between) is still to come ("will vote on Wednesday", "set
# for Friday"): not the day of a happening reported; "will cut jobs, a spokeswoman said Monday" keeps its Monday.
_FUTURE_WEEKDAY = re.compile(
    r"\b(?i:will|would|'ll|next|scheduled|expected|set\s+(?:to|for)|plans?\s+to|planned)\b[^.!?;,]{0,60}?"
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# Words naming a day by its distance before publication.
_DAYS_BACK = {"yesterday": 1, "today": 0, "tonight": 0}
# Lower-cased words that name a day, possessives too ("Monday's hearing"): what `named_day` is given of the words.
DAY_WORDS = frozenset(
    [*_WEEKDAY_NUMBER, *(f"{name}{mark}s" for name in _WEEKDAY_NUMBER for mark in "'\u2019"), *_DAYS_BACK]
)


def named_day(text: str, day_words: frozenset[str], published: date | None) -> date | None:
    """The day the text points to (see the module's docstring), None when it names none or is undated.

    ``day_words`` are the text's lower-cased words among `DAY_WORDS`.
    """
    if published is None:
        return None
    named = [
        found
        for match in _MONTH_DAY.finditer(text)
        if match.group(1) in _MONTHS and (found := _month_day(match, published))
    ]
    to_come = {match.group(1).lower() for match in _FUTURE_WEEKDAY.finditer(text)}
    for word in day_words:
        if word in to_come and not _said_also_as_past(text, word):
            continue
        if word in _DAYS_BACK:
            named.append(published - timedelta(days=_DAYS_BACK[word]))
        else:
            weekday = _WEEKDAY_NUMBER[word.removesuffix("'s").removesuffix("\u2019s")]
            named.append(published - timedelta(days=(published.weekday() - weekday) % 7))
    recent = [day for day in named if published - timedelta(days=LOOKBACK) <= day <= published]
    return max(recent, default=None)


def _said_also_as_past(text: str, weekday: str) -> bool:
    """Whether a weekday the text names as still to come is also named with no future word before it."""
    found = re.finditer(rf"\b{weekday}\b", text, re.IGNORECASE)
    ahead = {m.end(1) for m in _FUTURE_WEEKDAY.finditer(text) if m.group(1).lower() == weekday}
    return any(match.end() not in ahead for match in found)


def other_months(text: str) -> int:
    """The months the text names without a day ("in March", "since February"), as bits (1 << month), less those
    it also names with a day: months other than its own happening's. News names the days of its own week by weekday
    or date, and a bare month for what came before or is planned ("the financing approved in March")."""
    bare = {_MONTHS[m] for near, m in _BARE_MONTH.findall(text) if not near and m in _MONTHS}
    if not bare:
        return 0
    dated = {_MONTHS[match.group(1)] for match in _MONTH_DAY.finditer(text) if match.group(1) in _MONTHS}
    return sum(1 << month for month in bare - dated)


def _month_day(match: re.Match[str], published: date) -> date | None:
    month, day = _MONTHS[match.group(1)], int(match.group(2))
    if match.group(3):
        return _calendar_day(month, day, int(match.group(3)))
    found = _calendar_day(month, day, published.year)
    if found is not None and found > published:
        return _calendar_day(month, day, published.year - 1)  # news is past tense: "Dec. 30" read in January
    return found


def _calendar_day(month: int, day: int, year: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
