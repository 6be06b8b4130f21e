"""What a figure's amount counts or measures, read from the words after it (and, for ranges, around it).

``find_unit`` tries in turn: a percent, a currency named after the amount, a measure from the unit tables
(`figure_measures`), a hyphenated unit ("six-week war"), an age or a multiplier, the counted noun (`figure_nouns`:
"1,200 engineers") or the "of" noun of a vague amount ("dozens of people"), with the words before the number that
modify it ("the top three seeds"); then a rate after the unit ("per barrel", "a month"). An amount with none may
take the unit of the other end of a range it is in ("5 to 7 per cent", "$3-4 billion"), of a whole it is a part of
("280 million of the 1.5 billion shekels"), of a person's age ("Maddon, 66,"), or of the noun before "or" ("a day
or two"); `figure_ranges` finds the other end of a range. A fraction or ratio of no measure is a share
("fraction") of the whole named after it ("a third of the population", "one in five adults").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rashomon.extract.figure_ages import is_age, old_after
from rashomon.extract.figure_amounts import (
    DIGIT,
    PLURAL_TAGS,
    Amount,
    currency_before,
    dollar_country_after,
    follows,
    lemma_of,
    measure_name,
    read_number,
    read_token,
    starts_number,
)
from rashomon.extract.figure_measures import currency_after, measure_after, percent_after, phrase_unit, time_unit_after
from rashomon.extract.figure_nouns import NOUNS, Unit, about_words, counted_noun, unit_name, without_full_stop
from rashomon.extract.figure_ranges import (
    QUALIFIER_WORDS,
    from_low_end,
    range_high,
    range_low_money,
    scale_apart,
)
from rashomon.extract.lexicon import figure_words as words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TIME_UNIT_NAMES = frozenset(words.TIME_UNITS.values())


# Parts of speech of the few words naming what a measure is of ("of the country's crude oil").
_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PART"})
_MEASURED = frozenset(
    {*words.UNIT_SYMBOLS.values(), *words.GLUED_UNIT_SYMBOLS.values(), *words.UNIT_WORDS.values()}
    | set(words.UNIT_PHRASES.values())
)


def find_unit(doc: Doc, amount: Amount, ranges: bool = True) -> Unit:
    """What the amount counts or measures, with a rate after it; a unit of None (ending on the amount) when
    nothing is found. With ``ranges``, a bare amount may take the unit of the other end of a range it is in."""
    if amount.unit is not None:
        own = _rate(doc, Unit(end=amount.last, unit=amount.unit))
        if not ranges or own.unit != amount.unit:
            return own
        return _range_rate(doc, amount, _range_low_rate(doc, amount, own))
    bare = Unit(end=amount.last, unit=None)
    if amount.ratio:
        return _share(doc, amount)
    after = amount.last + 1
    if after >= len(doc):
        return _age_before(doc, amount) or (_range_low_unit(doc, amount) if ranges else None) or bare
    if amount.value is None and not amount.dashed:
        return _of_phrase(doc, amount) or counted_noun(doc, amount) or bare
    if doc[amount.last].text.endswith("-") and amount.first == amount.last:
        return _suspended_unit(doc, amount) or bare
    found = (
        (_measure_of(doc, amount) if amount.fraction else None)
        or percent_after(doc, after)
        or currency_after(doc, after)
        or _magnitude(doc, amount)
        or measure_after(doc, after)
        or _hyphen_unit(doc, amount)
        or time_unit_after(doc, after)
        or _unit_before(doc, amount)
        or (None if amount.fraction else counted_noun(doc, amount))  # "a two-thirds majority" counts no majorities
    )
    if found is None:
        if amount.fraction:  # no range: "grew by a fifth to 800 million pounds" gives a move and a level
            return _share(doc, amount)
        in_range = (
            (_range_unit(doc, amount) or _range_low_unit(doc, amount) or _range_low_money(doc, amount))
            if ranges
            else None
        )
        return _age_before(doc, amount) or in_range or _partitive(doc, amount) or _or_so(doc, amount) or bare
    return _rate(doc, _age(doc, found))


def _share(doc: Doc, amount: Amount) -> Unit:
    """A fraction or ratio of no measure is a share of a whole, named after it as a percent's is: "a third of the
    population", "half the staff", "one in five adults", "two-thirds of the 1.8M tickets sold" (the whole's own
    counted noun). The figure still ends on the amount, as "24 per cent" ends before "of adults"; a
    pronoun ("half of which") or no noun ("fell by a third") names no whole. A part of one unit ("half a point",
    "a quarter of a dollar") or of a measured amount ("a quarter of 1%") is no share: it keeps no unit."""
    bare = Unit(end=amount.last, unit=None)
    at = amount.last + 1
    after = doc[at].lower_ if at < len(doc) else ""
    one = at + 1 if after == "of" else at
    if one + 1 < len(doc) and doc[one].lower_ in ("a", "an") and _one_unit(doc, one + 1):
        return bare
    whole: tuple[int, int] | None = None
    if after == "of":
        counted = _whole_amount(doc, at)
        if counted is not None:
            if counted.about is None and counted.unit is not None:
                return bare
            return Unit(end=amount.last, unit=words.FRACTION_UNIT, about=counted.about)
        nouns = [child for child in doc[at].children if child.dep_ == "pobj" and child.pos_ in NOUNS]
        whole = (at + 1, nouns[0].i) if nouns else None
    elif amount.ratio or (doc[amount.last].lower_ == "half" and after in words.HALF_DETERMINERS):
        whole = _noun_phrase_at(doc, at)  # "one in five adults", "half the staff"
    about = about_words(doc, *whole) if whole is not None else None
    return Unit(end=amount.last, unit=words.FRACTION_UNIT, about=about)


def _one_unit(doc: Doc, at: int) -> bool:
    """Whether the word at ``at`` names a unit, so that "a/an" before it is one of them ("half a point", "a quarter
    of a dollar", "a third of a cup"), not a whole counted out ("half of an estimated 2 million refugees")."""
    if doc[at].lemma_.lower() in words.TIME_UNITS or doc[at].lemma_.lower() in words.PART_UNIT_NOUNS:
        return True
    return any(find(doc, at) is not None for find in (percent_after, currency_after, measure_after))


# Words that may stand between "of" and the amount a share is of ("of the combined 2.1M copies"); a noun, comma or
# conjunction before a number puts the number outside the whole ("of Danes and 40 percent of Swedes", "of
# respondents, 64 percent").
_BEFORE_WHOLE_AMOUNT = frozenset({"DET", "ADJ", "ADV", "PRON", "VERB", "SYM"})


def _whole_amount(doc: Doc, of: int) -> Unit | None:
    """The unit of the amount the whole after "of" is ("two-thirds of the 1.8M tickets sold": "tickets"; "a quarter
    of 1%": percent), None when the whole is no amount."""
    for k in range(of + 1, min(of + 5, len(doc))):
        if starts_number(doc, k):
            whole = read_number(doc, k)
            return find_unit(doc, whole, ranges=False) if whole is not None else None
        owner = doc[k].tag_ == "POS" or (k + 1 < len(doc) and doc[k + 1].tag_ == "POS")  # "of the city's 2 million"
        qualified = doc[k].lower_ in QUALIFIER_WORDS  # "of around 300 passengers", "of more than 400 flights"
        if not (owner or qualified) and (doc[k].pos_ not in _BEFORE_WHOLE_AMOUNT or doc[k].text in (",", "and", "or")):
            return None
    return None


def _noun_phrase_at(doc: Doc, at: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``at`` (determiners and modifiers, then its noun and the nouns it is a
    compound of: "the hospital staff"), as first and last token; None when no noun follows closely."""
    for k in range(at, min(at + 6, len(doc))):
        tok = doc[k]
        if tok.pos_ in NOUNS and not tok.like_num and not (k + 1 < len(doc) and doc[k + 1].tag_ == "POS"):
            if tok.lower_ in words.TIME_UNITS:
                return None  # "cut by half this year": when, not of what
            # "the hospital staff"; not a verb the parse took for a noun ("adults smokes", "staff work")
            while tok.dep_ == "compound" and tok.tag_ not in PLURAL_TAGS and tok.head.i == tok.i + 1:
                if tok.head.pos_ not in NOUNS or tok.head.dep_ == "ROOT":
                    break
                tok = tok.head
            return at, tok.i
        if tok.pos_ not in ("DET", "PRON", "ADJ", "PART", *NOUNS) or tok.text == ",":
            return None  # before the noun only determiners, modifiers and an owner ("the country's")
    return None


def _or_so(doc: Doc, amount: Amount) -> Unit | None:
    """ "a day or two", "another pick or two": a small number after "or" (or "and") that counts the noun just
    before, which "a", "an" or "another" counts as one."""
    tok = doc[amount.first]
    noun = tok.head
    if amount.first != amount.last or amount.first < 3 or noun.i != amount.first - 2:
        return None
    if doc[amount.first - 1].lower_ not in ("or", "and") or noun.pos_ != "NOUN" or noun.tag_ in PLURAL_TAGS:
        return None
    if not any(child.dep_ == "det" and child.lower_ in ("a", "an", "another") for child in noun.children):
        return None
    return Unit(end=amount.last, unit=unit_name(noun), about=noun.text)


def _suspended_unit(doc: Doc, amount: Amount) -> Unit | None:
    """The hyphened unit a suspended number ("10-" of "the 10- and 30-year yields") shares with the last number of
    its list."""
    for at in range(amount.last + 1, min(amount.last + 8, len(doc))):
        tok = doc[at]
        if tok.lower_ in words.SUSPENDED_LINKS or tok.text.endswith("-"):
            continue
        if not starts_number(doc, at):
            return None
        last = read_number(doc, at)
        found = _hyphen_unit(doc, last) if last is not None and last.last + 1 < len(doc) else None
        return Unit(end=amount.last, unit=found.unit) if found is not None else None
    return None


def _range_unit(doc: Doc, amount: Amount) -> Unit | None:
    """The low end of a range takes the unit of the high end, and the counted thing it names ("10 to 12 new
    stores")."""
    high = range_high(doc, amount)
    if high is None:
        return None
    if high.unit is not None:
        return Unit(end=amount.last, unit=high.unit)
    found = find_unit(doc, high, ranges=False)
    if found.unit is None:
        return None
    return Unit(end=amount.last, unit=found.unit, about=found.about, plural=found.plural)


def _magnitude(doc: Doc, amount: Amount) -> Unit | None:
    """An earthquake's magnitude: "measuring 5.6 on the Richter scale", "a magnitude of about 6.0", "4.4 in
    magnitude", "a 4.4 quake" (written with its decimal point: "two quakes" counts them). Not a number with a
    measure after it ("a crack measuring 2.5 metres") nor one counting a noun ("the magnitude of 5 separate
    attacks", the figurative sense)."""
    value, after = amount.value, amount.last + 1
    if value is None or not 0 < value < 10.5 or after >= len(doc):
        return None
    end = after if lemma_of(doc[after]) == "degree" else amount.last  # "2.8 degrees on the Richter scale"
    richter = any(tok.lower_ == "richter" for tok in doc[end + 1 : end + 4])
    if richter and end + 1 < len(doc) and doc[end + 1].lower_ == "on":
        return Unit(end=end, unit="magnitude")
    written = "." in doc[amount.last].text
    if written and _is_quake(doc[after]):
        return Unit(end=amount.last, unit="magnitude")
    if doc[after].pos_ in NOUNS or doc[after].pos_ == "ADJ" or measure_after(doc, after) is not None:
        return None  # "measuring 2.5 metres", "3 km wide", "the magnitude of 5 separate attacks"
    if follows(doc, amount.last, ("in", "magnitude")) or _magnitude_before(doc, amount.first):
        return Unit(end=amount.last, unit="magnitude")
    if amount.first > 0 and doc[amount.first - 1].lower_ in words.MAGNITUDE_VERBS:
        quake = doc[max(0, amount.first - 5) : amount.first - 1]  # "two quakes, measuring 7.6 and 7.4"
        return Unit(end=amount.last, unit="magnitude") if any(_is_quake(tok) for tok in quake) else None
    return None


def _is_quake(tok: Token) -> bool:
    """Whether a word names an earthquake ("quake", "tremors", "aftershock"), by its lemma or, where the model
    lemmatises it wrongly, its text without a plural "s"."""
    return lemma_of(tok) in words.QUAKE_NOUNS or tok.lower_.rstrip("s") in words.QUAKE_NOUNS


def _magnitude_before(doc: Doc, first: int) -> bool:
    """Whether "magnitude" comes a few words before a number, through a preposition or a qualifier: "a magnitude of
    4.6", "put the magnitude at 6.1", "magnitudes ranging from 3.6", "a magnitude over 5.0"."""
    for at in range(first - 1, max(first - 5, -1), -1):
        tok = doc[at]
        if lemma_of(tok) == "magnitude":
            return at < first - 1
        if tok.lower_ not in words.MAGNITUDE_LINKS and tok.lower_ not in QUALIFIER_WORDS:
            return False
    return False


def _unit_before(doc: Doc, amount: Amount) -> Unit | None:
    """A scale named before its number: "a magnitude 5.8 quake", "Mach 2"."""
    name = words.UNITS_BEFORE.get(doc[amount.first - 1].lower_) if amount.first > 0 else None
    return Unit(end=amount.last, unit=name) if name is not None else None


def _rate(doc: Doc, unit: Unit) -> Unit:
    """ "per barrel", "a month", "an hour" after a unit: the unit becomes a rate ("USD per barrel")."""
    at = unit.end + 1
    if at < len(doc) and doc[at].text == "-":
        return _hyphen_rate(doc, unit)
    if at < len(doc) and doc[at].text == "(" and unit.unit is not None:
        return _rate_after_aside(doc, unit)
    if at < len(doc) and doc[at].lower_ == "of":
        return _rate_after_of(doc, unit)
    if at < len(doc) and unit.unit is not None and doc[at].lower_ in words.RATE_ABBREVIATIONS:
        stop = at + 2 < len(doc) and doc[at + 1].text == "." and not doc[at].whitespace_  # "p.a" "." mid-sentence
        period = words.RATE_ABBREVIATIONS[doc[at].lower_]
        return replace(unit, end=at + 1 if stop else at, unit=f"{unit.unit} per {period}")
    if unit.unit is None or at + 1 >= len(doc) or doc[at].lower_ not in words.RATE_WORDS:
        return unit
    if doc[at].text == "/" and doc[at].idx != doc[unit.end].idx + len(doc[unit.end].text):
        return unit  # "km/h", not "224 kW / 300 PS"
    per = phrase_unit(doc, at + 1, words.UNIT_PHRASES) or measure_after(doc, at + 1) or _slash_symbol(doc, at)
    if per is None:
        noun = doc[at + 1]
        lemma = lemma_of(noun)
        known = lemma in words.TIME_UNITS or lemma in words.RATE_NOUNS
        after_per = doc[at].lower_ == "per"
        # "per quintal": a rare noun after "per" may be tagged an adjective, but it is still the object of "per"
        nounish = noun.pos_ == "NOUN" or (after_per and noun.dep_ == "pobj" and noun.pos_ == "ADJ" and noun.is_lower)
        if not nounish or not (known or after_per) or follows(doc, at + 1, ("ago",)):
            return unit
        if lemma == "dozen" and noun.head.i > noun.i and noun.head.pos_ == "NOUN":
            return unit  # "$3 a dozen", not "$500 a dozen friends": there it counts the friends
        when = not after_per and lemma in words.TIME_UNITS  # "per year since 2010" is still a rate
        if at + 2 < len(doc) and when and _says_when_after(doc, at + 2):
            return unit  # "$6bn a year earlier" says when; "$2 a share from $3" is still per share
        per = Unit(end=at + 1, unit=words.TIME_UNITS.get(lemma, lemma))
    return replace(unit, end=per.end, unit=f"{unit.unit} per {per.unit}")


def _says_when_after(doc: Doc, at: int) -> bool:
    """Whether the word at ``at``, after "a year" or "a month", makes it say when ("a year earlier", "a year ago",
    "a year from now", "a year from today", "a year from $3bn"), not a rate: "£3bn a year from overdraft fees" and
    "$1bn a year since 2001" are still rates."""
    word = doc[at].lower_
    if word == "since":
        return False
    if word != "from" or at + 1 >= len(doc):
        return word in words.NOT_RATE_AFTER
    after = doc[at + 1]
    says_when = after.lower_ in _FROM_WHEN or after.ent_type_ in ("DATE", "TIME")  # "a year from today"
    return says_when or after.text in words.CURRENCY_SYMBOLS or starts_number(doc, at + 1)


# Words after "a year from" that make it a time ("a year from now", "a year from next week").
_FROM_WHEN = frozenset({"now", "today", "tomorrow", "yesterday", "then", "next", "this", "last"})


def _rate_after_aside(doc: Doc, unit: Unit) -> Unit:
    """ "9 billion shekels ($2.4 billion) a year": a rate after the amount restated in brackets is the amount's
    too. The figure still ends before the brackets, whose amount is a figure of its own."""
    close = next((k for k in range(unit.end + 2, min(unit.end + 10, len(doc))) if doc[k].text == ")"), None)
    if close is None:
        return unit
    rated = _rate(doc, replace(unit, end=close))
    return replace(unit, unit=rated.unit) if rated.end > close else unit


def _rate_after_of(doc: Doc, unit: Unit) -> Unit:
    """ "10 million barrels of oil a day", "$2 billion of aid a year": a rate after what a measure or a sum is of
    is the measure's or the sum's (a few words of a noun phrase between, as "oil" or "the country's crude"). The
    figure still ends on its unit; a counted noun ("300 cases of measles a week") is left as it is."""
    if unit.unit is None or not (unit.unit in _MEASURED or unit.unit in words.CURRENCY_CODES):
        return unit
    first = unit.end + 2
    last = first
    while last < min(len(doc), first + 4) and doc[last].lower_ not in words.RATE_WORDS:
        if doc[last].pos_ not in _PHRASE_POS and doc[last].tag_ != "PRP$":  # "of its budget"
            break
        last += 1
    if last == first or last + 1 >= len(doc) or doc[last].lower_ not in words.RATE_WORDS:
        return unit
    if _opens_a_phrase(doc, doc[last + 1]):
        return unit  # "$2,000 of jewelry a day trader had left", "$5 of every ticket a person buys"
    rated = _rate(doc, replace(unit, end=last - 1))
    return replace(unit, unit=rated.unit) if rated.end > last - 1 else unit


def _opens_a_phrase(doc: Doc, noun: Token) -> bool:
    """Whether the noun after "a" names a thing of its own rather than the period or item of a rate: a compound's
    first word ("a day trader", "a year-end review") or a clause's subject ("a person familiar with", "a fan
    buys")."""
    if noun.dep_ in ("compound", "nsubj", "nsubjpass") or follows(doc, noun.i, ("-",)):
        return True
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return after is not None and after.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN")


def _slash_symbol(doc: Doc, at: int) -> Unit | None:
    """A time symbol after a slash, read as a unit there only ("MB/s", "b/d"): alone, "s" and "d" are letters."""
    if doc[at].text != "/":
        return None
    name = words.SLASH_TIME_SYMBOLS.get(without_full_stop(doc[at + 1]))
    return Unit(end=at + 1, unit=name) if name else None


def _hyphen_rate(doc: Doc, unit: Unit) -> Unit:
    """ "a 52,000 barrel-a-day refinery": a rate written with hyphens."""
    at = unit.end + 1
    if unit.unit is None or at + 3 >= len(doc) or doc[at + 1].lower_ not in ("a", "an") or doc[at + 2].text != "-":
        return unit
    lemma = lemma_of(doc[at + 3])
    if lemma not in words.TIME_UNITS and lemma not in words.RATE_NOUNS:
        return unit
    return replace(unit, end=at + 3, unit=f"{unit.unit} per {words.TIME_UNITS.get(lemma, lemma)}")


def _age(doc: Doc, unit: Unit) -> Unit:
    """ "a 50-year-old man", "an 18 month-old daughter": a time unit followed by "old" is an age."""
    if unit.unit not in TIME_UNIT_NAMES:
        return unit
    old = old_after(doc, unit.end)
    if old is None and follows(doc, unit.end, ("of", "age")) and _age_ends(doc, doc[unit.end + 2]):
        old = unit.end + 2  # "children under five years of age"
    return Unit(end=old, unit=f"{unit.unit} of age") if old is not None else unit


def _age_ends(doc: Doc, age: Token) -> bool:
    """Whether the "age" of "N years of age" ends its phrase: not "20 years of age discrimination", "five years of
    age-related research", where it describes the noun after it."""
    return age.dep_ != "compound" and not follows(doc, age.i, ("-",))


def _age_before(doc: Doc, amount: Amount) -> Unit | None:
    """ "aged 35", "Maddon, 66, said", "he will be 35": an age in years (`figure_ages.is_age`)."""
    return Unit(end=amount.last, unit="year of age") if is_age(doc, amount) else None


def _range_rate(doc: Doc, amount: Amount, unit: Unit) -> Unit:
    """The low end of "between $62 and $68 per share" takes the rate of the high end."""
    high = range_high(doc, amount)
    money = currency_before(doc, high.first) if high is not None and high.unit is None else None
    if high is not None and money is not None:
        high = replace(high, unit=money[0])  # "$68": the sign is a token of its own
    elif high is not None and high.unit is None:
        high = replace(high, unit=range_low_money(doc, high))  # "$350-400 a month": the sign on the low end only
    if high is None or high.unit != amount.unit:
        return unit
    rate = find_unit(doc, high, ranges=False).unit
    return replace(unit, unit=rate) if rate and rate.startswith(f"{amount.unit} per ") else unit


def _range_low_unit(doc: Doc, amount: Amount) -> Unit | None:
    """The high end of "from 208 pounds to 193" takes the unit of the low end: a bare number after "to", with
    "from", an amount and its unit shortly before."""
    low = from_low_end(doc, amount.first - 1)
    if low is None:
        return None
    unit = low.unit or find_unit(doc, low).unit  # the low end may be a range of its own ("14-18 mpg")
    if unit == words.FRACTION_UNIT:
        return None  # "from a third to 40": a number after a share is no share
    return Unit(end=amount.last, unit=unit) if unit is not None and unit not in TIME_UNIT_NAMES else None


def _range_low_rate(doc: Doc, amount: Amount, unit: Unit) -> Unit:
    """The high end of "from $75 per barrel to $45.88" takes the rate of the low end, in the same money; not one
    a scale apart ("from $75 per barrel to $4 billion in sales" is a total)."""
    sign = amount.first > 0 and doc[amount.first - 1].text in words.CURRENCY_SYMBOLS
    low = from_low_end(doc, amount.first - (2 if sign else 1))
    if low is None or low.unit != amount.unit or low.value is None or amount.value is None:
        return unit
    if scale_apart(low.value, amount.value):
        return unit
    rate = find_unit(doc, dollar_country_after(doc, low), ranges=False).unit  # "$75 U.S. per barrel"
    return replace(unit, unit=rate) if rate and rate.startswith(f"{amount.unit} per ") else unit


def _range_low_money(doc: Doc, amount: Amount) -> Unit | None:
    """The high end of "$3-4 billion" or "£1.5-2bn" takes the currency of the low end, written on it alone, and
    the rate after it ("$350-400 a month")."""
    money = range_low_money(doc, amount)
    return _rate(doc, Unit(end=amount.last, unit=money)) if money is not None else None


def _partitive(doc: Doc, amount: Amount) -> Unit | None:
    """ "two of his brothers", "three of the 12 jurors": a number counting some of a group named after "of"."""
    at = amount.last + 1
    if at + 1 >= len(doc) or doc[at].lower_ != "of":
        return None
    owned = _owner_opens(doc, at)
    if doc[at + 1].pos_ not in ("DET", "PRON") and not owned:
        # "3 of 5 km": a part of a measured whole is in its unit; "25 of 32 passes" gets none (see below)
        whole = doc[at + 1].pos_ == "NUM" and amount.value is not None and amount.value.is_integer()
        return _part_of_measure(doc, amount, at + 1) if whole else None
    if amount.value is None or amount.fraction or not amount.value.is_integer() or amount.value < 2:
        return None  # "one of the negotiators" says who, not how many; a fraction ends on its fraction word
    if amount.first > 0 and doc[amount.first - 1].tag_ == "NN":
        return None  # "day 3 of the trial", "game 7 of the series": the number names a part, it counts none
    if owned:  # "two of Tesla's $50,000 cars": the money describes the cars owned; the part counts them
        return _of_phrase(doc, amount)
    return _of_phrase(doc, amount) or _part_of_measure(doc, amount)


def _owner_opens(doc: Doc, of: int) -> bool:
    """Whether the noun phrase after "of" opens with its owner's name, which stands where a determiner would: "10
    of Clinton's senior staffers", "two of the city's hospitals" (the owner's own determiner first)."""
    objects = [child for child in doc[of].children if child.dep_ == "pobj"]
    owners = [child for child in objects[0].children if child.dep_ == "poss"] if objects else []
    return any(owner.left_edge.i == of + 1 and owner.pos_ == "PROPN" for owner in owners)


def _part_of_measure(doc: Doc, amount: Amount, whole_at: int | None = None) -> Unit | None:
    """ "280 million of the 1.5 billion shekels", "$5 of the $20 fee": a part of an amount of money or a measure is
    in its unit; a part of a count ("three of the 12 jurors", "25 of 32 passes") is not."""
    whole_at = _whole_number(doc, amount.last + 1) if whole_at is None else whole_at
    if whole_at + 1 < len(doc) and doc[whole_at].text in words.CURRENCY_SYMBOLS:
        whole_at += 1  # "of the $1.5 billion"
    if whole_at >= len(doc) or not starts_number(doc, whole_at):
        return None
    whole = read_number(doc, whole_at)
    if whole is None or whole.value is None:
        return None
    money = currency_before(doc, whole_at)
    unit = whole.unit or (money[0] if money else None) or find_unit(doc, whole, ranges=False).unit
    if unit is None or not (unit in _MEASURED or unit.split(" per ")[0] in words.CURRENCY_CODES):
        return None  # "three of its five cars": a count of a group would read as a second count of it
    return Unit(end=amount.last, unit=unit)


def _whole_number(doc: Doc, of: int) -> int:
    """Where the amount of the whole after "of" starts: "of the 12 jurors", "of its last 15 games", "of the
    train's five cars" (the number the "of" noun is counted by, else the token after the determiner)."""
    at = of + 2
    while at < min(of + 4, len(doc)) and doc[at].pos_ in ("ADJ", "DET"):
        at += 1
    if at >= len(doc) or starts_number(doc, at) or doc[at].text in words.CURRENCY_SYMBOLS:
        return at
    nouns = [child for child in doc[of].children if child.dep_ == "pobj"]
    counts = [child.left_edge.i for child in nouns[0].children if child.dep_ == "nummod"] if nouns else []
    return min(counts) if counts and min(counts) - of <= 6 else at


def _of_phrase(doc: Doc, amount: Amount) -> Unit | None:
    """The noun counted by a vague amount through "of": "dozens of people"."""
    of = doc[amount.last + 1]
    if of.lower_ != "of":
        return None
    nouns = [child for child in of.children if child.dep_ == "pobj" and child.pos_ in NOUNS]
    if not nouns or any(_amount_token(tok) for tok in doc[of.i + 1 : nouns[0].i]):
        return None  # "280 million of the 1.5 billion shekels": the noun is the other amount's
    noun = nouns[0]
    return Unit(end=noun.i, unit=unit_name(noun), about=about_words(doc, of.i + 1, noun.i), plural=True)


def _amount_token(tok: Token) -> bool:
    """Whether a token gives an amount of its own: "1.5", "billion", "twelve"; not the number of a name
    ("COVID-19", "F-35") nor one a hyphen glues to a name ("COVID -19")."""
    if tok.text[:1] in ("-", "−"):
        return False
    if DIGIT.search(tok.text):
        return read_token(tok.text) is not None
    return bool(tok.like_num)


def _measure_of(doc: Doc, amount: Amount) -> Unit | None:
    """The measure a fraction is a part of: "1/16 of a US pint", "two-thirds of a mile"."""
    of = doc[amount.last + 1]
    if of.text == "-" and amount.last + 2 < len(doc):  # "a quarter-point", "a half-percentage-point"
        hyphened = measure_after(doc, amount.last + 2)
        if hyphened is None and doc[amount.last + 2].lower_ == "point":
            hyphened = Unit(end=amount.last + 2, unit="point")
        return hyphened
    at = amount.last + (2 if of.lower_ == "of" else 1)
    if at + 1 < len(doc) and doc[at].lower_ in ("a", "an"):  # "half a percentage point", "half an hour"
        spelled = percent_after(doc, at + 1) or measure_after(doc, at + 1)
        if spelled is not None:
            return spelled
        if doc[at + 1].lower_ in words.TIME_UNITS:
            return Unit(end=at + 1, unit=words.TIME_UNITS[doc[at + 1].lower_])
    nouns = [child for child in of.children if child.dep_ == "pobj"] if of.lower_ == "of" else []
    name = (measure_name(nouns[0].text) or words.UNIT_WORDS.get(lemma_of(nouns[0]))) if nouns else None
    return Unit(end=nouns[0].i, unit=name) if name else None


def _hyphen_unit(doc: Doc, amount: Amount) -> Unit | None:
    """A hyphenated unit, "six-week war": the unit is "week" and the figure runs to the noun it describes."""
    hyphen = amount.last + 1
    if doc[hyphen].text != "-" or hyphen + 1 >= len(doc):
        return None
    if doc[hyphen + 1].lower_ in words.MULTIPLIER_WORDS:
        return Unit(end=hyphen + 1, unit="times")  # "a 10-fold increase"
    phrase = phrase_unit(doc, hyphen + 1, words.UNIT_PHRASES)
    if phrase is not None:  # "a 40,000-square-foot warehouse"
        described = doc[phrase.end].head
        if described.i == phrase.end + 1 and described.pos_ in NOUNS:
            return Unit(end=described.i, unit=phrase.unit, about=described.text)
        return phrase
    unit_tok = doc[hyphen + 1]
    if unit_tok.lower_ == "strong" and unit_tok.head.pos_ == "NOUN" and unit_tok.head.i > unit_tok.i:
        counted = unit_tok.head  # "a 5,000-strong crowd" numbers the crowd
        return Unit(end=counted.i, unit=unit_name(counted), about=about_words(doc, hyphen + 2, counted.i))
    if unit_tok.pos_ not in ("NOUN", "PROPN") or DIGIT.search(unit_tok.text) or len(unit_tok.text) == 1:
        return None  # "5-10W": a range, not a unit; "Form 10-K", "3-D": a letter names, it does not count
    name = measure_name(unit_tok.text) or unit_name(unit_tok)
    if follows(doc, hyphen + 1, ("-", "old")) or follows(doc, hyphen + 1, ("old",)):
        return Unit(end=hyphen + 1, unit=name)  # the age step reads "-old"
    described = unit_tok.head
    if described.i == unit_tok.i + 1 and described.pos_ in NOUNS:
        return Unit(end=described.i, unit=name, about=described.text)
    return Unit(end=unit_tok.i, unit=name)
