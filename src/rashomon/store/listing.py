"""Finding stories in the catalog: full-text search, filters, sort and pages; and one entity's stories.

The SQL is fixed text: a filter the request asks for adds one of the constant clauses below, and every value from the
request is a parameter. Search words become quoted FTS5 terms, so no request text is read as query syntax.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from rashomon.store.catalog import name_key, outlet_key

Sort = Literal["relevance", "size", "newest", "oldest"]
SORTS: tuple[Sort, ...] = ("relevance", "size", "newest", "oldest")
MAX_TERMS = 12

_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")
_ORDER: dict[Sort, str] = {
    "relevance": "score, s.outlets DESC, s.size DESC, s.id",
    "size": "s.outlets DESC, s.size DESC, s.day DESC NULLS LAST, s.id",
    "newest": "s.day DESC NULLS LAST, s.outlets DESC, s.size DESC, s.id",
    "oldest": "s.day ASC NULLS LAST, s.outlets DESC, s.size DESC, s.id",
}
_FILTERS = {
    "story": "s.id = :story",
    "outlet": "s.id IN (SELECT story FROM articles WHERE outlet_key = :outlet)",
    "entity": """s.id IN (SELECT story FROM story_entities WHERE entity = :entity_id
                 OR entity IN (SELECT entity FROM entity_names WHERE name_key = :entity_key))""",
    "since": "s.day >= :since",
    "until": "s.day <= :until",
    "conflicts": "s.conflicts > 0",
}
# Stories whose words (their articles' titles and their originals' bodies) hold every term, ranked (BM25, a title
# word weighing ten times a body word) only when the list is sorted by relevance: ranking every match of a common
# word costs more than finding them.
_RANKED = """WITH hits AS MATERIALIZED (
    SELECT rowid AS n, bm25(story_words, 10.0, 1.0) AS score FROM story_words WHERE story_words MATCH :match)
"""
_UNRANKED = """WITH hits AS MATERIALIZED (SELECT rowid AS n, 0 AS score FROM story_words WHERE story_words MATCH :match)
"""
_COLUMNS = "s.id, s.title, s.day, s.size, s.outlets, s.conflicts, s.statements"


def match_expression(text: str) -> str | None:
    """Search text as an FTS5 query: each word or "quoted phrase" a quoted term (a trailing * makes a word a
    prefix), all of them required; None when the text holds no word."""
    terms = []
    for phrase, bare in _TERM.findall(text):
        words = _WORD.findall(phrase or bare)
        if words:
            prefix = "*" if not phrase and bare.endswith("*") and len(words) == 1 else ""
            terms.append('"' + " ".join(words) + '"' + prefix)
    return " ".join(terms[:MAX_TERMS]) or None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryFilter:
    """What the stories list asks for; every field is optional."""

    text: str = ""
    story: str = ""
    outlet: str = ""
    entity: str = ""
    since: date | None = None
    until: date | None = None
    conflicts: bool = False
    sort: Sort | None = None
    page: int = 1
    per_page: int = 25

    @property
    def order(self) -> Sort:
        if self.sort is not None and (self.sort != "relevance" or match_expression(self.text)):
            return self.sort
        return "relevance" if match_expression(self.text) else "size"


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryLine:
    """One story in a list."""

    id: str
    title: str | None
    day: str | None
    articles: int
    outlet_count: int
    conflicts: int
    statements: int
    outlets: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryPage:
    """One page of a story list and how many stories match in all."""

    stories: list[StoryLine]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _conditions(wanted: StoryFilter) -> tuple[list[str], dict[str, Any]]:
    clauses, values = [], {}
    if wanted.story:
        clauses.append(_FILTERS["story"])
        values["story"] = wanted.story
    if wanted.outlet.strip():
        clauses.append(_FILTERS["outlet"])
        values["outlet"] = outlet_key(wanted.outlet)
    if wanted.entity.strip():
        clauses.append(_FILTERS["entity"])
        values |= {"entity_id": wanted.entity.strip(), "entity_key": name_key(wanted.entity)}
    if wanted.since is not None:
        clauses.append(_FILTERS["since"])
        values["since"] = wanted.since.isoformat()
    if wanted.until is not None:
        clauses.append(_FILTERS["until"])
        values["until"] = wanted.until.isoformat()
    if wanted.conflicts:
        clauses.append(_FILTERS["conflicts"])
    return clauses, values


def find_stories(connection: sqlite3.Connection, wanted: StoryFilter) -> StoryPage:
    """The page of stories ``wanted`` asks for."""
    clauses, values = _conditions(wanted)
    match = match_expression(wanted.text)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    values |= {"limit": wanted.per_page, "offset": (wanted.page - 1) * wanted.per_page}
    if match is None:
        order = _ORDER[wanted.order].replace("score", "s.id")
        rows = connection.execute(
            f"SELECT {_COLUMNS} FROM stories s {where} ORDER BY {order} LIMIT :limit OFFSET :offset", values
        ).fetchall()
        found = connection.execute(f"SELECT count(*) FROM stories s {where}", values).fetchone()
        total = int(found[0]) if found else 0
    else:
        # The matches are found once: the window counts them all before the page is cut.
        values["match"] = match
        hits = _RANKED if wanted.order == "relevance" else _UNRANKED
        joined = f"{hits} SELECT {_COLUMNS}, count(*) OVER () FROM stories s JOIN hits h ON h.n = s.n {where}"
        order = _ORDER[wanted.order].replace("score", "h.score")
        rows = connection.execute(f"{joined} ORDER BY {order} LIMIT :limit OFFSET :offset", values).fetchall()
        total = int(rows[0][-1]) if rows else 0
        if not rows and wanted.page > 1:  # past the last page: count without cutting
            counted = f"{hits} SELECT count(*) FROM stories s JOIN hits h ON h.n = s.n {where}"
            found = connection.execute(counted, values).fetchone()
            total = int(found[0]) if found else 0
    return StoryPage(
        stories=_with_outlets(connection, [_line(row) for row in rows]),
        total=total,
        page=wanted.page,
        per_page=wanted.per_page,
    )


def _line(row: tuple[Any, ...]) -> StoryLine:
    return StoryLine(
        id=row[0],
        title=row[1],
        day=row[2],
        articles=int(row[3]),
        outlet_count=int(row[4]),
        conflicts=int(row[5]),
        statements=int(row[6]),
    )


def _with_outlets(connection: sqlite3.Connection, lines: list[StoryLine]) -> list[StoryLine]:
    """The lines with their outlets' names, most articles first."""
    if not lines:
        return lines
    rows = connection.execute(
        """SELECT story, min(outlet) FROM articles
           WHERE story IN (SELECT value FROM json_each(?)) AND outlet_key != ''
           GROUP BY story, outlet_key ORDER BY story, count(*) DESC, min(outlet)""",
        [json.dumps([line.id for line in lines])],
    ).fetchall()
    named: dict[str, list[str]] = {}
    for story, outlet in rows:
        named.setdefault(story, []).append(outlet)
    return [replace(line, outlets=named.get(line.id, [])) for line in lines]


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityLine:
    id: str
    name: str
    type: str
    aliases: list[str]
    stories: int


def find_entity(connection: sqlite3.Connection, entity_id: str) -> EntityLine | None:
    row = connection.execute(
        "SELECT id, name, type, (SELECT count(*) FROM story_entities WHERE entity = e.id) FROM entities e WHERE id = ?",
        [entity_id],
    ).fetchone()
    if row is None:
        return None
    names = connection.execute("SELECT name FROM entity_names WHERE entity = ? ORDER BY name", [entity_id]).fetchall()
    aliases = [n[0] for n in names if n[0] != row[1]]
    return EntityLine(id=row[0], name=row[1], type=row[2], aliases=aliases, stories=int(row[3]))


def entity_stories(connection: sqlite3.Connection, entity_id: str, page: int, per_page: int) -> StoryPage:
    """The stories naming an entity, the most mentions first."""
    rows = connection.execute(
        f"""SELECT {_COLUMNS}, count(*) OVER () FROM story_entities se JOIN stories s ON s.id = se.story
            WHERE se.entity = ? ORDER BY se.mentions DESC, s.day DESC NULLS LAST, s.id LIMIT ? OFFSET ?""",
        [entity_id, per_page, (page - 1) * per_page],
    ).fetchall()
    total = int(rows[0][7]) if rows else 0
    if not rows and page > 1:
        found = connection.execute("SELECT count(*) FROM story_entities WHERE entity = ?", [entity_id]).fetchone()
        total = int(found[0]) if found else 0
    return StoryPage(
        stories=_with_outlets(connection, [_line(row) for row in rows]), total=total, page=page, per_page=per_page
    )


def article_story(connection: sqlite3.Connection, article_id: str) -> str | None:
    """The story an article belongs to (None: no such article, or one no run has placed yet)."""
    row = connection.execute("SELECT story FROM articles WHERE id = ?", [article_id]).fetchone()
    return str(row[0]) if row and row[0] else None


def outlets(connection: sqlite3.Connection, most: int = 200) -> list[str]:
    """The outlets with the most articles (for the filter's suggestions)."""
    rows = connection.execute("SELECT name FROM outlets ORDER BY articles DESC, key LIMIT ?", [most]).fetchall()
    return sorted(str(r[0]) for r in rows)


def counts(connection: sqlite3.Connection) -> dict[str, int]:
    """How many articles and stories the catalog holds."""
    row = connection.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)").fetchone()
    return {"articles": int(row[0]), "stories": int(row[1])} if row else {"articles": 0, "stories": 0}
