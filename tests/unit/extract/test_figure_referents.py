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
        # A noun joined to the verb of the clause ("... and a fine of"): the verb's subject.
        (
            "The crime is punishable by a year in prison and a fine of $5,000.",
            "$5,000",
            ("fine", "crime"),
        ),
        # What an amount is paid for, and what is paid for an amount.
        ("Passengers paid $2,000 for the flights.", "$2,000", ("flights", "Passengers")),
        ("Arnold bought a notebook for $900.", "$900", ("notebook", "Arnold")),
        # A clause hanging from a preposition takes the subject above it.
        ("Acme shares are up 57% after plummeting 65% last year.", "65%", ("Acme shares",)),
        # A hyphenated name the parse splits.
        ("Ben-Moshe has raised 280 million shekels.", "280 million shekels", ("Ben-Moshe",)),
        # A day is when, not what, even written in lower case.
        ("Waymo said Tuesday it will create 400 jobs.", "400 jobs", ("Waymo",)),
        ("waymo said tuesday waymo will create 400 jobs.", "400 jobs", ("waymo",)),
        # A pronoun subject of a relative clause stands for the subject of the clause above.
        (
            "Musk uses his account, where he has more than 80 million followers.",
            "more than 80 million followers",
            ("Musk",),
        ),
        # An adjective with a subject of its own is the clause.
        ("The grant was worth up to $8 million.", "up to $8 million", ("grant",)),
    ],
)
def test_referents(nlp: Any, text: str, phrase: str, referents: tuple[str, ...]) -> None:
    assert _referents(nlp, text)[phrase] == referents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Barclays fell 2.1 per cent, Lloyds down 1.5 per cent and HSBC up 0.4 per cent.",
            {"1.5 per cent": ("Lloyds",), "0.4 per cent": ("HSBC",)},
        ),
        (
            "The biggest fallers were Unite Group, down 68p at 1112p.",
            {"68p": ("Unite Group",), "1112p": ("Unite Group",)},
        ),
        ("On Wall St: Dow +0.2% Nasdaq +0.8%.", {"+0.2%": ("Dow",), "+0.8%": ("Nasdaq",)}),
    ],
)
def test_a_name_listed_with_its_move_is_what_the_move_is_of(
    nlp: Any, text: str, expected: dict[str, tuple[str, ...]]
) -> None:
    found = _referents(nlp, text)
    assert {phrase: found[phrase] for phrase in expected} == expected


def test_a_move_inside_a_longer_phrase_is_not_a_listed_name(nlp: Any) -> None:
    found = _referents(nlp, "Shares of Acme Corp were up 5% on Monday.")
    assert found["5%"] == ("Shares of Acme Corp",)


def test_a_participle_between_figure_and_noun_is_climbed_over(nlp: Any) -> None:
    assert _referents(nlp, "They added 50mL of 30% fuming sulfuric acid.")["30%"] == ("fuming sulfuric acid",)


def test_a_referent_leaves_out_the_figures_in_it(nlp: Any) -> None:
    text = "The firm sold its 3,000-acre farm for $40 million."
    found = _referents(nlp, text)
    assert all(not any(c.isdigit() for c in r) for rs in found.values() for r in rs)


def test_a_place_after_the_figure_is_not_what_it_is_part_of(nlp: Any) -> None:
    assert _referents(nlp, "The bank, which has 500 branches in Spain, cut jobs.")["500 branches"] == ("bank",)


def test_a_listed_name_with_its_own_figure_is_not_the_referent(nlp: Any) -> None:
    found = _referents(nlp, "Top relievers: John Gant (0.5 WAR), Alex Reyes (0.4 WAR).")
    assert (found["0.5 WAR"], found["0.4 WAR"]) == (("John Gant",), ("Alex Reyes",))


def test_brackets_around_a_figure_left_out_are_dropped(nlp: Any) -> None:
    found = _referents(nlp, "The probe made a 1.8 billion-mile (2.8bn km) journey from Earth.")
    assert found["2.8bn km"][0] == "journey from Earth"
