"""The HTML pages: stories, a story, an article, an entity, and the API's description. Each reads the same answer as
its JSON twin (`answers`) and names the twin in a link."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from rashomon.render.view import quote_words, story_views
from rashomon.web import answers
from rashomon.web.api import served, story_query
from rashomon.web.models import StoryQuery
from rashomon.web.present import article_marks, path_part, pieces
from rashomon.web.templating import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def list_link(query: StoryQuery, **changes: Any) -> str:
    """The address of the stories list with ``query`` changed: only what differs from the defaults is spelled out."""
    wanted = query.model_copy(update=changes)
    fields = wanted.model_dump(exclude_defaults=True, mode="json")
    if "conflicts" in fields:
        fields["conflicts"] = "1"
    return "/" + (f"?{urlencode(fields)}" if fields else "")


def _page(request: Request, template: str, twin: str, **context: Any) -> HTMLResponse:
    status = served(request).status
    return HTMLResponse(render(template, twin=twin, status=status, **context))


@router.get("/")
def stories_page(request: Request, query: Annotated[StoryQuery, Depends(story_query)]) -> HTMLResponse:
    with served(request).reading() as read:
        found = answers.stories(read, query, request.app.state.settings.per_page)
        outlets = answers.outlets(read)
    twin = "/api/stories" + list_link(query)[1:]
    return _page(request, "stories_page.html.j2", twin, found=found, query=query, outlets=outlets, link=list_link)


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str) -> HTMLResponse:
    with served(request).reading() as read:
        dossier = answers.story(read, story_id)
    view = story_views(dossier)[0]
    return _page(request, "story_page.html.j2", f"/api/stories/{path_part(story_id)}", view=view, dossier=dossier)


@router.get("/articles/{article_id:path}")
def article_page(request: Request, article_id: str) -> HTMLResponse:
    with served(request).reading() as read:
        answer = answers.article(read, article_id)
    article = answer.detail.article
    body = pieces(article.text, article_marks(answer.dossier, article.id))
    twin = f"/api/articles/{path_part(article_id)}"
    labels = {a.id: a.outlet or a.id for a in answer.dossier.articles}
    shown = [quote_words(q, article.text) for q in answer.detail.quotes]
    return _page(request, "article_page.html.j2", twin, detail=answer.detail, body=body, labels=labels, shown=shown)


@router.get("/entities/{entity_id}")
def entity_page(request: Request, entity_id: str, page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
    with served(request).reading() as read:
        answer = answers.entity(read, entity_id, page)
    twin = f"/api/entities/{path_part(entity_id)}" + (f"?page={page}" if page > 1 else "")
    shown = [quote_words(q, answer.texts.get(q.article, "")) for q in answer.detail.quotes]
    return _page(request, "entity_page.html.j2", twin, detail=answer.detail, shown=shown)


@router.get("/docs")
def api_page(request: Request) -> HTMLResponse:
    """The API described from its OpenAPI document, offline (no script or style from elsewhere)."""
    spec = request.app.openapi()
    return _page(request, "api_page.html.j2", "/openapi.json", spec=spec, operations=_operations(spec))


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, operation in methods.items():
            schema = operation.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
            returns = schema.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1] or "object"
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": operation.get("parameters", []),
                    "returns": returns,
                }
            )
    return operations
