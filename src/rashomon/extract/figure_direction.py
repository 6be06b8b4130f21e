"""The direction of change a figure gives: "up" for "rose 5%", "down" for "fell by 3 points", None for a figure that
is not the size of a move.

The parse decides: the figure is the size of a move when it hangs from a word of change, through the relation that
word gives a size by: the measure of a change verb ("rose 5%", "gained 3%", "plunged 4.28 percent"), "by" after a
verb, noun or comparative ("increased by 2 percent", "higher by 4%"), "of" after a change noun ("an increase of $3
billion"), or a word that says the way without a verb ("up 2%", "down 68p", "34% higher", "+0.2%"). A verb with no way
of its own takes it from its particle or adverb ("trending up 0.2%", "revised upward by 40 billion", "were up 5pc").
The level reached or left is no move ("rose 5% to 3.65", "down 68p at 1112p", "up from 2.9"), nor is what a verb
acts on ("raised $2 million", "cut 6,000 jobs"), and a negated change gives no direction. A forecast keeps its
way ("is expected to rise by 10%"): it says which way the amount is to move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rashomon.extract.lexicon import figure_words as words
from rashomon.extract.nlp import text_of
from rashomon.model import Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Relations by which a verb or a word of way takes the size of its move ("rose 5%", "up 2%", "34% higher").
_SIZE_DEPS = frozenset({"npadvmod", "dobj", "advmod", "nmod", "oprd", "prep", "pobj"})
# Relations by which a number hangs inside a larger amount: a range's low end ("1 to 1.5 degrees"), a restatement
# ("1.5 degrees (2.7 Fahrenheit)"), a measure of a time noun ("down 9.2% year over year").
_INNER_DEPS = frozenset({"quantmod", "nummod", "appos", "compound"})
_NOUNISH = frozenset({"NUM", "NOUN", "PROPN", "SYM", "X"})
# Children of a verb that give it a way ("trending up", "revised upward", "were up 5pc").
_WAY_DEPS = frozenset({"prt", "advmod", "acomp", "prep"})


def find_direction(doc: Doc, first: int, last: int, figure: Figure) -> str | None:
    """The way a figure (tokens ``first..last``) moved, "up" or "down", when it is the size of a move the sentence
    states; else None."""
    text = text_of(doc)  # not doc.text, which spaCy joins anew at each read
    plus = figure.start if text[figure.start : figure.start + 1] == "+" else figure.start - 1
    signed = plus >= 0 and text[plus] == "+" and (plus == 0 or text[plus - 1] in " \t\n(")
    signed = signed and text[plus + 1 : plus + 3] not in words.SPLIT_PLUS_MINUS  # "+/-3 points": a margin
    if signed and figure.unit in words.MOVE_UNITS:
        return "up"  # "Nasdaq +0.8%"; not "4+1", "+44 20 7946", "+5C"
    after = doc[last + 1] if last + 1 < len(doc) else None
    if figure.unit in words.LENGTH_UNITS and after is not None and after.lower_ in words.PLACE_AFTER_LENGTH:
        return None  # "went down 30 miles from the coast": where, not how far it moved
    before = doc[first - 1] if first > 0 else None
    if before is not None and before.lower_ in words.LEVEL_PREPOSITIONS and before.dep_ != "quantmod":
        return None  # "to $84", "at 1112p": a level, whatever the parse attaches it to; not "by 1 to 1.5 degrees"
    skip = len(figure.qualifier.split()) if figure.qualifier else 0
    tok = doc[first : last + 1].root
    if first <= tok.i < first + skip:
        tok = doc[first + skip : last + 1].root if first + skip <= last else tok
        if tok.head.i < first + skip:  # "rose under 4%": the qualifier carries the figure's place
            tok = tok.head
    for _ in range(3):
        if tok.dep_ not in _INNER_DEPS or tok.head.i == tok.i or tok.head.pos_ not in _NOUNISH:
            break
        if _noun_way(tok.head) is not None:
            break
        if tok.dep_ in ("nummod", "compound") and tok.head.pos_ != "NUM" and tok.head.dep_ == "dobj":
            break  # "added a 30 degree homer": a measure of the thing acted on
        tok = tok.head
    return _way(tok, figure)


def _way(tok: Token, figure: Figure) -> str | None:
    """The direction of the move ``tok`` (the figure's head) is the size of, from its relation to its head."""
    head, dep = tok.head, tok.dep_
    if head.i == tok.i:
        return None
    if dep == "pobj":
        prep = head.lower_
        if prep == "by":
            return _unless_negated(head.head, _word_way(head.head) or _particle_way(head.head, head.i))
        if prep == "of":
            return _noun_way(head.head)
        if prep in words.LEVEL_PREPOSITIONS:
            return None
    if dep not in _SIZE_DEPS:
        return None
    way = _word_way(head) if head.lower_ in words.UP_WORDS | words.DOWN_WORDS else None
    way = way or ("down" if _off_adverb(head, tok.i, figure) else None)
    if way is not None:
        return way  # "up 2%", "34% higher", "down 68p"
    if head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if dep == "dobj" and not _moves_by_object(head, figure):
        return None
    return _unless_negated(head, _verb_way(head) or _particle_way(head, tok.i, figure))


def _moves_by_object(verb: Token, figure: Figure) -> bool:
    """Whether a verb's direct object is the size of its move ("gained 3%", "cut 5%"), not the thing it acts on
    ("raised $2 million", "cut 6,000 jobs")."""
    if figure.about is not None:
        return False  # a counted noun: what was added or cut
    return str(verb.lemma_).lower() in words.AMOUNT_OBJECT_VERBS or figure.unit in words.MOVE_UNITS


def _word_way(tok: Token) -> str | None:
    """The way a word gives: a word of way ("up", "lower"), a change verb or a change noun."""
    if tok.lower_ in words.UP_WORDS:
        return "up"
    if tok.lower_ in words.DOWN_WORDS:
        return "down"
    return _verb_way(tok) if tok.pos_ in ("VERB", "AUX") else _noun_way(tok)


def _verb_way(tok: Token) -> str | None:
    lemma = str(tok.lemma_).lower()
    if lemma in words.UP_VERBS:
        return "up"
    return "down" if lemma in words.DOWN_VERBS else None


def _noun_way(tok: Token) -> str | None:
    lemma = str(tok.lemma_).lower()
    if lemma in words.UP_NOUNS:
        return "up"
    return "down" if lemma in words.DOWN_NOUNS else None


def _particle_way(verb: Token, before: int, figure: Figure | None = None) -> str | None:
    """The way a verb's particle or adverb before token ``before`` gives it: "trending up 0.2%", "revised upward by",
    "were down 2.3%"; not one after ("was $3.1 million, down 9.2%": the way is of the later figure)."""
    for child in verb.children:
        if child.i >= before:
            break
        if child.dep_ in _WAY_DEPS and child.lower_ in words.UP_WORDS:
            return "up"
        if (child.dep_ in _WAY_DEPS and child.lower_ in words.DOWN_WORDS) or _off_adverb(child, before, figure):
            return "down"
    return None


def _off_adverb(tok: Token, before: int, figure: Figure | None) -> bool:
    """ "off" as market reports use it, an adverb of a fall before a price, percent or points ("closed at $80.50,
    off $1", "shares were off 3%"); not after the amount ("3 days off", "30% off"), nor "off by" ("the forecast was
    off by 3 degrees", a miss), nor a verb's particle ("laying off 600 workers", "wrote off $3 million"), nor off in
    another unit ("the count was off 5 votes")."""
    if tok.lower_ not in words.OFF_WORDS or tok.dep_ != "advmod" or tok.i >= before or figure is None:
        return False
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "by":
        return False
    unit = figure.unit or ""
    price = unit.split(" per ")[0]  # "off $1.20 a barrel"
    return unit in words.MOVE_UNITS or price in words.CURRENCY_CODES or price in words.PRICE_PART_UNITS


def _unless_negated(verb: Token, way: str | None) -> str | None:
    """No way for a change the sentence denies ("did not rise 5%")."""
    if way is None or any(child.dep_ == "neg" for child in verb.children):
        return None
    return way
