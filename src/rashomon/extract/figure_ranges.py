"""The other end of a range an amount is in, read from the words around it: the high end after "to", "-" or
"and" ("5 to 7 per cent", "between $62 and $68"), the low end after "from" ("from 208 pounds to 193"), the scale
("1 to 2 thousand") and the currency ("$3-4 billion") one end gives the other. `figure_units` takes the unit of
the other end from these; a range written in one token ("3–5") is read with the amounts (`figure_amounts`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rashomon.extract.figure_amounts import (
    DIGIT,
    Amount,
    currency_before,
    currency_prefix,
    read_number,
    read_token,
    starts_number,
)
from rashomon.extract.lexicon import figure_words as words

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Words of a qualifier or of stress, which may stand between "from" and its amount ("from about 14-18 mpg").
QUALIFIER_WORDS = frozenset(word for key in words.QUALIFIERS for word in key) | words.EMPHASIS_WORDS
# How many times greater one end of "from ... to" is than the other when they are a scale apart, as a rate and a
# total are.
_SCALE_APART = 1_000


def range_high(doc: Doc, amount: Amount) -> Amount | None:
    """The high end of a range the amount opens: "5 to 7 per cent", "between 4% and 5%", "5-10W"."""
    at = amount.last + 1
    if at + 1 >= len(doc) or doc[at].lower_ not in words.RANGE_WORDS or doc[at + 1].lower_ in ("a", "an"):
        return None
    before = amount.first - 1
    before -= 1 if before > 0 and doc[before].lower_ in words.CURRENCY_SYMBOLS else 0  # "between $62 and $68"
    if doc[at].lower_ == "and" and (before < 0 or doc[before].lower_ != "between"):
        return None
    at += 1 if doc[at + 1].lower_ in words.CURRENCY_SYMBOLS and at + 2 < len(doc) else 0  # "$89 to $93 billion"
    return read_number(doc, at + 1) if starts_number(doc, at + 1) else None


def range_scale(doc: Doc, amount: Amount) -> Amount:
    """The low end of a range takes the scale word of the high end: "1 to 2 thousand", "US $89 to $93 billion"."""
    high = range_high(doc, amount)
    if high is None or high.value is None or amount.value is None or amount.first != amount.last:
        return amount
    scale = words.SCALES.get(doc[high.last].lower_, 1.0)
    glued = read_token(doc[high.last].text) if DIGIT.search(doc[high.last].text) else None
    if glued is not None and glued.scale_word:  # "£1.5-2bn"
        scale = words.GLUED_SCALE_TOKENS.get(glued.scale_word) or words.MONEY_SCALES[glued.scale_word.lower()]
    # Only a low end that reads as a count of the scale: "$89 to $93 billion", not "$200 to $4 million".
    if scale >= 1_000 and amount.value * scale <= high.value:
        return replace(amount, value=amount.value * scale)
    return amount


def from_low_end(doc: Doc, to: int) -> Amount | None:
    """The low end of "from ... to" whose "to" is token ``to``: the amount after "from" shortly before it, past a
    qualifier ("from about 14-18 mpg to 24"), with the currency written before it ("from $75 per barrel to")."""
    if to < 2 or doc[to].lower_ != "to":
        return None
    for at in range(to - 1, max(to - 8, 0), -1):
        start = at + 1
        while start < to and (doc[start].lower_ in QUALIFIER_WORDS or doc[start].text in words.CURRENCY_SYMBOLS):
            start += 1
        if doc[at].lower_ == "from" and starts_number(doc, start):
            low = read_number(doc, start)
            if low is None or low.value is None or low.last >= to:
                return None
            money = currency_before(doc, low.first) if low.unit is None else None
            return replace(low, unit=money[0]) if money is not None else low
    return None


def range_low_money(doc: Doc, amount: Amount) -> str | None:
    """The currency the high end of "$3-4 billion" or "£1.5-2bn" takes from the low end, written on it alone."""
    dash = amount.first - 1
    if dash < 1 or doc[dash].text not in ("-", "–") or not DIGIT.search(doc[dash - 1].text):
        return None
    reading = read_token(doc[dash - 1].text)
    if reading is None or reading.unit is not None:
        return None
    money = currency_prefix(reading.pre) if reading.pre else None
    if money is None:
        before = currency_before(doc, dash - 1)
        money = before[0] if before else None
    return money


def scale_apart(one: float, other: float) -> bool:
    """Whether two ends of "from ... to" are a scale apart ("from $75 per barrel to $4 billion"): a rate and a
    total, not two readings of one thing."""
    return max(abs(one), abs(other)) >= _SCALE_APART * min(abs(one), abs(other))
