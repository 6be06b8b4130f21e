"""The story sets of `benchmarks/dossier.py` stay valid: each reads and cleans as articles, and its gold facts are
well-formed, every snippet found exactly once in its article's clean text (no model runs)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from rashomon.clean.article import clean
from rashomon.ingest.inputs import read_inputs
from rashomon.model import Article, RawDocument
from rashomon.settings import IngestSettings

SETS = Path(__file__).resolve().parents[2] / "benchmarks" / "dossier_sets"
FOLDERS = sorted(p for p in SETS.iterdir() if (p / "gold.json").exists())
EXPECTS = {"corroborated", "single-source", "conflicting", "not-conflicting"}
KINDS = {"figure", "date", "speaker", "denial", "qualifier", "unit", "scope", "paraphrase", "wire"}
# What each expectation compares: facts of these kinds only make sense with it.
KINDS_OF = {
    "conflicting": {"figure", "date", "speaker", "denial"},
    "not-conflicting": {"qualifier", "unit", "scope"},
    "corroborated": {"paraphrase"},
    "single-source": {"wire"},
}


def articles(folder: Path) -> dict[str, Article]:
    read = list(read_inputs(sorted(folder.glob("*.jsonl")), IngestSettings()))
    assert all(isinstance(item, RawDocument) for item in read), read
    cleaned = [clean(item) for item in read if isinstance(item, RawDocument)]
    assert all(isinstance(item, Article) for item in cleaned), cleaned
    return {a.id: a for a in cleaned if isinstance(a, Article)}


def gold(folder: Path) -> list[dict[str, Any]]:
    facts: list[dict[str, Any]] = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return facts


def test_there_are_six_sets() -> None:
    assert len(FOLDERS) == 6


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_articles_are_whole_records_of_distinct_outlets(folder: Path) -> None:
    found = articles(folder)
    assert 3 <= len(found) <= 5
    assert len({a.outlet for a in found.values()}) == len(found)
    for article in found.values():
        assert article.title and article.published and article.url
        datetime.fromisoformat(article.published)
        host = urlsplit(article.url).hostname
        assert host and host.endswith(".example"), article.url


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_gold_is_well_formed(folder: Path) -> None:
    found = articles(folder)
    facts = gold(folder)
    assert len({f["id"] for f in facts}) == len(facts)
    for fact in facts:
        assert set(fact) <= {"id", "expect", "in", "kind"}, fact["id"]
        assert fact["expect"] in EXPECTS, fact["id"]
        kind = fact.get("kind")
        assert kind is None or kind in KINDS_OF[fact["expect"]], fact["id"]
        assert set(fact["in"]) <= set(found), fact["id"]
        several = fact["expect"] != "single-source" or kind == "wire"
        assert (len(fact["in"]) >= 2) == several, fact["id"]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_snippet_occurs_once_in_its_clean_text(folder: Path) -> None:
    found = articles(folder)
    for fact in gold(folder):
        for article, snippet in fact["in"].items():
            assert found[article].text.count(snippet) == 1, (fact["id"], article, snippet)


def test_every_set_plants_each_expectation_and_every_kind_is_planted() -> None:
    for folder in FOLDERS:
        assert {f["expect"] for f in gold(folder)} == EXPECTS, folder.name
    assert {f["kind"] for folder in FOLDERS for f in gold(folder) if "kind" in f} == KINDS


def test_the_copy_republishes_its_wire_story_with_a_credit() -> None:
    wire_facts = [(folder, f) for folder in FOLDERS for f in gold(folder) if f.get("kind") == "wire"]
    assert wire_facts
    for folder, fact in wire_facts:
        found = articles(folder)
        wire, *copies = fact["in"]
        body = found[wire].text.split(" — ", 1)[1]  # after the dateline, which the copy credits
        for copy in copies:
            assert body in found[copy].text
            assert found[wire].outlet and found[copy].text.count(found[wire].outlet) >= 1
            assert found[copy].published and found[wire].published
            assert datetime.fromisoformat(found[copy].published) > datetime.fromisoformat(found[wire].published)
