"""Assembly: the internal results of all stages into the exported `Dossier` (the contract of CONTRACT.md)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Literal

from rashomon.dossier import (
    ArticleOut,
    ConflictOut,
    ConflictSideOut,
    Dossier,
    EntityOut,
    FigureLink,
    FigureOut,
    FramingOut,
    MentionOut,
    NamingOut,
    QuoteOut,
    QuoteVariantOut,
    RejectedOut,
    SpanRef,
    StatementOut,
    StoryOut,
    TimelineOut,
    TimeOut,
)
from rashomon.extract.times import timex_type
from rashomon.model import (
    Article,
    ArticleAnnotations,
    Entity,
    Quote,
    Rejected,
    Span,
    Story,
    StoryComparison,
    TimeExpr,
)
from rashomon.render.selection import largest_first
from rashomon.text.names import name_key


def _ref(span: Span | None) -> SpanRef | None:
    return SpanRef(article=span.article, start=span.start, end=span.end) if span else None


def _span(span: Span) -> SpanRef:
    return SpanRef(article=span.article, start=span.start, end=span.end)


def _story_out(story: Story, comparison: StoryComparison) -> StoryOut:
    return StoryOut(
        id=story.id,
        title=story.title,
        articles=list(story.articles),
        date=story.date,
        summary=comparison.summary,
        statements=[
            StatementOut(
                text=s.text,
                status=s.status,
                sources=[SpanRef(article=x.article, start=x.start, end=x.end) for x in s.sources],
            )
            for s in comparison.statements
        ],
        timeline=[
            TimelineOut(
                when=t.when,
                what=t.what,
                sources=list(t.sources),
                sentences=[_span(x) for x in t.sentences],
                background=t.background,
            )
            for t in comparison.timeline
        ],
        conflicts=[
            ConflictOut(
                kind=c.kind,
                what=c.what,
                text=c.text,
                sides=[
                    ConflictSideOut(article=x.article, says=x.says, span=_span(x.span), sentence=_span(x.sentence))
                    for x in c.sides
                ],
            )
            for c in comparison.conflicts
        ],
        quote_variants=[QuoteVariantOut(speaker=v.speaker, quotes=list(v.quotes)) for v in comparison.quote_variants],
        framing=[
            FramingOut(
                article=f.article,
                headline=f.headline,
                lede=_ref(f.lede),
                lede_status=f.lede_status,
                distinctive=list(f.distinctive),
                names=[NamingOut(entity=n.entity, name=n.name, words=list(n.words)) for n in f.names],
                omits=list(f.omits),
                relays=list(f.relays),
                copy_of=f.copy_of,
            )
            for f in comparison.framing
        ],
    )


def _quote_out(quote: Quote, text: str, speakers: Mapping[str, Entity], aligned: Sequence[str]) -> QuoteOut:
    entity = speakers.get(name_key(quote.speaker)) if quote.speaker else None
    return QuoteOut(
        id=quote.id,
        article=quote.article,
        speaker=entity.name if entity else quote.speaker,
        speaker_entity=entity.id if entity else None,
        text=text[quote.start : quote.end],
        kind=quote.kind,
        start=quote.start,
        end=quote.end,
        speaker_span=_ref(quote.speaker_span),
        cue_span=_ref(quote.cue_span),
        aligned_with=sorted(aligned),
    )


def _time_out(time: TimeExpr, article: Article) -> TimeOut:
    """The exported time, its text read from the caption it was written in, if any, else from the body."""
    written = article.text if time.caption is None else article.captions[time.caption]
    return TimeOut(
        article=time.article,
        text=written[time.start : time.end],
        value=time.value,
        type=time.type or timex_type(time.value),
        start=time.start,
        end=time.end,
        caption=time.caption,
    )


def assemble(
    *,
    articles: Sequence[Article],
    annotations: Mapping[str, ArticleAnnotations],
    entities: Sequence[Entity],
    stories: Sequence[Story],
    comparisons: Sequence[StoryComparison],
    duplicates: Mapping[str, str],
    rejected: Sequence[Rejected],
    speakers: Mapping[str, Entity],
) -> Dossier:
    """Build the export dossier; lists come in a stable order so the same inputs give the same file."""
    story_of = {member: story.id for story in stories for member in story.articles}
    quote_links: dict[str, list[str]] = defaultdict(list)
    figure_links: dict[str, list[FigureLink]] = defaultdict(list)
    for comparison in comparisons:
        for a, b in comparison.quote_alignments:
            quote_links[a].append(b)
            quote_links[b].append(a)
        for link in comparison.figure_alignments:
            figure_links[link.figure].append(FigureLink(figure=link.other, relation=link.relation))
            figure_links[link.other].append(FigureLink(figure=link.figure, relation=link.relation))
    by_article = {a.id: a for a in articles}
    texts = {a.id: a.text for a in articles}
    ordered = sorted(annotations.values(), key=lambda n: n.article)
    articles_out = [
        ArticleOut(
            id=a.id,
            source=a.source,
            outlet=a.outlet,
            title=a.title,
            published=a.published,
            published_inferred=a.published_inferred,
            byline=a.byline,
            url=a.url,
            text=a.text,
            story=story_of.get(a.id),
            duplicate_of=duplicates.get(a.id),
            relays=list(a.relays),
            captions=list(a.captions),
            language=a.language,
        )
        for a in sorted(articles, key=lambda a: a.id)
    ]
    # The reports' order, kept in dossier.json too: stories that more outlets report first.
    by_id = {a.id: a for a in articles_out}
    stories_out = largest_first([_story_out(s, c) for s, c in zip(stories, comparisons, strict=True)], by_id)
    return Dossier(
        schema_version="1",
        articles=articles_out,
        rejected=[RejectedOut(input=r.input, reason=r.reason) for r in rejected],
        stories=stories_out,
        entities=[
            EntityOut(
                id=e.id,
                name=e.name,
                type=e.type,
                aliases=list(e.aliases),
                mentions=[
                    MentionOut(article=m.article, start=m.start, end=m.end, refers_to_name=m.refers_to is None)
                    for m in e.mentions
                ],
            )
            for e in entities
        ],
        quotes=[_quote_out(q, texts[n.article], speakers, quote_links[q.id]) for n in ordered for q in n.quotes],
        figures=[
            FigureOut(
                id=f.id,
                article=f.article,
                text=texts[f.article][f.start : f.end],
                value=f.value,
                unit=f.unit,
                approx=f.approx,
                qualifier=f.qualifier,
                about=f.about,
                low=f.low,
                high=f.high,
                direction=_direction(f.direction),
                referents=list(f.referents),
                start=f.start,
                end=f.end,
                aligned_with=sorted(figure_links[f.id], key=lambda link: link.figure),
            )
            for n in ordered
            for f in n.figures
        ],
        times=[_time_out(t, by_article[t.article]) for n in ordered for t in n.times],
    )


def _direction(direction: str | None) -> Literal["up", "down"] | None:
    return "up" if direction == "up" else "down" if direction == "down" else None
