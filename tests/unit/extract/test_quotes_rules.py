"""Attributions the tagger may leave out, and contents that report nothing, on hand-written sentences."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from rashomon.extract import attribution_model as tagger
from rashomon.extract.quote_marks import quote_mark_spans
from rashomon.extract.quotes import _a_title, _in_markup
from rashomon.extract.rule_contents import according_to_contents, finding_contents, headline_content, hearsay_contents
from rashomon.extract.tagged_quotes import _terms_of_speaking, _to_phrase_end, _to_reported_clause, _without_final_stop
from rashomon.model import Quote

Nlp = Callable[[str], Any]


def covering(found: tuple[Quote, ...], text: str, words: str) -> Quote:
    """The quote whose content holds ``words``."""
    at = text.index(words)
    hits = [q for q in found if q.start <= at and at + len(words) <= q.end]
    assert hits, [(text[q.start : q.end], q.speaker) for q in found]
    return hits[0]


def test_a_speech_verb_set_inside_its_words_reports_the_sentence_around_it(quotes: Any) -> None:
    text = "The new ferry, Tom Reyes said, will carry passengers from the island by next spring."
    quote = covering(quotes(text), text, "will carry passengers from the island")
    assert text.index("The new ferry") >= quote.start - 1
    assert quote.speaker == "Tom Reyes"


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Visitor numbers at the museum rose by a third over the summer, according to the council's annual report.",
            "Visitor numbers at the museum rose by a third over the summer",
            "the council's annual report",
        ),
        (
            "According to two people at the meeting, the board will vote on the merger in June.",
            "the board will vote on the merger in June",
            "two people at the meeting",
        ),
    ],
)
def test_according_to_credits_the_rest_of_its_sentence(nlp: Nlp, text: str, content: str, source: str) -> None:
    found = according_to_contents(nlp(text), text, [])
    assert [(text[c.start : c.end], text[c.source[0] : c.source[1]]) for c in found if c.source] == [(content, source)]
    assert according_to_contents(nlp(text), text, [(0, len(text))]) == []


def test_a_work_s_title_in_quote_marks_is_no_content(quotes: Any) -> None:
    text = "Ruth Ames, the host of the cooking show “Salt And Fire,” said the new market would open in June."
    assert [text[q.start : q.end] for q in quotes(text)] == ["the new market would open in June"]
    owned = "The senator told the Daily Ledger's “Morning Desk” that the bill would pass."
    at = owned.index("Morning")
    assert _a_title(owned, at, at + len("Morning Desk"))
    # Capitalised words in quote marks after no work's kind nor owner, and a title with a lower-case word, stay.
    for other, words in (
        ("The mayor shouted “Open The Gates” at the crowd.", "Open The Gates"),
        ("The show “Salt and pepper for everyone” ended.", "Salt and pepper for everyone"),
    ):
        at = other.index(words)
        assert not _a_title(other, at, at + len(words)), other


def test_a_sentence_opened_by_the_poll_it_reports_is_the_poll_s_finding(nlp: Nlp) -> None:
    text = "In a county survey released last week, most residents backed the plan to close the old quarry."
    found = finding_contents(nlp(text), text, [])
    assert [(text[c.start : c.end], text[c.source[0] : c.source[1]]) for c in found if c.source] == [
        ("most residents backed the plan to close the old quarry", "a county survey released last week")
    ]
    other = "In the spring, most residents backed the plan to close the old quarry."
    assert finding_contents(nlp(other), other, []) == []


def test_a_clause_said_to_be_reported_is_credited_to_nobody(nlp: Nlp, quotes: Any) -> None:
    text = "The ferry company is reportedly weighing a sale of its two oldest boats, and the mayor opposes it."
    found = hearsay_contents(nlp(text), text, [])
    assert [(text[c.start : c.end], text[c.cue[0] : c.cue[1]]) for c in found if c.cue] == [
        ("The ferry company is reportedly weighing a sale of its two oldest boats", "reportedly")
    ]
    assert hearsay_contents(nlp(text), text, [(0, 20)]) == []
    quote = covering(quotes(text), text, "weighing a sale of its two oldest boats")
    assert quote.speaker is None
    # A second verb of the same subject is reported with the first.
    both = "The old mill reportedly lost its roof in the storm and had been empty for years."
    assert [(both[c.start : c.end]) for c in hearsay_contents(nlp(both), both, [])] == [
        "The old mill reportedly lost its roof in the storm and had been empty for years"
    ]


def test_a_headline_credits_its_words_to_the_source_before_the_colon(nlp: Nlp, quotes: Any) -> None:
    text = "Survey: Valley harvest to be the poorest in a decade.\n\nThe dry spring has left many fields bare."
    found = headline_content(nlp(text), text)
    assert found is not None and found.source is not None
    assert (text[found.start : found.end], text[found.source[0] : found.source[1]]) == (
        "Valley harvest to be the poorest in a decade",
        "Survey",
    )
    quote = covering(quotes(text), text, "Valley harvest to be the poorest")
    assert quote.speaker == "Survey"


@pytest.mark.parametrize(
    "text",
    [
        "Breaking: The river has burst its banks near the old mill.\n\nResidents were moved overnight.",
        "Spring is back: The orchards on the hill are in bloom again.\n\nGrowers are pleased.",
    ],
)
def test_a_rubric_or_a_phrase_with_a_verb_before_a_colon_is_no_source(nlp: Nlp, text: str) -> None:
    assert headline_content(nlp(text), text) is None


def test_attribute_values_of_markup_left_in_the_text_are_not_quotes(quotes: Any) -> None:
    text = 'The mayor posted a short note.\n<post author="citynews" id="4471">Roads reopen at noon today</post>.'
    assert not any("citynews" in text[q.start : q.end] or text[q.start : q.end] == "4471" for q in quotes(text))


def test_markup_test_reads_only_an_open_tag_on_the_same_line() -> None:
    text = '<post author="citynews">Roads reopen</post> and 3 < 4 "done"'
    assert _in_markup(text, text.index("citynews"))
    assert not _in_markup(text, text.index("Roads"))
    assert not _in_markup(text, text.index("done"))


def test_a_word_alone_in_quote_marks_is_no_quote(quotes: Any) -> None:
    text = 'The committee called the draft budget "reckless" and sent it back to the treasury on Monday.'
    assert not any(text[q.start : q.end] == "reckless" for q in quotes(text))


def test_a_content_cut_after_its_opening_words_runs_on_to_its_phrase_end(nlp: Nlp) -> None:
    doc = nlp("The mayor said that the vote was fair and open.")
    words = [t.text for t in doc]
    first = words.index("that")
    item = tagger.Tagged(content=(first, first + 2), cue=(2, 3), source=(0, 2))
    a, b = _to_phrase_end(doc, item).content
    assert doc[a:b].text == "that the vote was fair and open"


@pytest.mark.parametrize("cue", ["told reporters", "said"])
def test_a_name_after_the_content_s_comma_is_the_source_of_a_cue_the_parse_left_without_subject(
    quotes: Any, cue: str
) -> None:
    text = (
        "The stolen paintings were found in a locked van near the end of the old pier, Col. Clara Voss of the City"
        f" Police {cue}."
    )
    quote = covering(quotes(text), text, "were found in a locked van")
    assert text[quote.start : quote.end].endswith("near the end of the old pier")
    assert quote.speaker == "Clara Voss"
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "Col. Clara Voss of the City Police"


def test_an_indirect_content_leaves_its_sentence_s_full_stop_out(quotes: Any, nlp: Nlp) -> None:
    text = (
        "Chief Ada Park said divers had found the van in the canal, and that both drivers had been rescued. One of"
        " them was unhurt, while the other was taken to a clinic, according to Park."
    )
    quote = covering(quotes(text), text, "both drivers had been rescued")
    assert text[quote.start : quote.end].endswith("both drivers had been rescued")
    abbreviated = "Officials said the ferry had been delayed in the U.S."
    assert _without_final_stop(nlp(abbreviated), abbreviated, [], 15, len(abbreviated)) == len(abbreviated)
    quoted = 'Officials said the ferry was "far too late."'
    marked = quote_mark_spans(quoted)
    assert _without_final_stop(nlp(quoted), quoted, marked, 15, len(quoted) - 1) == len(quoted) - 1


def test_the_clause_a_speech_verb_reports_holds_a_content_the_tagger_started_inside_it(nlp: Nlp) -> None:
    doc = nlp("The pilot had been on board for an hour, an official said.")
    said = next(t.i for t in doc if t.text == "said")
    hour = next(t.i for t in doc if t.text == "an")
    item = tagger.Tagged(content=(hour, hour + 2), cue=(said, said + 1), source=(said - 2, said))
    grown = _to_reported_clause(doc, item)
    assert doc[grown.content[0] : grown.content[1]].text == "The pilot had been on board for an hour"
    after = tagger.Tagged(content=(said + 1, len(doc) - 1), cue=(said, said + 1), source=(said - 2, said))
    assert _to_reported_clause(doc, after) == after


def test_the_terms_a_source_spoke_on_are_words_of_the_attribution(nlp: Nlp) -> None:
    doc = nlp("An official, speaking on condition of anonymity to discuss the inquiry, said the pilot was tired.")
    terms = {doc[i].text for i in _terms_of_speaking(doc)}
    assert {"speaking", "condition", "anonymity"} <= terms
    assert not terms & {"discuss", "inquiry", "said", "pilot"}
    assert _terms_of_speaking(nlp("The official spoke on Monday about the inquiry.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "What reportedly happened next shocked the crowd at the stadium.",
        "As reportedly happened last year, the vote was delayed by a week.",
    ],
)
def test_reportedly_in_a_clause_the_sentence_leans_on_credits_nothing(nlp: Nlp, text: str) -> None:
    assert hearsay_contents(nlp(text), text, []) == []
