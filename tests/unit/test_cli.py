"""The command line: exit statuses, outputs, idempotent re-runs."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rashomon.cli import main

BODY = (
    "The city council voted on Monday to close the old harbour bridge to lorries after engineers found cracks in "
    "two of its piers. Council leader Ann Field said the closure would last until repairs are finished next year."
)


def _run(*argv: str) -> tuple[int, str]:
    printed = io.StringIO()
    return main(["--quiet", *argv], stream=printed), printed.getvalue()


def test_analyze_writes_reports_and_rerun_changes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps(
            {
                "id": "bridge-1",
                "title": "Bridge closed",
                "published": "2024-05-06",
                "outlet": "Harbour Herald",
                "body": BODY,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    status, printed = _run("analyze", str(source), "--out", str(out))
    assert status == 0, printed
    assert "Read 1 new" in printed
    first = (out / "dossier.json").read_bytes()
    assert json.loads(first)["articles"][0]["text"] == BODY
    status, printed = _run("analyze", str(source), "--out", str(out))
    assert status == 0
    assert "0 new, 0 changed and 1 unchanged" in printed
    assert (out / "dossier.json").read_bytes() == first
    assert (out / "rashomon.duckdb").exists()


def test_nothing_readable_exits_2(tmp_path: Path, capsys: object) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    status, _ = _run("analyze", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"))
    assert status == 2
    assert not (tmp_path / "out" / "dossier.json").exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _run("analyze", "--out", str(tmp_path))[0] == 2
    assert _run("frobnicate")[0] == 2


def test_schema_command_prints_the_schema() -> None:
    status, printed = _run("schema")
    assert status == 0
    assert json.loads(printed)["properties"]["schema_version"]["const"] == "1"
