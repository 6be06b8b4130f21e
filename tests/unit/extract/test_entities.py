"""Entity resolution over hand-built mentions, the name keys, and the model-backed mention finder and role index."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest
from rapidfuzz.fuzz import ratio

from rashomon.extract.entities import (
    PersonNames,
    RoleIndex,
    _is_demonym,
    country_key,
    find_mentions,
    resolve_entities,
)
from rashomon.model import Entity, EntityType, Mention
from rashomon.text.names import name_key, skeleton


def mention(texts: dict[str, str], article: str, surface: str, label: EntityType = "PERSON", nth: int = 0) -> Mention:
    """The ``nth`` occurrence of ``surface`` in one article's text, as a mention."""
    start = -1
    for _ in range(nth + 1):
        start = texts[article].index(surface, start + 1)
    return Mention(article=article, start=start, end=start + len(surface), label=label)


def entity_named(entities: tuple[Entity, ...], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, [e.name for e in entities]
    return found[0]


def entity_with(entities: tuple[Entity, ...], texts: dict[str, str], article: str, surface: str) -> Entity:
    """The entity holding the mention of ``surface`` in ``article``."""
    start = texts[article].index(surface)
    return next(e for e in entities for m in e.mentions if m.article == article and m.start == start)


PUTIN_TEXTS = {
    "a1": "Vladimir Putin flew to Minsk on Friday for talks.",
    "a2": "Putin arrived late, and he spoke for an hour. Putin then left.",
}


def _putin_mentions() -> list[Mention]:
    return [
        mention(PUTIN_TEXTS, "a1", "Vladimir Putin"),
        mention(PUTIN_TEXTS, "a1", "Minsk", "PLACE"),
        mention(PUTIN_TEXTS, "a2", "Putin"),
        mention(PUTIN_TEXTS, "a2", "Putin", nth=1),
    ]


def test_short_form_in_another_article_joins_the_full_name() -> None:
    entities = resolve_entities(_putin_mentions(), PUTIN_TEXTS)
    putin = entity_named(entities, "Vladimir Putin")
    assert putin.type == "PERSON"
    assert putin.aliases == ("Putin",)
    assert {m.article for m in putin.mentions} == {"a1", "a2"}
    assert len(putin.mentions) == 3
    assert len(entities) == 2  # Putin and Minsk


def test_pronoun_with_refers_to_joins_its_entity() -> None:
    start = PUTIN_TEXTS["a2"].index("he ")
    pronoun = Mention(article="a2", start=start, end=start + 2, label="PERSON", refers_to="Vladimir Putin")
    entities = resolve_entities([*_putin_mentions(), pronoun], PUTIN_TEXTS)
    putin = entity_named(entities, "Vladimir Putin")
    assert pronoun in putin.mentions
    assert "he" not in putin.aliases
    assert len(entities) == 2


def test_ids_are_deterministic() -> None:
    first = resolve_entities(_putin_mentions(), PUTIN_TEXTS)
    again = resolve_entities(_putin_mentions(), PUTIN_TEXTS)
    shuffled = resolve_entities(list(reversed(_putin_mentions())), PUTIN_TEXTS)
    assert [e.id for e in first] == [e.id for e in again]
    assert {(e.id, e.name) for e in shuffled} == {(e.id, e.name) for e in first}
    assert all(e.id.startswith("entity:") for e in first)
    assert len({e.id for e in first}) == len(first)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Nakhchivan", "Nakhichevan", True),
        ("Austria", "Australia", False),
        ("Tbilisi", "Tblisi", True),
        ("Iran", "Iraq", False),
    ],
)
def test_spelling_variants_of_places(first: str, second: str, same: bool) -> None:
    texts = {"a1": f"Shelling was reported near {first} late on Monday.", "a2": f"Troops moved toward {second}."}
    mentions = [mention(texts, "a1", first, "PLACE"), mention(texts, "a2", second, "PLACE")]
    entities = resolve_entities(mentions, texts)
    assert len(entities) == (1 if same else 2)
    if same:
        assert entities[0].type == "PLACE"
        assert {entities[0].name, *entities[0].aliases} == {first, second}


def test_people_sharing_a_surname_stay_apart() -> None:
    texts = {
        "a1": "John Smith, a farmer, lost his barn. Smith said the fire spread fast.",
        "a2": "Mary Smith, a nurse, treated the injured.",
    }
    mentions = [mention(texts, "a1", "John Smith"), mention(texts, "a1", "Smith", nth=1)]
    mentions.append(mention(texts, "a2", "Mary Smith"))
    entities = resolve_entities(mentions, texts)
    john, mary = entity_named(entities, "John Smith"), entity_named(entities, "Mary Smith")
    assert john.id != mary.id
    assert len(entities) == 2
    assert {m.article for m in john.mentions} == {"a1"}
    assert john.aliases == ("Smith",)  # the bare "Smith" next to John Smith is John
    assert {m.article for m in mary.mentions} == {"a2"}


def test_same_short_form_joins_each_articles_own_full_name() -> None:
    texts = {
        "a1": "John Smith, a farmer, lost his barn. Smith said the fire spread fast.",
        "a2": "Mary Smith, a nurse, treated the injured. Smith worked all night.",
    }
    mentions = [mention(texts, a, name) for a, name in (("a1", "John Smith"), ("a2", "Mary Smith"))]
    mentions += [mention(texts, a, "Smith", nth=1) for a in ("a1", "a2")]
    entities = resolve_entities(mentions, texts)
    assert entity_with(entities, texts, "a1", "Smith said").name == "John Smith"
    assert entity_with(entities, texts, "a2", "Smith worked").name == "Mary Smith"


def test_canonical_name_is_the_fullest_even_when_rarer() -> None:
    texts = {"a1": "Putin spoke. Putin left. Putin returned.", "a2": "Vladimir Vladimirovich Putin was there."}
    mentions = [mention(texts, "a1", "Putin", nth=n) for n in range(3)]
    mentions.append(mention(texts, "a2", "Vladimir Vladimirovich Putin"))
    (entity,) = resolve_entities(mentions, texts)
    assert entity.name == "Vladimir Vladimirovich Putin"
    assert entity.aliases == ("Putin",)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Putin", "Vladimir Putin"),
        ("PUTIN", "Vladimir Putin"),
        ("Smith", None),  # John Smith and Mary Smith: ambiguous
        ("Vladimir", None),  # a first name is not a short form
        ("Vladimir Putin", None),
        ("Sting", None),
    ],
)
def test_person_names_expand_a_unique_surname(short: str, full: str | None) -> None:
    people = PersonNames(["Vladimir Putin", "John Smith", "Mary Smith", "Sting"])
    assert people.full(short) == full


def test_spelling_links_match_every_pair_rule() -> None:
    """Blocked spelling links give the groups of comparing every pair: same initial and skeleton (keys of five
    characters or more), or same initial and a ratio of 92 or more (keys of eight or more)."""
    rng = random.Random(7)
    stems = ["nakhchivan", "mariupolski", "aleksandrovna", "tbilisiyan", "abcdefghijk", "novosibirsk"]
    names: set[str] = set()
    for stem in stems:
        for _ in range(12):
            word = list(stem)
            for _ in range(rng.randint(0, 3)):
                at = rng.randrange(len(word))
                word[at : at + 1] = rng.choice(["", rng.choice("aeiouhkmnrst"), word[at] * 2])
            names.add("".join(word).capitalize())
    texts = {f"a{i}": name for i, name in enumerate(sorted(names))}
    mentions = [Mention(article=a, start=0, end=len(t), label="PLACE") for a, t in texts.items()]
    found = {frozenset(name_key(n) for n in (e.name, *e.aliases)) for e in resolve_entities(mentions, texts)}

    keys = sorted({name_key(n) for n in names})
    parent = {k: k for k in keys}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for i, key in enumerate(keys):
        for other in keys[i + 1 :]:
            same_skeleton = min(len(key), len(other)) >= 5 and skeleton(key) == skeleton(other)
            close = min(len(key), len(other)) >= 8 and ratio(key, other) >= 92
            if key[0] == other[0] and (same_skeleton or close):
                parent[root(other)] = root(key)
    expected: dict[str, set[str]] = {}
    for key in keys:
        expected.setdefault(root(key), set()).add(key)
    assert found == {frozenset(group) for group in expected.values()}
    assert len(found) < len(keys)  # some spellings did link


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Armenia's", "armen"),
        ("Armenian", "armen"),
        ("Azerbaijani", "azerb"),
        ("French", "franc"),
        ("France", "franc"),
        ("Russia’s", "russi"),
    ],
)
def test_country_key_matches_country_demonym_and_possessive(word: str, expected: str) -> None:
    assert country_key(word) == expected


Nlp = Callable[[str], Any]


def test_find_mentions_trims_articles_and_possessives(nlp: Nlp) -> None:
    text = "The United Nations criticised Vladimir Putin's decision on Tuesday."
    found = find_mentions(nlp(text), "a1")
    surfaces = {text[m.start : m.end]: m for m in found}
    assert "United Nations" in surfaces
    assert "Vladimir Putin" in surfaces
    assert surfaces["Vladimir Putin"].label == "PERSON"
    assert all(m.article == "a1" for m in found)
    assert not any(s.lower().startswith("the ") or s.endswith("'s") for s in surfaces)
    assert "Tuesday" not in surfaces  # dates are not entities


ROLES_TEXT = (
    "Armenia's Prime Minister Nikol Pashinyan met Azerbaijan's President Ilham Aliyev in Brussels on Sunday. "
    "The talks lasted four hours."
)


@pytest.mark.parametrize(
    ("phrase", "holder"),
    [
        ("the Armenian prime minister", "Nikol Pashinyan"),
        ("the Azerbaijani president", "Ilham Aliyev"),
        ("Azerbaijan's president", "Ilham Aliyev"),
        ("the French president", None),
        ("the foreign minister", None),
    ],
)
def test_role_index_names_the_office_holder(nlp: Nlp, phrase: str, holder: str | None) -> None:
    assert RoleIndex(nlp(ROLES_TEXT)).lookup(phrase) == holder


def test_context_retypes_vessels_places_and_drops_time_zones(nlp: Nlp) -> None:
    text = (
        "The cargo ship Maren Dali struck the Harlow Bridge at 05.30 GMT. It was bound for Colombo, Sri Lanka. "
        "State Police Superintendent Col. Anna Reyes said divers would return. "
        "Transportation Secretary Tom Avery spoke, and NTSB Chair Lena Ortiz spoke."
    )
    found = {text[m.start : m.end]: m.label for m in find_mentions(nlp(text), "a1")}
    assert "GMT" not in found
    assert found.get("Colombo") == "PLACE"  # a known city the model took for a person
    assert all(label == "OTHER" for name, label in found.items() if "Dali" in name)  # after "ship"
    assert not any(name.endswith(("Superintendent Col", "Superintendent")) for name in found)
    assert "Transportation" not in found  # a portfolio, not an organisation
    assert found.get("NTSB") == "ORG"  # an acronym before a title is the organisation itself


def test_a_lone_place_name_stays_a_person_where_the_article_names_them_in_full(nlp: Nlp) -> None:
    text = "Maria Colombo won the vote in Milan. Colombo said she would serve two terms."
    found = [(text[m.start : m.end], m.label) for m in find_mentions(nlp(text), "a1")]
    assert ("Colombo", "PLACE") not in found


SHORT_FORM_TEXTS = {
    "a1": "The National Transportation Safety Board opened an inquiry; the NTSB said the Francis Scott Key Bridge fell",
    "a2": "The US National Transportation Safety Board met. Key Bridge traffic moved to the United States Route 40.",
    "a3": "The U.S. and the United States Senate differ. The US sent aid, and the Key Bridge inquiry went on.",
}


def test_acronyms_country_prefixes_and_last_words_join_the_full_name() -> None:
    texts = SHORT_FORM_TEXTS
    mentions = [
        mention(texts, "a1", "National Transportation Safety Board", "ORG"),
        mention(texts, "a1", "NTSB", "ORG"),
        mention(texts, "a1", "Francis Scott Key Bridge", "PLACE"),
        mention(texts, "a2", "US National Transportation Safety Board", "ORG"),
        mention(texts, "a2", "Key Bridge", "PLACE"),
        mention(texts, "a3", "U.S.", "PLACE"),
        mention(texts, "a3", "United States Senate", "ORG"),
        mention(texts, "a3", "US", "PLACE"),
        mention(texts, "a3", "Key Bridge", "PLACE"),
    ]
    entities = resolve_entities(mentions, texts)
    board = entity_named(entities, "National Transportation Safety Board")
    assert sorted(board.aliases) == ["NTSB", "US National Transportation Safety Board"]
    bridge = entity_with(entities, texts, "a1", "Francis Scott Key Bridge")
    assert bridge == entity_with(entities, texts, "a2", "Key Bridge")
    assert bridge == entity_with(entities, texts, "a3", "Key Bridge")
    # "US" and "U.S." have no written-out form here but each other; the Senate is not the country
    assert {e.name for e in entities} >= {"United States Senate"}
    assert entity_with(entities, texts, "a3", "U.S.") == entity_with(entities, texts, "a3", "US")


def test_a_short_form_that_fits_two_names_joins_neither() -> None:
    texts = {"a1": "The Key Bridge and the Francis Scott Key Bridge and the Old Key Bridge."}
    mentions = [
        mention(texts, "a1", "Key Bridge", "PLACE"),
        mention(texts, "a1", "Francis Scott Key Bridge", "PLACE"),
        mention(texts, "a1", "Old Key Bridge", "PLACE"),
    ]
    assert len(resolve_entities(mentions, texts)) == 3


def test_a_vessel_named_after_a_city_is_typed_by_its_context() -> None:
    texts = {"a1": "The ship Dali left port. The Dali lost power. Dali drifted."}
    mentions = [
        Mention(article="a1", start=9, end=13, label="OTHER"),
        mention(texts, "a1", "Dali", "PLACE", nth=1),
        mention(texts, "a1", "Dali", "PERSON", nth=2),
    ]
    (only,) = resolve_entities(mentions, texts)
    assert only.type == "OTHER"


def test_context_types_a_name_over_the_model(nlp: Nlp) -> None:
    text = (
        "The tanker is owned by Rosa Lind and operated by Orvik Shipping Group. The leaders met in the city of "
        "Tarvik on Monday, then in Georgia's Samtskhe province."
    )
    found = {text[m.start : m.end]: m.label for m in find_mentions(nlp(text), "a1")}
    assert found.get("Rosa Lind") == "ORG"  # a vessel's owner is a company, not the person the model saw
    assert found.get("Tarvik") == "PLACE"  # "the city of ...", not the organisation the model saw
    assert found.get("Samtskhe") == "PLACE"  # "... province", a name the model missed


def test_a_name_typed_by_its_context_is_typed_so_throughout_the_article(nlp: Nlp) -> None:
    text = "The leaders met in the seaside resort of Palanga on Monday. Palanga was calm, and Palanga slept."
    found = [(text[m.start : m.end], m.label) for m in find_mentions(nlp(text), "a1")]
    assert found == [("Palanga", "PLACE")] * 3


def test_capitalised_common_nouns_and_nationalities_are_not_names(nlp: Nlp) -> None:
    text = (
        "The ferry sank at 3 a.m. Moments earlier, the captain radioed for help. The Lithuanian president "
        "had left. Kazakh officials declined to comment."
    )
    found = {text[m.start : m.end] for m in find_mentions(nlp(text), "a1")}
    assert not found & {"Moments", "Lithuanian", "Kazakh"}  # the model calls them a person and organisations


def test_an_appositive_common_noun_types_the_name(nlp: Nlp) -> None:
    text = "The cargo belongs to the trading group Larsen. Vostan, a district that borders the lake, was quiet."
    found = {text[m.start : m.end]: m.label for m in find_mentions(nlp(text), "a1")}
    assert found.get("Larsen") == "ORG"
    assert found.get("Vostan") == "PLACE"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Lithuanian", True),
        ("Ukrainian", True),
        ("Kazakh", True),
        ("Vietnamese", True),
        ("Pakistani", True),
        ("French", True),
        ("Brian", False),
        ("Christian", False),
        ("Jordan", False),  # the country itself
        ("US", False),  # an acronym names the country
    ],
)
def test_nationality_adjectives(word: str, expected: bool) -> None:
    assert _is_demonym(word) == expected
