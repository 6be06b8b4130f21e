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
DEICTIC_DAYS: Final[dict[str, int]] = {"yesterday": -1, "today": 0, "tomorrow": 1}

# Parts of the day and their TIMEX3 codes ("Wednesday morning" -> 2024-03-27TMO).
DAY_PARTS: Final[dict[str, str]] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}

# A deictic word before a part of the day, and its day offset ("last night", "this morning", "yesterday evening").
DAY_PART_DEICTICS: Final[dict[str, int]] = {"yesterday": -1, "last": -1, "this": 0, "today": 0, "tomorrow": 1}

# Words that stand for the present, the past or the future, not a calendar date (TIMEX3 reference values).
REFERENCE_WORDS: Final[dict[str, str]] = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
}

# Adjectives before a plural unit without "the" that make it the future or the past at large ("in coming months",
# "future quarters", "in past years"), not a length: TimeBank gives them reference values.
VAGUE_TIME_ADJECTIVES: Final[dict[str, str]] = {"coming": "FUTURE_REF", "future": "FUTURE_REF", "past": "PAST_REF"}

# Words in the same clause before a weekday, a month or a date that make it the coming one ("will return on
# Wednesday", "is expected in June", "scheduled for Dec. 15"): news is otherwise past tense.
FUTURE_CUES: Final[frozenset[str]] = frozenset(
    {
        "will", "won't", "'ll", "’ll", "shall", "expect", "expected", "expects", "scheduled", "planned", "plans",
        "planning", "upcoming", "coming", "set", "going", "intends", "aims", "hopes", "would", "next", "postponed",
        "delayed", "deadline", "soon", "effective",
    }
)  # fmt: skip

# Words in the same clause before a month that tell it in the past ("they last met in January"), beside any word
# ending in "-ed" that is not a future cue ("expected", "scheduled").
PAST_CUES: Final[frozenset[str]] = frozenset(
    {"was", "were", "had", "did", "last", "ago", "since", "began", "met", "said", "took", "came", "went", "saw", "won"}
)

# Past forms that, standing between a future cue and the match, put the match in a clause of its own told in the
# past ("said it would review its records after the ship ran aground on Friday"); none is also a present form ("hit").
PAST_FORMS: Final[frozenset[str]] = frozenset(
    {
        "was", "were", "had", "did", "ran", "struck", "took", "came", "went", "saw", "won", "lost", "began", "met",
        "fell", "left", "sank", "broke", "caught", "fled", "threw", "shot", "drove", "flew", "rose", "stole",
    }
)  # fmt: skip

# Verbs that tell what lasted until a day as past ("was closed until Monday", "stayed shut until ...").
LASTED_VERBS: Final[frozenset[str]] = frozenset({"was", "were", "had", "stayed", "remained", "lasted"})

# Adverbs that stop the look-back for a future cue: a new clause in the past ("will ... , said Monday").
FUTURE_CUE_BARRIERS: Final[frozenset[str]] = frozenset({"said", "says", "told", "announced", "reported", "added"})

# Ordinal words of quarters ("the third quarter" -> Q3).
QUARTER_ORDINALS: Final[dict[str, int]] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# Ordinal words of centuries ("the nineteenth century" -> 18); digits ("19th") are read as numbers.
CENTURY_ORDINALS: Final[dict[str, int]] = {
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip

# Decades written as words ("the nineties" -> 199 with a twentieth-century anchor).
DECADE_WORDS: Final[dict[str, int]] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}  # fmt: skip

# Recurrences: adverbs and "every"/"each"/"per" units as TIMEX3 SET values.
SET_ADVERBS: Final[dict[str, str]] = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
}
SET_UNITS: Final[dict[str, str]] = {
    "hour": "PT1H",
    "day": "P1D",
    "night": "P1D",
    "morning": "P1D",
    "evening": "P1D",
    "week": "P1W",
    "weekend": "P1W",
    "month": "P1M",
    "quarter": "P3M",
    "year": "P1Y",
    "season": "P1Y",
    "decade": "P10Y",
}

# Words before "a year" / "a day" that make it a rate, a recurrence ("twice a year", "$5,000 a year").
SET_RATE_WORDS: Final[frozenset[str]] = frozenset(
    {"once", "twice", "times", "thrice", "million", "billion", "thousand", "hundred", "dollars", "percent", "euros"}
)

# Qualifiers kept inside a duration's or an "ago" expression's span ("nearly two years", "more than a decade ago").
DURATION_QUALIFIERS: Final[tuple[str, ...]] = (
    "about", "around", "almost", "nearly", "more than", "less than", "fewer than", "over", "under", "at least",
    "at most", "up to", "some", "roughly", "approximately", "just over", "just under", "barely", "only",
)  # fmt: skip

# Vague amounts written with more than one word.
VAGUE_PHRASES: Final[frozenset[str]] = frozenset({"a few", "several", "many", "few"})

# Pairs: "a couple of years" is two.
PAIR_PHRASES: Final[frozenset[str]] = frozenset({"a couple of", "a couple"})

# Modal verbs before "one day" that make it some future day, not a length of one day ("will one day be").
MODALS: Final[frozenset[str]] = frozenset({"will", "would", "could", "may", "might", "can", "shall", "should"})

# Words after a counted unit that make it an age or a measure, not a length of time ("a two-year-old", "5 years old").
DURATION_BLOCKING_FOLLOWERS: Final[frozenset[str]] = frozenset({"old", "olds"})

# Fixed-date holidays: month and day.
HOLIDAYS: Final[dict[str, tuple[int, int]]] = {
    "New Year's Day": (1, 1),
    "New Year’s Day": (1, 1),
    "New Year's Eve": (12, 31),
    "New Year’s Eve": (12, 31),
    "Valentine's Day": (2, 14),
    "Valentine’s Day": (2, 14),
    "Independence Day": (7, 4),
    "Halloween": (10, 31),
    "Christmas Eve": (12, 24),
    "Christmas Day": (12, 25),
    "Christmas": (12, 25),
    "Boxing Day": (12, 26),
    "St. Patrick's Day": (3, 17),
    "St. Patrick’s Day": (3, 17),
    "Fourth of July": (7, 4),
    "Veterans Day": (11, 11),
}

# Holidays on the nth weekday of a month (Monday 0; nth -1: the last), as the United States keeps them: these
# spellings are American ("Labor Day"), and news using them reports American days.
WEEKDAY_HOLIDAYS: Final[dict[str, tuple[int, int, int]]] = {
    "Thanksgiving Day": (11, 3, 4),
    "Thanksgiving": (11, 3, 4),
    "Labor Day": (9, 0, 1),
    "Memorial Day": (5, 0, -1),
    "Martin Luther King Day": (1, 0, 3),
    "Martin Luther King Jr. Day": (1, 0, 3),
    "Presidents' Day": (2, 0, 3),
    "Presidents’ Day": (2, 0, 3),
    "Presidents Day": (2, 0, 3),
    "Columbus Day": (10, 0, 2),
}

# Days counted from Western Easter Sunday.
EASTER_HOLIDAYS: Final[dict[str, int]] = {
    "Easter": 0, "Easter Sunday": 0, "Easter Day": 0, "Good Friday": -2, "Easter Monday": 1, "Palm Sunday": -7,
    "Ash Wednesday": -46,
}  # fmt: skip

# Words after a holiday's name that make it the name of something else ("Easter Island", "the Easter Rising").
HOLIDAY_NAMES: Final[frozenset[str]] = frozenset({"Island", "Islands", "Rising", "Uprising", "egg", "eggs", "bunny"})

# Words after "the year" that make it another year than the anchor's ("the year before", "the year in which ...");
# "end" leaves "year end" to the edge rule.
THE_YEAR_BLOCKING_FOLLOWERS: Final[frozenset[str]] = frozenset(
    {
        "before", "after", "earlier", "later", "ago", "since", "when", "in", "that", "which", "of", "following", "old",
        "end", "prior", "previous", "preceding", "round", "ahead", "he", "she", "we", "they", "i", "you", "it",
    }
)  # fmt: skip

# Words before "of the year" that keep it a time ("the end of the year", "the rest of the year"); any other ("player
# of the year", "the worst of the year") makes it a title or a rank.
PARTS_OF_A_YEAR: Final[frozenset[str]] = frozenset(
    {
        "end", "start", "beginning", "rest", "half", "part", "middle", "remainder", "balance", "course", "quarter",
        "months", "weeks", "days", "time", "close", "turn", "month", "week", "day", "first", "last", "spring",
        "summer", "autumn", "fall", "winter",
    }
)  # fmt: skip

# Words after "the year" that make it the length of a reporting period ("the year ended March 31").
PERIOD_END_WORDS: Final[frozenset[str]] = frozenset({"ended", "ending"})

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
