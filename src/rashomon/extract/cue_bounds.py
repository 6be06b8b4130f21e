"""Where a cue starts and ends: the speech verb with the auxiliaries, negation and adverbs set before it
(`with_helpers`), and the preposition its content follows (`with_preposition`).

PolNeAR marks a cue as the verb group ("has said", "did not respond", "also noted", "has repeatedly denied"), and
a reader wants it so; the tagger and the parse rules may find the verb alone (the counts are in docs/decisions.md).
"""

from __future__ import annotations

from typing import Any

from rashomon.extract.content_bounds import tells_occasion
from rashomon.extract.lexicon.speech_words import CUE_PREPOSITIONS
from rashomon.extract.nlp import text_of
from rashomon.extract.quote_marks import EDGE_MARKS

# How a helper of the verb hangs from it: "has", "was" (passive), "not", "also".
_HELPERS = frozenset({"aux", "auxpass", "neg", "advmod"})


def with_helpers(doc: Any, cue: tuple[int, int]) -> tuple[int, int]:
    """A cue widened to the left over the words of its verb group right before it; a cue with no verb, or none
    before it ("according to", a colon), stays as it is."""
    words = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if words is None or not len(words):
        return cue
    verbs = {t.i for t in words if t.pos_ in ("VERB", "AUX")}
    first = words[0].i
    while first > 0 and _helps(doc[first - 1], verbs):
        first -= 1
        verbs.add(first)  # an auxiliary may carry its own "not": "has not"
    return (int(doc[first].idx), cue[1]) if first < words[0].i else cue


def _helps(token: Any, verbs: set[int]) -> bool:
    """Whether a word is an auxiliary, a negation or an adverb of one of the cue's verbs (not "how" or "when", which
    open a clause of their own)."""
    return token.head.i in verbs and token.dep_ in _HELPERS and token.tag_ != "WRB" and token.head.i > token.i


# How a preposition a cue ends with hangs from it: "accused of", "called for", "was endorsed by".
_PREPOSITIONS = frozenset({"prep", "agent"})


def with_preposition(doc: Any, cue: tuple[int, int], start: int, end: int) -> tuple[tuple[int, int], int]:
    """A cue and the start of its content after it, with the preposition between them in the cue ("accused her of"
    keeps "of", "talked about the plan" gives "about" to the cue and "the plan" to the content), as PolNeAR marks
    them far more often than not; only a preposition of `CUE_PREPOSITIONS`, none telling when or where."""
    words = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if words is None or not len(words) or words[-1].i + 2 >= len(doc):
        return cue, start  # no room for a preposition and a word after it
    inside = {t.i for t in words}
    last = words[-1]
    if len(words) > 1 and last.lower_ in CUE_PREPOSITIONS and last.head.i in inside:
        clause = _clause_after(last)
        if clause is not None and clause.idx < end:  # the tagger's "reported from" before "Kyiv that ..."
            before = words[-2]
            return (cue[0], before.idx + len(before.text)), max(start, clause.idx)
    after = doc[last.i + 1]
    if after.dep_ == "prt" and after.head.i in inside:  # "weighed in with", "doubling down on"
        inside.add(after.i)
        after = doc[after.i + 1]
    if after.lower_ not in CUE_PREPOSITIONS or after.dep_ not in _PREPOSITIONS or after.head.i not in inside:
        return cue, start
    if tells_occasion(after):
        return cue, start  # "reported at the time that ...", "said in a statement": when or where, not what of
    clause = _clause_after(after)
    if clause is not None and clause.idx < end:
        return cue, max(start, clause.idx)  # "reported from Kyiv that ...": the clause is what was said
    if after.i + 1 >= len(doc):
        return cue, start
    following = doc[after.i + 1]
    if start not in (after.idx, following.idx) or following.idx >= end:
        return cue, start
    text, begin = text_of(doc), following.idx
    while begin < end and (text[begin].isspace() or text[begin] in EDGE_MARKS):
        begin += 1  # "asked about “secret talks”": inside the marks (`with_balanced_marks` puts back a lone one)
    return (cue[0], after.idx + len(after.text)), begin


def _clause_after(preposition: Any) -> Any:
    """The first token of a clause the speech verb holds after the preposition's phrase ("reported from Kyiv that the
    shelling stopped"): then the phrase says where or from whom, and the clause is what was said."""
    verb, phrase_end = preposition.head, preposition.right_edge.i
    return next((c.left_edge for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i > phrase_end), None)
