"""The streaming story index: batches join, open, merge and split stories; order does not matter; copies stay."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from rashomon.model import Article
from rashomon.settings import StorySettings
from rashomon.store.database import Store
from rashomon.stories.cluster import StoryFacts, signatures
from rashomon.stories.evidence import PAIR_FEATURES, PairModel
from rashomon.stories.index import StoryIndex, _narrow_pair, average_link
from tests.reports import FINAL, QUAKE

FACTS = {
    "quake": StoryFacts(entities=frozenset({"peru", "arequipa"}), proper_nouns=("peru", "arequipa")),
    "final": StoryFacts(entities=frozenset({"porto", "benfica"}), proper_nouns=("porto", "benfica")),
}


def reports(published: str | None = "2024-05-14") -> list[Article]:
    articles = [Article(id=f"quake-{i}", source="t", text=t, published=published) for i, t in enumerate(QUAKE)]
    articles += [Article(id=f"final-{i}", source="t", text=t, published=published) for i, t in enumerate(FINAL)]
    return articles


def facts_of(articles: list[Article]) -> dict[str, StoryFacts]:
    return {a.id: FACTS[a.id.split("-")[0]] for a in articles}


def placed(articles: list[Article], sizes: list[int], settings: StorySettings | None = None) -> list[list[str]]:
    index = StoryIndex(settings or StorySettings())
    start = 0
    for size in sizes:
        batch = articles[start : start + size]
        index.add(signatures(batch, facts_of(batch)))
        start += size
    return index.stories()


EXPECTED = [["final-0", "final-1", "final-2"], ["quake-0", "quake-1", "quake-2"]]


def test_one_batch_groups_two_events() -> None:
    assert placed(reports(), [6]) == EXPECTED


@pytest.mark.parametrize("sizes", [[1] * 6, [2, 2, 2], [5, 1], [1, 5]])
def test_articles_arriving_in_any_batches_give_the_same_stories(sizes: list[int]) -> None:
    assert placed(reports(), sizes) == EXPECTED


@pytest.mark.parametrize("seed", range(4))
def test_arrival_order_does_not_change_the_stories(seed: int) -> None:
    articles = reports()
    random.Random(seed).shuffle(articles)
    assert placed(articles, [1] * 6) == EXPECTED


def test_a_late_article_joins_its_story_and_an_unrelated_one_opens_a_new_story() -> None:
    index = StoryIndex(StorySettings())
    first = reports()
    index.add(signatures(first, facts_of(first)))
    late = Article(
        id="quake-late",
        source="t",
        text="Rescuers in Arequipa kept searching collapsed houses a day after the earthquake hit southern Peru.",
        published="2024-05-15",
    )
    other = Article(id="eclipse", source="t", text="Crowds watched the total solar eclipse from a hilltop park.")
    index.add(signatures([late, other], {late.id: FACTS["quake"]}))
    assert ["quake-0", "quake-1", "quake-2", "quake-late"] in index.stories()
    assert ["eclipse"] in index.stories()
    assert len(index) == 8


def test_adding_an_article_again_changes_nothing() -> None:
    index = StoryIndex(StorySettings())
    articles = reports()
    index.add(signatures(articles, facts_of(articles)))
    index.add(signatures(articles[:2], facts_of(articles[:2])))
    assert index.stories() == EXPECTED
    assert len(index) == 6


def test_articles_further_apart_than_the_window_never_share_a_story() -> None:
    early = Article(id="quake-a", source="t", text=QUAKE[0], published="2024-05-14")
    late = Article(id="quake-b", source="t", text=QUAKE[0], published="2024-06-14")
    near = Article(id="quake-c", source="t", text=QUAKE[0], published="2024-05-16")
    assert placed([early, late, near], [3]) == [["quake-a", "quake-c"], ["quake-b"]]


def test_a_copy_stays_with_its_original_whatever_its_words() -> None:
    articles = reports()
    stray = Article(id="copy", source="t", text="Relay of a wire story, cut short by the aggregator.")
    index = StoryIndex(StorySettings())
    index.add(signatures(articles, facts_of(articles)))
    index.add(signatures([stray], {}), {"copy": "final-1"})
    assert ["copy", "final-0", "final-1", "final-2"] in index.stories()


def test_a_story_merged_on_thin_evidence_splits_when_its_events_fill_in() -> None:
    # A model that reads only word overlap, so the test controls the evidence exactly.
    words_only = PairModel(weights=tuple(12.0 if f == "words" else 0.0 for f in PAIR_FEATURES), intercept=-8.0)
    index = StoryIndex(StorySettings(threshold=0.5, link_floor=0.05), words_only)

    def add(*items: tuple[str, str]) -> None:
        batch = [Article(id=i, source="t", text=t, published="2024-05-14") for i, t in items]
        index.add(signatures(batch, {}))

    # Alone, two notes agree on every word either of the two has seen twice: one story.
    add(("a1", "harbour dock workers crane alarm evacuated"), ("b1", "harbour dock workers crane drill rehearsal"))
    assert index.stories() == [["a1", "b1"]]
    # Each event's own reports arrive: the shared words turn common, the two readings pull apart, the story splits.
    add(
        ("a2", "harbour dock workers alarm evacuated smoke"),
        ("a3", "harbour dock workers alarm evacuated injured"),
        ("b2", "harbour dock workers drill rehearsal planned"),
        ("b3", "harbour dock workers drill rehearsal annual"),
    )
    assert index.stories() == [["a1", "a2", "a3"], ["b1", "b2", "b3"]]


def test_average_link_never_joins_across_a_forbidden_pair() -> None:
    similarity = np.array([[0, 0.9, -np.inf], [0.9, 0, 0.9], [-np.inf, 0.9, 0]], dtype=float)
    groups = average_link(similarity, np.ones(3), 0.5)
    assert sorted(map(sorted, groups)) == [[0, 1], [2]]


def test_average_link_weighs_blocks_by_their_size() -> None:
    # Block 0 holds three articles: its average with item 2 (0.2) outweighs item 1's 0.9 once 0 and 1 merge.
    similarity = np.array([[0, 0.9, 0.2], [0.9, 0, 0.9], [0.2, 0.9, 0]], dtype=float)
    assert sorted(map(sorted, average_link(similarity, np.array([3.0, 1.0, 1.0]), 0.5))) == [[0, 1], [2]]
    assert sorted(map(sorted, average_link(similarity, np.array([1.0, 1.0, 1.0]), 0.5))) == [[0, 1, 2]]


@pytest.mark.parametrize("first", range(1, 6))
def test_any_split_into_two_batches_agrees(first: int) -> None:
    assert placed(reports(), [first, 6 - first]) == EXPECTED


def test_narrowing_to_the_left_columns_keeps_the_product_and_leaves_the_scratch_table_clean() -> None:
    rng = np.random.default_rng(3)
    width = 64
    left = sparse.random(3, width, density=0.1, format="csr", random_state=rng, dtype=np.float32)
    right = sparse.random(40, width, density=0.2, format="csr", random_state=rng, dtype=np.float32)
    scratch = np.full(width, -1, dtype=np.int32)
    narrow_left, narrow_right = _narrow_pair(left, right, scratch)
    assert narrow_left.shape[1] == len(np.unique(left.indices)) < width
    assert np.allclose((narrow_right @ narrow_left.T).toarray(), (right @ left.T).toarray())
    assert (scratch == -1).all()


def test_a_saved_index_is_small_and_places_later_articles_as_the_unsaved_one_does() -> None:
    import pickle

    articles = reports()
    kept, saved = StoryIndex(StorySettings()), StoryIndex(StorySettings())
    first, later = articles[::2], articles[1::2]
    for index in (kept, saved):
        index.add(signatures(first, facts_of(first)))
    # Empty slots of the document frequencies and the room kept for appends are not written.
    assert len(pickle.dumps(StoryIndex(StorySettings()))) < 1_000_000
    loaded: StoryIndex = pickle.loads(pickle.dumps(saved))
    for index in (kept, loaded):
        index.add(signatures(later, facts_of(later)))
    assert loaded.stories() == kept.stories() == EXPECTED
    for kind, counts in kept.evidence.frequency.items():
        assert np.array_equal(loaded.evidence.frequency[kind], counts)


def test_an_index_kept_in_a_store_grows_by_its_new_rows_and_places_as_the_unsaved_one(tmp_path: Path) -> None:
    articles = reports()
    kept = StoryIndex(StorySettings())
    thirds = [articles[0::3], articles[1::3], articles[2::3]]
    path = tmp_path / "store.duckdb"
    for number, batch in enumerate(thirds):
        kept.add(signatures(batch, facts_of(batch)))
        with Store(path) as store:
            saved = store.story_index()
            index = StoryIndex.from_saved(saved.state, saved.columns) if saved else StoryIndex(StorySettings())
            index.add(signatures(batch, facts_of(batch)))
            state, columns = index.to_saved()
            store.save_story_index("digest", state, columns, [a.id for a in batch], fresh=number == 0)
    (folder,) = tmp_path.glob("store.duckdb.stories-*")
    words = np.fromfile(folder / "evidence.words.data.bin", dtype=np.float32)
    expected = kept.evidence.rows["words"].matrix().data
    assert np.array_equal(words[: len(expected)], expected), "the appended rows, each once"
    assert not words[len(expected) :].any(), "then only the room kept for the next rows"
    with Store(path) as store:
        saved = store.story_index()
    assert saved is not None
    loaded = StoryIndex.from_saved(saved.state, saved.columns)
    assert loaded.stories() == kept.stories() == EXPECTED
    assert len(saved.state) < 100_000, "the columns are not pickled into the state"
    for kind, counts in kept.evidence.frequency.items():
        assert np.array_equal(loaded.evidence.frequency[kind], counts)
    assert np.array_equal(loaded.evidence.days, kept.evidence.days)
