"""`rashomon serve`: what it refuses before listening."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from rashomon.cli import main


def test_beyond_loopback_needs_a_token(web_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(web_store), "--host", "0.0.0.0"], stream=io.StringIO()) == 2
    assert "--token" in capsys.readouterr().err


def test_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")], stream=io.StringIO()) == 2
    assert "There is no store at" in capsys.readouterr().err


def test_a_file_that_is_no_store_is_refused_before_listening(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = tmp_path / "articles.jsonl"
    records.write_text('{"id": "a", "body": "text"}\n', encoding="utf-8")
    assert main(["serve", "--db", str(records)], stream=io.StringIO()) == 2
    assert "is not a store" in capsys.readouterr().err


def test_bad_port(web_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(web_store), "--port", "70000"], stream=io.StringIO()) == 2
    assert "port" in capsys.readouterr().err
