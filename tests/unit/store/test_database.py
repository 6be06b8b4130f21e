"""The DuckDB store over real temporary files: round trips, idempotent upserts, conflicts, caches and versions."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pytest

from rashomon.errors import StoreError
from rashomon.model import Article, Rejected
from rashomon.store.database import SCHEMA_VERSION, Store, StoryRow, content_hash, store_failures
from rashomon.store.index_files import MAGIC, SavedIndex

FULL = Article(
    id="harbor-1",
    source="inputs/harbor.txt",
    text="The ferry ran aground at dawn.\n\nNo one was hurt, the coastguard said.",
    title="Ferry runs aground",
    published="2024-05-14T06:30:00+01:00",
    outlet="Harbor Ledger",
    byline="By Ann Example",
    url="https://example.invalid/ferry",
    relays=("Reuters", "AP"),
    captions=("The ferry at low tide. Photo: staff",),
    language="en",
)
BARE = Article(id="bare-1", source="inputs/bare.txt", text="A short body with “curly” quotes and é.")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "nested" / "store.duckdb") as opened:
        yield opened


def test_round_trip_keeps_every_field(store: Store) -> None:
    result = store.save_batch([FULL, BARE], [])
    assert (result.added, result.updated, result.unchanged, result.conflicts) == (2, 0, 0, ())
    assert store.articles() == [BARE, FULL]  # ordered by id
    assert store.counts() == {"articles": 2, "rejected": 0, "extractions": 0, "stories": 0}


def test_round_trip_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    with Store(path) as first:
        first.save_batch([FULL], [Rejected(input="broken.html", reason="Not a page.")])
    with Store(path) as second:
        assert second.articles() == [FULL]
        assert second.rejected() == [Rejected(input="broken.html", reason="Not a page.")]


def test_published_inferred_is_not_stored(store: Store) -> None:
    store.save_batch([replace(BARE, published="2024-05-14", published_inferred=True)], [])
    (back,) = store.articles()
    assert back.published == "2024-05-14"
    assert back.published_inferred is False


def test_saving_the_same_batch_again_changes_nothing(store: Store) -> None:
    rejected = [Rejected(input="broken.html", reason="Not a page.")]
    store.save_batch([FULL, BARE], rejected)
    hashes = store.content_hashes()
    again = store.save_batch([FULL, BARE], rejected)
    assert (again.added, again.updated, again.unchanged, again.conflicts) == (0, 0, 2, ())
    assert store.counts() == {"articles": 2, "rejected": 1, "extractions": 0, "stories": 0}
    assert store.content_hashes() == hashes


def test_removed_lines_and_provenance_are_kept_apart_from_the_content(store: Store) -> None:
    noted = replace(FULL, removed=("Share on Facebook", "x" * 900), provenance=(("title", "the page's markup"),))
    store.save_batch([noted], [])
    assert store.content_hashes() == {FULL.id: content_hash(FULL)}
    notes = store.article_notes(FULL.id)
    assert notes is not None
    assert notes["removed"] == ["Share on Facebook", "x" * 500]
    assert (notes["removed_total"], notes["provenance"]) == (2, {"title": "the page's markup"})
    assert store.articles() == [FULL], "notes describe the cleaning: the article itself is unchanged"
    assert store.article_notes("never-stored") is None
    store.connection.execute("DELETE FROM article_notes")
    again = store.save_batch([noted], [])
    assert again.unchanged == 1
    assert store.article_notes(FULL.id) == notes, "an unchanged article stored without notes gets them"


def test_same_id_from_another_source_is_a_conflict(store: Store) -> None:
    store.save_batch([FULL], [])
    impostor = replace(FULL, source="inputs/other.txt", text="A different story entirely.")
    result = store.save_batch([impostor], [])
    assert (result.added, result.updated) == (0, 0)
    (conflict,) = result.conflicts
    assert conflict.input == "inputs/other.txt (harbor-1)", "a record of a many-article file is named by its id"
    assert "harbor-1" in conflict.reason
    assert FULL.source in conflict.reason
    assert store.articles() == [FULL]


def test_the_same_file_named_another_way_is_unchanged(store: Store) -> None:
    store.save_batch([FULL], [])
    for spelling in ("/home/ann/inputs/harbor.txt", "../ann/inputs/harbor.txt"):  # absolute, from another folder
        result = store.save_batch([replace(FULL, source=spelling)], [])
        assert (result.added, result.updated, result.unchanged, result.conflicts) == (0, 0, 1, ())
    assert store.articles() == [FULL]


def test_a_store_in_use_by_another_process_names_it(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    holder = "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()"
    with subprocess.Popen(
        [sys.executable, "-c", holder, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as other:
        assert other.stdout is not None and other.stdout.readline() == "ready\n"
        try:
            with pytest.raises(StoreError) as raised:
                Store(path)
        finally:
            other.communicate("")
    assert str(raised.value) == (
        f"The store {path} is in use by another run (process {other.pid}); wait for that run to end, or give this "
        "one another --out or --db."
    )


def test_conflict_is_kept_in_the_rejected_list(store: Store) -> None:
    store.save_batch([FULL], [])
    result = store.save_batch([replace(FULL, source="inputs/other.txt", text="A different story entirely.")], [])
    assert store.rejected() == list(result.conflicts)


def test_a_batch_of_many_rejections_is_saved_at_once_the_last_reason_winning(store: Store) -> None:
    rejected = [Rejected(input=f"in.jsonl#{n}", reason=f"Reason {n}.") for n in range(5_000)]
    store.save_batch([], [*rejected, Rejected(input="in.jsonl#7", reason="Read again.")])
    stored = {r.input: r.reason for r in store.rejected()}
    assert len(stored) == 5_000
    assert stored["in.jsonl#7"] == "Read again." and stored["in.jsonl#8"] == "Reason 8."


def test_same_source_with_changed_text_is_updated(store: Store) -> None:
    store.save_batch([FULL], [])
    edited = replace(FULL, text=FULL.text + " The tide lifted it by noon.", relays=())
    result = store.save_batch([edited], [])
    assert (result.added, result.updated, result.unchanged) == (0, 1, 0)
    assert store.articles() == [edited]
    assert store.counts()["articles"] == 1


def test_rejected_input_read_later_leaves_the_rejected_list(store: Store) -> None:
    store.save_batch([], [Rejected(input=BARE.source, reason="Encoding unknown."), Rejected(input="x", reason="No.")])
    assert [r.input for r in store.rejected()] == [BARE.source, "x"]
    store.save_batch([BARE], [])
    assert store.rejected() == [Rejected(input="x", reason="No.")]


def test_rejected_reason_is_replaced_not_duplicated(store: Store) -> None:
    store.save_batch([], [Rejected(input="x", reason="First reason.")])
    store.save_batch([], [Rejected(input="x", reason="Second reason.")])
    assert store.rejected() == [Rejected(input="x", reason="Second reason.")]


def test_extractions_are_stale_when_content_or_version_change(store: Store) -> None:
    store.save_batch([FULL, BARE], [])
    assert store.stale_extractions("v1") == ["bare-1", "harbor-1"]
    store.save_extractions("v1", [("harbor-1", '{"a": 1}'), ("bare-1", '{"b": 2}')])
    assert store.stale_extractions("v1") == []
    assert store.extractions(["harbor-1"]) == {"harbor-1": '{"a": 1}'}
    assert store.stale_extractions("v2") == ["bare-1", "harbor-1"], "another extractor version redoes them all"
    store.save_batch([replace(FULL, text="The ferry was refloated.")], [])
    assert store.stale_extractions("v1") == ["harbor-1"], "changed content redoes that article only"
    store.save_extractions("v1", [("harbor-1", '{"a": 3}')])
    assert store.extractions(["harbor-1", "bare-1"]) == {"harbor-1": '{"a": 3}', "bare-1": '{"b": 2}'}
    assert store.counts()["extractions"] == 2


def test_fingerprint_holders_skip_lone_and_common_fingerprints(store: Store) -> None:
    store.save_fingerprints({"a": [1, 2, 3], "b": [2, 3], "c": [3]})
    assert store.fingerprint_holders([1, 2, 3, 4], most=2) == {2: ["a", "b"]}
    assert store.fingerprint_holders([3], most=3) == {3: ["a", "b", "c"]}
    store.save_fingerprints({"a": [9]})
    assert store.fingerprint_holders([2, 3], most=3) == {3: ["b", "c"]}, "an article's fingerprints are replaced"


def test_stories_are_replaced_and_dropped_by_id(store: Store) -> None:
    assert store.story_index() is None
    store.save_batch([FULL, BARE], [])
    assert store.unindexed() == ["bare-1", "harbor-1"]
    store.save_story_index("digest", b"\x00index", {}, ["harbor-1"])
    assert (store.unindexed(), store.stories_due(), store.story_index_settings()) == (["bare-1"], True, "digest")

    def row(story: str, basis: str, body: str) -> StoryRow:
        members = ("m1", "m2")
        return StoryRow(
            id=story, basis=basis, members=members, day=date(2024, 5, 1), outlets=frozenset("ba"), body=body
        )

    store.save_stories([row("s1", "basis-1", '{"x": 1}'), row("s2", "basis-2", '{"x": 2}')])
    assert store.stories(["s2"]) == ['{"x": 2}']
    store.save_stories([row("s1", "basis-3", '{"x": 3}')], gone=["s2"])
    assert store.story_bases() == {"s1": "basis-3"}
    assert store.stories() == ['{"x": 3}']
    assert store.story_entries() == [("s1", 2, date(2024, 5, 1), ["a", "b"])]
    assert store.story_members() == {"s1": ["m1", "m2"]}
    store.stories_done("basis")
    assert (store.stories_due(), store.stories_basis()) == (False, "basis")
    store.save_story_index("other", b"again", {}, ["bare-1"], fresh=True)
    assert store.unindexed() == ["harbor-1"], "a fresh index holds only what it was given"
    assert store.story_index() == SavedIndex("other", b"again", {})


def test_a_store_of_schema_version_1_gains_the_language_column_and_keeps_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as connection:
        # The articles table and version mark as rashomon wrote them before the language column.
        connection.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
        connection.execute("INSERT INTO meta VALUES ('schema_version', '1')")
        connection.execute(
            "CREATE TABLE articles (id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, source VARCHAR NOT NULL, "
            "text VARCHAR NOT NULL, title VARCHAR, published VARCHAR, outlet VARCHAR, byline VARCHAR, url VARCHAR, "
            "relays VARCHAR NOT NULL, captions VARCHAR NOT NULL)"
        )
        connection.execute(
            "INSERT INTO articles VALUES ('bare-1', 'x', 'inputs/bare.txt', 'A short body.', NULL, NULL, NULL, NULL, "
            "NULL, '[]', '[]')"
        )
    with Store(path) as store:
        assert store.articles() == [Article(id="bare-1", source="inputs/bare.txt", text="A short body.")]
        store.save_batch([FULL], [])
        assert [a.language for a in store.articles()] == [None, "en"]
    with duckdb.connect(str(path)) as connection:
        assert connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            str(SCHEMA_VERSION),
        )


def test_sentence_vectors_round_trip_in_parts_and_are_replaced(store: Store) -> None:
    long = np.arange(120 * 384, dtype=np.float32).reshape(120, 384) / 1000  # 92 KB as float16: several parts
    store.save_sentence_vectors({"a": ("basis-a", long), "b": ("basis-b", np.zeros((0, 384), dtype=np.float32))})
    kept = store.sentence_vectors({"a": "basis-a", "b": "basis-b"})
    assert np.array_equal(kept["a"], long.astype(np.float16).astype(np.float32))
    assert kept["b"].shape == (0, 384)
    assert store.connection.execute("SELECT max(octet_length(vectors)) FROM sentence_vectors").fetchone()[0] < 16_000
    store.save_sentence_vectors({"a": ("basis-a2", long[:3])})
    assert store.sentence_vectors({"a": "basis-a"}) == {}, "vectors of another basis are not given"
    assert store.sentence_vectors({"a": "basis-a2"})["a"].shape == (3, 384), "the longer earlier parts are gone"


def test_a_store_of_schema_version_3_keeps_its_extractions_stories_and_vectors(tmp_path: Path) -> None:
    path = tmp_path / "v3.duckdb"
    with Store(path) as store:
        store.save_batch([FULL], [])
        stored = store.connection.execute("SELECT * FROM articles").fetchone()
    vectors = (np.arange(50 * 8, dtype=np.float32).reshape(50, 8) / 7).astype(np.float16)
    with duckdb.connect(str(path)) as connection:
        # The tables as schema 3 laid them out: plain texts and JSON bodies, an article's vectors in one value.
        connection.execute("DROP TABLE articles")
        connection.execute(
            "CREATE TABLE articles (id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, source VARCHAR NOT NULL, "
            "text VARCHAR NOT NULL, title VARCHAR, published VARCHAR, outlet VARCHAR, byline VARCHAR, url VARCHAR, "
            "relays VARCHAR NOT NULL, captions VARCHAR NOT NULL, language VARCHAR)"
        )
        connection.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [*stored[:3], FULL.text, *stored[4:]],
        )
        connection.execute("DROP TABLE extractions")
        connection.execute("DROP TABLE stories")
        connection.execute("DROP TABLE sentence_vectors")
        connection.execute(
            "CREATE TABLE extractions (article_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, "
            "version VARCHAR NOT NULL, body VARCHAR NOT NULL)"
        )
        connection.execute(
            "CREATE TABLE stories (id VARCHAR PRIMARY KEY, basis VARCHAR NOT NULL, members VARCHAR[] NOT NULL, "
            "size INTEGER NOT NULL, day DATE, outlets VARCHAR[] NOT NULL, body VARCHAR NOT NULL)"
        )
        connection.execute(
            "CREATE TABLE sentence_vectors (article VARCHAR PRIMARY KEY, basis VARCHAR NOT NULL, "
            "width INTEGER NOT NULL, vectors BLOB NOT NULL)"
        )
        connection.execute("INSERT INTO extractions SELECT id, content_hash, 'v1', '{\"quotes\": []}' FROM articles")
        connection.execute(
            "INSERT INTO stories VALUES "
            "('s1', 'b', ['harbor-1'], 1, DATE '2024-05-14', ['Harbor Ledger'], '{\"x\": 1}')"
        )
        connection.execute("INSERT INTO sentence_vectors VALUES ('harbor-1', 'vb', 8, ?)", [vectors.tobytes()])
        connection.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert store.articles() == [FULL]
        assert store.save_batch([FULL], []).unchanged == 1, "the content hash is the same"
        assert store.extractions(["harbor-1"]) == {"harbor-1": '{"quotes": []}'}
        assert store.stale_extractions("v1") == []
        assert store.stories(["s1"]) == ['{"x": 1}']
        assert store.story_entries() == [("s1", 1, date(2024, 5, 14), ["Harbor Ledger"])]
        assert np.array_equal(store.sentence_vectors({"harbor-1": "vb"})["harbor-1"], vectors.astype(np.float32))
    with duckdb.connect(str(path)) as connection:
        assert connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("4",)


def test_other_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    Store(path).close()
    with duckdb.connect(str(path)) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="99"):
        Store(path)


def test_in_memory_store() -> None:
    with Store(None) as memory:
        assert memory.path is None
        memory.save_batch([FULL], [])
        assert memory.articles() == [FULL]
    with Store(None) as fresh:  # nothing shared between in-memory stores
        assert fresh.articles() == []


def test_failed_transaction_rolls_back(store: Store) -> None:
    store.save_batch([FULL], [])
    with pytest.raises(RuntimeError, match="boom"), store.transaction():
        store.connection.execute("INSERT INTO rejected VALUES ('half.txt', 'half written')")
        store.connection.execute("DELETE FROM articles")
        raise RuntimeError("boom")
    assert store.rejected() == []
    assert store.articles() == [FULL]
    store.save_batch([BARE], [])  # the store is usable afterwards
    assert store.counts()["articles"] == 2


def test_conflict_inside_a_batch_keeps_the_rest(store: Store) -> None:
    store.save_batch([FULL], [])
    impostor = replace(FULL, source="inputs/other.txt", text="Something else.")
    result = store.save_batch([impostor, BARE], [])
    assert result.added == 1
    assert len(result.conflicts) == 1
    assert [a.id for a in store.articles()] == ["bare-1", "harbor-1"]


def test_page_lines_are_counted_per_site_as_sets_and_replaced(store: Store) -> None:
    store.save_page_lines({"a": ("one.example", ["menu", "story-a", "menu"]), "b": ("one.example", ["menu", "x"])})
    store.save_page_lines({"c": ("two.example", ["menu"])})
    assert store.shared_lines() == {"one.example": {"menu": 2}}
    store.save_page_lines({"a": ("one.example", ["menu", "story-a"]), "b": ("one.example", ["menu", "x"])})
    assert store.shared_lines() == {"one.example": {"menu": 2}}, "saving the same pages again counts the same"
    store.save_page_lines({"b": ("one.example", ["x"])})
    assert store.shared_lines() == {}, "a page's earlier lines are replaced"


def _column_values(saved: SavedIndex | None) -> dict[str, list[int]]:
    assert saved is not None
    rows = len(saved.state)  # the tests' state is one byte per row
    return {name: column[:rows].tolist() for name, column in saved.columns.items()}


@pytest.mark.parametrize("on_disk", [True, False])
def test_a_story_index_grows_by_appending_and_a_save_cut_short_leaves_the_last_one(
    tmp_path: Path, on_disk: bool
) -> None:
    path = tmp_path / "store.duckdb" if on_disk else None
    with Store(path) as store:
        store.save_batch([FULL, BARE], [])
        store.save_story_index("digest", b"ab", {"rows": np.arange(2)}, ["harbor-1"], fresh=True)
        saved = store.story_index()
        assert saved is not None and len(saved.columns["rows"]) > 2, "read with room to grow"
        grown = saved.columns["rows"]
        grown[2:3] = [7]
        store.save_story_index("digest", b"abc", {"rows": grown[:3]}, ["bare-1"])
        assert _column_values(store.story_index()) == {"rows": [0, 1, 7]}
    if not on_disk:
        return
    (folder,) = tmp_path.glob("store.duckdb.stories-*")
    assert folder.is_dir() and len(list(folder.glob("state-*"))) == 1, "the earlier state file is removed"
    assert (folder / "rows.bin").stat().st_size == (3 + 1024) * 8, "the values, and room for the next to append"
    with (folder / "rows.bin").open("r+b") as column:  # a save killed before its commit
        column.seek(3 * 8)
        column.write(np.array([99, 98], dtype=np.int64).tobytes())
    with Store(path) as store:
        assert store.story_index_settings() == "digest"
        saved = store.story_index()
        assert _column_values(saved) == {"rows": [0, 1, 7]}, "read up to the committed length"
        assert saved is not None
        grown = saved.columns["rows"]
        grown[3:4] = [5]
        store.save_story_index("digest", b"abcd", {"rows": grown[:4]}, [])
    assert np.fromfile(folder / "rows.bin", dtype=np.int64)[:5].tolist() == [0, 1, 7, 5, 98], (
        "the cut tail written over"
    )
    with Store(path) as store:
        store.save_story_index("fresh", b"x", {"rows": np.array([3])}, ["harbor-1"], fresh=True)
        assert _column_values(store.story_index()) == {"rows": [3]}
    (renewed,) = tmp_path.glob("store.duckdb.stories-*")
    assert renewed != folder, "a fresh index goes to a new folder, the old one is removed"
    with (renewed / "rows.bin").open("r+b") as column:
        column.truncate(0)
    with Store(path) as store:
        assert store.story_index() is None, "a column cut short: the index is built again"
    for state in renewed.glob("state-*"):
        state.unlink()
    with Store(path) as store:
        assert (store.story_index(), store.story_index_settings()) == (None, None), "a lost index is built again"


def test_a_story_index_saved_whole_by_an_older_store_is_read_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    with Store(path) as store:
        store.connection.execute("INSERT INTO story_index VALUES (1, 'digest', '', 'store.duckdb.stories-old')")
    (tmp_path / "store.duckdb.stories-old").write_bytes(b"pickled whole")
    with Store(path) as store:
        assert store.story_index() == SavedIndex("digest", b"pickled whole", {})
        store.save_story_index("digest", b"a", {"rows": np.arange(1)}, [])
        assert _column_values(store.story_index()) == {"rows": [0]}
    assert [p.is_dir() for p in tmp_path.glob("store.duckdb.stories-*")] == [True], "the old file is removed"


def test_a_store_cut_short_is_a_store_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "cut.duckdb"
    with Store(path) as store:
        store.save_batch([Article(id=f"a{i}", source="s", text="word " * 2000) for i in range(200)], [])
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(StoreError, match=r"cut\.duckdb cannot be opened.*damaged or cut short"):
        Store(path)


def test_a_story_index_saved_by_a_store_that_read_an_older_one_is_written_whole(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    with Store(path) as first:
        first.save_story_index("digest", b"ab", {"rows": np.arange(2)}, [], fresh=True)
        with Store(path) as second:
            saved = first.story_index()
            assert saved is not None
            second.save_story_index("digest", b"xyz", {"rows": np.array([5, 6, 7])}, [], fresh=True)
            grown = saved.columns["rows"]
            grown[2:4] = [2, 3]
            first.save_story_index("digest", b"abcd", {"rows": grown[:4]}, [])
            assert _column_values(second.story_index()) == {"rows": [0, 1, 2, 3]}, "no hole where a folder was"


def test_a_copied_store_saves_its_index_in_a_folder_of_its_own(tmp_path: Path) -> None:
    original, copy = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    with Store(original) as store:
        store.save_story_index("digest", b"ab", {"rows": np.arange(2)}, [], fresh=True)
    shutil.copy(original, copy)
    with Store(copy) as store:
        saved = store.story_index()
        assert saved is not None
        store.save_story_index("digest", b"abc", {"rows": np.append(saved.columns["rows"][:2], 9)}, [])
    assert len(list(tmp_path.glob("b.duckdb.stories-*"))) == 1
    with Store(original) as store:
        assert _column_values(store.story_index()) == {"rows": [0, 1]}, "the original's index is untouched"
    with Store(copy) as store:
        assert _column_values(store.story_index()) == {"rows": [0, 1, 9]}


def test_a_damaged_story_index_header_means_the_index_is_built_again(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    with Store(path) as store:
        store.save_story_index("digest", b"ab", {"rows": np.arange(2)}, [], fresh=True)
    (state,) = tmp_path.glob("store.duckdb.stories-*/state-*")
    state.write_bytes(MAGIC + b"{not json\n" + b"ab")
    with Store(path) as store:
        assert store.story_index() is None


def test_a_database_failure_during_a_run_is_a_store_error_naming_the_store(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    expected = r"The store .*s\.duckdb could not be read or written \(IOException: "
    with pytest.raises(StoreError, match=expected), store_failures(path):
        raise duckdb.IOException("No space left on device")


def test_reads_by_id_give_the_same_rows_for_short_and_long_id_lists(store: Store) -> None:
    # Short lists are bound one parameter each, long ones as one array: both must find the same rows.
    many = [replace(BARE, id=f"bare-{n:04d}", source=f"inputs/bare-{n}.txt") for n in range(300)]
    store.save_batch(many, [])
    store.save_extractions("v1", [(a.id, f'{{"n": "{a.id}"}}') for a in many])
    short, long = [a.id for a in many[:3]] + ["missing"], [a.id for a in many] + ["missing"]
    assert [a.id for a in store.articles(short)] == short[:3]
    assert [a.id for a in store.articles(long)] == long[:300]
    assert store.extractions(long) == {a.id: f'{{"n": "{a.id}"}}' for a in many}
    assert store.stale_extractions("v1", among=short) == []
    assert store.stale_extractions("v2", among=long) == long[:300]
    assert store.articles([]) == []
