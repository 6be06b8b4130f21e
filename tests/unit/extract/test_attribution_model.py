"""The attribution tagger's parts on hand-made arrays: weight encoding, label repair, runs and linking."""

from __future__ import annotations

import numpy as np
import spacy
from spacy.tokens import Doc

from rashomon.extract import attribution_model as tagger
from rashomon.extract.attribution_model import LABELS, Parsed
from rashomon.extract.nlp import line_breaks


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
        kind=np.zeros(n, dtype=np.int64),
        is_cue=np.zeros(n, dtype=bool),
        quoted=np.zeros(n, dtype=bool),
        left=np.arange(n),
        right=np.arange(n),
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


def test_a_content_takes_the_cue_it_hangs_from_before_a_nearer_cue_after_it() -> None:
    # 'Source said this week that A and suggested B': A hangs from "said", so "suggested" (nearer) keeps B alone.
    labels = _labels("I-Source", "I-Cue", "O", "O", "I-Content", "I-Content", "O", "I-Cue", "I-Content")
    parsed = _parsed([0] * 9)
    parsed.heads[4], parsed.heads[5], parsed.heads[7], parsed.heads[8] = 5, 1, 1, 7
    found = tagger.link(parsed, labels)
    assert [(t.content, t.cue) for t in found] == [((4, 6), (1, 2)), ((8, 9), (7, 8))]
    # Without the parse (every word its own head) the nearest cue takes both, as one content.
    assert [(t.content, t.cue) for t in tagger.link(_parsed([0] * 9), labels)] == [((4, 9), (7, 8))]


def test_no_content_is_joined_across_a_paragraph_break() -> None:
    labels = _labels("I-Content", "O", "I-Content")
    parsed = _parsed([0, 0, 1], breaks=[False, True, False])
    assert [t.content for t in tagger.link(parsed, labels)] == [(0, 1), (2, 3)]


def test_unquoted_content_ends_with_its_sentence_a_quote_runs_on() -> None:
    # Two sentences of content, then its cue: cut between them, unless quote marks run across.
    runs = [("Content", 0, 4), ("Cue", 4, 5)]
    sentence = [0, 0, 1, 1, 1]
    assert tagger._cut_at_sentences(runs, sentence, [False] * 5) == [
        ("Content", 0, 2),
        ("Content", 2, 4),
        ("Cue", 4, 5),
    ]
    assert tagger._cut_at_sentences(runs, sentence, [True] * 4 + [False]) == runs


def test_cue_in_the_next_sentence_when_its_own_has_none() -> None:
    labels = _labels("I-Content", "I-Content", "I-Source", "I-Cue")
    (found,) = tagger.link(_parsed([0, 0, 1, 1]), labels)
    assert found.cue == (3, 4)
    assert found.source == (2, 3)


def test_cue_in_the_sentence_before_within_the_paragraph_beats_a_nearer_one_in_the_next() -> None:
    # 'Source cue "A." ... "B."', a break, then 'Cue source: C': "B" closes its paragraph, so it is the first cue's,
    # and the two quotes are one content, though the next paragraph's cue is nearer to "B".
    labels = _labels(
        "I-Source", "I-Cue", "I-Content", "O", "O", "O", "I-Content", "O", "I-Cue", "I-Source", "I-Content"
    )
    parsed = _parsed([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2], breaks=[False] * 7 + [True] + [False] * 3)
    found = tagger.link(parsed, labels)
    assert [(t.content, t.cue) for t in found] == [((2, 7), (1, 2)), ((10, 11), (8, 9))]
    # Without a cue in its own paragraph, a content still takes the next paragraph's.
    alone = _labels("O", "O", "O", "O", "O", "O", "I-Content", "O", "I-Cue", "I-Source", "I-Content")
    assert tagger.link(parsed, alone)[0].cue == (8, 9)


def test_only_white_space_with_a_line_break_ends_a_paragraph() -> None:
    # Tokens: "said", a no-break space, "that", a double space, "it", a blank line, "Next".
    words = ["said", "\u00a0", "that", "  ", "it", "\n\n", "Next"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[False] * len(words))
    assert [t.is_space for t in doc] == [False, True, False, True, False, True, False]
    assert line_breaks(doc).tolist() == [False, False, False, False, False, True, False]


def test_linker_picks_the_candidate_its_weights_prefer_over_the_nearest_run() -> None:
    # Source, content, cue, source: the nearest run to the cue is the second; weights that favour a source
    # before its content pick the first.
    labels = _labels("I-Source", "I-Content", "I-Content", "I-Cue", "I-Source")
    parsed = _parsed([0] * 5)
    assert tagger.link(parsed, labels)[0].source == (4, 5)
    linker = np.zeros(tagger.LINK_TEMPLATES * tagger.LINK_VALUES, dtype=np.float32)
    side_template = 5  # side * 8 + gap bucket: side 0 is before the content
    linker[side_template * tagger.LINK_VALUES : side_template * tagger.LINK_VALUES + 8] = 1.0
    assert tagger.link(parsed, labels, linker)[0].source == (0, 1)


def test_subject_of_a_cue_word_is_a_candidate_where_no_source_run_is() -> None:
    # "Lee reportedly said X": the tagger found no source; the cue word's subject is the one candidate.
    parsed = _parsed([0] * 4)
    parsed.is_cue[2] = True
    parsed.subject[2] = 0
    view = tagger.TokenView(parsed)
    (candidate,) = tagger.source_candidates(view, [], (3, 4), (2, 3))
    assert candidate.span == (0, 1)
    assert len(candidate.features) == tagger.LINK_TEMPLATES
    assert all(k * tagger.LINK_VALUES <= f < (k + 1) * tagger.LINK_VALUES for k, f in enumerate(candidate.features))


def test_shipped_weights_carry_a_linker() -> None:
    linker = tagger.shipped_weights().linker
    assert linker is not None
    assert linker.shape == (tagger.LINK_TEMPLATES * tagger.LINK_VALUES,)
