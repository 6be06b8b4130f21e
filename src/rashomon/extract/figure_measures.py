"""The unit written right after a figure's amount: a percent ("5 per cent"), a currency named after it ("688
billion won", "1.3 million pounds"), a measure from the unit tables ("3.4 gigawatts", "km2"), an age or a multiplier
("2,900 year-old", "six times"). `figure_units` reads the rest (counted nouns, ranges, rates, parts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rashomon.extract.figure_amounts import DIGIT, follows, lemma_of, measure_name
from rashomon.extract.figure_nouns import NOUNS, Unit, without_full_stop
from rashomon.extract.lexicon import figure_words as words
from rashomon.extract.lexicon import unit_names

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def percent_after(doc: Doc, after: int) -> Unit | None:
    """A percent after the amount: "percent", "%", "per cent", "per-cent", "percentage points"."""
    if doc[after].lower_ in words.PERCENT_WORDS:
        return Unit(end=after, unit="percent")
    if follows(doc, after - 1, ("per", "cent")):
        return Unit(end=after + 1, unit="percent")
    if follows(doc, after - 1, ("per", "-", "cent")):
        return Unit(end=after + 2, unit="percent")  # "a 49.9 per-cent stake"
    return phrase_unit(doc, after, {("percentage", "point"): "percentage point"})


def _won_as_a_verb(doc: Doc, at: int) -> bool:
    """Whether "won" after an amount is the verb: an object or "by" follows it ("1 million won prizes", "won by
    the team", "won the lottery"), where the currency ends its phrase ("688 billion won in sales", "won ($1m)")."""
    following = doc[at + 1] if at + 1 < len(doc) else None
    return following is not None and (following.pos_ in _OBJECT_POS or following.lower_ == "by")


_OBJECT_POS = frozenset({"DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"})


def currency_after(doc: Doc, after: int) -> Unit | None:
    """A currency named after the amount: "euros", "Australian dollars", "110 JPY", "1,200€"."""
    tok = doc[after]
    if tok.text.rstrip("=") in words.CURRENCY_CODES:
        return Unit(end=after, unit=tok.text.rstrip("="))
    if tok.text in words.CURRENCY_SYMBOLS and tok.text != "$":
        return Unit(end=after, unit=words.CURRENCY_SYMBOLS[tok.text])
    for size in (2, 3):
        if after + size - 1 < len(doc):
            national = national_currency(doc[after + size - 2], doc[after + size - 1])
            if national is not None:
                return Unit(end=after + size - 1, unit=national)
    lemma = _currency_lemma(tok)
    if lemma in words.CURRENCY_WORDS:
        return Unit(end=after, unit=words.CURRENCY_WORDS[lemma])
    if lemma == "pound" and _in_millions(doc[after - 1]):
        return Unit(end=after, unit="GBP")  # "1.3 million pounds" is money; "208 pounds" a weight
    if tok.lower_ == "won" and _in_millions(doc[after - 1]) and not _won_as_a_verb(doc, after):
        return Unit(end=after, unit="KRW")  # the model lemmatises "won" as "win": "688 billion won" is money
    return None


def national_currency(adjective: Token, noun: Token) -> str | None:
    """The currency two tokens name by its country ("Danish kroner", "Swiss francs"), or None."""
    return words.NATIONAL_CURRENCIES.get((adjective.lower_, _currency_lemma(noun)))


def _currency_lemma(tok: Token) -> str:
    """The lemma of a currency word, with a plural the model left whole ("euros" tagged as a singular noun)."""
    lemma = lemma_of(tok)
    if lemma not in words.CURRENCY_WORDS and lemma.endswith("s") and lemma[:-1] in words.CURRENCY_WORDS:
        return lemma[:-1]
    return lemma


def _in_millions(tok: Token) -> bool:
    """Whether an amount ends on a scale of a million or more: "1.3 million", "5bn"."""
    if words.SCALES.get(tok.lower_, 0) >= 1e6:
        return True
    return DIGIT.search(tok.text) is not None and tok.lower_.endswith(("m", "mn", "mln", "bn"))


def measure_after(doc: Doc, after: int) -> Unit | None:
    """A measure after the amount, in one token ("km", "miles") or a phrase ("sq m", "degrees Celsius")."""
    phrase = phrase_unit(doc, after, words.UNIT_PHRASES)
    if phrase is not None:
        return phrase
    tok = doc[after]
    if after + 2 < len(doc) and doc[after + 1].text == "/" and not tok.whitespace_ and not doc[after + 1].whitespace_:
        slashed = words.SLASH_UNITS.get(f"{tok.text}/{without_full_stop(doc[after + 2])}")
        if slashed is not None:
            return Unit(end=after + 2, unit=slashed)  # "b/d"
    if tok.text in words.NOUN_SYMBOLS and _describes_next(tok):
        return None  # "two bar staff": the noun is what is counted
    if len(tok.text) == 1 and after + 1 < len(doc) and doc[after + 1].text == "-" and not tok.whitespace_:
        return None  # "3 T-shirts", "five A-levels": a letter hyphened to a noun names it
    name = measure_name(tok.text) or words.UNIT_WORDS.get(lemma_of(tok))
    if name is None and not doc[after - 1].whitespace_ and DIGIT.search(doc[after - 1].text):
        name = words.GLUED_UNIT_SYMBOLS.get(tok.text)  # "4in", split off its number by the tokenizer
        name = name or (words.GENERATION_UNIT if _mobile_generation(doc, after) else None)
    end, name = unit_names.reading(doc, after, name)  # quantulum3's: "hectolitres", "TeV", "2.5 F" by a capacitor
    return Unit(end=end, unit=name) if name else None


def _mobile_generation(doc: Doc, at: int) -> bool:
    """Whether a "G" glued to a whole number from 2 to 6 names a mobile network's generation ("its 5G network",
    "54GB of 5G data"): only beside a word of phones or networks, as "pulled 9G", "3G during launch" is g-force."""
    number = doc[at - 1]
    if doc[at].text != "G" or not number.text.isdigit() or not 2 <= int(number.text) <= 6:
        return False
    near = doc[max(0, at - 6) : at + 6]
    return any(tok.lower_ in words.NETWORK_WORDS or lemma_of(tok) in words.NETWORK_WORDS for tok in near)


def _describes_next(tok: Token) -> bool:
    """Whether the noun after ``tok`` is one ``tok`` describes ("bar staff", "bar workers")."""
    doc = tok.doc
    if tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    return nxt.pos_ in NOUNS and (tok.head.i == nxt.i or tok.dep_ in ("compound", "amod"))


def phrase_unit(doc: Doc, after: int, table: dict[tuple[str, ...], str]) -> Unit | None:
    """A unit written in two to four words, or with hyphens between them ("basis-point")."""
    first = lemma_of(doc[after])
    if not any(key[0] == first for key in table):
        return None
    for size in (4, 3, 2):
        end = after + size
        if end <= len(doc):
            key = (first, *(lemma_of(doc[k]) for k in range(after + 1, end)))
            if key in table:
                return Unit(end=end - 1, unit=table[key])
    for size in (5, 3):
        end = after + size
        if end <= len(doc) and all(doc[k].text == "-" for k in range(after + 1, end, 2)):
            key = (first, *(lemma_of(doc[k]) for k in range(after + 2, end, 2)))
            if key in table:
                return Unit(end=end - 1, unit=table[key])
    return None


def time_unit_after(doc: Doc, after: int) -> Unit | None:
    """ "2,900 year-old site", "six times": an age or a multiplier, before the counted-noun reading takes the noun
    after it."""
    word = doc[after].lower_
    if word in words.TIME_UNITS and (follows(doc, after, ("-", "old")) or follows(doc, after, ("old",))):
        return Unit(end=after, unit=words.TIME_UNITS[word])
    if word in words.MULTIPLIER_WORDS:
        return Unit(end=after, unit="times")
    if word in words.TIME_UNITS and doc[after].pos_ == "ADJ":
        return Unit(end=after, unit=words.TIME_UNITS[word])  # "a 4.3 second 40 yard dash": "second" read as "2nd"
    return None
