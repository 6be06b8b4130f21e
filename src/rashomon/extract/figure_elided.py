"""Units a sentence leaves unsaid: a bare number in a clause parallel to an earlier figure's, or compared with it,
takes its unit ("the DAX rose by 2 percent and the Nasdaq by 1", "3.2 million subscribers, up from 2.9 million"),
and a count of "others" or "more" takes the kind counted before it ("killed 253 people and injured 5,000 others").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from rashomon.extract.figure_amounts import DIGIT, follows, lemma_of, measure_name, read_token
from rashomon.extract.figure_units import TIME_UNIT_NAMES
from rashomon.extract.lexicon import figure_words as words
from rashomon.model import Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Dependency labels under which a number with no counted noun is still a figure ("the toll rose to 12").
BARE_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj", "conj", "npadvmod"})
# Relations joining a clause to the one it parallels: "and fell", "while it lost", "to end".
_CLAUSE_LINKS = frozenset({"conj", "advcl", "xcomp"})
# How many earlier figures with a unit a bare number's unit is looked for in.
_DONOR_WINDOW = 3
# How many earlier figures (with a unit or not) are passed over at most in that search.
_DONOR_REACH = 12


def sentence_of(sentence_starts: list[int], i: int) -> int:
    """The first token of the sentence holding token ``i``."""
    return sentence_starts[bisect_right(sentence_starts, i) - 1]


def elided_units(
    doc: Doc, figures: list[tuple[Figure, int, int]], sentence_starts: list[int]
) -> list[tuple[Figure, int, int]]:
    """A bare number in a clause parallel to an earlier figure's takes its unit, left unsaid: "the DAX rose by
    2 percent and the Nasdaq by 1", "killed 30 people and injured 70"; a count of "others" or "more" takes the kind
    counted before it ("killed 253 people and injured 5,000 others", "killed 10 people, injuring dozens more")."""
    out: list[tuple[Figure, int, int]] = []
    given = -1  # the last token of the last figure given a unit here
    for figure, first, last in figures:
        donor = None
        if figure.unit is None and figure.value is not None:
            donor = _donor(doc, out, (first, last), given, sentence_of(sentence_starts, first))
        if donor is None and figure.unit is None and follows(doc, last, ("of",)) and last + 2 < len(doc):
            donor = _part_of_them(doc, out, figure, last, sentence_of(sentence_starts, first))
        more = _more_of_a_kind(doc, figure, last)
        if donor is None and more is not None:
            donor = _kind_before(doc, out, (first, last), more, sentence_of(sentence_starts, first))
        if donor is not None and donor.unit == words.FRACTION_UNIT:
            donor = None  # a share's unit is its whole's: "half of the staff left and 20 were fired" fires no share
        if donor is not None:
            given = last
        out.append((figure if donor is None else replace(figure, unit=donor.unit), first, last))
    return out


def _part_of_them(
    doc: Doc, earlier: list[tuple[Figure, int, int]], part: Figure, last: int, sentence_start: int
) -> Figure | None:
    """The figure a bare number ``part`` (ending on ``last``) counts a part of when "of them" or "of whom" follows
    it: the one earlier figure of the sentence with a unit, if it counts a noun and no fewer ("injured five
    villagers, three of whom", "seven children, four of them adopted"); none where two came before ("seized 200
    guns from 15 suspects, 40 of them rifles": which is counted is not said)."""
    if doc[last + 2].lower_ not in ("them", "whom"):
        return None
    window = _with_units(earlier, sentence_start)
    if len(window) != 1:
        return None
    figure, _, donor_last = window[0]
    if figure.unit in TIME_UNIT_NAMES or not _counts(doc, figure, donor_last):
        return None
    fewer = part.value is not None and figure.value is not None and figure.value < part.value
    return None if fewer else figure


def _more_of_a_kind(doc: Doc, figure: Figure, last: int) -> str | None:
    """The word ("others", "more") by which a count is of more of a kind counted before ("injured 5,000 others",
    "dozens more"), or None."""
    if figure.unit is not None and doc[last].lower_ in words.MORE_OF_A_KIND_WORDS:
        return doc[last].lower_  # "5,000 others", counted as others
    after = doc[last + 1] if figure.unit is None and last + 1 < len(doc) else None
    return after.lower_ if after is not None and after.lower_ in words.MORE_OF_A_KIND_WORDS else None


def _kind_before(
    doc: Doc, earlier: list[tuple[Figure, int, int]], bare: tuple[int, int], word: str, sentence_start: int
) -> Figure | None:
    """The earlier figure of the sentence that counts the kind a count of "others" or "more" (``word``) is more of:
    one in the same place of a parallel clause, or joined to it, as `_donor` takes a unit ("killed 253 people and
    injured 5,000 others", "killed 10 people, injuring dozens more"); None for a count in another place ("scored 30
    points and three others scored"), unless it counts people in general, which casualty reports give in any shape
    ("12 people died and 30 others were hurt"). "Others" are more of a kind only of people in general ("killed two
    children and injured four others" need not be children: `OTHERS_KINDS`). "More than" set off right after a
    count is a difference in its kind ("has 2,129 points, 13 more than the record")."""
    first, last = bare
    root = doc[first : last + 1].root
    for figure, donor_first, donor_last in _with_units(earlier, sentence_start):
        if figure.unit in words.MORE_OF_A_KIND_WORDS or figure.unit in TIME_UNIT_NAMES:
            continue
        if not _counts(doc, figure, donor_last) or (word != "more" and figure.unit not in words.OTHERS_KINDS):
            continue
        donor_root = doc[donor_first : donor_last + 1].root
        if _parallel(donor_root, root) or _conjoined(donor_root, root) or figure.unit in words.OTHERS_KINDS:
            return figure  # people, however the clauses run: "12 people were killed and 30 others injured"
        set_off = donor_last + 2 == first and doc[donor_last + 1].text == ","
        if word == "more" and set_off and follows(doc, last + 1, ("than",)):
            return figure
    return None


def _counts(doc: Doc, figure: Figure, last: int) -> bool:
    """Whether a figure counts the noun it ends on ("253 people", "three Israeli soldiers", "six men"); not one
    that measures the noun it describes ("a 6.1-magnitude quake", "a 200-student school") nor a share."""
    unit, about = (figure.unit or "").lower(), (figure.about or "").lower()
    if not unit or not about or unit == words.FRACTION_UNIT:
        return False
    return unit in about or unit.endswith(lemma_of(doc[last]))


def _donor(
    doc: Doc, earlier: list[tuple[Figure, int, int]], bare: tuple[int, int], given: int, sentence_start: int
) -> Figure | None:
    """The earlier figure of the sentence whose unit a bare number (tokens ``first..last``) leaves unsaid, if any.
    The nearest earlier figure with a unit stops the search ("raised $2 million from 40 investors and hired 12"
    hires no dollars) unless it pairs with an older one in a clause of its own ("ended down 1% at 1,463 points,
    while the other lost 1.1% to end at 1,334")."""
    first, last = bare
    if not earlier or earlier[-1][2] < sentence_start:
        return None
    if given == first - 2 and doc[first - 1].lower_ in words.RANGE_WORDS:
        return earlier[-1][0]  # the high end of "between 50 and 70" with its low end
    root = doc[first : last + 1].root
    window = _with_units(earlier, sentence_start)
    for k, (donor, donor_first, donor_last) in enumerate(window):
        if k == 0 and earlier[-1][0] is donor and _compared_to(doc, donor_first, donor_last, first):
            return _unscaled(doc, (donor, donor_first, donor_last), first, last)
        donor_root = doc[donor_first : donor_last + 1].root
        if _parallel(donor_root, root) or _conjoined(donor_root, root):
            return _unscaled(doc, (donor, donor_first, donor_last), first, last)
        if not any(_parallel(doc[a : b + 1].root, donor_root) for _, a, b in window[k + 1 :]):
            return None
    return None


def _with_units(earlier: list[tuple[Figure, int, int]], sentence_start: int) -> list[tuple[Figure, int, int]]:
    """The last few figures with a unit of the sentence, nearest first (a few: a search through every earlier
    figure would take time growing with the square of the article's length)."""
    found: list[tuple[Figure, int, int]] = []
    for k, (figure, first, last) in enumerate(reversed(earlier)):
        if first < sentence_start or len(found) == _DONOR_WINDOW or k == _DONOR_REACH:
            break  # a table read as one sentence may hold hundreds of bare numbers
        if figure.unit is not None:
            found.append((figure, first, last))
    return found


def _unscaled(doc: Doc, found: tuple[Figure, int, int], first: int, last: int) -> Figure | None:
    """The donor figure (with its first and last token), unless it is written with a scale the bare number leaves
    off: "3 million residents, up from 2" is of 2 million, which a unit alone would misread."""
    donor, donor_first, donor_last = found
    if _scaled(doc[donor_first : donor_last + 1], donor.unit) and not _scaled(doc[first : last + 1], None):
        return None
    return donor


def _scaled(run: Span, unit: str | None) -> bool:
    """Whether a figure (in ``unit``) is written with a scale word, apart or glued: "3 million", "$5bn", "4.3M",
    "2 lakh", "£5m" split in three (not the "m" of "5 m tall", a metre)."""
    for tok in run:
        if tok.lower_ in words.SCALES or tok.text in words.GLUED_SCALE_TOKENS:
            return True
        if tok.lower_ in words.MONEY_SCALES and tok.i > run.start and measure_name(tok.text) != unit:
            return True
        reading = read_token(tok.text) if DIGIT.search(tok.text) else None
        if reading is not None and reading.scale_word:
            return True
    return False


def _compared_to(doc: Doc, earlier_first: int, earlier_last: int, first: int) -> bool:
    """Whether a bare number is what the figure just before it is compared with: "3.2 million subscribers, up
    from 2.9 million", "$5bn, against 4.1bn a year earlier". A bare "from" compares only after a word of change
    ("up from", "rose to $5 from 4"); "raised $2 from 40" says where from."""
    between = [tok.lower_ for tok in doc[earlier_last + 1 : first]]
    if not (0 < len(between) <= 4 and between[-1] in words.COMPARED_WORDS):
        return False
    if any(w in (";", ".") for w in between):
        return False
    if between[-1] != "from":
        return True
    if len(between) > 1 and between[-2] in words.FROM_CHANGE_WORDS:
        return True
    head = doc[earlier_first : earlier_last + 1].root
    for _ in range(3):  # "rose to $5", "was cut to 4%": the verb the figure hangs from
        if str(head.lemma_).lower() in words.CHANGE_VERBS:
            return True
        if head.head.i == head.i:
            break
        head = head.head
    return False


def _parallel(earlier: Token, later: Token) -> bool:
    """Whether two phrases fill the same place in two conjoined clauses: the same relation, through the same
    preposition, to verbs (or a verb and a noun) joined by a conjunction."""
    if earlier.dep_ != later.dep_ or earlier.dep_ not in BARE_DEPS:
        return False
    first, second = earlier.head, later.head
    if earlier.dep_ == "pobj":
        if first.lower_ != second.lower_:
            return False
        first, second = first.head, second.head
    first, second = _governor(first), _governor(second)
    return first.i != second.i and (_clause_linked(first, second) or _clause_linked(second, first))


def _conjoined(earlier: Token, later: Token) -> bool:
    """Whether a bare number is joined by a conjunction to a figure's noun, or to the verb a figure measures: "300
    stores in the US and 50 in Canada", "rose 8% in Europe and 12 in Asia"."""
    if later.dep_ != "conj":
        return False
    if later.head.i == earlier.i:
        return True
    return later.head.i == earlier.head.i and earlier.dep_ in ("dobj", "npadvmod") and later.head.pos_ == "VERB"


def _governor(tok: Token) -> Token:
    """The verb (or conjoined noun) a phrase's attachment hangs from: "down" in "ended down 1% at" gives "ended"."""
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ in _CLAUSE_LINKS or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _clause_linked(upper: Token, lower: Token) -> bool:
    """Whether ``lower`` hangs from ``upper`` through at most two clause links ("fell 2% and ended at", "lost 1%
    to end at")."""
    for _ in range(2):
        if lower.dep_ not in _CLAUSE_LINKS:
            return False
        lower = lower.head
        if lower.i == upper.i:
            return True
    return False
