"""Ages: a time unit followed by "old" ("a 50-year-old man"), and a bare number that is a person's age in years
("aged 35", "Maddon, 66, said", "he will be 35"), told apart from scores and margins ("he is 2 behind the leader")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rashomon.extract.figure_amounts import YEAR, Amount, follows
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
    value = amount.value
    person = doc[first - 2].ent_type_ == "PERSON" or doc[first - 2].pos_ == "PROPN"
    return person and first == last and value is not None and value.is_integer() and 0 < value < 120


def _age_of(doc: Doc, amount: Amount) -> bool:
    """Whether a whole number is the one an age is "of": "died at the age of 92", "voters under the age of 30", "a
    retirement age of 65"."""
    value = amount.value
    if amount.first < 2 or amount.first != amount.last or value is None or not value.is_integer():
        return False
    of, noun = doc[amount.first - 1], doc[amount.first - 2]
    return of.lower_ == "of" and noun.lower_ in ("age", "ages") and 0 < value < 130


def _died_at(doc: Doc, amount: Amount) -> bool:
    """Whether a whole number is the age one died at: "dies at 91", "died yesterday in prison at 77", "dead at 95";
    not "put the death toll at 40"."""
    value, at = amount.value, amount.first - 1
    if at < 1 or amount.first != amount.last or value is None or not value.is_integer() or not 0 < value < 130:
        return False
    if doc[at].lower_ != "at":
        return False
    for tok in reversed(doc[max(0, at - 6) : at]):
        if tok.lower_ in words.DEATH_WORDS:
            return True
        if tok.is_punct:
            return False
    return False


def _after_aged(doc: Doc, first: int) -> bool:
    """Whether a number follows "aged", alone or as an end of a range: "aged 35", "aged between 18 and 25",
    "aged 18 to 25"."""
    at = first - 1
    if at >= 0 and doc[at].lower_ in words.RANGE_WORDS and at > 0 and doc[at - 1].like_num:
        at -= 2  # the high end: back over the low end
    if at >= 0 and doc[at].lower_ in ("between", "from"):
        at -= 1
    return at >= 0 and doc[at].lower_ == "aged"


def _person_is(doc: Doc, amount: Amount) -> bool:
    """ "he will be 35", "Smith, who turned 60", "the child turns 18", "the average age was 44": a bare whole
    number a person is, anyone turns or an age is, is an age."""
    value = amount.value
    if amount.first != amount.last or value is None or not value.is_integer() or not 0 < value < 120:
        return False
    tok = doc[amount.first]
    if not tok.text.isdigit() or follows(doc, amount.last, ("of",)):
        return False  # "he is one of the negotiators"
    verb = tok.head
    if tok.dep_ not in ("attr", "dobj", "acomp") or str(verb.lemma_).lower() not in words.AGE_VERBS:
        return False
    if verb.lemma_ == "turn" and tok.dep_ != "dobj":
        return False
    if any(not _loose_child(child) for child in tok.children) or not _ends_age(doc, amount.last + 1):
        return False  # "he is 2 behind the leader", "she is 5 under par": a score or a margin
    if verb.lemma_ == "turn":
        return True  # "the child turns 18", "before they turned 18": what one turns is an age, whoever turns it
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if not subjects:
        return False
    subject = subjects[0]  # "who" is said of persons; "the average age was 44" says an age
    return subject.lower_ in words.PERSON_PRONOUNS or subject.ent_type_ == "PERSON" or subject.lemma_ == "age"


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
