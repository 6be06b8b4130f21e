"""Number words: the cardinals written as one word, and the scale words that multiply them."""

from __future__ import annotations

import re
from typing import Final

NUMBER_WORDS: Final[dict[str, int]] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

# "a dozen", "two hundred", "1.5 million"; "mln" and "bn" are the wire services' short forms.
SCALES: Final[dict[str, int]] = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "mln": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}


def format_number(value: float) -> str:
    """An amount as a reader writes it: 6.0 as "6", 30000.0 as "30,000", 1.6 as "1.6"."""
    value = float(value)  # an int from JSON or a hand-built figure
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"


# The unit of a share of a whole ("a third of voters", "one in five adults"): the value is the part of one (1/3), the
# whole is the figure's ``about``; the extractor gives it, comparison reads it as a percent, reports write it so.
FRACTION_UNIT: Final = "fraction"


def share_text(value: float) -> str:
    """A share of a whole as a reader writes it: 1/3 as "1/3", 0.3 as "3/10" (a denominator up to twelve), 1/12
    and 1/100 so too ("one in 100"), else as a percent, 0.07 as "7%"; never "0.333333", which reads as a count."""
    for denominator in range(2, 101):
        numerator = value * denominator
        whole = round(numerator)
        if abs(numerator - whole) < 1e-6 and 0 < whole < denominator and (denominator <= 12 or whole == 1):
            return f"{whole}/{denominator}"
    return f"{format_number(value * 100)}%"


def figure_number(value: float, unit: str | None) -> str:
    """A figure's value as a reader writes it in its unit: a share by `share_text`, else by `format_number`."""
    return share_text(value) if unit == FRACTION_UNIT else format_number(value)


# Two numbers joined by a dash, each end in figures ("10–20", "$5bn-$6bn", "2.5%-3%"); not a name's ("COVID-19
# patients").
_FIGURES_RANGE = re.compile(r"\d[\w.,%]*\s*[-–—]\s*\D{0,3}\d")


def written_as_range(text: str) -> bool:
    """Whether a figure's text states a range in figures ("3–5 years"), rather than a vague word ("dozens"), for
    a figure whose value is null and whose bounds are its ends."""
    return bool(_FIGURES_RANGE.search(text))


def range_text(low: float, high: float) -> str:
    """A range's ends as a reader writes them: "10–20"."""
    return f"{format_number(low)}–{format_number(high)}"
