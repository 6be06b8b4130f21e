"""Stories: articles that report one real-world event, grouped without being told how many events there are.

Steps: similarity (TF-IDF cosine of the texts blended with the overlap of resolved entities), copies forced
together, a time window (dated articles published too far apart are never one story, not even through a third
article), and average-link grouping stopped at a similarity threshold. Then each story's event date: the day its
dated articles' own time expressions point to most, within the week before publication; and dates inferred for
undated articles.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from rashomon.model import Article, Story, TimeExpr
from rashomon.settings import StorySettings

_DAY = len("2021-11-26")


def story_id(members: Sequence[str]) -> str:
    """A story's id: a digest of its sorted member ids, so the same grouping always has the same id."""
    return "story:" + hashlib.sha1("\x1f".join(sorted(members)).encode()).hexdigest()[:12]


def text_similarity(articles: Sequence[Article]) -> np.ndarray:
    """Cosine similarity of the articles' titles and bodies under TF-IDF (words, not numbers)."""
    documents = [f"{a.title or ''}\n{a.text}" for a in articles]
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d_][\w'’-]+\b")
    try:
        matrix = vectorizer.fit_transform(documents)
    except ValueError:  # every document empty of words
        return np.zeros((len(articles), len(articles)))
    return np.asarray((matrix @ matrix.T).toarray())


def entity_similarity(articles: Sequence[Article], entities: Mapping[str, frozenset[str]]) -> np.ndarray:
    """Jaccard overlap of the sets of entity ids each article mentions."""
    size = len(articles)
    matrix = np.zeros((size, size))
    for i, a in enumerate(articles):
        for j in range(i, size):
            left, right = entities.get(a.id, frozenset()), entities.get(articles[j].id, frozenset())
            union = len(left | right)
            matrix[i, j] = matrix[j, i] = len(left & right) / union if union else 0.0
    return matrix


def _outside_window(articles: Sequence[Article], days: int) -> np.ndarray:
    dates = [a.published_date() for a in articles]
    size = len(articles)
    far = np.zeros((size, size), dtype=bool)
    for i in range(size):
        for j in range(i + 1, size):
            first, second = dates[i], dates[j]
            if first and second and abs((first - second).days) > days:
                far[i, j] = far[j, i] = True
    return far


def average_link(similarity: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-link (UPGMA) grouping of items, merging while the best average similarity reaches the threshold.

    A pair with similarity -inf can never share a group: the average of any two groups holding such a pair stays
    -inf, so a third item similar to both cannot chain them together.
    """
    size = len(similarity)
    scores = similarity.astype(float).copy()
    np.fill_diagonal(scores, -np.inf)
    counts = np.ones(size)
    members: dict[int, list[int]] = {i: [i] for i in range(size)}
    while len(members) > 1:
        i, j = np.unravel_index(int(np.argmax(scores)), scores.shape)
        if scores[i, j] < threshold:
            break
        keep, gone = int(min(i, j)), int(max(i, j))
        with np.errstate(invalid="ignore"):
            merged = (counts[keep] * scores[keep] + counts[gone] * scores[gone]) / (counts[keep] + counts[gone])
        scores[keep, :] = scores[:, keep] = merged
        scores[gone, :] = scores[:, gone] = -np.inf
        scores[keep, keep] = -np.inf
        counts[keep] += counts[gone]
        members[keep].extend(members.pop(gone))
    return list(members.values())


def group_articles(
    articles: Sequence[Article],
    entities: Mapping[str, frozenset[str]],
    duplicates: Mapping[str, str],
    settings: StorySettings,
) -> list[list[str]]:
    """Article ids grouped into stories, each group and the list sorted for stable output."""
    if not articles:
        return []
    weight = settings.entity_weight
    similarity = (1 - weight) * text_similarity(articles) + weight * entity_similarity(articles, entities)
    index = {a.id: i for i, a in enumerate(articles)}
    for copy, original in duplicates.items():
        if copy in index and original in index:
            similarity[index[copy], index[original]] = similarity[index[original], index[copy]] = 1.0
    similarity[_outside_window(articles, settings.window_days)] = -np.inf
    groups = average_link(similarity, settings.threshold)
    return sorted((sorted(articles[i].id for i in group) for group in groups), key=lambda ids: ids[0])


def event_date(members: Sequence[Article], times: Mapping[str, Sequence[TimeExpr]]) -> str | None:
    """The day the story's dated articles point to most in the week before they were published.

    Falls back to the earliest publication date when no article names such a day.
    """
    votes: Counter[str] = Counter()
    published = [(a, d) for a in members if not a.published_inferred and (d := a.published_date())]
    for article, day in published:
        for expression in times.get(article.id, ()):
            value = expression.value
            if len(value) == _DAY and value[4] == "-" and _within(value, day - timedelta(days=7), day):
                votes[value] += 1
    if votes:
        return min(votes, key=lambda value: (-votes[value], value))
    return min(day for _, day in published).isoformat() if published else None


def _within(value: str, first: date, last: date) -> bool:
    try:
        return first <= date.fromisoformat(value) <= last
    except ValueError:
        return False


def infer_dates(articles: Sequence[Article], stories: Sequence[Story]) -> list[Article]:
    """Undated articles get their story's event date, marked as inferred."""
    date_of = {member: story.date for story in stories for member in story.articles if story.date}
    return [
        replace(a, published=date_of[a.id], published_inferred=True) if not a.published and a.id in date_of else a
        for a in articles
    ]


def story_title(members: Sequence[Article], duplicates: Mapping[str, str]) -> str | None:
    """The title of the story's first original report (earliest publication, then id)."""
    originals = [a for a in members if a.id not in duplicates and a.title] or [a for a in members if a.title]
    if not originals:
        return None
    return min(originals, key=reading_order).title


def reading_order(article: Article) -> tuple[bool, str, str]:
    """Sort key: articles with a real publication time first, earliest first, then by id."""
    instant = article.published_instant()
    return (instant is None or article.published_inferred, instant.isoformat() if instant else "", article.id)
