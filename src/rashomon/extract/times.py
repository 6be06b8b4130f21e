"""Rule-based time expressions in English news text, normalised to TIMEX3 values and types (in the spirit of
HeidelTime).

Each rule is a regular expression and a resolver that turns a match into a TIMEX3 value (``2021-11-26``,
``2021-11``, ``2020``, ``2020-FA``, ``2021-W46``, ``2021-Q3``, ``199X``, ``P1Y``, ``PT5H``, ``2021-11-26TMO``,
``PRESENT_REF``) or into None when the match is not a time after all ("2020 people", "a two-year-old") or needs an
anchor that is missing. Relative expressions ("Friday", "last year", "Dec. 15") are resolved against the anchor, the
publication date; without one they are dropped, never guessed. News is past tense: a bare weekday, month or date is
the latest one on or before the anchor, unless a future cue stands before it in its clause ("will return on
Wednesday"). Where candidates overlap, the longest wins ("last November's" over "November").

Steps: :func:`_candidates` runs every rule, :func:`_select` keeps the longest non-overlapping ones. The value
resolvers live in :mod:`rashomon.extract.time_values`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from rashomon.extract import time_values as values
from rashomon.extract.lexicon import time_words as words
from rashomon.extract.time_values import Resolver, TimexType, timex_type
from rashomon.model import TimeExpr

__all__ = ["TimexType", "find_times", "timex_type"]

_WEEKDAY_WORD = re.compile(rf"\b(?:{'|'.join(words.WEEKDAYS)})\b")
# Characters of context around a trigger hit that a triggered rule's match may span on either side.
_WINDOW = 48


@dataclass(frozen=True, slots=True, kw_only=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    type: TimexType | None = None  # None: the type the value implies
    # A cheap pattern every match contains (a unit word, a weekday): the rule's own pattern then runs only on the
    # text around its hits, since trying a long alternation at every character cost most of the finder's time.
    trigger: re.Pattern[str] | None = None
    # "that year", "the following day": resolved against the date the text names last before, not the anchor.
    anaphoric: bool = False
    # Words (lower case, no white space) one of which every match holds: a text with none of them is not searched,
    # as most texts have no holiday, season or time of day, and a search costs about as much as finding none.
    gate: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class _Candidate:
    start: int
    end: int
    value: str
    type: TimexType
    step: tuple[str, int] | None = None  # an anaphoric expression's unit and shift


def find_times(text: str, article_id: str, anchor: date | None) -> tuple[TimeExpr, ...]:
    """Time expressions of ``text`` with TIMEX3 values and types, sorted by start and non-overlapping.

    ``anchor`` is the publication date that relative expressions are resolved against; with None only expressions
    that carry their own value (explicit years, full dates, seasons with a year, durations) are returned.
    """
    chosen = _agree_weekdays(text, _follow_antecedents(_select(_candidates(text.translate(_ASCII_LOOKALIKES), anchor))))
    return tuple(TimeExpr(article=article_id, start=c.start, end=c.end, value=c.value, type=c.type) for c in chosen)


def _candidates(text: str, anchor: date | None) -> Iterator[_Candidate]:
    """Every resolved match of every rule, overlapping freely."""
    hits: dict[re.Pattern[str], list[re.Match[str]]] = {}  # several rules share a trigger: it is read once
    lowered = text.lower()
    for rule in _RULES:
        if rule.gate and not any(word in lowered for word in rule.gate):
            continue
        for match in _matches(rule, text, hits):
            resolved = rule.resolve(match, anchor)
            if resolved is None:
                continue
            value, kind = resolved if isinstance(resolved, tuple) else (resolved, rule.type or timex_type(resolved))
            step = values.anaphor_step(match) if rule.anaphoric else None
            yield _Candidate(start=match.start(), end=match.end(), value=value, type=kind, step=step)


# Letters that `re.IGNORECASE` matches to ASCII ones where `str.lower` gives none ("wınter", "ſummer", the Kelvin
# sign): read as those letters, one for one, so offsets hold and the gates and the word tables see the words.
_ASCII_LOOKALIKES = str.maketrans({"ı": "i", "İ": "I", "ſ": "s", "\u212a": "K"})


def _matches(rule: _Rule, text: str, hits: dict[re.Pattern[str], list[re.Match[str]]]) -> Iterator[re.Match[str]]:
    """The rule's matches: over the whole text, or with a trigger, in a window of whole words around each hit
    (the trigger's hits kept in ``hits`` for the other rules it triggers)."""
    if rule.trigger is None:
        yield from rule.pattern.finditer(text)
        return
    found = hits.get(rule.trigger)
    if found is None:
        found = hits[rule.trigger] = list(rule.trigger.finditer(text))
    seen: set[tuple[int, int]] = set()
    for hit in found:
        low = text.rfind(" ", 0, max(0, hit.start() - _WINDOW)) + 1
        high = text.find(" ", hit.end() + _WINDOW)
        for match in rule.pattern.finditer(text, low, len(text) if high < 0 else high):
            if match.start() <= hit.start() and hit.end() <= match.end() and match.span() not in seen:
                seen.add(match.span())
                yield match


def _select(candidates: Iterator[_Candidate]) -> list[_Candidate]:
    """The longest candidates that do not overlap an already kept one (earlier first on ties), in text order."""
    kept: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _follow_antecedents(chosen: list[_Candidate]) -> list[_Candidate]:
    """Anaphoric expressions re-resolved against the last calendar date before them ("in June 1998 ... later that
    year" -> 1998); with none before, or none fine enough, they keep their anchor-based value."""
    antecedent: str | None = None
    resolved: list[_Candidate] = []
    for cand in chosen:
        value = None
        if cand.step is not None and antecedent is not None:
            value = values.shifted(antecedent, *cand.step)
        kept = cand if value is None else replace(cand, value=value)
        if values.CALENDAR_DATE.match(kept.value):
            antecedent = kept.value
        resolved.append(kept)
    return resolved


# What stands between a weekday and the month-day that restates it ("Monday night (Nov. 18)", "Monday, Nov. 18").
_RESTATING = re.compile(r"\s*[(,]\s*")
_DAY_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)(T.*)?")


def _agree_weekdays(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """A weekday followed by the date it falls on takes that date's day: the date names the week, which the weekday
    alone has to guess from the tense."""
    agreed = list(chosen)
    for index in range(len(agreed) - 1):
        weekday, restated = agreed[index], agreed[index + 1]
        named = _DAY_VALUE.fullmatch(weekday.value)
        given = _DAY_VALUE.fullmatch(restated.value)
        if (
            named is None
            or given is None
            or given.group(2)
            or not _RESTATING.fullmatch(text, weekday.end, restated.start)
            or not _WEEKDAY_WORD.search(text, weekday.start, weekday.end)
        ):
            continue
        day, said = date.fromisoformat(named.group(1)), date.fromisoformat(given.group(1))
        if day != said and day.weekday() == said.weekday():
            agreed[index] = replace(weekday, value=said.isoformat() + (named.group(2) or ""))
    return agreed


# --- patterns ---------------------------------------------------------------------------------------------------


def _alternation(names: Iterable[str]) -> str:
    """A regex alternation of the given words, longest first so that "September" wins over "Sep"."""
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=lambda n: (-len(n), n)))


def _number_pattern() -> str:
    """Digits, number words ("twenty-four", "twenty four") and vague amounts ("a few", "several")."""
    tens = _alternation(w for w, v in words.NUMBER_WORDS.items() if v >= 20 and v % 10 == 0)
    ones = _alternation(w for w, v in words.NUMBER_WORDS.items() if v < 10)
    single = _alternation([*words.NUMBER_WORDS, *words.VAGUE_PHRASES, *words.PAIR_PHRASES])
    return rf"(?:\d{{1,3}}(?:,\d{{3}})*|(?:{tens})[-\s](?:{ones})\b|(?:{single})\b)"


def _spoken_year_pattern() -> str:
    """A year as transcripts spell it: "nineteen ninety-six", "nineteen ten", and after "the year", "two thousand
    (and one)"; a bare "two thousand" is more often a count."""
    tens = _alternation(w for w, v in words.NUMBER_WORDS.items() if 20 <= v < 100 and v % 10 == 0)
    teens = _alternation(w for w, v in words.NUMBER_WORDS.items() if 10 <= v < 20)
    ones = _alternation(w for w, v in words.NUMBER_WORDS.items() if v < 10)
    # Not a count made an adjective ("nineteen twenty-minute sets", "nineteen ten-year-olds"), nor a year spoken on
    # past "two thousand" ("two thousand twenty-one"), which is not read.
    return (
        rf"(?P<spoken>(?i:nineteen[-\s]+(?:(?:{tens})(?:[-\s]+(?:{ones}))?|{teens})|"
        rf"(?<=year\s)two\s+thousand(?:\s+and\s+(?:{ones}|{teens}))?(?!\s+(?:and\s+)?(?:{ones}|{teens}|{tens})\b)"
        rf")\b(?![-‐]\w))"
    )


def _build_rules() -> tuple[_Rule, ...]:
    abbreviation = rf"(?:{_alternation(words.MONTH_ABBREVIATIONS)})\b\.?"
    month = rf"(?P<month>(?:{_alternation(words.MONTH_NAMES)})\b|{abbreviation})"
    full_month = rf"(?P<month>{_alternation(words.MONTH_NAMES)})\b"
    weekday = rf"(?:{_alternation(words.WEEKDAYS)})"
    day = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    year = r"(?P<year>(?:19|20)\d\d)\b(?![.,:/-]\d)"
    spoken_year = _spoken_year_pattern()
    number = _number_pattern()
    unit = rf"(?P<unit>{_alternation(words.DURATION_UNITS)})\b"
    singular = rf"(?P<unit>{_alternation(u for u in words.DURATION_UNITS if not u.endswith('s'))})"
    season = rf"(?P<season>{_alternation(words.SEASONS)})\b"
    part_word = rf"(?P<part>{_alternation(words.DAY_PARTS)})\b"
    part = rf"(?:\s+{part_word})"
    possessive = r"(?:['’]s\b)?"
    qualifier = rf"(?:\b(?:{_alternation(words.DURATION_QUALIFIERS)})\s+)?"
    clock = r"\b(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\b\.?)"
    clock_day = (
        rf"(?:\s+(?:[A-Z]{{2,4}}T|GMT|UTC)\b)?(?:,?\s+(?:on\s+)?(?:(?P<wday>{weekday}|(?i:yesterday|today|tomorrow))\b|"
        rf"{month}\s+{day}(?![.,:]\d)))?"
    )
    relative_unit = (
        r"\b(?:(?:earlier|later|early|late)\s+)?(?P<mod>last|this|next|(?:the\s+)?current(?:\s+fiscal)?)\s+"
        r"(?P<unit>year|month|week|quarter|weekend)\b"
    )
    holidays = _alternation([*words.HOLIDAYS, *words.WEEKDAY_HOLIDAYS, *words.EASTER_HOLIDAYS])
    specs: list[tuple[str, str, int, Resolver, TimexType | None]] = [
        ("month-day-year", rf"(?:\b{weekday},?\s+)?\b{month}\s+{day},?\s+{year}", 0, values.date_, None),
        ("day-month-year", rf"\b{day}\s+(?:of\s+)?{month},?\s+{year}", 0, values.date_, None),
        ("month-day", rf"(?:\b{weekday},?\s+)?\b{month}\s+{day}(?![.,:]\d)", 0, values.date_, None),
        ("day-month", rf"\b{day}\s+(?:of\s+)?{month}", 0, values.date_, None),
        ("month-year", rf"\b{month},?\s+(?:of\s+)?(?:{year}|{spoken_year})", 0, values.month_year, None),
        ("month-relative-year", rf"\b{month}(?:\s+{day})?\s+(?P<mod>this|last|next)\s+year\b(?!['’-])", 0,
         values.month_relative_year, None),
        ("month", rf"(?:\b(?P<mod>(?i:last|next|this|early|late|mid|coming))[\s-]+)?\b{full_month}{possessive}", 0,
         values.month, None),
        ("weekday", rf"(?:\b(?P<mod>(?i:last|next|this|coming|(?:this\s+)?past))\s+)?\b(?P<wday>{weekday})\b"
         rf"{possessive}{part}?", 0, values.weekday, None),
        ("clock", rf"{clock}{clock_day}", 0, values.clock, "TIME"),
        ("noon", rf"\b(?P<noon>(?i:noon|midnight|midday))\b{clock_day}", 0, values.clock, "TIME"),
        ("day-part", rf"\b(?P<word>{_alternation(words.DAY_PART_DEICTICS)})\s+{part_word}", re.IGNORECASE,
         values.day_part, "TIME"),
        ("tonight", r"\b(?P<word>tonight)\b", re.IGNORECASE, values.day_part, "TIME"),
        ("relative-unit", rf"{relative_unit}{possessive}", re.IGNORECASE, values.relative_unit, None),
        ("unit-edge", r"\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+)?(?:(?P<mod>this|last|next|"
         r"current)\s+)?(?P<unit>year|month|week|quarter)\b|\b(?P<edge>year(?:['’]s)?[-\s]end)\b", re.IGNORECASE,
         values.unit_edge, None),
        ("anaphoric", r"\b(?:(?:(?:earlier|later)\s+)?(?:that|the\s+same)\s+(?P<unit>day|week|month|year)|the\s+"
         r"(?P<rel>following|next|previous|preceding)\s+(?P<unit2>day|morning)|the\s+(?P<rel2>following)\s+"
         r"(?P<unit3>week|month|year))\b(?!['’-])", re.IGNORECASE, values.anaphoric, None),
        ("weekend", r"\b(?:the|(?P<past>this\s+past))\s+weekend\b(?:['’]s\b)?", re.IGNORECASE, values.weekend,
         None),
        ("deictic", rf"\b(?P<word>{_alternation(words.DEICTIC_DAYS)})\b{possessive}", re.IGNORECASE, values.deictic,
         None),
        ("reference", rf"\b(?P<word>{_alternation(words.REFERENCE_WORDS)})\b(?![-’'])", re.IGNORECASE,
         values.reference, None),
        ("holiday", rf"(?:\b(?P<mod>(?i:last|next|this))\s+)?(?<!Orthodox\s)\b(?P<word>{holidays})(?![\w’'])"
         rf"(?!\s+(?:{_alternation(words.HOLIDAY_NAMES)})\b)", 0, values.holiday, None),
        ("season-year", rf"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?{season}(?:\s+of)?,?\s+(?:{year}|{spoken_year})",
         re.IGNORECASE, values.season_year, None),
        ("relative-season", rf"\b(?P<mod>last|this|next|this\s+past)\s+{season}", re.IGNORECASE,
         values.relative_season, None),
        # "the summer", "the early spring"; not "the fall", which is more often a drop than a season
        ("the-season", r"\b(?P<mod>the)\s+(?:(?:early|late|mid)[\s-]+)?(?P<season>spring|summer|autumn|winter)\b"
         r"(?!\s+(?:of|in)\b)", re.IGNORECASE, values.relative_season, None),
        ("quarter", rf"\b(?:the\s+)?(?:{year}\s+)?(?:fiscal\s+)?(?P<ord>{_alternation(words.QUARTER_ORDINALS)})"
         rf"[\s-]+quarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<year2>(?:19|20)\d\d)\b)?", re.IGNORECASE, values.quarter, None),
        ("reported-quarter", r"\bthe\s+(?:(?:latest|most\s+recent)\s+(?:quarter|period)|(?:comparable\s+)?"
         r"(?P<ago>year[-\s](?:earlier|ago))\s+(?:quarter|period)|quarter(?![-\w]|\s+(?:of|century)\b))"
         r"|\b(?P<bare>year-(?:earlier|ago))\b(?!-)",
         re.IGNORECASE, values.reported_quarter, None),
        ("the-duration", rf"\bthe\s+(?:(?:past|last|previous|next|coming|first|final|remaining)\s+)"
         rf"(?:(?P<n>{number})\s+)?{unit}", re.IGNORECASE, values.duration, None),
        ("the-count", rf"\bthe\s+(?P<n>{number})\s+{unit}", re.IGNORECASE, values.duration, None),
        ("count", rf"{qualifier}\b(?P<n>{number}|an?|one|half\s+an?)(?P<half>\s+1/2|\s*½|\s+and\s+a\s+half)?\s+"
         rf"(?:(?:more|additional|extra|straight|consecutive|full)\s+)?{unit}(?P<half2>\s+and\s+a\s+half\b)?",
         re.IGNORECASE, values.count_duration, None),
        ("count-adjective", rf"\b(?P<n>{number}|\d+)-{singular}\b(?!-old)", re.IGNORECASE, values.count_duration, None),
        ("recent-units", r"\brecent\s+(?P<unit>days|weeks|months|years|decades)\b", re.IGNORECASE,
         values.vague_duration, None),
        ("vague-units", rf"(?<!\bthe\s)\b(?P<word>{_alternation(words.VAGUE_TIME_ADJECTIVES)})\s+(?:days|weeks|"
         r"months|quarters|years|decades)\b(?!\s+(?:after|before|later|earlier|ago|of)\b)", re.IGNORECASE,
         values.vague_reference, None),
        ("bare-units", r"(?:(?<=\b[Ff]or\s)|(?<=\b[Ww]ithin\s))(?P<unit>hours|days|weeks|months|years|decades)\b"
         r"(?!\s+(?:of|to|old|ago|earlier|later|before|after)\b)", 0, values.vague_duration, None),
        ("ago", rf"{qualifier}\b(?P<n>{number}|an?)\s+{unit}\s+(?P<dir>ago|earlier)\b", re.IGNORECASE, values.ago,
         None),
        ("set-adverb", rf"\b(?P<word>{_alternation(words.SET_ADVERBS)})\b", 0, values.set_adverb, "SET"),
        ("set-unit", rf"\b(?:every|each|per)\s+(?:other\s+)?(?P<word>{_alternation(words.SET_UNITS)}|{weekday}|"
         rf"{_alternation(words.MONTH_NAMES)}|{_alternation(words.SEASONS)})\b", re.IGNORECASE, values.set_unit, "SET"),
        ("decade", r"(?:\bthe\s+(?:(?:early|late|mid)[\s-]+)?)?(?<![\d.,$€£¥:/#])\b(?P<decade>(?:19|20)\d)0s\b", 0,
         values.decade, None),
        ("short-decade", rf"\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?:['’](?P<digit>\d)0s\b|"
         rf"(?P<word>{_alternation(words.DECADE_WORDS)})\b)", re.IGNORECASE, values.short_decade, None),
        ("century", rf"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<number>1\d|2[01]|[1-9])(?:st|nd|rd|th)|"
         rf"(?P<word>{_alternation(words.CENTURY_ORDINALS)}))[\s-]+century\b(?!-)", re.IGNORECASE, values.century,
         None),
        ("year", rf"(?:\b(?:fiscal|(?i:early|late)|(?i:mid)(?=-))[\s-]+)?(?<![\d.,$€£¥:/#])\b{year}", 0, values.year,
         None),
        ("the-year", r"\bthe\s+(?:(?:full|fiscal)[\s-]+)?(?:fiscal\s+)?(?-i:year)\b"
         r"(?![-‐–—'’]|\s+\d|\s+(?:nineteen|two\s+thousand)\b)", re.IGNORECASE, values.the_year, None),
        ("spoken-year", rf"\b(?:the\s+year\s+)?{spoken_year}", re.IGNORECASE, values.year, None),
        ("half-year", rf"\b(?:the\s+)?(?P<half>first|second|last)\s+half\s+of\s+(?:{year}|(?:the\s+|this\s+)?"
         r"(?P<mod>last|next|current)?\s*year\b)", re.IGNORECASE, values.half_year, None),
        ("unit-long", r"\b(?P<unit>hour|day|week|month|year|decade)(?P<plural>s)?-long\b", re.IGNORECASE,
         values.unit_long, "DURATION"),
    ]  # fmt: skip
    units = re.compile(rf"\b(?:{_alternation(words.DURATION_UNITS)})\b", re.IGNORECASE)
    triggers = {
        **dict.fromkeys(("the-duration", "the-count", "count", "count-adjective", "ago"), units),
        "year": re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)"),
        "decade": re.compile(r"\d0s\b"),
        "century": re.compile(r"century", re.IGNORECASE),
        "half-year": re.compile(r"\bhalf\b", re.IGNORECASE),
        "unit-long": re.compile(r"-long\b", re.IGNORECASE),
        "short-decade": re.compile(r"0s\b|ties\b", re.IGNORECASE),
        "anaphoric": re.compile(r"\b(?:that|same|following|next|previous|preceding)\b", re.IGNORECASE),
        "bare-units": units,
        "weekday": re.compile(weekday),
        "quarter": re.compile(r"quarter", re.IGNORECASE),
        "unit-edge": re.compile(r"\b(?:end|beginning|start|middle)\b", re.IGNORECASE),
        "reported-quarter": re.compile(r"quarter|period|year-(?:earlier|ago)", re.IGNORECASE),
        **dict.fromkeys(
            ("season-year", "relative-season", "the-season"), re.compile(_alternation(words.SEASONS), re.IGNORECASE)
        ),
        **dict.fromkeys(
            (
                "month",
                "month-day-year",
                "day-month-year",
                "month-day",
                "day-month",
                "month-year",
                "month-relative-year",
            ),
            re.compile(_alternation([*words.MONTH_NAMES, *words.MONTH_ABBREVIATIONS])),
        ),
    }
    seasons = tuple(words.SEASONS)
    gates = {
        # a holiday's longest word ("thanksgiving", "luther"): the name's words may stand apart, across a line
        "holiday": tuple(
            max(name.lower().split(), key=len)
            for name in (*words.HOLIDAYS, *words.WEEKDAY_HOLIDAYS, *words.EASTER_HOLIDAYS)
        ),
        "noon": ("noon", "midnight", "midday"),
        "day-part": tuple(words.DAY_PARTS),
        "tonight": ("tonight",),
        "weekend": ("weekend",),
        "recent-units": ("recent",),
        "vague-units": tuple(words.VAGUE_TIME_ADJECTIVES),
        "set-adverb": tuple(words.SET_ADVERBS),
        "half-year": ("half",),
        "reported-quarter": ("quarter", "period", "year-earlier", "year-ago"),
        "spoken-year": ("nineteen", "thousand"),
        "ago": ("ago", "earlier"),
        "count-adjective": tuple(f"-{unit}" for unit in words.DURATION_UNITS if not unit.endswith("s")),
        **dict.fromkeys(("season-year", "relative-season", "the-season"), seasons),
    }
    return tuple(
        _Rule(
            name=n,
            pattern=re.compile(p, f),
            resolve=r,
            type=t,
            trigger=triggers.get(n),
            anaphoric=n == "anaphoric",
            gate=gates.get(n, ()),
        )
        for n, p, f, r, t in specs
    )


_RULES: tuple[_Rule, ...] = _build_rules()
