"""What a figure is said of, read from the parse: its referents.

A figure's referents are the nearest noun it belongs to and the subject of its clause: "60 per cent of its revenue"
in "the Chinese giant makes 60 per cent of its revenue" gives "revenue" (what it is a part of) and "Chinese giant"
(the subject); "13,000 workers" in "Ford, which has 13,000 workers" gives "Ford" (a relative pronoun stands for its
noun); "a $3,500 a month mortgage" gives "mortgage" (the noun the amount describes); "boost the range by 35 miles"
gives "range" (what a change is measured on). The counted noun itself is not a referent (it is the figure's
``about``), nor is a pronoun. A name listed with its move, without a verb, as market reports list prices ("Lloyds
down 1.5 per cent, HSBC up 0.4 per cent"), is read from the words (``_listed_name``). Otherwise ``_anchor`` finds
the figure's head in the parse, ``_owner`` the noun it is part of, ``_climb`` walks up from it to the clause's verb,
keeping the first noun it hangs from, ``_subject`` finds that verb's subject (kept when it also owns that noun:
``_owned``), and ``_phrase`` writes a noun (the head of its compound: "stone pizza oven") with the words that modify
it, figures left out but for a number in a name ("S&P 500"), and words that only count or total it ("the total
value" -> "value").
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from rashomon.extract.lexicon import figure_words as words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NOUNS = frozenset({"NOUN", "PROPN"})
_VERBS = frozenset({"VERB", "AUX"})
# The figure describes the noun it hangs from ("a $3,500 mortgage", "a 0.6 per cent fee", "Maddon, 66,").
_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "quantmod", "appos"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A clause that hangs from a verb without a subject of its own takes that verb's subject.
_OPEN_CLAUSES = frozenset({"xcomp", "advcl", "conj", "ccomp", "pcomp", "prep", "acomp", "agent", "pobj"})
# Prepositions after the figure that name what it is part of or measured on ("60% of revenue", "47% from the field").
_PART_PREPOSITIONS = frozenset({"of", "from", "in", "for"})
# Prepositions through which a verb's amount measures its object's change ("boost the range by 35 miles").
_CHANGE_PREPOSITIONS = frozenset({"by", "to", "from", "in", "for"})
# Entities that say where or when, not what: "13,000 workers in the United Kingdom".
_SETTING_TYPES = frozenset({"GPE", "LOC", "DATE", "TIME", "FAC"})
# Subjects that stand for a part of something named before ("most landed in shallow water").
_QUANTIFIERS = frozenset({"most", "some", "many", "all", "few", "both", "each", "none", "several", "others", "half"})
# Words that count, order or total what a noun names, not what it is: "the total value", "other companies", "one
# refinery", "the first quarter"; NewsQuant leaves them out of what a figure refers to.
_COUNTING_WORDS = frozenset({"total", "other", "more", "fewer", "less", "next", "several", "many", "few", "most"})
# Words a referent does not start with, nor with a figure: "the", "its", "while", "four-, five- and six-cylinder".
_LEADING_POS = frozenset({"DET", "PRON", "PUNCT", "ADV", "CCONJ", "SCONJ", "ADP", "PART"})
_STEPS = 8  # hops up the parse; a clause's verb is rarely further


def find_referents(
    doc: Doc, first: int, last: int, figures: Collection[int] = (), *, counted: bool = False
) -> tuple[str, ...]:
    """The referents of the figure on tokens ``first..last`` (inclusive): at most the noun it belongs to and its
    clause's subject, each as written, without leading determiners or the tokens of any figure (``figures``: the
    token numbers of all figures of the sentence); empty when the parse gives neither. A ``counted`` figure ends on
    the noun it counts ("two kids"): only "of" names a whole it is part of, other prepositions say where it is."""
    own = range(first, last + 1)
    skip = {*own, *figures} - _name_numbers(doc, own, figures)
    listed = _listed_name(doc, first, skip)
    if listed is not None:
        return (listed,)
    anchor = _anchor(doc, first, last)
    found: list[Token] = []
    owner = _owner(anchor, last, ("of",) if counted else _PART_PREPOSITIONS)
    if owner is not None and owner.i not in skip:
        found.append(owner)
    verb = _climb(anchor, last, found, skip)
    if verb is not None:
        changed = _changed(verb, anchor) if not found else None
        if changed is not None:
            found.append(changed)
        subject, direct = _subject(verb)
        if subject is not None and (not found or _owned(found[0], direct)):
            found.append(subject)
    phrases: list[str] = []
    taken: set[int] = set()
    for noun in (_whole_compound(t, skip) for t in found):
        if noun.i in taken:
            continue  # "UK adults" already holds "adults"
        keep = _phrase_tokens(noun, skip, depth=2)
        if noun.i < first:  # "a run of seven games without a win": what follows the figure is no part of the noun
            keep = {k for k in keep if k < first}
        phrase = _phrase(doc, keep)
        if phrase and phrase not in phrases:
            phrases.append(phrase)
            taken |= keep
    return tuple(phrases)


def _whole_compound(noun: Token, skip: Collection[int]) -> Token:
    """The noun a compound names with: "stone pizza oven" for "pizza" in "an $800 stone pizza oven"."""
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in _NOUNS and noun.head.i not in skip:
        noun = noun.head
    return noun


def _owned(noun: Token, direct: bool) -> bool:
    """Whether the subject found (``direct``: in the figure's own clause) also says whose ``noun`` is: yes unless
    the noun hangs from a preposition in another clause ("pack sizes approved for Tylenol 500mg tablets"); yes
    when the noun's possessive pronoun points back to the subject ("plans to cut 5% of its workforce")."""
    return direct or noun.dep_ != "pobj" or _possessed(noun)


def _possessed(noun: Token) -> bool:
    """Whether a possessive pronoun says whose ``noun`` is ("its workforce"), pointing back to a subject."""
    return any(t.dep_ == "poss" and t.pos_ == "PRON" for t in noun.children)


def _listed_name(doc: Doc, first: int, figures: Collection[int]) -> str | None:
    """The name a figure is listed with, without a verb, as market reports list prices: "Lloyds down 1.5 per
    cent", "Dow +0.2%", "A2 Milk up 4 per cent to $13.60", "Unite Group, down 68p at 1112p"; the parse rarely
    reads these lists, so they are read from the words. None when the figure is not listed so."""
    at = first - 1
    if at > 0 and doc[at].lower_ in words.MOVE_END_WORDS and at - 1 in figures:
        at -= 1  # the end of a move: go back to the move's own figure
        while at - 1 in figures:
            at -= 1
        first, at = at, at - 1
    signed = doc[first].text[:1] in "+-−" and len(doc[first].text) > 1
    if at >= 0 and not signed and doc[at].lower_ in words.MOVE_WORDS:
        at -= 1
    elif not signed:
        return None
    if at >= 0 and doc[at].text == ",":
        at -= 1
    end = at
    while at >= 0 and end - at < 5 and at not in figures and (_in_name(doc[at]) or _numbers_name(doc, at)):
        at -= 1
    opens = at < 0 or at in figures or doc[at].lower_ in words.LIST_OPENERS or doc[at].pos_ == "AUX"
    if at == end or not opens:
        return None  # "shares of Acme up 5%": the name is part of a longer phrase
    return _phrase(doc, range(at + 1, end + 1))


def _name_numbers(doc: Doc, own: range, figures: Collection[int]) -> set[int]:
    """The other figures that are a number in a name, part of a referent: "S&P 500", "the Fortune 100"."""
    return {k for k in figures if k not in own and k - 1 not in figures and _numbers_name(doc, k)}


def _numbers_name(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a bare number that ends a name: "S&P 500", "FTSE 100", "sp 500"."""
    if not doc[k].like_num or k == 0 or (k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN" and not doc[k + 1].like_num):
        return False  # "the FTSE 100 companies": a count
    before = doc[k - 1]
    return _in_name(before) or (before.dep_ == "compound" and before.head.i == k)


def _in_name(tok: Token) -> bool:
    """A word of a company's or an index's name: "A2 Milk", "S&P", "JD Sports"."""
    return tok.pos_ == "PROPN" or tok.text == "&" or (tok.text[:1].isupper() and tok.pos_ in _NOUNS)


def _anchor(doc: Doc, first: int, last: int) -> Token:
    """The figure's head: its token whose own head lies outside it (the last such, as a counted noun ends it)."""
    anchor = doc[last]
    for tok in doc[first : last + 1]:
        if not first <= tok.head.i <= last or tok.head.i == tok.i:
            anchor = tok
    return anchor


def _owner(anchor: Token, last: int, prepositions: Collection[str]) -> Token | None:
    """The whole a figure is part of or measured on: "60 per cent of its revenue" -> "revenue", "47.6% from the
    field" -> "field"; not a place or a date."""
    for child in anchor.rights:
        if child.i > last and child.dep_ == "prep" and child.lower_ in prepositions and not _span_end(child):
            for noun in child.children:
                if noun.dep_ == "pobj" and noun.pos_ in _NOUNS and noun.ent_type_ not in _SETTING_TYPES:
                    return noun
    return None


def _span_end(prep: Token) -> bool:
    """Whether "from" opens a span between two places, where a length is measured, not what it is of: "25.5 inches
    from nut to saddle"."""
    if prep.lower_ != "from":
        return False
    after = prep.right_edge.i + 1
    return any(t.dep_ == "prep" and t.lower_ == "to" for t in prep.subtree) or (
        after < len(prep.doc) and prep.doc[after].lower_ == "to"
    )


def _climb(anchor: Token, last: int, found: list[Token], skip: Collection[int]) -> Token | None:
    """Walk up from the figure to its clause's verb, keeping the first noun on the way that the figure describes or
    hangs from ("a fine of 10.5 million dollars" -> "fine"; not another figure, as "($7.5 million)" hangs from the
    amount before it); None when the figure is itself a subject."""
    tok = anchor
    for _ in range(_STEPS):
        dep, head = tok.dep_, tok.head
        if head.i == tok.i or dep in _SUBJECT_DEPS:
            return None
        if dep in ("conj", "cc", "pobj"):
            if head.pos_ in _VERBS and dep == "conj":
                return head  # "would be punishable by ... and a fine of $7.5 million": the verb's subject
            tok = head  # the first of a list stands for all; a preposition goes where it hangs
            continue
        if head.pos_ in _NOUNS and (dep in ("prep", "appos") or (dep in _MODIFIER_DEPS and head.i > last)):
            if not found and head.i not in skip and _names_a_thing(head):  # not "9.2% year over year"
                found.append(head)
            tok = head
            continue
        participle = head.dep_ == "amod" and head.head.pos_ in _NOUNS  # "30% fuming sulfuric acid"
        if not participle and (head.pos_ in _VERBS or any(t.dep_ in _SUBJECT_DEPS for t in head.children)):
            return head
        tok = head
    return None


def _changed(verb: Token, anchor: Token) -> Token | None:
    """The object whose change the figure measures: "boost the driving range by about 35 miles", "pulled the sector
    0.68 percent lower"; None when the figure is the object itself."""
    objects = [t for t in verb.children if t.dep_ == "dobj" and t.pos_ in _NOUNS]
    if anchor.dep_ == "dobj" and anchor.head.i == verb.i:
        return _paid_for(verb)
    if not objects or anchor.dep_ == "dobj" or anchor in objects:
        return None
    link = anchor
    while link.head.i not in (verb.i, link.i):
        link = link.head
    by_preposition = link.dep_ == "prep" and link.lower_ in _CHANGE_PREPOSITIONS
    return objects[0] if by_preposition or link.dep_ in ("npadvmod", "advmod", "acomp", "oprd") else None


def _paid_for(verb: Token) -> Token | None:
    """What an amount the verb takes is for: "paid $216,925 for flights" -> "flights"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            nouns = [t for t in prep.children if t.dep_ == "pobj" and _names_a_thing(t)]
            return nouns[0] if nouns else None
    return None


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of ``verb`` or of the verb its open clause hangs from; a relative pronoun's noun; a pronoun's
    stand-in in the clause above ("the company said it has 1,000 customers"); None for any other pronoun. With it,
    whether it is ``verb``'s own subject, named in its clause."""
    direct = True  # until the walk leaves the chain of verbs that share one subject ("had to pay")
    for _ in range(_STEPS):
        subjects = [t for t in verb.children if t.dep_ in _SUBJECT_DEPS]
        if subjects:
            subject = subjects[0]
            if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head, False
            if subject.pos_ not in ("PRON", "DET") and subject.lower_ not in _QUANTIFIERS:
                return subject, direct
            if verb.dep_ == "relcl" and subject.tag_ == "PRP":
                direct = False
                verb = verb.head  # "Musk uses his account, where he has 80 million followers": the clause above
                continue
            if verb.dep_ not in _OPEN_CLAUSES or verb.head.i == verb.i:
                return None, False
            direct = direct and verb.dep_ == "xcomp"
            verb = verb.head
            continue
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in _NOUNS:
            if not any(t.tag_ == "TO" for t in verb.children):
                return verb.head, False  # "products priced at under $10"
            direct = False
            verb = verb.head  # "plans to lay off 6,650 employees": whose plans
            while verb.dep_ in ("conj", "pobj", "prep") and verb.head.i != verb.i:
                verb = verb.head
            verb = verb.head
            continue
        if (verb.dep_ not in _OPEN_CLAUSES and verb.pos_ in _VERBS) or verb.head.i == verb.i:
            return None, False
        direct = direct and verb.dep_ == "xcomp"
        verb = verb.head
    return None, False


def _phrase(doc: Doc, keep: Collection[int]) -> str | None:
    """The text of the tokens ``keep`` as written, a space where tokens between were left out ("Foch, Paris"), cut
    before a bracket it opens and does not close ("Population (2020): 1,234,567": the tokenizer keeps "):" whole)."""
    text = "".join(doc[k].text_with_ws if k + 1 in keep else doc[k].text + " " for k in sorted(keep)).strip()
    return _without_open_bracket(text) or None


def _without_open_bracket(text: str) -> str:
    depth, opened_at = 0, -1
    for at, char in enumerate(text):
        if char in "([":
            if depth == 0:
                opened_at = at
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
    return text[:opened_at].rstrip() if depth else text


def _phrase_tokens(noun: Token, skip: Collection[int], depth: int) -> set[int]:
    """A noun with the words that modify it: those before it, what its prepositions attach ("contract with American
    Media") and nouns joined to it ("people and families"); determiners, pronouns and figures left out."""
    doc = noun.doc
    left = noun.left_edge.i
    while left < noun.i and (left in skip or doc[left].pos_ in _LEADING_POS):
        left += 1
    right = noun.i
    while (
        right + 2 < len(doc)
        and doc[right + 1].text == "-"
        and not (doc[right].whitespace_ or doc[right + 1].whitespace_)
    ):
        right += 2  # a hyphenated name the parse split: "Ben-Moshe"
    # A name that goes on after its number: "the S&P 500", "the Samsung Galaxy Note 20 Ultra".
    if noun.pos_ == "PROPN" and right + 1 < len(doc) and right + 1 not in skip and _numbers_name(doc, right + 1):
        right += 1
        while right + 1 < len(doc) and right + 1 not in skip and doc[right + 1].pos_ == "PROPN":
            right += 1
    keep = {
        k
        for k in range(left, right + 1)
        if k not in skip and _modifies(doc[k]) and (k == noun.i or not _only_counts(doc[k]))
    }
    # A listed noun with a figure of its own is another referent ("John Gant (0.5 WAR), Alex Reyes (0.5 WAR)").
    joined = [
        child
        for child in noun.rights
        if child.dep_ == "conj" and child.pos_ in _NOUNS and not any(t.i in skip for t in child.subtree)
    ]
    for child in noun.rights:
        if depth and child.dep_ == "prep" and child.i not in skip:
            nouns = [t for t in child.children if t.dep_ == "pobj" and _names_a_thing(t) and t.i not in skip]
            if nouns and not any(t.i in skip for t in nouns[0].subtree):
                keep |= {child.i, *_phrase_tokens(nouns[0], skip, depth - 1)}
        elif child in joined:
            keep |= _phrase_tokens(child, skip, 0)
        elif child.dep_ == "cc" and joined and child.i not in skip:
            keep.add(child.i)
        elif child.dep_ == "appos" and child.i == noun.i + 2 and doc[noun.i + 1].text == "(":
            keep |= {noun.i + 1, child.i, child.i + 1}  # a name's code in brackets: "Ford (F)"
    return {k for k in keep if not doc[k].is_punct or _encloses(doc[k], keep)}


def _encloses(punct: Token, keep: Collection[int]) -> bool:
    """Whether kept words hold a punctuation mark in place: "start-up", "Ford (F)"; not the brackets of a figure
    left out ("a 1.8 billion-mile (2.8bn km) journey")."""
    k = punct.i
    if punct.is_left_punct:
        return k + 1 in keep
    if punct.is_right_punct:
        return k - 1 in keep
    return k - 1 in keep and k + 1 in keep


def _modifies(tok: Token) -> bool:
    """A word that may be part of a referent: not a pronoun, nor a year or a day said as a number or on its own
    ("Between 1600 and 1900 world temperatures", "said Tuesday"); a month that names a thing stays ("the September
    crude contract")."""
    if tok.pos_ == "PRON" or (tok.lower_ in words.WEEKDAY_WORDS and tok.ent_type_ in ("", "DATE")):
        return False  # a weekday outside a name ("The Sunday Times" stays)
    return tok.ent_type_ not in ("DATE", "TIME") or (tok.head.i != tok.i and tok.head.i > tok.i and not tok.is_digit)


def _only_counts(tok: Token) -> bool:
    """A word that only counts, orders or totals the noun it modifies ("the total value", "other companies", "one
    refinery", "the first quarter"); not a capital or a word in a name, which names ("Total SA", "The Other Guys",
    "the BBC One schedule", "a category 4 storm"), nor half of a hyphenated word ("next-generation chips")."""
    lower = tok.is_lower or (tok.is_sent_start and tok.is_title and not tok.ent_type_ and tok.pos_ != "PROPN")
    if not lower or tok.ent_type_ not in ("", "ORDINAL", "CARDINAL"):
        return False
    doc = tok.doc
    if (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_) or (
        tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
    ):
        return False
    counts = tok.pos_ == "NUM" and tok.dep_ == "nummod" and tok.is_alpha
    return tok.lower_ in _COUNTING_WORDS or tok.ent_type_ == "ORDINAL" or counts


def _names_a_thing(tok: Token) -> bool:
    """A noun that names a thing, not a time ("revenue in the quarter", "a fee in December")."""
    return tok.pos_ in _NOUNS and tok.ent_type_ not in ("DATE", "TIME") and tok.lower_ not in words.TIME_UNITS
