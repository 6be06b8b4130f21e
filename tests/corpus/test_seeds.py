"""The canonical end-to-end case: the two seed articles against their hand-made gold dossier (../shared)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rashomon.analysis import Analysis, analyze
from rashomon.dossier import ArticleOut, Dossier
from tests.conftest import shared_path
from tests.spans import assert_spans

A, B = "000_9b9c189b77a28c48.txt", "003_04cd6c0cd6c504b1.txt"


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(shared_path("corpus", "seeds", "gold.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    seeds = shared_path("corpus", "seeds")
    out = tmp_path_factory.mktemp("seeds")
    return analyze([seeds / A, seeds / B], out=out)


@pytest.fixture(scope="module")
def dossier(analysis: Analysis) -> Dossier:
    return analysis.dossier


def _article(dossier: Dossier, article_id: str) -> ArticleOut:
    return next(a for a in dossier.articles if a.id == article_id)


def _gold_span(dossier: Dossier, article_id: str, text: str) -> tuple[int, int] | None:
    body = _article(dossier, article_id).text
    at = body.find(text)
    return (at, at + len(text)) if at >= 0 else None


def _overlaps(start: int, end: int, span: tuple[int, int] | None) -> bool:
    return span is not None and start < span[1] and span[0] < end


def test_one_story_with_both_seeds(dossier: Dossier) -> None:
    assert len(dossier.stories) == 1
    assert sorted(dossier.stories[0].articles) == [A, B]
    assert dossier.stories[0].date == "2021-11-26"


@pytest.mark.parametrize("article_id", [A, B])
def test_bodies_start_end_and_carry_no_debris(dossier: Dossier, gold: dict[str, Any], article_id: str) -> None:
    expected = gold["articles"][article_id]
    article = _article(dossier, article_id)
    assert article.text.startswith(expected["body_starts_with"])
    assert article.text.endswith(expected["body_ends_with"])
    for line in expected["debris_lines"]:
        assert line not in article.text
    assert expected["caption"] not in article.text
    assert article.title == expected["title"]
    assert article.text.count(expected["title"]) == 0


def test_dates_outlet_and_relays(dossier: Dossier) -> None:
    first, second = _article(dossier, A), _article(dossier, B)
    assert first.published == "2021-11-27T03:14:00+00:00"
    assert first.published_inferred is False
    assert second.published == "2021-11-26"
    assert second.published_inferred is True
    assert second.outlet == "The Moscow Times"
    assert first.outlet in (None, "Press TV")
    assert first.relays == ["The Associated Press"]
    assert second.relays == []
    assert (first.language, second.language) == ("en", "en")


def test_quotes_with_speakers(dossier: Dossier, gold: dict[str, Any]) -> None:
    found = {}
    for item in gold["quotes"]:
        span = _gold_span(dossier, item["article"], item["text"])
        speakers = item["speaker"] if isinstance(item["speaker"], list) else [item["speaker"]]
        for quote in dossier.quotes:
            if (
                quote.article == item["article"]
                and _overlaps(quote.start, quote.end, span)
                and quote.speaker in speakers
            ):
                found[item["id"]] = quote
                break
    assert len(found) / len(gold["quotes"]) >= 0.8, sorted({q["id"] for q in gold["quotes"]} - set(found))
    assert "A10" in found and "B4" in found
    assert found["B4"].id in found["A10"].aligned_with
    assert found["A10"].id in found["B4"].aligned_with


@pytest.mark.parametrize("kind", ["figures", "times"])
def test_values_of_gold_figures_and_times(dossier: Dossier, gold: dict[str, Any], kind: str) -> None:
    found = dossier.figures if kind == "figures" else dossier.times
    hits = 0
    for item in gold[kind]:
        span = _gold_span(dossier, item["article"], item["text"])
        hits += any(
            x.article == item["article"]
            and getattr(x, "caption", None) is None
            and _overlaps(x.start, x.end, span)
            and x.value == item["value"]
            for x in found
        )
    assert hits / len(gold[kind]) >= 0.8


def test_gold_times_written_in_captions_are_found_there(dossier: Dossier, gold: dict[str, Any]) -> None:
    in_captions = []
    for item in gold["times"]:
        article = _article(dossier, item["article"])
        caption = next((i for i, c in enumerate(article.captions) if item["text"] in c), None)
        if item["text"] in article.text or caption is None:
            continue
        at = article.captions[caption].find(item["text"])
        in_captions.append(item["text"])
        assert any(
            t.article == item["article"]
            and t.caption == caption
            and _overlaps(t.start, t.end, (at, at + len(item["text"])))
            and t.value == item["value"]
            for t in dossier.times
        ), item
    assert in_captions, "the seeds' gold has a time written only in a photo caption"


def test_gold_figure_alignments(dossier: Dossier) -> None:
    by_text = {f.text: f for f in dossier.figures}
    war_days, war_weeks = by_text["44 days"], next(f for f in dossier.figures if f.text.startswith("six-week"))
    assert {"figure": war_weeks.id, "relation": "agree"} in [link.model_dump() for link in war_days.aligned_with]
    dozens = next(f for f in dossier.figures if f.text.startswith("dozens of people"))
    troops = by_text["six Armenian troops"]
    relations = {link.figure: link.relation for link in dozens.aligned_with}
    assert relations.get(troops.id, "different-scope") != "conflict"


def test_entities_one_identity_across_spellings_and_articles(dossier: Dossier) -> None:
    def entity_of(name: str) -> Any:
        return next(e for e in dossier.entities if e.name == name or name in e.aliases)

    assert entity_of("Nakhchivan") is entity_of("Nakhichevan")
    pashinyan = entity_of("Pashinyan")
    assert pashinyan is entity_of("Nikol Pashinyan")
    assert {m.article for m in pashinyan.mentions} == {A, B}
    body = _article(dossier, A).text
    surfaces = {body[m.start : m.end] for m in pashinyan.mentions if m.article == A}
    assert {"Nikol Pashinyan", "Pashinyan"} <= surfaces
    assert any(not m.refers_to_name for m in pashinyan.mentions), "a title or pronoun should resolve to him"


def test_statements_corroborated_and_single_source(dossier: Dossier) -> None:
    statuses = {s.status for s in dossier.stories[0].statements}
    assert {"corroborated", "single-source"} <= statuses
    corroborated = [s for s in dossier.stories[0].statements if s.status == "corroborated"]
    assert all({src.article for src in s.sources} == {A, B} for s in corroborated)


def test_every_span_gives_back_its_text(dossier: Dossier) -> None:
    assert assert_spans(dossier) > 100


def test_reports_written(analysis: Analysis) -> None:
    names = sorted(Path(p).name for p in analysis.reports)
    assert names == ["dossier.json", "report.html", "report.md"]
    html = analysis.reports[1].read_text(encoding="utf-8")
    assert "The Moscow Times" in html
    assert "Where outlets conflict" in html or "What several outlets report" in html
