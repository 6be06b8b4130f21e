"""A reader's view of the dossier, shared by the HTML and Markdown reports: per story, its outlets side by side,
each article's body cut into the sentences that statements cite, and the quotes, figures and times of the story.
Stories come most outlets first (`largest_first`), so a big run opens on the events many outlets covered, not on
one-article stories."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from rashomon.dossier import ArticleOut, Dossier, FigureOut, QuoteOut, StatementOut, StoryOut, TimeOut
from rashomon.render.selection import largest_first

STATUS_ORDER = ("conflicting", "corroborated", "single-source")

_Item = TypeVar("_Item", QuoteOut, FigureOut, TimeOut)


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    start: int
    anchor: str | None = None
    status: str | None = None


@dataclass(slots=True)
class Column:
    article: ArticleOut
    label: str
    segments: list[Segment] = field(default_factory=list)


@dataclass(slots=True)
class StoryView:
    story: StoryOut
    columns: list[Column]
    statements: dict[str, list[StatementOut]]
    quotes: list[QuoteOut]
    figures: list[FigureOut]
    times: list[TimeOut]
    labels: dict[str, str]
    texts: dict[str, str]

    def anchor_at(self, article: str, offset: int) -> str | None:
        """The anchor of the cited sentence holding a character offset (a quote's start), if any."""
        column = next((c for c in self.columns if c.article.id == article), None)
        for segment in column.segments if column else ():
            if segment.anchor and segment.start <= offset < segment.start + len(segment.text):
                return segment.anchor
        return None


def anchor(article: str, start: int) -> str:
    """The HTML id of a sentence: safe characters only, unique per article and offset."""
    return f"s-{_safe(article)}-{start}"


@lru_cache(maxsize=4096)
def _safe(article: str) -> str:
    # Asked for every cited sentence of every column: worked out once per article.
    return "".join(c if c.isalnum() else "-" for c in article)


def article_label(article: ArticleOut) -> str:
    return article.outlet or article.id


def _segments(article: ArticleOut, story: StoryOut) -> list[Segment]:
    cuts = sorted(
        {(s.start, s.end, st.status) for st in story.statements for s in st.sources if s.article == article.id}
    )
    segments, at = [], 0
    for start, end, status in cuts:
        if start < at:
            continue
        if start > at:
            segments.append(Segment(article.text[at:start], at))
        segments.append(Segment(article.text[start:end], start, anchor(article.id, start), status))
        at = end
    if at < len(article.text):
        segments.append(Segment(article.text[at:], at))
    return segments


def _by_article(items: Sequence[_Item]) -> dict[str, list[tuple[int, _Item]]]:
    grouped: dict[str, list[tuple[int, _Item]]] = defaultdict(list)
    for position, item in enumerate(items):
        grouped[item.article].append((position, item))
    return grouped


def _of(grouped: Mapping[str, list[tuple[int, _Item]]], members: Sequence[str]) -> list[_Item]:
    """The members' items in dossier order (by article, then position), without scanning every item per story."""
    found = [pair for member in dict.fromkeys(members) for pair in grouped.get(member, ())]
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def iter_story_views(dossier: Dossier) -> Iterator[StoryView]:
    """One view at a time, largest stories first, so a page per story never holds every view in memory."""
    articles = {a.id: a for a in dossier.articles}
    quotes, figures, times = _by_article(dossier.quotes), _by_article(dossier.figures), _by_article(dossier.times)
    for story in largest_first(dossier.stories, articles):
        members = [articles[i] for i in story.articles if i in articles]
        grouped: dict[str, list[StatementOut]] = defaultdict(list)
        for statement in story.statements:
            grouped[statement.status].append(statement)
        yield StoryView(
            story=story,
            columns=[Column(article=a, label=article_label(a), segments=_segments(a, story)) for a in members],
            statements={status: grouped[status] for status in STATUS_ORDER},
            quotes=_of(quotes, story.articles),
            figures=_of(figures, story.articles),
            times=_of(times, story.articles),
            labels={a.id: article_label(a) for a in members},
            texts={a.id: a.text for a in members},
        )


def story_views(dossier: Dossier) -> list[StoryView]:
    return list(iter_story_views(dossier))


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryEntry:
    """A story's line in the index of a report with a page per story."""

    story: StoryOut
    date: str | None
    outlets: list[str]
    articles: int
    conflicts: int


def story_entries(dossier: Dossier) -> list[StoryEntry]:
    """Every story, largest first: its date (else its latest publication), outlets, size and conflicts."""
    articles = {a.id: a for a in dossier.articles}
    entries = []
    for story in largest_first(dossier.stories, articles):
        members = [articles[i] for i in story.articles if i in articles]
        published = [a.published[:10] for a in members if a.published]
        entries.append(
            StoryEntry(
                story=story,
                date=story.date or max(published, default=None),
                outlets=list(dict.fromkeys(article_label(a) for a in members)),
                articles=len(story.articles),
                conflicts=sum(1 for s in story.statements if s.status == "conflicting"),
            )
        )
    return entries
