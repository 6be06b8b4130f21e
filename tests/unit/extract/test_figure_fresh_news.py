"""Tests for figure rules found by reading the figures of untuned news pages (sport, business, general news):
"a half dozen", amounts of Korean won, golf scores written "14-under 266". Every sentence is made up for the test.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import Finder, read_figures


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Guards turned away a half dozen reporters at the gate.", "a half dozen reporters", 6.0),
        ("The charity raised a half million dollars in a week.", "a half million dollars", 5e5),
    ],
)
def test_a_half_before_a_scale_is_half_of_it(figures: Finder, text: str, phrase: str, value: float) -> None:
    assert [(p, v) for p, v, _ in read_figures(figures, text) if p == phrase] == [(phrase, value)]
