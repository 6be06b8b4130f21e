"""Search words as FTS5 terms, and the catalog kept in step with the store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rashomon.store.catalog import Catalog, connect
from rashomon.store.database import Store
from rashomon.store.listing import StoryFilter, find_stories, match_expression


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("key bridge", '"key" "bridge"'),
        ('"key bridge" collapse', '"key bridge" "collapse"'),
        ("collaps*", '"collaps"*'),
        ("NEAR(a b) AND (", '"NEAR a" "b" "AND"'),
        ('" OR 1=1 --', '"OR" "1 1"'),
        ("   ", None),
        ("--- ***", None),
    ],
)
def test_match_expression(text: str, expression: str | None) -> None:
    assert match_expression(text) == expression


def test_sync_reads_only_what_changed(web_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "store.duckdb"
    shutil.copyfile(web_store, copy)
    catalog = Catalog(tmp_path / "catalog.sqlite")
    with Store.read_only(copy) as store:
        first = catalog.sync(store)
        again = catalog.sync(store)
    assert (first.articles, first.stories) == (9, 3)
    assert (again.articles, again.stories, again.gone_stories) == (0, 0, 0)
    with Store(copy) as store:  # one story gone from the store: gone from the catalog
        doomed = store.story_catalog()[0][0]
        store.save_stories([], [doomed])
    with Store.read_only(copy) as store:
        after = catalog.sync(store)
    assert (after.stories, after.gone_stories) == (0, 1)
    reader = connect(catalog.path)
    assert find_stories(reader, StoryFilter()).total == 2
    assert find_stories(reader, StoryFilter(story=doomed)).total == 0
    reader.close()
    catalog.close()
