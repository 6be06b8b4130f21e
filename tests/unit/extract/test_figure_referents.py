"""Tests for figure referents: what each figure is said of, read from the parse of sentences written for the test.

The referents come from the parse of the project's pipeline (the session fixture in tests/conftest.py).
"""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.extract.figures import find_figures


def _referents(nlp: Any, text: str) -> dict[str, tuple[str, ...]]:
    return {text[f.start : f.end]: f.referents for f in find_figures(nlp(text), "a1")}


@pytest.mark.parametrize(
    ("text", "phrase", "referents"),
    [
        # The subject of the clause: the figure is its object.
        ("Acme Motors has hired 1,200 engineers.", "1,200 engineers", ("Acme Motors",)),
        # A relative pronoun stands for its noun.
        ("Acme, which employs 9,000 people, said sales were weak.", "9,000 people", ("Acme",)),
        # A part of a whole: the whole, then the subject.
        (
            "The German retailer makes 40 per cent of its revenue online.",
            "40 per cent",
            ("revenue", "German retailer"),
        ),
        # The noun the amount describes.
        ("They took out a $2,000 personal loan.", "$2,000", ("personal loan",)),
        # What a change is measured on, and the clause's subject.
        ("The update will extend the battery life by 20 minutes.", "20 minutes", ("battery life", "update")),
        # A noun the figure hangs from through a preposition, then its clause's subject.
        ("The court imposed a fine of $5 million on the bank.", "$5 million", ("fine", "court")),
        # A person's age.
        ("Margaret Ellison, 71, opened the library.", "71", ("Margaret Ellison",)),
        # The figure is itself the subject: it is said of nothing else.
        ("Three ships sank near the coast.", "Three ships", ()),
        # A personal pronoun is no referent.
        ("He scored 14 points.", "14 points", ()),
    ],
)
def test_referents(nlp: Any, text: str, phrase: str, referents: tuple[str, ...]) -> None:
    assert _referents(nlp, text)[phrase] == referents


def test_a_referent_leaves_out_the_figures_in_it(nlp: Any) -> None:
    text = "The firm sold its 3,000-acre farm for $40 million."
    found = _referents(nlp, text)
    assert all(not any(c.isdigit() for c in r) for rs in found.values() for r in rs)


def test_a_place_after_the_figure_is_not_what_it_is_part_of(nlp: Any) -> None:
    assert _referents(nlp, "The bank, which has 500 branches in Spain, cut jobs.")["500 branches"] == ("bank",)
