"""The JSON API over the demo store: the dossier's models, lists, filters and search, and one error shape."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from rashomon.dossier import Dossier
from rashomon.web.models import ArticleDetail, EntityDetail, ErrorBody, StoryList
from tests.spans import assert_spans
from tests.unit.web.stores import HOSTILE_ID

BALTIMORE_TITLE = "Key Bridge"


def stories(client: TestClient, **params: object) -> StoryList:
    response = client.get("/api/stories", params=params)
    assert response.status_code == 200, response.text
    return StoryList.model_validate(response.json())


def baltimore(client: TestClient) -> str:
    return next(s.id for s in stories(client).stories if BALTIMORE_TITLE in (s.title or ""))


def test_lists_every_story_largest_first(client: TestClient) -> None:
    found = stories(client)
    assert found.total == 3
    assert BALTIMORE_TITLE in (found.stories[0].title or "")
    assert found.stories[0].outlet_count == 7
    assert found.stories[0].conflicts >= 1
    assert found.stories[0].page == f"/stories/{quote(found.stories[0].id, safe='')}"


def test_search_finds_words_in_bodies_and_titles(client: TestClient) -> None:
    found = stories(client, q="Patapsco")
    assert found.total == 1 and BALTIMORE_TITLE in (found.stories[0].title or "")
    assert stories(client, q="eclipse").total == 1
    assert stories(client, q='"ferry pier"').total == 1  # a phrase from the hostile article's body
    assert stories(client, q="collaps*").total == 1
    assert stories(client, q="zebrafish").total == 0


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({"outlet": "the harbor ledger"}, 1),
        ({"outlet": "Nobody's Gazette"}, 0),
        ({"conflicts": True}, 1),
        ({"since": "2024-04-01"}, 2),
        ({"until": "2024-03-31"}, 1),
        ({"since": "2024-03-26", "until": "2024-03-26"}, 1),
        ({"entity": "Baltimore"}, 1),
        ({"q": "bridge", "conflicts": True, "outlet": "Tidewater Digest"}, 1),
    ],
)
def test_filters(client: TestClient, params: dict[str, object], total: int) -> None:
    assert stories(client, **params).total == total


def test_sorts_and_pages(client: TestClient) -> None:
    newest = [s.date for s in stories(client, sort="newest").stories]
    assert newest == sorted(newest, reverse=True)
    oldest = [s.date for s in stories(client, sort="oldest").stories]
    assert oldest == sorted(oldest)
    past_the_end = stories(client, page=9)
    assert (past_the_end.stories, past_the_end.total, past_the_end.pages) == ([], 3, 1)


def test_story_is_a_dossier_of_that_story(client: TestClient) -> None:
    story_id = baltimore(client)
    dossier = Dossier.model_validate(client.get(f"/api/stories/{story_id}").json())
    assert [s.id for s in dossier.stories] == [story_id]
    assert {a.id for a in dossier.articles} == set(dossier.stories[0].articles)
    assert dossier.stories[0].conflicts and dossier.quotes and dossier.entities
    assert_spans(dossier)


def test_article_with_its_annotations(client: TestClient) -> None:
    detail = ArticleDetail.model_validate(client.get("/api/articles/02_harbor_ledger.txt").json())
    assert detail.article.outlet == "The Harbor Ledger"
    assert detail.story is not None and BALTIMORE_TITLE in (detail.story.title or "")
    text = detail.article.text
    assert detail.quotes and all(text[q.start : q.end] == q.text for q in detail.quotes)
    assert all(m.article == detail.article.id for e in detail.entities for m in e.mentions)
    assert any(f.text.startswith("Seven") for f in detail.figures)


def test_article_ids_with_slashes_and_markup(client: TestClient) -> None:
    response = client.get(f"/api/articles/{quote(HOSTILE_ID, safe='')}")
    assert response.status_code == 200
    assert response.json()["article"]["id"] == HOSTILE_ID


def test_entity_across_stories(client: TestClient) -> None:
    story = client.get(f"/api/stories/{baltimore(client)}").json()
    speaker = next(q["speaker_entity"] for q in story["quotes"] if q["speaker_entity"])
    detail = EntityDetail.model_validate(client.get(f"/api/entities/{speaker}").json())
    assert detail.stories.total == 1
    assert detail.quotes and all(q.speaker_entity == speaker for q in detail.quotes)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/stories/story:nothing", 404),
        ("GET", "/api/articles/no-such-article", 404),
        ("GET", "/api/entities/entity:nothing", 404),
        ("GET", "/api/nothing", 404),
        ("GET", "/api/stories?since=last-week", 400),
        ("GET", "/api/stories?page=0", 400),
        ("GET", "/api/stories?sort=random", 400),
        ("POST", "/api/stories", 405),
        ("DELETE", "/api/stories/story:anything", 405),
    ],
)
def test_one_error_shape(client: TestClient, method: str, path: str, status: int) -> None:
    response = client.request(method, path)
    assert response.status_code == status
    error = ErrorBody.model_validate(response.json()).error
    assert error.status == status and error.message.endswith(".")


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/entities/{entity_id}",
    } <= set(spec["paths"])
    assert "Dossier" in spec["components"]["schemas"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/stories/{story_id}" in docs.text
    assert "cdn" not in docs.text.lower()


def test_status(client: TestClient) -> None:
    status = client.get("/api/status").json()
    assert (status["articles"], status["stories"]) == (9, 3)
