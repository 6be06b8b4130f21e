"""Do two outlets' sentences make the same statement? A score for every pair of a story's sentences.

Steps: signals (character n-gram TF-IDF cosine, which tolerates spelling variants and inflection; embedding cosine,
which sees paraphrase; agreement of the names, numbers and dates the two sentences give, within one story only
where they share a content word too), then a logistic model over them (`align_weights`, fitted on development data)
whose probability is the score; the pair is one statement when the score reaches the model's threshold.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from rashomon.compare import align_weights
from rashomon.compare.framing import stem
from rashomon.compare.lexicon import FUNCTION_WORDS
from rashomon.compare.tfidf import similarity_matrix
from rashomon.extract.time_values import first_day, last_day
from rashomon.text.calendar import MONTH_NAMES, WEEKDAYS
from rashomon.text.numbers import NUMBER_WORDS, SCALES

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
_CALENDAR = frozenset(w.lower() for w in (*MONTH_NAMES, *WEEKDAYS)) | {"yesterday", "today", "tomorrow", "tonight"}
_NUMBERS = frozenset(NUMBER_WORDS) | frozenset(SCALES)
# Words that measure time ("a year that passed", "last year's ceasefire"): like calendar words, they date a sentence
# and say nothing of what happened.
_TIME_UNITS = frozenset("year years month months week weeks day days hour hours night nights".split())

FEATURES = ("char", "embedding", "names", "names_apart", "numbers", "numbers_apart", "dates", "dates_apart")


@dataclass(frozen=True, slots=True, kw_only=True)
class Terms:
    """The sets of terms of each text that the overlap signals compare (one row per text, one column per term)."""

    names: sparse.csr_array
    numbers: sparse.csr_array
    dates: sparse.csr_array
    # Which date terms agree (columns of ``dates``, both ways): the same term, or calendar values one of which holds
    # the other ("2020" and "2020-11", "earlier this month" and "Friday").
    dates_agree: sparse.csr_array | None = None


def terms(texts: Sequence[str], dates: Sequence[Collection[str]] | None = None) -> Terms:
    """Names (capitalised words after a sentence's first word, not function words, lower case and cut to six
    letters so "Armenia" meets "Armenian"), numbers (digits, commas dropped, and number words) and calendar words of
    each text; ``dates`` adds each text's resolved dates (ISO values), so "nine years ago" meets "in 2016" and
    "Friday" meets "May 30", and ``dates_agree`` lets a date meet the dates it holds ("last year", "in November")."""
    kinds: dict[str, list[set[str]]] = {"names": [], "numbers": [], "dates": []}
    for number, text in enumerate(texts):
        found: dict[str, set[str]] = {kind: set() for kind in kinds}
        if dates is not None:
            found["dates"].update(dates[number])
        for position, match in enumerate(_TOKEN.finditer(text)):
            token = match.group()
            lower = token.lower()
            if token[0].isdigit():
                value = token.replace(",", "")
                found["dates" if len(value) == 4 and value[:2] in {"19", "20"} else "numbers"].add(value)
            elif lower in _CALENDAR:
                found["dates"].add(lower)
            elif lower in _NUMBERS:
                found["numbers"].add(lower)
            elif position and token[0].isupper() and lower not in FUNCTION_WORDS:
                found["names"].add(lower[:6])
        if dates is not None:
            # A year written as part of a resolved date ("May 3, 2024") is that date, not the whole year: as a
            # year it would hold any other day of it ("May 4").
            found["dates"] -= {year for year in found["dates"] if any(v[:5] == f"{year}-" for v in dates[number])}
        for kind, values in found.items():
            kinds[kind].append(values)
    date_vocabulary: dict[str, int] = {}
    incidences = {kind: _incidence(sets, date_vocabulary if kind == "dates" else {}) for kind, sets in kinds.items()}
    return Terms(**incidences, dates_agree=_nested_dates(date_vocabulary))


def _incidence(sets: Sequence[set[str]], vocabulary: dict[str, int]) -> sparse.csr_array:
    """Rows of terms; ``vocabulary`` (term -> column) is filled in."""
    rows, cols = [], []
    for row, values in enumerate(sets):
        for value in values:
            rows.append(row)
            cols.append(vocabulary.setdefault(value, len(vocabulary)))
    return sparse.csr_array(
        (np.ones(len(rows)), (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))),
        shape=(len(sets), max(len(vocabulary), 1)),
    )


def _nested_dates(vocabulary: dict[str, int]) -> sparse.csr_array:
    """Pairs of date terms that agree: each term with itself, and calendar values one of which holds the other's
    days (weekday and month words hold no days: they agree only with themselves)."""
    size = max(len(vocabulary), 1)
    start, end = np.zeros(size, dtype=np.int64), np.zeros(size, dtype=np.int64)
    calendar = np.zeros(size, dtype=bool)
    for term, column in vocabulary.items():
        first, last = first_day(term), last_day(term)
        if first is not None and last is not None:
            start[column], end[column], calendar[column] = first.toordinal(), last.toordinal(), True
    holds = (start[:, None] <= start[None, :]) & (end[None, :] <= end[:, None]) & calendar[:, None] & calendar[None, :]
    return sparse.csr_array((holds | holds.T | np.eye(size, dtype=bool)).astype(np.float64))


def content_words(text: str, names: Collection[str] = ()) -> set[str]:
    """The words of a text that say what happened ("handed over", "soldier"), by their light stem: not function
    words, names (capitalised after the first word, or in ``names``, lower case), numbers, calendar words or units
    of time."""
    found = set()
    for position, match in enumerate(_TOKEN.finditer(text)):
        token = match.group()
        lower = token.lower()
        if token[0].isdigit() or len(lower) < 3 or lower in FUNCTION_WORDS or lower in _CALENDAR:
            continue
        if lower in _NUMBERS or lower in _TIME_UNITS or lower in names or (position and token[0].isupper()):
            continue
        found.add(stem(lower))
    return found


def _shared_content(texts: Sequence[str]) -> np.ndarray:
    """Whether each pair of texts shares a content word (`content_words`): an (n, n) array of 0 and 1. A word some
    text capitalises inside a sentence is a name in every text, also as another sentence's first word."""
    names = {
        match.group().lower()
        for text in texts
        for position, match in enumerate(_TOKEN.finditer(text))
        if position and match.group()[0].isupper()
    }
    sets = [content_words(text, names) for text in texts]
    incidence = _incidence(sets, {})
    return np.asarray(((incidence @ incidence.T).toarray() > 0), dtype=np.float64)


def _overlap(incidence: sparse.csr_array, agree: sparse.csr_array | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Shared terms over the smaller set's size (0 when either set is empty), and whether both sets have terms and
    share none (two sentences naming different people or giving different numbers). With ``agree`` (term pairs
    that count as one), a term counts as shared when it agrees with one of the other set's, up to the smaller size."""
    size = np.asarray(incidence.sum(axis=1)).ravel()
    if agree is None:
        shared = np.asarray((incidence @ incidence.T).toarray())
    else:
        shared = np.minimum(np.asarray((incidence @ agree @ incidence.T).toarray()), np.minimum.outer(size, size))
    smaller = np.minimum.outer(size, size)
    overlap = np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)
    apart = ((smaller > 0) & (shared == 0)).astype(np.float64)
    return overlap, apart


def signals(
    texts: Sequence[str],
    embeddings: np.ndarray,
    char: np.ndarray | None = None,
    dates: Sequence[Collection[str]] | None = None,
    *,
    one_event: bool = False,
) -> Iterator[np.ndarray]:
    """The signals of every pair of texts, one (n, n) array per name in FEATURES; ``embeddings`` are unit rows,
    ``char`` the texts' `similarity_matrix` when the caller has it, ``dates`` their resolved dates (`terms`).

    ``one_event``: the texts all report one event (a story's sentences). Every sentence of a story names its people
    and its day, so there a shared name or date tells one fact from another only with a content word shared too
    (`content_words`: a predicate or its object); across look-alike events (another day, another place) the names
    and dates themselves tell the events apart, so without ``one_event`` they always count.
    """
    found = terms(texts, dates)
    yield similarity_matrix(texts) if char is None else char
    yield np.asarray(embeddings @ embeddings.T, dtype=np.float64)
    talk = _shared_content(texts) if one_event else None
    names, names_apart = _overlap(found.names)
    yield names if talk is None else names * talk
    yield names_apart
    yield from _overlap(found.numbers)
    dates_shared, dates_apart = _overlap(found.dates, found.dates_agree)
    yield dates_shared if talk is None else dates_shared * talk
    yield dates_apart


def features(texts: Sequence[str], embeddings: np.ndarray) -> np.ndarray:
    """The signals stacked: an array (n, n, len(FEATURES)), for fitting the model on small sets."""
    return np.stack(list(signals(texts, embeddings)), axis=-1)


@dataclass(frozen=True, slots=True, kw_only=True)
class AlignModel:
    """Logistic-regression weights over FEATURES; a pair whose probability reaches ``threshold`` is one statement."""

    coefficients: tuple[float, ...]
    intercept: float
    threshold: float = 0.5


FITTED = AlignModel(
    coefficients=align_weights.COEFFICIENTS, intercept=align_weights.INTERCEPT, threshold=align_weights.THRESHOLD
)


def scores(
    texts: Sequence[str],
    embeddings: np.ndarray,
    model: AlignModel = FITTED,
    *,
    char: np.ndarray | None = None,
    dates: Sequence[Collection[str]] | None = None,
    one_event: bool = False,
) -> np.ndarray:
    """The probability that each pair of texts makes one statement: a symmetric (n, n) array (``one_event``: see
    `signals`).

    Summed signal by signal, so a long story never holds all its signals at once.
    """
    logit = np.full((len(texts), len(texts)), model.intercept)
    pairs = signals(texts, embeddings, char, dates, one_event=one_event)
    for weight, signal in zip(model.coefficients, pairs, strict=True):
        logit += weight * signal
    return np.asarray(1.0 / (1.0 + np.exp(-logit)))


def same_statement(score: np.ndarray, model: AlignModel = FITTED) -> np.ndarray:
    """Whether pairs with these scores make one statement: the decision every comparison takes."""
    return np.asarray(score >= model.threshold)
