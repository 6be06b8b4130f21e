"""Pair features and the pair model: what makes two articles' accounts of an event alike or apart."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.model import Article
from rashomon.stories.cluster import StoryFacts, signatures
from rashomon.stories.evidence import CURVED, KNOTS, PAIR_FEATURES, Evidence


def evidence_of(*articles: Article, facts: dict[str, StoryFacts] | None = None) -> Evidence:
    evidence = Evidence()
    evidence.append(signatures(list(articles), facts or {}), list(range(len(articles))))
    return evidence


def pair(evidence: Evidence, a: int, b: int) -> dict[str, float]:
    row = evidence.features(np.array([a]), np.array([b]))[0]
    return dict(zip(PAIR_FEATURES, row.tolist(), strict=True))


def article(id: str, text: str, published: str | None = None) -> Article:
    return Article(id=id, source="t", text=text, published=published)


def test_same_words_score_one_and_words_in_one_article_only_do_not_count() -> None:
    evidence = evidence_of(
        article("a", "Flood waters rose over the levee near the river town overnight."),
        article("b", "Flood waters rose over the levee near the river town overnight."),
        article("c", "Ballots were counted slowly in the capital's largest district."),
    )
    assert pair(evidence, 0, 1)["words"] == pytest.approx(1.0)
    assert pair(evidence, 0, 2)["words"] == 0.0


def test_years_match_conflict_and_mode_year() -> None:
    evidence = evidence_of(
        article("a", "The 2009 quake followed one in 1994; in 2009 rescuers came quickly."),
        article("b", "The quake of 2009 was the strongest since the 1990s."),
        article("c", "The quake of 2012 hit at dawn."),
        article("d", "The quake hit at dawn."),
    )
    assert pair(evidence, 0, 1)["year_match"] == 1.0
    assert pair(evidence, 0, 2)["year_conflict"] == 1.0
    assert pair(evidence, 0, 2)["mode_year_conflict"] == 1.0
    # An article naming no year neither matches nor conflicts.
    assert pair(evidence, 0, 3)["year_match"] == pair(evidence, 0, 3)["year_conflict"] == 0.0


def test_weekdays_conflict_only_between_articles_of_one_day() -> None:
    same_day = evidence_of(
        article("a", "The bridge fell on Tuesday.", "2024-03-26"),
        article("b", "Divers searched on Wednesday.", "2024-03-26"),
    )
    assert pair(same_day, 0, 1)["weekday_conflict"] == 1.0
    next_day = evidence_of(
        article("a", "The bridge fell on Tuesday.", "2024-03-26"),
        article("b", "Divers searched on Wednesday.", "2024-03-27"),
    )
    assert pair(next_day, 0, 1)["weekday_conflict"] == 0.0


def test_months_are_read_capitalised_only() -> None:
    evidence = evidence_of(article("a", "It may rain in March."), article("b", "We march on, as we may."))
    assert pair(evidence, 0, 1)["month_conflict"] == 0.0  # b names no month at all


def test_numbers_and_entity_sets_overlap() -> None:
    facts = {
        "a": StoryFacts(entities=frozenset({"e1", "e2"}), places=frozenset({"lima"}), cardinals=frozenset({"six"})),
        "b": StoryFacts(entities=frozenset({"e1", "e2"}), places=frozenset({"lima", "cusco"})),
    }
    evidence = evidence_of(
        article("a", "Officials counted 1,200 homes and 35 schools."),
        article("b", "Officials counted 1200 homes."),
        facts=facts,
    )
    features = pair(evidence, 0, 1)
    assert features["numbers"] == pytest.approx(0.5)  # {1200, 35} against {1200}
    assert features["places"] == pytest.approx(0.5)
    assert features["cardinals"] == 0.0
    assert features["entities"] == pytest.approx(0.0)  # ids every article holds weigh nothing


def test_document_frequencies_grow_with_each_batch() -> None:
    evidence = evidence_of(article("a", "harbour crane"))
    before = evidence.idf("words").copy()
    evidence.append(signatures([article("b", "harbour cargo")], {}), [0])
    after = evidence.idf("words")
    assert len(evidence) == 2
    assert not np.array_equal(before, after)


def test_reports_of_one_event_are_likelier_than_reports_of_two() -> None:
    facts = {
        "a": StoryFacts(proper_nouns=("arequipa", "peru"), places=frozenset({"arequipa", "peru"})),
        "b": StoryFacts(proper_nouns=("arequipa", "peru"), places=frozenset({"arequipa", "peru"})),
        "c": StoryFacts(proper_nouns=("chile", "antofagasta"), places=frozenset({"chile", "antofagasta"})),
    }
    evidence = evidence_of(
        article("a", "A strong earthquake shook Arequipa in southern Peru in 2001, damaging homes."),
        article("b", "The 2001 earthquake near Arequipa, Peru, damaged homes and the cathedral of Arequipa."),
        article("c", "Chile's northern port of Antofagasta was rattled by a quake in 2007; buildings cracked."),
        facts=facts,
    )
    same, different = evidence.probability(np.array([0, 0]), np.array([1, 2]))
    assert same > 0.5 > different


def test_curved_cosines_enter_as_hinges_above_each_knot() -> None:
    evidence = evidence_of(
        article("a", "Flood waters rose over the levee near the river town overnight."),
        article("b", "Flood waters rose over the levee; the mayor ordered schools closed in the town."),
        article("c", "Flood waters rose over the levee near the river town overnight."),
    )
    features = pair(evidence, 0, 1)
    assert 0.0 < features["words"] < 1.0
    for name in CURVED:
        for knot in KNOTS:
            assert features[f"{name}>{knot}"] == pytest.approx(max(features[name] - knot, 0.0))
    # An exact copy is above every knot.
    assert all(pair(evidence, 0, 2)[f"words>{knot}"] == pytest.approx(1.0 - knot) for knot in KNOTS)


def test_collection_size_is_held_inside_the_range_the_model_was_fitted_on() -> None:
    small = evidence_of(article("a", "harbour crane"), article("b", "harbour cargo"))
    fewest, most = small.model.collection
    assert fewest < most
    assert pair(small, 0, 1)["collection"] == pytest.approx(np.log(fewest))
