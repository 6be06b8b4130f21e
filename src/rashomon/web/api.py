"""The JSON twins of the pages, under /api/: the dossier's models, and lists of them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from rashomon.dossier import Dossier
from rashomon.store.listing import SORTS
from rashomon.web import answers
from rashomon.web.models import ArticleDetail, EntityDetail, ErrorBody, StoryList, StoryQuery
from rashomon.web.served import ServedStore

_ERRORS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody, "description": meaning}
    for status, meaning in (
        (400, "Parameters that are not valid"),
        (401, "No token, or a wrong one"),
        (404, "Nothing of that id is stored"),
        (503, "No copy of the store can be read yet (a first run still writing it)"),
    )
}
router = APIRouter(prefix="/api", tags=["api"], responses=_ERRORS)


def served(request: Request) -> ServedStore:
    keeper: ServedStore = request.app.state.served
    return keeper


def story_query(
    *,
    q: Annotated[str, Query(max_length=500, description="Words to find in titles and bodies; word* a prefix.")] = "",
    outlet: Annotated[str, Query(max_length=500, description="Only stories with an article from this outlet.")] = "",
    entity: Annotated[str, Query(max_length=500, description="Only stories naming this entity (id or name).")] = "",
    since: Annotated[
        str, Query(max_length=10, description="Only stories dated on or after this day (YYYY-MM-DD).")
    ] = "",
    until: Annotated[
        str, Query(max_length=10, description="Only stories dated on or before this day (YYYY-MM-DD).")
    ] = "",
    conflicts: Annotated[bool, Query(description="Only stories where outlets conflict.")] = False,
    sort: Annotated[
        str, Query(max_length=10, description="relevance (the default with q), size, newest or oldest.")
    ] = "",
    page: Annotated[int, Query(ge=1, le=100_000, description="Which page.")] = 1,
) -> StoryQuery:
    """The stories list's parameters, shared by the page and its twin; an empty field (as a form sends it) is no
    filter."""
    if sort and sort not in SORTS:
        raise HTTPException(400, f"sort is one of {', '.join(SORTS)}, not {sort!r}.")
    return StoryQuery(
        q=q,
        outlet=outlet,
        entity=entity,
        since=_day("since", since),
        until=_day("until", until),
        conflicts=conflicts,
        sort=sort or None,
        page=page,
    )


def _day(name: str, text: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise HTTPException(400, f"{name} wants a day like 2024-03-26, not {text!r}.") from None


@router.get("/stories", summary="Find stories", response_model=StoryList)
def list_stories(request: Request, query: Annotated[StoryQuery, Depends(story_query)]) -> StoryList:
    """Stories matching words in their titles and bodies, filtered by outlet, entity, dates and conflicts; paged."""
    with served(request).reading() as read:
        return answers.stories(read, query, request.app.state.settings.per_page)


@router.get("/stories/{story_id}", summary="One story's dossier", response_model=Dossier)
def get_story(request: Request, story_id: str) -> Dossier:
    """The dossier of one story: the same model as dossier.json, holding this story, its articles, entities, quotes,
    figures and times."""
    with served(request).reading() as read:
        return answers.story(read, story_id)


@router.get("/articles/{article_id:path}", summary="One article", response_model=ArticleDetail)
def get_article(request: Request, article_id: str) -> ArticleDetail:
    """One article with its entities, quotes, figures and times (offsets into its `text`)."""
    with served(request).reading() as read:
        return answers.article(read, article_id).detail


@router.get("/entities/{entity_id}", summary="One entity across the store", response_model=EntityDetail)
def get_entity(
    request: Request, entity_id: str, page: Annotated[int, Query(ge=1, le=100_000, description="Which page.")] = 1
) -> EntityDetail:
    """An entity: the stories naming it (a page at a time) and what it is quoted saying in them."""
    with served(request).reading() as read:
        return answers.entity(read, entity_id, page).detail


@router.get("/status", summary="What the server reads")
def get_status(request: Request) -> dict[str, object]:
    """How many articles and stories the served copy of the store holds, when it was copied (UTC), and what keeps a
    newer copy away."""
    keeper = served(request)
    with keeper.reading() as read:
        counts = answers.status(read)
    taken = keeper.status.taken
    copied = datetime.fromtimestamp(taken, UTC).isoformat(timespec="seconds") if taken else None
    return {**counts, "copied": copied, "waiting": keeper.status.waiting, "problem": keeper.status.problem}
