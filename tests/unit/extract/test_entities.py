"""Entity resolution over hand-built mentions, the name keys, and the model-backed mention finder and role index."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest
from rapidfuzz.fuzz import ratio

from rashomon.extract.entities import PersonNames, RoleIndex, country_key, find_mentions, resolve_entities
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
