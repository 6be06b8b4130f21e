"""Copies and syndicated wire stories: an article that republishes another is linked to it, never dropped.

Steps: shingles (word n-grams of each text), candidates (articles sharing a rare shingle, from an inverted index,
so no step compares all pairs), containment (share of the shorter text's shingles found in the other), and
originals (the earlier publication, else the one the copy does not credit, else the smaller id).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from rashomon.model import Article
from rashomon.settings import DedupSettings

_WORD = re.compile(r"\w+")
# A shingle found in more articles than this is boilerplate, not evidence of copying.
_MAX_POSTINGS = 50


def shingles(text: str, size: int) -> frozenset[str]:
    words = _WORD.findall(text.lower())
    if not words:
        return frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1)))


def candidate_pairs(signatures: Mapping[str, frozenset[str]]) -> set[tuple[str, str]]:
    postings: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(signatures):
        for shingle in signatures[article_id]:
            postings[shingle].append(article_id)
    pairs: set[tuple[str, str]] = set()
    for ids in postings.values():
        if 1 < len(ids) <= _MAX_POSTINGS:
            pairs.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1 :])
    return pairs


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


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
    by_id = {a.id: a for a in articles}
    signatures = {a.id: shingles(a.text, settings.shingle_words) for a in articles}
    links: dict[str, str] = {}
    for a, b in sorted(candidate_pairs(signatures)):
        if containment(signatures[a], signatures[b]) >= settings.containment:
            original, copy = _original_first(by_id[a], by_id[b])
            links.setdefault(copy.id, original.id)
    resolved: dict[str, str] = {}
    for copy_id, first in links.items():
        target, seen = first, {copy_id}
        while target in links and target not in seen:
            seen.add(target)
            target = links[target]
        if target != copy_id:
            resolved[copy_id] = target
    return resolved
