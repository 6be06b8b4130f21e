"""The embedded store (DuckDB): articles, rejected inputs, cached parses and the latest dossier.

The only module that speaks SQL. Writes are upserts keyed by deterministic ids, one transaction per batch, so a
run killed half-way leaves whole batches behind and re-running the same inputs changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from rashomon.errors import StoreError
from rashomon.model import Article, Rejected, describe_input

SCHEMA_VERSION = 3

_DDL = (
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, source VARCHAR NOT NULL, text VARCHAR NOT NULL,
        title VARCHAR, published VARCHAR, outlet VARCHAR, byline VARCHAR, url VARCHAR,
        relays VARCHAR NOT NULL, captions VARCHAR NOT NULL, language VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS rejected (input VARCHAR PRIMARY KEY, reason VARCHAR NOT NULL)",
    # Each article's extraction (`extract.annotate.ArticleExtraction` as JSON), valid while its content hash and the
    # extractor's version match.
    """CREATE TABLE IF NOT EXISTS extractions (
        article_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, version VARCHAR NOT NULL,
        body VARCHAR NOT NULL)""",
    # The hash-sampled shingles of each article's text (`stories.dedup.fingerprints`), for finding copies.
    "CREATE TABLE IF NOT EXISTS fingerprints (article_id VARCHAR NOT NULL, fingerprint BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS copies (copy VARCHAR PRIMARY KEY, original VARCHAR NOT NULL)",
    # The story index (`stories.index.StoryIndex`) with the digest of the settings it was built with: in a file
    # beside the store (``file``, its name) when the store is a file, since DuckDB writes a large value far more
    # slowly than the file system does; else in ``data``.
    """CREATE TABLE IF NOT EXISTS story_index (
        id INTEGER PRIMARY KEY, settings VARCHAR NOT NULL, data BLOB NOT NULL, file VARCHAR)""",
    # The articles the saved index holds, so a run with nothing new need not read the index at all.
    "CREATE TABLE IF NOT EXISTS indexed (article_id VARCHAR PRIMARY KEY)",
    # One row per current story: its members and everything derived from them (`StoryResult` as JSON).
    # ``basis`` digests what the result was derived from (members' content, extractor, settings).
    # ``size``, ``day`` and ``outlets`` are what a selection of stories looks at (`render.selection.StoryEntry`).
    """CREATE TABLE IF NOT EXISTS stories (
        id VARCHAR PRIMARY KEY, basis VARCHAR NOT NULL, members VARCHAR[] NOT NULL, size INTEGER NOT NULL, day DATE,
        outlets VARCHAR[] NOT NULL, body VARCHAR NOT NULL)""",
    # Which lines each page of flattened text holds, by site: cleaning counts the pages of a site sharing a line.
    """CREATE TABLE IF NOT EXISTS page_lines (
        site VARCHAR NOT NULL, line_key VARCHAR NOT NULL, document VARCHAR NOT NULL,
        PRIMARY KEY (site, line_key, document))""",
    # Each article's sentence embeddings (float16 rows), kept so a story that grows embeds only its new articles;
    # ``basis`` names the content, extraction and encoder they were made from.
    """CREATE TABLE IF NOT EXISTS sentence_vectors (
        article VARCHAR PRIMARY KEY, basis VARCHAR NOT NULL, width INTEGER NOT NULL, vectors BLOB NOT NULL)""",
)
_ARTICLE_COLUMNS = "id, content_hash, source, text, title, published, outlet, byline, url, relays, captions, language"
# What each older schema version lacks, in order: a store of version N runs _MIGRATIONS[N - 1:].
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    ("ALTER TABLE articles ADD COLUMN IF NOT EXISTS language VARCHAR",),
    # Parses and the whole dossier were cached before extraction results were stored per article and story.
    ("DROP TABLE IF EXISTS parses", "DROP TABLE IF EXISTS dossier"),
)


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


def _article(row: Sequence[Any]) -> Article:
    return Article(
        id=row[0],
        source=row[2],
        text=row[3],
        title=row[4],
        published=row[5],
        outlet=row[6],
        byline=row[7],
        url=row[8],
        relays=tuple(json.loads(row[9])),
        captions=tuple(json.loads(row[10])),
        language=row[11],
    )


def content_hash(article: Article) -> str:
    """A digest of everything cleaning produced for an article; equal digests mean nothing changed."""
    return hashlib.sha256(json.dumps(_article_row(article)).encode()).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryRow:
    """One story as stored: its result (JSON), the digest of what it was derived from, and what selections read."""

    id: str
    basis: str
    members: tuple[str, ...]
    day: date | None
    outlets: frozenset[str]
    body: str


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
            for statement in _DDL:
                self.connection.execute(statement)
            self._check_version()
        except duckdb.Error as error:
            if hasattr(self, "connection"):
                self.connection.close()
            raise StoreError(
                f"The store {path} cannot be opened ({type(error).__name__}: {error}). If another rashomon run is "
                "using it, wait for that run to end; if the file is damaged or cut short, move it away and analyse "
                "the inputs again into a new store."
            ) from error

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
                for step in _MIGRATIONS[int(row[0]) - 1 :]:
                    for statement in step:
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
        stored = self.connection.execute(
            "SELECT id, source, content_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [[a.id for a in articles]],
        ).fetchall()
        known: dict[str, tuple[str, str]] = {r[0]: (r[1], r[2]) for r in stored}
        rows: dict[str, list[str | None]] = {}
        for article in articles:
            digest = content_hash(article)
            row = known.get(article.id)
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
            known[article.id] = (article.source, digest)
            rows[article.id] = [article.id, digest, *_article_row(article)]
            added, updated = (added + 1, updated) if row is None else (added, updated + 1)
        with self.transaction():
            if rows:
                columns = list(zip(*rows.values(), strict=True))
                self.connection.execute(
                    f"INSERT OR REPLACE INTO articles ({_ARTICLE_COLUMNS}) SELECT "
                    + ", ".join("unnest(?::VARCHAR[])" for _ in columns),
                    [list(column) for column in columns],
                )
            # First forget earlier rejections of inputs that now read, then record this batch's own.
            self.connection.execute(
                "DELETE FROM rejected WHERE input IN (SELECT unnest(?::VARCHAR[]))", [[a.source for a in articles]]
            )
            for item in [*rejected, *conflicts]:
                self.connection.execute("INSERT OR REPLACE INTO rejected VALUES (?, ?)", [item.input, item.reason])
        return SaveResult(added=added, updated=updated, unchanged=unchanged, conflicts=tuple(conflicts))

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Stored articles by id (all of them when ``ids`` is None), in id order."""
        if ids is None:
            rows = self.connection.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id").fetchall()
        else:
            rows = self.connection.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[])) ORDER BY id",
                [list(ids)],
            ).fetchall()
        return [_article(r) for r in rows]

    def publication_dates(self, ids: Sequence[str]) -> dict[str, str | None]:
        """Article id -> its publication date as stored (None when unknown)."""
        rows = self.connection.execute(
            "SELECT id, published FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.connection.execute("SELECT id FROM articles ORDER BY id").fetchall()]

    def rejected(self) -> list[Rejected]:
        rows = self.connection.execute("SELECT input, reason FROM rejected ORDER BY input").fetchall()
        return [Rejected(input=r[0], reason=r[1]) for r in rows]

    def stale_extractions(self, version: str) -> list[str]:
        """Ids of articles with no extraction, or one made from other content or by another extractor version."""
        rows = self.connection.execute(
            """SELECT a.id FROM articles a LEFT JOIN extractions e ON a.id = e.article_id
               WHERE e.article_id IS NULL OR e.content_hash != a.content_hash OR e.version != ? ORDER BY a.id""",
            [version],
        ).fetchall()
        return [r[0] for r in rows]

    def save_extractions(self, version: str, extractions: Sequence[tuple[str, str]]) -> None:
        """Store extractions, one transaction: (article id, JSON body), made from the article's current content."""
        if not extractions:
            return
        with self.transaction():
            self.connection.execute(
                """INSERT OR REPLACE INTO extractions
                   SELECT a.id, a.content_hash, ?, e.body
                   FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS body) e
                   JOIN articles a USING (id)""",
                [version, [e[0] for e in extractions], [e[1] for e in extractions]],
            )

    def extractions(self, ids: Sequence[str]) -> dict[str, str]:
        """Stored extraction bodies (JSON) of the given articles."""
        rows = self.connection.execute(
            "SELECT article_id, body FROM extractions WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def save_fingerprints(self, sampled: Mapping[str, Iterable[int]]) -> None:
        """Replace the fingerprints of the given articles, one transaction."""
        ids = sorted(sampled)
        pairs = [(article_id, int(f)) for article_id in ids for f in sorted(set(sampled[article_id]))]
        with self.transaction():
            self.connection.execute("DELETE FROM fingerprints WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            if pairs:
                self.connection.execute(
                    "INSERT INTO fingerprints SELECT unnest(?::VARCHAR[]), unnest(?::BIGINT[])",
                    [[p[0] for p in pairs], [p[1] for p in pairs]],
                )

    def fingerprint_holders(self, fingerprints: Iterable[int], most: int) -> dict[int, list[str]]:
        """For each given fingerprint held by 2 to ``most`` stored articles, their ids (sorted)."""
        rows = self.connection.execute(
            """SELECT fingerprint, list(article_id ORDER BY article_id) FROM fingerprints
               WHERE fingerprint IN (SELECT unnest(?::BIGINT[])) GROUP BY fingerprint
               HAVING count(*) BETWEEN 2 AND ?""",
            [sorted({int(f) for f in fingerprints}), most],
        ).fetchall()
        return {int(r[0]): list(r[1]) for r in rows}

    def save_copies(self, links: Mapping[str, str]) -> None:
        with self.transaction():
            for copy, original in sorted(links.items()):
                self.connection.execute("INSERT OR REPLACE INTO copies VALUES (?, ?)", [copy, original])

    def copies(self) -> dict[str, str]:
        """Copy id -> the id of the article it copies, as found (chains unresolved)."""
        return dict(self.connection.execute("SELECT copy, original FROM copies").fetchall())

    def story_index(self) -> tuple[str, bytes] | None:
        """The saved story index: (the digest of the settings it was built with, its bytes); None when there is none
        or its file is gone (the index is then built again from the stored articles)."""
        row = self.connection.execute("SELECT settings, data, file FROM story_index WHERE id = 1").fetchone()
        if row is None:
            return None
        if row[2] is None:
            return row[0], bytes(row[1])
        path = self._beside(row[2])
        return (row[0], path.read_bytes()) if path.exists() else None

    def story_index_settings(self) -> str | None:
        """The digest of the settings the saved story index was built with, without reading the index; None when
        there is no index to read."""
        row = self.connection.execute("SELECT settings, file FROM story_index WHERE id = 1").fetchone()
        if row is None or (row[1] is not None and not self._beside(row[1]).exists()):
            return None
        return str(row[0])

    def _beside(self, name: str) -> Path:
        return (self.path or Path()).with_name(name)

    def unindexed(self) -> list[str]:
        """Ids of stored articles the saved story index does not hold."""
        rows = self.connection.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM indexed) ORDER BY id"
        ).fetchall()
        return [r[0] for r in rows]

    def save_story_index(self, settings: str, data: bytes, added: Sequence[str], *, fresh: bool = False) -> None:
        """Save the index and the ids it gained (all it holds when ``fresh``); its stories are then due, until
        `stories_done`."""
        name = None
        if self.path is not None:
            # A new file each time, named in the same transaction as the ids it holds: a run killed before the
            # commit leaves the last saved index and its ids as they were.
            name = f"{self.path.name}.stories-{uuid.uuid4().hex[:12]}"
            self._beside(name).write_bytes(data)
        with self.transaction():
            if fresh:
                self.connection.execute("DELETE FROM indexed")
            self.connection.execute(
                "INSERT OR REPLACE INTO story_index VALUES (1, ?, ?, ?)", [settings, b"" if name else data, name]
            )
            self.connection.execute("INSERT OR IGNORE INTO indexed SELECT unnest(?::VARCHAR[])", [list(added)])
            self.connection.execute("INSERT OR REPLACE INTO meta VALUES ('stories_due', '1')")
        if self.path is not None:
            for old in self.path.parent.glob(f"{self.path.name}.stories-*"):
                if old.name != name:
                    old.unlink(missing_ok=True)

    def stories_due(self) -> bool:
        """Whether the saved index has placed articles since the stories were last brought up to date."""
        row = self.connection.execute("SELECT value FROM meta WHERE key = 'stories_due'").fetchone()
        return row is not None and row[0] == "1"

    def stories_done(self, basis: str) -> None:
        """The stories are up to date, worked out on ``basis`` (a digest of the extractor and compare settings)."""
        with self.transaction():
            self.connection.execute("INSERT OR REPLACE INTO meta VALUES ('stories_due', '0')")
            self.connection.execute("INSERT OR REPLACE INTO meta VALUES ('stories_basis', ?)", [basis])

    def stories_basis(self) -> str | None:
        """The basis the stories were last brought up to date on (`stories_done`)."""
        row = self.connection.execute("SELECT value FROM meta WHERE key = 'stories_basis'").fetchone()
        return str(row[0]) if row else None

    def story_members(self) -> dict[str, list[str]]:
        """Stored story id -> its member article ids."""
        return {r[0]: list(r[1]) for r in self.connection.execute("SELECT id, members FROM stories").fetchall()}

    def save_stories(self, added: Sequence[StoryRow], gone: Iterable[str] = ()) -> None:
        """In one transaction: story results and the ids of stories that are gone."""
        with self.transaction():
            self.connection.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(gone)])
            for row in added:
                self.connection.execute(
                    "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [row.id, row.basis, list(row.members), len(row.members), row.day, sorted(row.outlets), row.body],
                )

    def story_entries(self) -> list[tuple[str, int, date | None, list[str]]]:
        """(id, size, day, outlets) of every stored story, by id: what choosing stories looks at."""
        rows = self.connection.execute("SELECT id, size, day, outlets FROM stories ORDER BY id").fetchall()
        return [(r[0], int(r[1]), r[2], list(r[3])) for r in rows]

    def story_bases(self) -> dict[str, str]:
        """Stored story id -> the digest of what its result was derived from."""
        return dict(self.connection.execute("SELECT id, basis FROM stories").fetchall())

    def stories(self, ids: Sequence[str] | None = None) -> list[str]:
        """Stored story results (JSON) by story id: all of them, or those of ``ids``."""
        if ids is None:
            rows = self.connection.execute("SELECT body FROM stories ORDER BY id").fetchall()
        else:
            rows = self.connection.execute(
                "SELECT body FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[])) ORDER BY id", [list(ids)]
            ).fetchall()
        return [r[0] for r in rows]

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

    def sentence_vectors(self, bases: Mapping[str, str]) -> dict[str, np.ndarray]:
        """Stored sentence embeddings of the given articles, where made from the given basis (article -> basis)."""
        rows = self.connection.execute(
            "SELECT article, basis, width, vectors FROM sentence_vectors "
            "WHERE article IN (SELECT unnest(?::VARCHAR[]))",
            [list(bases)],
        ).fetchall()
        return {
            article: np.frombuffer(blob, dtype=np.float16).reshape(-1, width).astype(np.float32)
            for article, basis, width, blob in rows
            if bases.get(article) == basis
        }

    def save_sentence_vectors(self, made: Mapping[str, tuple[str, np.ndarray]]) -> None:
        """Keep articles' sentence embeddings (article -> (basis, rows)), replacing older ones."""
        if not made:
            return
        with self.transaction():
            for article, (basis, vectors) in made.items():
                self.connection.execute(
                    "INSERT OR REPLACE INTO sentence_vectors VALUES (?, ?, ?, ?)",
                    [article, basis, int(vectors.shape[1]), vectors.astype(np.float16).tobytes()],
                )

    def content_hashes(self) -> dict[str, str]:
        rows = self.connection.execute("SELECT id, content_hash FROM articles").fetchall()
        return {r[0]: r[1] for r in rows}

    def counts(self) -> dict[str, int]:
        tables = ("articles", "rejected", "extractions", "stories")
        counts = {}
        for table in tables:
            row = self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        return counts
