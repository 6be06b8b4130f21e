"""Quotes and speakers on hand-written sentences, parsed by the project's language model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from rashomon.extract import attribution_model as tagger
from rashomon.extract.entities import find_mentions
from rashomon.extract.quote_marks import quote_mark_spans
from rashomon.extract.quotes import _refers, find_quotes
from rashomon.extract.speakers import Speaker, SpeakerResolver
from rashomon.extract.tagged_quotes import (
    _subject_clause_out_of_content,
    _subject_out_of_content,
    _to_phrase_end,
    _too_short,
)
from rashomon.model import Mention, Quote

Nlp = Callable[[str], Any]
Found = tuple[tuple[Quote, ...], tuple[Mention, ...]]


@pytest.fixture(scope="module")
def quotes(nlp: Nlp) -> Callable[..., Found]:
    """Parse a text and find its quotes (with the model's mentions unless given), checking every span."""

    def run(text: str, mentions: tuple[Mention, ...] | None = None) -> Found:
        doc = nlp(text)
        found, extra = find_quotes(doc, "a1", find_mentions(doc, "a1") if mentions is None else mentions)
        for quote in found:
            assert 0 <= quote.start < quote.end <= len(text)
            assert quote.id == f"a1:quote:{quote.start}-{quote.end}"
            for span in (quote.speaker_span, quote.cue_span):
                assert span is None or (span.article == "a1" and 0 <= span.start < span.end <= len(text))
        return found, extra

    return run


def only(found: Found) -> Quote:
    assert len(found[0]) == 1, [(q.kind, q.speaker) for q in found[0]]
    return found[0][0]


def cited(text: str, span: Any) -> str:
    return text[span.start : span.end]


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild the bridge," Governor Jane Doe said.',
        "“We will rebuild the bridge,” Governor Jane Doe said.",
    ],
)
def test_direct_quote_straight_and_curly_marks(quotes: Callable[..., Found], text: str) -> None:
    quote = only(quotes(text))
    assert quote.kind == "direct"
    assert quote.speaker == "Jane Doe"
    assert text[quote.start : quote.end] == "We will rebuild the bridge"  # the comma inside the mark dropped
    assert quote.cue_span is not None
    assert cited(text, quote.cue_span) == "said"
    assert quote.speaker_span is not None
    assert "Jane Doe" in cited(text, quote.speaker_span)


def test_partial_quote_speaker_from_title(quotes: Callable[..., Found]) -> None:
    text = 'Mayor John Roe toured the harbor on Tuesday. The mayor called the collapse "an unthinkable tragedy".'
    found = quotes(text)
    quote = only(found)
    assert quote.kind == "partial"
    assert quote.speaker == "John Roe"
    assert text[quote.start : quote.end].endswith('"an unthinkable tragedy"')  # what was called so, its marks whole
    (extra,) = found[1]
    assert cited(text, extra) == "The mayor"
    assert extra.refers_to == "John Roe"
    assert extra.label == "PERSON"


def test_indirect_speech_is_the_reported_clause(quotes: Callable[..., Found]) -> None:
    text = "Transport Minister Ana Silva visited the docks. The minister said the port would reopen next month."
    quote = only(quotes(text))
    assert quote.kind == "indirect"
    assert quote.speaker == "Ana Silva"
    assert text[quote.start : quote.end] == "the port would reopen next month"
    assert quote.cue_span is not None
    assert cited(text, quote.cue_span) == "said"


def test_unnamed_speaker_is_the_words_that_name_it(quotes: Callable[..., Found]) -> None:
    text = "The minister said the port would reopen next month."
    quote = only(quotes(text))
    assert quote.speaker == "The minister"
    assert text[quote.start : quote.end] == "the port would reopen next month"


def test_pronoun_speaker_is_its_antecedent(quotes: Callable[..., Found]) -> None:
    text = 'Jane Doe visited the site. "It was terrible," she said.'
    found = quotes(text)
    quote = only(found)
    assert quote.speaker == "Jane Doe"
    assert text[quote.start : quote.end] == "It was terrible"
    (extra,) = found[1]
    assert cited(text, extra) == "she"
    assert extra.refers_to == "Jane Doe"
    assert extra.article == "a1"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Captain Mara Lindqvist led the rescue on the river overnight. The Harbor Police said the pier would stay"
            " closed until Friday. She said the search for the missing sailor would resume at dawn.",
            "Mara Lindqvist",
        ),
        (
            "Captain Mara Lindqvist led the rescue on the river overnight. A spokeswoman for the port said the pier"
            " would stay closed until Friday. She said the search for the missing sailor would resume at dawn.",
            "A spokeswoman for the port",
        ),
    ],
)
def test_he_or_she_stands_for_a_person_not_a_named_body_that_spoke_last(
    quotes: Callable[..., Found], text: str, speaker: str
) -> None:
    found = quotes(text)[0]
    assert next(q for q in found if "search for the missing sailor" in text[q.start : q.end]).speaker == speaker


def test_a_relative_pronoun_speaker_is_the_noun_it_stands_for(quotes: Callable[..., Found]) -> None:
    text = "The race tightened after Senator Harry Reid, who told reporters that the nominee had paid no taxes, left."
    found = quotes(text)
    quote = next(q for q in found[0] if "paid no taxes" in text[q.start : q.end])
    assert quote.speaker == "Harry Reid"


def test_according_to(quotes: Callable[..., Found]) -> None:
    text = '"The water rose very fast," according to Sheriff Tom Baker.'
    quote = only(quotes(text))
    assert quote.speaker == "Tom Baker"
    assert quote.cue_span is not None
    assert cited(text, quote.cue_span) == "according to"


def test_place_in_a_generic_subject_is_not_the_speaker(quotes: Callable[..., Found], nlp: Nlp) -> None:
    text = 'Residents of Dundalk said they heard "a deep rumble" before dawn.'
    mentions = find_mentions(nlp(text), "a1")
    assert "Dundalk" in {text[m.start : m.end] for m in mentions}  # the place is recognised ...
    found, extra = quotes(text)
    assert "Dundalk" not in [q.speaker for q in found]  # ... but does not speak
    assert extra == ()


def test_speaker_the_recogniser_missed(quotes: Callable[..., Found]) -> None:
    text = "Baltimore Mayor Brandon Scott told reporters that the city would recover quickly."
    quote = only(quotes(text, mentions=()))  # as if the recogniser found no names at all
    assert quote.kind == "indirect"
    assert quote.speaker == "Brandon Scott"
    assert text[quote.start : quote.end] == "that the city would recover quickly"  # "that" included, as in PolNeAR


def test_title_descriptor_resolves_through_roles(quotes: Callable[..., Found]) -> None:
    text = (
        "Armenia's Prime Minister Nikol Pashinyan met Azerbaijan's President Ilham Aliyev. "
        '"Peace is near," the Armenian prime minister said.'
    )
    found = quotes(text)
    assert only(found).speaker == "Nikol Pashinyan"
    (extra,) = found[1]
    assert cited(text, extra) == "the Armenian prime minister"
    assert extra.refers_to == "Nikol Pashinyan"


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ('She said "yes" and "no".', ["yes", "no"]),
        ("She said “yes” and “no”.", ["yes", "no"]),
        ("He called it «a farce» twice.", ["a farce"]),
        ("He called it „a farce“ twice.", ["a farce"]),
        ("The crowd chanted ‘we want peace’ outside.", ["we want peace"]),
        ("It’s the farmers’ union, not the workers’ one.", []),  # apostrophes are not quote marks
        ('The levee "will hold\n\nfor now," he said.', []),
        ("The levee “will hold\n\nfor now,” he said.", []),
        ('"First part."\n\n"Second part."', ["First part.", "Second part."]),
        ("No quote marks here.\nShe said ‘fine’ then.", ["fine"]),
        ("''It is over,'' she said, ''for now.''", ["It is over,", "for now."]),  # two apostrophes as a mark
        ("The Joneses' dog met the Smiths' cat.", []),
        # A curly opening mark closed by a straight one, then straight marks: each read by the side of its words.
        ('“We will rebuild," the mayor said, promising "better roads."', ["We will rebuild,", "better roads."]),
        ('He said "the dam held," and then "the river', ["the dam held,"]),  # one mark left open
        ('“The 5" rule,” he said, “is dead.”', ['The 5" rule,', "is dead."]),  # an inch mark is no quote mark
    ],
)
def test_quote_mark_spans(text: str, contents: list[str]) -> None:
    spans = quote_mark_spans(text)
    assert [text[a:b] for a, b in spans] == contents
    assert all("\n" not in text[a:b] for a, b in spans)


def test_quotes_in_document_order_with_previous_speaker_carried(quotes: Callable[..., Found]) -> None:
    text = (
        'Coach Maria Lopez spoke after the match. "We played with courage," Lopez said. '
        '"Nobody expected us to reach the final, and yet here we are tonight."'
    )
    found, _ = quotes(text)
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert {q.speaker for q in found} == {"Maria Lopez"}
    # One speaker's words around the cue in one paragraph are one content, as PolNeAR marks them.
    assert any("Nobody expected" in text[q.start : q.end] for q in found)


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Senator Mary Walsh told reporters on Monday that the budget would pass before the recess.",
            "that the budget would pass before the recess",
            "Mary Walsh",
            "told",
        ),
        (
            "Governor Tom Reed warned that the storm could flood the coastal towns by Friday.",
            "that the storm could flood the coastal towns by Friday",
            "Tom Reed",
            "warned",
        ),
        (
            "The suspect fled the city on a stolen motorcycle, according to Police Chief Anna Berg.",
            "The suspect fled the city on a stolen motorcycle",
            "Anna Berg",
            "according to",
        ),
        (
            "Senator Mary Walsh believes the budget will pass before the recess.",
            "the budget will pass before the recess",
            "Mary Walsh",
            "believes",
        ),
    ],
)
def test_indirect_speech_and_paraphrase_cues(
    quotes: Callable[..., Found], text: str, content: str, speaker: str, cue: str
) -> None:
    found, _ = quotes(text)
    quote = next(q for q in found if content in text[q.start : q.end])
    assert text[quote.start : quote.end].rstrip(".") == content
    assert quote.speaker == speaker
    assert quote.cue_span is not None
    assert cue in cited(text, quote.cue_span)


def test_mixed_quote_is_one_content(quotes: Callable[..., Found]) -> None:
    text = 'Mayor Ben Hart said the repairs were "going faster than anyone expected" and would end in May.'
    found, _ = quotes(text)
    quote = only((found, ()))
    assert quote.kind == "partial"
    assert quote.speaker == "Ben Hart"
    assert "going faster than anyone expected" in text[quote.start : quote.end]


def test_a_place_speaks_only_when_nothing_else_can(quotes: Callable[..., Found]) -> None:
    text = "The Indian embassy said that all crew members were safe and in good health."
    found, _ = quotes(text)
    assert [q.speaker for q in found] == ["Indian embassy"]


def test_governor_named_with_his_state_is_the_speaker(quotes: Callable[..., Found], nlp: Nlp) -> None:
    text = "Maryland Gov. Wes Moore said that the state would pay for the new bridge."
    mentions = tuple(m for m in find_mentions(nlp(text), "a1") if m.label == "PLACE")  # the person missed
    found, _ = quotes(text, mentions=mentions)
    assert [q.speaker for q in found] == ["Wes Moore"]


def test_floating_quote_inherits_the_previous_speaker(quotes: Callable[..., Found]) -> None:
    text = (
        'Coach Maria Lopez praised her team on Sunday. "We played with courage," Lopez said.\n\n'
        '"Nobody expected us to reach the final, and yet here we are tonight."'
    )
    found, _ = quotes(text)
    floating = next(q for q in found if text[q.start : q.end].startswith("Nobody"))
    assert floating.speaker == "Maria Lopez"
    assert floating.kind == "direct"


def test_transcript_labels_name_who_speaks_each_paragraph(quotes: Callable[..., Found]) -> None:
    text = (
        "Senator Maria Okafor and the host Daniel Brandt spoke on the evening programme.\n\n"
        "BRANDT: Why did the committee delay the vote on the harbour bill until next spring?\n\n"
        "OKAFOR: The budget office had not finished its review, and we will not vote on numbers nobody has seen.\n\n"
        "Update: This article has been changed to add the senator's full remarks."
    )
    found, _ = quotes(text)
    by_paragraph = {text[q.start : q.end].split(maxsplit=1)[0]: q for q in found}
    assert by_paragraph["Why"].speaker == "Daniel Brandt"
    assert by_paragraph["The"].speaker == "Maria Okafor"
    assert by_paragraph["The"].speaker_span is not None
    assert text[by_paragraph["The"].speaker_span.start : by_paragraph["The"].speaker_span.end] == "OKAFOR"
    assert not any(text[q.start : q.end].startswith("This article") and q.speaker for q in found)


def test_a_second_attribution_in_one_content_gets_its_own_speaker(quotes: Callable[..., Found]) -> None:
    text = (
        "Mayor Ines Halvorsen met the port director Tomas Ekdal on Monday. "
        "The mayor said the talks were “frank” and “useful,” and the port director called them “overdue.”"
    )
    found, _ = quotes(text)
    useful = next(q for q in found if "useful" in text[q.start : q.end])
    overdue = next(q for q in found if "overdue" in text[q.start : q.end])
    assert "overdue" not in text[useful.start : useful.end]
    assert useful.speaker == "Ines Halvorsen"
    assert overdue.speaker == "Tomas Ekdal"


def test_a_second_cue_without_a_subject_starts_the_same_speakers_next_content(
    quotes: Callable[..., Found],
) -> None:
    text = "Senator Ana Ruiz argued that the fund is “depleted” and says she will propose a new levy in March."
    found, _ = quotes(text)
    contents = {text[q.start : q.end]: q for q in found}
    assert "she will propose a new levy in March" in contents
    assert not any("levy" in c and "depleted" in c for c in contents)
    assert contents["she will propose a new levy in March"].speaker == "Ana Ruiz"


def test_a_speech_verb_in_a_though_clause_starts_a_second_content(quotes: Callable[..., Found]) -> None:
    text = (
        "Mayor Ines Halvorsen said the new ferry would cut the crossing to twenty minutes, though she noted the "
        "fares would rise by a third."
    )
    contents = {text[q.start : q.end]: q for q in quotes(text)[0]}
    assert "the new ferry would cut the crossing to twenty minutes" in contents
    assert contents["the fares would rise by a third"].speaker == "Ines Halvorsen"
    assert cited(text, contents["the fares would rise by a third"].cue_span) == "noted"


def test_a_speech_verb_the_parse_joined_to_the_reported_clause_is_the_speakers_next_act(
    quotes: Callable[..., Found],
) -> None:
    # The parse hangs "warned" from "would fail": a past tense cannot share "would", so the senator warns.
    text = "Senator Ana Ruiz said the budget bill would fail and warned the committee to vote soon."
    contents = {text[q.start : q.end]: q for q in quotes(text)[0]}
    assert "the budget bill would fail" in contents
    assert contents["the committee to vote soon"].speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    "text",
    [
        "Police said the suspect had fled the scene and told a neighbor he would return.",
        "The report said the minister had lied to parliament and denied any wrongdoing.",
    ],
)
def test_a_speech_verb_of_the_reported_subject_stays_in_the_content(quotes: Callable[..., Found], text: str) -> None:
    """The suspect told the neighbor, the minister denied: the reported clause's own acts, not the speaker's."""
    quote = only(quotes(text))
    assert text[quote.start : quote.end].endswith(("he would return", "any wrongdoing"))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The report said that while the minister denied the charges, the evidence against him was strong.", "report"),
        ("Mayor Ines Halvorsen said that while critics argued the plan was costly, it would pay for itself.",
         "Ines Halvorsen"),
    ],
)  # fmt: skip
def test_a_contrast_fronted_inside_the_content_is_no_second_attribution(
    quotes: Callable[..., Found], text: str, speaker: str
) -> None:
    quote = max(quotes(text)[0], key=lambda q: q.end - q.start)
    assert text[quote.start : quote.end].startswith("that while")
    assert quote.speaker is not None and speaker in quote.speaker


def test_a_name_in_apposition_to_the_subject_is_the_speaker(quotes: Callable[..., Found]) -> None:
    text = "The bridge will not reopen before next year, the head of the agency, Ann Lee, told reporters."
    quote = only(quotes(text))
    assert text[quote.start : quote.end] == "The bridge will not reopen before next year"
    assert quote.speaker == "Ann Lee"


@pytest.mark.parametrize(
    "text",
    [
        "Relatives of the pilot, Tom Brown, said he had been tired.",
        "The family of the victim, Ann Lee, said she had been threatened.",
        "The mayor, Ann Lee, and the governor, Tom Brown, said the bridge would reopen.",  # one of two subjects
    ],
)
def test_a_name_apposed_to_a_group_is_not_its_speaker(quotes: Callable[..., Found], text: str) -> None:
    assert only(quotes(text)).speaker not in ("Tom Brown", "Ann Lee")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("He spoke on condition of anonymity and said the talks had collapsed.", "the talks had collapsed"),
        (
            "The spokesman said the officials were speaking on condition of anonymity because they feared retaliation.",
            "the officials were speaking on condition of anonymity because they feared retaliation",
        ),
    ],
)
def test_terms_of_speaking_leave_what_is_reported(quotes: Callable[..., Found], text: str, content: str) -> None:
    assert text[only(quotes(text)).start : only(quotes(text)).end] == content


def test_a_clause_before_the_content_with_its_own_attribution_stays_out(quotes: Callable[..., Found]) -> None:
    text = "As Smith told reporters on Monday, the costs had doubled, an aide said."
    contents = [text[q.start : q.end] for q in quotes(text)[0]]
    assert "the costs had doubled" in contents
    assert not any(c.startswith("As Smith") for c in contents)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Two officials, speaking on condition of anonymity, said the pilot had reported a fault before the crash.",
            "the pilot had reported a fault before the crash",
        ),
        (
            "The pilot had been on board for an hour, an official said, speaking on condition of anonymity.",
            "The pilot had been on board for an hour",
        ),
        (
            "A police official, who spoke on condition of anonymity, said the driver had been drinking.",
            "the driver had been drinking",
        ),
    ],
)
def test_the_terms_a_source_spoke_on_are_neither_content_nor_cue(
    quotes: Callable[..., Found], text: str, content: str
) -> None:
    quote = only(quotes(text))
    assert text[quote.start : quote.end] == content
    assert cited(text, quote.cue_span) == "said"
    assert quote.speaker_span is not None and "anonymity" not in cited(text, quote.speaker_span)


def test_a_noun_cues_content_ends_before_the_writers_next_clause(quotes: Callable[..., Found]) -> None:
    text = (
        "The ship's crew had sent a mayday call warning that the vessel had lost power, and police officers were "
        "able to stop cars from driving onto the bridge."
    )
    quote = only(quotes(text))
    assert text[quote.start : quote.end] == "that the vessel had lost power"


def test_a_content_stopped_inside_its_phrase_runs_to_the_phrase_end(nlp: Nlp) -> None:
    doc = nlp("Ruiz cited the remarks the mayor had made about the port as proof of his contempt.")
    cut = tagger.Tagged(content=(2, 4), cue=(1, 2), source=(0, 1))
    grown = _to_phrase_end(doc, cut)
    assert doc[grown.content[0] : grown.content[1]].text.startswith("the remarks the mayor had made")


def test_a_word_alone_is_no_content_unless_quote_marks_hold_it(nlp: Nlp) -> None:
    doc = nlp("Ruiz criticized Halvorsen and called him “reckless” on Monday.")
    assert _too_short(doc, tagger.Tagged(content=(2, 3), cue=(1, 2), source=(0, 1)), [])
    quoted = (doc[7].idx, doc[7].idx + len(doc[7].text))
    assert not _too_short(doc, tagger.Tagged(content=(7, 8), cue=(4, 5), source=(0, 1)), [quoted])


def test_a_place_owning_the_speakers_office_is_not_the_speaker(quotes: Callable[..., Found]) -> None:
    text = "Ohio's governor said that the bridge would reopen in May."
    found, extra = quotes(text)
    assert [q.speaker for q in found] == ["Ohio's governor"]
    assert extra == ()  # a description, not a mention of Ohio


def test_a_pronoun_for_a_described_speaker_is_no_entity_mention(quotes: Callable[..., Found]) -> None:
    text = "Residents of Elmwood said that the river rose overnight. He said that the water was cold."
    found, extra = quotes(text)
    assert found  # the attribution is made ...
    assert extra == ()  # ... but "He" is no mention of an entity called "Residents of Elmwood"


def test_a_speaker_inside_another_name_is_no_mention_of_its_own(nlp: Nlp) -> None:
    text = "Crews reached the Anna Rowe Tunnel at noon."
    resolver = SpeakerResolver(nlp(text), ())
    tunnel = Mention(article="a1", start=text.index("Anna"), end=text.index(" at"), label="PLACE")
    rowe = text.index("Rowe")
    speaker = Speaker(name="Anna Rowe", span=(rowe, rowe + len("Rowe")), cue=None, is_name=False)
    assert not _refers(speaker, resolver, [tunnel])  # "Rowe" of the tunnel's name is not Anna Rowe
    assert _refers(speaker, resolver, [])


def test_a_cue_that_modifies_another_clause_takes_that_clause_subject(quotes: Callable[..., Found]) -> None:
    text = (
        "The Harbour Authority closed the Elm Street Bridge on Friday night, saying that the deck had cracked "
        "in two places."
    )
    found, _ = quotes(text)
    cracked = next(q for q in found if "cracked" in text[q.start : q.end])
    assert cracked.speaker == "Harbour Authority"


def test_a_title_with_its_state_is_the_one_holder_the_article_names(quotes: Callable[..., Found]) -> None:
    text = (
        "Vermont's governor said that the ferry would run again on Monday.\n\n"
        '"We owe the crews our thanks," said Governor Alma Reyes.'
    )
    found, _ = quotes(text)
    ferry = next(q for q in found if "ferry" in text[q.start : q.end])
    assert ferry.speaker == "Alma Reyes"


def test_a_sight_and_a_relative_clause_object_are_not_quotes(quotes: Callable[..., Found]) -> None:
    text = (
        "By noon, only the masts of the old schooner could be seen rising above the fog. "
        "The pier was named for Hattie Lamb, who wrote the hymn that became the town song after watching the "
        "great flood."
    )
    found, _ = quotes(text)
    assert found == ()


def test_a_quote_paragraph_credited_after_a_dash_is_that_persons(quotes: Callable[..., Found]) -> None:
    text = (
        "Readers told us what they think of the harbour plan.\n\n"
        "“The plan ignores the people who live along the water and will push rents even higher.” ― Lena Ortiz\n"
        "“Nobody asked the fishermen before the council voted, and now it is too late.”\u2015\u00a0Omar Haddad.\n"
    )
    found, _ = quotes(text)
    speakers = {text[q.start : q.end].split(maxsplit=1)[0]: q for q in found}
    assert speakers["The"].speaker == "Lena Ortiz"
    assert speakers["Nobody"].speaker == "Omar Haddad"
    assert speakers["Nobody"].cue_span is not None and cited(text, speakers["Nobody"].cue_span) == "\u2015"


def test_a_belief_stated_for_nobody_has_no_speaker_and_a_possible_statement_stays_in_its_report(
    quotes: Callable[..., Found],
) -> None:
    text = (
        "The freighter Morning Star struck the pier before dawn. "
        "Four workers are feared dead after the freighter lost power and hit the pier at full speed.\n\n"
        "Analysts said insurers were expected to raise premiums for the port, and that shipping lines could "
        "announce new routes next month."
    )
    found, _ = quotes(text)
    assert all(q.speaker is None for q in found if "feared" in text[q.start : q.end])
    assert not any(q.speaker == "Morning Star" for q in found)
    (analysts,) = (q for q in found if "routes" in text[q.start : q.end])
    assert analysts.speaker == "Analysts"
    assert text[analysts.start : analysts.end].startswith("insurers were expected")


def test_a_subject_the_tagger_read_as_content_is_the_source(nlp: Nlp) -> None:
    doc = nlp("China and Russia support the government in the civil war.")
    item = tagger.Tagged(content=(0, 10), cue=(3, 4), source=None)
    moved = _subject_out_of_content(doc, item)
    assert doc[moved.content[0] : moved.content[1]].text == "the government in the civil war"
    assert moved.source is not None
    assert doc[moved.source[0] : moved.source[1]].text == "China and Russia"
    said = tagger.Tagged(content=(3, 10), cue=(2, 3), source=(0, 1))
    assert _subject_out_of_content(nlp("Lee said the government in the civil war erred."), said) == said


def test_a_content_starting_inside_its_cue_s_subject_is_what_follows_the_cue(
    quotes: Callable[..., Found], nlp: Nlp
) -> None:
    text = (
        "Duarte, who declared a state of emergency on Friday morning, said the city would work with the county to"
        " clear the roads and rebuild."
    )
    quote = next(q for q in quotes(text)[0] if "the city would work" in text[q.start : q.end])
    assert text[quote.start : quote.end] == "the city would work with the county to clear the roads and rebuild"
    assert quote.speaker == "Duarte"
    assert quote.speaker_span is not None and cited(text, quote.speaker_span) == "Duarte"
    doc = nlp("Lena Park, who chaired the hearing on the budget, said the vote would come in May.")
    said = next(t.i for t in doc if t.text == "said")
    inside = tagger.Tagged(content=(5, len(doc) - 1), cue=(said, said + 1), source=None)
    moved = _subject_clause_out_of_content(doc, inside)
    assert doc[moved.content[0] : moved.content[1]].text == "the vote would come in May"
    assert moved.source is not None and doc[moved.source[0] : moved.source[1]].text == "Lena Park"
    after = tagger.Tagged(content=(said + 1, len(doc) - 1), cue=(said, said + 1), source=(0, 2))
    assert _subject_clause_out_of_content(doc, after) == after


@pytest.mark.parametrize("space", [" ", "\u00a0"])
def test_a_no_break_space_does_not_split_a_quote_around_its_cue(quotes: Callable[..., Found], space: str) -> None:
    # Some sites print no-break spaces between sentences: they are not paragraph breaks.
    text = (
        f"The bridge closed in March after the storm. “We will rebuild the bridge by the spring,”{space}Governor"
        f" Jane Doe said on Monday.{space}“The work starts next week and the road reopens in May.”"
    )
    quote = only(quotes(text))
    assert "rebuild" in text[quote.start : quote.end] and "reopens" in text[quote.start : quote.end]
    assert quote.speaker == "Jane Doe"


def test_a_speakers_words_leave_out_the_comma_of_their_clause(quotes: Callable[..., Found]) -> None:
    text = "The bakery chain, which employs 500 people, said the plant would close in May."
    quote = next(q for q in quotes(text)[0] if q.speaker_span is not None)
    assert not cited(text, quote.speaker_span).endswith(",")
    assert cited(text, quote.speaker_span).startswith("The bakery chain")


def test_a_second_attribution_is_one_quote_not_two(quotes: Callable[..., Found]) -> None:
    """Split off with its addressee and found by the tagger without it, one content of one cue is one quote."""
    text = "The senator said the bill would pass while he told reporters it was a close vote."
    told = [text[q.start : q.end] for q in quotes(text)[0] if cited(text, q.cue_span) == "told"]
    assert told == ["it was a close vote"]
