"""Conflicts a reader would not call conflicts: a duration saying when against one saying how long, speakers who
cannot speak, one conflict found twice (and the conflicts that must stay); and quote variants that pair only one
statement, named after its own speaker."""

from __future__ import annotations

from dataclasses import replace

from rashomon.model import Span
from tests.unit.compare.test_story import annotate, compare

CLIMB = "the only track up to the mountain hut was a {} climb for the stretcher team, the warden said."


def test_a_duration_saying_when_is_no_conflict_with_one_saying_how_long() -> None:
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


def test_amounts_in_other_units_and_numbers_naming_a_kind_still_conflict() -> None:
    weeks = annotate(
        "a", ["The bridge will close for six weeks of repairs, the council said."], figures=[("six weeks", 6, "week")]
    )
    days = annotate(
        "b", ["The bridge will close for 30 days of repairs, the council said."], figures=[("30 days", 30, "day")]
    )
    assert [c.kind for c in compare(weeks, days).conflicts] == ["figure"]
    jailed = annotate(
        "a", ["Kell was jailed for 12 years on Thursday for the fraud."], figures=[("12 years", 12, "year")]
    )
    sentence = annotate(
        "b", ["Kell received a 10-year sentence on Thursday for the fraud."], figures=[("10-year", 10, "year")]
    )
    assert [c.kind for c in compare(jailed, sentence).conflicts] == ["figure"]
    # A conversion's round figure agrees: no conflict.
    about = annotate(
        "b", ["The bridge will close for 44 days of repairs, the council said."], figures=[("44 days", 44, "day")]
    )
    assert compare(weeks, about).conflicts == ()


SAID = "“We lost the mast first, then the engine, and then the radio went dead for a whole night.”"


def test_words_hung_on_a_common_noun_make_no_speaker_conflict() -> None:
    left = annotate("a", [f"Here is how bad things got in the words of the skipper: {SAID}"], quotes=[(SAID, "things")])
    right = annotate("b", [f"{SAID} the skipper, Ola Berg, told the inquiry."], quotes=[(SAID, "Ola Berg")])
    assert [c.kind for c in compare(left, right).conflicts] == []
    # Two people given the same words still conflict, named or by their title or role.
    for speaker in ("Per Lund", "the governor", "a police spokeswoman", "Jan de Vries", "a spokesman for the airline"):
        other = annotate("a", [f"{SAID} {speaker} told the inquiry."], quotes=[(SAID, speaker)])
        assert [c.kind for c in compare(other, right).conflicts] == ["speaker"], speaker
    for pronoun in ("he", "his", "someone"):
        unresolved = annotate("a", [f"{SAID} {pronoun} told the inquiry."], quotes=[(SAID, pronoun)])
        assert compare(unresolved, right).conflicts == (), pronoun


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
