"""No article can stop a run: each per-article stage fails on one article in turn, and every other article's
results come out as they do when nothing fails."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rashomon.dossier import Dossier
from rashomon.extract import annotate, entities, figures, nlp, quotes, times
from rashomon.extract.nlp import LanguageModel
from rashomon.pipeline import run
from rashomon.settings import load_settings
from rashomon.store.database import Store

DEMO = Path(__file__).resolve().parents[2] / "src" / "rashomon" / "demo"
VICTIM = "02_harbor_ledger.txt"
MARK = "the steel arch that has carried"  # words of the victim's body alone


def _per_article(dossier: Dossier, article: str) -> dict[str, Any]:
    """What the per-article stages gave one article (speaker names aside: they are resolved across the story)."""
    return {
        "text": next(a.text for a in dossier.articles if a.id == article),
        "quotes": sorted((q.id, q.start, q.end, q.kind) for q in dossier.quotes if q.article == article),
        "figures": sorted((f.id, f.value, f.unit) for f in dossier.figures if f.article == article),
        "times": sorted((t.start, t.end, t.value) for t in dossier.times if t.article == article),
        "mentions": sorted(
            (m.start, m.end) for e in dossier.entities for m in e.mentions if m.article == article and m.refers_to_name
        ),
    }


def _failing(real: Callable[..., Any], hits: Callable[..., bool]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        if hits(*args, **kwargs):
            raise RuntimeError("injected failure")
        return real(*args, **kwargs)

    return call


def _is_victim_doc(doc: Any, *_: Any, **__: Any) -> bool:
    return MARK in str(getattr(doc, "text", doc))


class _FailingModel:
    """The real language model, except that it raises on any batch holding the victim's text."""

    def __init__(self, model: LanguageModel) -> None:
        self.model = model
        self.version = model.version

    def __call__(self, texts: Iterable[str]) -> Iterator[Any]:
        batch = list(texts)
        if any(MARK in text for text in batch):
            raise RuntimeError("injected failure")
        yield from self.model(batch)


STAGES: dict[str, tuple[Any, str, Callable[..., bool]]] = {
    "entities": (entities, "find_mentions", _is_victim_doc),
    "quotes": (quotes, "find_quotes", _is_victim_doc),
    "times": (times, "find_times", _is_victim_doc),
    "figures": (figures, "find_figures", _is_victim_doc),
    "sentences": (nlp, "sentence_bounds", _is_victim_doc),
    "story facts": (annotate, "story_facts", _is_victim_doc),
}


@pytest.fixture(scope="module")
def baseline(language_model: LanguageModel) -> Dossier:
    with Store(None) as store:
        return run([DEMO], store, load_settings(), language_model).dossier


@pytest.mark.parametrize("stage", [*STAGES, "parse", "clean"])
def test_one_failing_article_leaves_every_other_complete(
    stage: str, baseline: Dossier, language_model: LanguageModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    model: Any = language_model
    if stage == "parse":
        model = _FailingModel(language_model)
    elif stage == "clean":
        from rashomon import pipeline

        monkeypatch.setattr(pipeline, "clean", _failing(pipeline.clean, lambda raw, *_: raw.id == VICTIM))
    else:
        module, name, hits = STAGES[stage]
        monkeypatch.setattr(module, name, _failing(getattr(module, name), hits))
    with Store(None) as store:
        dossier = run([DEMO], store, load_settings(), model).dossier
    others = sorted(a.id for a in baseline.articles if a.id != VICTIM)
    for article in others:
        assert _per_article(dossier, article) == _per_article(baseline, article), article
    assert {s.id for s in dossier.stories} >= {s.id for s in baseline.stories if VICTIM not in s.articles}
    victim_reasons = [r.reason for r in dossier.rejected if VICTIM in r.input]
    assert victim_reasons, "the failure is listed with the article it hit"
    if stage == "clean":
        assert VICTIM not in {a.id for a in dossier.articles}
        assert "Cleaning failed unexpectedly" in victim_reasons[0]
    else:
        assert VICTIM in {a.id for a in dossier.articles}, "the article is kept with what did not fail"
        assert any(stage in reason and "injected failure" in reason for reason in victim_reasons)


def test_a_failing_story_comparison_leaves_the_other_stories(
    baseline: Dossier, language_model: LanguageModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rashomon.compare import story_result

    def hits(story: Any, *_: Any) -> bool:
        return VICTIM in [a.id for a in story.articles]

    monkeypatch.setattr(story_result, "compare_story", _failing(story_result.compare_story, hits))
    with Store(None) as store:
        dossier = run([DEMO], store, load_settings(), language_model).dossier
    broken = next(s for s in dossier.stories if VICTIM in s.articles)
    assert broken.statements == [] and any(r.input == broken.id for r in dossier.rejected)
    for story in baseline.stories:
        if VICTIM not in story.articles:
            assert next(s for s in dossier.stories if s.id == story.id) == story


def test_a_story_that_cannot_be_worked_out_is_kept_bare(
    baseline: Dossier, language_model: LanguageModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rashomon.compare import story_result

    def hits(members: Any, *_: Any) -> bool:
        return VICTIM in [a.id for a in members]

    monkeypatch.setattr(story_result, "analyse_story", _failing(story_result.analyse_story, hits))
    with Store(None) as store:
        dossier = run([DEMO], store, load_settings(), language_model).dossier
    broken = next(s for s in dossier.stories if VICTIM in s.articles)
    assert (broken.title, broken.statements) == (None, [])
    assert any(r.input == broken.id and "injected failure" in r.reason for r in dossier.rejected)
    for story in baseline.stories:
        if VICTIM not in story.articles:
            assert next(s for s in dossier.stories if s.id == story.id) == story
