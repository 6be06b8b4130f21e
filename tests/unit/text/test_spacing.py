"""One-spaced text for the parse: blank runs between words made one space, offsets mapped back exactly."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from rashomon.text.spacing import OneSpaced

WRITTEN = "Sales  rose 12\xa0percent.\n\n  Then\t\t45 more came.  "


def test_blank_runs_between_words_become_one_space_and_line_breaks_stay() -> None:
    assert OneSpaced(WRITTEN).text == "Sales rose 12 percent.\n\n  Then 45 more came.  "


def test_every_word_maps_back_to_itself_as_written() -> None:
    spaced = OneSpaced(WRITTEN)
    words = list(re.finditer(r"\S+", spaced.text))
    as_written = [WRITTEN[spaced.written(w.start()) : spaced.written_end(w.end())] for w in words]
    assert as_written == [w.group() for w in words]


def test_a_span_over_a_made_space_covers_the_whole_run() -> None:
    spaced = OneSpaced(WRITTEN)
    at = spaced.text.index("Then 45")
    assert WRITTEN[spaced.written(at) : spaced.written_end(at + len("Then 45"))] == "Then\t\t45"


def test_a_text_with_single_spaces_is_the_same_text() -> None:
    spaced = OneSpaced("One space each.\nA new line.")
    assert not spaced.changed and spaced.text == "One space each.\nA new line."
    assert (spaced.written(7), spaced.written_end(12)) == (7, 12)


@given(st.lists(st.sampled_from(["word", "12", " ", "  ", "\t", "\xa0", "\n"]), max_size=30))
def test_offsets_map_back_onto_the_same_non_blank_characters(pieces: list[str]) -> None:
    written = "".join(pieces)
    spaced = OneSpaced(written)
    assert len(spaced.text) <= len(written)
    for at, char in enumerate(spaced.text):
        if not char.isspace():
            assert written[spaced.written(at)] == char
            assert spaced.written_end(at + 1) == spaced.written(at) + 1
