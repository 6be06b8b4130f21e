"""The dossier of one story, one article or one entity's stories, read from a store: what a page shows.

It is the dossier `rashomon analyze` writes, cut to what the page needs and read only from the rows it needs (the
story's result, its members, their extractions and the copies among them), so a page costs the same in a store of
ten articles or of a hundred thousand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rashomon.compare.story_result import StoryResult, dated_members
from rashomon.dossier import Dossier, EntityOut, QuoteOut
from rashomon.extract.entities import speaker_index
from rashomon.model import ArticleAnnotations, Entity
from rashomon.render.assemble import assemble
from rashomon.store.database import Store
from rashomon.store.records import from_json
from rashomon.stories.dedup import resolve_chains


def story_dossiers(store: Store, story_ids: Sequence[str]) -> Dossier:
    """The dossier of the given stories (those still stored): their articles as the stories dated them, their
    entities, quotes, figures and times."""
    results = [from_json(StoryResult, body) for body in store.stories(story_ids)]
    members = sorted({m for result in results for m in result.story.articles})
    articles = {a.id: a for a in store.articles(members)}
    annotations = {
        article_id: from_json(ArticleAnnotations, body, "annotations")
        for article_id, body in store.extractions(members).items()
    }
    dated = []
    for result in results:
        stored = [articles[m] for m in result.story.articles if m in articles]
        dated.extend(dated_members(stored, result))
        for member in stored:
            own = annotations.get(member.id) or ArticleAnnotations(article=member.id)
            annotations[member.id] = replace(own, times=result.times.get(member.id, own.times))
    entities = _one_per_id([e for result in results for e in result.entities])
    return assemble(
        articles=dated,
        annotations={a.id: annotations.get(a.id) or ArticleAnnotations(article=a.id) for a in dated},
        entities=entities,
        stories=[r.story for r in results],
        comparisons=[r.comparison for r in results],
        duplicates=resolve_chains(store.copies_among(members)),
        rejected=[],
        speakers=speaker_index(entities),
    )


def _one_per_id(entities: Sequence[Entity]) -> list[Entity]:
    """Entities of several stories, one per id (the first met: an entity's name and type come from its id)."""
    seen: dict[str, Entity] = {}
    for entity in entities:
        seen.setdefault(entity.id, entity)
    return list(seen.values())


def lone_article(store: Store, article_id: str) -> Dossier | None:
    """The dossier of an article in no story (stored, but not yet placed by a run): the article and what was
    extracted from it; None when no such article is stored."""
    found = store.articles([article_id])
    if not found:
        return None
    bodies = store.extractions([article_id])
    own = from_json(ArticleAnnotations, bodies[article_id], "annotations") if article_id in bodies else None
    return assemble(
        articles=found,
        annotations={article_id: own or ArticleAnnotations(article=article_id)},
        entities=[],
        stories=[],
        comparisons=[],
        duplicates=resolve_chains(store.copies_among([article_id])),
        rejected=[],
        speakers={},
    )


def of_article(dossier: Dossier, article_id: str) -> Dossier:
    """The dossier narrowed to one article: its entities keep only their mentions in it."""
    entities = []
    for entity in dossier.entities:
        mentions = [m for m in entity.mentions if m.article == article_id]
        if mentions:
            entities.append(entity.model_copy(update={"mentions": mentions}))
    return Dossier(
        schema_version=dossier.schema_version,
        articles=[a for a in dossier.articles if a.id == article_id],
        rejected=[],
        stories=[s for s in dossier.stories if article_id in s.articles],
        entities=entities,
        quotes=[q for q in dossier.quotes if q.article == article_id],
        figures=[f for f in dossier.figures if f.article == article_id],
        times=[t for t in dossier.times if t.article == article_id],
    )


def quotes_of(dossier: Dossier, entity: str) -> list[QuoteOut]:
    """The quotes the dossier gives to an entity."""
    return [q for q in dossier.quotes if q.speaker_entity == entity]


def entity_in(dossier: Dossier, entity: str) -> EntityOut | None:
    return next((e for e in dossier.entities if e.id == entity), None)
