"""`rashomon analyze --engine ray` on a local Ray cluster of 2 CPUs: the local engine's dossier byte for byte, on the
demo and on a slice of ECB+ with bad inputs among it, also when a worker is killed mid-run.

One cluster serves every Ray test of the session (they are all here) and is shut down with this module, before the
rest of the suite: a process that holds a Ray connection must not fork, and other tests fork worker processes.
Skipped, saying why, where Ray is not installed or cannot start. The whole of ECB+ is compared by
`benchmarks/distributed.py --ecbplus`.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rashomon.analysis import analyze, demo_inputs
from rashomon.cli import main
from rashomon.settings import load_settings
from tests.conftest import shared_path

ECBPLUS_TOPICS = {2, 3}  # 41 documents: stories of several articles, and under `nlp.parallel_from`


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'rashomon[ray]')")
    try:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    except Exception as error:  # any failure to start is a reason to skip, named
        pytest.skip(f"Ray cannot start here: {type(error).__name__}: {error}")
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def ecbplus_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two ECB+ topics as JSON Lines records, among them a broken line and a second record under one id, and two
    files that are no articles."""
    rows = [json.loads(line) for line in shared_path("corpus", "ecbplus", "ecbplus_docs.jsonl").open(encoding="utf-8")]
    chosen = [r for r in rows if r["topic"] in ECBPLUS_TOPICS]
    folder = tmp_path_factory.mktemp("ecbplus")
    lines = [json.dumps({"id": r["doc_id"], "body": r["text"]}) for r in chosen]
    lines.insert(5, '{"id": "broken", "body": ')
    lines.append(json.dumps({"id": chosen[0]["doc_id"], "body": "The same id again, another text."}))
    (folder / "ecbplus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "junk.html").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ecbplus_local(ecbplus_inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("local")
    analyze([ecbplus_inputs], out=out, settings=load_settings())
    return (out / "dossier.json").read_bytes()


@pytest.mark.usefixtures("ray_cluster")
def test_demo_dossier_is_the_local_one(tmp_path: Path) -> None:
    analyze(demo_inputs(), out=tmp_path / "local", settings=load_settings())
    demo = [str(p) for p in demo_inputs()]
    assert main(["--quiet", "analyze", *demo, "--out", str(tmp_path / "ray"), "--engine", "ray"], io.StringIO()) == 0
    assert (tmp_path / "ray" / "dossier.json").read_bytes() == (tmp_path / "local" / "dossier.json").read_bytes()
    assert not list((tmp_path / "ray").glob("*.shards-*")), "the shards are removed once taken in"


@pytest.mark.usefixtures("ray_cluster")
def test_ecbplus_dossier_is_the_local_one(ecbplus_inputs: Path, ecbplus_local: bytes, tmp_path: Path) -> None:
    settings = load_settings(overrides={"engine": {"name": "ray"}})
    analysis = analyze([ecbplus_inputs], out=tmp_path, settings=settings)
    assert (tmp_path / "dossier.json").read_bytes() == ecbplus_local
    reasons = " ".join(r.reason for r in analysis.dossier.rejected)
    assert "already read in this run" in reasons
    assert len(analysis.dossier.rejected) >= 4  # the broken line, the second id, the junk and the empty file
    assert sum(len(s.articles) > 1 for s in analysis.dossier.stories) >= 3
    again = analyze([ecbplus_inputs], out=tmp_path, settings=settings)
    assert (again.run.added, again.run.updated) == (0, 0)
    assert next(s for s in again.run.stages if s.name == "extract").items_in == 0


def _extract_actors() -> list[int]:
    """Process ids of this session's Ray actors that parse and extract (children of the Ray it started)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            grandparent = int((Path("/proc") / str(parent) / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if b"ExtractShards" in command and grandparent == os.getpid():
            found.append(int(entry.name))
    return found


@pytest.mark.usefixtures("ray_cluster")
def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(
    ecbplus_inputs: Path, ecbplus_local: bytes, tmp_path: Path
) -> None:
    if not Path("/proc/self/stat").exists():
        pytest.skip("finding Ray's worker processes reads /proc (Linux)")
    settings = load_settings(overrides={"engine": {"name": "ray", "batch_size": 2}})
    killed: list[tuple[int, int]] = []  # (the actor's process id, the shards written before)
    done = threading.Event()

    def kill_after_the_first_shard() -> None:
        while not done.is_set():
            shards = list(tmp_path.glob("rashomon.duckdb.shards-*/*.parquet"))
            actors = _extract_actors()
            if shards and actors:
                os.kill(actors[0], signal.SIGKILL)
                killed.append((actors[0], len(shards)))
                return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_after_the_first_shard)
    killer.start()
    try:
        analyze([ecbplus_inputs], out=tmp_path, settings=settings)
    finally:
        done.set()
        killer.join()
    assert killed, "no worker was killed: the run ended first"
    assert killed[0][1] < 20, "the worker was killed after most shards were written"
    assert (tmp_path / "dossier.json").read_bytes() == ecbplus_local


def test_address_needs_the_ray_engine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo = [str(p) for p in demo_inputs()]
    assert main(["--quiet", "analyze", *demo, "--out", str(tmp_path / "out"), "--address", "auto"]) == 2
    assert "--engine ray" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_without_ray_the_ray_engine_says_how_to_install_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    found = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "ray" else found(name, *a))
    demo = [str(p) for p in demo_inputs()]
    assert main(["--quiet", "analyze", *demo, "--out", str(tmp_path / "out"), "--engine", "ray"]) == 2
    assert "pip install 'rashomon[ray]'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_cluster_that_does_not_answer_stops_the_run_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'rashomon[ray]')")
    demo = [str(p) for p in demo_inputs()]
    out = str(tmp_path / "out")
    assert main(["--quiet", "analyze", *demo, "--out", out, "--engine", "ray", "--address", "127.0.0.1:1"]) == 2
    assert "does not answer" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
