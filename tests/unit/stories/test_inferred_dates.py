"""A story's event date from its dated members' days (parts of days included), and the date inferred for a member
published without one (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

from rashomon.extract.times import find_times
from rashomon.model import Article, TimeExpr
from rashomon.stories.cluster import event_date, inferred_published


def article(id: str, text: str, published: str | None) -> Article:
    return Article(id=id, source=f"{id}.txt", text=text, published=published)


def times_of(members: list[Article]) -> dict[str, tuple[TimeExpr, ...]]:
    return {a.id: find_times(a.text, a.id, a.published_date()) for a in members}


FIRST = "A cargo barge ran aground in the estuary on Friday morning, the port authority said."
SECOND = "A barge struck a sandbar in the estuary on Friday and its owner closed the crossing until Saturday."
FOLLOW_UP = (
    "The barge's owner said on Saturday it would inspect its fleet after the vessel ran aground on Friday. "
    "Tugs pulled the barge free on Friday evening."
)


def test_a_day_with_its_part_votes_for_its_day_and_until_saturday_looks_ahead() -> None:
    members = [article("a", FIRST, "2025-03-14"), article("b", SECOND, "2025-03-14T11:20:00Z")]
    times = times_of(members)
    # "until Saturday" is the day after publication: it casts no vote in the week before it.
    assert [t.value for t in times["b"] if t.value.startswith("2025-03-15")] == ["2025-03-15"]
    assert event_date(members, times) == "2025-03-14"


def test_an_undated_follow_up_is_dated_so_its_days_lie_nearest_the_event() -> None:
    day = inferred_published("2025-03-14", lambda anchor: find_times(FOLLOW_UP, "c", anchor))
    assert day == "2025-03-15"
    values = [t.value for t in find_times(FOLLOW_UP, "c", date.fromisoformat(day))]
    assert values[:2] == ["2025-03-15", "2025-03-14"]


def test_an_undated_member_naming_no_day_keeps_the_event_day() -> None:
    text = "Ferry crossings in the estuary have been cut back for years, residents said."
    assert inferred_published("2025-03-14", lambda anchor: find_times(text, "d", anchor)) == "2025-03-14"


def test_an_earlier_day_named_as_background_does_not_push_the_date_on() -> None:
    # Tuesday, three days before the event, is nearer as the Tuesday before it than as the one after.
    text = "The crossing had been closed since Tuesday, and the barge sank on Friday, the council said."
    assert inferred_published("2025-03-14", lambda anchor: find_times(text, "e", anchor)) == "2025-03-14"


def test_days_named_with_their_part_vote_for_the_day() -> None:
    members = [
        article("a", "Fire broke out in the mill on Thursday evening, firefighters said.", "2025-03-14"),
        article("b", "The mill burned through Thursday night.", "2025-03-14"),
        article("c", "Investigators reached the burned mill on Friday.", "2025-03-14"),
    ]
    assert event_date(members, times_of(members)) == "2025-03-13"


def test_a_follow_up_naming_a_later_day_is_dated_on_it() -> None:
    text = "The storm struck the coast on Saturday. Officials said on Tuesday that repairs would take weeks."
    day = inferred_published("2025-03-08", lambda anchor: find_times(text, "e", anchor))
    assert day == "2025-03-11"
    assert [t.value for t in find_times(text, "e", date.fromisoformat(day))] == ["2025-03-08", "2025-03-11"]
