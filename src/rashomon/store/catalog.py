"""The server's catalog of a store: what listing, filtering and searching stories needs, in SQLite beside the copy.

DuckDB as installed here has no full-text search (its extension cannot be installed offline), so the catalog keeps a
contentless SQLite FTS5 index of every article's title and body, plus one row per story (title, day, size, outlets,
conflicts) and which entities each story names. It is brought up to date from a store copy (`sync`): only articles
whose content hash changed and stories whose basis changed are read again, so a restart or a run that added a few
articles costs little. Everything is read from the stored results; nothing is worked out again.

Readers open their own connection (`connect`); the one writer commits each sync in one transaction, so a reader sees
the catalog before or after it, never half-way.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rashomon.store.database import Store

CATALOG_VERSION = "2"
_BATCH = 500

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, title TEXT, outlet TEXT, outlet_key TEXT, published TEXT,
        story TEXT)""",
    "CREATE INDEX IF NOT EXISTS articles_story ON articles (story)",
    "CREATE INDEX IF NOT EXISTS articles_outlet ON articles (outlet_key, story)",
    # ``n`` keys the story's words in the search index.
    """CREATE TABLE IF NOT EXISTS stories (
        n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, basis TEXT NOT NULL, title TEXT, day TEXT,
        size INTEGER NOT NULL, outlets INTEGER NOT NULL, conflicts INTEGER NOT NULL, statements INTEGER NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS stories_largest ON stories (outlets DESC, size DESC, day DESC)",
    "CREATE INDEX IF NOT EXISTS stories_newest ON stories (day DESC)",
    # One document per story: its articles' titles, and the bodies of its originals (a copy repeats its original).
    """CREATE VIRTUAL TABLE IF NOT EXISTS story_words USING fts5 (
        title, body, tokenize = 'unicode61 remove_diacritics 2')""",
    """CREATE TABLE IF NOT EXISTS story_entities (
        entity TEXT NOT NULL, story TEXT NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (entity, story))
        WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS story_entities_story ON story_entities (story)",
    "CREATE TABLE IF NOT EXISTS entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL)",
    # The outlets and how many articles each has, for the list's suggestions (counted once per sync, not per page).
    "CREATE TABLE IF NOT EXISTS outlets (key TEXT PRIMARY KEY, name TEXT NOT NULL, articles INTEGER NOT NULL)",
    """CREATE TABLE IF NOT EXISTS entity_names (
        name_key TEXT NOT NULL, entity TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (name_key, entity))
        WITHOUT ROWID""",
)


def outlet_key(outlet: str | None) -> str:
    """How outlets are told apart: case and surrounding spaces do not count."""
    return (outlet or "").strip().casefold()


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def connect(path: Path, *, write: bool = False) -> sqlite3.Connection:
    """A connection to the catalog; readers get a read-only one."""
    if write:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
    else:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    connection.execute("PRAGMA busy_timeout = 5000")
    return connection


@dataclass(frozen=True, slots=True, kw_only=True)
class SyncResult:
    """What one sync changed."""

    articles: int
    stories: int
    gone_articles: int
    gone_stories: int


Progress = Callable[[str, int, int], None]


def _batches(items: Sequence[Any], size: int = _BATCH) -> Iterator[Sequence[Any]]:
    for first in range(0, len(items), size):
        yield items[first : first + size]


class Catalog:
    """The catalog file and its one writer."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.writer = connect(path, write=True)
        known = self._meta("version")
        if known is not None and known != CATALOG_VERSION:  # made by another version: made again
            self.writer.close()
            for made in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
                made.unlink(missing_ok=True)
            self.writer = connect(path, write=True)
        for statement in _SCHEMA:
            self.writer.execute(statement)
        self.writer.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", [CATALOG_VERSION])

    def _meta(self, key: str) -> str | None:
        try:
            row = self.writer.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        except sqlite3.OperationalError:  # a new file: no tables yet
            return None
        return str(row[0]) if row else None

    def close(self) -> None:
        self.writer.close()

    def sync(self, store: Store, progress: Progress | None = None) -> SyncResult:
        """Bring the catalog up to date with ``store`` in one transaction."""
        say = progress or (lambda _stage, _done, _total: None)
        articles = store.article_catalog()
        known_articles = dict(self.writer.execute("SELECT id, content_hash FROM articles").fetchall())
        changed_articles = [row for row in articles if known_articles.get(row[0]) != row[1]]
        gone_articles = set(known_articles) - {row[0] for row in articles}
        stories = store.story_catalog()
        known_stories = dict(self.writer.execute("SELECT id, basis FROM stories").fetchall())
        changed_stories = [row for row in stories if known_stories.get(row[0]) != row[1]]
        gone_stories = set(known_stories) - {row[0] for row in stories}
        self.writer.execute("BEGIN IMMEDIATE")
        try:
            self._forget(gone_articles, gone_stories | {row[0] for row in changed_stories})
            self.writer.executemany(
                "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, (SELECT story FROM articles WHERE id = ?))",
                [
                    (i, digest, title, outlet, outlet_key(outlet), published, i)
                    for i, digest, title, outlet, published in changed_articles
                ],
            )
            for done, batch in enumerate(_batches(changed_stories), 1):
                self._put_stories(store, batch)
                say("stories", min(done * _BATCH, len(changed_stories)), len(changed_stories))
            if gone_articles or changed_articles:
                self.writer.execute("DELETE FROM outlets")
                self.writer.execute(
                    "INSERT INTO outlets SELECT outlet_key, min(outlet), count(*) FROM articles WHERE outlet_key != '' "
                    "GROUP BY outlet_key"
                )
            if gone_stories or changed_stories:
                self.writer.execute("DELETE FROM entities WHERE id NOT IN (SELECT entity FROM story_entities)")
                self.writer.execute("DELETE FROM entity_names WHERE entity NOT IN (SELECT id FROM entities)")
            self.writer.execute("COMMIT")
        except BaseException:
            self.writer.execute("ROLLBACK")
            raise
        return SyncResult(
            articles=len(changed_articles),
            stories=len(changed_stories),
            gone_articles=len(gone_articles),
            gone_stories=len(gone_stories),
        )

    def _forget(self, articles: set[str], stories: set[str]) -> None:
        """Remove articles and stories (with their words and entities) that are gone or are read again."""
        self.writer.execute("DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))", [_list(articles)])
        gone = _list(stories)
        self.writer.execute(
            "DELETE FROM story_words WHERE rowid IN "
            "(SELECT n FROM stories WHERE id IN (SELECT value FROM json_each(?)))",
            [gone],
        )
        self.writer.execute("DELETE FROM stories WHERE id IN (SELECT value FROM json_each(?))", [gone])
        self.writer.execute("DELETE FROM story_entities WHERE story IN (SELECT value FROM json_each(?))", [gone])
        self.writer.execute("UPDATE articles SET story = NULL WHERE story IN (SELECT value FROM json_each(?))", [gone])

    def _put_stories(self, store: Store, rows: Sequence[tuple[str, str, int, date | None, list[str]]]) -> None:
        results = {result["story"]["id"]: result for result in map(json.loads, store.stories([r[0] for r in rows]))}
        members = sorted({m for result in results.values() for m in result["story"]["articles"]})
        texts = store.article_texts(members)
        copies = store.copies_among(members)
        for story_id, basis, size, day, _outlets in rows:
            result = results.get(story_id)
            if result is None:
                continue
            ids = result["story"]["articles"]
            self.writer.execute(
                "UPDATE articles SET story = ? WHERE id IN (SELECT value FROM json_each(?))", [story_id, _list(ids)]
            )
            cursor = self.writer.execute(
                "INSERT INTO stories (id, basis, title, day, size, outlets, conflicts, statements) "
                "VALUES (?, ?, ?, ?, ?, "
                "(SELECT count(DISTINCT CASE WHEN outlet_key = '' THEN char(0) || id ELSE outlet_key END) "
                " FROM articles WHERE story = ?), ?, ?)",
                [
                    story_id,
                    basis,
                    result["story"].get("title"),
                    day.isoformat() if day else None,
                    size,
                    story_id,
                    conflict_count(result["comparison"]),
                    len(result["comparison"].get("statements", ())),
                ],
            )
            titles = self.writer.execute(
                "SELECT title FROM articles WHERE story = ? AND title IS NOT NULL", [story_id]
            ).fetchall()
            bodies = dict.fromkeys(texts[m] for m in ids if m in texts and m not in copies)
            self.writer.execute(
                "INSERT INTO story_words (rowid, title, body) VALUES (?, ?, ?)",
                [cursor.lastrowid, "\n".join(dict.fromkeys(t[0] for t in titles)), "\n\n".join(bodies)],
            )
            self._put_entities(story_id, result.get("entities", ()))

    def _put_entities(self, story_id: str, entities: Sequence[dict[str, Any]]) -> None:
        self.writer.executemany(
            "INSERT OR REPLACE INTO story_entities VALUES (?, ?, ?)",
            [(entity["id"], story_id, len(entity.get("mentions", ()))) for entity in entities],
        )
        self.writer.executemany(
            "INSERT OR IGNORE INTO entities VALUES (?, ?, ?)", [(e["id"], e["name"], e["type"]) for e in entities]
        )
        self.writer.executemany(
            "INSERT OR IGNORE INTO entity_names VALUES (?, ?, ?)",
            [(name_key(name), e["id"], name) for e in entities for name in {e["name"], *e.get("aliases", ())}],
        )


def _list(items: Iterable[str]) -> str:
    """Ids as one JSON parameter, read in SQL with json_each."""
    return json.dumps(sorted(items))


def conflict_count(comparison: dict[str, Any]) -> int:
    """A stored comparison's conflicts as the reports count them: each conflict, plus each conflicting statement
    none of them explains (`render.view.conflict_count`, read from the stored JSON)."""
    conflicts = comparison.get("conflicts", ())
    covered = {(side["sentence"]["article"], side["sentence"]["start"]) for c in conflicts for side in c["sides"]}
    uncovered = [
        s
        for s in comparison.get("statements", ())
        if s["status"] == "conflicting" and not any((src["article"], src["start"]) in covered for src in s["sources"])
    ]
    return len(conflicts) + len(uncovered)


def counts(path: Path) -> dict[str, int]:
    """How many articles and stories the catalog holds."""
    with closing(connect(path)) as connection:
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()
        stories = connection.execute("SELECT count(*) FROM stories").fetchone()
    return {"articles": int(articles[0]) if articles else 0, "stories": int(stories[0]) if stories else 0}
