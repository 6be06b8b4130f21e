"""Copies and syndicated wire stories: an article that republishes another is linked to it, never dropped.

Steps: shingles (word n-grams of each text), fingerprints (the shingles whose hash is divisible by `SAMPLE_EVERY`,
so two texts sample the same shingles), candidates (articles sharing a rare fingerprint, from an inverted index over
the samples only, so no step compares all pairs and the index holds a quarter of the shingles), containment (share
of the shorter text's shingles found in the other, exact, for candidates only), and originals (the earlier
publication, else the one the copy does not credit, else the smaller id).

Unlike MinHash LSH, which estimates resemblance (Jaccard), a hash-chosen sample keeps containment: a wire story cut
to its first half shares half of the original's sample and all of its own, so it is still found. A copy sharing n
shingles with its original shares no fingerprint with probability (3/4)^n: 0.6% at n = 18 (a 34-word copy at the
default containment of 0.6), 0.003% at n = 36.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from rashomon.model import Article
from rashomon.settings import DedupSettings
from rashomon.text.words import WORD_RUN

# A shingle found in more articles than this is boilerplate, not evidence of copying.
MAX_POSTINGS = 50
# One shingle in this many (by its hash) is a fingerprint.
SAMPLE_EVERY = 4
_MIX = np.uint64(0x9E3779B97F4A7C15)  # an odd 64-bit multiplier (the golden ratio's), spreading the word hashes


def shingles(text: str, size: int) -> frozenset[str]:
    words = WORD_RUN.findall(text.lower())
    if not words:
        return frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1)))


def shingle_keys(text: str, size: int) -> np.ndarray:
    """The text's `shingles` as sorted distinct 64-bit keys, for counting containment on integers: each word hashed,
    the hashes combined along the n-gram (two different shingles share a key by a 1 in 2**64 chance)."""
    words = WORD_RUN.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    hashed = np.array([hash(word) for word in words], dtype=np.int64).view(np.uint64)
    width = min(size, len(hashed))
    count = len(hashed) - width + 1
    keys = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        keys = keys * _MIX + hashed[offset : offset + count]  # wraps around modulo 2**64
    return np.unique(keys)


def fingerprints(text_shingles: Iterable[str]) -> frozenset[int]:
    """A sample of the shingles, chosen by hash: the same shingle is chosen in every text that has it."""
    return frozenset(h for shingle in text_shingles if (h := zlib.crc32(shingle.encode())) % SAMPLE_EVERY == 0)


def candidate_pairs(signatures: Mapping[str, frozenset[int]]) -> set[tuple[str, str]]:
    """Pairs of ids (sorted) that share a fingerprint held by at most `MAX_POSTINGS` articles."""
    postings: dict[int, list[str]] = defaultdict(list)
    for article_id in sorted(signatures):
        for fingerprint in signatures[article_id]:
            postings[fingerprint].append(article_id)
    pairs: set[tuple[str, str]] = set()
    for ids in postings.values():
        if 1 < len(ids) <= MAX_POSTINGS:
            pairs.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1 :])
    return pairs


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def key_containment(a: np.ndarray, b: np.ndarray) -> float:
    """`containment` of two texts' `shingle_keys`."""
    smaller = min(len(a), len(b))
    return len(np.intersect1d(a, b, assume_unique=True)) / smaller if smaller else 0.0


def _original_first(a: Article, b: Article) -> tuple[Article, Article]:
    """(original, copy) of two articles where one copies the other."""
    if a.outlet and a.outlet in b.relays:
        return a, b
    if b.outlet and b.outlet in a.relays:
        return b, a
    first, second = a.published_instant(), b.published_instant()
    if first and second and first != second:
        return (a, b) if first < second else (b, a)
    return (a, b) if a.id < b.id else (b, a)


def find_duplicates(articles: Sequence[Article], settings: DedupSettings) -> dict[str, str]:
    """Map each copy's id to the id of the article it copies (chains resolved to the first original)."""
    sampled = {a.id: fingerprints(shingles(a.text, settings.shingle_words)) for a in articles}
    return resolve_chains(copy_links({a.id: a for a in articles}, candidate_pairs(sampled), settings))


def copy_links(
    articles: Mapping[str, Article], candidates: Iterable[tuple[str, str]], settings: DedupSettings
) -> dict[str, str]:
    """Copy id -> original id for the candidate pairs whose texts contain one another."""
    ordered = sorted(candidates)
    # Whole shingle sets only for the articles of some candidate pair.
    involved = {article_id for pair in ordered for article_id in pair}
    full = {article_id: shingle_keys(articles[article_id].text, settings.shingle_words) for article_id in involved}
    links: dict[str, str] = {}
    for a, b in ordered:
        if key_containment(full[a], full[b]) >= settings.containment:
            original, copy = _original_first(articles[a], articles[b])
            links.setdefault(copy.id, original.id)
    return links


def resolve_chains(links: Mapping[str, str]) -> dict[str, str]:
    """Copies of copies point to the first original; a cycle (two texts each counted a copy) is dropped."""
    resolved: dict[str, str] = {}
    for copy_id, first in links.items():
        target, seen = first, {copy_id}
        while target in links and target not in seen:
            seen.add(target)
            target = links[target]
        if target != copy_id:
            resolved[copy_id] = target
    return resolved
