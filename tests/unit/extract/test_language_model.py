"""The language model's speed-ups change nothing: cached embedding layers and maxout layers that take their maxima
alone give spaCy's own token vectors, parses and entities bit for bit, and line breaks still start sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import spacy

from rashomon.extract.embedding_cache import cache_pipeline_embeddings
from rashomon.extract.maxout import predict_maxout_faster
from rashomon.extract.nlp import LanguageModel
from rashomon.settings import NlpSettings
from tests.conftest import shared_path

TEXTS = [
    "Officials of the National Transportation Safety Board said on Tuesday that the ship Dali lost power at 1:25 a.m.",
    '"We will rebuild," said Pete Buttigieg.\n\nThe Key Bridge carried 30,000 vehicles a day, officials said.',
    "Apple",
    "   ",
    "",
    "The Council met in Luxembourg last week; Josep Borrell chaired it. The Council met again on Friday.",
]


def _annotations(docs: list[Any]) -> list[list[tuple[Any, ...]]]:
    return [[(t.text, t.head.i, t.dep_, t.tag_, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc] for doc in docs]


@pytest.fixture(scope="module")
def models() -> tuple[Any, Any]:
    plain = spacy.load(NlpSettings().model)
    cached = spacy.load(NlpSettings().model)
    assert cache_pipeline_embeddings(cached) == 2  # the shared token-to-vector layer and the entity recogniser's own
    assert predict_maxout_faster(cached) == 10  # each encoder's four layers and its embedding's
    return plain, cached


def _compare(models: tuple[Any, Any], texts: list[str]) -> None:
    plain, cached = models
    theirs = list(plain.pipe(texts))
    first = list(cached.pipe(texts))
    again = list(cached.pipe(texts))  # every vector from the cache now
    assert _annotations(first) == _annotations(theirs) == _annotations(again)
    for mine, reference in zip(again, theirs, strict=True):
        assert np.array_equal(mine.tensor, reference.tensor)


def test_cached_embeddings_give_the_same_parses(models: tuple[Any, Any]) -> None:
    _compare(models, TEXTS)


def test_cached_embeddings_on_real_articles(models: tuple[Any, Any]) -> None:
    folder = shared_path("corpus", "polnear", "data")
    texts = [path.read_text(encoding="utf-8") for path in sorted(Path(folder).glob("*/text/*.txt"))[:15]]
    _compare(models, texts)


def test_a_second_call_replaces_nothing(models: tuple[Any, Any]) -> None:
    _, cached = models
    assert cache_pipeline_embeddings(cached) == 0
    assert predict_maxout_faster(cached) == 0


def test_every_line_break_starts_a_sentence(language_model: LanguageModel) -> None:
    text = "The talks went on\nall night in Brussels and\r\n\r\nthe ministers left  \n  at dawn.\n"
    doc = next(language_model([text]))
    starts = {token.text for token in doc if token.is_sent_start and not token.is_space}
    assert {"all", "the", "at"} <= starts
    assert not doc[0].is_space and doc[0].is_sent_start


def test_a_faster_maxout_layer_takes_a_document_without_tokens(models: tuple[Any, Any]) -> None:
    plain, cached = models
    empty = [cached.make_doc("")]
    ours = cached.get_pipe("tok2vec").model.predict(empty)
    theirs = plain.get_pipe("tok2vec").model.predict([plain.make_doc("")])
    assert [a.shape for a in ours] == [b.shape for b in theirs] == [(0, 96)]
