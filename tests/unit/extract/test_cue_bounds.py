"""A cue's extent as PolNeAR marks it: the verb group and the preposition its content follows, on hand-written
sentences parsed by the project's language model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from rashomon.extract.cue_bounds import with_helpers, with_preposition
from rashomon.model import Quote

Nlp = Callable[[str], Any]


def cue_of(text: str, found: tuple[Quote, ...], content: str) -> str:
    """The cue of the quote whose content is ``content``."""
    quote = next((q for q in found if text[q.start : q.end] == content), None)
    assert quote is not None and quote.cue_span is not None, [(text[q.start : q.end]) for q in found]
    return text[quote.cue_span.start : quote.cue_span.end]


def test_a_cue_takes_the_adverb_set_before_its_verb(quotes: Any) -> None:
    text = "The fact-checkers then ruled that the senator's claim about the budget was false."
    assert cue_of(text, quotes(text), "that the senator's claim about the budget was false") == "then ruled"


@pytest.mark.parametrize(
    ("text", "verb", "cue"),
    [
        ("The ferry company has repeatedly denied the report.", "denied", "has repeatedly denied"),
        ("Harbor officials did not say when the bridge would reopen.", "say", "did not say"),
        ("The leak was confirmed by the plant's owner on Monday.", "confirmed", "was confirmed"),
        # "when" opens a clause of its own; a subject is no helper.
        ("They asked when the mayor said it.", "said", "said"),
        ("The dam, according to engineers, is safe.", "according to", "according to"),
    ],
)
def test_the_helpers_of_a_cue_verb_are_the_cues(nlp: Nlp, text: str, verb: str, cue: str) -> None:
    at = text.index(verb)
    start, end = with_helpers(nlp(text), (at, at + len(verb)))
    assert text[start:end] == cue


def test_a_preposition_between_cue_and_content_goes_to_the_cue(quotes: Any) -> None:
    text = "The minister, asked about the strike, would only say that talks were going on."
    assert cue_of(text, quotes(text), "the strike") == "asked about"


@pytest.mark.parametrize(
    ("text", "cue", "content", "expected"),
    [
        ("The coach was accused of cheating.", "was accused", "of cheating", ("was accused of", "cheating.")),
        ("The union complained about the long delays.", "complained", "the long delays", ("complained about", "the")),
        # Whom the words were told is no part of the cue; nor a preposition when the content is elsewhere.
        ("The mayor spoke to reporters about the flood.", "spoke", "about the flood", ("spoke", "about")),
        ('"It is over," the coach said of the season.', "said", "It is over", ("said", "It")),
        # A preposition that tells when, where or how stays out of the cue.
        ("The paper reported at the time that the mayor had quit.", "reported", "the time that", ("reported", "the")),
        (
            "The board described as “reckless” the plan to sell the pier.",
            "described",
            "as “reckless”",
            ("described", "as"),
        ),
        # The content after a moved preposition opens inside its quote marks.
        (
            "The minister, asked about “secret talks,” said nothing.",
            "asked",
            "about “secret",
            ("asked about", "secret"),
        ),
    ],
)
def test_the_preposition_a_content_follows(
    nlp: Nlp, text: str, cue: str, content: str, expected: tuple[str, str]
) -> None:
    at, start = text.index(cue), text.index(content)
    (cue_start, cue_end), new_start = with_preposition(nlp(text), (at, at + len(cue)), start, start + len(content))
    assert (text[cue_start:cue_end], text[new_start:].split(maxsplit=1)[0]) == expected


def test_a_dateline_is_not_the_speaker(quotes: Any) -> None:
    text = "DETROIT -- Union officials said the strike would continue into next week."
    quote = next(q for q in quotes(text) if text[q.start : q.end].startswith("the strike"))
    assert quote.speaker == "Union officials"
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "Union officials"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The correspondent reported from Kyiv that the shelling had stopped.", "that the shelling had stopped"),
        ("The envoy wrote from Geneva that the talks would resume.", "that the talks would resume"),
    ],
)
def test_a_preposition_before_the_clause_said_is_no_part_of_the_cue(quotes: Any, text: str, content: str) -> None:
    found = quotes(text)
    assert cue_of(text, found, content) in ("reported", "wrote")


def test_a_preposition_of_the_topic_still_joins_the_cue(quotes: Any) -> None:
    text = "The nurses complained about the new rota."
    assert cue_of(text, quotes(text), "the new rota") == "complained about"
