"""A content holds both marks of a pair or neither: `with_balanced_marks` on its own, and through the quote finder
on hand-written sentences; a quote left open for the next paragraph (`run_on_quote_spans`)."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.extract.quote_marks import run_on_quote_spans, with_balanced_marks


def _widened(text: str, content: str) -> str:
    start = text.index(content)
    new_start, new_end = with_balanced_marks(text, start, start + len(content))
    return text[new_start:new_end]


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        # A closing mark alone inside takes the opening mark before it.
        ("They warned of “catastrophic” losses.", "catastrophic” losses", "“catastrophic” losses"),
        # An opening mark alone inside takes the closing mark after it, over the full stop.
        ("She called them “deplorables.” Then she left.", "them “deplorables", "them “deplorables.”"),
        ("He called it “a disgrace” and “a sham.”", "it “a disgrace” and “a sham.", "it “a disgrace” and “a sham.”"),
        ('The mayor called it "an unthinkable tragedy".', 'it "an unthinkable tragedy', 'it "an unthinkable tragedy"'),
        ("Le ministre a parlé d’une «crise» grave.", "crise» grave", "«crise» grave"),
    ],
)
def test_a_lone_mark_takes_its_partner_at_the_edge(text: str, content: str, expected: str) -> None:
    assert _widened(text, content) == expected


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("She said “we will win” and left.", "we will win"),  # neither mark inside: as it is
        ("He called it “a disgrace” today.", "it “a disgrace” today"),  # both inside
        ("It is the nation’s “best” hope, she said.", "the nation’s “best” hope"),  # an apostrophe is no mark
        # The partner is not at the edge: nothing is reached for across words.
        ("“The plan,” he said, “is sound and fair.”", "is sound and fair"),
        ("“Yes, they said it,” Roe wrote of the rumour.", "they said it,” Roe wrote"),
    ],
)
def test_a_content_with_no_lone_mark_at_its_edge_stays_as_it_is(text: str, content: str) -> None:
    assert _widened(text, content) == content


def test_the_quote_finder_gives_a_partial_quote_both_its_marks(quotes: Any) -> None:
    text = "Officials warned of “catastrophic” consequences if the dam failed."
    (quote,) = quotes(text)
    assert text[quote.start : quote.end] == "“catastrophic” consequences"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # An inch mark is no quote mark, and the next quote's opening mark closes nothing of this one.
        ('Police said the suspect was about 6\'2". "He ran north," a witness said.', "the suspect was about 6'2\""),
        ('The store said the TV had a 55" screen. "It sold out," a clerk said.', 'the TV had a 55" screen'),
    ],
)
def test_a_straight_mark_is_taken_only_where_it_can_close(text: str, content: str) -> None:
    assert _widened(text, content) == content


def test_a_quote_left_open_for_the_next_paragraph_runs_to_its_paragraphs_end() -> None:
    text = 'Vance spoke. "It was hard," she said. "We lost a friend.\n\n"He built the library."'
    assert [text[a:b] for a, b in run_on_quote_spans(text)] == ["We lost a friend."]


def test_a_quote_left_open_runs_on_only_into_a_paragraph_opening_with_a_mark() -> None:
    # An inch mark or a stray mark before a paragraph of the writer's own words opens nothing.
    text = 'The board is 6" wide and "light.\n\nThe shop sells it for $20.'
    assert run_on_quote_spans(text) == []


def test_a_pair_printed_the_wrong_way_round_runs_on_nowhere() -> None:
    text = 'She turned to him. “Do you want it?“ she asked.\n\n"Yes," he said.'
    assert run_on_quote_spans(text) == []
