"""Copies of a live store: never while a process writes it, and a new copy once a run has changed it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from rashomon.web import snapshot

HOLD = """
import sys, time, duckdb
connection = duckdb.connect(sys.argv[1])
connection.execute("INSERT INTO t VALUES (2)")
print("holding", flush=True)
time.sleep(60)
"""


@pytest.fixture
def live(tmp_path: Path) -> Path:
    path = tmp_path / "live.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("CREATE TABLE t (a INTEGER)")
        connection.execute("INSERT INTO t VALUES (1)")
    return path


def test_copy_of_a_quiet_store(live: Path, tmp_path: Path) -> None:
    assert snapshot.writer_pid(live) is None
    copy = snapshot.take_copy(live, tmp_path / "copies")
    assert copy is not None
    with duckdb.connect(str(copy), read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM t").fetchone() == (1,)
    snapshot.discard(copy)
    assert not copy.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the writer's lock is asked for on Linux only")
def test_no_copy_while_a_process_writes(live: Path, tmp_path: Path) -> None:
    writer = subprocess.Popen([sys.executable, "-c", HOLD, str(live)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "holding"
        assert snapshot.writer_pid(live) == writer.pid
        assert snapshot.take_copy(live, tmp_path / "copies") is None
    finally:
        writer.kill()
        writer.wait()
    deadline = time.monotonic() + 10
    while snapshot.writer_pid(live) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    copy = snapshot.take_copy(live, tmp_path / "copies")
    assert copy is not None  # the killed writer's log comes along
    with duckdb.connect(str(copy), read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM t").fetchone() in {(1,), (2,)}


def test_missing_store(tmp_path: Path) -> None:
    assert snapshot.take_copy(tmp_path / "none.duckdb", tmp_path / "copies") is None
    assert snapshot.store_state(tmp_path / "none.duckdb") == (None, None)
