"""A token tagger for attribution: which tokens are the source, the cue and the content of reported speech.

Each token gets hashed features read from the parse's arrays (word, lemma, tags, dependency, its neighbours, the
speech word it hangs from and how, whether it sits between quote marks); a linear model trained on PolNeAR's train
split (`benchmarks/train_attribution.py`, weights in `attribution_weights.py`) scores the seven BIO labels, a second
pass reads the first pass's roles around each token, and a repair keeps the label sequence legal (an I- only after
its B- or I-; no span across a paragraph break). Everything is numpy over the whole document at once: a Python
object per token costs more than the model.
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, LOWER, POS, SENT_START, TAG

LABELS: tuple[str, ...] = ("O", "B-Source", "I-Source", "B-Cue", "I-Cue", "B-Content", "I-Content")
BITS = 18
_MASK = (1 << 64) - 1
_K1 = np.uint64(0x9E3779B97F4A7C15)
_K2 = np.uint64(0xBF58476D1CE4E5B9)
_K3 = np.uint64(0x94D049BB133111EB)
_ATTRS = [LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, IDX, SENT_START, LENGTH, IS_SPACE]
_DEPTH = 10
# Unlabelled tokens allowed inside one content.
JOIN_GAP = 2


def _mix(template: int, values: np.ndarray) -> np.ndarray:
    """A 64-bit hash of (template, value) per element (splitmix64's finaliser)."""
    x = values.astype(np.uint64) ^ np.uint64((template * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & _MASK)
    x = (x ^ (x >> np.uint64(30))) * _K2
    x = (x ^ (x >> np.uint64(27))) * _K3
    return x ^ (x >> np.uint64(31))


def _shift(values: np.ndarray, by: int, fill: int) -> np.ndarray:
    out = np.full_like(values, fill)
    if by > 0:
        out[by:] = values[:-by]
    elif by < 0:
        out[:by] = values[-by:]
    return out


def _inside(starts: np.ndarray, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """Whether each token start lies inside one of the (sorted, disjoint enough) character spans."""
    flags = np.zeros(len(starts), dtype=np.uint64)
    for a, b in spans:
        flags[(starts >= a) & (starts < b)] = 1
    return flags


def _cue_ancestors(heads: np.ndarray, is_cue: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each token the nearest ancestor that is a cue word (-1 if none), the token just below it on the path,
    and the number of steps up."""
    n = len(heads)
    prev = np.arange(n)
    cur = heads[prev]
    found = np.full(n, -1)
    below = np.full(n, -1)
    steps = np.zeros(n, dtype=np.int64)
    for depth in range(1, _DEPTH + 1):
        active = (found < 0) & (cur != prev)
        hit = active & is_cue[cur]
        found[hit], below[hit], steps[hit] = cur[hit], prev[hit], depth
        prev = np.where(active, cur, prev)
        cur = heads[prev]
    return found, below, steps


def _nearest_cue(is_cue: np.ndarray, sentence: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each token the closest cue word of its sentence (-1 if none) and the signed distance to it, bucketed
    by powers of two (0 where there is none)."""
    n = len(is_cue)
    positions = np.flatnonzero(is_cue)
    if not len(positions):
        return np.full(n, -1), np.zeros(n, dtype=np.uint64)
    index = np.arange(n)
    right = np.minimum(np.searchsorted(positions, index), len(positions) - 1)
    left = np.maximum(right - 1, 0)
    pick = np.where(np.abs(positions[left] - index) <= np.abs(positions[right] - index), left, right)
    near = positions[pick]
    same = sentence[near] == sentence
    if not same.all():  # the other neighbour may sit in the sentence when the closest does not
        other = np.where(pick == left, right, left)
        swap = ~same & (sentence[positions[other]] == sentence)
        near = np.where(swap, positions[other], near)
        same = same | swap
    offset = index - near
    bucket = np.sign(offset) * np.ceil(np.log2(np.abs(offset) + 1)).astype(np.int64)
    bucket = np.where(same, np.clip(bucket, -5, 5) + 6, 0)
    return np.where(same, near, -1), bucket.astype(np.uint64)


@dataclass(frozen=True, slots=True)
class Parsed:
    """The arrays of one parse the features and the decoding read."""

    starts: np.ndarray
    ends: np.ndarray
    sentence: np.ndarray
    heads: np.ndarray
    breaks: np.ndarray  # white-space tokens: paragraph breaks, which no span crosses
    subject: np.ndarray  # each token's subject (nsubj, nsubjpass) or -1
    features: np.ndarray  # (tokens, templates) bucket ids


def parse_arrays(doc: Any, quoted: Sequence[tuple[int, int]], cue_lemmas: frozenset[int]) -> Parsed:
    """Hashed feature buckets for every token of a parsed document; ``cue_lemmas`` are lemma hashes of cue words."""
    raw = doc.to_array(_ATTRS)
    arr = raw.astype(np.int64)
    n = len(arr)
    lower, lemma, pos, tag, dep, ent = (raw[:, k].astype(np.uint64) for k in range(6))
    heads = np.arange(n) + arr[:, 6]
    starts = arr[:, 7]
    ends = starts + arr[:, 9]
    sentence = np.cumsum(arr[:, 8] == 1)
    is_cue = np.isin(lemma, np.fromiter(cue_lemmas, dtype=np.uint64, count=len(cue_lemmas)))
    found, below, steps = _cue_ancestors(heads, is_cue)
    has_cue = found >= 0
    cue_lemma = np.where(has_cue, lemma[np.maximum(found, 0)], np.uint64(1))
    path_dep = np.where(has_cue, dep[np.maximum(below, 0)], np.uint64(2))
    side = np.sign(np.arange(n) - np.where(has_cue, found, np.arange(n))).astype(np.int64) + 1
    inq = _inside(starts, quoted)
    sent_cues = np.zeros(sentence.max() + 2 if n else 1, dtype=np.int64)
    np.add.at(sent_cues, sentence, is_cue.astype(np.int64))
    sent_quoted = np.zeros_like(sent_cues)
    np.add.at(sent_quoted, sentence, inq.astype(np.int64))
    sent_len = np.bincount(sentence, minlength=len(sent_cues))
    whole_quote = (sent_quoted[sentence] * 10 >= sent_len[sentence] * 8).astype(np.uint64)
    subj_child = np.zeros(n, dtype=np.uint64)
    subject_deps = np.array([doc.vocab.strings[d] for d in ("nsubj", "nsubjpass")], dtype=np.uint64)
    is_subject = np.isin(dep, subject_deps)
    np.maximum.at(subj_child, heads, is_subject.astype(np.uint64))
    subject = np.full(n, -1)
    subject[heads[is_subject]] = np.flatnonzero(is_subject)
    near, distance = _nearest_cue(is_cue, sentence)
    near_lemma = np.where(near >= 0, lemma[np.maximum(near, 0)], np.uint64(1))
    cols = [
        np.zeros(n, dtype=np.uint64),
        distance ^ _mix(21, inq),
        distance ^ _mix(22, pos),
        near_lemma ^ _mix(23, np.sign(distance.astype(np.int64))),
        _shift(path_dep, 1, 3) ^ _mix(24, path_dep),
        _shift(path_dep, -1, 3) ^ _mix(25, path_dep),
        lower,
        lemma,
        pos,
        tag,
        dep,
        ent,
        _shift(lemma, 1, 3),
        _shift(lemma, -1, 3),
        _shift(pos, 1, 3),
        _shift(pos, -1, 3),
        _shift(pos, 2, 3),
        _shift(pos, -2, 3),
        _shift(lower, 1, 3) ^ _mix(1, lower),
        lemma[heads],
        pos[heads],
        dep ^ _mix(2, lemma[heads]),
        dep ^ _mix(3, dep[heads]),
        inq,
        inq ^ _mix(4, pos),
        inq ^ _mix(5, dep),
        whole_quote ^ _mix(6, inq),
        cue_lemma,
        path_dep,
        path_dep ^ _mix(7, cue_lemma),
        path_dep ^ _mix(8, side.astype(np.uint64)),
        path_dep ^ _mix(9, inq) ^ _mix(10, side.astype(np.uint64)),
        np.minimum(steps, 6).astype(np.uint64) ^ _mix(11, path_dep),
        is_cue.astype(np.uint64) ^ _mix(12, pos) ^ _mix(13, subj_child),
        is_cue.astype(np.uint64) ^ _mix(14, dep),
        np.minimum(sent_cues[sentence], 3).astype(np.uint64) ^ _mix(15, inq),
        _shift(inq, 1, 2) ^ _mix(16, inq) ^ _mix(17, _shift(inq, -1, 2)),
        is_cue[heads].astype(np.uint64) ^ _mix(18, dep),
        _shift(is_cue.astype(np.uint64), 1, 2) ^ _mix(19, pos),
        _shift(is_cue.astype(np.uint64), -1, 2) ^ _mix(20, pos),
    ]
    features = np.stack([_mix(k, c) for k, c in enumerate(cols)], axis=1) >> np.uint64(64 - BITS)
    breaks = arr[:, 10] == 1
    return Parsed(
        starts=starts,
        ends=ends,
        sentence=sentence,
        heads=heads,
        breaks=breaks,
        subject=subject,
        features=features.astype(np.int64),
    )


@dataclass(frozen=True, slots=True)
class Weights:
    """The tagger's weights: one row of label scores per feature bucket and a bias per label, for the first pass
    and for the second (which also reads the first pass's roles around each token), and the cue lemmas."""

    table: np.ndarray
    bias: np.ndarray
    second: np.ndarray
    second_bias: np.ndarray
    cue_lemmas: frozenset[int]


def encode(table: np.ndarray) -> str:
    """Weights as text for a Python module: int8 per label and bucket, zlib, base64 (decode with `decode`)."""
    scale = float(np.abs(table).max()) / 127 or 1.0
    quantised = np.round(table / scale).astype(np.int8)
    return f"{scale!r}:" + base64.b64encode(zlib.compress(quantised.tobytes(), 9)).decode("ascii")


def decode(blob: str, labels: int) -> np.ndarray:
    scale, data = blob.split(":", 1)
    raw = np.frombuffer(zlib.decompress(base64.b64decode(data)), dtype=np.int8)
    return raw.reshape(-1, labels).astype(np.float32) * float(scale)


@cache
def shipped_weights() -> Weights:
    """The weights shipped with the package, decoded once (a constant of the code, not state of a run)."""
    from rashomon.extract import attribution_weights as shipped  # noqa: PLC0415 - generated module, read when used

    return Weights(
        table=decode(shipped.TABLE, len(LABELS)),
        bias=np.array(shipped.BIAS, dtype=np.float32),
        second=decode(shipped.SECOND, len(LABELS)),
        second_bias=np.array(shipped.SECOND_BIAS, dtype=np.float32),
        cue_lemmas=frozenset(shipped.CUE_LEMMAS),
    )


_ROLE = np.array([0, 1, 1, 2, 2, 3, 3])  # the role of each label: none, source, cue, content
_INSIDE = np.array([label.startswith("I-") for label in LABELS])


def first_roles(parsed: Parsed, table: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """The first pass: each token's most likely role (0 none, 1 source, 2 cue, 3 content)."""
    return np.asarray(_ROLE[(table[parsed.features].sum(axis=1) + bias).argmax(axis=1)])


def stacked(parsed: Parsed, roles: np.ndarray) -> np.ndarray:
    """Second-pass feature buckets: the first pass's roles around each token, at its head, in its sentence."""
    r = roles.astype(np.uint64)
    share = np.bincount(parsed.sentence, weights=(roles == 3).astype(np.float64))
    size = np.maximum(np.bincount(parsed.sentence), 1)
    content_share = np.round(4 * share / size).astype(np.uint64)[parsed.sentence]
    cued = (np.bincount(parsed.sentence, weights=(roles == 2).astype(np.float64)) > 0).astype(np.uint64)
    cols = [
        _shift(r, 1, 5) ^ _mix(31, r),
        _shift(r, -1, 5) ^ _mix(32, r),
        _shift(r, 2, 5) ^ _mix(33, r),
        _shift(r, -2, 5) ^ _mix(34, r),
        _shift(r, 1, 5) ^ _mix(35, r) ^ _mix(36, _shift(r, -1, 5)),
        r[parsed.heads] ^ _mix(37, r),
        content_share ^ _mix(38, r),
        cued[parsed.sentence] ^ _mix(39, r),
    ]
    ids = np.stack([_mix(100 + k, c) for k, c in enumerate(cols)], axis=1) >> np.uint64(64 - BITS)
    return np.concatenate([parsed.features, ids.astype(np.int64)], axis=1)


def tag(parsed: Parsed, weights: Weights) -> np.ndarray:
    """Label indices (into `LABELS`) for every token: the second pass's best label, an I- whose token before has
    another role made the B- of its role (as good as Viterbi under these hard constraints, at a fraction of the
    cost); no span crosses a paragraph break."""
    features = stacked(parsed, first_roles(parsed, weights.table, weights.bias))
    labels = (weights.second[features].sum(axis=1) + weights.second_bias).argmax(axis=1)
    roles = _ROLE[labels]
    before = np.concatenate(([0], roles[:-1]))
    broken = _INSIDE[labels] & (before != roles)
    labels[broken] -= 1
    labels[parsed.breaks] = 0
    after_break = np.concatenate(([False], parsed.breaks[:-1])) & _INSIDE[labels]
    labels[after_break] -= 1
    return np.asarray(labels)


def spans(labels: np.ndarray) -> list[tuple[str, int, int]]:
    """(role, first token, last token + 1) for each labelled run."""
    found: list[tuple[str, int, int]] = []
    for i, k in enumerate(labels.tolist()):
        label = LABELS[k]
        if label == "O":
            continue
        role = label[2:]
        if label.startswith("I-") and found and found[-1][0] == role and found[-1][2] == i:
            found[-1] = (role, found[-1][1], i + 1)
        else:
            found.append((role, i, i + 1))
    return found


@dataclass(frozen=True, slots=True)
class Tagged:
    """One content the tagger found, with the cue and source runs linked to it (token ranges, end exclusive)."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None


def _nearest(runs: Sequence[tuple[int, int]], at: tuple[int, int], sentence: Sequence[int]) -> tuple[int, int] | None:
    """The run closest to ``at`` in its sentence, else in the sentence just before or after it."""
    first, last = sentence[at[0]], sentence[at[1] - 1]
    for reach in (0, 1):
        near = [r for r in runs if first - reach <= sentence[r[0]] <= last + reach]
        if near:
            return min(near, key=lambda r: max(r[0] - at[1], at[0] - r[1], 0))
    return None


def _joined(runs: Sequence[tuple[str, int, int]], gap: int, breaks: Sequence[bool]) -> list[tuple[str, int, int]]:
    """Content runs that only a few unlabelled tokens part (a quote mark, a comma the tagger left out) made one,
    within a paragraph."""
    out: list[tuple[str, int, int]] = []
    for role, a, b in runs:
        near = out and out[-1][0] == "Content" and a - out[-1][2] <= gap
        if role == "Content" and near and not any(breaks[out[-1][2] : a]):
            out[-1] = ("Content", out[-1][1], b)
        else:
            out.append((role, a, b))
    return out


def link(parsed: Parsed, labels: np.ndarray) -> list[Tagged]:
    """Contents with their nearest cue (same sentence first) and the source nearest that cue; the parts of a
    content that its cue and source interrupt ("A," she said, "B") are one content, as a cue has one content."""
    breaks = parsed.breaks.tolist()
    runs = _joined(spans(labels), JOIN_GAP, breaks)
    cues = [(a, b) for role, a, b in runs if role == "Cue"]
    sources = [(a, b) for role, a, b in runs if role == "Source"]
    sentence = parsed.sentence.tolist()
    hulls: dict[tuple[int, int], tuple[int, int]] = {}
    found: list[Tagged] = []
    for role, a, b in runs:
        if role != "Content":
            continue
        cue = _nearest(cues, (a, b), sentence)
        content = (a, b)
        if cue is not None and cue in hulls:
            hull = (min(hulls[cue][0], a), max(hulls[cue][1], b))
            if not any(breaks[hull[0] : hull[1]]):
                found = [t for t in found if t.cue != cue]
                content = hull
        if cue is not None:
            hulls[cue] = content
        source = _nearest(sources, cue or content, sentence)
        found.append(Tagged(content=content, cue=cue, source=source))
    return sorted(found, key=lambda t: t.content)
