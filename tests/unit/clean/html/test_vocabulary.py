"""Tests for the class and id vocabulary's word matching."""

from __future__ import annotations

import re

from rashomon.clean.html.vocabulary import GUARDED_CLASS, PRUNED_FIRST, attribute_words, words


def test_words_find_the_same_values_as_a_flat_alternation() -> None:
    literals = "share sharing social bar banner byline by"
    found = words(literals, " ad ")
    flat = re.compile("|".join([*literals.split(), " ad "]))
    for value in ("share-bar", "byl", "socia", "x ad y", "ad", "top-banner", "sidebar", "grid col-12", "b"):
        assert found.search(value) == bool(flat.search(value)), value


def test_start_words_match_only_at_the_beginning() -> None:
    assert GUARDED_CLASS.search("share-tools")
    assert GUARDED_CLASS.search("ad-slot top")
    assert GUARDED_CLASS.search("top ad-slot")
    assert not GUARDED_CLASS.search("grid-x cell")
    assert PRUNED_FIRST.search("post-bottom")
    assert PRUNED_FIRST.search("link")
    assert not PRUNED_FIRST.search("permalink-box")


def test_attribute_words_split_camel_case_and_lowercase() -> None:
    assert attribute_words("relatedArticleRow commentsDiv") == "related article row comments div"
    assert attribute_words("post-body storyHTML") == "post-body story html"
