"""Capitals named for their governments: "Baku said", "Yerevan accuses Baku's forces", "talks with Beijing".

Such a mention stands for the country: it gets ``refers_to`` set to the country's name, so it joins the country's
entity, and a quote whose speaker it is is given to the country ("Baku said" -> Azerbaijan), as another outlet
writing "Azerbaijan said" gives it. A capital is read so only where its words make it an actor: the subject of a
verb of speaking, deciding or acting on another state, the owner of a government's noun ("Moscow's envoy", not
"Moscow's mayor"), or a side of talks or relations; "in Moscow", "flights from Baku" stay places.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rashomon.extract.lexicon.capitals import (
    ACTOR_NOUNS,
    AGENT_VERBS,
    CAPITAL_COUNTRY,
    MEASURE_NOUNS,
    OBJECT_VERBS,
    RELATION_NOUNS,
    STATE_WORDS,
)
from rashomon.model import Mention, Quote

_SUBJECTS = frozenset({"nsubj", "csubj"})


def governments(doc: Any, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """The mentions, a capital that acts as its government referring to its country."""
    by_start = {tok.idx: tok for tok in doc}
    # A word of a longer name is no capital anywhere in the article: "Paris Hilton", "George Washington", "The
    # Moscow Times" (the model may call any of them an organisation).
    in_names = {tok.text for ent in doc.ents if ent.label_ in ("PERSON", "ORG") and len(ent) > 1 for tok in ent}
    found = []
    for mention in mentions:
        name = doc.text[mention.start : mention.end]
        country = CAPITAL_COUNTRY.get(name)
        first = by_start.get(mention.start)
        if country is None or first is None or name in in_names or mention.refers_to is not None:
            found.append(mention)
            continue
        if name == "Washington" and _names_the_state(doc):
            found.append(mention)
            continue
        last = first
        while last.i + 1 < len(doc) and doc[last.i + 1].idx < mention.end:
            last = doc[last.i + 1]
        acts = _acts(last)
        found.append(replace(mention, refers_to=country, label="PLACE") if acts else mention)
    return tuple(found)


def _acts(token: Any) -> bool:
    """Whether a capital's last token stands where a government does."""
    head = token
    while head.dep_ == "conj" and head.head.i != head.i:  # "Baku and Ankara have pressed": the first conjunct's role
        head = head.head
    if head.dep_ in _SUBJECTS and head.head.lemma_.lower() in AGENT_VERBS:
        return True
    if token.dep_ == "poss" and token.head.lemma_.lower() in ACTOR_NOUNS:
        return True
    if head.dep_ == "dobj" and head.head.lemma_.lower() in OBJECT_VERBS:
        return True
    if head.dep_ != "pobj":
        return False
    preposition, governor = str(head.head.lower_), str(head.head.head.lemma_).lower()
    if preposition in ("with", "between"):
        return governor in RELATION_NOUNS
    if preposition in ("on", "against"):
        return governor in MEASURE_NOUNS
    return preposition == "to" and governor == "hand"  # "handed two soldiers over to Yerevan"


def _names_the_state(doc: Any) -> bool:
    """Whether the article means the US state by "Washington" ("Washington state", "the state of Washington",
    "Washington's Legislature")."""
    for tok in doc:
        if tok.text != "Washington":
            continue
        after = doc[tok.i + 1 : tok.i + 3]
        words = [t.text for t in after if t.text not in ("'s", "’s")][:1]
        if words and words[0] in STATE_WORDS:
            return True
        if tok.i >= 2 and doc[tok.i - 2].lower_ == "state" and doc[tok.i - 1].lower_ == "of":
            return True
    return False


def speakers_as_governments(quotes: Sequence[Quote], mentions: Sequence[Mention]) -> tuple[Quote, ...]:
    """The quotes, one whose speaker is a capital acting as its government given to the country."""
    countries = {(m.start, m.end): m.refers_to for m in mentions if m.refers_to is not None}
    found = []
    for quote in quotes:
        span = quote.speaker_span
        country = countries.get((span.start, span.end)) if span is not None else None
        found.append(replace(quote, speaker=country) if country else quote)
    return tuple(found)
