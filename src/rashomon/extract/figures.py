"""Find the figures in an article: numbers with their qualifier and what they count.

Steps: ``_amounts`` finds number runs ("1.5 million", "twenty-five", "a dozen") and vague amounts ("dozens"),
``_is_ruled_out`` drops dates, clock times, ordinals, ids and numbers inside names, ``_find_unit`` finds what the
amount counts (percent, money, a hyphenated unit, the counted noun or "of" noun phrase), ``_qualifier`` the words
that make it inexact. Every figure is a ``[start, end)`` range of ``doc.text`` covering the whole phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LOWER, POS, TAG
from spacy.symbols import NUM

from rashomon.extract.lexicon import figure_words as words
from rashomon.model import Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_DIGIT_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
_YEAR = re.compile(r"1\d{3}|20\d{2}|2100")
# Words an amount may start with besides numbers; tokens tagged as numbers need no list.
_OPENING_WORDS = sorted(words.VAGUE_OF_WORDS | words.VAGUE_DETERMINERS | set(words.SCALES) | {"a", "an"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Tokens allowed between a number and its counted noun ("six heavily armed Armenian troops").
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "ADV", "VERB", "PUNCT"})
# Dependency labels under which a number with no counted noun is still a figure ("the toll rose to 12").
_BARE_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj", "conj"})


@dataclass(frozen=True, slots=True)
class _Amount:
    """Tokens ``first..last`` (inclusive) giving an amount; ``value`` None for a vague amount."""

    first: int
    last: int
    value: float | None


@dataclass(frozen=True, slots=True)
class _Unit:
    """What an amount counts: the last token of the figure, the unit and a phrase for the counted thing."""

    end: int
    unit: str | None
    about: str | None = None
    plural: bool = False


def find_figures(doc: Doc, article_id: str, exclude: Sequence[tuple[int, int]] = ()) -> tuple[Figure, ...]:
    """The figures in ``doc`` in text order, none overlapping another or any ``exclude`` character range."""
    figures: list[Figure] = []
    taken_end = -1
    for amount in _amounts(doc):
        if _is_ruled_out(doc, amount):
            continue
        figure = _build_figure(doc, article_id, amount)
        if figure is None or figure.start < taken_end:
            continue
        if any(figure.start < end and start < figure.end for start, end in exclude):
            continue
        figures.append(figure)
        taken_end = figure.end
    return tuple(figures)


def _amount_starts(doc: Doc) -> list[int]:
    """Numbers of the tokens an amount can start at (read from the document's arrays, not token by token)."""
    pos, tag, lower = doc.to_array([POS, TAG, LOWER]).T
    strings = doc.vocab.strings
    opening = np.isin(lower, [strings.add(w) for w in _OPENING_WORDS])
    found: list[int] = np.nonzero((pos == NUM) | (tag == strings.add("CD")) | opening)[0].tolist()
    return found


def _amounts(doc: Doc) -> Iterator[_Amount]:
    """Number runs and vague amounts, left to right, not overlapping."""
    following = 0  # the first token after the last amount read
    for i in _amount_starts(doc):
        if i < following:
            continue
        tok = doc[i]
        if tok.lower_ in words.VAGUE_OF_WORDS or tok.lower_ in words.VAGUE_DETERMINERS:
            last = _vague_end(doc, i)
            yield _Amount(first=i, last=last, value=None)
            following = last + 1
        elif _starts_number(doc, i):
            last = _run_end(doc, i)
            value = _run_value(doc[i : last + 1])
            if value is not None:
                yield _Amount(first=i, last=last, value=value)
            following = last + 1


def _starts_number(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.lower_ in ("a", "an"):
        return i + 1 < len(doc) and doc[i + 1].lower_ in words.SCALES
    return bool(tok.pos_ == "NUM" or tok.tag_ == "CD" or tok.lower_ in words.SCALES)


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


def _run_value(tokens: Iterable[Token]) -> float | None:
    """The value of a number run, or None when a token is not a number we can read."""
    total = 0.0
    current = 0.0
    for tok in tokens:
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
        elif _DIGITS.fullmatch(word) and not (len(word) > 1 and word[0] == "0" and word[1] != "."):
            current += float(word.replace(",", ""))
        else:
            return None
    return total + current


def _vague_end(doc: Doc, i: int) -> int:
    """The last token of a vague amount: "tens of thousands" ends on "thousands"."""
    last = i
    while last + 2 < len(doc) and doc[last + 1].lower_ == "of" and doc[last + 2].lower_ in words.VAGUE_OF_WORDS:
        last += 2
    return last


def _is_ruled_out(doc: Doc, amount: _Amount) -> bool:
    """Ordinals, numbers inside names, day numbers of dates, clock times and ids are not figures."""
    run = doc[amount.first : amount.last + 1]
    if any(
        tok.lower_ in words.ORDINAL_WORDS or _DIGIT_ORDINAL.fullmatch(tok.text) or tok.ent_type_ == "ORDINAL"
        for tok in run
    ):
        return True
    if amount.value is not None and any(tok.ent_type_ in words.NAME_ENTITY_TYPES for tok in run):
        return True
    before = doc[amount.first - 1] if amount.first > 0 else None
    after = doc[amount.last + 1] if amount.last + 1 < len(doc) else None
    if any(tok is not None and _is_month(tok) for tok in (before, after, run.root.head)):
        return True
    if after is not None and after.lower_ in words.TIME_OF_DAY:
        return True
    return _follows_id_word(doc, amount.first)


def _is_month(tok: Token) -> bool:
    return bool(tok.text[:1].isupper() and tok.text.rstrip(".").lower() in words.MONTHS)


def _follows_id_word(doc: Doc, first: int) -> bool:
    """True for "ID: 318272", "No. 5", "#3"."""
    i = first - 1
    while i >= 0 and doc[i].text in (":", "-"):
        i -= 1
    return i >= 0 and doc[i].lower_ in words.ID_WORDS


def _build_figure(doc: Doc, article_id: str, amount: _Amount) -> Figure | None:
    unit = _find_unit(doc, amount)
    if not _keeps(doc, amount, unit):
        return None
    first = amount.first
    money = _currency_symbol(doc, first)
    if money is not None:  # "$2 million": the figure ends on the amount, whatever noun follows
        first -= 1
        unit = _Unit(end=amount.last, unit=money)
    first, qualifier, inexact = _qualifier(doc, first)
    start = doc[first].idx
    end = doc[unit.end].idx + len(doc[unit.end].text)
    return Figure(
        id=f"{article_id}:figure:{start}-{end}",
        article=article_id,
        start=start,
        end=end,
        value=amount.value,
        unit=unit.unit,
        approx=inexact or amount.value is None,
        qualifier=qualifier,
        about=unit.about,
    )


def _keeps(doc: Doc, amount: _Amount, unit: _Unit) -> bool:
    """Whether an amount with this unit is a figure: "one", "several", years and bare numbers need context."""
    head = doc[amount.first]
    word = head.lower_
    if amount.value is None:
        needs_noun = word in words.VAGUE_DETERMINERS or word in words.VAGUE_NEEDS_OF
        return unit.unit is not None or not needs_noun
    if unit.unit is None and word == "one":
        return False
    if _currency_symbol(doc, amount.first) is not None:
        return True
    if amount.first == amount.last and _YEAR.fullmatch(head.text):
        before = doc[amount.first - 1].lower_ if amount.first > 0 else ""
        return unit.plural and before not in words.YEAR_PREPOSITIONS
    if unit.unit is not None:
        return True
    previous = doc[amount.first - 1] if amount.first > 0 else None
    return doc[amount.first : amount.last + 1].root.dep_ in _BARE_DEPS and (
        previous is None or previous.pos_ != "PROPN"
    )


def _currency_symbol(doc: Doc, first: int) -> str | None:
    if first == 0:
        return None
    return words.CURRENCY_SYMBOLS.get(doc[first - 1].lower_)


def _qualifier(doc: Doc, first: int) -> tuple[int, str | None, bool]:
    """The qualifier before token ``first``: (new first token, phrase lower-cased, approximate)."""
    for size in (3, 2, 1):
        if first - size < 0:
            continue
        phrase = doc[first - size : first]
        key = tuple(tok.lower_ for tok in phrase)
        if key in words.QUALIFIERS and phrase[-1].dep_ != "prt":
            return first - size, " ".join(key), words.QUALIFIERS[key]
    return first, None, False


def _find_unit(doc: Doc, amount: _Amount) -> _Unit:
    """What the amount counts; a unit of None (ending on the amount) when nothing is found."""
    bare = _Unit(end=amount.last, unit=None)
    after = amount.last + 1
    if after >= len(doc):
        return bare
    if amount.value is None:
        return _of_phrase(doc, amount) or _noun_after(doc, amount) or bare
    if doc[after].lower_ in words.PERCENT_WORDS:
        return _Unit(end=after, unit="percent")
    if after + 1 < len(doc) and doc[after].lower_ == "per" and doc[after + 1].lower_ == "cent":
        return _Unit(end=after + 1, unit="percent")
    if doc[after].lemma_.lower() in words.CURRENCY_WORDS:
        return _Unit(end=after, unit=words.CURRENCY_WORDS[doc[after].lemma_.lower()])
    return _hyphen_unit(doc, amount) or _noun_after(doc, amount) or bare


def _of_phrase(doc: Doc, amount: _Amount) -> _Unit | None:
    """The noun counted by a vague amount through "of": "dozens of people"."""
    of = doc[amount.last + 1]
    if of.lower_ != "of":
        return None
    nouns = [child for child in of.children if child.dep_ == "pobj" and child.pos_ in _NOUNS]
    if not nouns:
        return None
    noun = nouns[0]
    return _Unit(end=noun.i, unit=_unit_name(noun), about=_about(doc, of.i + 1, noun.i), plural=True)


def _hyphen_unit(doc: Doc, amount: _Amount) -> _Unit | None:
    """A hyphenated unit, "six-week war": the unit is "week" and the figure runs to the noun it describes."""
    hyphen = amount.last + 1
    if doc[hyphen].text != "-" or hyphen + 1 >= len(doc) or doc[hyphen + 1].pos_ != "NOUN":
        return None
    unit_tok = doc[hyphen + 1]
    described = unit_tok.head
    if described.i == unit_tok.i + 1 and described.pos_ in _NOUNS:
        return _Unit(end=described.i, unit=_unit_name(unit_tok), about=described.text)
    return _Unit(end=unit_tok.i, unit=_unit_name(unit_tok))


def _noun_after(doc: Doc, amount: _Amount) -> _Unit | None:
    """The counted noun: the amount's syntactic head when it follows closely, else a close plural noun."""
    run = doc[amount.first : amount.last + 1]
    head = run.root.head
    if (
        head.pos_ in _NOUNS
        and 0 < head.i - amount.last <= 4
        and all(tok.pos_ in _MODIFIER_POS and tok.text != "," for tok in doc[amount.last + 1 : head.i])
    ):
        return _noun_unit(doc, amount, head)
    for i in range(amount.last + 1, min(amount.last + 4, len(doc))):
        tok = doc[i]
        if tok.tag_ in _PLURAL_TAGS:
            return _noun_unit(doc, amount, tok)
        if tok.pos_ not in ("ADJ", "PROPN"):
            break
    return None


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
