"""Article content is hostile input: it is escaped everywhere, never runs, never links to script. The server only
reads, refuses other hosts without a token, checks the token on every request, and reads no path from a request."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from rashomon.web import ServeSettings
from rashomon.web.present import BIDI_CONTROLS
from tests.unit.web.conftest import client_for
from tests.unit.web.stores import HOSTILE_ID

HOSTILE_PATH = f"/articles/{quote(HOSTILE_ID, safe='')}"


def hostile_pages(client: TestClient) -> list[str]:
    story = client.get(HOSTILE_PATH.replace("/articles/", "/api/articles/")).json()["story"]
    entities = client.get(f"/api/stories/{quote(story['id'], safe='')}").json()["entities"]
    return [
        "/",
        "/?q=ferry",
        story["page"],
        HOSTILE_PATH,
        *(f"/entities/{quote(e['id'], safe='')}" for e in entities),
    ]


def test_hostile_content_is_escaped_and_inert(client: TestClient) -> None:
    for path in hostile_pages(client):
        page = client.get(path)
        assert page.status_code == 200, path
        text = page.text
        assert "<script" not in text, path
        assert "<img" not in text and "onerror=alert" not in text.replace("onerror=alert(&#39;", ""), path
        assert 'href="javascript:' not in text.lower() and "href='javascript:" not in text.lower(), path
        assert not BIDI_CONTROLS.search(text), path
    article = client.get(HOSTILE_PATH).text
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in article
    assert "<code>javascript:alert(&#39;url&#39;)</code> (not a web address: not a link)" in article
    assert "\ufffdgnp\ufffd" in article  # the override shown, not obeyed


def test_every_response_forbids_inline_script(client: TestClient) -> None:
    for path in ["/", HOSTILE_PATH, "/api/stories", "/docs", "/openapi.json", "/static/web.css", "/nowhere"]:
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"], path
        assert "default-src 'none'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff", path


@pytest.mark.parametrize(
    "path",
    [
        "/static/..%2F..%2F..%2Fetc%2Fpasswd",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/../templating.py",
        "/articles/..%2F..%2F..%2Fetc%2Fpasswd",
        "/stories/..%2Frashomon.duckdb",
    ],
)
def test_no_path_reaches_the_file_system(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text and "[project]" not in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"q": "' OR 1=1 --"},
        {"q": 'bridge" OR "x'},
        {"q": "NEAR(a b) AND ( title: *"},
        {"outlet": "x' OR '1'='1"},
        {"entity": "'); DROP TABLE stories; --"},
    ],
)
def test_request_text_is_never_sql(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/stories", params=params)
    assert response.status_code == 200
    assert client.get("/api/status").json()["stories"] == 3


def test_other_hosts_are_refused_without_a_token(client: TestClient) -> None:
    response = client.get("/api/stories", headers={"host": "rebound.example:8000"})
    assert response.status_code == 421
    assert response.json()["error"]["status"] == 421


def test_token_checked_on_every_request(web_store: Path, tmp_path: Path) -> None:
    settings = ServeSettings(db=web_store, host="0.0.0.0", token="s3cret-token", cache=tmp_path)
    with client_for(settings, host="203.0.113.9:8000") as remote:
        assert remote.get("/api/stories").status_code == 401
        assert remote.get("/").status_code == 401
        assert remote.get("/api/stories", headers={"authorization": "Bearer wrong"}).status_code == 401
        assert remote.get("/api/stories", headers={"authorization": "Bearer s3cret-token"}).status_code == 200
        first = remote.get("/?token=s3cret-token&q=bridge", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/?q=bridge"
        assert "httponly" in first.headers["set-cookie"].lower()
        assert remote.get("/?q=bridge").status_code == 200  # the cookie carries it from then on
