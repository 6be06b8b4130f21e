"""Entities: named mentions in each article, then one identity per real-world thing across all articles.

Identity is resolved in named steps: exact key (case, accents, punctuation folded), person short forms resolved
within each article ("Putin" -> "Vladimir Putin"), and spelling variants of one name (Nakhchivan / Nakhichevan:
same consonant skeleton, or a near-identical spelling). Mentions that are not names ("he", "the Armenian prime
minister") arrive from the quote stage with ``refers_to`` set and join the entity they refer to.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from rapidfuzz import process
from rapidfuzz.fuzz import ratio
from spacy.attrs import ENT_IOB, POS
from spacy.symbols import PROPN

from rashomon.extract.lexicon.capitals import HONORIFICS, TEAM_WORDS
from rashomon.extract.lexicon.entity_words import (
    ACRONYM_SKIPS,
    COUNTRY_PREFIXES,
    ORG_HEADS,
    ORG_NOUNS,
    OWNER_VERBS,
    PLACE_HEADS,
    PLACE_NOUNS,
    PLACE_OF_NOUNS,
    REGION_NOUNS,
    TIME_ZONES,
    TITLE_WORDS,
    VESSEL_NOUNS,
)
from rashomon.extract.lexicon.places import PLACE_NAMES
from rashomon.extract.lexicon.speech_words import DEMONYM_COUNTRY, TITLES
from rashomon.extract.nlp import text_of
from rashomon.model import Entity, EntityType, Mention
from rashomon.text.names import name_key, skeleton

SPACY_LABELS: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "EVENT": "EVENT",
}
_TRIM_LEFT = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TRIM_RIGHT = re.compile(r"(?:['’]s|['’])$")
_TYPE_PRIORITY: dict[EntityType, int] = {"PERSON": 0, "PLACE": 1, "ORG": 2, "EVENT": 3, "OTHER": 4}
_TITLE_WORDS = tuple((title, re.compile(rf"\b{re.escape(title)}\b")) for title in TITLES)


# Labels kept only where the context says what the name is: the model reads "the city of Sochi" as a nationality
# and "the shipping group Maersk" as a product.
_CONTEXT_ONLY = frozenset({"NORP", "PRODUCT"})
_OUTSIDE = 2  # spaCy's ENT_IOB value for a token in no entity
# Honorifics only a person's name takes ("Ms Holt", "Mr. Watkins"), whatever the model typed it.
_PERSONAL_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
# Words for what a person does that the model takes into a name opening a sentence ("Striker Kofi Mensah scored");
# not titles that are part of a name ("King Charles", "Pope Francis", "Sir Elton John", "Lady Bird Johnson").
_NAME_TITLES = frozenset("king queen prince princess pope sir dame lady lord".split())
_ROLE_BEFORE_NAME = (TITLE_WORDS | TEAM_WORDS | HONORIFICS) - _NAME_TITLES


def find_mentions(doc: Any, article_id: str) -> tuple[Mention, ...]:
    """Named mentions from the model's entity recogniser, trimmed of articles, possessive endings and trailing
    titles, without capitalised words that are not names (`_not_a_name`), with the names the model missed where
    their context says what they are (`_missed_names`), and typed by that context over the model's label
    (`_context_type`), which every mention of the same name in the article then shares."""
    recognised = doc.ents  # made anew, span by span, at each read
    surnames = {ent[-1].text for ent in recognised if ent.label_ == "PERSON" and len(ent) > 1}
    found: list[tuple[Any, EntityType, EntityType | None]] = []
    for ent in recognised:
        label = SPACY_LABELS.get(ent.label_)
        if ent.text in TIME_ZONES or (label is not None and _is_portfolio(doc, ent, label)):
            continue
        if label is None and ent.label_ not in _CONTEXT_ONLY:
            continue
        first, last = ent.start, ent.end
        while last - first > 1 and doc[last - 1].lower_.rstrip(".") in TITLE_WORDS:
            last -= 1
        while label == "PERSON" and last - first > 1 and _no_part_of_a_name(doc[first], last - first):
            first += 1
        name = doc[first:last]
        if _not_a_name(name, surnames):
            continue
        context = _context_type(doc, name)
        if label is not None:
            found.append((name, context or _label(name, label, surnames), context))
        elif context is not None:
            found.append((name, context, context))
    found.extend(_missed_names(doc))
    return _typed_alike(text_of(doc), found, article_id)


def _typed_alike(
    text: str, found: Sequence[tuple[Any, EntityType, EntityType | None]], article_id: str
) -> tuple[Mention, ...]:
    """The mentions, each of a name its context typed in this article taking that type ("Nagorno-Karabakh, a
    region ..." makes every Nagorno-Karabakh of the article a place)."""
    built = [(mention, context) for name, label, context in found if (mention := _mention(name, label, article_id))]
    by_key: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for mention, context in built:
        if context is not None:
            by_key[name_key(text[mention.start : mention.end])][context] += 1
    mentions = []
    for mention, _ in built:
        types = by_key.get(name_key(text[mention.start : mention.end]))
        mentions.append(replace(mention, label=types.most_common(1)[0][0]) if types else mention)
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end)))


def _no_part_of_a_name(token: Any, length: int) -> bool:
    """Whether the first word the model took into a person's name is none of it: a word of another kind opening
    the sentence ("Sometimes Simon", "Entrusting Donald Trump"), or a role word before a name of two words or more
    ("Striker Kofi Mensah")."""
    if token.pos_ in ("ADV", "PRON", "CCONJ", "SCONJ", "INTJ") or token.tag_ in ("VBG", "VBN"):
        return True  # not "Will Smith", whose first name reads as a verb
    return length > 2 and token.lower_.rstrip(".") in _ROLE_BEFORE_NAME


def _mention(name: Any, label: EntityType, article_id: str) -> Mention | None:
    text = name.text
    left = len(text) - len(_TRIM_LEFT.sub("", text))
    right = len(_TRIM_RIGHT.sub("", text.rstrip()))
    if right - left < 2 or not text[left:right][0].isupper():
        return None
    return Mention(article=article_id, start=name.start_char + left, end=name.start_char + right, label=label)


def _is_portfolio(doc: Any, ent: Any, label: EntityType) -> bool:
    """A one-word "organisation" naming a minister's portfolio ("Transportation Secretary Pete Buttigieg")."""
    return (
        label == "ORG"
        and len(ent) == 1
        and not ent.text.isupper()  # "NTSB Chair Jennifer Homendy": an organisation's officer
        and ent.end < len(doc)
        and doc[ent.end].lower_ in TITLE_WORDS
    )


def _not_a_name(name: Any, surnames: set[str]) -> bool:
    """A one-word "name" that is a common noun or an adjective: capitalised only by opening its sentence (as the
    tagger reads it), a measure of time before an adverb ("Moments earlier", "Hours later"), or a nationality
    before a noun ("the Azerbaijani president"); not the surname of a person the article names in full."""
    if len(name) != 1 or name.text in surnames:
        return False
    token = name[0]
    if token.is_sent_start and token.tag_ in ("NN", "NNS"):
        return True
    if token.dep_ == "npadvmod" and token.head.i == token.i + 1 and token.head.pos_ == "ADV":
        return True
    modifies = token.dep_ in ("amod", "compound") and token.head.i > token.i and token.head.pos_ == "NOUN"
    return modifies and _is_demonym(token.text)


def _is_demonym(word: str) -> bool:
    """A country's adjective: irregular ones from the table, else a known place plus a regular ending
    ("Azerbaijani", "Armenian", "Ukrainian", "Chinese", "Mexican")."""
    if not word.isalpha() or word.isupper() or word in PLACE_NAMES:
        return False
    if word.lower() in DEMONYM_COUNTRY:
        return True
    stems: tuple[str, ...] = (word + "stan", word + "istan", word + "a")  # "Kazakh", "Afghan", "Somali"
    if word.endswith("ese"):
        stems += (word[:-3], word[:-3] + "a")
    elif word.endswith("ian"):
        stems += (word[:-1], word[:-3], word[:-3] + "a", word[:-3] + "e")
    elif word.endswith("an"):
        stems += (word[:-1], word[:-2] + "o")
    elif word.endswith("i"):
        stems += (word[:-1],)
    return any(len(stem) > 2 and stem in PLACE_NAMES for stem in stems)


def _context_type(doc: Any, name: Any) -> EntityType | None:
    """The type a name's context gives it, whatever the model said: a vessel after "ship" or "tanker"; what the
    noun in apposition says ("the shipping group Maersk", "Nagorno-Karabakh, a region ..."); a place after "the
    city of" or before "province" ("Armenia's Syunik province"); a company by its last word ("... Ltd") or as a
    vessel's owner ("The ship is owned by Grace Ocean")."""
    root = name.root
    before = doc[name.start - 1].lower_ if name.start > 0 else ""
    described = _described_as(doc, name)
    if before in VESSEL_NOUNS or described in VESSEL_NOUNS:
        return "OTHER"
    if described in ORG_NOUNS:
        return "ORG"
    if described in PLACE_NOUNS:
        return "PLACE"
    if before == "of" and name.start > 1 and doc[name.start - 2].lower_ in PLACE_OF_NOUNS:
        return "PLACE"
    if name.end < len(doc) and root.head.i == name.end:
        after = doc[name.end]
        if after.lower_ in REGION_NOUNS and after.dep_ != "compound":
            return "PLACE"
    if len(name) > 1 and name[-1].lower_.rstrip(".") in ORG_HEADS:
        return "ORG"
    return "ORG" if _owns_a_vessel(root) else None


def _described_as(doc: Any, name: Any) -> str:
    """The common noun in apposition to a name, or just before it: "group" in "the shipping group Maersk"."""
    root = name.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return str(root.head.lower_)
    described = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
    if described is not None:
        return str(described.lower_)
    before = doc[name.start - 1] if name.start > 0 else None
    return str(before.lower_) if before is not None and before.pos_ == "NOUN" and before.head == root else ""


def _owns_a_vessel(token: Any) -> bool:
    """Whether a name is the agent of owning, managing or chartering a ship: a shipping company."""
    by = token.head
    if token.dep_ != "pobj" or by.dep_ != "agent" or by.head.lemma_.lower() not in OWNER_VERBS:
        return False
    verb = by.head
    while verb.dep_ == "conj":  # "owned by X and managed by Y": the subject is the first verb's
        verb = verb.head
    owned = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return owned is not None and owned.lower_ in VESSEL_NOUNS


def _missed_names(doc: Any) -> list[tuple[Any, EntityType, EntityType | None]]:
    """Runs of proper nouns the model left out of every entity, where their context says what they are
    ("Armenia's Syunik province")."""
    values = doc.to_array([POS, ENT_IOB])
    rows = np.flatnonzero((values[:, 0] == PROPN) & (values[:, 1] == _OUTSIDE)).tolist()
    found: list[tuple[Any, EntityType, EntityType | None]] = []
    start = 0
    for at, row in enumerate(rows):
        if at + 1 < len(rows) and rows[at + 1] == row + 1:
            continue
        name = doc[rows[start] : row + 1]
        start = at + 1
        if not name.text[:1].isupper():
            continue
        context = _context_type(doc, name)
        if context is not None:
            found.append((name, context, context))
    return found


def _label(name: Any, label: EntityType, surnames: set[str]) -> EntityType:
    """The type a name's form gives it over the model's: a place by its last word ("... Bridge", "... River")
    or, for a lone word taken for a person whom the article never names in full, by being a known country or city
    ("bound for Colombo"); a person by an honorific ("Ms Holt"). A lone surname typed a body ("Juande Ramos ...
    Ramos said") keeps its type: a company is as often named for its founder ("Henry Ford ... Ford said it"), and
    the story's entities join the surname to the person either way."""
    if label != "PERSON" and name[-1].lower_ in PLACE_HEADS:
        return "PLACE"
    if label == "PERSON" and len(name) == 1 and name.text in PLACE_NAMES and name.text not in surnames:
        return "PLACE"
    if label != "PERSON" and len(name) == 2 and name[0].lower_.rstrip(".") in _PERSONAL_HONORIFICS - {"dr"}:
        return "PERSON"  # not "Dr Pepper"
    return label


def country_key(word: str) -> str:
    """A key that matches a country with its demonym and possessive ("Armenia's", "Armenian" -> "armen")."""
    base = _TRIM_RIGHT.sub("", word.strip()).lower()
    return DEMONYM_COUNTRY.get(base, base)[:5]


class RoleIndex:
    """Who holds which office in one article, from phrases like "Armenia's Prime Minister Nikol Pashinyan"."""

    def __init__(self, doc: Any) -> None:
        self.by_title: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for ent in doc.ents:
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            prefix = doc[max(0, ent.start - 5) : ent.start].text.lower()
            title = next((t for t in TITLES if prefix.endswith(t)), None)
            if title is None:
                continue
            before = prefix[: -len(title)].split()
            country = country_key(before[-1]) if before else ""
            self.by_title[title].append((country, ent.text))

    def lookup(self, phrase: str) -> str | None:
        """The person a descriptor such as "the Azerbaijani president" names, when the article says who."""
        if not self.by_title:
            return None  # no office holder named: no title need be looked for
        lowered = phrase.lower()
        # A title's pattern can only match where its words stand in the phrase: the cheap test first.
        title = next((t for t, words in _TITLE_WORDS if t in lowered and words.search(lowered)), None)
        if title is None or title not in self.by_title:
            return None
        head = lowered[: lowered.index(title)].split()
        countries = {country_key(w) for w in head if w not in ("the", "a", "its", "his", "her", "their")}
        holders = self.by_title[title]
        matching = {name for country, name in holders if country in countries} if countries else set()
        if len(matching) == 1:
            return matching.pop()
        names = {name for _, name in holders}
        return names.pop() if len(names) == 1 and not countries else None


class PersonNames:
    """Full person names (two words or more, an honorific not counted) by the key of their last word, to expand
    short forms."""

    def __init__(self, people: Iterable[str], key: Callable[[str], str] = name_key) -> None:
        self.key = key
        self.by_last: dict[str, set[str]] = defaultdict(set)
        for person in people:
            self.add(person)

    def add(self, person: str) -> None:
        """One more name to expand short forms to, where it is a full name."""
        words = without_honorific(self.key(person)).split()
        if len(words) > 1:
            self.by_last[words[-1]].add(person)

    def full(self, short: str) -> str | None:
        """The one full name whose last word is ``short`` ("Putin" -> "Vladimir Putin"; "Ms Holt" -> "Karen
        Holt"), if there is one (written with or without middle initials, the shorter)."""
        matches = self.by_last.get(without_honorific(self.key(short)), ())
        if not matches:
            return None
        # One first and last name written with and without middle initials ("Donald J. Trump", "Donald Trump"); not
        # two sets of initials ("George W. Bush", "George H. W. Bush") nor a second given name ("Mary Ellen Carter").
        shortest = min(matches, key=lambda m: (len(m.split()), m))
        plain = without_honorific(self.key(shortest)).split()
        for other in matches:
            words = without_honorific(self.key(other)).split()
            if words != plain and (words[0] != plain[0] or len(plain) != 2 or any(len(w) > 1 for w in words[1:-1])):
                return None
        return shortest


def without_honorific(key: str) -> str:
    """A name key without an honorific opening it ("ms holt" -> "holt", "dr sarah lane" -> "sarah lane")."""
    words = key.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in _PERSONAL_HONORIFICS else key


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def _surface(mention: Mention, texts: Mapping[str, str]) -> str:
    return mention.refers_to or texts[mention.article][mention.start : mention.end]


def _short_form_targets(
    names: Mapping[str, Counter[EntityType]], by_article: Mapping[str, set[str]], keys: Mapping[str, str]
) -> dict[tuple[str, str], str]:
    """(article, one-word name) -> the full person name it stands for in that article.

    Resolved per article: "Smith" is John Smith where the article names John Smith, and Mary Smith where it names
    her; only an article that names no such person falls back to the one full name across all articles, if unique.
    """
    people = {n for n, labels in names.items() if labels["PERSON"] and len(keys[n].split()) > 1}
    everyone = PersonNames(people, keys.__getitem__)
    targets = {}
    for article, found in by_article.items():
        short = [name for name in found if len(keys[name].split()) == 1]
        if not short:
            continue
        local = PersonNames(found & people, keys.__getitem__)
        for name in short:
            if full := local.full(name) or everyone.full(name):
                targets[(article, name)] = full
    return targets


def _link_spellings(groups: _UnionFind, keys: Iterable[str]) -> None:
    distinct = sorted(set(keys))
    by_skeleton: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in distinct:
        if len(key) >= 5:
            by_skeleton[(key[0], skeleton(key))].append(key)
    for similar in by_skeleton.values():
        for other in similar[1:]:
            groups.union(similar[0], other)
    # Near-identical spellings share their first letter, and a ratio of 92 needs lengths within 108/92 of each
    # other, so each key is scored only against the keys of its initial that are no more than a fifth longer.
    by_initial: dict[str, list[str]] = defaultdict(list)
    for key in sorted(distinct, key=lambda k: (len(k), k)):
        if len(key) >= 8:
            by_initial[key[0]].append(key)
    for block in by_initial.values():
        lengths = [len(k) for k in block]
        for i, key in enumerate(block):
            band = block[i + 1 : bisect_right(lengths, len(key) * 6 // 5)]
            for other, _, _ in process.extract(key, band, scorer=ratio, score_cutoff=92, limit=None):
                groups.union(key, other)


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in ACRONYM_SKIPS)


def _link_short_forms(groups: _UnionFind, names: Mapping[str, Counter[EntityType]], keys: Mapping[str, str]) -> None:
    """Names that are another's short form, where only one name fits: an acronym of its initials ("NTSB",
    "U.S." -> "United States"), the name without a country opening it ("US National Transportation Safety
    Board"), or its last words ("Key Bridge" -> "Francis Scott Key Bridge"). People are left to
    `_short_form_targets`, which knows which article names whom."""
    things = {keys[n] for n, labels in names.items() if labels and not _mostly_person(labels)}
    long_names = [k for k in things if len(k.split()) > 1]
    by_initials: dict[str, set[str]] = defaultdict(set)
    for name, key in keys.items():
        if key in things and len(key.split()) > 1 and not _is_acronym(name, key) and len(_initials(key)) > 1:
            by_initials[_initials(key)].add(key)
    dotted: dict[str, str] = {}  # "U.S." and "US" are one acronym
    for name in names:
        key = keys[name]
        if key not in things:
            continue
        candidates: set[str] = set()
        if _is_acronym(name, key):
            groups.union(key, dotted.setdefault(key.replace(" ", ""), key))
            candidates = by_initials.get(key.replace(" ", ""), set())
        elif len(words := key.split()) > 1:
            stripped = next((key[len(p) + 1 :] for p in COUNTRY_PREFIXES if key.startswith(p + " ")), None)
            if stripped is not None and stripped in things and len(stripped.split()) > 1:
                candidates = {stripped}
            else:
                candidates = {k for k in long_names if k.endswith(" " + key) and len(k.split()) > len(words)}
        if len({groups.find(c) for c in candidates}) == 1:
            groups.union(key, next(iter(candidates)))


def _is_acronym(name: str, key: str) -> bool:
    """Written in capitals, one word or one letter a word: "NTSB", "U.S."."""
    letters = key.replace(" ", "")
    return name.replace(".", "").isupper() and 1 < len(letters) <= 6 and len(key.split()) in (1, len(letters))


def _mostly_person(labels: Counter[EntityType]) -> bool:
    return labels["PERSON"] > 0 and labels["PERSON"] >= max(labels.values())


def resolve_entities(mentions: Sequence[Mention], texts: Mapping[str, str]) -> tuple[Entity, ...]:
    """One `Entity` per real-world thing across all articles' mentions."""
    names: dict[str, Counter[EntityType]] = defaultdict(Counter)
    by_article: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        surface = _surface(mention, texts)
        # A capital standing for its country (`metonymy`) votes for the country's type; a pronoun or title does not.
        if mention.refers_to is None or mention.label != "PERSON":
            names[surface][mention.label] += 1
        else:
            names.setdefault(surface, Counter())
        by_article[mention.article].add(surface)
    keys = {name: name_key(name) for name in names}
    targets = _short_form_targets(names, by_article, keys)
    groups = _UnionFind()
    for key in keys.values():
        groups.find(key)
    _link_spellings(groups, keys.values())
    _link_short_forms(groups, names, keys)
    members: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        surface = _surface(mention, texts)
        members[groups.find(keys[targets.get((mention.article, surface), surface)])].append(mention)
    entities = [_entity(group, texts, names, keys) for group in members.values()]
    return tuple(sorted(entities, key=lambda e: (-len(e.mentions), e.name)))


def _entity(
    group: list[Mention], texts: Mapping[str, str], names: Mapping[str, Counter[EntityType]], keys: Mapping[str, str]
) -> Entity:
    surfaces = Counter(_surface(m, texts) for m in group if m.refers_to is None) or Counter(
        _surface(m, texts) for m in group
    )
    labels: Counter[EntityType] = Counter()
    for surface in surfaces:
        labels.update(names.get(surface, Counter()))
    entity_type = _vote(labels, surfaces)
    # A person by the fullest name, anything else by a name written out rather than its acronym, so the same
    # thing gets the same name (and id) in every story.
    canonical = max(
        surfaces,
        key=lambda s: (
            entity_type == "PERSON" and len(s.split()),
            not _is_acronym(s, keys[s]),
            surfaces[s],
            -len(s),
            s,
        ),
    )
    aliases = sorted({s for s in surfaces if keys[s] != keys[canonical]})
    digest = hashlib.sha1(f"{entity_type}:{keys[canonical]}".encode()).hexdigest()[:12]
    ordered = sorted(group, key=lambda m: (m.article, m.start, m.end))
    return Entity(
        id=f"entity:{digest}", name=canonical, type=entity_type, aliases=tuple(aliases), mentions=tuple(ordered)
    )


def _vote(labels: Counter[EntityType], surfaces: Counter[str]) -> EntityType:
    if not labels:
        return "PERSON"
    # Only context gives "OTHER" (a name after "ship" or "tanker"): the model takes vessels for people or places.
    if labels["OTHER"] and not (labels["PERSON"] and any(len(s.split()) > 1 for s in surfaces)):
        return "OTHER"
    # A multi-word name the model calls a person is a person, whatever its short forms were tagged as.
    if labels["PERSON"] and any(len(s.split()) > 1 for s in surfaces):
        return "PERSON"
    # The small model often calls a capital or a country a person or an organisation ("Baku said", "Armenia's
    # forces"); a one-word name it tags as a place even once, and never gives a first name, is a place.
    if labels["PLACE"] and all(len(s.split()) == 1 for s in surfaces):
        return "PLACE"
    return min(labels, key=lambda label: (-labels[label], _TYPE_PRIORITY[label]))


def speaker_index(entities: Iterable[Entity]) -> dict[str, Entity]:
    """Name key of every name and alias -> its entity; where two share a name, the first (most mentioned) keeps it."""
    index: dict[str, Entity] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            index.setdefault(name_key(name), entity)
    return index
