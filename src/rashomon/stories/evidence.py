"""How likely two articles report the same event: pair features over what each article says, and a learned score.

Two look-alike events (two earthquakes, two rehab entries) share their vocabulary; what tells them apart is who
and where (proper nouns, entities, places), when (years, weekdays, months, dates, and how far apart the days the
articles name lie: two happenings of one saga share even their names) and how many (numbers). Each article keeps
hashed counts of these; a pair's features are TF-IDF cosines and set overlaps, and a logistic model (weights in
`pair_weights.py`, fitted by `benchmarks/train_stories.py` on ECB+ train+dev and the tune sagas) turns them into
the probability that the two report one event. Document frequencies grow as articles arrive, and weights are applied
when a pair is compared, so every pair is judged with the statistics of everything seen so far.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from rashomon.stories import pair_weights as story_weights

# Day number of an undated article.
NO_DAY = np.iinfo(np.int64).min
# Hashed feature space: wide enough that two words of one story rarely share a slot.
WIDTH = 2**20
# Weighted counts (TF-IDF cosine) and sets (overlap), one hashed matrix each.
COUNTS = ("words", "proper", "lead")
# Kinds whose document frequencies are counted (idf).
FREQUENCIES = ("words", "proper", "entities")
SETS = ("entities", "years", "weekdays", "months", "numbers", "dates", "cardinals", "places")
# Cosines whose effect on the odds is not linear (a little shared vocabulary says less than its share of a lot):
# each also enters as hinges, how far it is above each knot, so the model is piecewise linear in them.
CURVED = ("words", "proper", "lead")
KNOTS = (0.1, 0.2, 0.3, 0.5)
# Days apart (of the days two dated articles name, `happenings.named_day`) from which the pair is marked apart.
APART = (2, 4)
# Days before its report's publication from which a weekday it names may be the coming one (as near: 7 - 4 = 3).
AMBIGUOUS = 4
# Days apart of two sure named days (see `Evidence.named_apart`) from which two blocks are never one story.
WEEK_APART = 7
PAIR_FEATURES = (
    "words", "proper", "lead", "entities", "year_match", "year_conflict", "mode_year_conflict", "weekday_conflict",
    "month_conflict", "numbers", "dates", "cardinals", "places", "collection",
    *(f"dated_apart>={days}" for days in APART),
    *(f"{name}>{knot}" for name in CURVED for knot in KNOTS),
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Signatures:
    """What story grouping knows of a batch of articles, one row each.

    ``counts`` hold sublinear term counts (1 + log count) of the text's words, its proper nouns and its lead (first
    lines, weighed with the words' statistics); ``sets`` hold 0/1 marks; ``mode_year`` is the year the article
    names most (0 when none); ``days`` the proleptic ordinal of the publication day (`NO_DAY` when unknown);
    ``named_days`` that of the day its own time expressions point to (`happenings.named_day`; `NO_DAY` when none);
    ``other_months`` an undated article's months named without a day (`happenings.other_months`, bits; 0 when
    none or dated, and when not given).
    """

    ids: list[str]
    counts: dict[str, sparse.csr_matrix]
    sets: dict[str, sparse.csr_matrix]
    mode_year: np.ndarray
    days: np.ndarray
    named_days: np.ndarray
    other_months: np.ndarray | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PairModel:
    """Logistic weights over `PAIR_FEATURES` (raw feature scale) and the intercept.

    ``collection`` is the range of collection sizes (articles) the model was fitted on statistics of: the
    ``collection`` feature, the log of the articles seen, is held inside it (at the default it stays 0).
    """

    weights: tuple[float, ...]
    intercept: float
    collection: tuple[int, int] = (1, 1)


SHIPPED = PairModel(
    weights=story_weights.WEIGHTS, intercept=story_weights.INTERCEPT, collection=story_weights.COLLECTION
)


class GrowingRows:
    """A CSR matrix that rows are appended to in amortised constant time, readable without copying."""

    def __init__(self, width: int = WIDTH) -> None:
        self.width = width
        self._indptr = np.zeros(1024, dtype=np.int32)
        self._indices = np.zeros(1024, dtype=np.int32)
        self._data = np.zeros(1024, dtype=np.float32)
        self.rows = 0

    def append(self, block: sparse.csr_matrix) -> None:
        nnz, start = int(self._indptr[self.rows]), self.rows
        self._indptr = reserve(self._indptr, start + block.shape[0] + 1)
        self._indices = reserve(self._indices, nnz + block.nnz)
        self._data = reserve(self._data, nnz + block.nnz)
        self._indptr[start + 1 : start + block.shape[0] + 1] = block.indptr[1:] + nnz
        self._indices[nnz : nnz + block.nnz] = block.indices
        self._data[nnz : nnz + block.nnz] = block.data
        self.rows += block.shape[0]

    def __getstate__(self) -> dict[str, object]:
        # Saved without the room kept for appends (up to half of each array).
        end = int(self._indptr[self.rows])
        return {
            "width": self.width,
            "rows": self.rows,
            "_indptr": self._indptr[: self.rows + 1].copy(),
            "_indices": self._indices[:end].copy(),
            "_data": self._data[:end].copy(),
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    def columns(self, prefix: str, into: dict[str, np.ndarray]) -> tuple[int, int]:
        """Put the arrays in use into ``into`` (views, named after ``prefix``); return what else restores them."""
        end = int(self._indptr[self.rows])
        into[f"{prefix}.indptr"] = self._indptr[: self.rows + 1]
        into[f"{prefix}.indices"] = self._indices[:end]
        into[f"{prefix}.data"] = self._data[:end]
        return self.width, self.rows

    @classmethod
    def from_columns(cls, shape: tuple[int, int], prefix: str, columns: Mapping[str, np.ndarray]) -> GrowingRows:
        """Rows saved by `columns`, taking over the given arrays (any room after the values in use is kept)."""
        grown = cls.__new__(cls)
        grown.width, grown.rows = shape
        grown._indptr = columns[f"{prefix}.indptr"]
        grown._indices = columns[f"{prefix}.indices"]
        grown._data = columns[f"{prefix}.data"]
        return grown

    def matrix(self) -> sparse.csr_matrix:
        end = int(self._indptr[self.rows])
        return sparse.csr_matrix(
            (self._data[:end], self._indices[:end], self._indptr[: self.rows + 1]), shape=(self.rows, self.width)
        )

    def memory(self) -> int:
        return int(self._indptr.nbytes + self._indices.nbytes + self._data.nbytes)


def reserve(array: np.ndarray, size: int) -> np.ndarray:
    """``array`` itself when it holds ``size`` items, else a copy twice as long (amortised appends)."""
    if size <= len(array):
        return array
    grown = np.zeros(max(size, 2 * len(array)), dtype=array.dtype)
    grown[: len(array)] = array
    return grown


class Evidence:
    """Every article's counts and marks, the document frequencies over them, and pair features on demand."""

    def __init__(self, model: PairModel = SHIPPED) -> None:
        self.model = model
        self.rows = {kind: GrowingRows() for kind in (*COUNTS, *SETS)}
        self.frequency = {kind: np.zeros(WIDTH, dtype=np.int64) for kind in FREQUENCIES}
        self.documents = 0
        self._mode_year = np.zeros(1024, dtype=np.int64)
        self._days = np.zeros(1024, dtype=np.int64)
        self._named = np.zeros(1024, dtype=np.int64)
        self._other = np.zeros(1024, dtype=np.int64)
        self._idf: dict[str, np.ndarray] = {}
        self._idf_at: dict[str, int] = {}  # kind -> number of documents its cached idf was computed for

    def __getstate__(self) -> dict[str, object]:
        # Document frequencies are saved sparse (a few percent of the 2**20 slots are ever used), idf not at all.
        state = dict(self.__dict__)
        state["frequency"] = {kind: (np.flatnonzero(f), f[np.flatnonzero(f)]) for kind, f in self.frequency.items()}
        state["_idf"], state["_idf_at"] = {}, {}
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        saved = state.pop("frequency")
        self.__dict__.update(state)
        if "_days" in state and "_other" not in state:  # pickled whole before undated articles' months were kept
            self._other = np.zeros(len(self._days), dtype=np.int64)
        self.frequency = {}
        for kind, kept in saved.items():  # type: ignore[attr-defined]
            if isinstance(kept, np.ndarray):  # saved whole, by an index of before
                self.frequency[kind] = kept
                continue
            slots, counts = kept
            self.frequency[kind] = np.zeros(WIDTH, dtype=np.int64)
            self.frequency[kind][slots] = counts

    def columns(self, into: dict[str, np.ndarray]) -> dict[str, object]:
        """Put the append-only arrays into ``into`` (views); return the rest of the state, for `from_columns`."""
        state = self.__getstate__()
        state["rows"] = {kind: rows.columns(f"evidence.{kind}", into) for kind, rows in self.rows.items()}
        into["evidence.mode_year"] = self._mode_year[: self.documents]
        into["evidence.days"] = self._days[: self.documents]
        into["evidence.named_days"] = self._named[: self.documents]
        into["evidence.other_months"] = self._other[: self.documents]
        del state["_mode_year"], state["_days"], state["_named"], state["_other"]
        return state

    @classmethod
    def from_columns(cls, state: dict[str, object], columns: Mapping[str, np.ndarray]) -> Evidence:
        evidence = cls.__new__(cls)
        shapes: dict[str, tuple[int, int]] = state.pop("rows")  # type: ignore[assignment]
        evidence.__setstate__(state)
        evidence.rows = {kind: GrowingRows.from_columns(s, f"evidence.{kind}", columns) for kind, s in shapes.items()}
        evidence._mode_year = columns["evidence.mode_year"]
        evidence._days = columns["evidence.days"]
        evidence._named = columns["evidence.named_days"]
        evidence._other = columns["evidence.other_months"]
        if set(evidence.rows) != {*COUNTS, *SETS} or set(evidence.frequency) != set(FREQUENCIES):
            raise ValueError("the saved story evidence holds other kinds than this version compares")
        return evidence

    @property
    def days(self) -> np.ndarray:
        """Each row's publication day (`NO_DAY` when unknown)."""
        return self._days[: self.documents]

    def __len__(self) -> int:
        return self.documents

    def memory(self) -> int:
        return sum(rows.memory() for rows in self.rows.values()) + int(self._mode_year.nbytes)

    def append(self, batch: Signatures, chosen: list[int]) -> None:
        """Add the chosen rows of a batch (document frequencies first, so a batch sees itself)."""
        for kind in (*COUNTS, *SETS):
            source = batch.counts if kind in COUNTS else batch.sets
            block = sparse.csr_matrix(source[kind][chosen], dtype=np.float32)
            block.sum_duplicates()
            if kind in self.frequency:
                # Only the slots the block uses: a table-wide count costs milliseconds for one late article.
                np.add.at(self.frequency[kind], block.indices, 1)
            self.rows[kind].append(block)
        start = self.documents
        self.documents += len(chosen)
        self._mode_year = reserve(self._mode_year, self.documents)
        self._mode_year[start : self.documents] = batch.mode_year[chosen]
        self._days = reserve(self._days, self.documents)
        self._days[start : self.documents] = batch.days[chosen]
        self._named = reserve(self._named, self.documents)
        self._named[start : self.documents] = batch.named_days[chosen]
        self._other = reserve(self._other, self.documents)
        self._other[start : self.documents] = 0 if batch.other_months is None else batch.other_months[chosen]

    def idf(self, kind: str, slots: np.ndarray | None = None) -> np.ndarray:
        # Smoothed as scikit-learn's TfidfVectorizer does, so a word in every article still weighs a little.
        if slots is not None and len(slots) < WIDTH:
            return np.asarray(np.log((1 + self.documents) / (1 + self.frequency[kind][slots])) + 1.0)
        # Asked for more slots than there are (the rows of a whole batch's candidates): one logarithm a slot,
        # kept until the next batch changes the frequencies.
        if self._idf_at.get(kind) != self.documents:
            self._idf[kind] = np.log((1 + self.documents) / (1 + self.frequency[kind])) + 1.0
            self._idf_at[kind] = self.documents
        return self._idf[kind] if slots is None else self._idf[kind][slots]

    def named_apart(self, blocks: Sequence[Sequence[int]]) -> np.ndarray:
        """For every two blocks of rows, whether the days their dated rows name surely lie a week or more apart
        (`WEEK_APART`): two happenings, whatever their words share (a report of the second recaps the first).

        Only readings near their report's publication (fewer than `AMBIGUOUS` days before it) count: a weekday
        read further back may be the coming one, a week later."""
        named, published = self._named, self._days
        sure = [
            [named[r] for r in block if named[r] != NO_DAY and published[r] - named[r] < AMBIGUOUS] for block in blocks
        ]
        has = np.array([bool(days) for days in sure])
        first = np.array([min(days) if days else 0 for days in sure], dtype=np.int64)
        last = np.array([max(days) if days else 0 for days in sure], dtype=np.int64)
        span = np.maximum.outer(last, last) - np.minimum.outer(first, first)
        return np.asarray(np.outer(has, has) & (span >= WEEK_APART))

    def features(self, left: np.ndarray, right: np.ndarray, groups: np.ndarray | None = None) -> np.ndarray:
        """One row of `PAIR_FEATURES` per pair (left[i], right[i]).

        ``groups`` (optional) puts each pair in a group, with every article in one group only: then dot products are
        taken group by group in one sparse product of the groups' left rows against their right rows, far cheaper
        than pair by pair when the pairs are most pairs of small groups (put the fewer, new articles on the left).
        """
        rows, inverse = np.unique(np.concatenate([left, right]), return_inverse=True)
        a, b = inverse[: len(left)], inverse[len(left) :]
        part = None
        if groups is not None:
            part = np.zeros(len(rows), dtype=np.int64)
            part[a], part[b] = groups, groups
        dots = _PairDots(a, b, part)
        columns = {
            # Words seen in one article only cannot be shared; leaving them out of the length keeps long articles
            # full of unique words from looking unlike everything.
            "words": _cosine(self._weighted("words", rows, "words", min_frequency=2), dots),
            "proper": _cosine(self._weighted("proper", rows, "proper"), dots),
            "lead": _cosine(self._weighted("lead", rows, "words"), dots),
            "entities": _cosine(self._entity_weights(rows), dots),
        }
        marks = {kind: self.rows[kind].matrix()[rows] for kind in SETS}
        overlap = {kind: _overlap(matrix, dots) for kind, matrix in marks.items()}
        for kind in ("numbers", "dates", "cardinals", "places"):
            shared, union = overlap[kind]
            columns[kind] = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
        for kind, name in (("years", "year"), ("weekdays", "weekday"), ("months", "month")):
            shared, union = overlap[kind]
            sizes = np.diff(marks[kind].indptr)
            both = (sizes[a] > 0) & (sizes[b] > 0)
            columns[f"{name}_match"] = (both & (shared > 0)).astype(float)
            columns[f"{name}_conflict"] = (both & (shared == 0)).astype(float)
        # A report published a day later names later weekdays ("on Wednesday, divers ..."): weekdays only
        # disagree between articles of one day, or undated ones.
        days = self._days[rows]
        later = (days[a] != NO_DAY) & (days[b] != NO_DAY) & (days[a] != days[b])
        columns["weekday_conflict"][later] = 0.0
        columns.update(_apart(self._named[rows], self._days[rows], self._other[rows], a, b))
        year = self._mode_year[rows]
        columns["mode_year_conflict"] = ((year[a] > 0) & (year[b] > 0) & (year[a] != year[b])).astype(float)
        # Document frequencies from a small collection make a topic's words common and its cosines low.
        fewest, most = self.model.collection
        columns["collection"] = np.full(len(a), np.log(min(max(self.documents, fewest), most)))
        for name in CURVED:
            for knot in KNOTS:
                columns[f"{name}>{knot}"] = np.maximum(columns[name] - knot, 0.0)
        return np.column_stack([columns[name] for name in PAIR_FEATURES])

    def probability(self, left: np.ndarray, right: np.ndarray, groups: np.ndarray | None = None) -> np.ndarray:
        """The model's probability that each pair reports one event (``groups`` as in `features`)."""
        if not len(left):
            return np.zeros(0)
        logit = self.features(left, right, groups) @ np.array(self.model.weights) + self.model.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-logit)))

    def _weighted(self, kind: str, rows: np.ndarray, statistics: str, min_frequency: int = 1) -> sparse.csr_matrix:
        matrix = self.rows[kind].matrix()[rows]
        weights = self.idf(statistics, matrix.indices)
        if min_frequency > 1:
            weights = np.where(self.frequency[statistics][matrix.indices] >= min_frequency, weights, 0.0)
        matrix.data = (matrix.data * weights).astype(np.float32)
        return matrix

    def _entity_weights(self, rows: np.ndarray) -> sparse.csr_matrix:
        matrix = self.rows["entities"].matrix()[rows]
        frequency = np.maximum(self.frequency["entities"][matrix.indices], 1)
        matrix.data = np.log(self.documents / frequency).astype(np.float32)
        return matrix


def _apart(
    named: np.ndarray, published: np.ndarray, other: np.ndarray, a: np.ndarray, b: np.ndarray
) -> dict[str, np.ndarray]:
    """Whether the days two dated articles name lie apart by each of `APART` days or more (0 when either is unknown
    or undated: an undated article's day, from the full dates it names, is too rough for a few days), or an
    undated article's own words put it in another month than a dated one's day (`_month_apart`).

    Publication days alone are not compared: a later report of one happening names the happening's day. Whole
    weeks apart, and nearer in publication, can be one weekday read from two sides of it ("Tuesday" in a Monday
    and in a Wednesday report), not two happenings: only when the earlier reading lies so far before its own
    report's publication (`AMBIGUOUS` days or more) that the coming weekday is as near, and that report came out
    before the later day. "Tuesday" in a Wednesday report is the day before, not the Tuesday after."""
    known = (named[a] != NO_DAY) & (named[b] != NO_DAY)
    gap = np.where(known, np.abs(named[a] - named[b]), 0)
    dated = (published[a] != NO_DAY) & (published[b] != NO_DAY)
    first = named[a] <= named[b]
    early_named, late_named = np.where(first, named[a], named[b]), np.where(first, named[b], named[a])
    early_published = np.where(first, published[a], published[b])
    ahead = (early_published - early_named >= AMBIGUOUS) & (early_published < late_named)
    straddled = dated & (gap % 7 == 0) & (np.abs(published[a] - published[b]) < gap) & ahead
    gap[straddled] = 0
    months = _month_apart(named, published, other, a, b)
    return {f"dated_apart>={days}": ((dated & (gap >= days)) | months).astype(float) for days in APART}


def _month_apart(
    named: np.ndarray, published: np.ndarray, other: np.ndarray, a: np.ndarray, b: np.ndarray
) -> np.ndarray:
    """Whether an undated article names, without a day, the month of a dated one's day (the day it names, else its
    publication): a bare month is one other than the article's own happening's (`happenings.other_months`)."""
    found = np.zeros(len(a), dtype=bool)
    for undated, dated in ((a, b), (b, a)):
        day = np.where(named[dated] != NO_DAY, named[dated], published[dated])
        check = (published[undated] == NO_DAY) & (other[undated] != 0) & (day != NO_DAY)
        if not check.any():
            continue
        month = _months(day[check])
        found[check] |= ((other[undated][check] >> month) & 1) == 1
    return found


def _months(ordinals: np.ndarray) -> np.ndarray:
    """The calendar month (1-12) of proleptic ordinal days."""
    days = (np.datetime64("0001-01-01") + (ordinals - 1).astype("timedelta64[D]")).astype("datetime64[M]")
    return np.asarray(days.astype(np.int64) % 12 + 1)


def _row_sums(values: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    rows = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
    return np.bincount(rows, weights=values, minlength=len(indptr) - 1)


class _PairDots:
    """Dot products of the pairs (a[i], b[i]) of rows of a matrix: pair by pair, or group by group."""

    def __init__(self, a: np.ndarray, b: np.ndarray, part: np.ndarray | None) -> None:
        self.a, self.b, self.part = a, b, part

    def __call__(self, matrix: sparse.csr_matrix) -> np.ndarray:
        if self.part is None:
            return np.asarray(matrix[self.a].multiply(matrix[self.b]).sum(axis=1)).ravel()
        # Left rows against right rows, with columns made distinct per group, so the product is block diagonal:
        # only pairs inside a group are ever multiplied, and only from the left rows (the new articles).
        left, at_left = np.unique(self.a, return_inverse=True)
        right, at_right = np.unique(self.b, return_inverse=True)
        spread_left, spread_right = _spread(matrix[left], self.part[left], matrix[right], self.part[right])
        gram = (spread_left @ spread_right.T).tocsr()
        gram.sort_indices()
        # Row-major keys of a CSR matrix with sorted rows are sorted already: look pairs up by binary search.
        width = len(right)
        keys = np.repeat(np.arange(len(left), dtype=np.int64), np.diff(gram.indptr)) * width + gram.indices
        wanted = at_left.astype(np.int64) * width + at_right
        if not len(keys):
            return np.zeros(len(wanted))
        at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        return np.where(keys[at] == wanted, gram.data[at], 0.0)


def _spread(
    left: sparse.csr_matrix, left_part: np.ndarray, right: sparse.csr_matrix, right_part: np.ndarray
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """Both matrices with column c of group g moved to a column of its own for (g, c), shared by the two."""
    left_coo, right_coo = left.tocoo(), right.tocoo()
    width = left.shape[1]
    keys = np.concatenate(
        [left_part[left_coo.row] * width + left_coo.col, right_part[right_coo.row] * width + right_coo.col]
    )
    _, column = np.unique(keys, return_inverse=True)
    column = column.ravel()
    size = int(column.max(initial=-1)) + 1
    split = len(left_coo.data)
    return (
        sparse.csr_matrix((left_coo.data, (left_coo.row, column[:split])), shape=(left.shape[0], size)),
        sparse.csr_matrix((right_coo.data, (right_coo.row, column[split:])), shape=(right.shape[0], size)),
    )


def _cosine(matrix: sparse.csr_matrix, dots: _PairDots) -> np.ndarray:
    lengths = np.sqrt(_row_sums(matrix.data.astype(float) ** 2, matrix.indptr))
    products = dots(matrix)
    scale = lengths[dots.a] * lengths[dots.b]
    return np.asarray(np.divide(products, scale, out=np.zeros_like(products), where=scale > 0))


def _overlap(marks: sparse.csr_matrix, dots: _PairDots) -> tuple[np.ndarray, np.ndarray]:
    """(shared, union) sizes of each pair's sets."""
    sizes = np.diff(marks.indptr).astype(float)
    shared = dots(marks)
    return shared, sizes[dots.a] + sizes[dots.b] - shared
