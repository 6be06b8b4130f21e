"""What each page and its JSON twin answer, as the API's models: both read the same answer, so they never differ."""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.dossier import Dossier
from rashomon.store import listing
from rashomon.store.listing import StoryFilter, StoryLine, StoryPage
from rashomon.web import reading
from rashomon.web.models import ArticleDetail, EntityDetail, StoryItem, StoryList, StoryQuery
from rashomon.web.present import path_part
from rashomon.web.served import Reading

ENTITY_STORIES_PER_PAGE = 10


class NotFoundError(LookupError):
    """Nothing of that id is stored; the message says what was looked for."""


def story_item(line: StoryLine) -> StoryItem:
    return StoryItem(
        id=line.id,
        title=line.title,
        date=line.day,
        articles=line.articles,
        outlet_count=line.outlet_count,
        outlets=line.outlets,
        conflicts=line.conflicts,
        statements=line.statements,
        page=f"/stories/{path_part(line.id)}",
    )


def _story_list(query: StoryQuery, found: StoryPage) -> StoryList:
    return StoryList(
        query=query,
        total=found.total,
        page=found.page,
        pages=found.pages,
        per_page=found.per_page,
        stories=[story_item(line) for line in found.stories],
    )


def stories(read: Reading, query: StoryQuery, per_page: int) -> StoryList:
    wanted = StoryFilter(
        text=query.q,
        outlet=query.outlet,
        entity=query.entity,
        since=query.since,
        until=query.until,
        conflicts=query.conflicts,
        sort=query.sort,
        page=query.page,
        per_page=per_page,
    )
    return _story_list(query, listing.find_stories(read.catalog, wanted))


def story_line(read: Reading, story_id: str) -> StoryLine | None:
    found = listing.find_stories(read.catalog, StoryFilter(story=story_id))
    return found.stories[0] if found.stories else None


def story(read: Reading, story_id: str) -> Dossier:
    dossier = reading.story_dossiers(read.store, [story_id])
    if not dossier.stories:
        raise NotFoundError(
            f"No story {story_id!r} is stored. A story's id changes when articles join it: find it again from the "
            "list of stories."
        )
    return dossier


@dataclass(frozen=True, slots=True)
class ArticleAnswer:
    detail: ArticleDetail
    dossier: Dossier  # the article's story (or the article alone), for the page's highlights and links


def article(read: Reading, article_id: str) -> ArticleAnswer:
    story_id = listing.article_story(read.catalog, article_id)
    whole = reading.story_dossiers(read.store, [story_id]) if story_id else None
    if whole is None or not any(a.id == article_id for a in whole.articles):
        whole = reading.lone_article(read.store, article_id)
    if whole is None:
        raise NotFoundError(f"No article {article_id!r} is stored.")
    own = reading.of_article(whole, article_id)
    line = story_line(read, story_id) if story_id else None
    notes = read.store.article_notes(article_id) or {}
    detail = ArticleDetail(
        article=own.articles[0],
        story=story_item(line) if line else None,
        entities=own.entities,
        quotes=own.quotes,
        figures=own.figures,
        times=own.times,
        removed=notes.get("removed"),
        removed_total=notes.get("removed_total"),
        provenance=notes.get("provenance", {}),
    )
    return ArticleAnswer(detail=detail, dossier=whole)


@dataclass(frozen=True, slots=True)
class EntityAnswer:
    detail: EntityDetail
    texts: dict[str, str]  # the clean text of each quote's article, for showing a quote around its attribution


def entity(read: Reading, entity_id: str, page: int) -> EntityAnswer:
    found = listing.find_entity(read.catalog, entity_id)
    if found is None:
        raise NotFoundError(f"No entity {entity_id!r} is named in the stored stories.")
    listed = listing.entity_stories(read.catalog, entity_id, page, ENTITY_STORIES_PER_PAGE)
    dossier = reading.story_dossiers(read.store, [s.id for s in listed.stories])
    quotes = reading.quotes_of(dossier, entity_id)
    detail = EntityDetail(
        id=found.id,
        name=found.name,
        type=found.type,
        aliases=found.aliases,
        stories=_story_list(StoryQuery(entity=entity_id, page=page), listed),
        quotes=quotes,
    )
    quoted = {q.article for q in quotes}
    return EntityAnswer(detail, {a.id: a.text for a in dossier.articles if a.id in quoted})


def status(read: Reading) -> dict[str, object]:
    """How much the served copy holds."""
    return dict(listing.counts(read.catalog))


def outlets(read: Reading) -> list[str]:
    return listing.outlets(read.catalog)
