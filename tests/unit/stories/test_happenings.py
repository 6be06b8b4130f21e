"""The day an article's own time expressions name, and what it does to a pair of happenings of one saga."""

from __future__ import annotations

import pickle
from datetime import date

import numpy as np
import pytest

from rashomon.model import Article
from rashomon.settings import StorySettings
from rashomon.stories.cluster import group_articles, signatures
from rashomon.stories.evidence import NO_DAY, PAIR_FEATURES, Evidence, PairModel
from rashomon.stories.happenings import DAY_WORDS, named_day, other_months
from rashomon.stories.index import INDEX_VERSION, StoryIndex

THURSDAY = date(2022, 9, 15)


def day_words(text: str) -> frozenset[str]:
    return DAY_WORDS.intersection(text.lower().replace(".", " ").replace(",", " ").split())


def test_a_dated_article_names_the_latest_day_of_the_week_before_it() -> None:
    text = "The ferry ran aground on Tuesday. Its owner apologised on Wednesday."
    assert named_day(text, day_words(text), THURSDAY) == date(2022, 9, 14)
    assert named_day("It happened yesterday.", day_words("it happened yesterday"), THURSDAY) == date(2022, 9, 14)
    # A weekday that is the publication's own weekday is that day, not a week before.
    assert named_day("Late on Thursday the ferry sank.", day_words("late on thursday"), THURSDAY) == THURSDAY
    text = "At Monday's hearing the owner spoke."
    assert named_day(text, day_words(text), THURSDAY) == date(2022, 9, 12)


def test_a_weekday_still_to_come_is_no_named_day() -> None:
    """ "would urge members to call on Wednesday" looks ahead: the happening's day is the Tuesday of the vote, not
    the Wednesday before publication."""
    text = "The Senate voted on Tuesday. The union said it would urge members to call the governor on Wednesday."
    assert named_day(text, day_words(text), THURSDAY) == date(2022, 9, 13)
    assert named_day("The House will vote on Wednesday.", day_words("will vote on wednesday"), THURSDAY) is None
    text = "A vote is set for Wednesday. On Wednesday the House met."
    assert named_day(text, day_words(text), THURSDAY) == date(2022, 9, 14)
    assert named_day("Next Monday the House votes.", day_words("next monday the house votes"), THURSDAY) is None
    # the future of the words reported, not of the attribution's day
    text = "The company will cut 500 jobs, a spokeswoman said Monday."
    assert named_day(text, day_words(text), THURSDAY) == date(2022, 9, 12)


def test_days_outside_the_week_before_publication_are_no_named_day() -> None:
    text = "The hearing is set for Oct. 2; the ferry was built in March 1998."
    assert named_day(text, day_words(text), THURSDAY) is None
    # "Sept. 8" read on 15 September is that month's; "Dec. 30" read in January is last year's.
    assert named_day("Talks began Sept. 8.", frozenset(), THURSDAY) == date(2022, 9, 8)
    assert named_day("Talks began Dec. 30.", frozenset(), date(2023, 1, 3)) == date(2022, 12, 30)
    assert named_day("Nothing here says when.", frozenset(), THURSDAY) is None


def test_an_undated_article_names_no_day() -> None:
    text = "The council met on March 4, 2019, and again on Tuesday."
    assert named_day(text, day_words(text), None) is None


def article(id: str, text: str, published: str | None) -> Article:
    return Article(id=id, source=f"{id}.txt", text=text, published=published)


def test_days_apart_are_marked_for_dated_pairs_only() -> None:
    evidence = Evidence()
    batch = signatures(
        [
            article("a", "The dam gave way on Monday near Orvale.", "2021-06-08"),
            article("b", "Engineers inspected the Orvale dam on Friday.", "2021-06-12"),
            article("c", "Crews rebuilt the Orvale dam on Monday, June 7, 2021.", None),
        ],
        {},
    )
    assert batch.named_days.tolist()[:2] == [date(2021, 6, 7).toordinal(), date(2021, 6, 11).toordinal()]
    assert batch.named_days[2] == NO_DAY
    evidence.append(batch, [0, 1, 2])
    rows = evidence.features(np.array([0, 0]), np.array([1, 2]))
    named = {name: rows[:, PAIR_FEATURES.index(name)].tolist() for name in PAIR_FEATURES if "apart" in name}
    assert named == {"dated_apart>=2": [1.0, 0.0], "dated_apart>=4": [1.0, 0.0]}


SAGA = {
    # One mayor, one town, one week: her office denies a report on Monday, she is charged on Thursday.
    "deny-1": (
        "Mayor Ilse Varga denies report on city contracts",
        "Mayor Ilse Varga of Dunmore on Monday denied a newspaper report that her office steered city paving "
        "contracts to a company owned by her brother-in-law. Varga called the report false and said every contract "
        "was awarded by competitive bid. Her lawyer, Tomas Reyne, said the paper had misread the bid records.",
        "2019-04-08",
    ),
    "deny-2": (
        "Varga calls paving story false",
        "Dunmore Mayor Ilse Varga rejected on Monday an account that paving work went to her brother-in-law's "
        "firm. In a statement, Varga said the bids were open and the report was wrong. Tomas Reyne, her attorney, "
        "said the newspaper confused two companies.",
        "2019-04-08",
    ),
    "charge-1": (
        "Dunmore mayor charged with bid rigging",
        "Prosecutors charged Dunmore Mayor Ilse Varga on Thursday with bid rigging and official misconduct over "
        "city paving contracts won by her brother-in-law's company. Varga surrendered at the county courthouse and "
        "was released. Her lawyer, Tomas Reyne, said she would plead not guilty to all four counts.",
        "2019-04-11",
    ),
    "charge-2": (
        "Varga faces four counts over paving contracts",
        "Ilse Varga, the mayor of Dunmore, was charged Thursday with four counts, including bid rigging, in a case "
        "over paving contracts. She turned herself in and was freed on bond, and attorney Tomas Reyne said she "
        "would fight the charges.",
        "2019-04-12",
    ),
}


def test_two_happenings_of_one_saga_days_apart_are_two_stories() -> None:
    articles = [
        Article(id=key, source=f"{key}.txt", title=title, text=text, published=day)
        for key, (title, text, day) in SAGA.items()
    ]
    groups = group_articles(articles, {}, {}, StorySettings())
    assert groups == [["charge-1", "charge-2"], ["deny-1", "deny-2"]]


def test_one_weekday_read_from_both_sides_of_it_is_not_two_happenings() -> None:
    evidence = Evidence()
    batch = signatures(
        [
            article("mon", "The levee at Orvale broke on Tuesday.", "2021-06-14"),  # the Tuesday before: 8 June
            article("wed", "The levee at Orvale broke on Tuesday.", "2021-06-16"),  # the day before: 15 June
            article("next", "The Orvale levee was mended on Tuesday.", "2021-06-15"),
            article("week", "The Orvale levee failed again on Tuesday.", "2021-06-22"),
        ],
        {},
    )
    evidence.append(batch, [0, 1, 2, 3])
    rows = evidence.features(np.array([0, 2]), np.array([1, 3]))
    assert rows[:, PAIR_FEATURES.index("dated_apart>=4")].tolist() == [0.0, 1.0]


def test_an_index_saved_by_another_version_is_not_read() -> None:
    index = StoryIndex(StorySettings())
    index.add(signatures([article("a", "The levee at Orvale broke on Tuesday.", "2021-06-16")], {}))
    state, columns = index.to_saved()
    assert StoryIndex.from_saved(state, columns).stories() == [["a"]]
    fields = pickle.loads(state)
    fields["version"] = INDEX_VERSION - 1
    with pytest.raises(ValueError, match="another version"):
        StoryIndex.from_saved(pickle.dumps(fields), columns)


# Happenings of one saga a week or months apart: which weekday readings may be the coming day, the week that parts
# two stories whatever their words share, and the months an undated article's own words rule out.


def apart(evidence: Evidence, left: list[int], right: list[int]) -> list[float]:
    rows = evidence.features(np.array(left), np.array(right))
    return rows[:, PAIR_FEATURES.index("dated_apart>=4")].tolist()


def test_a_weekday_read_the_day_after_is_not_the_coming_one() -> None:
    # "Tuesday" in a Wednesday report is the day before; a Tuesday report a week on names its own day.
    evidence = Evidence()
    batch = signatures(
        [
            article("vote", "Teachers at Kelby College voted on Tuesday to reject the contract.", "2021-06-16"),
            article("strike", "Teachers at Kelby College walked out on Tuesday.", "2021-06-22"),
            article("monday", "Teachers at Kelby College walked out on Tuesday.", "2021-06-21"),
        ],
        {},
    )
    evidence.append(batch, [0, 1, 2])
    # The Monday report's "Tuesday" (six days back, or tomorrow) is the strike's day read from its eve.
    assert apart(evidence, [0, 1], [1, 2]) == [1.0, 0.0]


def test_sure_named_days_a_week_apart_part_blocks() -> None:
    evidence = Evidence()
    batch = signatures(
        [
            article("first", "The Kelby council voted on Tuesday.", "2021-06-15"),
            article("second", "The Kelby mayor signed the budget on Tuesday.", "2021-06-22"),
            article("eve", "The Kelby mayor will sign the budget on Tuesday.", "2021-06-21"),  # six days back
            article("undated", "The Kelby mayor signed the budget on Tuesday.", None),
        ],
        {},
    )
    evidence.append(batch, [0, 1, 2, 3])
    parted = evidence.named_apart([[0], [1], [2], [3]])
    assert parted[0].tolist() == [False, True, False, False]
    assert parted[1].tolist() == [True, False, False, False]
    assert not parted[2].any() and not parted[3].any()


def test_a_recap_a_week_later_stays_out_of_the_first_story() -> None:
    # A model that reads only word overlap: the two notes would be one story on their words alone.
    words_only = PairModel(weights=tuple(12.0 if f == "words" else 0.0 for f in PAIR_FEATURES), intercept=-8.0)
    first = "harbour dock workers crane strike vote"
    items = [
        ("vote-1", f"On Tuesday {first}.", "2024-05-14"),
        ("vote-2", f"{first} on Tuesday.", "2024-05-14"),
        ("recap", f"On Tuesday, a week after the {first}, pay rose.", "2024-05-21"),
        ("undated", f"{first}.", None),
    ]
    index = StoryIndex(StorySettings(threshold=0.5, link_floor=0.05), words_only)
    index.add(signatures([article(i, t, d) for i, t, d in items], {}))
    stories = index.stories()
    assert ["recap"] in stories
    assert any({"vote-1", "vote-2"} <= set(story) for story in stories)


def months(bits: int) -> list[int]:
    return [month for month in range(1, 13) if bits >> month & 1]


def test_months_named_without_a_day_are_other_months() -> None:
    assert months(other_months("The levy, approved in March, was frozen since early June.")) == [3, 6]
    assert months(other_months("Bids close by Nov. 5 and work starts in mid-July 2025.")) == [7]
    # A month also named with a day may be the happening's own.
    assert months(other_months("Filed in March, the suit was heard on March 19.")) == []
    assert months(other_months("April Tenby said the May report was late.")) == []
    # "Earlier in" and "later in" speak of the month at hand.
    assert months(other_months("A hearing is set for later in May; the bill passed earlier in May.")) == []


def test_an_undated_article_is_apart_from_a_day_in_a_month_its_words_rule_out() -> None:
    evidence = Evidence()
    batch = signatures(
        [
            article("march", "The Kelby council approved the levy on Tuesday.", "2021-03-17"),
            article("november", "Kelby voters repealed the levy on Tuesday.", "2021-11-03"),
            article("repeal", "Kelby voters repealed the levy the council approved in March.", None),
            article("also", "Kelby voters repealed the levy the council approved in March.", None),
        ],
        {},
    )
    assert months(int(batch.other_months[2])) == [3] and batch.other_months[0] == 0
    evidence.append(batch, [0, 1, 2, 3])
    assert apart(evidence, [2, 1, 2], [0, 2, 3]) == [1.0, 0.0, 0.0]
