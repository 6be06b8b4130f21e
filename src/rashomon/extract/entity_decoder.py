"""spaCy's named-entity recogniser, decoded for a whole batch of documents at once.

spaCy's greedy NER takes one transition per token per document, and each step of its compiled loop takes and gives
back the interpreter lock and asks every one of the model's moves whether it is valid: on two cores, 44% of the
parse went there. This decoder makes the same decisions from the same weights (the recogniser's own token vectors,
precomputed feature layer, hidden and output layers) with the whole batch's step done as a few array operations, and
the same validity rules as spaCy's BILUO system (`spacy/pipeline/_parser_internals/ner.pyx`). The entities it sets
equal spaCy's, which the tests check on hand-written and (where present) PolNeAR texts.

`EntityDecoder.of` gives None for a recogniser it cannot mirror (a beam search, a shared tok2vec listener, other
features or moves); the model then keeps spaCy's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.tokens import Doc, Span

_BEGIN, _IN, _LAST, _UNIT, _OUT = range(5)
_MOVE_KINDS = {"B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT, "O": _OUT}
# The recogniser's three context features: the first buffer token, the open entity's first token, the token before.
_FEATURES = 3
# Token vectors are made this many documents at a time: larger batches pad more and ran slower.
_TOKVEC_BATCH = 16


class EntityDecoder:
    """Sets `doc.ents` on parsed documents as the given spaCy "ner" pipe would (greedy BILUO decoding)."""

    def __init__(self, ner: Any) -> None:
        model = ner.model
        self._tok2vec = model.get_ref("tok2vec")
        self._lower = model.get_ref("lower")
        upper = model.get_ref("upper")
        self._ops = upper.ops
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        self._kind = np.array([_MOVE_KINDS[name[0]] for name in names])
        self._label_names = ["", *sorted({name[2:] for name in names if len(name) > 2})]
        self._label = np.array([self._label_names.index(name[2:]) if len(name) > 2 else 0 for name in names])
        self._unseen = np.zeros(len(names), dtype=bool)
        for move in model.attrs.get("unseen_classes", ()):
            self._unseen[move] = True
        labelled = self._label != 0
        self._is_begin = (self._kind == _BEGIN) & labelled
        self._is_in = (self._kind == _IN) & labelled
        self._is_last = (self._kind == _LAST) & labelled
        self._is_unit = (self._kind == _UNIT) & labelled
        self._is_out = self._kind == _OUT
        self._hidden_bias = np.asarray(self._lower.get_param("b")).reshape(-1)
        self._output_weights = np.ascontiguousarray(upper.get_param("W"))
        self._output_bias = np.asarray(upper.get_param("b"))

    @classmethod
    def of(cls, ner: Any) -> EntityDecoder | None:
        """A decoder mirroring this recogniser, or None where its design is not the one this decodes."""
        try:
            model = ner.model
            names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
            fits = (
                type(ner.moves).__name__ == "BiluoPushDown"
                and ner.cfg.get("beam_width", 1) == 1
                and model.attrs.get("has_upper", False)
                and model.get_ref("lower").get_dim("nF") == _FEATURES
                and "listener" not in model.get_ref("tok2vec").name
                and all(name[:1] in _MOVE_KINDS and (len(name) == 1 or name[1] == "-") for name in names)
            )
        except (AttributeError, KeyError, ValueError):
            return None
        return cls(ner) if fits else None

    def __call__(self, docs: Sequence[Doc]) -> None:
        docs = [doc for doc in docs if len(doc)]
        if docs:
            self._set_entities(docs, self._decode(docs, self._precomputed(docs)))

    def _precomputed(self, docs: list[Doc]) -> np.ndarray:
        """The feature layer's contribution of every token in every slot: (tokens + 1, features, hidden, pieces),
        the first row being the padding a missing feature reads."""
        parts: list[np.ndarray] = []
        for first in range(0, len(docs), _TOKVEC_BATCH):
            part = self._lower.predict(self._tok2vec.predict(docs[first : first + _TOKVEC_BATCH]))
            parts.append(part if not parts else part[1:])
        return np.concatenate(parts) if len(parts) > 1 else parts[0]

    def _decode(self, docs: list[Doc], precomputed: np.ndarray) -> list[list[tuple[int, int, int]]]:
        """(start, end, label index) of each document's entities, one transition per token, all documents in step."""
        features = precomputed.reshape(precomputed.shape[0], _FEATURES, -1)
        n_hidden, n_pieces = precomputed.shape[2:]
        lengths = np.array([len(doc) for doc in docs])
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        sentence_start, is_space = _token_flags(docs, int(lengths.sum()))
        count = len(docs)
        position = np.zeros(count, dtype=np.int64)
        is_open = np.zeros(count, dtype=bool)
        open_start = np.zeros(count, dtype=np.int64)
        open_label = np.zeros(count, dtype=np.int64)
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        active = np.arange(count)
        while len(active):
            here = offsets[active] + position[active]
            opened = is_open[active]
            # Feature rows are token index + 1 (row 0 is the padding).
            hidden = features[here + 1, 0] + features[np.where(opened, offsets[active] + open_start[active] + 1, 0), 1]
            hidden += features[np.where(opened, here, 0), 2]
            hidden += self._hidden_bias
            scores = self._scores(hidden.reshape(len(active), n_hidden, n_pieces).max(axis=2))
            has_next = lengths[active] - position[active] >= 2
            next_starts_sentence = sentence_start[np.where(has_next, here + 1, len(sentence_start) - 1)]
            scores[~self._valid(opened, open_label[active], has_next, next_starts_sentence, is_space[here])] = -np.inf
            best = scores.argmax(axis=1)
            kind = self._kind[best]
            label = self._label[best]
            begins = active[kind == _BEGIN]
            is_open[begins] = True
            open_start[begins] = position[begins]
            open_label[begins] = label[kind == _BEGIN]
            for step in np.nonzero((kind == _LAST) | (kind == _UNIT))[0].tolist():
                doc_number = int(active[step])
                at = int(position[doc_number])
                if kind[step] == _UNIT:
                    found[doc_number].append((at, at + 1, int(label[step])))
                else:
                    found[doc_number].append((int(open_start[doc_number]), at + 1, int(open_label[doc_number])))
                    is_open[doc_number] = False
            position[active] += 1
            active = active[position[active] < lengths[active]]
        return found

    def _scores(self, hidden: np.ndarray) -> np.ndarray:
        # thinc's gemm, not numpy's matmul: the same routine as spaCy's, so ties break the same way.
        scores: np.ndarray = self._ops.gemm(np.ascontiguousarray(hidden), self._output_weights, trans2=True)
        scores += self._output_bias
        if self._unseen.any():
            scores[:, self._unseen] = scores.min()
        return scores

    def _valid(
        self,
        opened: np.ndarray,
        open_label: np.ndarray,
        has_next: np.ndarray,
        next_starts_sentence: np.ndarray,
        space: np.ndarray,
    ) -> np.ndarray:
        """Which moves each state may take: spaCy's BILUO rules for a document without preset entities."""
        same_label = self._label[None, :] == open_label[:, None]
        valid: np.ndarray = (
            (self._is_begin & (~opened & has_next & ~next_starts_sentence & ~space)[:, None])
            | (self._is_in & (opened & has_next & ~next_starts_sentence)[:, None] & same_label)
            | (self._is_last & opened[:, None] & same_label)
            | (self._is_unit & (~opened & ~space)[:, None])
            | (self._is_out & ~opened[:, None])
        )
        return valid

    def _set_entities(self, docs: list[Doc], found: list[list[tuple[int, int, int]]]) -> None:
        for doc, entities in zip(docs, found, strict=True):
            spans = [Span(doc, start, end, label=self._label_names[label]) for start, end, label in entities]
            doc.set_ents(spans, default="outside")


def _token_flags(docs: list[Doc], total: int) -> tuple[np.ndarray, np.ndarray]:
    """Whether each token of the batch starts a sentence, and whether it is white space; one extra slot, false,
    stands for the next token of a document's last one."""
    sentence_start = np.zeros(total + 1, dtype=bool)
    is_space = np.zeros(total + 1, dtype=bool)
    offset = 0
    for doc in docs:
        values = doc.to_array([SENT_START, IS_SPACE])
        sentence_start[offset : offset + len(doc)] = values[:, 0] == 1
        is_space[offset : offset + len(doc)] = values[:, 1] == 1
        offset += len(doc)
    return sentence_start, is_space
