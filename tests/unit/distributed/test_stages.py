"""What Ray's workers run, without Ray: read, clean and extract a block of rows into a shard, and the store taking
shards in (once each item, in reading order, only extractions of the stored content)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow", reason="pyarrow comes with Ray (pip install 'rashomon[ray]')")

from rashomon.distributed.stages import FILES, ExtractShards, clean_rows, decode, read_files, shard_files  # noqa: E402
from rashomon.extract.nlp import LanguageModel  # noqa: E402
from rashomon.ingest.inputs import read_file  # noqa: E402
from rashomon.model import Article, Rejected  # noqa: E402
from rashomon.pipeline import clean_item, extractor_version  # noqa: E402
from rashomon.settings import Settings  # noqa: E402
from rashomon.store.database import Store, content_hash  # noqa: E402

BODY = "The ferry ran aground at dawn, the coastguard said. Nobody was hurt.\n\nTugs freed it by noon."


def _inputs(folder: Path) -> list[Path]:
    records = folder / "records.jsonl"
    records.write_text(
        json.dumps({"id": "a", "body": BODY, "published": "2024-05-14"})
        + '\n{"id": "broken", "body": \n'
        + json.dumps({"id": "b", "body": BODY.replace("dawn", "dusk")})
        + "\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return [records, folder / "empty.txt"]


def _cleaned(files: list[Path], settings: Settings) -> pa.Table:
    block = pa.table({"file": list(range(len(files))), "path": [bytes(str(f), "utf-8") for f in files]}, schema=FILES)
    read = read_files(block, settings.ingest, str(Path.cwd()))
    return clean_rows(read, {}, date(2030, 1, 1), settings)


def test_rows_are_what_the_local_engine_makes_with_an_end_row_per_file(tmp_path: Path) -> None:
    settings = Settings()
    files = _inputs(tmp_path)
    rows = _cleaned(files, settings).to_pylist()
    local = [clean_item(i, {}, date(2030, 1, 1), settings) for f in files for i in read_file(f, settings.ingest)]
    items = [r for r in rows if r["kind"] != "end"]
    assert [decode(r["kind"], r["payload"]) for r in items] == local
    assert [(r["file"], r["item"]) for r in rows if r["kind"] == "end"] == [(0, 3), (1, 1)]
    article = next(r for r in items if r["kind"] == "article")
    assert article["content_hash"] == content_hash(decode("article", article["payload"]))


def test_the_store_takes_each_item_once_in_order_and_only_current_extractions(tmp_path: Path) -> None:
    settings = Settings()
    rows = _cleaned(_inputs(tmp_path), settings)
    model = LanguageModel(settings.nlp.model, settings.nlp.batch_size)
    shards = tmp_path / "shards"
    shards.mkdir()
    actor = ExtractShards(settings.nlp.model, 16, extractor_version(model), {}, str(shards))
    written = actor(rows.slice(0, 3))
    actor(rows.slice(0, 3))  # the batch again, as a retried task writes it: it replaces its shard
    actor(rows.slice(3))
    assert written.to_pylist() == [{"items": 3, "articles": 2, "extracted": 2}]
    (name, *_) = shard_files(shards)
    shutil.copy(name, shards / "copy.parquet")  # the same rows twice over: still taken once
    found = list(shard_files(shards))
    assert len(found) == 3
    with Store(tmp_path / "store.duckdb") as store:
        assert store.shard_tally(found) == {0: (3, 3), 1: (1, 1)}
        items = [decode(kind, payload) for kind, payload in store.shard_items(found)]
        assert [i.id if isinstance(i, Article) else "rejected" for i in items] == ["a", "rejected", "b", "rejected"]
        a, b = (i for i in items if isinstance(i, Article))
        store.save_batch([a, Article(id="b", source=b.source, text="Another text under b's id.")], [])
        taken = store.take_in_extractions(found, "v1")
        assert [article for article, _ in taken] == ["a"]  # b's extraction was made from other content
        assert store.stale_extractions("v1") == ["b"]
        assert all(isinstance(i, Rejected) for i in items if not isinstance(i, Article))
