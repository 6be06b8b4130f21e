"""Character n-gram TF-IDF: the cosine similarity of texts as scikit-learn computes it, counted in numpy."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize


def similarity_matrix(texts: Sequence[str]) -> np.ndarray:
    """Cosine similarity of texts under character n-gram TF-IDF.

    The n-grams, weights and arithmetic are scikit-learn's (`TfidfVectorizer` with char_wb 3-5 grams, sublinear tf,
    smoothed idf over these texts), so the matrix is the same to the last bit; the n-grams are counted in numpy.
    """
    counts = ngram_counts(texts)
    if counts is None:
        return np.zeros((len(texts), len(texts)))
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64) + 1.0
    idf = np.log(np.full_like(df, len(texts) + 1) / df) + 1.0
    counts.data = (np.log(counts.data) + 1.0) * idf[counts.indices]
    matrix = normalize(counts, norm="l2", copy=False)
    return np.asarray((matrix @ matrix.T).toarray())


def ngram_counts(texts: Sequence[str]) -> sparse.csr_array | None:
    """Counts of each text's character 3-5 grams within its words (padded and cut as scikit-learn's char_wb analyser
    does), columns in n-gram order; None when no text has a word.

    Within a row the entries are stored in scikit-learn's order (by the n-grams' first appearance over all texts),
    because that order is the order of the sums in the norms and products.
    """
    words_of = [text.lower().split() for text in texts]
    words = [word for words in words_of for word in words]
    if not words:
        return None
    row_of_word = np.repeat(np.arange(len(texts)), [len(w) for w in words_of])
    padded = np.fromiter(map(len, words), dtype=np.int64, count=len(words)) + 2
    chars = np.frombuffer((" " + "  ".join(words) + " ").encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    alphabet = np.unique(chars)
    base = len(alphabet) + 1
    if base**5 >= 2**63:
        return _sklearn_counts(texts)
    # Digit 0 pads shorter n-grams, so integer order is the n-grams' string order.
    digits = np.searchsorted(alphabet, chars).astype(np.int64) + 1
    word_start = np.cumsum(padded) - padded
    codes, rows, emitted = [], [], []
    for n in (3, 4, 5):
        word = np.flatnonzero(padded >= n)
        per_word = padded[word] - n + 1
        offset = np.arange(per_word.sum()) - np.repeat(np.cumsum(per_word) - per_word, per_word)
        word = np.repeat(word, per_word)
        at = word_start[word] + offset
        codes.append(sum((digits[at + i] * base ** (4 - i) for i in range(n)), np.zeros_like(at)))
        rows.append(row_of_word[word])
        # scikit-learn emits a word's 3-grams, then its 4-grams, then its 5-grams.
        emitted.append((word * 3 + (n - 3)) * int(padded.max()) + offset)
    vocabulary, column = np.unique(np.concatenate(codes), return_inverse=True)
    first = np.full(len(vocabulary), np.iinfo(np.int64).max)
    np.minimum.at(first, column, np.concatenate(emitted))
    by_appearance = np.argsort(first)
    appearance = np.empty_like(by_appearance)
    appearance[by_appearance] = np.arange(len(vocabulary))
    # As scikit-learn: columns numbered by first appearance, sorted within rows, then renumbered in n-gram order.
    counts = sparse.csr_array(
        (np.ones(len(column)), (np.concatenate(rows), appearance[column])), shape=(len(texts), len(vocabulary))
    )
    counts.sum_duplicates()
    counts.indices = by_appearance[counts.indices].astype(np.int32)
    counts.indptr = counts.indptr.astype(np.int32)
    return counts


def _sklearn_counts(texts: Sequence[str]) -> sparse.csr_array:
    """Counts for texts with too many distinct characters for five digits in 63 bits (a large CJK story)."""
    counts: sparse.csr_array = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), dtype=np.float64).fit_transform(
        texts
    )
    return counts
