"""Conflicts a reader would not call conflicts: other units, numbers that name a kind of thing, speakers who cannot
speak, one conflict found twice; and quote variants that pair only one statement, named after its own speaker."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rashomon.compare.story import _modifies_noun
from rashomon.model import Figure, Span
from tests.unit.compare.test_story import annotate, compare

CLIMB = "the only track up to the mountain hut was a {} climb for the stretcher team, the warden said."


@pytest.mark.parametrize(
    ("text", "written", "unit", "value", "modifies"),
    [
        ("a 40-minute climb", "40-minute", "minute", 40, True),
        ("a 40 minute climb", "40 minute", "minute", 40, True),
        ("a three-week strike", "three-week", "week", 3, True),
        ("after 40 minutes the team", "40 minutes", "minute", 40, False),
        ("Two months after the storm", "Two months", "month", 2, False),
        ("a 12 km detour", "12 km", "km", 12, False),
        ("it took 40 minute.", "40 minute", "minute", 40, False),
        ("12 crew were rescued", "12 crew", "crew", 12, False),
        ("one mile walk", "one mile", "mile", 1, False),
    ],
)
def test_a_number_that_names_a_kind_of_thing_modifies_its_noun(
    text: str, written: str, unit: str, value: float, modifies: bool
) -> None:
    start = text.index(written)
    figure = Figure(id="x", article="a", start=start, end=start + len(written), value=value, unit=unit, approx=False)
    assert _modifies_noun(figure, text) is modifies


def test_amounts_in_different_units_that_do_not_agree_are_no_conflict() -> None:
    left = annotate(
        "a",
        ["Three weeks after the landslide, " + CLIMB.format("long")],
        figures=[("Three weeks", 3, "week")],
    )
    right = annotate(
        "b",
        ["Three weeks after the landslide, " + CLIMB.format("50 minute")],
        figures=[("50 minute", 50, "minute")],
    )
    result = compare(left, right)
    assert result.conflicts == ()
    assert {f.relation for f in result.figure_alignments} <= {"different-scope"}


def test_a_number_naming_a_kind_of_thing_does_not_conflict_with_a_bare_amount() -> None:
    left = annotate(
        "a",
        ["Rescuers reached the stranded hikers after a 40-minute climb up the ridge on Sunday."],
        figures=[("40-minute", 40, "minute")],
    )
    right = annotate(
        "b",
        ["Rescuers reached the stranded hikers after 55 minutes climbing up the ridge on Sunday."],
        figures=[("55 minutes", 55, "minute")],
    )
    assert compare(left, right).conflicts == ()
    # The same two amounts, both bare, are one quantity and conflict.
    bare = annotate(
        "a",
        ["Rescuers reached the stranded hikers after 40 minutes climbing up the ridge on Sunday."],
        figures=[("40 minutes", 40, "minute")],
    )
    assert [c.kind for c in compare(bare, right).conflicts] == ["figure"]


SAID = "“We lost the mast first, then the engine, and then the radio went dead for a whole night.”"


def test_words_hung_on_a_common_noun_make_no_speaker_conflict() -> None:
    left = annotate("a", [f"Here is how bad things got in the words of the skipper: {SAID}"], quotes=[(SAID, "things")])
    right = annotate("b", [f"{SAID} the skipper, Ola Berg, told the inquiry."], quotes=[(SAID, "Ola Berg")])
    assert [c.kind for c in compare(left, right).conflicts] == []
    # Two people given the same words still conflict.
    named = annotate("a", [f"{SAID} the mate, Per Lund, told the inquiry."], quotes=[(SAID, "Per Lund")])
    assert [c.kind for c in compare(named, right).conflicts] == ["speaker"]


def test_one_passage_quoted_whole_and_in_two_pieces_is_one_conflict() -> None:
    first = "We lost the mast first, then the engine went, and we drifted all night"
    second = "The radio went dead just after midnight and nobody answered our flares"
    left = annotate(
        "a",
        [f"The skipper, Ola Berg, wrote: “{first}. {second}.”"],
        quotes=[(f"{first}. {second}.", "Ola Berg")],
    )
    right = annotate(
        "b",
        [f"“{first},” wrote Per Lund.", f"“{second},” Lund added."],
        quotes=[(first, "Per Lund"), (second, "Per Lund")],
    )
    speaker = [c for c in compare(left, right).conflicts if c.kind == "speaker"]
    assert len(speaker) == 1
    assert "Ola Berg vs Per Lund" in speaker[0].what


def test_a_variant_is_named_after_the_speaker_its_quotes_share() -> None:
    both = "both Ann Ruiz and Tom Abel"
    left = annotate(
        "a",
        [f"At the harbour, {both} said they were ready to start work on the new sea wall."],
        quotes=[("they were ready to start work on the new sea wall", "Ann Ruiz")],
    )
    start = left[0].text.index(both)
    joint = replace(left[1].quotes[0], speaker_span=Span(article="a", start=start, end=start + len(both)))
    left = left[0], replace(left[1], quotes=(joint,))
    right = annotate(
        "b",
        ["Tom Abel said the town was “ready to start work on the new sea wall.”"],
        quotes=[("ready to start work on the new sea wall.", "Tom Abel")],
    )
    (variant,) = compare(left, right).quote_variants
    assert variant.speaker == "Tom Abel"


def test_two_remarks_of_one_speaker_sharing_words_are_not_one_statement() -> None:
    left = annotate(
        "a",
        [
            "The mayor thanked the lock keepers who closed the gates before the river crest reached the town.",
            "Schools will stay shut until Friday.",
        ],
        quotes=[("the lock keepers who closed the gates before the river crest reached the town", "Ann Ruiz")],
    )
    right = annotate(
        "b",
        [
            "Ann Ruiz said the river crest was rising faster than the gates could be closed by hand.",
            "Schools will stay shut until Friday.",
        ],
        quotes=[("the river crest was rising faster than the gates could be closed by hand", "Ann Ruiz")],
    )
    result = compare(left, right)
    assert result.quote_alignments == ()
    assert result.quote_variants == ()
