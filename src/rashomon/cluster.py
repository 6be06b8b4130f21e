"""Stories: articles that report one real-world event, grouped without being told how many events there are.

Steps: similarity (TF-IDF cosine of the texts blended with the overlap of resolved entities), a time window
(dated articles published too far apart are never one story), copies forced together, and average-link
grouping cut at a similarity threshold. Then each story's event date: the day its dated articles' own time
expressions point to most, within the week before publication; and dates inferred for undated articles.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
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


def group_articles(
    articles: Sequence[Article],
    entities: Mapping[str, frozenset[str]],
    duplicates: Mapping[str, str],
    settings: StorySettings,
) -> list[list[str]]:
    """Article ids grouped into stories, each group and the list sorted for stable output."""
    if not articles:
        return []
    if len(articles) == 1:
        return [[articles[0].id]]
    weight = settings.entity_weight
    similarity = (1 - weight) * text_similarity(articles) + weight * entity_similarity(articles, entities)
    similarity[_outside_window(articles, settings.window_days)] = 0.0
    index = {a.id: i for i, a in enumerate(articles)}
    for copy, original in duplicates.items():
        if copy in index and original in index:
            similarity[index[copy], index[original]] = similarity[index[original], index[copy]] = 1.0
    distance = np.clip(1.0 - similarity, 0.0, 1.0)
    np.fill_diagonal(distance, 0.0)
    labels = fcluster(
        linkage(squareform(distance, checks=False), method="average"), t=1.0 - settings.threshold, criterion="distance"
    )
    groups: dict[int, list[str]] = {}
    for article, label in zip(articles, labels, strict=True):
        groups.setdefault(int(label), []).append(article.id)
    return sorted((sorted(ids) for ids in groups.values()), key=lambda ids: ids[0])


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
