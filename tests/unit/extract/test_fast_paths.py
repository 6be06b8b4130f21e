"""The quicker ways the extractors work some things out, against the plain ways they stand for: the tagger's scores,
hashes and labelled runs, the per-token lists the quote rules read, and the time finder's gates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import numpy as np
import pytest

from rashomon.extract import attribution_model as tagger
from rashomon.extract import times
from rashomon.extract.tagged_quotes import _Words


def test_scores_are_the_summed_rows_bit_for_bit() -> None:
    rng = np.random.default_rng(7)
    table = rng.normal(size=(512, 7)).astype(np.float32)
    bias = rng.normal(size=7).astype(np.float32)
    features = rng.integers(0, 512, size=(300, 40))
    assert np.array_equal(tagger.scores(features, table, bias), table[features].sum(axis=1) + bias)


def test_columns_hashed_together_are_hashed_as_one_by_one() -> None:
    rng = np.random.default_rng(3)
    columns = [rng.integers(0, 1 << 62, size=50, dtype=np.uint64) for _ in range(6)]
    one_by_one = np.stack([tagger._mix(5 + k, c) for k, c in enumerate(columns)], axis=1)
    assert np.array_equal(tagger._mix_columns(columns, 5), one_by_one)


def _runs_read_one_by_one(labels: np.ndarray) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    for i, k in enumerate(labels.tolist()):
        label = tagger.LABELS[k]
        if label == "O":
            continue
        role = label[2:]
        if label.startswith("I-") and found and found[-1][0] == role and found[-1][2] == i:
            found[-1] = (role, found[-1][1], i + 1)
        else:
            found.append((role, i, i + 1))
    return found


def test_labelled_runs_are_those_read_token_by_token() -> None:
    rng = np.random.default_rng(11)
    for size in (0, 1, 2, 5, 30, 200):
        for _ in range(50):
            labels = rng.integers(0, len(tagger.LABELS), size=size)
            assert tagger.spans(labels) == _runs_read_one_by_one(labels)


def test_the_token_lists_say_what_the_tokens_say(nlp: Any) -> None:
    doc = nlp("The mayor said, “We will rebuild.”\n\nCrews began on Monday; the bridge reopens in May.")
    words = _Words.of(doc)
    sentences = {sent.start: number for number, sent in enumerate(doc.sents)}
    for token in doc:
        assert words.heads[token.i] == token.head.i
        assert words.punct[token.i] == token.is_punct
        assert words.counted[token.i] == (not token.is_punct and not token.is_space)
        assert words.verb[token.i] == (token.pos_ == "VERB")
        assert words.newline[token.i] == ("\n" in token.text)
        assert (words.starts[token.i], words.ends[token.i]) == (token.idx, token.idx + len(token.text))
        assert words.sentence[token.i] - words.sentence[0] == sentences[token.sent.start]


# Texts of our own with gated expressions in them: upper case, a holiday's name across a line, a dotless i (which
# the finder's case-blind patterns read as an i), and a text with none of the gate words.
_GATED_TEXTS = (
    "The council meets at NOON on Thanksgiving, and again at midnight.",
    "The parade ran on Martin Luther\nKing Day and the weekend after, in the early spring of 2019.",
    "Sales in the latest quarter rose from the year-earlier period; the fund pays out annually.",
    "Crews worked through the night and tonight they rest; in recent weeks the first half of the year was lost.",
    "The talks ran until MIDDAY on Thanksgiving; the fıre crews stayed until midnight.",
    "The bridge reopened after repairs that took three years.",
)


@pytest.mark.parametrize("text", _GATED_TEXTS)
def test_the_gates_keep_every_time_the_rules_find(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    anchor = date(2020, 3, 4)
    gated = times.find_times(text, "a1", anchor)
    monkeypatch.setattr(times, "_RULES", tuple(replace(rule, gate=()) for rule in times._RULES))
    assert gated == times.find_times(text, "a1", anchor)


def test_a_gate_leaves_out_a_text_without_its_words() -> None:
    holiday = next(rule for rule in times._RULES if rule.name == "holiday")
    assert "thanksgiving" in holiday.gate
    assert not any(word in "the bridge reopened in may." for word in holiday.gate)
