"""A store of the demo corpus and a hostile article, analysed once per session, and the real app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rashomon.analysis import analyze, demo_inputs
from rashomon.web import ServeSettings, create_app
from tests.unit.web.stores import HOSTILE, write_records


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web-store")
    hostile = write_records(folder / "inputs", "hostile.jsonl", [HOSTILE])
    analyze([*demo_inputs(), hostile], out=folder / "out")
    return folder / "out" / "rashomon.duckdb"


def client_for(settings: ServeSettings, host: str = "127.0.0.1") -> TestClient:
    return TestClient(create_app(settings), base_url=f"http://{host}")


@pytest.fixture(scope="module")
def client(web_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = ServeSettings(db=web_store, cache=tmp_path_factory.mktemp("web-cache"))
    with client_for(settings) as test_client:
        yield test_client
