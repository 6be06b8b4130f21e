"""Capitals named for their governments: "Baku said", "Yerevan accuses Baku's forces", "talks with Beijing".

Such a mention stands for the country: it gets ``refers_to`` set to the country's name, so it joins the country's
entity, and a quote whose speaker it is is given to the country ("Baku said" -> Azerbaijan), as another outlet
writing "Azerbaijan said" gives it. A capital is read so only where its words make it an actor: the subject of a
verb of speaking, deciding or acting on another state, the owner of a government's noun ("Moscow's envoy", not
"Moscow's mayor"), the object of accusing or urging, a side of talks or relations, the target of sanctions; and
only in an article about states (it names a country, a nationality other than a party, or another capital). A
capital stays as written where the article makes it the city (its mayor, council or city government, "Washington
state"), a person ("Mr. Santiago", "Paris Hilton") or a team ("Washington signed quarterback ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rashomon.extract.lexicon.capitals import (
    ACTOR_NOUNS,
    AGENT_VERBS,
    CAPITAL_COUNTRY,
    CITY_WORDS,
    GOVERNMENT_TYPES,
    HONORIFICS,
    MEASURE_NOUNS,
    OBJECT_VERBS,
    PARTY_WORDS,
    RELATION_NOUNS,
    STATE_WORDS,
    TEAM_WORDS,
)
from rashomon.extract.nlp import text_of
from rashomon.model import EntityType, Mention, Quote

_SUBJECTS = frozenset({"nsubj", "csubj"})
_COUNTRIES = frozenset(CAPITAL_COUNTRY) | frozenset(CAPITAL_COUNTRY.values())
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})


def governments(doc: Any, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """The mentions, a capital that acts as its government referring to its country."""
    text = text_of(doc)  # not doc.text, which spaCy joins anew at each read
    if not any(text[m.start : m.end] in CAPITAL_COUNTRY for m in mentions):
        return tuple(mentions)
    ents = list(doc.ents)  # `doc.ents` builds its spans again at every access
    longer = [ent.text for ent in ents if ent.label_ in ("PERSON", "ORG") and len(ent) > 1]
    named = {ent.text.removeprefix("the ").removeprefix("The ") for ent in ents if ent.label_ != "NORP"}
    nationality = any(ent.label_ == "NORP" and ent.text.lower() not in PARTY_WORDS for ent in ents)
    the_city: dict[str, bool] = {}
    found = []
    for mention in mentions:
        name = text[mention.start : mention.end]
        country = CAPITAL_COUNTRY.get(name)
        span = doc.char_span(mention.start, mention.end) if country is not None else None
        if country is None or span is None or mention.refers_to is not None:
            found.append(mention)
            continue
        first, last = span[0], span[-1]
        if name not in the_city:
            the_city[name] = _inside_a_name(name, longer) or _the_city(doc, text, name)
        about_states = nationality or bool(named & _COUNTRIES - {name}) or country in text
        if the_city[name] or _titled(doc, first) or not about_states or not _acts(last):
            found.append(mention)
            continue
        label: EntityType = "ORG" if GOVERNMENT_TYPES.get(country) == "ORG" else "PLACE"
        found.append(replace(mention, refers_to=country, label=label))
    return tuple(found)


def _inside_a_name(name: str, longer: Sequence[str]) -> bool:
    """Whether the capital is a part of a longer name of the article ("Paris Hilton", "The Moscow Times")."""
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return any(text != name and pattern.search(text) for text in longer)


def _titled(doc: Any, first: Any) -> bool:
    """A title before the name makes it a person's ("Mr. Santiago", "Judge Paris")."""
    return first.i > 0 and doc[first.i - 1].lower_.rstrip(".") in HONORIFICS


def _the_city(doc: Any, text: str, name: str) -> bool:
    """Whether the article makes the capital its city or state anywhere: "Moscow's city government", "the mayor of
    Paris", "Tokyo's governor", "Washington state", "the state of Washington"."""
    for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        span = doc.char_span(found.start(), found.end())
        if span is None:
            continue
        after = [t for t in doc[span.end : span.end + 3] if t.text not in _POSSESSIVE][:1]
        if after and (after[0].lower_ in CITY_WORDS or (name == "Washington" and after[0].text in STATE_WORDS)):
            return True
        before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
        if len(before) == 2 and before[1] == "of" and before[0] in CITY_WORDS | {"state"}:
            return True
    return False


def _acts(token: Any) -> bool:
    """Whether a capital's last token stands where a government does."""
    head = token
    while head.dep_ == "conj" and head.head.i != head.i:  # "Baku and Ankara have pressed": the first conjunct's role
        head = head.head
    if head.dep_ in _SUBJECTS and head.head.lemma_.lower() in AGENT_VERBS:
        return not _a_team(head.head)
    if token.dep_ == "poss" and token.head.lemma_.lower() in ACTOR_NOUNS:
        return not any(child.lower_ in CITY_WORDS for child in token.head.children)  # not "Moscow's city government"
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


def _a_team(verb: Any) -> bool:
    """Whether what the verb acts on is a player or a game: a team named for its city ("Washington signed
    quarterback Sam Rowe", "Ottawa signed Lee Park to a two-year deal"); a state signs treaties, not people."""
    signs = verb.lemma_.lower() == "sign"
    return any(
        tok.lower_ in TEAM_WORDS or (signs and tok.ent_type_ == "PERSON")
        for child in verb.children
        if child.dep_ in ("dobj", "attr")
        for tok in child.subtree
    )


def speakers_as_governments(quotes: Sequence[Quote], mentions: Sequence[Mention]) -> tuple[Quote, ...]:
    """The quotes, one whose speaker is a capital acting as its government given to the country: its speaker span
    is that mention, or starts with it and is named by it ("Moscow, which denies any part in it, said")."""
    countries = {m.start: m for m in mentions if m.refers_to is not None and m.label != "PERSON"}
    found = []
    for quote in quotes:
        span = quote.speaker_span
        mention = countries.get(span.start) if span is not None else None
        named = mention is not None and span is not None and mention.end <= span.end
        if named and mention is not None and span is not None:
            text_named = mention.end == span.end or quote.speaker in CAPITAL_COUNTRY
            named = text_named and CAPITAL_COUNTRY.get(quote.speaker or "", mention.refers_to) == mention.refers_to
        found.append(replace(quote, speaker=mention.refers_to) if named and mention is not None else quote)
    return tuple(found)
