"""The embedded store (DuckDB): articles, rejected inputs, cached parses and the latest dossier.

The only module that speaks SQL. Writes are upserts keyed by deterministic ids, one transaction per batch, so a
run killed half-way leaves whole batches behind and re-running the same inputs changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from rashomon.errors import StoreError
from rashomon.model import Article, Rejected, describe_input

SCHEMA_VERSION = 2

_DDL = (
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, source VARCHAR NOT NULL, text VARCHAR NOT NULL,
        title VARCHAR, published VARCHAR, outlet VARCHAR, byline VARCHAR, url VARCHAR,
        relays VARCHAR NOT NULL, captions VARCHAR NOT NULL, language VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS rejected (input VARCHAR PRIMARY KEY, reason VARCHAR NOT NULL)",
    """CREATE TABLE IF NOT EXISTS parses (
        article_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, model VARCHAR NOT NULL, doc BLOB NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS dossier (id INTEGER PRIMARY KEY, body VARCHAR NOT NULL)",
    # Which lines each page of flattened text holds, by site: cleaning counts the pages of a site sharing a line.
    """CREATE TABLE IF NOT EXISTS page_lines (
        site VARCHAR NOT NULL, line_key VARCHAR NOT NULL, document VARCHAR NOT NULL,
        PRIMARY KEY (site, line_key, document))""",
)
_ARTICLE_COLUMNS = "id, content_hash, source, text, title, published, outlet, byline, url, relays, captions, language"
# What each older schema version lacks, in order: a store of version N runs _MIGRATIONS[N - 1:].
_MIGRATIONS = ("ALTER TABLE articles ADD COLUMN IF NOT EXISTS language VARCHAR",)


def _article_row(article: Article) -> list[str | None]:
    """The stored columns of an article after ``id`` and ``content_hash``, in `_ARTICLE_COLUMNS` order."""
    return [
        article.source,
        article.text,
        article.title,
        article.published,
        article.outlet,
        article.byline,
        article.url,
        json.dumps(list(article.relays)),
        json.dumps(list(article.captions)),
        article.language,
    ]


def content_hash(article: Article) -> str:
    """A digest of everything cleaning produced for an article; equal digests mean nothing changed."""
    return hashlib.sha256(json.dumps(_article_row(article)).encode()).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class SaveResult:
    """What saving a batch of articles did."""

    added: int
    updated: int
    unchanged: int
    conflicts: tuple[Rejected, ...]


class Store:
    """A DuckDB file holding everything a run needs to be repeated or extended."""

    def __init__(self, path: Path | None) -> None:
        """Open (or create) the store at ``path``; None keeps it in memory."""
        self.path = path
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.connection = duckdb.connect(str(path) if path is not None else ":memory:")
        except duckdb.Error as error:
            raise StoreError(f"The store {path} cannot be opened: {error}") from error
        for statement in _DDL:
            self.connection.execute(statement)
        self._check_version()

    def _check_version(self) -> None:
        row = self.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.connection.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        elif int(row[0]) > SCHEMA_VERSION:
            raise StoreError(
                f"The store {self.path} has schema version {row[0]}, from a newer rashomon; this one reads versions "
                f"up to {SCHEMA_VERSION}."
            )
        elif int(row[0]) < SCHEMA_VERSION:
            # An older store gains the new columns, empty until its articles are cleaned again; nothing is lost.
            with self.transaction():
                for statement in _MIGRATIONS[int(row[0]) - 1 :]:
                    self.connection.execute(statement)
                self.connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.connection.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def save_batch(self, articles: Sequence[Article], rejected: Sequence[Rejected]) -> SaveResult:
        """Upsert a batch of articles and rejected inputs in one transaction.

        An article whose id is already stored from another source with other text is not stored: it comes back
        as a conflict, so nothing stored is overwritten by a different article that happens to share its id.
        """
        added = updated = unchanged = 0
        conflicts: list[Rejected] = []
        with self.transaction():
            for article in articles:
                digest = content_hash(article)
                row = self.connection.execute(
                    "SELECT source, content_hash FROM articles WHERE id = ?", [article.id]
                ).fetchone()
                if row is not None and row[1] == digest:
                    unchanged += 1
                    continue
                if row is not None and row[0] != article.source:
                    conflicts.append(
                        Rejected(
                            input=describe_input(article.source, article.id),
                            reason=f"An article with id {article.id!r} is already stored from {row[0]}; ids must be "
                            "unique (rename the file, or give the JSONL record another id).",
                        )
                    )
                    continue
                self._upsert_article(article, digest)
                added, updated = (added + 1, updated) if row is None else (added, updated + 1)
            # First forget earlier rejections of inputs that now read, then record this batch's own.
            self.connection.execute(
                "DELETE FROM rejected WHERE input IN (SELECT unnest(?::VARCHAR[]))", [[a.source for a in articles]]
            )
            for item in [*rejected, *conflicts]:
                self.connection.execute("INSERT OR REPLACE INTO rejected VALUES (?, ?)", [item.input, item.reason])
        return SaveResult(added=added, updated=updated, unchanged=unchanged, conflicts=tuple(conflicts))

    def _upsert_article(self, article: Article, digest: str) -> None:
        self.connection.execute(
            f"INSERT OR REPLACE INTO articles ({_ARTICLE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article.id, digest, *_article_row(article)],
        )

    def articles(self) -> list[Article]:
        rows = self.connection.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id").fetchall()
        return [
            Article(
                id=r[0],
                source=r[2],
                text=r[3],
                title=r[4],
                published=r[5],
                outlet=r[6],
                byline=r[7],
                url=r[8],
                relays=tuple(json.loads(r[9])),
                captions=tuple(json.loads(r[10])),
                language=r[11],
            )
            for r in rows
        ]

    def rejected(self) -> list[Rejected]:
        rows = self.connection.execute("SELECT input, reason FROM rejected ORDER BY input").fetchall()
        return [Rejected(input=r[0], reason=r[1]) for r in rows]

    def cached_parses(self, model: str) -> dict[str, tuple[str, bytes]]:
        """Cached parses made by ``model``: article id -> (content hash it was made from, serialised doc)."""
        rows = self.connection.execute(
            "SELECT article_id, content_hash, doc FROM parses WHERE model = ?", [model]
        ).fetchall()
        return {r[0]: (r[1], bytes(r[2])) for r in rows}

    def save_parses(self, model: str, parses: Iterable[tuple[str, str, bytes]]) -> None:
        """Cache parses, one transaction: (article id, content hash, serialised doc)."""
        with self.transaction():
            for article_id, digest, doc in parses:
                self.connection.execute(
                    "INSERT OR REPLACE INTO parses VALUES (?, ?, ?, ?)", [article_id, digest, model, doc]
                )

    def save_page_lines(self, pages: Mapping[str, tuple[str, Iterable[str]]]) -> None:
        """Record the line keys of pages, one transaction: document id -> (site, its line keys). A page's earlier
        lines are replaced, so the table holds each document's latest lines once."""
        documents = sorted(pages)
        rows = sorted((pages[d][0], key, d) for d in documents for key in set(pages[d][1]))
        with self.transaction():
            self.connection.execute(
                "DELETE FROM page_lines WHERE document IN (SELECT unnest(?::VARCHAR[]))", [documents]
            )
            if rows:
                self.connection.execute(
                    "INSERT INTO page_lines SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                    [[r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]],
                )

    def shared_lines(self) -> dict[str, dict[str, int]]:
        """Per site, how many stored pages hold each line that more than one of them holds."""
        rows = self.connection.execute(
            "SELECT site, line_key, count(*) FROM page_lines GROUP BY site, line_key HAVING count(*) > 1"
        ).fetchall()
        shared: dict[str, dict[str, int]] = {}
        for site, key, count in rows:
            shared.setdefault(site, {})[key] = int(count)
        return shared

    def content_hashes(self) -> dict[str, str]:
        rows = self.connection.execute("SELECT id, content_hash FROM articles").fetchall()
        return {r[0]: r[1] for r in rows}

    def save_dossier(self, body: dict[str, Any]) -> None:
        with self.transaction():
            self.connection.execute("INSERT OR REPLACE INTO dossier VALUES (1, ?)", [json.dumps(body)])

    def dossier(self) -> dict[str, Any] | None:
        row = self.connection.execute("SELECT body FROM dossier WHERE id = 1").fetchone()
        return json.loads(row[0]) if row else None

    def counts(self) -> dict[str, int]:
        tables = ("articles", "rejected", "parses")
        counts = {}
        for table in tables:
            row = self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        return counts
