"""The names quotes are given for who spoke, on hand-written sentences parsed by the project's language model: a
pronoun stands for a person, not for a thing or a group that spoke before it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from rashomon.extract.entities import find_mentions
from rashomon.extract.quotes import find_quotes
from rashomon.model import Quote

Nlp = Callable[[str], Any]


@pytest.fixture(scope="module")
def quotes(nlp: Nlp) -> Callable[[str], tuple[Quote, ...]]:
    def run(text: str) -> tuple[Quote, ...]:
        doc = nlp(text)
        return find_quotes(doc, "a1", find_mentions(doc, "a1"))[0]

    return run


def speaker_of(text: str, found: tuple[Quote, ...], words: str) -> str | None:
    """The speaker of the quote whose content holds ``words``."""
    quote = next((q for q in found if words in text[q.start : q.end]), None)
    assert quote is not None, [(text[q.start : q.end], q.speaker) for q in found]
    return quote.speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A thing described speaks, then "he": the man named before, not the paper.
        (
            "Senator Tom Brady spoke in Ohio on Monday. The local paper said the visit was a success. "
            "He said that the plant would stay open until next year.",
            "the plant would stay open",
            "Tom Brady",
        ),
        # A group described is nobody's "she".
        (
            "Mayor Ann Lee opened the bridge on Monday. Recent polls show that voters like the new bridge. "
            "She said that the old bridge would be closed for good.",
            "the old bridge would be closed",
            "Ann Lee",
        ),
        # A woman described is no "he".
        (
            "Coach Tom Brady watched the game. The actress said the team had played well. "
            "He said that the season was far from over.",
            "the season was far from over",
            "Tom Brady",
        ),
    ],
)
def test_a_pronoun_stands_for_a_person_not_a_thing_or_a_group(quotes: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, quotes(text), words) == speaker


def test_a_pronoun_stands_for_one_person_described(quotes: Any) -> None:
    text = "A local senator told reporters that the plant would close. He said that the workers would be paid."
    assert speaker_of(text, quotes(text), "the workers would be paid") == "A local senator"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A body that only tells what kind of person speaks is not the speaker.
        ("A Carrier executive said that the plant in Indiana would close next year.", "Carrier executive"),
        ("The Senate minority leader said that the vote would be held next week.", "Senate minority leader"),
        ("House Republicans said that the bill would pass before the summer recess.", "House Republicans"),
        # An office speaks for its body.
        ("A White House official said that the president would sign the bill on Friday.", "White House"),
    ],
)
def test_a_body_named_as_a_kind_of_person_is_not_the_speaker(quotes: Any, text: str, speaker: str) -> None:
    assert speaker_of(text, quotes(text), "that") == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # An aside set off by commas or dashes is no part of the name.
        (
            "The lawmaker, who represents a district in Albay province, said that the remarks had been widely shared.",
            "The lawmaker",
        ),
        (
            "The Supreme Court justice -- who has been in a scuffle with the nominee -- said that she regretted it.",
            "Supreme Court justice",
        ),
        # A clause that tells which people speak stays.
        (
            "Supporters who have heard from the campaign say that the race is far from over.",
            "Supporters who have heard from the campaign",
        ),
    ],
)
def test_a_described_speaker_is_named_without_an_aside(quotes: Any, text: str, speaker: str) -> None:
    assert speaker_of(text, quotes(text), "that") == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A woman named in full is no "he", by her given name ...
        (
            "Donald Trump spoke in Ohio on Monday. Hillary Clinton said that the economy was weak. "
            "He said that the plant would stay open.",
            "Donald Trump",
        ),
        # ... or as the article titles her.
        (
            "Mr. Sanders and Mrs. Clinton met on Friday. Mrs. Clinton said that the talks went well. "
            "He said that the talks had failed.",
            "Sanders",
        ),
    ],
)
def test_a_pronoun_stands_for_a_named_person_of_its_sex(quotes: Any, text: str, speaker: str) -> None:
    assert speaker_of(text, quotes(text), "that the plant" if "plant" in text else "had failed") == speaker


def test_a_title_names_the_holder_titled_by_surname_alone(quotes: Any) -> None:
    text = (
        "Barack Obama spoke in Ohio on Monday. President Obama met workers there. "
        "The president said that the plant would stay open."
    )
    assert speaker_of(text, quotes(text), "the plant") == "Barack Obama"


def test_a_title_in_an_aside_names_no_speaker(quotes: Any) -> None:
    text = (
        "Bernie Sanders met Barack Obama on Monday. It is unclear whether Sanders, who polls better than "
        "President Barack Obama, said that the race was over."
    )
    assert speaker_of(text, quotes(text), "the race") == "Bernie Sanders"


def test_a_dateline_parsed_as_a_subject_is_no_speaker(quotes: Any) -> None:
    text = (
        "Cooper upset fans by attending the convention.\n\nPHILADELPHIA, July 29 (UPI) — Fans of Bradley Cooper’s "
        "performance in the film have taken to social media to complain about the actor attending the convention."
    )
    found = quotes(text)
    assert found
    assert all(q.speaker != "PHILADELPHIA" for q in found), [(q.speaker, text[q.start : q.end]) for q in found]
