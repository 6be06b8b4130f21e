"""Streaming story grouping: articles arrive in batches and join, open, merge or split stories locally.

Steps for each batch: evidence (each article's hashed counts and marks, `evidence.py`), blocking (candidates share
a key word or an entity and fall inside the time window: no step compares all pairs), linking (the pair model's
probability for candidate pairs), and regrouping (average-link over the new articles and the stories they touch,
starting from single articles, so a story wrongly merged earlier can split; stories too big to regroup take part
as one block and can only absorb).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from rashomon.settings import StorySettings
from rashomon.stories.evidence import NO_DAY, WIDTH, Evidence, GrowingRows, PairModel, Signatures, reserve

__all__ = ["INDEX_VERSION", "NO_DAY", "StoryIndex", "average_link"]

# Version of what a saved index holds (its evidence's kinds and arrays); an index saved by another cannot be read,
# and a run places every article again.
INDEX_VERSION = 4


def _top(counts: sparse.csr_matrix, weights: np.ndarray, keep: int) -> sparse.csr_matrix:
    """Each row's ``keep`` entries of highest weight (``weights`` aligned with ``counts.data``), values from counts.

    Columns must be sorted within rows (as `Evidence` keeps them): ties go to the lower column.
    """
    if not counts.has_sorted_indices:
        raise ValueError("_top needs each row's columns sorted")
    row_of = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    # By row, then weight descending, ties in column order (a stable sort), with one key instead of three: the
    # row number less the weight scaled into [0, 1).
    scaled = weights / (float(weights.max(initial=0.0)) * (1 + 1e-9) + 1e-30)
    order = np.argsort(row_of - scaled, kind="stable")
    rank = np.arange(len(order)) - counts.indptr[row_of[order]]
    chosen = np.sort(order[rank < keep])
    kept = np.bincount(row_of[chosen], minlength=counts.shape[0])
    indptr = np.concatenate([[0], np.cumsum(kept)])
    return sparse.csr_matrix(
        (counts.data[chosen].astype(np.float32), counts.indices[chosen], indptr), shape=counts.shape
    )


def _leading(sorted_keys: np.ndarray, limit: int) -> np.ndarray:
    """Mask of the first ``limit`` items of each run of equal keys in a sorted array."""
    if not len(sorted_keys):
        return np.zeros(0, dtype=bool)
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    rank = np.arange(len(sorted_keys)) - np.repeat(starts, np.diff(np.r_[starts, len(sorted_keys)]))
    return np.asarray(rank < limit)


def _narrow_pair(
    left: sparse.csr_matrix, right: sparse.csr_matrix, scratch: np.ndarray
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """Two matrices cut to the columns the left one uses: only those can add to a product of the two.

    Columns are looked up in ``scratch``, a table as wide as the matrices holding -1 (and left so), rather than
    sorted: the right side is the whole time window (a million entries at scale), the left a batch, as small as
    one late article, so only the left's entries are written.
    """
    used = np.unique(left.indices)
    scratch[used] = np.arange(len(used))
    try:
        return _keep_columns(left, scratch, len(used)), _keep_columns(right, scratch, len(used))
    finally:
        scratch[used] = -1


def _keep_columns(matrix: sparse.csr_matrix, position: np.ndarray, width: int) -> sparse.csr_matrix:
    """The matrix with only the columns ``position`` maps (to their new index); the others dropped."""
    moved = position[matrix.indices]
    keep = moved >= 0
    kept_before = np.concatenate([[0], np.cumsum(keep)])
    return sparse.csr_matrix(
        (matrix.data[keep], moved[keep], kept_before[matrix.indptr]), shape=(matrix.shape[0], max(width, 1))
    )


class StoryIndex:
    """Every article seen so far, its story, and what is needed to place the next ones."""

    def __init__(self, settings: StorySettings, model: PairModel | None = None) -> None:
        self.settings = settings
        self.evidence = Evidence(model) if model else Evidence()
        self._keys = GrowingRows()
        self._story = np.zeros(1024, dtype=np.int64)
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self._members: dict[int, list[int]] = {}
        self._same: dict[int, int] = {}  # copy row -> original row
        self._next_story = 0
        self._columns = np.full(WIDTH, -1, dtype=np.int32)  # scratch table of `_narrow_pair`

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        del state["_columns"]  # scratch, 4 MB
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._columns = np.full(WIDTH, -1, dtype=np.int32)

    def __len__(self) -> int:
        return len(self._ids)

    def to_saved(self) -> tuple[bytes, dict[str, np.ndarray]]:
        """The index as the store keeps it: its append-only arrays (each article's evidence and key words, views
        into the index) and the pickled rest (story labels, members, frequencies), small beside them."""
        columns: dict[str, np.ndarray] = {}
        state = self.__getstate__()
        state["evidence"] = self.evidence.columns(columns)
        state["_keys"] = self._keys.columns("keys", columns)
        state["_story"] = self._story[: len(self._ids)]
        state["version"] = INDEX_VERSION
        del state["_row"]  # rebuilt from the ids
        return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL), columns

    @classmethod
    def from_saved(cls, state: bytes, columns: Mapping[str, np.ndarray]) -> StoryIndex:
        """The index `to_saved` gave, taking over the column arrays; without columns, an index pickled whole."""
        # Our own bytes, from the store a run opened (see docs/architecture.md).
        if not columns:
            loaded: StoryIndex = pickle.loads(state)
            return loaded
        fields = pickle.loads(state)
        if fields.pop("version", 2) != INDEX_VERSION:
            raise ValueError("the story index was saved by another version of rashomon")
        fields["evidence"] = Evidence.from_columns(fields["evidence"], columns)
        fields["_keys"] = GrowingRows.from_columns(fields["_keys"], "keys", columns)
        fields["_row"] = {article: row for row, article in enumerate(fields["_ids"])}
        index = cls.__new__(cls)
        index.__setstate__(fields)
        return index

    def memory(self) -> int:
        """Bytes held in arrays (evidence, keys, days, story labels); Python objects not counted."""
        return self.evidence.memory() + self._keys.memory() + int(self._story.nbytes)

    def add(self, batch: Signatures, copies: Mapping[str, str] | None = None) -> None:
        """Place a batch of new articles; ``copies`` maps a copy's id to its original's, and keeps them together."""
        fresh = [i for i, article_id in enumerate(batch.ids) if article_id not in self._row]
        if not fresh:
            return
        rows = self._append(batch, fresh)
        links = []
        for copy, original in (copies or {}).items():
            known = copy in self._row and original in self._row and copy != original
            # Only links not yet applied touch their stories: a store's copies are passed whole on every add.
            if known and self._same.get(self._row[copy]) != self._row[original]:
                self._same[self._row[copy]] = self._row[original]
                links.append((self._row[copy], self._row[original]))
        self._regroup(rows, self._candidates(rows), links)

    def stories(self) -> list[list[str]]:
        """Article ids by story, each story and the list sorted."""
        groups = [sorted(self._ids[row] for row in members) for members in self._members.values()]
        return sorted(groups, key=lambda ids: ids[0])

    # -- steps ---------------------------------------------------------------------------------------------------

    def _append(self, batch: Signatures, fresh: list[int]) -> np.ndarray:
        start = len(self._ids)
        self.evidence.append(batch, fresh)
        words = self.evidence.rows["words"].matrix()[start:]
        keys = _top(words, words.data * self.evidence.idf("words", words.indices), self.settings.key_terms)
        keys.data[:] = 1.0
        self._keys.append(keys)
        end = start + len(fresh)
        self._story = reserve(self._story, end)
        self._story[start:end] = -1
        for offset, i in enumerate(fresh):
            self._ids.append(batch.ids[i])
            self._row[batch.ids[i]] = start + offset
        return np.arange(start, end)

    def _candidates(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(new row, other row, probability) for pairs sharing a key word or entity inside the time window."""
        keys, entities = self._keys.matrix(), self.evidence.rows["entities"].matrix()
        days = self.evidence.days
        new_days = days[rows]
        window = self.settings.window_days
        dated = new_days[new_days != NO_DAY]
        if len(dated) < len(rows):
            others = np.arange(len(self._ids))
        else:
            # Blocking by time: only articles inside the batch's days, widened by the window, are looked at.
            others = np.flatnonzero(
                (days == NO_DAY) | ((days >= dated.min() - window) & (days <= dated.max() + window))
            )
        # The window is the big side: as the left operand it stays in row form, only the batch is transposed.
        batch_keys, window_keys = _narrow_pair(keys[rows], keys[others], self._columns)
        batch_names, window_names = _narrow_pair(entities[rows], entities[others], self._columns)
        shared = (window_keys @ batch_keys.T + window_names @ batch_names.T).tocoo()
        new, old, count = rows[shared.col], others[shared.row], shared.data
        apart = (days[new] != NO_DAY) & (days[old] != NO_DAY) & (np.abs(days[new] - days[old]) > window)
        keep = ~apart & (new != old)
        new, old, count = new[keep], old[keep], count[keep]
        # Only each new article's nearest candidates (most keys shared, then latest) are scored: in a busy week
        # thousands share a word or a name with it.
        order = np.lexsort((-old, -count, new))
        new, old = new[order], old[order]
        first = _leading(new, self.settings.candidates)
        new, old = new[first], old[first]
        # A pair of two new articles may be found from both ends; keep it once.
        size = np.int64(len(self._ids))
        pairs = np.unique(np.minimum(new, old) * size + np.maximum(new, old))
        first, second = pairs // size, pairs % size
        return second, first, self.evidence.probability(second, first)

    def _regroup(
        self, rows: np.ndarray, pairs: tuple[np.ndarray, np.ndarray, np.ndarray], copies: Sequence[tuple[int, int]]
    ) -> None:
        """Average-link over the new rows and the stories they touch; the groups found replace those stories.

        The work splits into parts that cannot affect each other: rows joined by a likely link, a shared story or
        a copy. A merge needs some pair at the threshold, and pairs that were no candidates are taken to be
        below it.
        """
        new, old, probability = pairs
        close = probability >= self.settings.link_floor
        new, old, probability = new[close], old[close], probability[close]
        # Each new article brings along only its likeliest links: a busy week holds dozens of look-alike stories,
        # and regrouping all of them with every article costs more than it can change.
        order = np.lexsort((-probability, new))
        new, old = new[order], old[order]
        likeliest = _leading(new, self.settings.links)
        linked_new, linked_old = new[likeliest], old[likeliest]
        touched = {int(s) for s in self._story[linked_old] if s >= 0}
        touched |= {int(self._story[r]) for pair in copies for r in pair if self._story[r] >= 0}
        local = np.unique(np.concatenate([rows, *(self._members[s] for s in touched)]).astype(np.int64))
        position = {int(r): i for i, r in enumerate(local)}
        edges = [(position[int(a)], position[int(b)]) for a, b in zip(linked_new, linked_old, strict=True)]
        edges += [(position[c], position[o]) for c, o in copies if c in position and o in position]
        for story in touched:
            head = position[self._members[story][0]]
            edges += [(head, position[m]) for m in self._members[story][1:]]
        left = np.array([e[0] for e in edges], dtype=np.int64)
        right = np.array([e[1] for e in edges], dtype=np.int64)
        graph = sparse.coo_matrix((np.ones(len(edges)), (left, right)), shape=(len(local), len(local)))
        _, part = connected_components(graph, directed=False)
        members_of = {s: self._members.pop(s) for s in touched}
        story_of = {m: s for s, members in members_of.items() for m in members}
        order = np.argsort(part, kind="stable")
        parts: list[tuple[list[list[int]], set[int]]] = []
        for chunk in np.split(local[order], np.flatnonzero(np.diff(part[order])) + 1):
            here = [int(r) for r in chunk]
            if len(here) == 1 and here[0] not in story_of:
                self._open([here])
                continue
            # In a crowded part (many look-alike stories in one week), stories stay whole and are not compared
            # with each other again: the new articles join, open or bridge them, but cost grows with them only.
            crowded = len(here) > self.settings.regroup_limit
            stories = sorted({story_of[r] for r in here if r in story_of})
            whole = {s for s in stories if crowded or len(members_of[s]) > self.settings.split_limit}
            blocks = [[r] for r in here if story_of.get(r) not in whole]
            blocks = self._join_copies([*blocks, *(members_of[s] for s in sorted(whole))])
            settled = {i for i, block in enumerate(blocks) if crowded and any(r in story_of for r in block)}
            parts.append((blocks, settled))
        for groups in self._average_link(parts):
            self._open(groups)

    def _open(self, groups: Iterable[list[int]]) -> None:
        for group in groups:
            self._members[self._next_story] = group
            self._story[group] = self._next_story
            self._next_story += 1

    def _join_copies(self, blocks: list[list[int]]) -> list[list[int]]:
        block_of = {row: i for i, block in enumerate(blocks) for row in block}
        parent = list(range(len(blocks)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for copy, at in block_of.items():
            original = self._same.get(copy)
            if original is not None and original in block_of:
                parent[root(at)] = root(block_of[original])
        joined: dict[int, list[int]] = {}
        for i, block in enumerate(blocks):
            joined.setdefault(root(i), []).extend(block)
        return list(joined.values())

    def _average_link(self, parts: Sequence[tuple[list[list[int]], set[int]]]) -> list[list[list[int]]]:
        """Average-link over the blocks of each part, from the pair model's probability for every two rows in
        different blocks, except two settled blocks (scored for all parts at once: one pass over the evidence)."""
        layouts, lefts, rights, groups = [], [], [], []
        for number, (blocks, settled) in enumerate(parts):
            rows = np.array([r for block in blocks for r in block], dtype=np.int64)
            block_of_row = np.repeat(np.arange(len(blocks)), [len(b) for b in blocks])
            is_settled = np.isin(block_of_row, list(settled))
            first, second = np.triu_indices(len(rows), 1)
            across = (block_of_row[first] != block_of_row[second]) & ~(is_settled[first] & is_settled[second])
            first, second = first[across], second[across]
            # The unsettled (new) side first: the evidence multiplies left rows against right rows.
            swap = is_settled[first]
            first, second = np.where(swap, second, first), np.where(swap, first, second)
            layouts.append((block_of_row[first], block_of_row[second]))
            lefts.append(rows[first])
            rights.append(rows[second])
            groups.append(np.full(len(first), number))
        empty = np.zeros(0, dtype=np.int64)
        probability = self.evidence.probability(
            np.concatenate(lefts) if lefts else empty,
            np.concatenate(rights) if rights else empty,
            np.concatenate(groups) if groups else empty,
        )
        results, start = [], 0
        for (blocks, _), (first, second) in zip(parts, layouts, strict=True):
            totals = np.zeros((len(blocks), len(blocks)))
            np.add.at(totals, (first, second), probability[start : start + len(first)])
            start += len(first)
            counts = np.array([len(b) for b in blocks], dtype=float)
            scores = (totals + totals.T) / np.outer(counts, counts)
            scores[self._too_far(blocks)] = -np.inf
            merged = average_link(scores, counts, self.settings.threshold)
            results.append([sorted(row for i in group for row in blocks[i]) for group in merged])
        return results

    def _too_far(self, blocks: Sequence[Sequence[int]]) -> np.ndarray:
        days = self.evidence.days
        dated = [[days[r] for r in block if days[r] != NO_DAY] for block in blocks]
        first = np.array([min(d) if d else 0 for d in dated], dtype=np.int64)
        last = np.array([max(d) if d else 0 for d in dated], dtype=np.int64)
        has = np.array([bool(d) for d in dated])
        span = np.maximum.outer(last, last) - np.minimum.outer(first, first)
        published_apart = np.outer(has, has) & (span > self.settings.window_days)
        return np.asarray(published_apart | self.evidence.named_apart(blocks))


def average_link(similarity: np.ndarray, counts: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-link (UPGMA) grouping of weighted items, merging while the best average reaches the threshold.

    ``counts`` are the items' sizes (a block of several articles weighs as many). A pair at -inf never shares a
    group: averages with -inf stay -inf, so a third item similar to both cannot chain them together.
    """
    size = len(similarity)
    scores = similarity.astype(float).copy()
    np.fill_diagonal(scores, -np.inf)
    weights = counts.astype(float).copy()
    members: dict[int, list[int]] = {i: [i] for i in range(size)}
    while len(members) > 1:
        i, j = np.unravel_index(int(np.argmax(scores)), scores.shape)
        if scores[i, j] < threshold:
            break
        keep, gone = int(min(i, j)), int(max(i, j))
        with np.errstate(invalid="ignore"):
            merged = (weights[keep] * scores[keep] + weights[gone] * scores[gone]) / (weights[keep] + weights[gone])
        scores[keep, :] = scores[:, keep] = merged
        scores[gone, :] = scores[:, gone] = -np.inf
        scores[keep, keep] = -np.inf
        weights[keep] += weights[gone]
        members[keep].extend(members.pop(gone))
    return list(members.values())
