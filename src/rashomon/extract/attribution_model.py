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
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from operator import add
from typing import Any

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, POS, SENT_START, TAG

from rashomon.extract.nlp import line_breaks

LABELS: tuple[str, ...] = ("O", "B-Source", "I-Source", "B-Cue", "I-Cue", "B-Content", "I-Content")
BITS = 18
_MASK = (1 << 64) - 1
_K1 = np.uint64(0x9E3779B97F4A7C15)
_K2 = np.uint64(0xBF58476D1CE4E5B9)
_K3 = np.uint64(0x94D049BB133111EB)
_ATTRS = [LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, IDX, SENT_START, LENGTH]
_DEPTH = 10
# Unlabelled tokens allowed inside one content.
JOIN_GAP = 2


def _seed(template: int) -> int:
    return (template * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & _MASK


def _finalise(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, in place (no temporary arrays)."""
    x ^= x >> np.uint64(30)
    x *= _K2
    x ^= x >> np.uint64(27)
    x *= _K3
    x ^= x >> np.uint64(31)
    return x


def _mix(template: int, values: np.ndarray) -> np.ndarray:
    """A 64-bit hash of (template, value) per element (splitmix64's finaliser)."""
    return _finalise(values.astype(np.uint64) ^ np.uint64(_seed(template)))


def _mix_columns(columns: Sequence[np.ndarray], first_template: int) -> np.ndarray:
    """`_mix` of each column with its own template (``first_template``, the next, ...), as a (tokens, columns)
    array: the same hashes as column by column, in one pass over all of them (a call per column cost more)."""
    rows = np.stack(columns).astype(np.uint64, copy=False)  # a new array, hashed in place
    rows ^= np.array([_seed(first_template + k) for k in range(len(columns))], dtype=np.uint64)[:, None]
    return _finalise(rows).T


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
    # What the source linker reads: a code per token for its part of speech, entity type and dependency (see
    # `_KINDS`), whether it is a cue word or between quote marks, and the first token of its subtree.
    kind: np.ndarray
    is_cue: np.ndarray
    quoted: np.ndarray
    left: np.ndarray
    right: np.ndarray


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
    # Looked up in the set word by word: `np.isin` sorts the document's lemmas with the set's for every document.
    is_cue = np.fromiter((value in cue_lemmas for value in lemma.tolist()), dtype=bool, count=n)
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
    features = _mix_columns(cols, 0) >> np.uint64(64 - BITS)
    breaks = line_breaks(doc)
    return Parsed(
        starts=starts,
        ends=ends,
        sentence=sentence,
        heads=heads,
        breaks=breaks,
        subject=subject,
        features=features.astype(np.int64),
        kind=_kinds(doc, pos, ent, dep),
        is_cue=is_cue,
        quoted=inq.astype(bool),
        left=_edge(heads, np.minimum),
        right=_edge(heads, np.maximum),
    )


# Token codes the linker reads, each a small number: part of speech, entity type, dependency.
_KINDS: tuple[tuple[str, ...], ...] = (
    ("PRON", "PROPN", "NOUN", "DET", "NUM"),
    ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"),
    ("nsubj", "nsubjpass", "pobj", "poss", "dobj", "compound", "appos", "conj", "ROOT", "ccomp"),
)


def _code(doc: Any, values: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """1 + the index of each value's name in ``names``, 0 for any other."""
    out = np.zeros(len(values), dtype=np.int64)
    for k, name in enumerate(names):
        out[values == np.uint64(doc.vocab.strings[name])] = k + 1
    return out


def _kinds(doc: Any, pos: np.ndarray, ent: np.ndarray, dep: np.ndarray) -> np.ndarray:
    """One code per token: part of speech (0-5), entity type (0-6) and dependency (0-10) as pos + 8 ent + 64 dep."""
    codes = [_code(doc, values, names) for values, names in zip((pos, ent, dep), _KINDS, strict=True)]
    kinds: np.ndarray = codes[0] + 8 * codes[1] + 64 * codes[2]
    return kinds


def _edge(heads: np.ndarray, pick: Any) -> np.ndarray:
    """The first (``np.minimum``) or last (``np.maximum``) token of each token's subtree, as deep as `_DEPTH`."""
    edge: np.ndarray = np.arange(len(heads))
    for _ in range(_DEPTH):
        before = edge.copy()
        pick.at(edge, heads, edge)
        if np.array_equal(before, edge):
            break
    return edge


@dataclass(frozen=True, slots=True)
class Weights:
    """The tagger's weights: one row of label scores per feature bucket and a bias per label, for the first pass
    and for the second (which also reads the first pass's roles around each token), and the cue lemmas."""

    table: np.ndarray
    bias: np.ndarray
    second: np.ndarray
    second_bias: np.ndarray
    cue_lemmas: frozenset[int]
    linker: np.ndarray | None = None  # one weight per source-linker feature id (`source_candidates`)


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
        linker=decode(shipped.LINKER, 1).ravel(),
    )


_ROLE = np.array([0, 1, 1, 2, 2, 3, 3])  # the role of each label: none, source, cue, content
_INSIDE = np.array([label.startswith("I-") for label in LABELS])


def scores(features: np.ndarray, table: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Each token's label scores: the table rows of its feature buckets summed, plus the bias. Added a template
    at a time, in the order ``table[features].sum(axis=1)`` adds them (the same sums), without its (tokens,
    templates, labels) array. Each template's buckets are laid out contiguously and its rows gathered with
    `np.take`: half the cost of indexing the table with a strided column of ``features``."""
    columns = np.ascontiguousarray(features.T)
    total: np.ndarray = table.take(columns[0], axis=0)
    for column in columns[1:]:
        total += table.take(column, axis=0)
    return np.asarray(total + bias)


def first_roles(parsed: Parsed, table: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """The first pass: each token's most likely role (0 none, 1 source, 2 cue, 3 content)."""
    return np.asarray(_ROLE[scores(parsed.features, table, bias).argmax(axis=1)])


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
    ids = _mix_columns(cols, 100) >> np.uint64(64 - BITS)
    return np.concatenate([parsed.features, ids.astype(np.int64)], axis=1)


def tag(parsed: Parsed, weights: Weights) -> np.ndarray:
    """Label indices (into `LABELS`) for every token: the second pass's best label, an I- whose token before has
    another role made the B- of its role (as good as Viterbi under these hard constraints, at a fraction of the
    cost); no span crosses a paragraph break."""
    features = stacked(parsed, first_roles(parsed, weights.table, weights.bias))
    labels = scores(features, weights.second, weights.second_bias).argmax(axis=1)
    roles = _ROLE[labels]
    before = np.concatenate(([0], roles[:-1]))
    broken = _INSIDE[labels] & (before != roles)
    labels[broken] -= 1
    labels[parsed.breaks] = 0
    after_break = np.concatenate(([False], parsed.breaks[:-1])) & _INSIDE[labels]
    labels[after_break] -= 1
    return np.asarray(labels)


_ROLE_NAMES = ("", "Source", "Cue", "Content")


def spans(labels: np.ndarray) -> list[tuple[str, int, int]]:
    """(role, first token, last token + 1) for each labelled run: an I- label carries on the run of the token
    before when that token has its role, anything else but O starts a run."""
    roles = _ROLE[labels]
    carries_on = _INSIDE[labels] & (np.concatenate(([0], roles[:-1])) == roles)
    starts = np.flatnonzero((roles != 0) & ~carries_on)
    stops = np.append(np.flatnonzero(~carries_on), len(labels))
    ends = stops[np.searchsorted(stops, starts, side="right")]
    return [(_ROLE_NAMES[roles[a]], a, b) for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]


@dataclass(frozen=True, slots=True)
class Tagged:
    """One content the tagger found, with the cue and source runs linked to it (token ranges, end exclusive)."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    tagged_source: bool = True  # the source is a run the tagger labelled, not a subject the linker added


def _nearest(
    runs: Sequence[tuple[int, int]],
    at: tuple[int, int],
    sentence: Sequence[int],
    paragraph: Sequence[int] | None = None,
) -> tuple[int, int] | None:
    """The run closest to ``at`` in its sentence, else in the sentence just before or after it, one in the same
    paragraph first when ``paragraph`` is given (a quote that closes a paragraph is not the next one's)."""
    first, last = sentence[at[0]], sentence[at[1] - 1]
    for reach in (0, 1):
        near = [r for r in runs if first - reach <= sentence[r[0]] <= last + reach]
        if paragraph is not None:
            near = [r for r in near if paragraph[r[0]] == paragraph[at[0]]] or near
        if near:
            return min(near, key=lambda r: max(r[0] - at[1], at[0] - r[1], 0))
    return None


# Steps up the parse from a content's words within which a cue word governs it.
_GOVERNING_STEPS = 3


def _governing(owner: dict[int, tuple[int, int]], at: tuple[int, int], heads: Sequence[int]) -> tuple[int, int] | None:
    """The cue run that the content ``at`` hangs from in the parse, a few steps up from its words ("said that A
    and suggested that B": A hangs from "said"), else None; ``owner`` maps each cue token to its run."""
    a, b = at
    for i in range(a, b):
        node = heads[i]
        if a <= node < b:
            continue
        for _ in range(_GOVERNING_STEPS):
            if node in owner:
                return owner[node]
            if heads[node] == node or a <= heads[node] < b:
                break
            node = heads[node]
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


def _cut_at_sentences(
    runs: Sequence[tuple[str, int, int]], sentence: Sequence[int], quoted: Sequence[bool]
) -> list[tuple[str, int, int]]:
    """Content runs cut where a sentence ends outside quote marks: reported words without quote marks end with
    their sentence, and the next sentence is another attribution or none (a quote runs on across sentences)."""
    out: list[tuple[str, int, int]] = []
    for role, a, b in runs:
        start = a
        for i in range(a + 1, b):
            if role == "Content" and sentence[i] != sentence[i - 1] and not (quoted[i] and quoted[i - 1]):
                out.append((role, start, i))
                start = i
        out.append((role, start, b))
    return out


def link(parsed: Parsed, labels: np.ndarray, linker: np.ndarray | None = None) -> list[Tagged]:
    """Contents with their nearest cue (same sentence first) and a source: the linker's best candidate when its
    weights are given, else the source run nearest the cue. The parts of a content that its cue and source
    interrupt ("A," she said, "B") are one content, as a cue has one content."""
    breaks = parsed.breaks.tolist()
    sentence, quoted = parsed.sentence.tolist(), parsed.quoted.tolist()
    runs = _cut_at_sentences(_joined(spans(labels), JOIN_GAP, breaks), sentence, quoted)
    cues = [(a, b) for role, a, b in runs if role == "Cue"]
    owner = {i: (a, b) for a, b in cues for i in range(a, b)}
    heads = parsed.heads.tolist()
    sources = [(a, b) for role, a, b in runs if role == "Source"]
    hulls: dict[tuple[int, int], tuple[int, int]] = {}
    found: list[Tagged] = []
    view = TokenView(parsed) if linker is not None else None
    paragraph = np.cumsum(parsed.breaks).tolist()
    for role, a, b in runs:
        if role != "Content":
            continue
        cue = _nearest(cues, (a, b), sentence, paragraph)
        if cue is not None and cue[0] >= b:
            # A cue after the content that another cue before it governs, one with no content yet, is the next
            # attribution's.
            governing = _governing(owner, (a, b), heads)
            cue = governing if governing is not None and governing[1] <= a and governing not in hulls else cue
        content = (a, b)
        if cue is not None and cue in hulls:
            hull = (min(hulls[cue][0], a), max(hulls[cue][1], b))
            if not any(breaks[hull[0] : hull[1]]):
                found = [t for t in found if t.cue != cue]
                content = hull
        if cue is not None:
            hulls[cue] = content
        if view is None:
            source = _nearest(sources, cue or content, sentence)
        else:
            source = best_source(source_candidates(view, sources, content, cue), linker)  # type: ignore[arg-type]
        found.append(Tagged(content=content, cue=cue, source=source, tagged_source=source in sources))
    return sorted(found, key=lambda t: t.content)


# The source linker: each candidate source of a content (a source run near it, or a subject near it) is described
# by a few small-valued features, one weight per (template, value); the best score wins.
LINK_VALUES = 64
LINK_TEMPLATES = 17
_OFFSETS = tuple(range(0, LINK_TEMPLATES * LINK_VALUES, LINK_VALUES))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible source of one content (tokens, end exclusive) and its feature ids into the linker's weights."""

    span: tuple[int, int]
    features: tuple[int, ...]


def best_source(candidates: Sequence[Candidate], linker: np.ndarray) -> tuple[int, int] | None:
    if not candidates:
        return None
    scores = linker[np.array([c.features for c in candidates])].sum(axis=1)
    return candidates[int(np.argmax(scores))].span


class TokenView:
    """The arrays the linker reads, as Python lists once per document: it looks at a few tokens at a time, where
    indexing numpy costs more than the work."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.sentence: list[int] = parsed.sentence.tolist()
        self.heads: list[int] = parsed.heads.tolist()
        self.kind: list[int] = parsed.kind.tolist()
        self.is_cue: list[bool] = parsed.is_cue.tolist()
        self.quoted: list[bool] = parsed.quoted.tolist()
        self.paragraph: list[int] = np.cumsum(parsed.breaks).tolist()
        self.left: list[int] = parsed.left.tolist()
        self.right: list[int] = parsed.right.tolist()
        self.subject: list[int] = parsed.subject.tolist()

    def head(self, span: tuple[int, int]) -> int:
        a, b = span
        return next((i for i in range(a, b) if not a <= self.heads[i] < b or self.heads[i] == i), b - 1)

    def governors(self, run: tuple[int, int]) -> set[int]:
        """The tokens a run (a content, a cue) hangs from, up to three steps above its roots."""
        above: set[int] = set()
        for i in range(*run):
            node = i
            for _ in range(3):
                head = self.heads[node]
                if head == node:
                    break
                if not run[0] <= head < run[1]:
                    above.add(head)
                node = head
        return above


@dataclass(frozen=True, slots=True)
class _Context:
    """One content and what its candidates are measured against."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    governors: set[int]
    above_cue: set[int]


def _bucket(n: int) -> int:
    return min(n.bit_length(), 7) if n > 0 else 0


def _gap(span: tuple[int, int], other: tuple[int, int]) -> tuple[int, int]:
    """Which side of ``other`` a span lies on (0 before, 1 overlapping, 2 after) and the tokens between them."""
    if span[1] <= other[0]:
        return 0, other[0] - span[1]
    if span[0] >= other[1]:
        return 2, span[0] - other[1]
    return 1, 0


def source_candidates(
    view: TokenView, sources: Sequence[tuple[int, int]], content: tuple[int, int], cue: tuple[int, int] | None
) -> list[Candidate]:
    """The source runs within a sentence of the content and its cue, and the subjects there that no run covers,
    with their features."""
    sentence = view.sentence
    first, last = sentence[content[0]], sentence[content[1] - 1]
    if cue is not None:
        first, last = min(first, sentence[cue[0]]), max(last, sentence[cue[1] - 1])
    spans = [(s, True) for s in sources if first - 1 <= sentence[s[0]] <= last + 1]
    lo, hi = bisect_left(sentence, first - 1), bisect_left(sentence, last + 2)
    for who in view.subject[lo:hi]:
        if who < 0 or content[0] <= who < content[1]:
            continue
        span = (who, who + 1) if view.kind[who] % 8 == 1 else (view.left[who], view.right[who] + 1)
        if not any(a < span[1] and span[0] < b for (a, b), _ in spans):
            spans.append((span, False))
    if not spans:
        return []
    anchor = cue or content
    # Each candidate's side of and distance to the cue (the content without one) and the content, worked out once.
    to_anchor = [_gap(span, anchor) for span, _ in spans]
    to_content = [_gap(span, content) for span, _ in spans]
    by_cue = sorted(range(len(spans)), key=lambda k: to_anchor[k][1])
    by_content = sorted(range(len(spans)), key=lambda k: to_content[k][1])
    rank_cue = {k: r for r, k in enumerate(by_cue)}
    rank_content = {k: r for r, k in enumerate(by_content)}
    context = _Context(
        content=content,
        cue=cue,
        governors=view.governors(content),
        above_cue=view.governors(cue) if cue is not None else set(),
    )
    return [
        Candidate(
            span=span,
            features=_features(
                view,
                context,
                span,
                from_run,
                ranks=(rank_cue[k], rank_content[k]),
                gaps=(to_content[k], to_anchor[k]),
            ),
        )
        for k, (span, from_run) in enumerate(spans)
    ]


def _features(
    view: TokenView,
    context: _Context,
    span: tuple[int, int],
    from_run: bool,
    *,
    ranks: tuple[int, int],
    gaps: tuple[tuple[int, int], tuple[int, int]],
) -> tuple[int, ...]:
    """A candidate's feature ids; ``gaps``: its `_gap` to the content and to the cue (the content without one)."""
    content, cue = context.content, context.cue
    h = view.head(span)
    code = view.kind[h]
    pos, ent, dep = code % 8, (code // 8) % 8, code // 64
    run = int(from_run)
    said = view.sentence[h]
    near = min(max(said - view.sentence[content[0]], -2), 0) + max(min(said - view.sentence[content[1] - 1], 2), 0)
    side, gap = gaps[0]
    head = view.heads[h]
    if cue is None:
        cue_rel, cue_pos, over_cue = 0, 0, 0
    else:
        cue_rel = 1 if cue[0] <= head < cue[1] else 2 if view.sentence[cue[0]] == said else 3
        cue_side, cue_gap = gaps[1]
        cue_pos = 1 + cue_side * 8 + _bucket(cue_gap)
        over_cue = 1 if cue[0] <= head < cue[1] else 2 if head in context.above_cue else 3
    rank_cue, rank_content = min(ranks[0], 3), min(ranks[1], 3)
    governs = int(head in context.governors)
    values = (
        0,
        run * 8 + pos,
        ent,
        dep * 2 + run,
        (near + 2) * 3 + side,
        side * 8 + _bucket(gap),
        cue_rel * 11 + dep,
        cue_pos,
        rank_cue * 2 + run,
        rank_content,
        (governs * 2 + int(view.is_cue[head])) * 2 + run,
        int(view.quoted[h]) * 3 + side,
        int(view.paragraph[h] != view.paragraph[content[0]]),
        _bucket(span[1] - span[0]),
        pos * 4 + cue_rel,
        (near + 2) * 4 + rank_cue,
        over_cue * 2 + run,
    )
    return tuple(map(add, _OFFSETS, values))
