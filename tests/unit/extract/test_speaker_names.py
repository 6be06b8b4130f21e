"""The names quotes are given for who spoke, on hand-written sentences parsed by the project's language model: a
pronoun stands for a person, not for a group that spoke before it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from rashomon.model import Quote

Nlp = Callable[[str], Any]


def speaker_of(text: str, found: tuple[Quote, ...], words: str) -> str | None:
    """The speaker of the quote whose content holds ``words``."""
    quote = next((q for q in found if words in text[q.start : q.end]), None)
    assert quote is not None, [(text[q.start : q.end], q.speaker) for q in found]
    return quote.speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
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
def test_a_pronoun_stands_for_a_person_not_a_group(quotes: Any, text: str, words: str, speaker: str) -> None:
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
        ("A Google engineer said that the system had been safe all along.", "Google engineer"),
        ("A Delta passenger said that the flight had left three hours late.", "Delta passenger"),
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
    ("text", "words", "speaker"),
    [
        # Any singular noun may be a person's ("the nurse"), and a lone capitalised word a name the model typed
        # otherwise.
        ("The nurse said the ward was full. “We have no beds left,” she said.", "We have no beds", "The nurse"),
        ("Sanders said the system was rigged. “It is rigged,” he said.", "It is rigged", "Sanders"),
    ],
)
def test_a_pronoun_stands_for_a_speaker_described_by_any_noun(quotes: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, quotes(text), words) == speaker


def test_a_dateline_parsed_as_a_subject_is_no_speaker(quotes: Any) -> None:
    text = (
        "Cooper upset fans by attending the convention.\n\nPHILADELPHIA, July 29 (UPI) — Fans of Bradley Cooper’s "
        "performance in the film have taken to social media to complain about the actor attending the convention."
    )
    found = quotes(text)
    assert found
    assert all(q.speaker != "PHILADELPHIA" for q in found), [(q.speaker, text[q.start : q.end]) for q in found]


def _speakers(quotes: Any, text: str) -> list[str | None]:
    return [q.speaker for q in quotes(text)]


def test_a_pronoun_passes_over_a_person_the_article_gives_the_other_sex(quotes: Any) -> None:
    # Two clauses say Clinton is "she", so the last "He" is Trump's, not the last speaker's.
    text = (
        "Hillary Clinton said on Monday that she would visit Ohio. Clinton added that she had a plan for jobs. "
        "Donald Trump spoke in Iowa. Trump said he would win the state. Clinton then told reporters that the "
        "economy was strong. He said later that he would release his taxes."
    )
    assert _speakers(quotes, text)[-1] == "Donald Trump"


def test_one_clause_does_not_settle_a_persons_sex(quotes: Any) -> None:
    text = (
        "Hillary Clinton said on Monday that she would visit Ohio. Donald Trump spoke in Iowa. Clinton then told "
        "reporters that the economy was strong. He said later that he would release his taxes."
    )
    assert _speakers(quotes, text)[-1] == "Hillary Clinton"  # the last speaker, as before


def test_a_pronoun_inside_quote_marks_says_nothing_of_the_speakers_sex(quotes: Any) -> None:
    # The quoted "he" is someone Berg talks about: Berg is not made a man, so "She" is still hers.
    text = (
        "Anna Berg said that “he lied to us.” Berg added that “he must resign.” Tom Hale and Berg met later. "
        "She said that the vote was rigged."
    )
    assert _speakers(quotes, text)[-1] == "Anna Berg"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A "he" in a clause joined or set beside another is often someone else: no vote.
        (
            "Hillary Clinton attacked Donald Trump on Monday, and he hit back on Twitter. Hillary Clinton criticized "
            "Donald Trump's plan, and he called her a liar. Joe Biden campaigned in Ohio. Hillary Clinton told "
            "reporters that the race was close. She said she would win.",
            "Hillary Clinton",
        ),
        (
            "Hillary Clinton laughed when Donald Trump spoke, because he had forgotten a line. Hillary Clinton smiled "
            "after he stumbled. Hillary Clinton left before he finished. Joe Biden campaigned in Ohio. Hillary "
            "Clinton told reporters that the race was close. She said she would win.",
            "Hillary Clinton",
        ),
        # One told something may be the "she": no vote.
        (
            "Donald Trump told Hillary Clinton that she was a liar. Donald Trump told voters that she would raise "
            "taxes. Mike Pence spoke in Iowa. Donald Trump told reporters that the economy was weak. He said he "
            "would win.",
            "Donald Trump",
        ),
        # Someone else named just before: "said he" may be about him.
        (
            "Mayor Frank Ortiz resigned last week. Council member Laura Kent said he had lied to the council. Kent "
            "said he should never have been elected. Peter Wu, a council aide, was not available. Kent told "
            "reporters that the city needed a fresh start. She said an election would be held in May.",
            "Laura Kent",
        ),
        # A clause whose subject is the one urged or asked is no vote for the one urging.
        (
            "Governor Ann Patel urged voters to ask whether he had lied. Ann Patel asked reporters to check if he had "
            "paid taxes. Patel's rival, Mark Lyons, campaigned in Erie. Ann Patel told reporters that the race was "
            "tight. She said she would win.",
            "Ann Patel",
        ),
        # A surname alone may be two people: Mrs. Lee's "she" says nothing of Mr. Lee.
        (
            "Mr. and Mrs. Lee own a bakery in Dayton. Mrs. Lee said she opened it in 1990. Mrs. Lee said she works "
            "every day. Their landlord, Tom Reyes, raised the rent. Mr. Lee said the rent had doubled. He said they "
            "may close.",
            "Lee",
        ),
        # A person named in the pronoun's own sentence comes before the last speaker.
        (
            "Tom Hale said he would run for mayor. Hale said he had the votes. Maria Lopez said the race was open. "
            "Anna Berg met Tom Hale on Friday, and she said the campaign was dirty.",
            "Anna Berg",
        ),
        # A quote running on unclosed into the next paragraph is the speaker's words.
        (
            "Anna Berg spoke at the rally.\n\nBerg said that “he lied to us, and everyone knows it.\n\n“We will not "
            "forget,” Berg said.\n\nBerg added that “he must resign before the vote.\n\nTom Hale and Berg met "
            "later.\n\nShe said that the vote was rigged.",
            "Anna Berg",
        ),
    ],
)
def test_a_pronoun_votes_only_where_it_can_only_be_the_speakers(quotes: Any, text: str, speaker: str) -> None:
    assert _speakers(quotes, text)[-1] == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A name in the speaker's own earlier words, in a quote left open for the next paragraph, is not the
        # speaker of the paragraph that carries the quote on.
        (
            "Rita Vance paid tribute to the founder on Monday.\n\n"
            '"The town has lost a great friend," Vance said. "Owen Marsh built the library with his own hands.\n\n'
            '"He will be missed by everyone who borrowed a book there."',
            "He will be missed",
            "Rita Vance",
        ),
        # Nor is a name the paragraph after the quote gives.
        (
            "The coach was pleased after the win.\n\n"
            '"We played well and the keeper was superb," said Dan Oakes.\n\n'
            '"I thought the referee had a good game. We deserved the points.\n\n'
            '"Next week is another big test and we will be ready for it."\n\n'
            "The club sits third in the table.",
            "Next week is another big test",
            "Dan Oakes",
        ),
    ],
)
def test_a_quote_running_on_keeps_the_speaker_who_opened_it(quotes: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, quotes(text), words) == speaker


def test_a_quote_left_open_for_the_next_paragraph_is_its_speakers(quotes: Any) -> None:
    text = (
        "Rita Vance paid tribute to the founder on Monday.\n\n"
        '"The town has lost a great friend," Vance said. "Owen Marsh built the library with his own hands.\n\n'
        '"He will be missed by everyone who borrowed a book there."'
    )
    assert speaker_of(text, quotes(text), "Owen Marsh built the library") == "Rita Vance"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A person named as another person's possessor does not speak for them.
        ("Tom Reed sued the club. Reed's lawyer said the claim was strong.", "Reed's lawyer"),
        ("John Smith's wife told reporters that he was innocent.", "John Smith's wife"),
        ("Ann Lee's campaign manager said the race was close.", "Ann Lee's campaign manager"),
        # A statement, or a spokesman or an office, still speaks for its owner.
        ("Apple's statement said the phones were safe.", "Apple"),
        ("Senator Ann Lee's office said the vote was delayed.", "Ann Lee"),
    ],
)
def test_a_possessor_speaks_only_through_a_statement_or_an_office(quotes: Any, text: str, speaker: str) -> None:
    assert quotes(text)[-1].speaker == speaker


def test_an_age_set_off_by_commas_is_no_part_of_a_described_speaker(quotes: Any) -> None:
    text = "The governor's aide, 29, told reporters that the bridge would reopen."
    assert quotes(text)[-1].speaker == "The governor's aide"


def test_an_age_in_a_compound_stays_in_a_described_speaker(quotes: Any) -> None:
    text = "The bespectacled, 71-year-old diplomat said the talks were over."
    assert quotes(text)[-1].speaker == "The bespectacled, 71-year-old diplomat"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Mohamed Al Fayed spoke to reporters. Later the inquiry heard from Michael Cole.\n\n"
            '"Mr Al Fayed is a very persuasive man," he said.',
            "Michael Cole",
        ),
        ('Ms. Ann Lee met the press on Monday.\n\n"Tom Brown called me yesterday," she said.', "Ann Lee"),
    ],
)
def test_a_pronoun_does_not_stand_for_a_person_named_in_its_own_quote(quotes: Any, text: str, speaker: str) -> None:
    assert quotes(text)[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A number in a list, or one the description goes on after, is no age.
        ("Residents of Wards 3, 4 and 5 said the flooding was the worst in years.", "Residents of Wards 3, 4 and 5"),
        (
            "The victim's sister, 29, and brother, 31, said the police were slow.",
            "The victim's sister, 29, and brother",
        ),
    ],
)
def test_only_an_age_closing_a_description_is_cut(quotes: Any, text: str, speaker: str) -> None:
    assert quotes(text)[-1].speaker == speaker


def test_a_source_in_its_own_quote_marks_still_speaks(quotes: Any) -> None:
    assert (quotes('"Dreamers" said they feared deportation.')[-1].speaker or "").startswith("Dreamers")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # An inch mark pairs with nothing: the name after it is outside any quote.
        (
            "Coach Mike Fox spoke first. When the 7'1\" Victor Wembanyama took the podium, he said he felt good.",
            "Victor Wembanyama",
        ),
        # A speaker may name themselves.
        (
            '"We come here every year," said Ann Lee.\n\n"My name is Tom Brown, and I served in Iraq," he said.',
            "Tom Brown",
        ),
        # British single quote marks hold quoted words too.
        (
            "Mohamed Al Fayed spoke to reporters. Later the inquiry heard from Michael Cole.\n\n"
            "‘Mr Al Fayed is a very persuasive man,’ he said.",
            "Michael Cole",
        ),
    ],
)
def test_a_pronoun_passes_over_only_a_person_quoted_words_talk_of(quotes: Any, text: str, speaker: str) -> None:
    assert quotes(text)[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The victim's mother, 52, who lives in Ohio, said the police were slow.", "The victim's mother"),
        ("Jane Doe's daughter, 34, a nurse, said the hospital was full.", "Jane Doe's daughter"),
    ],
)
def test_an_age_goes_before_an_aside_too(quotes: Any, text: str, speaker: str) -> None:
    assert quotes(text)[-1].speaker == speaker
