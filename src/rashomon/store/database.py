"""The embedded store (DuckDB): articles, rejected inputs, cached parses and the latest dossier.

The only module that speaks SQL. Writes are upserts keyed by deterministic ids, one transaction per batch, so a
run killed half-way leaves whole batches behind and re-running the same inputs changes nothing.
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import re
import uuid
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from rashomon.errors import StoreError
from rashomon.model import Article, Rejected, describe_input
from rashomon.store import index_files
from rashomon.store.index_files import SavedIndex, unpack_state

SCHEMA_VERSION = 4
# DuckDB's words when another process holds the file ("Could not set lock on file ...: Conflicting lock is held in
# /usr/bin/python3 (PID 4242)"): a run still going, named as such rather than as a damaged store.
_LOCKED = re.compile(r"Could not set lock|Conflicting lock", re.IGNORECASE)
_HOLDER = re.compile(r"\(PID (\d+)\)")
logger = logging.getLogger(__name__)

# DuckDB reads a value over 16 KB from overflow blocks, and a lookup by key among such values cost about as much as
# reading the whole column (0.2 s for 200 of 10,000 extractions against 0.02 s compressed): JSON bodies are kept
# compressed and sentence vectors in parts, so every value stays under that size.
_VALUE_LIMIT = 16_000
_EXTRACTIONS = """CREATE TABLE IF NOT EXISTS extractions (
    article_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, version VARCHAR NOT NULL, body BLOB NOT NULL)"""
_STORIES = """CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR PRIMARY KEY, basis VARCHAR NOT NULL, members VARCHAR[] NOT NULL, size INTEGER NOT NULL, day DATE,
    outlets VARCHAR[] NOT NULL, body BLOB NOT NULL)"""
_SENTENCE_VECTORS = """CREATE TABLE IF NOT EXISTS sentence_vectors (
    article VARCHAR NOT NULL, part INTEGER NOT NULL, basis VARCHAR NOT NULL, width INTEGER NOT NULL,
    vectors BLOB NOT NULL, PRIMARY KEY (article, part))"""

_ARTICLES = """CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, source VARCHAR NOT NULL, text BLOB NOT NULL,
    title VARCHAR, published VARCHAR, outlet VARCHAR, byline VARCHAR, url VARCHAR,
    relays VARCHAR NOT NULL, captions VARCHAR NOT NULL, language VARCHAR)"""
_ARTICLE_TEXT = 3  # the position of the (compressed) text among the article columns

_DDL = (
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    # Each article as cleaned, its text compressed.
    _ARTICLES,
    "CREATE TABLE IF NOT EXISTS rejected (input VARCHAR PRIMARY KEY, reason VARCHAR NOT NULL)",
    # What cleaning removed from each article and where its metadata came from (compressed JSON, `_notes`): shown
    # by `rashomon serve`, never part of the content hash.
    "CREATE TABLE IF NOT EXISTS article_notes (id VARCHAR PRIMARY KEY, notes BLOB NOT NULL)",
    # Each article's extraction (`extract.annotate.ArticleExtraction` as compressed JSON), valid while its content
    # hash and the extractor's version match.
    _EXTRACTIONS,
    # The hash-sampled shingles of each article's text (`stories.dedup.fingerprints`), for finding copies.
    "CREATE TABLE IF NOT EXISTS fingerprints (article_id VARCHAR NOT NULL, fingerprint BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS copies (copy VARCHAR PRIMARY KEY, original VARCHAR NOT NULL)",
    # The story index (`stories.index.StoryIndex`) with the digest of the settings it was built with: when the store
    # is a file, in a folder beside it (``file`` names its state file; `index_files`), since DuckDB writes a large
    # value far more slowly than the file system does and a save appends only the new rows; else in ``data``.
    """CREATE TABLE IF NOT EXISTS story_index (
        id INTEGER PRIMARY KEY, settings VARCHAR NOT NULL, data BLOB NOT NULL, file VARCHAR)""",
    # The articles the saved index holds, so a run with nothing new need not read the index at all.
    "CREATE TABLE IF NOT EXISTS indexed (article_id VARCHAR PRIMARY KEY)",
    # One row per current story: its members and everything derived from them (`StoryResult` as compressed JSON).
    # ``basis`` digests what the result was derived from (members' content, extractor, settings).
    # ``size``, ``day`` and ``outlets`` are what a selection of stories looks at (`render.selection.StoryEntry`).
    _STORIES,
    # Which lines each page of flattened text holds, by site: cleaning counts the pages of a site sharing a line.
    """CREATE TABLE IF NOT EXISTS page_lines (
        site VARCHAR NOT NULL, line_key VARCHAR NOT NULL, document VARCHAR NOT NULL,
        PRIMARY KEY (site, line_key, document))""",
    # Each article's sentence embeddings (float16 rows, a few sentences to a part), kept so a story that grows
    # embeds only its new articles; ``basis`` names the content, extraction and encoder they were made from.
    _SENTENCE_VECTORS,
)
_ARTICLE_COLUMNS = "id, content_hash, source, text, title, published, outlet, byline, url, relays, captions, language"


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode(), 1)  # level 1: JSON bodies to an eighth, 0.1 ms each


def packed(text: str) -> bytes:
    """A JSON body as the store keeps it, for what writes bodies outside the store (`rashomon.distributed`'s
    shards, taken in by `Store.take_in_extractions`)."""
    return _pack(text)


def _unpack(blob: bytes) -> str:
    return zlib.decompress(blob).decode()


# Up to this many ids are bound one parameter each, which DuckDB looks up without reading the whole table; a long
# list is faster as one array, read in one scan (docs/decisions.md, 2026-12-07).
_LISTED_IDS = 256


def _among(column: str, ids: Sequence[str]) -> tuple[str, list[Any]]:
    """The condition that ``column`` is one of ``ids``, and its parameters."""
    if 0 < len(ids) <= _LISTED_IDS:
        return f"{column} IN ({','.join('?' * len(ids))})", list(ids)
    return f"{column} = ANY(?::VARCHAR[])", [list(ids)]


def _vector_parts(vectors: np.ndarray) -> list[bytes]:
    """An article's sentence vectors as float16 bytes, cut into parts under the value limit."""
    rows = np.ascontiguousarray(vectors, dtype=np.float16)
    per_part = max(1, _VALUE_LIMIT // max(1, rows.shape[1] * rows.itemsize))
    return [rows[first : first + per_part].tobytes() for first in range(0, max(1, len(rows)), per_part)]


def _rewrite_table(
    connection: duckdb.DuckDBPyConnection,
    table: str,
    create: str,
    columns: str,
    convert: Any,
) -> None:
    """Move a table's rows into its new layout, a slice of rows at a time: ``convert`` turns a slice of old rows
    into the new table's column lists (its insert statement's parameters)."""
    old = f"{table}_before"
    connection.execute(f"ALTER TABLE {table} RENAME TO {old}")
    connection.execute(create)
    top = connection.execute(f"SELECT max(rowid) FROM {old}").fetchone()
    step = 2_000
    for first in range(0, (top[0] if top and top[0] is not None else -1) + 1, step):
        rows = connection.execute(
            f"SELECT {columns} FROM {old} WHERE rowid >= ? AND rowid < ?", [first, first + step]
        ).fetchall()
        if rows:
            statement, parameters = convert(rows)
            connection.execute(statement, parameters)
    connection.execute(f"DROP TABLE {old}")


def _extraction_rows(rows: list[tuple[Any, ...]]) -> tuple[str, list[Any]]:
    return (
        "INSERT INTO extractions SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
        "unnest(?::BLOB[])",
        [[r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], [_pack(r[3]) for r in rows]],
    )


def _article_rows(rows: list[tuple[Any, ...]]) -> tuple[str, list[Any]]:
    columns = [list(column) for column in zip(*rows, strict=True)]
    columns[_ARTICLE_TEXT] = [_pack(text) for text in columns[_ARTICLE_TEXT]]
    return _ARTICLE_INSERT, columns


def _story_rows(rows: list[tuple[Any, ...]]) -> tuple[str, list[Any]]:
    return _STORY_INSERT, [[r[k] for r in rows] for k in range(6)] + [[_pack(r[6]) for r in rows]]


def _vector_rows(rows: list[tuple[Any, ...]]) -> tuple[str, list[Any]]:
    parts = [
        (article, n, basis, width, part)
        for article, basis, width, blob in rows
        for n, part in enumerate(_vector_parts(np.frombuffer(blob, dtype=np.float16).reshape(-1, width)))
    ]
    return _VECTOR_INSERT, [[p[k] for p in parts] for k in range(5)]


def _compress_values(connection: duckdb.DuckDBPyConnection) -> None:
    """Schema 4: article texts, extraction and story bodies compressed, sentence vectors in parts (see
    `_VALUE_LIMIT`)."""
    _rewrite_table(connection, "articles", _ARTICLES, _ARTICLE_COLUMNS, _article_rows)
    _rewrite_table(connection, "extractions", _EXTRACTIONS, "article_id, content_hash, version, body", _extraction_rows)
    _rewrite_table(connection, "stories", _STORIES, "id, basis, members, size, day, outlets, body", _story_rows)
    _rewrite_table(connection, "sentence_vectors", _SENTENCE_VECTORS, "article, basis, width, vectors", _vector_rows)


_ARTICLE_INSERT = f"INSERT OR REPLACE INTO articles ({_ARTICLE_COLUMNS}) SELECT " + ", ".join(
    f"unnest(?::{'BLOB' if n == _ARTICLE_TEXT else 'VARCHAR'}[])" for n in range(len(_ARTICLE_COLUMNS.split(",")))
)
_STORY_INSERT = (
    "INSERT INTO stories SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[][]), "
    "unnest(?::INTEGER[]), unnest(?::DATE[]), unnest(?::VARCHAR[][]), unnest(?::BLOB[])"
)
_VECTOR_INSERT = (
    "INSERT INTO sentence_vectors SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::VARCHAR[]), "
    "unnest(?::INTEGER[]), unnest(?::BLOB[])"
)
# What each older schema version lacks, in order: a store of version N runs _MIGRATIONS[N - 1:], each step SQL
# statements or a function of the connection.
_MIGRATIONS: tuple[tuple[str | Any, ...], ...] = (
    ("ALTER TABLE articles ADD COLUMN IF NOT EXISTS language VARCHAR",),
    # Parses and the whole dossier were cached before extraction results were stored per article and story.
    ("DROP TABLE IF EXISTS parses", "DROP TABLE IF EXISTS dossier"),
    (_compress_values,),
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
        text=_unpack(row[_ARTICLE_TEXT]),
        title=row[4],
        published=row[5],
        outlet=row[6],
        byline=row[7],
        url=row[8],
        relays=tuple(json.loads(row[9])),
        captions=tuple(json.loads(row[10])),
        language=row[11],
    )


# Removed debris kept per article: this many lines, each cut to this many characters (a page's menus and link lists
# can run to thousands of lines; a reader checking what was cut needs the first of them).
_NOTES_LINES, _NOTES_LINE_CHARS = 300, 500


def _notes(article: Article) -> bytes:
    removed = [line[:_NOTES_LINE_CHARS] for line in article.removed[:_NOTES_LINES]]
    kept = {"removed": removed, "removed_total": len(article.removed), "provenance": dict(article.provenance)}
    return _pack(json.dumps(kept, ensure_ascii=False))


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


@contextmanager
def store_failures(path: Path | None) -> Iterator[None]:
    """A database failure while a run reads or writes the store (a full disk, say) as a `StoreError` naming the
    store and the reason: what earlier batches saved is kept, and the same command run again goes on from there."""
    try:
        yield
    except duckdb.Error as error:
        raise StoreError(
            f"The store {path or '(in memory)'} could not be read or written ({type(error).__name__}: {error}). "
            "What earlier batches saved is kept; run the same command again once the problem (a full disk, say) "
            "is fixed."
        ) from error


class Store:
    """A DuckDB file holding everything a run needs to be repeated or extended."""

    def __init__(self, path: Path | None) -> None:
        """Open (or create) the store at ``path``; None keeps it in memory."""
        self.path = path
        self._index_layout: index_files.Layout | None = None  # where the story index was last read or saved
        self._memory_columns: dict[str, np.ndarray] = {}  # the story index's columns, for a store in memory
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
            if _LOCKED.search(str(error)):
                holder = _HOLDER.search(str(error))
                by = f" (process {holder.group(1)})" if holder else ""
                raise StoreError(
                    f"The store {path} is in use by another run{by}; wait for that run to end, or give this one "
                    "another --out or --db."
                ) from error
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
            logger.warning(
                "Upgrading the store %s from schema version %s to %s: its tables are rewritten once.",
                self.path or "in memory",
                row[0],
                SCHEMA_VERSION,
            )
            with self.transaction():
                for step in _MIGRATIONS[int(row[0]) - 1 :]:
                    for statement in step:
                        if isinstance(statement, str):
                            self.connection.execute(statement)
                        else:
                            statement(self.connection)
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
        listed, ids = _among("id", [a.id for a in articles])
        stored = self.connection.execute(
            f"SELECT id, source, content_hash FROM articles WHERE {listed}", ids
        ).fetchall()
        known: dict[str, tuple[str, str]] = {r[0]: (r[1], r[2]) for r in stored}
        rows: dict[str, list[str | None]] = {}
        notes: dict[str, bytes] = {}
        same: list[Article] = []
        for article in articles:
            digest = content_hash(article)
            row = known.get(article.id)
            if row is not None and row[1] == digest:
                unchanged += 1
                same.append(article)
                continue
            if row is not None and row[0] != article.source and content_hash(replace(article, source=row[0])) == row[1]:
                unchanged += 1  # the same file named another way: relative, absolute, or from another folder
                same.append(article)
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
            notes[article.id] = _notes(article)
            added, updated = (added + 1, updated) if row is None else (added, updated + 1)
        # Unchanged articles stored before notes were kept get theirs now.
        listed, ids = _among("id", [a.id for a in same])
        noted = self.connection.execute(f"SELECT id FROM article_notes WHERE {listed}", ids).fetchall()
        have = {r[0] for r in noted}
        notes.update((a.id, _notes(a)) for a in same if a.id not in have)
        with self.transaction():
            if rows:
                self.connection.execute(*_article_rows([tuple(row) for row in rows.values()]))
            if notes:
                self.connection.execute(
                    "INSERT OR REPLACE INTO article_notes SELECT unnest(?::VARCHAR[]), unnest(?::BLOB[])",
                    [list(notes), list(notes.values())],
                )
            # First forget earlier rejections of inputs that now read, then record this batch's own.
            self.connection.execute(
                "DELETE FROM rejected WHERE input IN (SELECT unnest(?::VARCHAR[]))", [[a.source for a in articles]]
            )
            # One statement for the batch (a statement a row cost 1.5 ms each: a file of 50,000 bad records took
            # over a minute); the last reason given for an input wins, as row by row.
            reasons = {item.input: item.reason for item in [*rejected, *conflicts]}
            if reasons:
                self.connection.execute(
                    "INSERT OR REPLACE INTO rejected SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                    [list(reasons), list(reasons.values())],
                )
        return SaveResult(added=added, updated=updated, unchanged=unchanged, conflicts=tuple(conflicts))

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Stored articles by id (all of them when ``ids`` is None), in id order."""
        if ids is None:
            rows = self.connection.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id").fetchall()
        else:
            listed, params = _among("id", ids)
            rows = self.connection.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE {listed} ORDER BY id", params
            ).fetchall()
        return [_article(r) for r in rows]

    def publication_dates(self, ids: Sequence[str]) -> dict[str, str | None]:
        """Article id -> its publication date as stored (None when unknown)."""
        listed, params = _among("id", ids)
        rows = self.connection.execute(f"SELECT id, published FROM articles WHERE {listed}", params).fetchall()
        return {r[0]: r[1] for r in rows}

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.connection.execute("SELECT id FROM articles ORDER BY id").fetchall()]

    def rejected(self) -> list[Rejected]:
        rows = self.connection.execute("SELECT input, reason FROM rejected ORDER BY input").fetchall()
        return [Rejected(input=r[0], reason=r[1]) for r in rows]

    def stale_extractions(self, version: str, among: Sequence[str] | None = None) -> list[str]:
        """Ids of articles with no extraction, or one made from other content or by another extractor version (of
        those ``among`` the given ids, when given)."""
        listed, ids = ("TRUE", []) if among is None else _among("a.id", among)
        rows = self.connection.execute(
            f"""SELECT a.id FROM articles a LEFT JOIN extractions e ON a.id = e.article_id
               WHERE (e.article_id IS NULL OR e.content_hash != a.content_hash OR e.version != ?)
               AND {listed} ORDER BY a.id""",
            [version, *ids],
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
                   FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::BLOB[]) AS body) e
                   JOIN articles a USING (id)""",
                [version, [e[0] for e in extractions], [_pack(e[1]) for e in extractions]],
            )

    def extractions(self, ids: Sequence[str]) -> dict[str, str]:
        """Stored extraction bodies (JSON) of the given articles."""
        listed, params = _among("article_id", ids)
        rows = self.connection.execute(f"SELECT article_id, body FROM extractions WHERE {listed}", params).fetchall()
        return {r[0]: _unpack(r[1]) for r in rows}

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

    def story_index(self) -> SavedIndex | None:
        """The saved story index; None when there is none or its files are gone or cut short (the index is then
        built again from the stored articles)."""
        row = self.connection.execute("SELECT settings, data, file FROM story_index WHERE id = 1").fetchone()
        if row is None:
            return None
        settings, data, name = str(row[0]), bytes(row[1]), row[2]
        if name is not None:
            path = self._beside(name)
            if not path.is_file():
                return None
            data = path.read_bytes()
        self._index_layout = None
        try:
            unpacked = unpack_state(data)
        except ValueError as error:
            logger.warning("The story index of %s cannot be read (%s); it is built again.", self.path, error)
            return None
        if unpacked is None:  # saved whole, by a store of before the columns
            return SavedIndex(settings, data, {})
        state, lengths = unpacked
        if name is None:
            columns = {n: np.concatenate([c, np.empty_like(c)]) for n, c in self._memory_columns.items()}
        else:
            found = index_files.read_columns(path.parent, lengths)
            if found is None:
                return None
            columns = found
            self._index_layout = index_files.Layout(path, lengths)
        return SavedIndex(settings, state, columns)

    def story_index_settings(self) -> str | None:
        """The digest of the settings the saved story index was built with, without reading the index; None when
        there is no index to read."""
        row = self.connection.execute("SELECT settings, file FROM story_index WHERE id = 1").fetchone()
        if row is None or (row[1] is not None and not self._beside(row[1]).is_file()):
            return None
        return str(row[0])

    def _beside(self, name: str) -> Path:
        return (self.path or Path()).parent / name

    def unindexed(self) -> list[str]:
        """Ids of stored articles the saved story index does not hold."""
        rows = self.connection.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM indexed) ORDER BY id"
        ).fetchall()
        return [r[0] for r in rows]

    def save_story_index(
        self,
        settings: str,
        state: bytes,
        columns: Mapping[str, np.ndarray],
        added: Sequence[str],
        *,
        fresh: bool = False,
    ) -> None:
        """Save the index and the ids it gained (all it holds when ``fresh``); its stories are then due, until
        `stories_done`.

        ``columns`` are append-only arrays: unless ``fresh``, each must start with the values it had when this store
        last read or saved the index, and only what follows them is written.
        """
        name = None
        layout = None if fresh or self.path is None else self._committed_layout()
        if self.path is None:
            data = index_files.pack_state(state, {n: (c.dtype.str, len(c)) for n, c in columns.items()})
        else:
            # The folder this store last read or saved, appended to, when it is still the committed one, its own
            # (not a copied store's) and the columns only add to it; else a new folder, written whole. The state
            # file is new each time and named in the same transaction as the ids it holds, so a run killed before
            # the commit leaves the last saved index and its ids as they were.
            if layout is not None and not layout.extends(columns):
                layout = None
            new_folder = f"{self.path.name}.stories-{uuid.uuid4().hex[:12]}"
            folder = layout.state.parent if layout else self._beside(new_folder)
            saved = index_files.write(folder, state, columns, layout)
            name = str(saved.state.relative_to(self.path.parent))
            data = b""
        with self.transaction():
            if fresh:
                self.connection.execute("DELETE FROM indexed")
            self.connection.execute("INSERT OR REPLACE INTO story_index VALUES (1, ?, ?, ?)", [settings, data, name])
            self.connection.execute("INSERT OR IGNORE INTO indexed SELECT unnest(?::VARCHAR[])", [list(added)])
            self.connection.execute("INSERT OR REPLACE INTO meta VALUES ('stories_due', '1')")
        if self.path is None:
            self._memory_columns = {n: np.array(c) for n, c in columns.items()}
        else:
            self._index_layout = saved
            index_files.remove_others(saved.state, f"{glob.escape(self.path.name)}.stories-*")

    def _committed_layout(self) -> index_files.Layout | None:
        """The layout this store last read or saved, if it is still the committed index and in a folder of this
        store's own (another Store object on the same file may have saved since; a copied store names its
        original's folder)."""
        layout = self._index_layout
        if layout is None or self.path is None:
            return None
        row = self.connection.execute("SELECT file FROM story_index WHERE id = 1").fetchone()
        own = layout.state.parent.name.startswith(f"{self.path.name}.stories-")
        current = row is not None and row[0] is not None and self._beside(row[0]) == layout.state
        return layout if own and current else None

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
            replaced = [*gone, *(row.id for row in added)]
            self.connection.execute("DELETE FROM stories WHERE id = ANY(?::VARCHAR[])", [replaced])
            if added:
                rows = [
                    (row.id, row.basis, list(row.members), len(row.members), row.day, sorted(row.outlets), row.body)
                    for row in added
                ]
                self.connection.execute(_STORY_INSERT, _story_rows(rows)[1])

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
            listed, params = _among("id", ids)
            rows = self.connection.execute(f"SELECT body FROM stories WHERE {listed} ORDER BY id", params).fetchall()
        return [_unpack(r[0]) for r in rows]

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
        listed, params = _among("article", list(bases))
        rows = self.connection.execute(
            "SELECT article, basis, width, list(vectors ORDER BY part) FROM sentence_vectors "
            f"WHERE {listed} GROUP BY article, basis, width",
            params,
        ).fetchall()
        return {
            article: np.frombuffer(b"".join(parts), dtype=np.float16).reshape(-1, width).astype(np.float32)
            for article, basis, width, parts in rows
            if bases.get(article) == basis
        }

    def save_sentence_vectors(self, made: Mapping[str, tuple[str, np.ndarray]]) -> None:
        """Keep articles' sentence embeddings (article -> (basis, rows)), replacing older ones."""
        if not made:
            return
        parts = [
            (article, n, basis, int(vectors.shape[1]), part)
            for article, (basis, vectors) in made.items()
            for n, part in enumerate(_vector_parts(vectors))
        ]
        with self.transaction():
            self.connection.execute("DELETE FROM sentence_vectors WHERE article = ANY(?::VARCHAR[])", [list(made)])
            self.connection.execute(_VECTOR_INSERT, [[p[k] for p in parts] for k in range(5)])

    def content_hashes(self) -> dict[str, str]:
        rows = self.connection.execute("SELECT id, content_hash FROM articles").fetchall()
        return {r[0]: r[1] for r in rows}

    # Taking in the Parquet shards that another engine's workers wrote (`rashomon.distributed`), read where they lie.
    # Each shard row is one item of an input file (``file``, ``item``: where it was read) or a file's end row (kind
    # 'end', ``item`` the number of items the file gave); a shard written twice (a retried task) repeats its rows.

    def extracted_hashes(self, version: str) -> dict[str, str]:
        """Article id -> the content hash its stored extraction by ``version`` was made from."""
        rows = self.connection.execute(
            "SELECT article_id, content_hash FROM extractions WHERE version = ?", [version]
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def shard_tally(self, shards: Sequence[str]) -> dict[int, tuple[int | None, int]]:
        """Input file number -> (the items its end row says it gave, None without one; distinct items found)."""
        rows = self.connection.execute(
            """SELECT file, max(item) FILTER (WHERE kind = 'end'), count(DISTINCT item) FILTER (WHERE kind != 'end')
               FROM read_parquet(?::VARCHAR[]) GROUP BY file""",
            [list(shards)],
        ).fetchall()
        return {int(r[0]): (None if r[1] is None else int(r[1]), int(r[2])) for r in rows}

    def shard_items(self, shards: Sequence[str], chunk: int = 1_000) -> Iterator[tuple[str, bytes]]:
        """(kind, payload) of every item in the shards, once each, in reading order: by file, then item. Read on a
        handle of its own, so batches can be saved while the items are still being read."""
        reader = self.connection.cursor()
        try:
            reader.execute(
                """SELECT DISTINCT ON (file, item) kind, payload FROM read_parquet(?::VARCHAR[])
                   WHERE kind != 'end' ORDER BY file, item""",
                [list(shards)],
            )
            while rows := reader.fetchmany(chunk):
                for kind, payload in rows:
                    yield str(kind), bytes(payload)
        finally:
            reader.close()

    def take_in_extractions(self, shards: Sequence[str], version: str) -> list[tuple[str, list[str]]]:
        """Store the shards' extractions (compressed JSON, see `packed`) that were made from a stored article's
        current content, one transaction; (article id, the steps that failed) of each, by id."""
        made = """SELECT DISTINCT ON (s.id, s.content_hash) s.id, s.content_hash, s.body, s.issues
                  FROM read_parquet(?::VARCHAR[]) s JOIN articles a ON a.id = s.id AND a.content_hash = s.content_hash
                  WHERE s.body IS NOT NULL"""
        with self.transaction():
            self.connection.execute(f"CREATE OR REPLACE TEMP TABLE shard_extractions AS {made}", [list(shards)])
            self.connection.execute(
                "INSERT OR REPLACE INTO extractions SELECT id, content_hash, ?, body FROM shard_extractions", [version]
            )
            rows = self.connection.execute("SELECT id, issues FROM shard_extractions ORDER BY id").fetchall()
            self.connection.execute("DROP TABLE shard_extractions")
        return [(r[0], list(r[1] or [])) for r in rows]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "rejected", "extractions", "stories")
        counts = {}
        for table in tables:
            row = self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        return counts

    # Reading for `rashomon serve` (`rashomon.web`): a store opened read-only, a handle per thread, and bounded reads.

    @classmethod
    def read_only(cls, path: Path) -> Store:
        """Open an existing store for reading only; nothing is created, upgraded or written."""
        store = cls.__new__(cls)
        store.path = path
        store._index_layout = None
        store._memory_columns = {}
        try:
            store.connection = duckdb.connect(str(path), read_only=True)
            row = store.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error as error:
            if hasattr(store, "connection"):
                store.connection.close()
            raise StoreError(f"The store {path} cannot be read ({type(error).__name__}: {error}).") from error
        if row is None or int(row[0]) != SCHEMA_VERSION:
            store.connection.close()
            raise StoreError(
                f"The store {path} has schema version {row[0] if row else 'none'}; this rashomon reads version "
                f"{SCHEMA_VERSION}. Run `rashomon analyze` on it once (with any input) to bring it up to date."
            )
        return store

    def reader(self) -> Store:
        """Another handle on this store's database, for one thread (a DuckDB connection is not shared between
        threads); closing it leaves this one open."""
        handle = Store.__new__(Store)
        handle.path = self.path
        handle._index_layout = None
        handle._memory_columns = {}
        handle.connection = self.connection.cursor()
        return handle

    def copies_among(self, ids: Sequence[str]) -> dict[str, str]:
        """Copy id -> the id of the article it copies, for the given copies only (chains unresolved)."""
        listed, params = _among("copy", ids)
        rows = self.connection.execute(f"SELECT copy, original FROM copies WHERE {listed}", params).fetchall()
        return {r[0]: r[1] for r in rows}

    def article_catalog(self) -> list[tuple[str, str, str | None, str | None, str | None]]:
        """(id, content hash, title, outlet, published) of every stored article, by id: what listing articles and
        telling which changed needs, without their texts."""
        rows = self.connection.execute(
            "SELECT id, content_hash, title, outlet, published FROM articles ORDER BY id"
        ).fetchall()
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    def article_texts(self, ids: Sequence[str]) -> dict[str, str]:
        """The clean bodies of the given articles."""
        listed, params = _among("id", ids)
        rows = self.connection.execute(f"SELECT id, text FROM articles WHERE {listed}", params).fetchall()
        return {r[0]: _unpack(r[1]) for r in rows}

    def article_notes(self, article_id: str) -> dict[str, Any] | None:
        """What cleaning removed from an article (``removed``, the first lines; ``removed_total``) and where its
        metadata came from (``provenance``); None for an article stored before they were kept."""
        try:
            row = self.connection.execute("SELECT notes FROM article_notes WHERE id = ?", [article_id]).fetchone()
        except duckdb.CatalogException:  # a copy of a store from before the table existed
            return None
        return dict(json.loads(_unpack(row[0]))) if row else None

    def story_catalog(self) -> list[tuple[str, str, int, date | None, list[str]]]:
        """(id, basis, size, day, outlets) of every stored story, by id: what listing stories needs and what tells
        which changed, without their results."""
        rows = self.connection.execute("SELECT id, basis, size, day, outlets FROM stories ORDER BY id").fetchall()
        return [(r[0], r[1], int(r[2]), r[3], list(r[4])) for r in rows]
