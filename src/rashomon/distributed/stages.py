"""The per-article stages as Ray's workers run them, a block of rows at a time: read, clean, then parse and extract
into a Parquet shard.

Plain functions and one class that import no Ray: Ray Data calls them on blocks (pyarrow tables), and each does to
every item exactly what the local engine does (`ingest.read_file`, `pipeline.clean_item`,
`workers.extract_stored`), so the store ends up the same. Rows carry where their item was read (``file``, the
input's number; ``item``, its place in the file) so the driver takes them in reading order whatever order they
finish in; each file ends with an ``end`` row giving its number of items, so a lost item is noticed.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import uuid
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]
from threadpoolctl import threadpool_limits

from rashomon.extract.nlp import LanguageModel
from rashomon.ingest.inputs import read_file
from rashomon.model import Article, Rejected
from rashomon.pipeline import clean_item, extractor_version
from rashomon.settings import IngestSettings, Settings
from rashomon.store.database import content_hash, packed
from rashomon.store.records import from_json, to_json
from rashomon.workers import extract_stored

# An input file to read: its number among the run's files and its path (bytes: a file name need not be UTF-8).
FILES = pa.schema([("file", pa.int64()), ("path", pa.binary())])
# An item as read (a pickled `RawDocument` or `Rejected`, kind 'item'), or a file's end row.
READ = pa.schema([("file", pa.int64()), ("item", pa.int64()), ("kind", pa.string()), ("payload", pa.binary())])
# An item as cleaned: kind 'article' or 'rejected' with its JSON, or 'end'; an article's id and content hash.
CLEANED = pa.schema([*READ, ("id", pa.string()), ("content_hash", pa.string())])
# A shard: the cleaned rows, an article's extraction where it was made (compressed JSON) and the steps that failed.
SHARD = pa.schema([*CLEANED, ("body", pa.binary()), ("issues", pa.list_(pa.string()))])
# What an actor reports for each shard it wrote.
WRITTEN = pa.schema([("items", pa.int64()), ("articles", pa.int64()), ("extracted", pa.int64())])


def encode(value: Any) -> bytes:
    """A result as JSON bytes; lone surrogates (kept by some inputs' metadata) survive the trip."""
    return to_json(value).encode("utf-8", "surrogatepass")


def decode(kind: str, payload: bytes) -> Article | Rejected:
    """An item of a shard back as `clean_item` made it."""
    text = payload.decode("utf-8", "surrogatepass")
    return from_json(Article, text) if kind == "article" else from_json(Rejected, text)


def _columns(schema: pa.Schema) -> dict[str, list[Any]]:
    return {name: [] for name in schema.names}


def read_files(batch: pa.Table, settings: IngestSettings, cwd: str) -> pa.Table:
    """Every item of each file in the batch (its articles' raw documents and its rejected records), and an end row.

    Read from the driver's working folder, where it exists here, so a relative path names its articles' source as
    it does locally."""
    out = _columns(READ)
    here = contextlib.chdir(cwd) if Path(cwd).is_dir() else contextlib.nullcontext()
    with here:
        for number, path in zip(batch["file"].to_pylist(), batch["path"].to_pylist(), strict=True):
            count = 0
            for count, item in enumerate(read_file(Path(os.fsdecode(path)), settings), start=1):
                _add(out, file=number, item=count - 1, kind="item", payload=pickle.dumps(item))
            _add(out, file=number, item=count, kind="end", payload=b"")
    return pa.table(out, schema=READ)


def _add(columns: dict[str, list[Any]], **values: Any) -> None:
    for name, column in columns.items():
        column.append(values.get(name))


def clean_rows(batch: pa.Table, shared: Mapping[str, Mapping[str, int]], latest: date, settings: Settings) -> pa.Table:
    """Each read item cleaned (`pipeline.clean_item`): an article with its id and content hash, or a rejection."""
    out = _columns(CLEANED)
    for row in batch.to_pylist():
        if row["kind"] == "end":
            _add(out, **row)
            continue
        cleaned = clean_item(pickle.loads(row["payload"]), shared, latest, settings)
        if isinstance(cleaned, Article):
            _add(
                out,
                **row | {"kind": "article", "payload": encode(cleaned)},
                id=cleaned.id,
                content_hash=content_hash(cleaned),
            )
        else:
            _add(out, **row | {"kind": "rejected", "payload": encode(cleaned)})
    return pa.table(out, schema=CLEANED)


class ExtractShards:
    """A Ray actor's work: holds the language model, parses and extracts the articles of each batch whose current
    extraction is not stored, and writes the batch as one Parquet shard; returns what it wrote."""

    def __init__(self, model: str, batch_size: int, version: str, extracted: Mapping[str, str], folder: str) -> None:
        # One thread for numpy's matrix products: the actors already keep every core busy.
        threadpool_limits(limits=1)
        self.model = LanguageModel(model, batch_size)
        if extractor_version(self.model) != version:
            raise RuntimeError(
                f"This Ray worker's extractor is {extractor_version(self.model)}, the run's {version}: install the "
                "same rashomon and language model on every node."
            )
        self.extracted = extracted  # article id -> the content hash of its stored extraction by this version
        self.folder = Path(folder)

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows = batch.to_pylist()
        todo = [
            n
            for n, row in enumerate(rows)
            if row["kind"] == "article" and self.extracted.get(row["id"]) != row["content_hash"]
        ]
        articles = [from_json(Article, rows[n]["payload"].decode("utf-8", "surrogatepass")) for n in todo]
        made = extract_stored(self.model, articles)
        out = _columns(SHARD)
        found = dict(zip(todo, made, strict=True))
        for n, row in enumerate(rows):
            body = found.get(n)
            _add(out, **row, body=packed(body[1]) if body else None, issues=list(body[2]) if body else [])
        self._write(pa.table(out, schema=SHARD), rows)
        items = sum(1 for row in rows if row["kind"] != "end")
        articles_in = sum(1 for row in rows if row["kind"] == "article")
        return pa.table({"items": [items], "articles": [articles_in], "extracted": [len(todo)]}, schema=WRITTEN)

    def _write(self, table: pa.Table, rows: list[dict[str, Any]]) -> None:
        """Written whole or not at all (a killed actor leaves a temporary file only), under a name given by its first
        row, so a batch written again (a retried task) replaces its earlier shard."""
        first = min((row["file"], row["item"]) for row in rows)
        name = f"{first[0]:09d}-{first[1]:09d}.parquet"
        partial = self.folder / f".{name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.partial"
        pq.write_table(table, partial)
        partial.replace(self.folder / name)


def shard_files(folder: Path) -> Iterator[str]:
    """The finished shards in a folder, by name."""
    yield from (str(path) for path in sorted(folder.glob("*.parquet")))
