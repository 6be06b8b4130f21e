"""A reader's view of the dossier, shared by the HTML and Markdown reports: per story, its outlets side by side,
each article's body cut into the sentences that statements cite, and the quotes, figures and times of the story."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rashomon.dossier import ArticleOut, Dossier, FigureOut, QuoteOut, StatementOut, StoryOut, TimeOut

STATUS_ORDER = ("conflicting", "corroborated", "single-source")


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
    safe = "".join(c if c.isalnum() else "-" for c in article)
    return f"s-{safe}-{start}"


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


def story_views(dossier: Dossier) -> list[StoryView]:
    articles = {a.id: a for a in dossier.articles}
    views = []
    for story in dossier.stories:
        members = [articles[i] for i in story.articles if i in articles]
        grouped: dict[str, list[StatementOut]] = defaultdict(list)
        for statement in story.statements:
            grouped[statement.status].append(statement)
        wanted = set(story.articles)
        views.append(
            StoryView(
                story=story,
                columns=[Column(article=a, label=article_label(a), segments=_segments(a, story)) for a in members],
                statements={status: grouped[status] for status in STATUS_ORDER},
                quotes=[q for q in dossier.quotes if q.article in wanted],
                figures=[f for f in dossier.figures if f.article in wanted],
                times=[t for t in dossier.times if t.article in wanted],
                labels={a.id: article_label(a) for a in members},
                texts={a.id: a.text for a in members},
            )
        )
    return views
