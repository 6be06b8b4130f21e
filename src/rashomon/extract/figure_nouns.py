"""What a number counts when no currency or measure is written with it: the noun after it ("1,200 engineers",
"28 Airbus A350s", "two co-workers"), named in its reported form (singular lemma, time units normalised) with the
words that describe it ("the top three seeds" counts top seeds). `figure_units` reads measures, currencies and
rates, and falls back on this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rashomon.extract.figure_amounts import (
    DIGIT,
    PLURAL_TAGS,
    YEAR,
    Amount,
    is_month,
    lemma_of,
    read_token,
)
from rashomon.extract.figure_ranges import QUALIFIER_WORDS
from rashomon.extract.lexicon import figure_words as words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NOUNS = frozenset({"NOUN", "PROPN"})
# Tokens allowed between a number and its counted noun ("six heavily armed Armenian troops").
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "ADV", "VERB", "PUNCT"})
# A model number written plural: "3s", "737s", "A380s", "F-35s".
_PLURAL_MODEL = re.compile(r"[A-Z]*-?\d+s")


@dataclass(frozen=True, slots=True)
class Unit:
    """What an amount counts: the last token of the figure, the unit and a phrase for the counted thing."""

    end: int
    unit: str | None
    about: str | None = None
    plural: bool = False


def counted_noun(doc: Doc, amount: Amount) -> Unit | None:
    """The counted noun: the amount's syntactic head when it follows closely, else a close plural noun."""
    run = doc[amount.first : amount.last + 1]
    head = run.root.head
    if head.i + 1 < len(doc) and plural_model(doc[head.i + 1]):
        head = doc[head.i + 1]  # "28 Airbus A350s", the maker parsed as the head
    if head.lower_ in words.TIME_UNITS and doc[head.i - 1].lower_ in words.TIME_DETERMINERS:
        return None  # "2.1 last year": the year is when, not what is counted
    if (
        head.pos_ in NOUNS
        and not _counts_nothing(head)
        and (not DIGIT.search(head.text) or plural_model(head))
        and any(c.isalpha() for c in head.text)  # not a sign the parse took for a noun ("10^6")
        and head.i > amount.last
        and sum(not tok.is_punct for tok in doc[amount.last + 1 : head.i]) <= _modifiers_allowed(run, head)
        and all(
            (tok.pos_ in _MODIFIER_POS and tok.text != ",") or _model_number(doc, tok) or _hyphened_particle(doc, tok)
            for tok in doc[amount.last + 1 : head.i]
        )
    ):
        return _noun_unit(doc, amount, _compound_head(doc, head))
    for i in range(amount.last + 1, min(amount.last + 5, len(doc))):
        tok = doc[i]
        if tok.tag_ in PLURAL_TAGS and not DIGIT.search(tok.text) and any(c.isalpha() for c in tok.text):
            return None if _counts_nothing(tok) else _noun_unit(doc, amount, tok)
        if tok.pos_ not in ("ADJ", "PROPN") and not (tok.pos_ == "CCONJ" and doc[i - 1].pos_ == "ADJ"):
            if _participle_before_plural(doc, tok):
                continue  # "60 pledged delegates", the participle parsed as the sentence's verb
            # the number must hang from what follows (or from the low end of its range), not from a name before
            # it: "iPhone 11 Pro cameras" names the phone
            forward = run.root.head.i > amount.last or run.root.head.like_num
            compound = forward and tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.i > tok.i
            compound = compound and (tok.is_alpha or tok.text[:1].isupper())  # "12 A380 jets", not "+1.2 %"
            if not compound or YEAR.fullmatch(doc[amount.last].text):  # "1900 world temperatures": a date
                break  # "4.3M digital and physical sales" counts the sales, "5-7 rate cuts" the cuts
    return None


def _modifiers_allowed(run: Span, head: Token) -> int:
    """How many words may stand between a number and its counted noun: three ("700 so-called "ghost" flights"),
    four when the parse hangs the number on the noun itself ("11 popular open source software projects")."""
    return 4 if run.root.dep_ == "nummod" and run.root.head.i == head.i else 3


def _participle_before_plural(doc: Doc, tok: Token) -> bool:
    """Whether a word in "-ed" right before a plural noun describes it ("won 44 pledged delegates", "has 60 pledged
    delegates"), whatever tag the parse gave it; not a past tense with no verb before it in its sentence, which is
    the sentence's verb ("in the end 12 earned medals"), nor a verb the number is the subject of ("of the 50, 12
    wanted changes")."""
    if tok.tag_ not in ("VBN", "VBD") or not tok.lower_.endswith("ed") or tok.i + 1 >= len(doc):
        return False
    start = tok.sent.start if doc.has_annotation("SENT_START") else 0
    if tok.tag_ == "VBD" and not any(t.pos_ in ("VERB", "AUX") for t in doc[start : tok.i]):
        return False  # "12 earned medals": the verb of the clause, its number a subject the parse did not see
    noun = doc[tok.i + 1]
    subject = any(child.dep_ in ("nsubj", "nsubjpass") and child.like_num for child in tok.children)
    return noun.tag_ in PLURAL_TAGS and noun.pos_ == "NOUN" and not subject  # "12 wanted changes": a clause


def plural_model(tok: Token) -> bool:
    """A model number made plural after its maker's or range's name ("63,150 Model 3s", "40 Boeing 737s"): things
    counted."""
    previous = tok.doc[tok.i - 1] if tok.i > 0 else None
    named = previous is not None and previous.pos_ == "PROPN" and previous.text[:1].isupper()
    return named and _PLURAL_MODEL.fullmatch(tok.text) is not None


def _counts_nothing(noun: Token) -> bool:
    """A noun after a number that is not what it counts: a month or weekday ("from 9 to 11 March"), or the label
    of the next entry of a flattened fact box ("Population: 8,400,000 Area: 783 sq km")."""
    doc = noun.doc
    if is_month(noun) or (noun.lower_ in words.WEEKDAY_WORDS and noun.text[:1].isupper()):
        return True
    # A label is capitalised, as an entry of a box starts ("Area:"); "after 36 stages:" opens a list
    return noun.text[:1].isupper() and noun.i + 1 < len(doc) and doc[noun.i + 1].text == ":"


def _compound_head(doc: Doc, noun: Token) -> Token:
    """The noun a singular counted noun is a compound of, close after it: "11 member trade agreement" counts
    agreements of 11 members, named by the whole compound; not a time unit ("5 year deal")."""
    head = noun.head
    if noun.dep_ != "compound" or noun.tag_ != "NN" or noun.lower_ in words.TIME_UNITS:
        return noun
    if not doc[noun.i - 1].whitespace_:
        return noun  # "5G data": the letter is written on the number
    if head.pos_ != "NOUN" or not 0 < head.i - noun.i <= 3:
        return noun
    between = doc[noun.i + 1 : head.i]
    return head if all(tok.dep_ == "compound" and tok.pos_ == "NOUN" for tok in between) else noun


def _hyphened_particle(doc: Doc, tok: Token) -> bool:
    """A particle glued by a hyphen to the word before it, inside a compound before a counted noun: the "up" of
    "two follow-up visits", the "in" of "three plug-in cars"; not one glued to a number ("five-under rounds": par)."""
    if tok.i < 2 or tok.pos_ not in ("ADP", "PART") or doc[tok.i - 1].text != "-" or doc[tok.i - 2].like_num:
        return False
    return not doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_


def _model_number(doc: Doc, tok: Token) -> bool:
    """A number inside a name before a counted noun: the "737" of "two new 737 Max jets", a model written with
    letters and digits in one token ("48 F-35 jets", "two 5G phones")."""
    mixed = DIGIT.search(tok.text) and any(c.isalpha() for c in tok.text) and tok.pos_ in ("NUM", "PROPN", "NOUN")
    if mixed and not tok.text[0].islower() and read_token(tok.text) is None:
        return True  # not "6-foot-5", a height
    name = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.pos_ == "NUM" and name is not None and name.pos_ == "PROPN" and name.text[:1].isupper()


def _noun_unit(doc: Doc, amount: Amount, noun: Token) -> Unit:
    last = _hyphened_end(doc, noun)
    about = about_words(doc, amount.last + 1, last.i)
    before = _modifiers_before(doc, amount.first, noun)
    prefix = doc[noun.i : last.i].text.lower()  # "co-" of "two co-workers", which the tokenizer splits in three
    return Unit(
        end=last.i,
        unit=prefix + unit_name(last) if prefix else unit_name(noun),
        about=f"{before} {about}" if before and about else about,
        plural=last.tag_ in PLURAL_TAGS,
    )


def _hyphened_end(doc: Doc, noun: Token) -> Token:
    """The last word of a noun written with hyphens and split by the tokenizer ("co", "-", "workers"; "e", "-",
    "mails"): the counted noun is the whole word, named by its last part. Not after an inflected word ("men-sons",
    a dash written short), as no prefix is."""
    last = noun
    if lemma_of(noun) != noun.lower_:
        return noun
    while (
        last.i + 2 < len(doc)
        and doc[last.i + 1].text == "-"
        and not last.whitespace_
        and not doc[last.i + 1].whitespace_
        and doc[last.i + 2].is_alpha
        and doc[last.i + 2].pos_ in NOUNS
    ):
        last = doc[last.i + 2]
    return last


def _modifiers_before(doc: Doc, first: int, noun: Token) -> str:
    """The words before a number that modify the noun it counts, which say what is counted as the words after it
    do: "the top three seeds" counts top seeds, "a record 32 goals" record goals. Not for a length of time ("the
    past two years") nor a qualifier or stress ("an estimated 100 residents", "a whopping 80 million")."""
    if noun.lower_ in words.TIME_UNITS:
        return ""
    at = first - 1
    while (
        at >= 0
        and doc[at].head.i == noun.i
        and doc[at].text.isalpha()
        and doc[at].dep_ in ("amod", "nmod", "compound")
        and doc[at].pos_ in ("ADJ", "NOUN")
        and doc[at].lower_ not in QUALIFIER_WORDS
    ):
        at -= 1
    return doc[at + 1 : first].text


def about_words(doc: Doc, first: int, last: int) -> str | None:
    """The counted noun with its modifiers, tokens ``first..last``, leading determiners dropped."""
    while first <= last and doc[first].pos_ in ("DET", "PRON"):
        first += 1
    if first > last:
        return None
    return doc[first:last].text_with_ws + without_full_stop(doc[last]) or None


def without_full_stop(tok: Token) -> str:
    """A token's text without the full stop the tokenizer left on it at a sentence end: a number ("65W.",
    "USD10m.") or a short symbol it took for an abbreviation ("5 N.", "470 Ω."); not "U.S." nor "p.m.", whose
    stops are their own."""
    text: str = tok.text
    if len(text) < 2 or text[-1] != "." or not text[-2].isalpha():
        return text
    if DIGIT.search(text):
        return text[:-1]
    if "." in text[:-1]:
        return text
    doc = tok.doc
    last = tok.i + 1 == len(doc) or bool(doc[tok.i + 1].is_sent_start) or doc[tok.i + 1].is_space
    return text[:-1] if last and len(text) <= 4 else text


def unit_name(noun: Token) -> str:
    """The counted noun in its reported form: singular lemma, time units normalised, nationalities singular."""
    stopped = without_full_stop(noun)
    if stopped != noun.text:
        return stopped.lower()  # "5 N.": the lemma would keep the stop
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
