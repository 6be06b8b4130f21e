"""Happenings of one saga a week or months apart: which weekday readings may be the coming day, the week that parts
two stories whatever their words share, and the months an undated article's own words rule out."""

from __future__ import annotations

import numpy as np

from rashomon.model import Article
from rashomon.settings import StorySettings
from rashomon.stories.cluster import signatures
from rashomon.stories.evidence import PAIR_FEATURES, Evidence, PairModel
from rashomon.stories.happenings import other_months
from rashomon.stories.index import StoryIndex


def article(id: str, text: str, published: str | None) -> Article:
    return Article(id=id, source=f"{id}.txt", text=text, published=published)


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
