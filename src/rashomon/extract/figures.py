"""Find the figures in an article: numbers with their qualifier and what they count or measure.

Steps: ``_amounts`` finds amounts: number runs ("1.5 million", "twenty-five", "two and a half"), numbers glued to a
sign, scale or unit ("$13.6M", "RM23.50", "6kW", "minus-5"), fractions ("two-thirds of") and vague amounts ("dozens");
``_is_ruled_out`` drops dates, clock times, ordinals, ids, addresses and numbers inside names; ``_find_unit`` finds
what the amount counts or measures (percent, money in a currency, a measure from the unit tables, an age, the counted
noun or "of" noun phrase) and a rate after it ("per barrel", "a month"); ``_qualifier`` the words that bound it.
Every figure is a ``[start, end)`` range of the document's text covering the whole phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import IDX, LOWER, POS, TAG
from spacy.symbols import NUM

from rashomon.extract.figure_referents import find_referents
from rashomon.extract.lexicon import figure_words as words
from rashomon.extract.nlp import text_of
from rashomon.model import Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A token holding a number, with what may be glued to it: "$US55,931,000" gives "US" before; "-50.8bn" a sign and a
# scale after; "6kW" a unit after; "1/16" a fraction.
_TOKEN_NUMBER = re.compile(
    r"(?P<pre>[^\d.]*?)(?P<sign>[-−+])?(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?:[/⁄](?P<den>\d+))?(?P<suf>.*)"
)
_SUFFIX_UNIT = re.compile(r"[^\s()\[\]\-,;:!?]+")
_DIGIT = re.compile(r"\d")
_DIGIT_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
_YEAR = re.compile(r"1\d{3}|2[01]\d{2}")
# Words an amount may start with besides numbers and tokens holding digits.
_OPENING_WORDS = sorted(
    words.VAGUE_OF_WORDS | words.VAGUE_DETERMINERS | set(words.SCALES) | words.MINUS_WORDS | {"a", "an", "half"}
)
_NOUNS = frozenset({"NOUN", "PROPN"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Tokens allowed between a number and its counted noun ("six heavily armed Armenian troops").
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "ADV", "VERB", "PUNCT"})
# Dependency labels under which a number with no counted noun is still a figure ("the toll rose to 12").
_BARE_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj", "conj"})
_TIME_UNIT_NAMES = frozenset(words.TIME_UNITS.values())
_QUALIFIER_ENDS = frozenset(key[-1] for key in words.QUALIFIERS)


@dataclass(frozen=True, slots=True)
class _Amount:
    """Tokens ``first..last`` (inclusive) giving an amount; ``value`` None for a vague amount; ``unit`` a currency or
    measure written on the amount's own tokens ("$5bn", "6kW"); ``fraction`` for "two-thirds of"."""

    first: int
    last: int
    value: float | None
    unit: str | None = None
    fraction: bool = False
    bounds: tuple[float, float] | None = None  # a vague amount's least and greatest reading


@dataclass(frozen=True, slots=True)
class _Unit:
    """What an amount counts: the last token of the figure, the unit and a phrase for the counted thing."""

    end: int
    unit: str | None
    about: str | None = None
    plural: bool = False


@dataclass(frozen=True, slots=True)
class _Reading:
    """A number read from one token: value (sign and glued scale applied), text before it and the unit after it."""

    value: float
    pre: str
    unit: str | None
    scale_word: str


def find_figures(doc: Doc, article_id: str, exclude: Sequence[tuple[int, int]] = ()) -> tuple[Figure, ...]:
    """The figures in ``doc`` in text order, none overlapping another or any ``exclude`` character range."""
    figures: list[tuple[Figure, int, int]] = []
    taken_end = -1
    for amount in _amounts(doc):
        if _is_ruled_out(doc, amount):
            continue
        built = _build_figure(doc, article_id, amount)
        if built is None or built[0].start < taken_end:
            continue
        if _in_time(doc, amount, built[0], exclude):
            continue
        figures.append(built)
        taken_end = built[0].end
    tokens = {k for _, first, last in figures for k in range(first, last + 1)}
    return tuple(
        replace(f, referents=find_referents(doc, first, last, tokens, counted=f.about is not None or f.unit is None))
        for f, first, last in figures
    )


def _in_time(doc: Doc, amount: _Amount, figure: Figure, exclude: Sequence[tuple[int, int]]) -> bool:
    """Whether a time expression takes the figure: its amount ("2019", "at 5pm") or a unit that is not a rate ("$5 a
    month" keeps its rate). A length of time stays a figure as well as a time ("for 30 years", "two years later")."""
    if figure.unit in _TIME_UNIT_NAMES and figure.value is not None:
        return False
    amount_end = doc[amount.last].idx + len(doc[amount.last].text)
    if any(doc[amount.first].idx < end and start < amount_end for start, end in exclude):
        return True
    rate = figure.unit is not None and " per " in figure.unit
    return not rate and figure.unit is not None and any(figure.start < e and s < figure.end for s, e in exclude)


def _amount_starts(doc: Doc) -> list[int]:
    """Numbers of the tokens an amount can start at: numbers, tokens holding a digit and the opening words (read
    from the document's arrays and one search of the text, not token by token)."""
    pos, tag, lower, idx = doc.to_array([POS, TAG, LOWER, IDX]).T
    strings = doc.vocab.strings
    opening = np.isin(lower, [strings.add(w) for w in _OPENING_WORDS])
    marked = (pos == NUM) | (tag == strings.add("CD")) | opening
    digits = [m.start() for m in _DIGIT.finditer(text_of(doc))]
    if digits:
        marked[np.searchsorted(idx, digits, side="right") - 1] = True
    found: list[int] = np.nonzero(marked)[0].tolist()
    return found


def _amounts(doc: Doc) -> Iterator[_Amount]:
    """Number runs and vague amounts, left to right, not overlapping."""
    following = 0  # the first token after the last amount read
    for i in _amount_starts(doc):
        if i < following:
            continue
        word = doc[i].lower_
        amount: _Amount | None = None
        if word in words.VAGUE_OF_WORDS or word in words.VAGUE_DETERMINERS:
            last = _vague_end(doc, i)
            amount = _Amount(first=i, last=last, value=None, bounds=_vague_bounds(doc, i, last))
        elif word in words.MINUS_WORDS:
            amount = _negated(doc, i)
        elif word == "half" and _follows(doc, i, ("a",)) and doc[i + 2].lower_ in words.SCALES:
            amount = _Amount(first=i, last=i + 2, value=0.5 * words.SCALES[doc[i + 2].lower_])  # "half a million"
        elif word == "half" and (i == 0 or doc[i - 1].pos_ not in ("DET", "ADJ", "NUM")):
            amount = _fraction(doc, _Amount(first=i, last=i - 1, value=1.0))  # "half of", not "the second half of"
        elif _starts_number(doc, i):
            amount = _number(doc, i)
        if amount is not None:
            yield amount
            following = amount.last + 1


def _starts_number(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.lower_ in words.SCALES and tok.lower_ != "dozen":
        return False  # "billion" alone is not an amount; "a billion" starts on "a", "two billion" on "two"
    if tok.lower_ in ("a", "an"):
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        return nxt in words.SCALES or nxt in words.FRACTION_WORDS
    return bool(tok.pos_ == "NUM" or tok.tag_ == "CD" or tok.lower_ in words.SCALES or _DIGIT.search(tok.text))


def _negated(doc: Doc, i: int) -> _Amount | None:
    """ "minus 5", "minus-130": the amount after a minus word, made negative and starting on the word."""
    start = i + 2 if i + 1 < len(doc) and doc[i + 1].text in ("-", "−") else i + 1
    amount = _number(doc, start) if start < len(doc) and _starts_number(doc, start) else None
    if amount is None or amount.value is None:
        return None
    return replace(amount, first=i, value=-amount.value)


def _number(doc: Doc, i: int) -> _Amount | None:
    """The amount starting at token ``i``: a glued token ("$5bn", "6kW"), or a run of number words and digits."""
    tok = doc[i]
    if tok.lower_ in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ not in words.SCALES:
        return _fraction(doc, _Amount(first=i, last=i, value=1.0))  # "a third of"
    reading = _read_token(tok.text) if _DIGIT.search(tok.text) else None
    if _DIGIT.search(tok.text) and reading is None:
        return None
    if reading is not None and (reading.unit or reading.scale_word or reading.pre):
        return _glued(doc, i, reading)
    if reading is not None and any(bar in tok.text for bar in "/⁄") and _follows(doc, i, ("of",)):
        return _Amount(first=i, last=i, value=reading.value, fraction=True)  # "1⁄32 of a US quart"
    last = _run_end(doc, i)
    value = _run_value(doc, i, last)
    if value is None:
        return None
    amount = _Amount(first=i, last=last, value=value)
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and not doc[last].whitespace_ and after.text in words.GLUED_SCALE_TOKENS:
        return replace(amount, last=last + 1, value=value * words.GLUED_SCALE_TOKENS[after.text])  # "4.3M" split
    if _follows(doc, last, ("and", "a", "half")):
        amount = _Amount(first=i, last=last + 3, value=value + 0.5)
    return _fraction(doc, amount) or amount


def _read_token(text: str) -> _Reading | None:
    """A token holding a number, or None when what is glued to it is not a sign, scale or unit we know."""
    match = _TOKEN_NUMBER.fullmatch(text)
    if match is None or _DIGIT_ORDINAL.fullmatch(text):
        return None
    pre, suffix = match["pre"].lstrip("~≈"), match["suf"].rstrip(".")
    if pre and pre.lower() not in words.MINUS_WORDS and _currency_prefix(pre) is None:
        return None
    raw, den = match["num"], match["den"]
    if (len(raw) > 1 and raw[0] == "0" and raw[1] != ".") or (den and (den[0] == "0" or not raw.isdigit())):
        return None  # "007", "0/0597": phone numbers and ids
    value = float(raw.replace(",", "")) / (float(den) if den else 1.0)
    if match["sign"] in ("-", "−") or pre.lower() in words.MINUS_WORDS:
        value = -value
    scale_word = ""
    money = bool(pre) and pre.lower() not in words.MINUS_WORDS
    if suffix == "M" and not money:  # "4.3M sales"; a lower-case "m" alone is a metre
        return _Reading(value=value * 1e6, pre="", unit=None, scale_word="M")
    for word in sorted(words.MONEY_SCALES if money else words.GLUED_SCALES, key=len, reverse=True):
        if suffix.lower().startswith(word) and not suffix[len(word) : len(word) + 1].isalpha():
            scale_word, suffix = word, suffix[len(word) :]
            value *= words.MONEY_SCALES[word]
            break
    unit = None
    if suffix:
        head = _SUFFIX_UNIT.match(suffix)
        glued = head.group(0) if head else ""
        unit = "percent" if glued.lower() in words.PERCENT_WORDS else _measure_name(glued)
        if unit is None:
            return None  # "2-0", "5G", "1990s": not an amount we can read
    return _Reading(value=value, pre="" if pre.lower() in words.MINUS_WORDS else pre, unit=unit, scale_word=scale_word)


def _currency_prefix(pre: str) -> str | None:
    """The currency of text glued before a number: "RM", "USD", "HK$", or a dollar's country after "$" ("US")."""
    lower = pre.lower()
    if lower in words.CURRENCY_SYMBOLS:
        return words.CURRENCY_SYMBOLS[lower]
    if pre in words.CURRENCY_CODES:
        return pre
    return words.DOLLAR_COUNTRIES.get(lower)


def _glued(doc: Doc, i: int, reading: _Reading) -> _Amount | None:
    """An amount written on one token with its currency, scale or unit ("RM23.50", "$US55m", "2.8bn", "6kW")."""
    unit = reading.unit
    if reading.pre:
        country = reading.pre.lower() in words.DOLLAR_COUNTRIES and reading.pre.lower() not in words.CURRENCY_SYMBOLS
        if country and (i == 0 or doc[i - 1].text != "$"):
            return None  # "US55" alone is a code or a name
        unit = _currency_prefix(reading.pre)
    first = i - 1 if unit is not None and i > 0 and doc[i - 1].text == "$" else i
    last, value = i, reading.value
    while not reading.scale_word and last + 1 < len(doc) and doc[last + 1].lower_ in words.SCALES:
        last, value = last + 1, value * words.SCALES[doc[last + 1].lower_]  # "$US113 trillion"
    amount = _Amount(first=first, last=last, value=value, unit=unit)
    if unit is not None and unit.isupper() and not reading.scale_word:
        return _money_scale(doc, amount)
    return amount


def _run_end(doc: Doc, i: int) -> int:
    """The last token of the number run starting at ``i`` ("one hundred twenty-three", "1.5 million")."""
    last = i
    while last + 1 < len(doc):
        nxt = doc[last + 1].lower_
        word = doc[last].lower_
        if nxt in words.SCALES or (
            nxt in words.SMALL_NUMBERS and (word in words.SMALL_NUMBERS or word in words.SCALES)
        ):
            last += 1
        elif (
            nxt == "-"
            and last + 2 < len(doc)
            and doc[last].lower_ in words.SMALL_NUMBERS
            and doc[last + 2].lower_ in words.SMALL_NUMBERS
        ):
            last += 2
        else:
            break
    return last


def _run_value(doc: Doc, first: int, last: int) -> float | None:
    """The value of a number run, or None when a token is not a number we can read."""
    total = 0.0
    current = 0.0
    for tok in doc[first : last + 1]:
        word = tok.lower_
        if word == "-":
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
            reading = _read_token(tok.text)
            if reading is None or reading.pre or reading.unit or reading.scale_word:
                return None
            current += reading.value
    return total + current


def _follows(doc: Doc, last: int, phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` (lower case) follows token ``last``; token by token, as slicing a Doc costs more."""
    if last + len(phrase) >= len(doc):
        return False
    return all(doc[last + 1 + k].lower_ == word for k, word in enumerate(phrase))


def _fraction(doc: Doc, amount: _Amount) -> _Amount | None:
    """ "two-thirds of", "a third of", "half of": the amount divided by the fraction word's denominator. ``amount``
    ends before the fraction word (or, for "half", starts on it with nothing read)."""
    at = amount.last + 1
    if at < len(doc) and doc[at].text == "-":
        at += 1
    if at + 1 >= len(doc) or doc[at].lower_ not in words.FRACTION_WORDS or doc[at + 1].lower_ != "of":
        return None
    if amount.value is None:
        return None
    value = amount.value / words.FRACTION_WORDS[doc[at].lower_]
    return _Amount(first=min(amount.first, at), last=at, value=value, fraction=True)


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


def _is_ruled_out(doc: Doc, amount: _Amount) -> bool:
    """Ordinals, numbers inside names, day numbers of dates, clock times, addresses and ids are not figures."""
    run = [doc[k] for k in range(amount.first, amount.last + 1)]
    if not amount.fraction and any(
        tok.lower_ in words.ORDINAL_WORDS
        or _DIGIT_ORDINAL.fullmatch(tok.text)
        or (tok.ent_type_ == "ORDINAL" and not _DIGIT.search(tok.text))
        for tok in run
    ):
        return True
    before = doc[amount.first - 1] if amount.first > 0 else None
    after = doc[amount.last + 1] if amount.last + 1 < len(doc) else None
    root = run[0] if len(run) == 1 else doc[amount.first : amount.last + 1].root
    if any(tok is not None and _is_month(tok) for tok in (before, after, root.head)):
        return True
    if after is not None and (after.lower_ in words.TIME_OF_DAY or _names_a_thing(doc, after)):
        return True
    return _follows_id_word(doc, amount.first)


def _names_a_thing(doc: Doc, after: Token) -> bool:
    """A capitalised singular name right after a number: "11 Pro", "787 Dreamliner", "575 Wilbraham Road"; not a
    unit, currency, acronym or place ("0.5 WAR", "$500 US"), nor a name before a counted noun ("96 Liverpool fans")."""
    text = after.text
    if not text[:1].isupper() or text.isupper() or after.pos_ != "PROPN" or after.tag_ != "NNP":
        return False
    if after.ent_type_ in ("NORP", "GPE") or any(t.tag_ in _PLURAL_TAGS for t in doc[after.i + 1 : after.i + 3]):
        return False
    if _measure_name(text) is not None or text in words.CURRENCY_CODES or text.lower() in words.CURRENCY_WORDS:
        return False
    return text.lower() not in words.UNIT_WORDS and text.lower().rstrip("s") not in words.CURRENCY_WORDS


def _is_month(tok: Token) -> bool:
    return bool(tok.text[:1].isupper() and tok.text.rstrip(".").lower() in words.MONTHS)


def _follows_id_word(doc: Doc, first: int) -> bool:
    """True for "ID: 318272", "No. 5", "#3"."""
    i = first - 1
    while i >= 0 and doc[i].text in (":", "-"):
        i -= 1
    return i >= 0 and doc[i].lower_ in words.ID_WORDS


def _build_figure(doc: Doc, article_id: str, amount: _Amount) -> tuple[Figure, int, int] | None:
    """The figure of an amount, with its first and last token; None when it is not kept."""
    first = amount.first
    money = _currency_before(doc, first) if amount.unit is None and amount.value is not None else None
    if money is not None:  # "$2 million", "US $58": the figure starts on the sign
        code, first = money
        amount = _money_scale(doc, replace(amount, unit=code))
    amount = _range_scale(doc, amount)
    unit = _find_unit(doc, amount)
    if not _keeps(doc, amount, unit, first):
        return None
    first, qualifier, inexact = _qualifier(doc, first)
    start = doc[first].idx
    end = doc[unit.end].idx + len(doc[unit.end].text)
    figure = Figure(
        id=f"{article_id}:figure:{start}-{end}",
        article=article_id,
        start=start,
        end=end,
        value=amount.value,
        unit=unit.unit,
        approx=inexact or amount.value is None,
        qualifier=qualifier,
        about=unit.about,
        low=amount.bounds[0] if amount.bounds else None,
        high=amount.bounds[1] if amount.bounds else None,
    )
    return figure, first, unit.end


def _keeps(doc: Doc, amount: _Amount, unit: _Unit, first: int) -> bool:
    """Whether an amount with this unit is a figure: "one", "several", years and bare numbers need context."""
    head = doc[amount.first]
    word = head.lower_
    if amount.value is None:
        needs_noun = word in words.VAGUE_DETERMINERS or word in words.VAGUE_NEEDS_OF
        return unit.unit is not None or not needs_noun
    if unit.unit is None and word == "one":
        return False
    if amount.unit is not None or amount.fraction:
        return True
    run = doc[amount.first : amount.last + 1]
    if (unit.unit is None or unit.about is not None) and any(t.ent_type_ in words.NAME_ENTITY_TYPES for t in run):
        return False  # "Apollo 11", "Boeing 737 fleet"; not "minus-5 yards", which the model may call a person
    previous = doc[first - 1] if first > 0 else None
    named = previous is not None and previous.pos_ == "PROPN" and previous.text[:1].isupper()
    counted = unit.unit is None or unit.about is not None
    if counted and amount.first == amount.last and _YEAR.fullmatch(head.text):
        return unit.plural and (previous is None or previous.lower_ not in words.YEAR_PREPOSITIONS)
    if unit.unit is not None:
        return not (named and unit.about is not None and unit.unit[:1].islower() and not unit.plural)
    low_end = run.root.dep_ == "quantmod" and _follows(doc, amount.last, ("to",))  # "jumped from 240 to 273"
    return (run.root.dep_ in _BARE_DEPS or low_end) and not named and not _in_score(doc, amount)


def _in_score(doc: Doc, amount: _Amount) -> bool:
    """A bare number hyphenated to another, "won 2-0", "tied at 89-89": a score, not a quantity."""
    for hyphen, other in ((amount.first - 1, amount.first - 2), (amount.last + 1, amount.last + 2)):
        if min(hyphen, other) >= 0 and max(hyphen, other) < len(doc) and doc[hyphen].text == "-":
            left, right = sorted((hyphen, other))
            glued = doc[right].idx == doc[left].idx + len(doc[left].text)
            if glued and doc[other].like_num:
                return True
    return False


def _currency_before(doc: Doc, first: int) -> tuple[str, int] | None:
    """The currency written before token ``first`` ("$", "US $", "USD", "HK$") and the token it starts on."""
    if first == 0:
        return None
    before = doc[first - 1]
    code = words.CURRENCY_SYMBOLS.get(before.lower_) or (before.text if before.text in words.CURRENCY_CODES else None)
    if code is None:
        return None
    country = doc[first - 2] if first > 1 else None
    if (
        before.text == "$"
        and country is not None
        and country.text.isupper()  # "US $58", "A $5"; not "a $5 deal"
        and country.lower_ in words.DOLLAR_COUNTRIES
        and country.idx + len(country.text) + 1 >= before.idx
    ):
        return words.DOLLAR_COUNTRIES[country.lower_], first - 2
    return code, first - 1


def _money_scale(doc: Doc, amount: _Amount) -> _Amount:
    """An amount of money with the scale written after it: "$13.6 M", "HK$5.4m." (a scale word proper is already
    part of the run)."""
    at = amount.last + 1
    if at >= len(doc) or amount.value is None:
        return amount
    word = doc[at].lower_.rstrip(".")
    if word in words.MONEY_SCALES and doc[at].idx <= doc[amount.last].idx + len(doc[amount.last].text) + 1:
        return replace(amount, last=at, value=amount.value * words.MONEY_SCALES[word])
    return amount


def _qualifier(doc: Doc, first: int) -> tuple[int, str | None, bool]:
    """The qualifier before token ``first``: (new first token, phrase lower-cased, approximate)."""
    if first == 0 or doc[first - 1].lower_ not in _QUALIFIER_ENDS:
        return first, None, False
    for size in (3, 2, 1):
        if first - size < 0:
            continue
        phrase = doc[first - size : first]
        key = tuple(tok.lower_ for tok in phrase)
        if key in words.QUALIFIERS and phrase[-1].dep_ != "prt":
            return first - size, " ".join(key), words.QUALIFIERS[key] != "="
    return first, None, False


_MEASURED = frozenset({*words.UNIT_SYMBOLS.values(), *words.UNIT_WORDS.values(), *words.UNIT_PHRASES.values()})


def _find_unit(doc: Doc, amount: _Amount, ranges: bool = True) -> _Unit:
    """What the amount counts or measures, with a rate after it; a unit of None (ending on the amount) when
    nothing is found. With ``ranges``, a bare amount may take the unit of the other end of a range it is in."""
    if amount.unit is not None:
        own = _rate(doc, _Unit(end=amount.last, unit=amount.unit))
        return _range_rate(doc, amount, own) if ranges and own.unit == amount.unit else own
    bare = _Unit(end=amount.last, unit=None)
    after = amount.last + 1
    if after >= len(doc):
        return _age_before(doc, amount) or (_range_low_unit(doc, amount) if ranges else None) or bare
    if amount.value is None:
        return _of_phrase(doc, amount) or _noun_after(doc, amount) or bare
    found = (
        (_measure_of(doc, amount) if amount.fraction else None)
        or _percent(doc, after)
        or _currency_after(doc, after)
        or _measure_after(doc, after)
        or _hyphen_unit(doc, amount)
        or _time_unit_after(doc, after)
        or _noun_after(doc, amount)
    )
    if found is None:
        in_range = (_range_unit(doc, amount) or _range_low_unit(doc, amount)) if ranges else None
        return _age_before(doc, amount) or in_range or _partitive(doc, amount) or bare
    return _rate(doc, _age(doc, found))


def _range_high(doc: Doc, amount: _Amount) -> _Amount | None:
    """The high end of a range the amount opens: "5 to 7 per cent", "between 4% and 5%", "5-10W"."""
    at = amount.last + 1
    if at + 1 >= len(doc) or doc[at].lower_ not in words.RANGE_WORDS or doc[at + 1].lower_ in ("a", "an"):
        return None
    before = amount.first - 1
    before -= 1 if before > 0 and doc[before].lower_ in words.CURRENCY_SYMBOLS else 0  # "between $62 and $68"
    if doc[at].lower_ == "and" and (before < 0 or doc[before].lower_ != "between"):
        return None
    at += 1 if doc[at + 1].lower_ in words.CURRENCY_SYMBOLS and at + 2 < len(doc) else 0  # "$89 to $93 billion"
    return _number(doc, at + 1) if _starts_number(doc, at + 1) else None


def _range_unit(doc: Doc, amount: _Amount) -> _Unit | None:
    """The low end of a range takes the unit of the high end."""
    high = _range_high(doc, amount)
    unit = None if high is None else high.unit or _find_unit(doc, high, ranges=False).unit
    return _Unit(end=amount.last, unit=unit) if unit is not None else None


def _range_scale(doc: Doc, amount: _Amount) -> _Amount:
    """The low end of a range takes the scale word of the high end: "1 to 2 thousand", "US $89 to $93 billion"."""
    high = _range_high(doc, amount)
    if high is None or high.value is None or amount.value is None or amount.first != amount.last:
        return amount
    scale = words.SCALES.get(doc[high.last].lower_, 1.0)
    # Only a low end that reads as a count of the scale: "$89 to $93 billion", not "$200 to $4 million".
    if scale >= 1_000 and amount.value * scale <= high.value:
        return replace(amount, value=amount.value * scale)
    return amount


def _percent(doc: Doc, after: int) -> _Unit | None:
    if doc[after].lower_ in words.PERCENT_WORDS:
        return _Unit(end=after, unit="percent")
    if _follows(doc, after - 1, ("per", "cent")):
        return _Unit(end=after + 1, unit="percent")
    return _phrase_unit(doc, after, {("percentage", "point"): "percentage point"})


def _currency_after(doc: Doc, after: int) -> _Unit | None:
    """A currency named after the amount: "euros", "Australian dollars", "110 JPY", "1,200€"."""
    tok = doc[after]
    if tok.text.rstrip("=") in words.CURRENCY_CODES:
        return _Unit(end=after, unit=tok.text.rstrip("="))
    if tok.text in words.CURRENCY_SYMBOLS and tok.text != "$":
        return _Unit(end=after, unit=words.CURRENCY_SYMBOLS[tok.text])
    for size in (2, 3):
        if after + size - 1 < len(doc):
            key = (doc[after + size - 2].lower_, _lemma(doc[after + size - 1]))
            if key in words.NATIONAL_CURRENCIES:
                return _Unit(end=after + size - 1, unit=words.NATIONAL_CURRENCIES[key])
    lemma = _lemma(tok)
    if lemma in words.CURRENCY_WORDS:
        return _Unit(end=after, unit=words.CURRENCY_WORDS[lemma])
    if lemma == "pound" and _in_millions(doc[after - 1]):
        return _Unit(end=after, unit="GBP")  # "1.3 million pounds" is money; "208 pounds" a weight
    return None


def _in_millions(tok: Token) -> bool:
    """Whether an amount ends on a scale of a million or more: "1.3 million", "5bn"."""
    if words.SCALES.get(tok.lower_, 0) >= 1e6:
        return True
    return _DIGIT.search(tok.text) is not None and tok.lower_.endswith(("m", "mn", "mln", "bn"))


def _measure_after(doc: Doc, after: int) -> _Unit | None:
    """A measure after the amount, in one token ("km", "miles") or a phrase ("sq m", "degrees Celsius")."""
    phrase = _phrase_unit(doc, after, words.UNIT_PHRASES)
    if phrase is not None:
        return phrase
    tok = doc[after]
    name = _measure_name(tok.text) or words.UNIT_WORDS.get(_lemma(tok))
    return _Unit(end=after, unit=name) if name else None


def _phrase_unit(doc: Doc, after: int, table: dict[tuple[str, ...], str]) -> _Unit | None:
    first = _lemma(doc[after])
    if not any(key[0] == first for key in table):
        return None
    for size in (3, 2):
        end = after + size
        if end <= len(doc):
            key = (first, *(_lemma(doc[k]) for k in range(after + 1, end)))
            if key in table:
                return _Unit(end=end - 1, unit=table[key])
    return None


def _measure_name(text: str) -> str | None:
    """The name of a measure written as ``text`` ("km", "kW", "Miles", "p." ending a sentence), or None."""
    text = text[:-1] if len(text) > 1 and text[-1] in ".-" else text
    lower = text.lower()
    plural = lower[:-1] if len(lower) > 3 and lower.endswith("s") else None  # "miles-", which has no lemma
    return words.UNIT_SYMBOLS.get(text) or words.UNIT_WORDS.get(lower) or words.UNIT_WORDS.get(plural or lower)


def _lemma(tok: Token) -> str:
    """Lower-case lemma where the model gave one (nouns and verbs), else the lower-case text ("m." read as "m")."""
    word = str(tok.lemma_).lower() if tok.lemma_ else str(tok.lower_)
    return word[:-1] if len(word) > 1 and word[-1] in ".-" else word


def _time_unit_after(doc: Doc, after: int) -> _Unit | None:
    """ "2,900 year-old site", "six times": an age or a multiplier, before the counted-noun reading takes the noun
    after it."""
    word = doc[after].lower_
    if word in words.TIME_UNITS and (_follows(doc, after, ("-", "old")) or _follows(doc, after, ("old",))):
        return _Unit(end=after, unit=words.TIME_UNITS[word])
    if word in words.MULTIPLIER_WORDS:
        return _Unit(end=after, unit="times")
    if word in words.TIME_UNITS and doc[after].pos_ == "ADJ":
        return _Unit(end=after, unit=words.TIME_UNITS[word])  # "a 4.3 second 40 yard dash": "second" read as "2nd"
    return None


def _rate(doc: Doc, unit: _Unit) -> _Unit:
    """ "per barrel", "a month", "an hour" after a unit: the unit becomes a rate ("USD per barrel")."""
    at = unit.end + 1
    if at < len(doc) and doc[at].text == "-":
        return _hyphen_rate(doc, unit)
    if unit.unit is None or at + 1 >= len(doc) or doc[at].lower_ not in words.RATE_WORDS:
        return unit
    if doc[at].text == "/" and doc[at].idx != doc[unit.end].idx + len(doc[unit.end].text):
        return unit  # "km/h", not "224 kW / 300 PS"
    per = _phrase_unit(doc, at + 1, words.UNIT_PHRASES) or _measure_after(doc, at + 1)
    if per is None:
        noun = doc[at + 1]
        lemma = _lemma(noun)
        known = lemma in words.TIME_UNITS or lemma in words.RATE_NOUNS
        if noun.pos_ != "NOUN" or not (known or doc[at].lower_ == "per") or _follows(doc, at + 1, ("ago",)):
            return unit
        if at + 2 < len(doc) and doc[at + 2].lower_ in words.NOT_RATE_AFTER:
            return unit
        per = _Unit(end=at + 1, unit=words.TIME_UNITS.get(lemma, lemma))
    return replace(unit, end=per.end, unit=f"{unit.unit} per {per.unit}")


def _hyphen_rate(doc: Doc, unit: _Unit) -> _Unit:
    """ "a 52,000 barrel-a-day refinery": a rate written with hyphens."""
    at = unit.end + 1
    if unit.unit is None or at + 3 >= len(doc) or doc[at + 1].lower_ not in ("a", "an") or doc[at + 2].text != "-":
        return unit
    lemma = _lemma(doc[at + 3])
    if lemma not in words.TIME_UNITS and lemma not in words.RATE_NOUNS:
        return unit
    return replace(unit, end=at + 3, unit=f"{unit.unit} per {words.TIME_UNITS.get(lemma, lemma)}")


def _age(doc: Doc, unit: _Unit) -> _Unit:
    """ "a 50-year-old man", "an 18 month-old daughter": a time unit followed by "old" is an age."""
    at = unit.end + 1
    if unit.unit not in _TIME_UNIT_NAMES or at >= len(doc):
        return unit
    if doc[at].text == "-":
        at += 1
    if at < len(doc) and doc[at].lower_ in words.AGE_WORDS and doc[at].idx - doc[unit.end].idx < 8:
        return _Unit(end=at, unit=f"{unit.unit} of age")
    return unit


def _age_before(doc: Doc, amount: _Amount) -> _Unit | None:
    """ "aged 35", "Maddon, 66, said": a bare whole number after "aged", or set off by commas after a person's
    name, is an age in years."""
    first, last = amount.first, amount.last
    if first > 0 and doc[first - 1].lower_ == "aged":
        return _Unit(end=last, unit="year of age")
    if first < 2 or last + 1 >= len(doc) or doc[first - 1].text != "," or doc[last + 1].text not in (",", "."):
        return None
    value = amount.value
    person = doc[first - 2].ent_type_ == "PERSON" or doc[first - 2].pos_ == "PROPN"
    if person and first == last and value is not None and value.is_integer() and 0 < value < 120:
        return _Unit(end=last, unit="year of age")
    return None


def _range_rate(doc: Doc, amount: _Amount, unit: _Unit) -> _Unit:
    """The low end of "between $62 and $68 per share" takes the rate of the high end."""
    high = _range_high(doc, amount)
    money = _currency_before(doc, high.first) if high is not None and high.unit is None else None
    if high is not None and money is not None:
        high = replace(high, unit=money[0])  # "$68": the sign is a token of its own
    if high is None or high.unit != amount.unit:
        return unit
    rate = _find_unit(doc, high, ranges=False).unit
    return replace(unit, unit=rate) if rate and rate.startswith(f"{amount.unit} per ") else unit


def _range_low_unit(doc: Doc, amount: _Amount) -> _Unit | None:
    """The high end of "from 208 pounds to 193" takes the unit of the low end: a bare number after "to", with
    "from", an amount and its unit shortly before."""
    to = amount.first - 1
    if to < 2 or doc[to].lower_ != "to":
        return None
    for at in range(to - 1, max(to - 6, 0), -1):
        if doc[at].lower_ == "from" and _starts_number(doc, at + 1):
            low = _number(doc, at + 1)
            if low is None or low.value is None or low.last >= to:
                return None
            unit = low.unit or _find_unit(doc, low, ranges=False).unit
            return _Unit(end=amount.last, unit=unit) if unit is not None and unit not in _TIME_UNIT_NAMES else None
    return None


def _partitive(doc: Doc, amount: _Amount) -> _Unit | None:
    """ "two of his brothers", "three of the 12 jurors": a number counting some of a group named after "of"."""
    at = amount.last + 1
    if at + 1 >= len(doc) or doc[at].lower_ != "of" or doc[at + 1].pos_ not in ("DET", "PRON"):
        return None
    if amount.value is None or amount.fraction or not amount.value.is_integer() or amount.value < 2:
        return None  # "one of the negotiators" says who, not how many; a fraction ends on its fraction word
    return _of_phrase(doc, amount)


def _of_phrase(doc: Doc, amount: _Amount) -> _Unit | None:
    """The noun counted by a vague amount through "of": "dozens of people"."""
    of = doc[amount.last + 1]
    if of.lower_ != "of":
        return None
    nouns = [child for child in of.children if child.dep_ == "pobj" and child.pos_ in _NOUNS]
    if not nouns or any(tok.like_num or _DIGIT.search(tok.text) for tok in doc[of.i + 1 : nouns[0].i]):
        return None  # "280 million of the 1.5 billion shekels": the noun is the other amount's
    noun = nouns[0]
    return _Unit(end=noun.i, unit=_unit_name(noun), about=_about(doc, of.i + 1, noun.i), plural=True)


def _measure_of(doc: Doc, amount: _Amount) -> _Unit | None:
    """The measure a fraction is a part of: "1/16 of a US pint", "two-thirds of a mile"."""
    of = doc[amount.last + 1]
    nouns = [child for child in of.children if child.dep_ == "pobj"] if of.lower_ == "of" else []
    name = (_measure_name(nouns[0].text) or words.UNIT_WORDS.get(_lemma(nouns[0]))) if nouns else None
    return _Unit(end=nouns[0].i, unit=name) if name else None


def _hyphen_unit(doc: Doc, amount: _Amount) -> _Unit | None:
    """A hyphenated unit, "six-week war": the unit is "week" and the figure runs to the noun it describes."""
    hyphen = amount.last + 1
    if doc[hyphen].text != "-" or hyphen + 1 >= len(doc) or doc[hyphen + 1].pos_ not in ("NOUN", "PROPN"):
        return None
    if _DIGIT.search(doc[hyphen + 1].text):
        return None  # "5-10W": a range, not a unit
    unit_tok = doc[hyphen + 1]
    name = _measure_name(unit_tok.text) or _unit_name(unit_tok)
    if _follows(doc, hyphen + 1, ("-", "old")) or _follows(doc, hyphen + 1, ("old",)):
        return _Unit(end=hyphen + 1, unit=name)  # the age step reads "-old"
    described = unit_tok.head
    if described.i == unit_tok.i + 1 and described.pos_ in _NOUNS:
        return _Unit(end=described.i, unit=name, about=described.text)
    return _Unit(end=unit_tok.i, unit=name)


def _noun_after(doc: Doc, amount: _Amount) -> _Unit | None:
    """The counted noun: the amount's syntactic head when it follows closely, else a close plural noun."""
    run = doc[amount.first : amount.last + 1]
    head = run.root.head
    if head.lower_ in words.TIME_UNITS and doc[head.i - 1].lower_ in words.TIME_DETERMINERS:
        return None  # "2.1 last year": the year is when, not what is counted
    if (
        head.pos_ in _NOUNS
        and not _DIGIT.search(head.text)
        and 0 < head.i - amount.last <= 4
        and all(
            (tok.pos_ in _MODIFIER_POS and tok.text != ",") or _model_number(doc, tok)
            for tok in doc[amount.last + 1 : head.i]
        )
    ):
        return _noun_unit(doc, amount, head)
    for i in range(amount.last + 1, min(amount.last + 5, len(doc))):
        tok = doc[i]
        if tok.tag_ in _PLURAL_TAGS and not _DIGIT.search(tok.text):
            return _noun_unit(doc, amount, tok)
        if tok.pos_ not in ("ADJ", "PROPN") and not (tok.pos_ == "CCONJ" and doc[i - 1].pos_ == "ADJ"):
            break  # "4.3M digital and physical sales" counts the sales
    return None


def _model_number(doc: Doc, tok: Token) -> bool:
    """A number inside a name before a counted noun: the "737" of "two new 737 Max jets"."""
    name = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.pos_ == "NUM" and name is not None and name.pos_ == "PROPN" and name.text[:1].isupper()


def _noun_unit(doc: Doc, amount: _Amount, noun: Token) -> _Unit:
    return _Unit(
        end=noun.i,
        unit=_unit_name(noun),
        about=_about(doc, amount.last + 1, noun.i),
        plural=noun.tag_ in _PLURAL_TAGS,
    )


def _about(doc: Doc, first: int, last: int) -> str | None:
    """The counted noun with its modifiers, tokens ``first..last``, leading determiners dropped."""
    while first <= last and doc[first].pos_ in ("DET", "PRON"):
        first += 1
    return doc[first : last + 1].text or None


def _unit_name(noun: Token) -> str:
    """The counted noun in its reported form: singular lemma, time units normalised, nationalities singular."""
    word = noun.lower_
    if word in words.TIME_UNITS:
        return words.TIME_UNITS[word]
    if word in words.UNIT_OVERRIDES:
        return words.UNIT_OVERRIDES[word]
    if noun.pos_ == "PROPN":
        text: str = noun.text
        return text[:-1] if noun.tag_ == "NNPS" and text.endswith("s") else text
    lemma: str = noun.lemma_.lower()
    return words.CURRENCY_WORDS.get(lemma, lemma)
