"""Ages: a time unit followed by "old" ("a 50-year-old man"), and a bare number that is a person's age in years
("aged 35", "Maddon, 66, said", "he will be 35"), told apart from scores and margins ("he is 2 behind the leader")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rashomon.extract.figure_amounts import YEAR, Amount, follows, lemma_of
from rashomon.extract.lexicon import figure_words as words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def old_after(doc: Doc, end: int) -> int | None:
    """Where "old" ends after a time unit ending at token ``end`` ("a 50-year-old man", "an 18 month-old
    daughter"): the unit is an age; None when no "old" follows."""
    at = end + 1
    if at < len(doc) and doc[at].text == "-":
        at += 1
    if at < len(doc) and doc[at].lower_ in words.AGE_WORDS and doc[at].idx - doc[end].idx < 8:
        return at
    return None


def is_age(doc: Doc, amount: Amount) -> bool:
    """ "aged 35", "Maddon, 66, said", "he will be 35", "at the age of 92", "dies at 91": a bare whole number after
    "aged", "the age of" or dying "at", set off by commas after a person's name, or that a person is or turns, is an
    age in years."""
    first, last = amount.first, amount.last
    if _after_aged(doc, first) or _person_is(doc, amount) or _age_of(doc, amount) or _died_at(doc, amount):
        return True
    if first < 2 or last + 1 >= len(doc) or doc[first - 1].text != "," or doc[last + 1].text not in (",", "."):
        return False
    person = doc[first - 2].ent_type_ == "PERSON" or doc[first - 2].pos_ == "PROPN"
    return person and first == last and _a_age(amount.value)


def _age_of(doc: Doc, amount: Amount) -> bool:
    """Whether a whole number is the one an age is "of": "died at the age of 92", "voters under the age of 30", "a
    retirement age of 65"."""
    if amount.first < 2 or amount.first != amount.last or not _a_age(amount.value):
        return False
    of, noun = doc[amount.first - 1], doc[amount.first - 2]
    return of.lower_ == "of" and noun.lower_ in words.AGE_NOUNS


def _died_at(doc: Doc, amount: Amount) -> bool:
    """Whether a whole number is the age one died at: "dies at 91", "died yesterday in prison at 77", "dead at 95",
    "dying at 91"; not a death toll ("put the number of dead at 40", "the number of people dead at 52") nor a clock
    time ("died at 3 in the morning", "at 11 on Sunday night")."""
    at = amount.first - 1
    if at < 1 or amount.first != amount.last or not _a_age(amount.value) or doc[at].lower_ != "at":
        return False
    if _clock_time(doc, amount):
        return False
    for tok in reversed(doc[max(0, at - 6) : at]):
        if lemma_of(tok) in words.DEATH_WORDS:
            return _of_dying(doc, tok)
        if tok.is_punct:
            return False
    return False


def _of_dying(doc: Doc, tok: Token) -> bool:
    """Whether a death word says one died ("died", "dying", "dead at 95"), not the dead counted ("the number of
    dead", "the number of people dead", "the dead")."""
    if tok.pos_ == "NOUN" or (tok.i > 0 and doc[tok.i - 1].lower_ in ("the", "of")):
        return False
    return not any(lemma_of(before) in words.TOLL_NOUNS for before in doc[max(0, tok.i - 4) : tok.i])


def _clock_time(doc: Doc, amount: Amount) -> bool:
    """Whether a number is an hour of the clock: "3 in the morning", "11 on Sunday night", "3 a.m.", "5 o'clock",
    or a time the model found; never over 12 ("died at 91 on Sunday", "died at 91 last night" are ages)."""
    if amount.value is None or amount.value > 12:
        return False
    if doc[amount.first].ent_type_ == "TIME":
        return True
    after = [tok.lower_ for tok in doc[amount.last + 1 : amount.last + 4]]
    if after[:1] and after[0] in words.CLOCK_WORDS:
        return True
    if after[:2] == ["in", "the"] and after[2:] and after[2] in words.DAY_PARTS:
        return True
    return after[:1] == ["on"] and after[1:2] != [] and after[1] in words.WEEKDAY_WORDS


def _a_age(value: float | None) -> bool:
    """Whether a value may be an age in years: a whole number above 0 and below `MAX_AGE`."""
    return value is not None and value.is_integer() and 0 < value < words.MAX_AGE


def _after_aged(doc: Doc, first: int) -> bool:
    """Whether a number follows "aged", alone or as an end of a range: "aged 35", "aged between 18 and 25",
    "aged 18 to 25"; or "age" after a preposition or verb: "died at age 91", "since age 10", "reach age 74"."""
    at = first - 1
    if at >= 0 and doc[at].lower_ in words.RANGE_WORDS and at > 0 and doc[at - 1].like_num:
        at -= 2  # the high end: back over the low end
    if at >= 0 and doc[at].lower_ in ("between", "from"):
        at -= 1
    if at >= 1 and doc[at].lower_ == "age" and doc[at - 1].pos_ in ("ADP", "SCONJ", "VERB"):
        return True  # "age" with no article before it names the age itself, not a retirement age or an age group
    return at >= 0 and doc[at].lower_ == "aged"


def _person_is(doc: Doc, amount: Amount) -> bool:
    """ "he will be 35", "Smith, who turned 60", "the child turns 18", "the average age was 44": a bare whole
    number a person is, anyone turns or an age is, is an age."""
    if amount.first != amount.last or not _a_age(amount.value):
        return False
    tok = doc[amount.first]
    if not tok.text.isdigit() or follows(doc, amount.last, ("of",)):
        return False  # "he is one of the negotiators"
    verb = tok.head
    if tok.dep_ not in ("attr", "dobj", "acomp") or lemma_of(verb) not in words.AGE_VERBS:
        return False
    if lemma_of(verb) == "turn" and tok.dep_ != "dobj":
        return False
    if any(not _loose_child(child) for child in tok.children) or not _ends_age(doc, amount.last + 1):
        return False  # "he is 2 behind the leader", "she is 5 under par": a score or a margin
    if lemma_of(verb) == "turn":
        return True  # "the child turns 18", "before they turned 18": what one turns is an age, whoever turns it
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if not subjects:
        return False
    subject = subjects[0]  # "who" is said of persons; "the average age was 44" says an age
    return subject.lower_ in words.PERSON_PRONOUNS or subject.ent_type_ == "PERSON" or lemma_of(subject) == "age"


def _loose_child(tok: Token) -> bool:
    """A child that says nothing of what a number counts: a comma, or a next clause the parse hung on it ("she is
    34 and lives in Ohio")."""
    return tok.dep_ in ("punct", "cc") or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"))


def _ends_age(doc: Doc, after: int) -> bool:
    """Whether what follows an age said with a verb lets it be one: no preposition or adverb, or one of a time
    phrase ("will be 35 in June", "turned 60 on Monday"); not "was 2 for 4", "was 10 over the limit"."""
    if after >= len(doc):
        return True
    tok = doc[after]
    if tok.pos_ not in ("ADP", "ADV", "PART") and tok.tag_ not in ("IN", "RB", "RP"):
        return True
    objects = [child for child in tok.children if child.dep_ == "pobj"]
    return bool(objects) and _is_time_word(objects[0])


def _is_time_word(tok: Token) -> bool:
    """A month, weekday, year or a date the parse found in words ("June", "Monday", "2030", "next spring")."""
    lower = tok.lower_
    if lower in words.MONTHS or lower in words.WEEKDAY_WORDS or lower in words.TIME_UNITS or YEAR.fullmatch(tok.text):
        return True
    return tok.ent_type_ in ("DATE", "TIME") and not tok.like_num
