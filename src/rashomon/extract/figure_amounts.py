"""Amounts in a parsed text: the tokens giving a number and its value, before any unit is read.

``read_amounts`` finds number runs ("1.5 million", "twenty-five", "two and a half", "Rs 500 crore", "200-odd"),
numbers glued to a sign, scale or unit ("$13.6M", "RM23.50", "6kW", "minus-5", "1.2m units", "3x", "€1,5m" with a
decimal comma), fractions ("two-thirds of", "½ of", "1 1/2"), multipliers in one word ("tenfold") and vague amounts
("dozens", "several hundred"); it rules out nothing: that is the figure finder's step.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import IDX, LOWER, POS, TAG
from spacy.strings import StringStore
from spacy.symbols import NUM

from rashomon.extract.lexicon import figure_words as words
from rashomon.extract.lexicon import unit_names
from rashomon.extract.nlp import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A token holding a number, with what may be glued to it: "$US55,931,000" gives "US" before; "-50.8bn" a sign and a
# scale after; "6kW" a unit after; "1/16" a fraction.
_TOKEN_NUMBER = re.compile(
    r"(?P<pre>[^\d.]*?)(?P<sign>[-−+])?(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?:[/⁄](?P<den>\d+))?(?P<suf>.*)"
)
# A decimal comma, as much of Europe writes it ("€1,5 million", "2,75%"): one or two digits after the comma, where
# thousands take three. Read only with a currency, percent, scale or unit beside the number: English lists and
# scores write "2,3 and 4 bedrooms", "ended 2,1".
_DECIMAL_COMMA = re.compile(r"(?P<lead>\D*?)(?P<whole>\d{1,3}),(?P<frac>\d{1,2})(?P<suf>(?!\d)[^,]*)")
_SUFFIX_UNIT = re.compile(r"[^\s()\[\]\-,;:!?]+")
DIGIT = re.compile(r"\d")
YEAR = re.compile(r"1\d{3}|2[01]\d{2}")
# The dash between the ends of a range written in one token ("3–5", "10%-12", "25,000-£30,000", "5bn-$6bn").
_RANGE_DASH = re.compile(r"(?<=[\d%a-zA-Z])[–—-](?=\D{0,3}\d)")
# Beyond any amount written as a number; below it a scale keeps the value finite.
_LARGEST = 1e200
DIGIT_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
_VULGAR = re.compile(rf"(?P<whole>\d{{1,3}})?(?P<part>[{''.join(words.VULGAR_FRACTIONS)}])")
_COUNT_SCALED = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?P<scale>[mk])")
# Words an amount may start with besides numbers and tokens holding digits.
_OPENING_WORDS = sorted(
    words.VAGUE_OF_WORDS
    | words.VAGUE_DETERMINERS
    | set(words.SCALES)
    | words.MINUS_WORDS
    | set(words.FOLD_WORDS)
    | set(words.VULGAR_FRACTIONS)
    | {"a", "an", "half"}
    | {f"{word}-" for word in words.SMALL_NUMBERS}  # "two- and three-bedroom homes"
)
# Their string ids and the tag's, as a document's arrays hold them: spaCy's ids are hashes of the strings, the same
# in every vocabulary, so they are worked out once (sorted, to be looked up by binary search).
_OPENING_IDS = np.unique(np.array([StringStore().add(word) for word in _OPENING_WORDS], dtype=np.uint64))
_CD_ID = StringStore().add("CD")
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_NOUN_POS = ("NOUN", "PROPN", "ADJ")


@dataclass(frozen=True, slots=True)
class Amount:
    """Tokens ``first..last`` (inclusive) giving an amount; ``value`` None for a vague amount; ``unit`` a currency or
    measure written on the amount's own tokens ("$5bn", "6kW"); ``fraction`` for "two-thirds of"; ``ratio`` for
    "one in five" (a share of what follows, which it does not count); ``dashed`` for a range written in one token
    ("3–5", "£25,000-£30,000"), whose ends are its ``bounds``."""

    first: int
    last: int
    value: float | None
    unit: str | None = None
    fraction: bool = False
    bounds: tuple[float, float] | None = None  # a vague amount's least and greatest reading, or a range's ends
    ratio: bool = False
    dashed: bool = False
    margin: bool = False  # a margin either way ("plus or minus 3"), a figure wherever it stands


@dataclass(frozen=True, slots=True)
class Reading:
    """A number read from one token: value (sign and glued scale applied), text before it and the unit after it."""

    value: float
    pre: str
    unit: str | None
    scale_word: str


def _amount_starts(doc: Doc) -> list[int]:
    """Numbers of the tokens an amount can start at: numbers, tokens holding a digit and the opening words (read
    from the document's arrays and one search of the text, not token by token)."""
    pos, tag, lower, idx = doc.to_array([POS, TAG, LOWER, IDX]).T
    # Each word looked up among the opening words by binary search: `np.isin` sorts the document's words with them.
    opening = _OPENING_IDS[np.minimum(np.searchsorted(_OPENING_IDS, lower), len(_OPENING_IDS) - 1)] == lower
    marked = (pos == NUM) | (tag == _CD_ID) | opening
    digits = [m.start() for m in DIGIT.finditer(text_of(doc))]
    if digits:
        marked[np.searchsorted(idx, digits, side="right") - 1] = True
    found: list[int] = np.nonzero(marked)[0].tolist()
    return found


def read_amounts(doc: Doc) -> Iterator[Amount]:
    """Number runs and vague amounts, left to right, not overlapping."""
    following = 0  # the first token after the last amount read
    for i in _amount_starts(doc):
        if i < following:
            continue
        word = doc[i].lower_
        amount: Amount | None = None
        if word in ("several", "a") and (multiple := _vague_multiple(doc, i)) is not None:
            amount = multiple
        elif word in words.VAGUE_OF_WORDS or word in words.VAGUE_DETERMINERS:
            last = _vague_end(doc, i)
            amount = Amount(first=i, last=last, value=None, bounds=_vague_bounds(doc, i, last))
        elif word in words.MINUS_WORDS:
            plus = _plus_or_minus(doc, i)
            amount = _negated(doc, i) if plus is None else _margin(doc, i, plus)
        elif word in words.VULGAR_FRACTIONS:
            amount = _vulgar_fraction(doc, i)
        elif word in words.FOLD_WORDS:
            amount = Amount(first=i, last=i, value=words.FOLD_WORDS[word], unit="times")
        elif word == "half" and (scaled := _half_a_scale(doc, i)) is not None:
            amount = scaled
        elif word == "half" and (i == 0 or doc[i - 1].pos_ not in ("DET", "ADJ", "NUM")):
            amount = read_fraction(doc, Amount(first=i, last=i - 1, value=1.0))  # "half of", not "the second half of"
        elif word.endswith("-") and i + 1 < len(doc) and doc[i + 1].lower_ in words.SUSPENDED_LINKS:
            amount = _suspended(doc, i)
        elif starts_number(doc, i):
            amount = _with_plus_sign(doc, read_number(doc, i))
        if amount is not None:
            yield amount
            following = amount.last + 1


def starts_number(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.lower_ in words.SCALES and tok.lower_ != "dozen":
        return False  # "billion" alone is not an amount; "a billion" starts on "a", "two billion" on "two"
    if tok.lower_ in ("a", "an"):
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        return nxt in words.SCALES or nxt in words.FRACTION_WORDS
    return bool(tok.pos_ == "NUM" or tok.tag_ == "CD" or tok.lower_ in words.SCALES or DIGIT.search(tok.text))


def _half_a_scale(doc: Doc, i: int) -> Amount | None:
    """ "half a million", "half-million": half of a scale word two tokens on (none where the text ends first); "a
    half dozen", "a half million": half of the scale word right after, starting on the "a"."""
    if i > 0 and doc[i - 1].lower_ in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ in words.SCALES:
        return Amount(first=i - 1, last=i + 1, value=0.5 * words.SCALES[doc[i + 1].lower_])
    if i + 2 >= len(doc) or doc[i + 1].lower_ not in ("a", "-") or doc[i + 2].lower_ not in words.SCALES:
        return None
    return Amount(first=i, last=i + 2, value=0.5 * words.SCALES[doc[i + 2].lower_])


def _suspended(doc: Doc, i: int) -> Amount | None:
    """A number whose hyphened unit is left to a later one: the "10-" of "the 10- and 30-year yields", the "four-"
    of "four-, five- and six-cylinder engines"."""
    stem = doc[i].lower_[:-1]
    if stem in words.SMALL_NUMBERS:
        return Amount(first=i, last=i, value=float(words.SMALL_NUMBERS[stem]))
    reading = read_token(stem) if DIGIT.search(stem) else None
    if reading is None or reading.pre or reading.unit or reading.scale_word:
        return None
    return Amount(first=i, last=i, value=reading.value)


def _negated(doc: Doc, i: int) -> Amount | None:
    """ "minus 5", "minus-130": the amount after a minus word, made negative and starting on the word."""
    start = i + 2 if i + 1 < len(doc) and doc[i + 1].text in ("-", "−") else i + 1
    amount = read_number(doc, start) if start < len(doc) and starts_number(doc, start) else None
    if amount is None or amount.value is None:
        return None
    return replace(amount, first=i, value=-amount.value)


def _with_plus_sign(doc: Doc, amount: Amount | None) -> Amount | None:
    """An amount the tokenizer split off the "+" of its "+/-" ("+", "/-3"), starting on the "+": a margin."""
    if amount is None or amount.first == 0 or doc[amount.first].text[:2] not in words.SPLIT_PLUS_MINUS:
        return amount
    sign = doc[amount.first - 1]
    return replace(amount, first=sign.i, margin=True) if sign.text == "+" and not sign.whitespace_ else amount


def _plus_or_minus(doc: Doc, i: int) -> int | None:
    """Where "plus" starts the "plus or minus" that the minus word at ``i`` ends, as a poll's margin of error is
    given ("plus or minus", "plus/minus", "plus-or-minus", which the tokenizer splits in pieces); None when the
    minus word stands alone."""
    at = i - 1
    while at >= 0 and i - at <= 3 and doc[at].lower_ in words.PLUS_MINUS_LINKS:  # at most "-", "or", "-"
        at -= 1
    return at if 0 <= at < i - 1 and doc[at].lower_ == "plus" else None


def _margin(doc: Doc, i: int, plus: int) -> Amount | None:
    """ "plus or minus 3 points": the size of a margin either way, positive, starting on "plus" (at ``plus``)."""
    start = i + 1
    amount = read_number(doc, start) if start < len(doc) and starts_number(doc, start) else None
    if amount is None or amount.value is None:
        return None
    return replace(amount, first=plus, margin=True)


def read_number(doc: Doc, i: int) -> Amount | None:
    """The amount starting at token ``i``: a glued token ("$5bn", "6kW"), or a run of number words and digits."""
    tok = doc[i]
    if tok.lower_ in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ not in words.SCALES:
        return read_fraction(doc, Amount(first=i, last=i, value=1.0))  # "a third of"
    counted = _counted_scale(doc, i) or _vulgar_fraction(doc, i) or _mixed_fraction(doc, i)
    if counted is not None:
        return counted
    reading = token_reading(doc, i) if DIGIT.search(tok.text) else None
    if reading is None and i > 0 and doc[i - 1].text in words.CURRENCY_SYMBOLS:
        amount = _scaled_after_sign(doc, i)
        if amount is not None:
            return amount
    if DIGIT.search(tok.text) and reading is None:
        return _dashed_range(doc, i)
    if reading is not None and (reading.unit or reading.scale_word or reading.pre):
        return _glued(doc, i, reading)
    if reading is not None and any(bar in tok.text for bar in "/⁄") and follows(doc, i, ("of",)):
        return Amount(first=i, last=i, value=reading.value, fraction=True)  # "1⁄32 of a US quart"
    return _run_amount(doc, i)


def _run_amount(doc: Doc, i: int) -> Amount | None:
    """The amount of a run of number words and digits starting at token ``i``, with what may end it: a scale the
    tokenizer split off ("4.3M"), "and a half", "-odd" or "-plus", a fraction word or a ratio."""
    last = _run_end(doc, i)
    value = _run_value(doc, i, last)
    if value is None:
        return None
    amount = Amount(first=i, last=last, value=value)
    if follows(doc, last, ("-", "odd")) or follows(doc, last, ("-", "plus")):
        return replace(amount, last=last + 2)  # "200-odd workers", "100-plus attendees"
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and not doc[last].whitespace_ and after.text in words.GLUED_SCALE_TOKENS:
        return replace(amount, last=last + 1, value=value * words.GLUED_SCALE_TOKENS[after.text])  # "4.3M" split
    if follows(doc, last, ("and", "a", "half")):
        amount = Amount(first=i, last=last + 3, value=value + 0.5)
    elif follows(doc, last, ("-", "and", "-", "a", "-", "half")):
        amount = Amount(first=i, last=last + 6, value=value + 0.5)  # "five-and-a-half points"
    scale = doc[amount.last + 1].lower_ if amount.last > last and amount.last + 1 < len(doc) else ""
    if scale in words.SCALES:  # "two and a half million": the half is of the scale too
        amount = Amount(first=i, last=amount.last + 1, value=(value + 0.5) * words.SCALES[scale])
    return read_fraction(doc, amount) or _ratio(doc, amount) or amount


def _dashed_range(doc: Doc, i: int) -> Amount | None:
    """A range the tokenizer left in one token, its ends joined by a dash: "3–5 years", "£25,000-£30,000",
    "$3–5bn", "10%-12". Not a period ("2019–20", "1939–1945") nor a score, whose first number is not the smaller
    ("won 3–1"). A currency on either end or before the token makes both ends money ("£900m-1.2bn": 900 million
    pounds, not metres); ends of different kinds ("5m-$6": a length and a price) make no range."""
    cut = _dashed_text(doc, i)
    if cut is None:
        return None
    text, last = cut
    dash = _RANGE_DASH.search(text)
    if dash is None or YEAR.fullmatch(text[: dash.start()]):
        return None
    sign = currency_before(doc, i)
    named = last + 1 < len(doc) and _names_currency(doc[last + 1].text)  # "10–12m euros"
    ends = _range_ends(text[: dash.start()], text[dash.end() :], sign[0] if sign else None, named)
    if ends is None:
        return None
    low, high, unit = ends
    low_value, high_value = low.value, high.value
    if high.scale_word and not low.scale_word:  # "$3–5bn": the scale is the high end's
        scale = words.MONEY_SCALES.get(high.scale_word.lower()) or words.GLUED_SCALE_TOKENS.get(high.scale_word, 1.0)
        low_value = low_value * scale if low_value * scale <= high_value else low_value
    after = doc[last + 1].lower_ if last + 1 < len(doc) else ""
    if not high.scale_word and words.SCALES.get(after, 0.0) >= 1_000:  # "3–5 million"
        last, scale = last + 1, words.SCALES[after]
        low_value, high_value = low_value * scale, high_value * scale
    if unit is None and low.unit is not None and after not in words.PERCENT_WORDS:
        unit = low.unit  # "10%-12 %" leaves its sign to the unit step
    first = i
    if sign is not None and sign[0] == unit and not low.pre:  # "£900m-1.2bn": the sign before starts the figure
        first = sign[1]
    return Amount(first=first, last=last, value=None, unit=unit, bounds=(low_value, high_value), dashed=True)


def _dashed_text(doc: Doc, i: int) -> tuple[str, int] | None:
    """The text of a range in one token and its last token, with the scale the tokenizer cut off the high end
    glued back ("$5m-$6" "m."); None where other letters were cut off ("5-6" "pm")."""
    if i + 1 >= len(doc) or doc[i].whitespace_ or not doc[i + 1].text[:1].isalpha():
        return doc[i].text, i
    tail = doc[i + 1].text.removesuffix(".")
    if tail.lower() in words.MONEY_SCALES or tail in words.GLUED_SCALE_TOKENS:
        return doc[i].text + doc[i + 1].text, i + 1
    return None


def _range_ends(
    low_text: str, high_text: str, sign: str | None, named: bool
) -> tuple[Reading, Reading, str | None] | None:
    """The two ends of a range in one token and its currency; None where they are not one kind of amount or the
    low end is not the smaller. ``sign`` is a currency written before the token; ``named``, whether a currency is
    named after it (the unit step reads it)."""
    low, high = read_token(low_text), read_token(high_text)
    money = named or sign is not None or bool(low and low.pre) or bool(high and high.pre)
    if money:  # a glued "m" or "k" is then a million or a thousand on either end, not a metre
        low, high = read_token(low_text, money=True), read_token(high_text, money=True)
    if low is None or high is None or low.value >= high.value:
        return None
    if money:
        currencies = {currency_prefix(end.pre) for end in (low, high) if end.pre} or {sign}
        if low.unit is not None or high.unit is not None or len(currencies) > 1:
            return None  # a measure and a price, or two currencies
        return low, high, currencies.pop()
    if low.unit is not None and high.unit not in (None, low.unit):
        return None
    return low, high, high.unit


def _names_currency(text: str) -> bool:
    """Whether a word after an amount names a currency ("euros", "USD")."""
    word = text.lower()
    return (
        text in words.CURRENCY_CODES or word in words.CURRENCY_WORDS or word.removesuffix("s") in words.CURRENCY_WORDS
    )


def _mixed_fraction(doc: Doc, i: int) -> Amount | None:
    """ "1 1/2 cups": a whole number and a fraction of one after it; not a year or another number of four digits
    or more before a fraction ("In 2019 1/3 of adults"), which are two numbers."""
    whole = doc[i].text
    if i + 1 >= len(doc) or not whole.isdigit() or len(whole) > 3 or not doc[i].whitespace_:
        return None
    part = doc[i + 1]
    if not any(bar in part.text for bar in "/⁄"):
        return None
    fraction = read_token(part.text)
    if fraction is None or fraction.pre or fraction.unit or fraction.scale_word or not 0 < fraction.value < 1:
        return None
    return Amount(first=i, last=i + 1, value=float(doc[i].text) + fraction.value)


def _ratio(doc: Doc, amount: Amount) -> Amount | None:
    """ "one in five adults", "one out of three Germans": a share, the first whole number over the second."""
    at = amount.last + 1
    if at >= len(doc) or doc[at].lower_ not in ("in", "out"):
        return None
    at += 2 if follows(doc, amount.last, ("out", "of")) else 1 if follows(doc, amount.last, ("in",)) else 0
    if at == amount.last + 1 or at >= len(doc) or amount.value is None or not amount.value.is_integer():
        return None
    at += 1 if doc[at].lower_ == "every" and at + 1 < len(doc) else 0  # "one in every five adults"
    whole_number = doc[at].text.replace(",", "").isdigit()  # "1 in 10,000"
    if not (doc[at].lower_ in words.SMALL_NUMBERS or whole_number) or YEAR.fullmatch(doc[at].text):
        return None
    whole = _run_end(doc, at)
    total = _run_value(doc, at, whole)
    if total is None or not 0 < amount.value < total:
        return None
    return Amount(first=amount.first, last=whole, value=amount.value / total, ratio=True)


def _counted_scale(doc: Doc, i: int) -> Amount | None:
    """ "1.2m units", "2.5k copies": a lower-case "m" or "k" on a number, before a plural noun, is a million or a
    thousand of the noun, not a metre."""
    tok = doc[i]
    if tok.text[-1] not in "mk" and tok.whitespace_:
        return None
    glued = _COUNT_SCALED.fullmatch(tok.text)
    if glued is not None:
        number, scale, last = glued["num"], glued["scale"], i
    elif i + 1 < len(doc) and not tok.whitespace_ and doc[i + 1].text in ("m", "k"):
        number, scale, last = tok.text, doc[i + 1].text, i + 1  # the parse split "1.2m"
        if _COUNT_SCALED.fullmatch(number + scale) is None:
            return None
    else:
        return None
    at = last + 1
    while at < min(last + 3, len(doc) - 1) and (doc[at].pos_ in ("ADJ", "PROPN") or doc[at].ent_type_ == "NORP"):
        if doc[at].lower_ in words.DIMENSION_WORDS:
            return None  # "2m tall players" are two metres tall
        at += 1  # "1.2m new jobs", "1.5m Swiss francs", "1m EU citizens"
    noun = doc[at] if at < len(doc) else None
    if noun is None or noun.tag_ not in PLURAL_TAGS or measure_name(noun.text) is not None:
        return None
    return Amount(first=i, last=last, value=float(number.replace(",", "")) * words.MONEY_SCALES[scale])


def _vulgar_fraction(doc: Doc, i: int) -> Amount | None:
    """ "½ of the land", "2½ years": a fraction character, alone or after a whole number."""
    if doc[i].text[-1] not in words.VULGAR_FRACTIONS:
        return None
    match = _VULGAR.fullmatch(doc[i].text)
    if match is None:
        return None
    value = float(match["whole"] or 0) + words.VULGAR_FRACTIONS[match["part"]]
    return Amount(first=i, last=i, value=value, fraction=not match["whole"] and follows(doc, i, ("of",)))


def token_reading(doc: Doc, i: int) -> Reading | None:
    """The number of token ``i`` (`read_token`), its decimal comma read when a currency, percent, scale or unit
    stands beside it ("€ 1,5 million", "2,75 %")."""
    text = doc[i].text
    return read_token(text, decimal_comma="," in text and _beside_a_unit(doc, i))


def _beside_a_unit(doc: Doc, i: int) -> bool:
    """Whether a currency comes right before token ``i`` or a percent, scale, unit or currency right after it."""
    if i > 0 and (doc[i - 1].lower_ in words.CURRENCY_SYMBOLS or doc[i - 1].text in words.CURRENCY_CODES):
        return True
    if i + 1 >= len(doc):
        return False
    after = doc[i + 1]
    word = after.lower_.rstrip(".")
    return (
        word in words.PERCENT_WORDS
        or follows(doc, i, ("per", "cent"))
        or word in words.SCALES
        or word in words.MONEY_SCALES
        or after.text in words.GLUED_SCALE_TOKENS
        or measure_name(after.text) is not None
        or after.text in words.CURRENCY_CODES
        or after.text in words.CURRENCY_SYMBOLS
        or word in words.CURRENCY_WORDS
        or word.rstrip("s") in words.CURRENCY_WORDS
    )


def _unsigned(pre: str, sign: str | None) -> tuple[str, str | None]:
    """What is written before a number and its sign, without a sign that makes no negative: "sub-7 nanometer
    chips" (below 7), "±3", "+/-4%" (split "+", "/-4"): a margin either way, its size positive."""
    if (
        (pre.lower() == "sub" and sign == "-")
        or pre in words.PLUS_MINUS_SIGNS
        or pre + (sign or "") in words.SPLIT_PLUS_MINUS
    ):
        return "", None
    return pre, sign


def read_token(text: str, decimal_comma: bool = False, money: bool = False) -> Reading | None:
    """A token holding a number, or None when what is glued to it is not a sign, scale or unit we know. A decimal
    comma ("1,5") is read with ``decimal_comma`` (a unit beside the token) or a currency, scale or unit glued to
    it ("€1,5m", "2,75%"); with ``money`` (a currency beside the token) a glued "m" or "k" is a scale."""
    comma = _DECIMAL_COMMA.fullmatch(text)
    if comma is not None and (decimal_comma or comma["lead"].lstrip("~≈-−+") or comma["suf"].rstrip(".")):
        text = f"{comma['lead']}{comma['whole']}.{comma['frac']}{comma['suf']}"
    match = _TOKEN_NUMBER.fullmatch(text)
    if match is None or DIGIT_ORDINAL.fullmatch(text):
        return None
    pre, suffix = match["pre"].lstrip("~≈"), match["suf"].rstrip(".")
    sign = match["sign"]
    pre, sign = _unsigned(pre, sign)
    if pre and pre.lower() not in words.MINUS_WORDS and currency_prefix(pre) is None:
        return None
    raw, den = match["num"], match["den"]
    if (len(raw) > 1 and raw[0] == "0" and raw[1] != ".") or (den and (den[0] == "0" or not raw.isdigit())):
        return None  # "007", "0/0597": phone numbers and ids
    value = float(raw.replace(",", "")) / (float(den) if den else 1.0)
    if (den and float(raw) >= float(den)) or not value < _LARGEST:
        # "24/7", "50/50": a phrase or a score, not a part of a whole; a run of digits no amount has, whose value
        # once scaled would not be finite
        return None
    if sign in ("-", "−") or pre.lower() in words.MINUS_WORDS:
        value = -value
    scale_word = ""
    money = money or (bool(pre) and pre.lower() not in words.MINUS_WORDS)
    if suffix == "M" and not money:  # "4.3M sales"; a lower-case "m" alone is a metre
        return Reading(value=value * 1e6, pre="", unit=None, scale_word="M")
    for word in sorted(words.MONEY_SCALES if money else words.GLUED_SCALES, key=len, reverse=True):
        if suffix.lower().startswith(word) and not suffix[len(word) : len(word) + 1].isalpha():
            scale_word, suffix = word, suffix[len(word) :]
            value *= words.MONEY_SCALES[word]
            break
    unit = None
    if suffix:
        head = _SUFFIX_UNIT.match(suffix)
        glued = head.group(0) if head else ""
        unit = "percent" if glued.lower() in words.PERCENT_WORDS else measure_name(glued)
        unit = unit or words.GLUED_UNIT_SYMBOLS.get(glued) or unit_names.symbol_unit(glued, glued=True)  # "13TeV"
        unit = "times" if glued in words.MULTIPLIER_SIGNS else unit  # "3x higher"
        if unit is None or DIGIT.search(suffix[len(glued) :]):
            return None  # "2-0", "5G", "1990s", "10m-$15" (a range the tokenizer split badly): not one amount
    return Reading(value=value, pre="" if pre.lower() in words.MINUS_WORDS else pre, unit=unit, scale_word=scale_word)


def _scaled_after_sign(doc: Doc, i: int) -> Amount | None:
    """A number with a scale glued, after a currency sign of its own: "$ 45K", "$2.5B" (alone, "5B" may be a name
    or a grade and "45K" a temperature)."""
    reading = read_token(doc[i - 1].text + doc[i].text)
    if reading is None or not reading.scale_word or reading.unit is not None:
        return None
    return Amount(first=i - 1, last=i, value=reading.value, unit=currency_prefix(reading.pre))


def currency_prefix(pre: str) -> str | None:
    """The currency of text glued before a number: "RM", "USD", "HK$", or a dollar's country after "$" ("US")."""
    lower = pre.lower()
    if lower in words.CURRENCY_SYMBOLS:
        return words.CURRENCY_SYMBOLS[lower]
    if pre in words.CURRENCY_CODES:
        return pre
    return words.DOLLAR_COUNTRIES.get(lower)


def _glued(doc: Doc, i: int, reading: Reading) -> Amount | None:
    """An amount written on one token with its currency, scale or unit ("RM23.50", "$US55m", "2.8bn", "6kW")."""
    unit = reading.unit
    if reading.pre:
        country = reading.pre.lower() in words.DOLLAR_COUNTRIES and reading.pre.lower() not in words.CURRENCY_SYMBOLS
        if country and (i == 0 or doc[i - 1].text != "$"):
            return None  # "US55" alone is a code or a name
        signed = i > 0 and doc[i - 1].text == "$"  # "$ US1 million"
        if not signed and _model_name(doc, i, reading):
            return None
        unit = currency_prefix(reading.pre)
    first = i - 1 if unit is not None and i > 0 and doc[i - 1].text == "$" else i
    last, value = i, reading.value
    while not reading.scale_word and last + 1 < len(doc) and doc[last + 1].lower_ in words.SCALES:
        last, value = last + 1, value * words.SCALES[doc[last + 1].lower_]  # "$US113 trillion"
        if words.SCALES[doc[last].lower_] >= 1_000:
            break  # a second scale is a unit: "31 mn tn" of sugar are tonnes
    amount = Amount(first=first, last=last, value=value, unit=unit)
    if unit is not None and unit.isupper() and not reading.scale_word:
        return money_scale(doc, amount)
    return amount


def _model_name(doc: Doc, i: int, reading: Reading) -> bool:
    """Whether letters glued to one digit name a model ("PS5", the Audi "RS5", "RP1"), not money: unless the letters
    are a currency's own spelling ("Rs5", "RM5", "Rp5") or a scale follows ("PS5 million"). "PS" is how ASCII
    folding writes "£", and names consoles as often."""
    if not reading.pre.isalpha() or reading.scale_word or not re.fullmatch(r"\D*\d", doc[i].text):
        return False
    if reading.pre in words.CURRENCY_PREFIX_SPELLINGS:
        return False
    after = doc[i + 1].lower_.rstrip(".") if i + 1 < len(doc) else ""
    return after not in words.SCALES and after not in words.MONEY_SCALES


def _run_end(doc: Doc, i: int) -> int:
    """The last token of the number run starting at ``i`` ("one hundred twenty-three", "1.5 million")."""
    last = i
    while last + 1 < len(doc):
        nxt = doc[last + 1].lower_
        word = doc[last].lower_
        if (nxt in words.SCALES and words.SCALES.get(word, 0.0) < 1_000) or (
            nxt in words.SMALL_NUMBERS and (_tens_before_unit(word, nxt) or word in words.SCALES)
        ):
            last += 1
        elif (
            nxt == "-"
            and last + 2 < len(doc)
            and doc[last].lower_ in words.SMALL_NUMBERS
            and doc[last + 2].lower_ in words.SMALL_NUMBERS
        ) or (nxt == "and" and _and_continues(doc, last)):
            last += 2
        else:
            break
    return last


def _tens_before_unit(word: str, nxt: str) -> bool:
    """Whether two number words make one number ("twenty three"); not two numbers side by side, as in "three
    two-year contracts" or "five one-day internationals"."""
    tens, unit = words.SMALL_NUMBERS.get(word, 0), words.SMALL_NUMBERS[nxt]
    return tens >= 20 and tens % 10 == 0 and 0 < unit < 10


def _and_continues(doc: Doc, last: int) -> bool:
    """Whether "and" after a scale word goes on with the same number, as British English writes it ("one hundred
    and twenty", "two thousand and five hundred"); not where a second number as large follows ("between one
    hundred and two hundred")."""
    scale = words.SCALES.get(doc[last].lower_, 0.0)
    if scale < 100 or last + 2 >= len(doc) or doc[last + 2].lower_ not in words.SMALL_NUMBERS:
        return False
    after = doc[last + 3].lower_ if last + 3 < len(doc) else ""
    return words.SCALES.get(after, 0.0) < scale


def _run_value(doc: Doc, first: int, last: int) -> float | None:
    """The value of a number run, or None when a token is not a number we can read."""
    total = 0.0
    current = 0.0
    if all(tok.lower_ in ("-", "and") for tok in doc[first : last + 1]):
        return None  # a hyphen the parse took for a number ("1-800-273-8255") has no value
    for tok in doc[first : last + 1]:
        word = tok.lower_
        if word in ("-", "and"):
            continue
        if word in ("a", "an"):
            current += 1.0
        elif word in words.SCALES:
            current = (current or 1.0) * words.SCALES[word]
            if words.SCALES[word] >= 1_000:
                total, current = total + current, 0.0
        elif word in words.SMALL_NUMBERS:
            current += words.SMALL_NUMBERS[word]
        else:
            reading = token_reading(doc, tok.i)
            if reading is None or reading.pre or reading.unit or reading.scale_word:
                return None
            current += reading.value
    return total + current


def follows(doc: Doc, last: int, phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` (lower case) follows token ``last``; token by token, as slicing a Doc costs more."""
    if last + len(phrase) >= len(doc):
        return False
    return all(doc[last + 1 + k].lower_ == word for k, word in enumerate(phrase))


def read_fraction(doc: Doc, amount: Amount) -> Amount | None:
    """ "two-thirds of", "a third of", "half of": the amount divided by the fraction word's denominator. ``amount``
    ends before the fraction word (or, for "half", starts on it with nothing read)."""
    at = amount.last + 1
    hyphen = at < len(doc) and doc[at].text == "-"
    at += 1 if hyphen else 0
    if at + 1 >= len(doc) or doc[at].lower_ not in words.FRACTION_WORDS:
        return None
    by = amount.first > 0 and doc[amount.first - 1].lower_ == "by"  # "fell by a third", "cut by half"
    plural = hyphen and doc[at].lower_.endswith("s") and (amount.value or 0) > 1  # "a two-thirds majority"
    of_unit = _a_unit_after(doc, at) or _hyphened_unit_after(doc, at)  # "half a mile", "a quarter-point"
    of_unit = of_unit or (doc[at].lower_ == "half" and doc[at + 1].lower_ in words.HALF_DETERMINERS)  # "half the"
    scale_at = _scale_of_fraction(doc, at)
    if scale_at is not None and amount.value is not None and amount.value < words.FRACTION_WORDS[doc[at].lower_]:
        value = amount.value / words.FRACTION_WORDS[doc[at].lower_] * words.SCALES[doc[scale_at].lower_]
        return Amount(first=min(amount.first, at), last=scale_at, value=value)  # "a quarter million": a number
    if doc[at + 1].lower_ != "of" and not (plural or of_unit) and not (by and doc[at + 1].pos_ not in _NOUN_POS):
        return None
    if amount.value is None or amount.value >= words.FRACTION_WORDS[doc[at].lower_]:
        return None  # "nine quarters of football", "four quarters": so many periods, no part of one
    value = amount.value / words.FRACTION_WORDS[doc[at].lower_]
    return Amount(first=min(amount.first, at), last=at, value=value, fraction=True)


def _scale_of_fraction(doc: Doc, at: int) -> int | None:
    """Where the scale word is that the fraction word at ``at`` is a part of ("a quarter million", "a
    quarter-million", "three quarters of a billion"), None when none follows; not "dozen" ("a quarter dozen"), nor a
    scale hyphened to a noun after it ("two-thirds of a billion-dollar grant" is a share of a grant of a billion;
    "a quarter-million-dollar loss", hyphened throughout, is a loss of a quarter million)."""
    for gap in ((), ("-",), ("of", "a")):
        scale_at = at + len(gap) + 1
        if scale_at < len(doc) and (not gap or follows(doc, at, gap)):
            scale = doc[scale_at].lower_
            hyphened_on = gap != ("-",) and follows(doc, scale_at, ("-",))  # not "a quarter-million-dollar loss"
            if scale in words.SCALES and scale != "dozen" and not hyphened_on:
                return scale_at
    return None


def _hyphened_unit_after(doc: Doc, at: int) -> bool:
    """Whether a point or a measure is hyphened to the fraction word at ``at``: "a quarter-point cut", "a
    half-percentage-point rise", "a half-mile walk"; not a time ("half-year results" name a period)."""
    if at + 2 >= len(doc) or doc[at + 1].text != "-":
        return False
    unit = doc[at + 2]
    return unit.lower_ in ("point", "percentage") or measure_name(unit.text) is not None


def _a_unit_after(doc: Doc, at: int) -> bool:
    """Whether "a" or "an" and a unit of measure or time follow token ``at``: "half a mile", "half an hour",
    "half a percentage point"."""
    if at + 2 >= len(doc) or doc[at + 1].lower_ not in ("a", "an"):
        return False
    unit = doc[at + 2]
    lower = unit.lower_
    return (
        measure_name(unit.text) is not None
        or lower in words.TIME_UNITS
        or lower in ("percentage", "per")
        or lower in words.PERCENT_WORDS
    )


def _vague_multiple(doc: Doc, i: int) -> Amount | None:
    """ "several hundred", "a few thousand", "a couple of dozen": a vague number of a scale, between the least and
    greatest multiple of it the words mean."""
    for key, (least, most) in words.VAGUE_MULTIPLES.items():
        scale_at = i + len(key)
        if scale_at >= len(doc) or any(doc[i + k].lower_ != word for k, word in enumerate(key)):
            continue
        scale = words.SCALES.get(doc[scale_at].lower_)
        if scale is not None and doc[scale_at].lower_ not in words.VAGUE_OF_WORDS:
            return Amount(first=i, last=scale_at, value=None, bounds=(least * scale, most * scale))
    return None


def _vague_end(doc: Doc, i: int) -> int:
    """The last token of a vague amount: "tens of thousands" ends on "thousands"."""
    last = i
    while last + 2 < len(doc) and doc[last + 1].lower_ == "of" and doc[last + 2].lower_ in words.VAGUE_OF_WORDS:
        last += 2
    return last


def _vague_bounds(doc: Doc, first: int, last: int) -> tuple[float, float] | None:
    """One to ten of the chain's unit ("tens of thousands": 10,000 to 100,000); None for "several"."""
    unit = 1.0
    for at in range(first, last + 1, 2):  # the words between are "of"
        word = doc[at].lower_
        if word not in words.VAGUE_UNITS:
            return None
        unit *= words.VAGUE_UNITS[word]
    return unit, unit * 10


def currency_before(doc: Doc, first: int) -> tuple[str, int] | None:
    """The currency written before token ``first`` ("$", "US $", "USD", "HK$") and the token it starts on."""
    if first == 0:
        return None
    before = doc[first - 1]
    code = words.CURRENCY_SYMBOLS.get(before.lower_) or (before.text if before.text in words.CURRENCY_CODES else None)
    if code is None and before.text == "." and first > 1 and not doc[first - 2].whitespace_:
        code = words.CURRENCY_SYMBOLS.get(doc[first - 2].lower_ + ".")  # "Rs. 500", the stop split off
        return (code, first - 2) if code is not None else None
    if code is None:
        return None
    country = doc[first - 2] if first > 1 else None
    if (
        before.text == "$"
        and country is not None
        and country.text.isupper()  # "US $58", "HK $5.4m"; not "a $5 deal"
        and country.lower_ in words.DOLLAR_COUNTRIES
        and country.idx + len(country.text) + (not _spaced_article(country)) >= before.idx
    ):
        return words.DOLLAR_COUNTRIES[country.lower_], first - 2
    return code, first - 1


def _spaced_article(tok: Token) -> bool:
    """Whether an "A" before a spaced "$" may be the article ("A $5 reward was offered"): only where a capital "A"
    is written for "a", at a sentence's start or in a text in capitals; mid-sentence "a profit of A $1.2 billion"
    is the Australian dollar."""
    if tok.text != "A":
        return False
    doc = tok.doc
    if tok.i == 0 or tok.is_sent_start or doc[tok.i - 1].text in words.SENTENCE_OPENERS:
        return True
    near = [t for t in doc[max(0, tok.i - 6) : tok.i + 6] if t.is_alpha and t.i != tok.i]
    return bool(near) and all(t.text.isupper() for t in near)  # "A $5 REWARD OFFERED"


def dollar_country_after(doc: Doc, amount: Amount) -> Amount:
    """ "$31.20 US", "$75 U.S. per barrel": the country of a dollar written after the amount names the dollar and
    is part of the figure (a rate may follow it)."""
    at = amount.last + 1
    if at >= len(doc) or amount.first < 1 or doc[amount.first - 1].text != "$":
        return amount
    country = doc[at].text
    if len(country.rstrip(".")) < 2 or not country.isupper() or country.lower() not in words.DOLLAR_COUNTRIES:
        return amount
    return replace(amount, last=at, unit=words.DOLLAR_COUNTRIES[country.lower()])


def money_scale(doc: Doc, amount: Amount) -> Amount:
    """An amount of money with the scale written after it: "$13.6 M", "HK$5.4m." (a scale word proper is already
    part of the run)."""
    at = amount.last + 1
    if at >= len(doc) or amount.value is None:
        return amount
    word = doc[at].lower_.rstrip(".")
    if word in words.MONEY_SCALES and doc[at].idx <= doc[amount.last].idx + len(doc[amount.last].text) + 1:
        return replace(amount, last=at, value=amount.value * words.MONEY_SCALES[word])
    return amount


def is_month(tok: Token) -> bool:
    """Whether a token names a month as a date writes it: capitalised ("March", "Jan."), not "may" or "march"."""
    return bool(tok.text[:1].isupper() and tok.text.rstrip(".").lower() in words.MONTHS)


def measure_name(text: str) -> str | None:
    """The name of a measure written as ``text`` ("km", "kW", "Miles", "p." ending a sentence), or None."""
    text = text[:-1] if len(text) > 1 and text[-1] in ".-" else text
    lower = text.lower()
    plural = lower[:-1] if len(lower) > 3 and lower.endswith("s") else None  # "miles-", which has no lemma
    found = words.UNIT_SYMBOLS.get(text) or words.UNIT_WORDS.get(lower) or words.UNIT_WORDS.get(plural or lower)
    return found or _plural_symbol(text)


def _plural_symbol(text: str) -> str | None:
    """A symbol written plural, as wire copy writes some ("600 kgs", "80 kms"); only those of `PLURAL_SYMBOL_STEMS`,
    as others plural are words ("has", "bars")."""
    stem = text[:-1]
    return words.UNIT_SYMBOLS.get(stem) if text.endswith("s") and stem in words.PLURAL_SYMBOL_STEMS else None


def lemma_of(tok: Token) -> str:
    """Lower-case lemma where the model gave one (nouns and verbs), else the lower-case text ("m." read as "m")."""
    word = str(tok.lemma_).lower() if tok.lemma_ else str(tok.lower_)
    return word[:-1] if len(word) > 1 and word[-1] in ".-" else word
