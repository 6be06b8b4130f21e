"""Line-level body/debris classification of flattened page text.

Each line gets features (its length, punctuation, share of function words, the rule classes of
`page_text.classify_line`, how body-like its neighbourhood is, where it stands on the page); a logistic model whose
weights are data (`line_weights.py`, written by `benchmarks/train_lines.py` from the extraction benchmark's tuning
half) turns them into the probability that the line is article body, and neighbours smooth it.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from rashomon.clean import boilerplate, debris, line_weights
from rashomon.clean.language import identify
from rashomon.text.words import APOSTROPHE_WORD as _WORD

CLASSES = ("meta", "tail", "debris", "byline", "caption", "body", "short")
# Function words of every language in the table: prose in any of them reads as prose.
FUNCTION_WORDS = frozenset(word for table in boilerplate.FUNCTION_WORDS.values() for word in table.split())
# Scripts written without spaces between words (kana, Han): words are counted by characters.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"""[.!?…。！？]["'”’»)」』]*$""")
# Characters a word in the unspaced scripts: Japanese (kana in the line) spells a word with more of them than
# Chinese, whose words are mostly one or two Han characters (Japanese headline lists read as prose at two).
_KANA = re.compile(r"[\u3040-\u30ff]")
_KANA_CHARS_PER_WORD = 3.0
_HAN_CHARS_PER_WORD = 2.0
_LINKISH = re.compile(r"[|»›@©]|https?://|www\.|\.com\b")

FEATURES = (
    "log_chars", "log_words", "sentence_end", "function_share", "capital_share", "digit_share", "symbol_share",
    "position", *(f"class_{c}" for c in CLASSES), "near_body_2", "near_body_5", "prev_log_words",
    "next_log_words", "prev_sentence_end", "next_sentence_end", "log_gap_to_body", "inside_body_region",
    "after_tail", "repeated", "is_title", "linkish", "page_body_share", "relative_length", "comment_density",
    "log_elsewhere",
)  # fmt: skip
_STATS = 7
# A feature's value where the line has none (capitals in a script without case; counts from other documents when
# none were given): the model reads it as the feature's mean over its training lines, so it weighs nothing.
UNKNOWN = math.nan


def word_count(line: str, word: re.Pattern[str] = _WORD) -> float:
    """Words in a line (``word`` matches one); in scripts written without spaces, a word per two characters
    (three in Japanese)."""
    unspaced = len(_UNSPACED.findall(line))
    if not unspaced:
        return float(len(word.findall(line)))
    per_word = _KANA_CHARS_PER_WORD if _KANA.search(line) else _HAN_CHARS_PER_WORD
    return len(word.findall(_UNSPACED.sub(" ", line))) + unspaced / per_word


def line_key(line: str) -> str:
    """A line's identity across documents: its words, lower-cased, digits blurred (counters and times differ)."""
    words = " ".join(_WORD.findall(line.lower()))
    return hashlib.blake2b(re.sub(r"\d", "0", words).encode(), digest_size=8).hexdigest()


def text_line_keys(text: str) -> frozenset[str]:
    """The keys of the non-empty lines of a text."""
    return frozenset(line_key(s) for raw in text.splitlines() if (s := raw.strip()))


def document_counts(documents: Iterable[Iterable[str]]) -> dict[str, int]:
    """How many documents hold each line key, from each document's line keys."""
    return dict(Counter(key for keys in documents for key in set(keys)))


def elsewhere_counts(lines: Sequence[str], repeated: Mapping[str, int] | None) -> list[int] | None:
    """For each line, how many other documents hold it; ``repeated`` counts documents, this one included."""
    if repeated is None:
        return None
    return [max(repeated.get(line_key(line), 1) - 1, 0) for line in lines]


def _line_stats(line: str) -> list[float]:
    words = _WORD.findall(line)
    count = max(len(words), 1)
    length = max(len(line), 1)
    # Characters are counted by str methods mapped over the line: a generator per character took most of the time.
    symbols = len(line) - sum(map(str.isalnum, line)) - sum(map(str.isspace, line))
    # Capitals are counted among the words that have case: a line in a script without it (Japanese, Arabic, Hindi)
    # or of figures alone has no capital share (`UNKNOWN`), not a share of none.
    cased = [w for w in words if w[0] != w[0].swapcase()]
    return [
        math.log1p(len(line)),
        math.log1p(word_count(line)),
        float(bool(_SENTENCE_END.search(line))),
        sum(map(FUNCTION_WORDS.__contains__, map(str.lower, words))) / count,
        sum([w[0].isupper() for w in cased]) / len(cased) if cased else UNKNOWN,
        sum(map(str.isdigit, line)) / length,
        symbols / length,
    ]


# Languages that capitalise every noun: their prose has about twice the capital share of English prose, which
# the line model (fitted on English pages) reads as a menu's or a headline's.
_NOUN_CAPITALISING = frozenset({"de", "lb"})
# The capital share of English article prose (the median over the lines that read like body text): in those
# languages, shares are shifted so that the page's prose has it.
PROSE_CAPITAL_SHARE = 0.17
_CAPITAL_AT = FEATURES.index("capital_share")  # its place in `_line_stats` too


def _capitals_as_english(stats: list[list[float]], lines: Sequence[str], classes: Sequence[str]) -> None:
    """Shift the capital shares of a page written in a noun-capitalising language (identified from its lines that
    read like body text) so that its prose stands where English prose does; other pages are left as they are."""
    prose = [i for i, kind in enumerate(classes) if kind == "body"]
    if not prose or identify(" ".join(lines[i] for i in prose)) not in _NOUN_CAPITALISING:
        return
    shares = [stats[i][_CAPITAL_AT] for i in prose if not math.isnan(stats[i][_CAPITAL_AT])]
    shift = float(np.median(shares)) - PROSE_CAPITAL_SHARE if shares else 0.0
    if shift <= 0:
        return
    for row in stats:
        row[_CAPITAL_AT] -= shift


# A line of names, not prose: so many words, nearly all capitalised, almost no function word, no sentence end
# ("Home News Sports Business Travel ...", "Toronto Sun - Calgary Sun - Ottawa Sun ...": a menu or a list of links
# the flattening ran together). Only words with case count: scripts without it say nothing here.
_LIST_WORDS = 12
_LIST_CASED_SHARE = 0.8
_LIST_CAPITAL_SHARE = 0.7
_LIST_FUNCTION_SHARE = 0.05
# A line of figures: so many words, most of them starting with a digit, few function words and no sentence end
# ("20,000 25,000 30,000 ...", "#1.12 - Tue Jul 24, 2012 5:30 PM EDT"): a price list, a stamp, a results table.
_FIGURES_WORDS = 8
_FIGURES_SHARE = 0.6
_FIGURES_FUNCTION_SHARE = 0.15


def is_word_list(line: str) -> bool:
    """Whether a line is a run of names or figures (a menu, a list of links, a row of numbers), not prose."""
    words = _WORD.findall(line)
    if len(words) < _FIGURES_WORDS or _UNSPACED.search(line) or _SENTENCE_END.search(line):
        return False
    function = sum(word.lower() in FUNCTION_WORDS for word in words)
    # Prose full of large numbers ("rose from 1,200,000 in 2019 to ...") keeps its function words; a row has few.
    if sum(word[0].isdigit() for word in words) >= _FIGURES_SHARE * len(words):
        return function < _FIGURES_FUNCTION_SHARE * len(words)
    if len(words) < _LIST_WORDS:
        return False
    cased = [word for word in words if word[0] != word[0].swapcase()]
    if len(cased) < _LIST_CASED_SHARE * len(words):
        return False
    capitals = sum(word[0].isupper() for word in cased)
    return capitals > _LIST_CAPITAL_SHARE * len(cased) and function < _LIST_FUNCTION_SHARE * len(words)


def _window_means(flags: np.ndarray, reach: int) -> np.ndarray:
    """For each position, the mean of ``flags`` within ``reach`` positions either side (clipped at the ends)."""
    size = len(flags)
    sums = np.concatenate(([0.0], np.cumsum(flags)))
    at = np.arange(size)
    start, end = np.maximum(at - reach, 0), np.minimum(at + reach + 1, size)
    means: np.ndarray = (sums[end] - sums[start]) / (end - start)
    return means


def _gaps(size: int, body_at: np.ndarray) -> np.ndarray:
    """For each position, how far the nearest body line is (``size`` when there is none)."""
    if not len(body_at):
        return np.full(size, size)
    at = np.arange(size)
    after = np.minimum(np.searchsorted(body_at, at), len(body_at) - 1)
    before = np.maximum(after - 1, 0)
    gaps: np.ndarray = np.minimum(np.abs(body_at[after] - at), np.abs(body_at[before] - at))
    return gaps


# A headline in Chinese or Japanese: a short line of those scripts with no sentence in it (no 。, no closing
# sentence mark); article prose in them ends its sentences so.
_CJK_SENTENCE = re.compile(r"""。|[！？!?]["'”’»)」』）]*$""")
_HEADLINE_CHARS = 80
# This many such lines in a row are a list of links (related stories, a section's latest), not the article.
HEADLINE_RUN = 4


def is_cjk_headline(line: str) -> bool:
    """Whether a line reads as a Chinese or Japanese headline: short, mostly those scripts, no sentence in it."""
    unspaced = len(_UNSPACED.findall(line))
    return (
        len(line) <= _HEADLINE_CHARS and unspaced * 2 >= len(line.replace(" ", "")) and not _CJK_SENTENCE.search(line)
    )


def headline_runs(lines: Sequence[str], run: int = HEADLINE_RUN) -> list[bool]:
    """For each line, whether it stands in a run of ``run`` or more Chinese or Japanese headlines in a row."""
    flags = [is_cjk_headline(line) for line in lines]
    marked = [False] * len(lines)
    start = 0
    for end in range(len(flags) + 1):
        if end == len(flags) or not flags[end]:
            if end - start >= run:
                marked[start:end] = [True] * (end - start)
            start = end + 1
    return marked


def is_comment_marker(line: str) -> bool:
    """Whether a line marks a reader comment ("jbaxt says:", "2 days ago at 07:52 am", "12 comments")."""
    return any(p.search(line) for p in debris.COMMENT_MARKERS)


def features(
    lines: Sequence[str], classes: Sequence[str], title: str | None, elsewhere: Sequence[int] | None = None
) -> np.ndarray:
    """One row of `FEATURES` per line. ``elsewhere``: for each line, how many other documents hold it (None
    when unknown: then no line counts as repeated elsewhere)."""
    size = len(lines)
    body = np.array([c == "body" for c in classes], dtype=float)
    comments = np.array([is_comment_marker(line) for line in lines], dtype=float)
    body_at = np.flatnonzero(body)
    first, last = (int(body_at[0]), int(body_at[-1])) if len(body_at) else (size, -1)
    stats = [_line_stats(line) for line in lines]
    _capitals_as_english(stats, lines, classes)
    counts = Counter(lines)
    long_words = [s[1] for s, c in zip(stats, classes, strict=True) if c == "body"] or [0.0]
    typical = float(np.median(long_words))
    tail_at = next((i for i, c in enumerate(classes) if c == "tail" and i > first), size)
    others = elsewhere if elsewhere is not None else [0] * size
    near_2, near_5, comment_density = _window_means(body, 2), _window_means(body, 5), _window_means(comments, 5)
    gaps = _gaps(size, body_at)
    body_share = float(body.mean()) if size else 0.0
    rows = []
    for i, (line, kind, own) in enumerate(zip(lines, classes, stats, strict=True)):
        prev_stats = stats[i - 1] if i else [0.0] * _STATS
        next_stats = stats[i + 1] if i + 1 < size else [0.0] * _STATS
        rows.append([
            *own, i / max(size - 1, 1), *(float(kind == c) for c in CLASSES),
            near_2[i], near_5[i],
            prev_stats[1], next_stats[1], prev_stats[2], next_stats[2], math.log1p(gaps[i]),
            float(first <= i <= last), float(i > tail_at), float(counts[line] > 1), float(line == title),
            float(bool(_LINKISH.search(line))), body_share, own[1] - typical,
            comment_density[i], math.log1p(others[i]),
        ])  # fmt: skip
    return np.array(rows, dtype=float).reshape(size, len(FEATURES))


@dataclass(frozen=True, slots=True, kw_only=True)
class LineWeights:
    """A fitted line model: feature standardisation, logistic weights, neighbour smoothing and threshold."""

    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    smoothing: float
    threshold: float


SHIPPED = LineWeights(
    means=line_weights.MEANS,
    scales=line_weights.SCALES,
    weights=line_weights.WEIGHTS,
    intercept=line_weights.INTERCEPT,
    smoothing=line_weights.SMOOTHING,
    threshold=line_weights.THRESHOLD,
)


def body_probabilities(matrix: np.ndarray, model: LineWeights = SHIPPED) -> np.ndarray:
    """The model's probability that each line is body text, smoothed with its neighbours."""
    if not len(matrix):
        return np.zeros(0)
    means = np.array(model.means)
    scaled = (np.where(np.isnan(matrix), means, matrix) - means) / np.array(model.scales)
    raw = 1.0 / (1.0 + np.exp(-(scaled @ np.array(model.weights) + model.intercept)))
    padded = np.concatenate(([raw[0]], raw, [raw[-1]]))
    smoothed: np.ndarray = model.smoothing * raw + (1 - model.smoothing) / 2 * (padded[:-2] + padded[2:])
    return smoothed


def body_lines(matrix: np.ndarray, model: LineWeights = SHIPPED) -> list[bool]:
    """Which lines (rows of `features`) are article body, by the model's probability against its threshold."""
    return [bool(p >= model.threshold) for p in body_probabilities(matrix, model)]


def with_elsewhere(matrix: np.ndarray, elsewhere: Sequence[int]) -> np.ndarray:
    """``matrix``, rows of `features` made without counts from other documents, with those counts filled in: the
    same rows as `features` given ``elsewhere``, without making the rest again."""
    filled = matrix.copy()
    filled[:, FEATURES.index("log_elsewhere")] = [math.log1p(n) for n in elsewhere]
    return filled
