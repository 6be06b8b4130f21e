"""Capitals standing for their governments: read from the parse, joined to the country's entity, and given the
quotes their government speaks. Every sentence is made up for the test."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.extract.annotate import extract_article
from rashomon.extract.entities import find_mentions, resolve_entities
from rashomon.extract.metonymy import governments
from rashomon.model import Article


def _read(nlp: Any, text: str) -> dict[str, str | None]:
    """Each capital's mention in ``text`` -> the country it stands for, or None where it is a place."""
    doc = nlp(text)
    return {f"{text[m.start : m.end]}@{m.start}": m.refers_to for m in governments(doc, find_mentions(doc, "a1"))}


@pytest.mark.parametrize(
    ("text", "capital", "country"),
    [
        ("Moscow denied the Ukrainian report on Tuesday.", "Moscow", "Russia"),
        ("Tallinn accuses Minsk's forces of crossing into Estonia.", "Minsk", "Belarus"),
        ("Lisbon warned Spain that the deal would collapse.", "Lisbon", "Portugal"),
        ("The talks between Hanoi and Manila stalled.", "Manila", "Philippines"),
        ("The European Union urged Tehran to return to the talks.", "Tehran", "Iran"),
        ("Japan announced new sanctions on Pyongyang.", "Pyongyang", "North Korea"),
    ],
)
def test_a_capital_acting_as_a_government_stands_for_its_country(
    nlp: Any, text: str, capital: str, country: str
) -> None:
    found = _read(nlp, text)
    assert found[f"{capital}@{text.index(capital)}"] == country


@pytest.mark.parametrize(
    "text",
    [
        "Flights from Moscow were cancelled after heavy snow, Russian officials said.",
        "Moscow's mayor closed the city's parks for a week.",
        "Thousands marched through Lisbon on Saturday against the Spanish plan.",
        "A missile strike on Kyiv killed three people, Ukrainian officials said.",
        "Paris Hilton opened a hotel in Spain. Paris said it was her favourite.",
        "Washington's Legislature raised the minimum wage, and Washington denied the state would lose jobs.",
        # a city government, a person, a team, a city article (reviewed 2026-12-07)
        "Moscow's city government closed schools for a week, Russian media said.",
        "The mayor of Paris said the city would ban cars. Paris also ordered schools to close, French media said.",
        "Mr. Santiago said the bus never arrived from Peru.",
        "Judge Paris said the French court was fair.",
        "Washington signed quarterback Sam Howell, the American team said.",
        "Paris banned rental e-scooters on Monday.",
        "Washington's plan to restore the salmon runs was opposed by Republicans.",
    ],
)
def test_a_capital_as_a_place_or_a_name_stays_itself(nlp: Any, text: str) -> None:
    assert all(country is None for country in _read(nlp, text).values())


def test_the_european_union_named_for_brussels_stays_an_organisation(nlp: Any) -> None:
    text = "Brussels warned Budapest that the funds would be frozen."
    doc = nlp(text)
    (brussels,) = [m for m in governments(doc, find_mentions(doc, "a1")) if m.refers_to == "European Union"]
    assert brussels.label == "ORG"
    entities = resolve_entities([brussels], {"a1": text})
    assert [(e.name, e.type) for e in entities] == [("European Union", "ORG")]


def test_the_capital_joins_the_country_and_its_quote_goes_to_the_country(nlp: Any) -> None:
    texts = {
        "a1": "Armenia released two Azerbaijani soldiers on Friday, Yerevan said.",
        "a2": "Armenia freed two soldiers, the government of Armenia said on Friday.",
    }
    extractions = {
        key: extract_article(Article(id=key, source=f"{key}.txt", text=text), nlp(text)) for key, text in texts.items()
    }
    (said,) = extractions["a1"].annotations.quotes
    assert said.speaker == "Armenia"
    mentions = [m for e in extractions.values() for m in e.annotations.mentions]
    armenia = [e for e in resolve_entities(mentions, texts) if e.name == "Armenia"]
    assert len(armenia) == 1 and armenia[0].type == "PLACE"
    assert {texts[m.article][m.start : m.end] for m in armenia[0].mentions} == {"Armenia", "Yerevan"}
