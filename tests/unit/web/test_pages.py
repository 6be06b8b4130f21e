"""The HTML pages: every page answers, works without script, and names its JSON twin."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient


def first_story(client: TestClient, **params: object) -> str:
    found = client.get("/api/stories", params=params).json()
    return str(found["stories"][0]["id"])


def test_stories_page_lists_filters_and_pages(client: TestClient) -> None:
    page = client.get("/", params={"q": "bridge", "conflicts": "1"})
    assert page.status_code == 200
    assert "Key Bridge collapses" in page.text
    assert '<input id="conflicts" type="checkbox" name="conflicts" value="1" checked>' in page.text
    assert 'href="/api/stories?q=bridge&amp;conflicts=1"' in page.text  # its JSON twin
    assert '<option value="The Harbor Ledger">' in page.text  # outlets suggested
    assert "No story matches" in client.get("/", params={"q": "zebrafish"}).text


def test_story_page_is_the_report_section_with_links(client: TestClient) -> None:
    story_id = first_story(client, q="bridge")
    page = client.get(f"/stories/{quote(story_id, safe='')}")
    assert page.status_code == 200
    assert "Where outlets conflict" in page.text  # the report's own sections
    assert re.search(r'<a class="src" href="#s-[\w-]+">', page.text)  # statements link to their sentences
    assert re.search(r'<span id="s-[\w-]+" class="[\w -]*(corroborated|conflicting)', page.text)
    assert 'href="/articles/02_harbor_ledger.txt"' in page.text
    assert 'href="/entities/entity' in page.text
    assert '<link rel="stylesheet" href="/static/report.css">' in page.text


def test_article_page_marks_its_annotations(client: TestClient) -> None:
    page = client.get("/articles/02_harbor_ledger.txt")
    assert page.status_code == 200
    for kind in ("entity", "quote", "figure", "time"):
        assert f'class="hl-{kind}' in page.text or f"hl-{kind} " in page.text
    assert 'id="figure-' in page.text and 'href="#figure-' in page.text
    assert "Kept out of the body" in page.text


def test_article_page_shows_removed_debris_and_where_values_came_from(client: TestClient) -> None:
    page = client.get("/articles/02_harbor_ledger.txt")
    assert "Removed as debris (" in page.text
    assert "<li>Support The Harbor Ledger!</li>" in page.text
    detail = client.get("/api/articles/02_harbor_ledger.txt").json()
    assert "Support The Harbor Ledger!" in detail["removed"]
    assert detail["removed_total"] >= len(detail["removed"]) > 0
    assert detail["provenance"]["title"] == "the page's title line"
    assert detail["provenance"]["outlet"] == "the page's own words"
    jsonl = client.get("/api/articles/tidewater-2024-03-27-key-bridge").json()
    assert jsonl["provenance"]["outlet"] == "given with the input"


def test_entity_page(client: TestClient) -> None:
    story = client.get(f"/api/stories/{first_story(client, q='bridge')}").json()
    entity = next(e for e in story["entities"] if e["type"] == "PERSON")
    page = client.get(f"/entities/{quote(entity['id'], safe='')}")
    assert page.status_code == 200
    assert entity["name"] in page.text
    assert "Key Bridge collapses" in page.text


@pytest.mark.parametrize("path", ["/stories/story:gone", "/articles/gone", "/entities/gone", "/nowhere"])
def test_missing_pages_are_pages(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "All stories" in page.text


def test_style_sheets_are_files(client: TestClient) -> None:
    for name in ("report.css", "web.css"):
        sheet = client.get(f"/static/{name}")
        assert sheet.status_code == 200 and sheet.headers["content-type"].startswith("text/css")
    assert ".corroborated" in client.get("/static/report.css").text


def test_quotes_interrupted_by_their_attribution_show_as_two_pieces_on_article_and_entity_pages(
    client: TestClient,
) -> None:
    """The demo's mayor: "... tumble down like that," Baltimore Mayor Brandon Scott told reporters. "It looked ...";
    the article and entity pages show the quote as the report does, without the attribution inside it."""
    shown = "tumble down like that … It looked like something out of an action movie"
    article = client.get("/articles/01_continental_wire.txt")
    assert shown in article.text
    detail = client.get("/api/articles/01_continental_wire.txt").json()
    mayor = next(q for q in detail["quotes"] if q["speaker"] == "Brandon Scott" and "action movie" in q["text"])
    assert "told reporters" in mayor["text"]  # the API keeps the span as stored
    entity = client.get(f"/entities/{quote(mayor['speaker_entity'], safe='')}")
    assert shown in entity.text
    assert "Brandon Scott told reporters" not in entity.text.split("What Brandon Scott is quoted saying")[1]
