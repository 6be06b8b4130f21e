"""Tests for how a referent starts: never with a word that only joins the figures of a range before its noun ("the 1.5
to 2 degree range" -> "range", not "to range"); on sentences written for the test, read through the project's parse
(the ``nlp`` fixture in tests/unit/extract/conftest.py)."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.extract.figures import find_figures


def _referents(nlp: Any, text: str) -> dict[str, tuple[str, ...]]:
    return {text[f.start : f.end]: f.referents for f in find_figures(nlp(text), "a1")}


@pytest.mark.parametrize(
    ("text", "phrase", "noun"),
    [
        ("Leaders hope to hold warming to the 1.5 to 2 degree range.", "2 degree", "range"),
        ("Leaders hope to hold warming to the 1.5 to 2 degree range.", "1.5", "range"),
    ],
)
def test_a_referent_does_not_start_with_a_word_between_figures(nlp: Any, text: str, phrase: str, noun: str) -> None:
    assert _referents(nlp, text)[phrase][0] == noun
