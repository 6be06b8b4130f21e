"""Statement units: sentences cut into their coordinated clauses where they join two claims."""

from __future__ import annotations

from rashomon.compare.clauses import clause_cuts, statement_units
from rashomon.model import Sentence


def pieces(text: str) -> list[str]:
    units = statement_units(text, [Sentence(article="a", start=0, end=len(text))])
    return [text[u.start : u.end] for u in units]


def test_a_sentence_joining_two_predicates_is_cut_before_the_second_verb() -> None:
    text = "The meeting in the city of Sochi lasted about three hours and marked the anniversary of the deal."
    assert pieces(text) == [
        "The meeting in the city of Sochi lasted about three hours",
        "marked the anniversary of the deal.",
    ]
    # an irregular past form opens a predicate too, and a comma before the conjunction is left out
    assert pieces("The three leaders discussed the transport corridors, and made progress on humanitarian issues.") == [
        "The three leaders discussed the transport corridors",
        "made progress on humanitarian issues.",
    ]


def test_semicolons_cut_and_every_cut_keeps_offsets_into_the_text() -> None:
    text = "Two ferries were cancelled on Monday; the harbour stays closed until the storm has passed."
    units = statement_units(f"Intro. {text}", [Sentence(article="a", start=7, end=7 + len(text))])
    assert [f"Intro. {text}"[u.start : u.end] for u in units] == [
        "Two ferries were cancelled on Monday;",
        "the harbour stays closed until the storm has passed.",
    ]


def test_lists_short_phrases_quotes_and_other_words_after_and_stay_whole() -> None:
    for text in (
        "Armenia, Azerbaijan and Russia signed the agreement in Moscow last year.",  # a list of names
        "Ten people were injured and killed in the crash on Main Street.",  # a side of under five words
        "Both leaders said the talks were open and constructive and would go on next month.",  # no past verb
        "“We heard weeks of evidence and reached a verdict,” the judge told the court on Tuesday.",  # quoted
        "The agency said river levels were high but was confident the levees would hold.",  # a form of 'be'
    ):
        assert clause_cuts(text) == [], text
        assert pieces(text) == [text]
