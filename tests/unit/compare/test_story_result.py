"""One story's results: dates inferred for undated members only, and their times read against that date; caption
times kept out of the story's date and timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rashomon.compare.story_result import StoryJob, analyse_story, analyse_story_safely, dated_members
from rashomon.extract.annotate import ArticleExtraction
from rashomon.extract.times import find_times
from rashomon.model import Article, ArticleAnnotations, Sentence, TimeExpr
from rashomon.settings import CompareSettings

TEXT = "The council voted on Friday to close the old bridge.\n\nRepairs start next month."


def _extractions(*articles: Article) -> dict[str, ArticleExtraction]:
    return {a.id: ArticleExtraction(annotations=ArticleAnnotations(article=a.id)) for a in articles}


def test_only_undated_members_take_the_story_date_and_their_times_follow() -> None:
    dated = Article(id="a", source="a.txt", text=TEXT, published="2024-05-12")
    undated = Article(id="b", source="b.txt", text=TEXT)
    result = analyse_story([dated, undated], _extractions(dated, undated), {}, CompareSettings())
    assert result.story.date == "2024-05-12"
    assert result.published == {"b": "2024-05-12"}
    assert dated_members([dated, undated], result) == [
        dated,
        replace(undated, published="2024-05-12", published_inferred=True),
    ]
    # "Friday" is read against the inferred day, the Friday before Sunday 12 May 2024.
    assert result.times["b"][0].value == "2024-05-10"


def test_a_story_with_no_date_gives_none() -> None:
    undated = Article(id="c", source="c.txt", text=TEXT)
    result = analyse_story([undated], _extractions(undated), {}, CompareSettings())
    assert (result.story.date, result.published, result.times) == (None, {}, {})
    assert dated_members([undated], result) == [undated]


def test_a_member_without_its_extraction_is_a_bare_story_not_a_failed_run() -> None:
    lonely = Article(id="d", source="d.txt", text=TEXT, published="2024-05-12")
    result = analyse_story_safely(StoryJob(members=(lonely,), extractions={}, copies={}), CompareSettings())
    assert result.story.articles == ("d",)
    assert result.comparison.statements == ()
    assert "KeyError" in result.issues["results"]


def test_caption_times_take_no_part_in_the_story_date_or_timeline() -> None:
    text = "The council voted on May 10, 2024 to close the old bridge.\n\nRepairs start next month."
    article = Article(
        id="e", source="e.txt", text=text, published="2024-05-12", captions=("May 11, 2024.", "May 11, 2024.")
    )
    body = find_times(text, "e", date(2024, 5, 12))
    # Offsets into the captions, which would point into the first sentence were they read against the body.
    captioned = tuple(TimeExpr(article="e", start=0, end=12, value="2024-05-11", caption=i) for i in (0, 1))
    annotations = ArticleAnnotations(
        article="e", sentences=(Sentence(article="e", start=0, end=58),), times=body + captioned
    )
    result = analyse_story([article], {"e": ArticleExtraction(annotations=annotations)}, {}, CompareSettings())
    assert result.story.date == "2024-05-10"
    whens = {entry.when for entry in result.comparison.timeline}
    assert "2024-05-10" in whens
    assert "2024-05-11" not in whens


def test_an_undated_member_reads_its_captions_again_against_the_story_date() -> None:
    dated = Article(id="a", source="a.txt", text=TEXT, published="2024-05-12")
    undated = Article(id="b", source="b.txt", text=TEXT, captions=("The vote on Friday.",))
    result = analyse_story([dated, undated], _extractions(dated, undated), {}, CompareSettings())
    assert [(t.caption, t.value) for t in result.times["b"] if t.caption is not None] == [(0, "2024-05-10")]
    assert [t.value for t in result.times["b"] if t.caption is None] == ["2024-05-10", "2024-06"]
