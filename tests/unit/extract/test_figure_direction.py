"""The direction of change of a figure: "up" or "down" when it is the size of a move the sentence states."""

from __future__ import annotations

import json

import pytest

from rashomon.model import Figure
from rashomon.store.records import from_json, to_json
from tests.unit.extract.conftest import Finder


def _directions(found: tuple[Figure, ...], text: str) -> dict[str, str | None]:
    return {text[f.start : f.end]: f.direction for f in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a change verb's measure, through "by", or with a word of way
        ("The index fell 3 points to close at 7,210.", {"3 points": "down", "7,210": None}),
        ("Wages grew by 4 per cent over the year.", {"4 per cent": "up"}),
        ("The central bank lowered its key rate by 25 basis points.", {"25 basis points": "down"}),
        ("The miner shed 4% in early trade.", {"4%": "down"}),
        ("Profit declined 12% year on year.", {"12%": "down"}),
        ("Unemployment edged up 0.1 percentage point.", {"0.1 percentage point": "up"}),
        ("Its shares were 7% higher at midday.", {"7%": "up"}),
        ("Prices were lower by 2% than a year before.", {"2%": "down"}),
        ("The bank reported an increase of $3 billion in deposits.", {"$3 billion": "up"}),
        ("Exports slumped by nearly 8 per cent in March.", {"nearly 8 per cent": "down"}),
        # a forecast keeps its way
        ("Rents are expected to rise 3% next year.", {"3%": "up"}),
    ],
)
def test_a_move_has_a_direction(figures: Finder, text: str, expected: dict[str, str | None]) -> None:
    assert _directions(figures(text), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the level reached or left is no move
        ("Revenue rose to $5 billion.", {"$5 billion": None}),
        ("Output jumped from 240 units to 273 units.", {"240 units": None, "273 units": None}),
        # what a verb acts on is not the size of its move
        ("The carmaker said it would cut 6,000 jobs next year.", {"6,000 jobs": None}),
        ("The retailer added 2,000 workers over the summer.", {"2,000 workers": None}),
        ("The start-up raised $2 million from investors.", {"$2 million": None}),
        # a denied change
        ("Sales did not rise 5% in the quarter.", {"5%": None}),
        # a level stated beside a move of its own
        ("The town has 4,000 residents and grew 2% last year.", {"4,000 residents": None, "2%": "up"}),
    ],
)
def test_no_direction_without_a_move(figures: Finder, text: str, expected: dict[str, str | None]) -> None:
    assert _directions(figures(text), text) == expected


def test_sign_and_listed_moves(figures: Finder) -> None:
    text = "Markets at noon: Dow +0.4%, while the bank was down 12p at 340p and the miner up 3 per cent."
    found = _directions(figures(text), text)
    assert found["+0.4%"] == "up"
    assert found["12p"] == "down"
    assert found["340p"] is None


def test_a_stored_figure_without_direction_loads() -> None:
    figure = Figure(id="a:figure:0-2", article="a", start=0, end=2, value=12.0, unit=None, approx=False)
    data = json.loads(to_json(figure))
    data.pop("direction", None)
    assert from_json(Figure, json.dumps(data)).direction is None


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("They play a 4+1 format with 3+2 rotations.", "1 format"),  # a plus between numbers is no sign
        ("Temperature: +5C on Monday.", "+5C"),  # a signed level
        ("The plane went down 30 miles from the coast.", "30 miles"),  # where, not how far it moved
        ("He grew up 20 miles from Boston.", "20 miles"),
        ("The airline lost $1.2 billion in the quarter.", "$1.2 billion"),  # money lost is no fall of an amount
    ],
)
def test_signs_distances_and_losses_are_no_moves(figures: Finder, text: str, figure: str) -> None:
    assert _directions(figures(text), text)[figure] is None


def test_a_signed_percentage_is_a_rise(figures: Finder) -> None:
    text = "Nasdaq +0.8% on the day."
    assert _directions(figures(text), text) == {"+0.8%": "up"}
