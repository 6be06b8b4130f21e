"""Speakers and contents as a reading of fresh news found them wrong, on hand-written sentences parsed by the
project's language model: a speaker named as fully as the article names them (an honorific before a surname, a
surname read as a common noun, a role word taken into a name, a first name the model left out); "he" or "she" for
the subject of the sentence before; a body for the noun that points back to it, and for "it" and "they" while no
one else is a sentence's subject; a quote running over paragraphs, or credited after it, kept with its speaker; no
comma opening a content."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from rashomon.extract.entities import PersonNames, find_mentions
from rashomon.model import Quote

from .test_speaker_names import speaker_of

Nlp = Callable[[str], Any]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # An honorific and a surname: the one person of that surname the article names in full.
        (
            'Police commissioner Karen Holt spoke on Friday.\n"We expect a calm night," Ms Holt said.',
            "a calm night",
            "Karen Holt",
        ),
        # With a pronoun of the article to read the sexes from, before every quote is found.
        (
            'Police commissioner Karen Holt spoke on Friday. She said the roads were clear.\n"We expect a calm '
            'night," Ms Holt said.',
            "a calm night",
            "Karen Holt",
        ),
        (
            'Dr Sarah Lane treated the boy at the clinic. "He will recover," Dr Lane said.',
            "He will recover",
            "Sarah Lane",
        ),
        # A surname the tagger read as a common noun.
        (
            'Harbour master Ellen Price described the storm.\n"The waves reached the pier by noon," Price said.',
            "the pier by noon",
            "Ellen Price",
        ),
        # A full name the recogniser missed, read from the parse, expands the surname later.
        (
            'Curtis McMullen, a professor at Harvard, explained the proof. "It is short," McMullen said.',
            "It is short",
            "Curtis McMullen",
        ),
        # A role word opening a sentence is no part of the name.
        (
            'Striker Kofi Mensah scored twice on Saturday.\n"It was a hard game," Mensah said after the match.',
            "a hard game",
            "Kofi Mensah",
        ),
    ],
)
def test_a_short_name_is_the_full_name_the_article_gives(
    quotes: Callable[[str], tuple[Quote, ...]], text: str, words: str, speaker: str
) -> None:
    assert speaker_of(text, quotes(text), words) == speaker


def test_an_honorific_of_the_other_sex_keeps_the_surname_apart(quotes: Callable[[str], tuple[Quote, ...]]) -> None:
    text = (
        "Hillary Clinton toured the plant. Mrs. Clinton said she would raise wages. "
        'Mrs. Clinton said she was ready. "The workers deserve better," Mr. Clinton said at a later event.'
    )
    assert speaker_of(text, quotes(text), "The workers deserve better") == "Mr. Clinton"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # The subject of the sentence before, not the last person it names.
        (
            "The hearing opened on Monday. Senator Kate Moore toured the new hospital with Governor Paul Hart. "
            "She said the plan needed more work.",
            "the plan needed more work",
            "Kate Moore",
        ),
        # A person only mentioned in the pronoun's sentence leaves it to the last speaker.
        (
            '"We will win this state," Senator Kate Moore said on Monday.\n'
            'As for Governor Paul Hart\'s record, she said, "It speaks for itself."',
            "It speaks for itself",
            "Kate Moore",
        ),
    ],
)
def test_he_or_she_stands_for_the_person_the_sentences_make_it(
    quotes: Callable[[str], tuple[Quote, ...]], text: str, words: str, speaker: str
) -> None:
    assert speaker_of(text, quotes(text), words) == speaker


def test_a_name_after_a_personal_honorific_is_a_person_s(nlp: Nlp) -> None:
    text = '"We expect a calm night," Ms Holt said. Sales of Dr Pepper rose 3 percent.'
    found = {text[m.start : m.end]: m.label for m in find_mentions(nlp(text), "a1")}
    assert found.get("Ms Holt") == "PERSON"
    assert found.get("Dr Pepper") != "PERSON"


def test_full_names_are_found_for_short_forms_with_or_without_honorifics() -> None:
    # Two sets of initials, or a second given name, are two people.
    names = PersonNames(
        [
            *("Karen Holt", "Dr Sarah Lane", "Donald J. Trump", "Donald Trump", "Mary Smith", "Tom Smith"),
            *("George W. Bush", "George H. W. Bush", "Mary Ellen Carter", "Mary Carter"),
        ]
    )
    shorts = ("Holt", "Ms Holt", "Dr. Lane", "Trump", "Smith", "Ms Karen", "Bush", "Carter")
    assert [names.full(short) for short in shorts] == [
        "Karen Holt",
        "Karen Holt",
        "Dr Sarah Lane",
        "Donald Trump",
        None,
        None,
        None,
        None,
    ]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A body the article names, pointed back to by its head noun.
        (
            'The Harbour Workers Union called a strike on Monday.\n"We have waited two years," the union said.',
            "We have waited two years",
            "Harbour Workers Union",
        ),
        (
            "The Ministry of Transport closed the bridge. The ministry said repairs would take a month.",
            "repairs would take a month",
            "Ministry of Transport",
        ),
        # Two bodies of that head: neither.
        (
            "The Ministry of Transport and the Ministry of Health met. The ministry said repairs would take a month.",
            "repairs would take a month",
            "The ministry",
        ),
        # "It" for a body that spoke last; never for a person.
        (
            'The Harbour Workers Union called a strike.\n"We have waited two years," the union said. '
            '"Our members will not go back," it said.',
            "Our members will not go back",
            "Harbour Workers Union",
        ),
        ('Senator Kate Moore praised the plan.\n"It is fair," it said.', "It is fair", None),
    ],
)
def test_a_body_is_named_for_the_words_that_point_back_to_it(
    quotes: Callable[[str], tuple[Quote, ...]], text: str, words: str, speaker: str | None
) -> None:
    assert speaker_of(text, quotes(text), words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A quote running on over paragraphs keeps its speaker, not the verb of the paragraph after.
        (
            'Club president Ellen Price criticised the players.\n"They did not respect the game," Price told a radio '
            'station.\n"Both coaches agree with me about this.\n"We will ask the league for a meeting next week."\n'
            "Former captain Sam Reid believes the team has lost its way.",
            "ask the league",
            "Ellen Price",
        ),
        # A credit after the closing mark, typed with a hyphen or a tilde.
        (
            'Students explained why they joined.\n\n"I chose this course because I wanted to learn how computers '
            'work." - Maria Lopez',
            "I chose this course",
            "Maria Lopez",
        ),
        (
            'The score was 3-2.\n\n"We played well tonight, and we deserved the win." -Tom Lee',
            "We played well tonight",
            "Tom Lee",
        ),
        (
            'A card hangs over her desk.\n\n"Keep your face to the sunshine and you cannot see a shadow." '
            "~Helen Keller",
            "Keep your face",
            "Helen Keller",
        ),
    ],
)
def test_a_whole_quoted_paragraph_keeps_the_speaker_its_layout_gives(
    quotes: Callable[[str], tuple[Quote, ...]], text: str, words: str, speaker: str
) -> None:
    assert speaker_of(text, quotes(text), words) == speaker


def test_no_content_opens_with_the_comma_after_its_attribution(quotes: Callable[[str], tuple[Quote, ...]]) -> None:
    text = "The storage market is crowded. According to EMC, the new software will ship in March."
    assert [text[q.start : q.end] for q in quotes(text)] == ["the new software will ship in March"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Names written with an honorific, beside the pronouns the sexes are read from: the resolver reads the
        # sexes from names expanded without asking the sexes (it once recursed, or read quote spans not yet set).
        (
            "Police commissioner Karen Holt spoke on Friday. Ms Holt said she would stay in the city.\n"
            '"We are ready," Ms Holt said.',
            "Karen Holt",
        ),
        ('Mr Tom Brown opened the shop. Mr Brown said he would stay. "We are ready," he said.', "Tom Brown"),
    ],
)
def test_honorific_names_beside_pronouns_resolve(
    quotes: Callable[[str], tuple[Quote, ...]], text: str, speaker: str
) -> None:
    assert speaker_of(text, quotes(text), "We are ready") == speaker


def test_a_word_opening_the_sentence_is_no_part_of_a_person_s_name(nlp: Nlp) -> None:
    text = (
        "Sometimes Simon is harsh with the singers. Entrusting Donald Trump with the codes is a risk, he said. "
        "Will Smith starred in the film."
    )
    people = [text[m.start : m.end] for m in find_mentions(nlp(text), "a1") if m.label == "PERSON"]
    assert people == ["Simon", "Donald Trump", "Will Smith"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Trump: I will build the wall and Mexico will pay\nThe candidate spoke in Iowa.", "Trump"),
        ("Poll: Trump leads Clinton in Ohio by four points\nThe poll was taken on Monday.", "Poll"),
        # A title before a colon is no source.
        ("Dawn of the Dad: Fathers Are Taking On More of the Housework\nThe survey was small.", None),
    ],
)
def test_a_headline_credits_its_words_to_a_source_not_to_a_title(
    quotes: Callable[[str], tuple[Quote, ...]], text: str, speaker: str | None
) -> None:
    headline = text.split("\n", maxsplit=1)[0]
    found = [q.speaker for q in quotes(text) if q.start < len(headline)]
    assert found == ([speaker] if speaker else [])


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # "They" for people described by a plural who spoke last; not for things, nor a body named.
        (
            "Officials said the bridge would reopen on Monday. But they said repairs could take longer.",
            "repairs could take longer",
            "Officials",
        ),
        (
            "Republican leaders said the bill would pass. They said the vote would come on Friday.",
            "the vote would come on Friday",
            "Republican leaders",
        ),
        (
            "The statistics show that crime fell. They said it was the lowest in years.",
            "the lowest in years",
            None,
        ),
        # A plural is no one person's name: "he" passes over "Aides" to the man they speak of.
        (
            "Aides said Mr. Obama was tired of the talks. While he refused to release the prisoners, the deal held.",
            "to release the prisoners",
            "Obama",
        ),
    ],
)
def test_they_stands_for_people_described_by_a_plural(
    quotes: Callable[[str], tuple[Quote, ...]], text: str, words: str, speaker: str | None
) -> None:
    assert speaker_of(text, quotes(text), words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # Another subject since the last speaker: "they", "it" or "the bank" may be either.
        (
            "Officials said the bridge was safe. Engineers disagreed. They said cracks had been visible for months.",
            "cracks had been visible",
            None,
        ),
        (
            "Boeing said the jets were safe. The FAA grounded them anyway. It said checks would take weeks.",
            "checks",
            None,
        ),
        (
            "The Bank of England held rates. Barclays said mortgage demand fell. The bank said it would cut 500 jobs.",
            "it would cut 500 jobs",
            "The bank",
        ),
        # An attribution on the next line, as flattened pages break it, and one credited in the next paragraph.
        (
            '"We will appeal this decision and we expect to win,"\nchairman Tom Dale said on Monday.',
            "We will appeal",
            "Tom Dale",
        ),
        (
            '"The season is over for us and we must rebuild.\n"Nobody is safe," manager Tom Dale said.',
            "The season is over",
            "Tom Dale",
        ),
    ],
)
def test_a_speaker_is_carried_only_as_far_as_the_text_keeps_to_them(
    quotes: Callable[[str], tuple[Quote, ...]], text: str, words: str, speaker: str | None
) -> None:
    assert speaker_of(text, quotes(text), words) == speaker
