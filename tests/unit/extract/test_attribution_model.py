"""The attribution tagger's parts on hand-made arrays: weight encoding, label repair, runs and linking."""

from __future__ import annotations

import numpy as np

from rashomon.extract import attribution_model as tagger
from rashomon.extract.attribution_model import LABELS, Parsed


def _parsed(sentence: list[int], breaks: list[bool] | None = None, features: int = 1) -> Parsed:
    n = len(sentence)
    return Parsed(
        starts=np.arange(n) * 2,
        ends=np.arange(n) * 2 + 1,
        sentence=np.array(sentence),
        heads=np.arange(n),
        breaks=np.array(breaks or [False] * n),
        subject=np.full(n, -1),
        features=np.zeros((n, features), dtype=np.int64),
    )


def _labels(*names: str) -> np.ndarray:
    return np.array([LABELS.index(name) for name in names])


def test_weights_survive_encoding_within_quantisation() -> None:
    table = np.random.default_rng(0).normal(size=(64, len(LABELS))).astype(np.float32)
    decoded = tagger.decode(tagger.encode(table), len(LABELS))
    assert decoded.shape == table.shape
    assert np.abs(decoded - table).max() <= np.abs(table).max() / 127


def test_runs_of_labels() -> None:
    labels = _labels("B-Source", "I-Source", "I-Cue", "O", "I-Content", "I-Content", "B-Content")
    assert tagger.spans(labels) == [("Source", 0, 2), ("Cue", 2, 3), ("Content", 4, 6), ("Content", 6, 7)]


def test_inside_label_after_another_role_starts_a_span_and_breaks_end_spans() -> None:
    parsed = _parsed([0, 0, 0, 0, 0], breaks=[False, False, True, False, False])
    weights = tagger.Weights(
        table=np.zeros((1 << tagger.BITS, len(LABELS)), dtype=np.float32),
        bias=np.zeros(len(LABELS), dtype=np.float32),
        second=np.zeros((1 << tagger.BITS, len(LABELS)), dtype=np.float32),
        second_bias=np.where(np.array(LABELS) == "I-Content", 1.0, 0.0).astype(np.float32),
        cue_lemmas=frozenset(),
    )
    labels = tagger.tag(parsed, weights)
    assert [LABELS[k] for k in labels] == ["B-Content", "I-Content", "O", "B-Content", "I-Content"]


def test_content_parts_around_their_cue_are_one_content_linked_to_the_source() -> None:
    # "A," she said, "B": content, source, cue, content in one sentence.
    labels = _labels("I-Content", "I-Content", "O", "I-Source", "I-Cue", "O", "I-Content")
    (found,) = tagger.link(_parsed([0] * 7), labels)
    assert found.content == (0, 7)
    assert found.cue == (4, 5)
    assert found.source == (3, 4)


def test_no_content_is_joined_across_a_paragraph_break() -> None:
    labels = _labels("I-Content", "O", "I-Content")
    parsed = _parsed([0, 0, 1], breaks=[False, True, False])
    assert [t.content for t in tagger.link(parsed, labels)] == [(0, 1), (2, 3)]


def test_cue_in_the_next_sentence_when_its_own_has_none() -> None:
    labels = _labels("I-Content", "I-Content", "I-Source", "I-Cue")
    (found,) = tagger.link(_parsed([0, 0, 1, 1]), labels)
    assert found.cue == (3, 4)
    assert found.source == (2, 3)
