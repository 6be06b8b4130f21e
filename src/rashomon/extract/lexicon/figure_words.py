"""Word tables for figure extraction: qualifiers, number words, vague amounts, units and the contexts that rule a
number out (dates, times of day, ids). Data only; the logic lives in :mod:`rashomon.extract.figures`.
"""

from __future__ import annotations

from rashomon.text import numbers
from rashomon.text.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES

# Qualifier phrase (lower-case words) -> whether it makes the amount inexact. Longest phrases are tried first.
QUALIFIERS: dict[tuple[str, ...], bool] = {
    ("about",): True,
    ("around",): True,
    ("roughly",): True,
    ("nearly",): True,
    ("almost",): True,
    ("some",): True,
    ("approximately",): True,
    ("approx.",): True,
    ("circa",): True,
    ("estimated",): True,
    ("an", "estimated"): True,
    ("over",): True,
    ("under",): True,
    ("upwards", "of"): True,
    ("more", "than"): True,
    ("less", "than"): True,
    ("fewer", "than"): True,
    ("at", "least"): True,
    ("at", "most"): True,
    ("up", "to"): True,
    ("as", "many", "as"): True,
    ("as", "much", "as"): True,
    ("as", "few", "as"): True,
    ("close", "to"): True,
    ("just", "over"): True,
    ("just", "under"): True,
    ("well", "over"): True,
    ("well", "under"): True,
    ("exactly",): False,
    ("just",): False,
    ("only",): False,
    ("precisely",): False,
}

SMALL_NUMBERS: dict[str, int] = numbers.NUMBER_WORDS

# Multiplying words; "a dozen", "1.5 million", "two hundred".
SCALES: dict[str, float] = {word: float(value) for word, value in numbers.SCALES.items()}

# Vague amounts: value None, always approximate. Plural nouns count what follows "of" ("dozens of people").
VAGUE_OF_WORDS: frozenset[str] = frozenset(
    {"dozens", "hundreds", "thousands", "millions", "billions", "scores", "tens"}
)
# Of those, the ones that are only an amount when "of" follows ("scores of homes", not "the scores").
VAGUE_NEEDS_OF: frozenset[str] = frozenset({"scores", "tens"})
# Determiners that are vague amounts only before a counted noun ("several days").
VAGUE_DETERMINERS: frozenset[str] = frozenset({"several"})

ORDINAL_WORDS: frozenset[str] = frozenset({
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "thirtieth", "fortieth", "fiftieth", "hundredth", "thousandth", "millionth",
})  # fmt: skip

# Month names and abbreviations (lower-case, without a final period): a number beside one is a day or a year.
MONTHS: frozenset[str] = frozenset(name.lower() for name in (*MONTH_NAMES, *MONTH_ABBREVIATIONS))

# Words after a number that make it a clock time.
TIME_OF_DAY: frozenset[str] = frozenset(
    {"a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock", "bst", "cet", "msk", "est"}
)

# Words before a number that make it an identifier ("ID: 318272", "No. 5", "page 3").
ID_WORDS: frozenset[str] = frozenset({"id", "no", "no.", "nos", "number", "#", "code", "ref", "page", "tel", "phone"})

# Entity types whose numbers are part of a name ("Boeing 737", "Apollo 11").
NAME_ENTITY_TYPES: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP", "LANGUAGE"}
)

# Time units, any spelling -> singular unit.
TIME_UNITS: dict[str, str] = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "min": "minute",
    "mins": "minute", "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "day": "day", "days": "day",
    "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
}  # fmt: skip

# Counted nouns whose singular form is not what we report.
UNIT_OVERRIDES: dict[str, str] = {"people": "people", "persons": "people", "police": "police"}

PERCENT_WORDS: frozenset[str] = frozenset({"%", "percent", "pct"})

CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB"}

# Currency words after a number (singular lemma) -> ISO code.
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "euro": "EUR", "ruble": "RUB", "rouble": "RUB", "manat": "AZN", "dram": "AMD", "yen": "JPY",
    "yuan": "CNY", "lira": "TRY", "hryvnia": "UAH", "rupee": "INR", "sterling": "GBP",
}  # fmt: skip

# Words before a year-like number that make it a year even before a plural noun ("in 2000 elections").
YEAR_PREPOSITIONS: frozenset[str] = frozenset(
    {"in", "since", "of", "by", "until", "till", "from", "before", "after", "during", "the", "'s"}
)

# Common scales for comparing figures across outlets: a unit -> (kind of quantity, factor to that kind's base unit).
DAYS_PER_UNIT: dict[str, float] = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14,
    "month": 30.44, "year": 365.25, "decade": 3652.5, "century": 36525,
}  # fmt: skip
METRES_PER_UNIT: dict[str, float] = {
    "mile": 1609.344, "km": 1000, "kilometre": 1000, "kilometer": 1000, "metre": 1, "meter": 1, "m": 1,
    "foot": 0.3048, "feet": 0.3048, "ft": 0.3048, "yard": 0.9144, "inch": 0.0254, "cm": 0.01, "mm": 0.001,
    "nautical mile": 1852,
}  # fmt: skip
# Counted nouns that all count people, so "dozens of people" and "six troops" are the same kind of quantity.
PEOPLE_UNITS: frozenset[str] = frozenset(
    """people person life victim civilian soldier troop fighter refugee resident worker passenger crew
    member child adult man woman casualty hostage prisoner detainee peacekeeper officer protester""".split()
)
