"""Find the figures in an article: numbers with their qualifier, what they count or measure, and what they are of.

Steps: ``read_amounts`` (`figure_amounts`) finds amounts: number runs ("1.5 million", "twenty-five", "two and a
half"), numbers glued to a sign, scale or unit ("$13.6M", "RM23.50", "6kW", "minus-5"), fractions ("two-thirds of"),
ratios ("one in five") and vague amounts ("dozens"); ``_is_ruled_out`` drops dates, clock times, ordinals, ids,
addresses and numbers inside names; ``find_unit`` (`figure_units`) finds what the amount counts or measures (percent,
money in a currency, a measure from the unit tables, an age, the counted noun or "of" noun phrase) and a rate after it
("per barrel", "a month"); ``elided_units`` (`figure_elided`) gives a bare number the unit a parallel clause or a
comparison leaves unsaid ("rose by 2 percent and the Nasdaq by 1", "up from 2.9 million"); ``_qualifier`` the words
that bound it; ``find_referents`` (`figure_referents`) what it is said of; ``find_direction`` (`figure_direction`) the
way it moved when it is the size of a change ("rose 5%": up). Every figure is a ``[start, end)`` range of the
document's text covering the whole phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rashomon.extract.figure_amounts import (
    DIGIT,
    DIGIT_ORDINAL,
    PLURAL_TAGS,
    YEAR,
    Amount,
    currency_before,
    dollar_country_after,
    follows,
    is_month,
    lemma_of,
    measure_name,
    money_scale,
    read_amounts,
    read_token,
    starts_number,
)
from rashomon.extract.figure_direction import find_direction
from rashomon.extract.figure_elided import BARE_DEPS, elided_units, sentence_of
from rashomon.extract.figure_measures import national_currency
from rashomon.extract.figure_nouns import Unit, plural_model, without_full_stop
from rashomon.extract.figure_ranges import range_scale
from rashomon.extract.figure_referents import find_referents
from rashomon.extract.figure_units import TIME_UNIT_NAMES, find_unit
from rashomon.extract.lexicon import figure_words as words
from rashomon.extract.lexicon import unit_names
from rashomon.extract.nlp import text_of
from rashomon.model import Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_QUALIFIER_ENDS = frozenset(key[-1] for key in words.QUALIFIERS)
# Words a hyphen joins to a number that still gives an amount: "mid-30s", "10-to-1", "minus-5".
_COMPOUND_NUMBER_WORDS = frozenset({"mid", "to", "minus", "plus", "negative", "and", "or"})
# Nouns of a contest that "over" follows as a preposition: "a 2-0 win over ten-man Reading" bounds nothing.
_CONTEST_NOUNS = frozenset({"win", "victory", "triumph"})


# Telephone numbers by their shape: a country code and groups ("+44 20 7946 0958"), a trunk zero and groups ("0800
# 123 4567"), groups joined by hyphens ("1-800-273-8255", "(555) 123-4567", "555-1234"). The last needs an exchange
# that is not a round number, as the low end of a range written so is ("100-1000 troops").
_TELEPHONE = re.compile(
    r"(?<![\d,.])(?:\+\d{1,3}(?: \(?\d{1,5}\)?){2,}|0\d{2,4} \d{3,4} \d{3,4}|(?:1-)?\d{3}-\d{3}-\d{4}"
    r"|\(\d{3}\) ?\d{3}-\d{4}|\d\d[1-9]-\d{4})(?![\d,])"
)
# A thousands comma, which no score, year or telephone number is written with.
_THOUSANDS_COMMA = re.compile(r"\d,\d{3}(?!\d)")
# How far around an amount a telephone number is looked for, in characters.
_TELEPHONE_REACH = 24

# The numbers a day of the month can be.
_DAYS_OF_MONTH = frozenset(float(day) for day in range(1, 32))


def find_figures(doc: Doc, article_id: str, exclude: Sequence[tuple[int, int]] = ()) -> tuple[Figure, ...]:
    """The figures in ``doc`` in text order, none overlapping another or any ``exclude`` character range."""
    figures: list[tuple[Figure, int, int]] = []
    taken_end = -1
    for amount in read_amounts(doc):
        if _is_ruled_out(doc, amount):
            continue
        built = _build_figure(doc, article_id, amount)
        if built is None or built[0].start < taken_end:
            continue
        if _in_time(doc, amount, built[0], exclude):
            continue
        figures.append(built)
        taken_end = built[0].end
    sentence_starts = _sentence_starts(doc)
    figures = elided_units(doc, figures, sentence_starts)
    # Each figure's referents skip the figures of its own sentence only: every figure of a long table or box score
    # would make the work grow with the square of the figures.
    tokens: dict[int, set[int]] = {}
    for _, first, last in figures:
        tokens.setdefault(sentence_of(sentence_starts, first), set()).update(range(first, last + 1))
    return tuple(
        replace(
            f,
            referents=find_referents(
                doc,
                first,
                last,
                tokens[sentence_of(sentence_starts, first)],
                counted=f.about is not None or f.unit is None,
            ),
            direction=find_direction(doc, first, last, f),
        )
        for f, first, last in figures
    )


def _sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence, in order (one sentence for a document without sentence boundaries)."""
    return [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]


def _in_time(doc: Doc, amount: Amount, figure: Figure, exclude: Sequence[tuple[int, int]]) -> bool:
    """Whether a time expression takes the figure: its amount ("2019", "at 5pm") or a unit that is not a rate ("$5 a
    month" keeps its rate). A length of time stays a figure as well as a time ("for 30 years", "two years later"), as
    does an age ("three years of age")."""
    length = (figure.unit or "").removesuffix(" of age")
    if length in TIME_UNIT_NAMES and (figure.value is not None or amount.dashed):
        return False
    amount_end = doc[amount.last].idx + len(doc[amount.last].text)
    if any(doc[amount.first].idx < end and start < amount_end for start, end in exclude):
        return True
    rate = figure.unit is not None and " per " in figure.unit
    return not rate and figure.unit is not None and any(figure.start < e and s < figure.end for s, e in exclude)


def _is_ruled_out(doc: Doc, amount: Amount) -> bool:
    """Ordinals, numbers inside names, day numbers of dates, clock times, addresses and ids are not figures."""
    run = [doc[k] for k in range(amount.first, amount.last + 1)]
    of_a_scale = len(run) > 1 and run[-1].lower_ in words.SCALES  # "a third of a billion": a number, no ordinal
    if (
        not amount.fraction
        and not of_a_scale
        and any(
            tok.lower_ in words.ORDINAL_WORDS
            or DIGIT_ORDINAL.fullmatch(tok.text)
            or (tok.ent_type_ == "ORDINAL" and not DIGIT.search(tok.text))
            for tok in run
        )
    ):
        return True
    before = doc[amount.first - 1] if amount.first > 0 else None
    after = doc[amount.last + 1] if amount.last + 1 < len(doc) else None
    root = run[0] if len(run) == 1 else doc[amount.first : amount.last + 1].root
    # Beside a month, a day or a year ("May 5", "March 2020"); not a count ("In May 450 people were arrested").
    written = doc[amount.first : amount.last + 1].text
    could_be_date = YEAR.fullmatch(written) or (amount.value is not None and amount.value in _DAYS_OF_MONTH)
    if could_be_date and any(tok is not None and is_month(tok) for tok in (before, after, root.head)):
        return True
    if could_be_date and _first_day_of(doc, amount.last):
        return True
    if after is not None and (after.lower_ in words.TIME_OF_DAY or _names_a_thing(doc, after, before)):
        return True
    return _in_telephone_number(doc, amount) or _follows_id_word(doc, amount) or _ends_compound(doc, amount.first)


def _ends_compound(doc: Doc, first: int) -> bool:
    """Whether a number ends a hyphened compound that starts on a word: "top-four hopes", "one-on-one chances",
    "under-21 squad" rank or name, as "top-10" in one token does; not "mid-30s" nor "10-to-1"."""
    if first < 2 or doc[first - 1].text != "-" or doc[first - 1].whitespace_ or doc[first - 2].whitespace_:
        return False
    word = doc[first - 2]
    return word.is_alpha and not word.like_num and word.lower_ not in _COMPOUND_NUMBER_WORDS


def _in_telephone_number(doc: Doc, amount: Amount) -> bool:
    """Whether an amount is a part of a telephone number written around it ("+44 20 7946 0958", "123-4567")."""
    start = doc[amount.first].idx
    end = doc[amount.last].idx + len(doc[amount.last].text)
    text = text_of(doc)
    window = _TELEPHONE.finditer(text, max(0, start - _TELEPHONE_REACH), min(len(text), end + _TELEPHONE_REACH))
    return any(found.start() < end and start < found.end() for found in window)


def _first_day_of(doc: Doc, last: int) -> bool:
    """Whether a number ending on token ``last`` opens a span of days of a month: "from 9 to 11 March", "9-11
    June"."""
    if last + 3 >= len(doc) or doc[last + 1].lower_ not in ("to", "-", "–", "and"):
        return False
    day = doc[last + 2]
    return day.text.isdigit() and float(day.text) in _DAYS_OF_MONTH and is_month(doc[last + 3])


def _names_a_thing(doc: Doc, after: Token, before: Token | None) -> bool:
    """A capitalised singular name right after a number: "11 Pro", "787 Dreamliner", "575 Wilbraham Road"; not a
    unit, currency, acronym or place ("0.5 WAR", "$500 US"), nor a name before a counted noun ("96 Liverpool fans")
    unless a name comes before the number too ("Boeing 737 Max jets")."""
    text = after.text
    if not text[:1].isupper() or text.isupper() or after.pos_ != "PROPN" or after.tag_ != "NNP":
        return False
    if before is not None and before.text in words.CURRENCY_SYMBOLS:
        return False  # "WTI $78.10 Gold $1,950": money is no name's number
    nxt = doc[after.i + 1] if after.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == ":":
        return False  # the label of a fact box's next entry: "Injured: 5,678 Displaced: 10,000"
    if nxt is not None and national_currency(after, nxt) is not None:
        return False  # "3.2 billion Danish kroner"
    inside = before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() and not _says_when(before)
    counted = any(t.tag_ in PLURAL_TAGS or plural_model(t) for t in doc[after.i + 1 : after.i + 3])
    if after.ent_type_ in ("NORP", "GPE") or (counted and not inside):
        return False
    if measure_name(text) is not None or text in words.CURRENCY_CODES or text.lower() in words.CURRENCY_WORDS:
        return False
    if unit_names.symbol_unit(text, glued=False) is not None:
        return False  # "13 TeV", "5 Torr": a unit's symbol, not a name
    return text.lower() not in words.UNIT_WORDS and text.lower().rstrip("s") not in words.CURRENCY_WORDS


def _says_when(tok: Token) -> bool:
    """A day, date or time word ("On Tuesday 300 Amazon workers"): when, not part of a name."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in words.WEEKDAY_WORDS or is_month(tok)


def _follows_id_word(doc: Doc, amount: Amount) -> bool:
    """True for "ID: 318272", "No. 5", "#3"; not for a "no." that ends a sentence before a count ("The answer was
    no. 200 people voted"): an id names one thing, not a plural noun."""
    i = amount.first - 1
    stop = False
    while i > 0 and (doc[i].text in (":", "-") or (doc[i].text == "." and doc[i - 1].lower_ == "no")):
        stop = stop or doc[i].text == "."
        i -= 1  # "No. 2", which the tokenizer may split after "No"
    if i < 0 or doc[i].lower_ not in words.ID_WORDS:
        return False
    after = doc[amount.last + 1] if amount.last + 1 < len(doc) else None
    return not (stop and after is not None and after.tag_ in PLURAL_TAGS)


def _build_figure(doc: Doc, article_id: str, amount: Amount) -> tuple[Figure, int, int] | None:
    """The figure of an amount, with its first and last token; None when it is not kept."""
    first = amount.first
    priced = amount.value is not None or amount.dashed
    money = currency_before(doc, first) if amount.unit is None and priced else None
    if money is not None:  # "$2 million", "US $58": the figure starts on the sign
        code, first = money
        amount = dollar_country_after(doc, money_scale(doc, replace(amount, unit=code)))
    amount = range_scale(doc, amount)
    unit = find_unit(doc, amount)
    if not _keeps(doc, amount, unit, first):
        return None
    first, qualifier, inexact = _qualifier(doc, first)
    start = doc[first].idx
    end = doc[unit.end].idx + len(without_full_stop(doc[unit.end]))
    figure = Figure(
        id=f"{article_id}:figure:{start}-{end}",
        article=article_id,
        start=start,
        end=end,
        value=_rounded(amount.value),
        unit=unit.unit,
        approx=inexact or amount.value is None,
        qualifier=qualifier,
        about=unit.about,
        low=amount.bounds[0] if amount.bounds else None,
        high=amount.bounds[1] if amount.bounds else None,
    )
    return figure, first, unit.end


def _rounded(value: float | None) -> float | None:
    """A scaled value as written, without the binary noise of scaling it ("$4.1bn" is 4100000000, not
    4099999999.9999995); other values as they are ("1/3")."""
    if value is None:
        return None
    rounded = float(f"{value:.15g}")
    return rounded if rounded.is_integer() else value


def _keeps(doc: Doc, amount: Amount, unit: Unit, first: int) -> bool:
    """Whether an amount with this unit is a figure: "one", "several", years and bare numbers need context."""
    head = doc[amount.first]
    word = head.lower_
    if amount.value is None:
        return _keeps_unvalued(doc, amount, unit, word)
    if amount.ratio:
        return True
    if unit.unit is None and word == "one" and not amount.fraction:
        return False  # "one" alone says which, not how many; "one-third of" is a share
    slashed = _keeps_slashed(head, amount, unit) if any(bar in head.text for bar in "/⁄") else None
    if slashed is not None:
        return slashed
    if amount.unit is not None or amount.fraction or amount.margin:
        return True  # "plus or minus 3": a margin's size, whatever the parse made of "plus"
    run = doc[amount.first : amount.last + 1]
    if unit.unit is None and _has_magnitude(run):
        return not any(t.ent_type_ in words.NAME_ENTITY_TYPES for t in run)  # "sales topped 1.2bn"
    previous = doc[first - 1] if first > 0 else None
    # A person has no model numbers: "Noah Jackson 1 goal" counts a goal, as box scores list them.
    one_thing = amount.value == 1 and unit.about is not None and not unit.plural
    one_thing = one_thing and previous is not None and previous.ent_type_ == "PERSON"
    named_run = any(t.ent_type_ in words.NAME_ENTITY_TYPES for t in run)
    if (unit.unit is None or unit.about is not None) and named_run and not one_thing:
        return False  # "Apollo 11", "Boeing 737 fleet"; not "minus-5 yards", which the model may call a person
    named = previous is not None and previous.pos_ == "PROPN" and _capitalised(doc, previous)  # "iPhone 12"
    counted = unit.unit is None or unit.about is not None
    if unit.about is not None and amount.value < 0:
        return False  # no count is negative: "COVID -19 tests" is a name written loosely
    if counted and amount.first == amount.last and YEAR.fullmatch(head.text):
        return unit.plural and (previous is None or previous.lower_ not in words.YEAR_PREPOSITIONS)
    if unit.unit is not None:
        named_model = named and unit.about is not None and unit.unit[:1].islower() and not unit.plural
        one_noun = unit.about is not None and not unit.plural and unit.unit not in TIME_UNIT_NAMES
        if (one_noun or _counts_a_team(doc, amount, unit)) and _in_score(doc, amount):
            return False  # "a 14-0 lead", "their 88-72 win": a score, not 14 leads; "the 0-3 Jets": a record
        a_grade = amount.first == amount.last and _grade_noun(doc, previous)
        if one_noun and (a_grade or _names_by_number(doc, amount, unit)):
            return False  # "stage 4 cancer": a grade; "a 486 chip", "a 911 call": a name; neither counts
        return one_thing or not named_model  # "iPhone 12 deal"
    low_end = run.root.dep_ == "quantmod" and follows(doc, amount.last, ("to",))  # "jumped from 240 to 273"
    placed = run.root.dep_ in BARE_DEPS or low_end or _range_end(doc, first, amount.last)
    placed = placed or _labelled(doc, first, amount) or _counted_by_state(doc, run.root, amount.last)
    placed = placed or _part_of_a_number(doc, amount.last)
    # "day 3", "route 73" name; "death toll 45" counts
    graded = previous is not None and _grade_noun(doc, previous)
    graded = graded and str(doc[first - 1].lemma_).lower() not in words.COUNTING_LABELS
    return placed and not named and not graded and not _in_score(doc, amount)


def _part_of_a_number(doc: Doc, last: int) -> bool:
    """Whether a bare number is a part of a number given after "of": "completed 25 of 32 passes", "in 12 of 50
    states", which the parse hangs on the whole as a modifier of it."""
    return follows(doc, last, ("of",)) and last + 2 < len(doc) and starts_number(doc, last + 2)


def _names_by_number(doc: Doc, amount: Amount, unit: Unit) -> bool:
    """Whether a number of three or more plain digits names the one thing its singular noun is ("a 486 chip",
    "a 911 call", "the 12000 block"), as no count of more than one takes a singular noun; not a noun counted in
    the singular ("its 350 staff", `SINGULAR_COUNT_NOUNS`) nor a level reached ("the 600 mark"). Only right after a
    determiner, which says the noun is singular in use ("a"; "the" or an owner only before four digits or more,
    which a count would write with a comma): a number may count a noun the same in the plural ("killed 300 elk",
    "the 200 salmon")."""
    number = doc[amount.first]
    if amount.first != amount.last or not number.text.isdigit() or len(number.text) < 3:
        return False
    if amount.first == 0 or doc[amount.first - 1].lower_ not in words.NAMING_DETERMINERS:
        return False
    if doc[amount.first - 1].lower_ not in ("a", "an") and len(number.text) < 4:
        return False  # "the 500 bison", "its 400 faculty": a count of a noun the same in the plural; "a 911 call"
    noun = doc[unit.end]
    if unit.end != amount.last + 1 or noun.tag_ != "NN" or noun.dep_ == "compound" or number.head.i != noun.i:
        return False  # "400 establishment Democrats": the noun describes the plural one counted
    if not (noun.is_alpha and noun.text.islower() and len(noun.text) > 2):
        return False  # a capitalised name ("787 Dreamliner") is read as a name elsewhere; "150 kn" is a symbol
    lemma = lemma_of(noun)
    return lemma not in words.SINGULAR_COUNT_NOUNS and lemma not in words.LEVEL_NOUNS


def _counts_a_team(doc: Doc, amount: Amount, unit: Unit) -> bool:
    """Whether the noun after a number is a name written in capitals, as a team's is ("the 0-3 Jets", "the 3–5
    Giants": a record); not a people or a group ("10-15 Palestinians", "3-4 Democrats"), which the model tags as
    a nationality or group (NORP)."""
    if unit.about is None or not unit.about[:1].isupper():
        return False
    # the low end of a range ends on itself and takes the high end's noun, a few tokens on: "10-15 Palestinians"
    named = set(unit.about.split())
    noun_phrase = doc[amount.last + 1 : max(unit.end, amount.last + 6) + 1]
    return not any(tok.ent_type_ == "NORP" and tok.text in named for tok in noun_phrase)


def _counted_by_state(doc: Doc, number: Token, last: int) -> bool:
    """Whether a number counts those an adjective or participle right after it names: "left 14 dead", "50
    injured"; not one that describes a noun after it ("1 medium apple")."""
    state = number.head
    if number.dep_ != "nummod" or state.i != last + 1 or state.tag_ not in ("JJ", "VBN"):
        return False
    return state.i + 1 >= len(doc) or doc[state.i + 1].pos_ not in ("NOUN", "PROPN")


def _capitalised(doc: Doc, tok: Token) -> bool:
    """Whether a name is written as one, or the text around it is all in lower case ("the ftse 100 index"), where
    names lose their capitals too."""
    if not tok.text.islower():
        return True
    sentence = tok.sent if doc.has_annotation("SENT_START") else doc[:]
    return not any(c.isupper() for c in sentence.text)


def _grade_noun(doc: Doc, tok: Token | None) -> bool:
    """Whether a noun just before a number names a grade or a place in an order ("stage", "level", "day"): a
    singular common noun on its own, without a determiner of its own, not the end of a hyphened measure ("a
    2.0-litre four-cylinder engine")."""
    if tok is None or tok.tag_ != "NN" or not tok.is_alpha or measure_name(tok.text) is not None:
        return False
    if any(child.dep_ in ("det", "poss", "amod") and child.i < tok.i for child in tok.children):
        return False  # "the final figure 312": a noun with its own determiner names the number, not a grade
    return tok.i == 0 or doc[tok.i - 1].text not in ("-", "–")


def _keeps_unvalued(doc: Doc, amount: Amount, unit: Unit, word: str) -> bool:
    """Whether a range in one token or a vague amount is a figure."""
    if amount.dashed:  # "3–5 years", "5–7%"; not a score ("a 1–3 defeat") nor bare numbers ("pages 10–12")
        if amount.unit is None and _counts_a_team(doc, amount, unit):
            return False  # "the 3–5 Giants": a team's record
        if _names_a_test(doc, amount, unit):
            return False
        return unit.unit is not None and (unit.about is None or unit.plural or unit.unit in TIME_UNIT_NAMES)
    # "several hundred" and "a few thousand" need their noun as "several" does; "tens of thousands" does not
    needs_noun = word in words.VAGUE_DETERMINERS or word in words.VAGUE_NEEDS_OF or word == "a"
    chained = amount.last > amount.first and word in words.VAGUE_OF_WORDS
    return unit.unit is not None or not needs_noun or chained


def _names_a_test(doc: Doc, amount: Amount, unit: Unit) -> bool:
    """Whether a range from nought in a measure names a test, as a modifier of the noun after it ("the 0–60 mph
    time", "a 0-100 km/h sprint"): it says what was timed, not an amount."""
    if amount.bounds is None or amount.bounds[0] != 0 or unit.unit is None or unit.about is not None:
        return False
    if unit.unit == "percent" or unit.unit.isupper():  # "0–5% growth", "a $0-$50 fee" are amounts
        return False
    measure = doc[unit.end]
    return measure.dep_ in ("compound", "amod", "nmod") and measure.head.i > unit.end


def _keeps_slashed(head: Token, amount: Amount, unit: Unit) -> bool | None:
    """Whether a number written with a slash is a figure, where its slash decides; None where it does not."""
    if unit.about is not None and unit.plural:
        return False  # "the 9/11 attacks": a date names them; no fraction counts a plural noun
    if unit.unit is None and not amount.fraction:
        # "after 9/11": a name or a date; "3/4 of", "3/4 cup" have a unit, and a move is what its verb says
        return head.dep_ in ("dobj", "npadvmod") and head.head.pos_ == "VERB"  # "the note rose 7/32"
    return None


def _range_end(doc: Doc, first: int, last: int) -> bool:
    """Whether a bare number is an end of a range whose other end has a figure's place, which the parse may not
    give both ends: "estimated at 20,000-30,000", "crowds of 20,000-30,000". Not beside a year ("in 2023-24": a
    period)."""
    for link, other in ((first - 1, first - 2), (last + 1, last + 2)):
        if other < 0 or other >= len(doc) or doc[link].text not in ("-", "–", "to"):
            continue
        end = doc[other]
        earlier, later = (end.text, doc[last].text) if other < first else (doc[first].text, end.text)
        if YEAR.fullmatch(earlier) and (len(later) <= 2 or YEAR.fullmatch(later)):
            return False  # "2023-24", "1939-1945": a period
        if DIGIT.search(end.text) and end.dep_ in BARE_DEPS and read_token(end.text) is not None:
            return True
    return False


def _labelled(doc: Doc, first: int, amount: Amount) -> bool:
    """A number after a label and a colon, as tables and fact boxes flattened into text give them: "Goals: 12",
    "Death toll: 45", "Population (2020): 1,234,567". A plural label counts ("Goals"), as do the singular ones of
    `COUNTING_LABELS` ("toll", "age"); after another singular label a small number is a place in an order or a mark
    ("Episode: 4", "Rank: 3", "Herrera: 4"), a large one a quantity."""
    at = first - 1
    if at < 1 or doc[at].text not in (":", "):"):
        return False
    at -= 1
    if doc[at + 1].text == "):" or doc[at].text == ")":
        while at > 0 and doc[at].text != "(" and first - at < 6:
            at -= 1
        at -= 1  # the label before "(2020)"
    if at < 0:
        return False
    label = doc[at]
    # The label opens its line or sentence ("Goals: 12"), or follows the last entry's value in a box flattened
    # into one line ("Goals: 12 Assists: 7", "Headquarters: Paris Employees: 12,000"); not a clause ("sales
    # this week: two to Biman").
    sentence_start = label.sent.start if doc.has_annotation("SENT_START") else 0
    opens = at - sentence_start <= 2 or (at > 0 and (doc[at - 1].is_punct or "\n" in doc[at - 1].whitespace_))
    opens = opens or (at > 1 and label.text[:1].isupper() and _ends_entry(doc, at - 1))
    if not opens or label.ent_type_:
        return False
    if label.tag_ in ("VBN", "VBD", "JJ") and label.text[:1].isupper():
        return not YEAR.fullmatch(doc[amount.first].text)  # "Injured: 45", "Displaced: 10,000" count people
    if label.pos_ not in ("NOUN", "PROPN"):
        return False
    if label.tag_ == "NNS":
        return True
    if str(label.lemma_).lower() in words.COUNTING_LABELS:
        return not YEAR.fullmatch(doc[amount.first].text)  # "Death toll: 45", "Age: 34"
    value = amount.value or 0.0
    return abs(value) >= 1_000 and not YEAR.fullmatch(doc[amount.first].text)


def _ends_entry(doc: Doc, at: int) -> bool:
    """Whether token ``at`` ends the value of a fact box's entry: a number ("12", "£798m") or a one-word value
    after its label's colon ("Paris")."""
    return bool(DIGIT.search(doc[at].text)) or (at > 0 and doc[at - 1].text == ":")


def _has_magnitude(run: Span) -> bool:
    """Whether a number is written with a scale of a million or more ("1.2bn", "4.3M", "two million"): a quantity
    whatever its place in the sentence."""
    for tok in run:
        if words.SCALES.get(tok.lower_, 0.0) >= 1e6 or tok.text in words.GLUED_SCALE_TOKENS:
            return True
        reading = read_token(tok.text) if DIGIT.search(tok.text) else None
        if reading is not None and reading.scale_word:
            return True
    return False


def _in_score(doc: Doc, amount: Amount) -> bool:
    """A bare number hyphenated to another, "won 2-0", "tied at 89-89": a score, not a quantity; not where both
    are in the thousands or one is written with a thousands comma, as no score is ("20,000-30,000", "500-1,000"
    are ranges). A year and a number ("2024-25") or the parts of a telephone number ("123-4567") are no range
    either, and are kept out as a score is."""
    for hyphen, other in ((amount.first - 1, amount.first - 2), (amount.last + 1, amount.last + 2)):
        if min(hyphen, other) >= 0 and max(hyphen, other) < len(doc) and doc[hyphen].text == "-":
            left, right = sorted((hyphen, other))
            glued = doc[right].idx == doc[left].idx + len(doc[left].text)
            if glued and doc[other].like_num and not _range_in_thousands(doc[amount.first], doc[other]):
                return True
    return False


def _range_in_thousands(one: Token, other: Token) -> bool:
    """Whether two hyphened numbers are both in the thousands, or one is written with a thousands comma."""
    if _THOUSANDS_COMMA.search(one.text) or _THOUSANDS_COMMA.search(other.text):
        return True
    readings = [read_token(tok.text) if DIGIT.search(tok.text) else None for tok in (one, other)]
    return all(reading is not None and abs(reading.value) >= 1_000 for reading in readings)


def _qualifier(doc: Doc, first: int) -> tuple[int, str | None, bool]:
    """The qualifier before token ``first``: (new first token, phrase lower-cased, approximate)."""
    if first == 0 or doc[first - 1].lower_ not in _QUALIFIER_ENDS:
        return first, None, False
    for size in (3, 2, 1):
        if first - size < 0:
            continue
        phrase = doc[first - size : first]
        key = tuple(tok.lower_ for tok in phrase)
        if key in words.QUALIFIERS and phrase[-1].dep_ != "prt" and not _hyphened_on(doc, first - size):
            if key == ("over",) and first >= 2 and _after_contest_noun(doc[first - 2]):
                break
            return first - size, " ".join(key), words.QUALIFIERS[key] != "="
    return first, None, False


def _after_contest_noun(tok: Token) -> bool:
    """Whether a word is the noun of a contest won, which "over" follows to name the loser ("victory over")."""
    return tok.pos_ == "NOUN" and tok.lower_ in _CONTEST_NOUNS


def _hyphened_on(doc: Doc, at: int) -> bool:
    """Whether token ``at`` is glued by a hyphen to a number before it: the "under" of a golf score's "14-under 266"
    says par, not that 266 is a bound ("well-over 60 percent" is still over)."""
    glued = at >= 2 and doc[at - 1].text == "-" and not doc[at - 2].whitespace_ and not doc[at - 1].whitespace_
    return glued and doc[at - 2].like_num
