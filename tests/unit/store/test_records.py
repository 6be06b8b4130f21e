"""Results as JSON and back: every field, nested spans, sets and optional values survive."""

from __future__ import annotations

from rashomon.compare.story_result import StoryResult
from rashomon.extract.annotate import ArticleExtraction
from rashomon.model import (
    ArticleAnnotations,
    Entity,
    Figure,
    Mention,
    Quote,
    Sentence,
    Span,
    Statement,
    Story,
    StoryComparison,
    TimeExpr,
)
from rashomon.store.records import from_json, to_json
from rashomon.stories.cluster import StoryFacts

MENTION = Mention(article="a", start=0, end=5, label="PERSON")
EXTRACTION = ArticleExtraction(
    annotations=ArticleAnnotations(
        article="a",
        sentences=(Sentence(article="a", start=0, end=40),),
        mentions=(MENTION,),
        quotes=(
            Quote(
                id="a:quote:10-20", article="a", start=10, end=20, kind="direct", speaker="Ann Lee",
                speaker_span=Span(article="a", start=0, end=7), cue_span=None,
            ),
        ),
        figures=(Figure(id="a:figure:1", article="a", start=25, end=27, value=12.5, unit=None, approx=True),),
        times=(
            TimeExpr(article="a", start=30, end=36, value="2024-03-26"),
            TimeExpr(article="a", start=4, end=10, value="2024-03-25", type="DATE", caption=1),
        ),
    ),
    references=(Mention(article="a", start=21, end=23, label="PERSON", refers_to="Ann Lee"),),
    facts=StoryFacts(proper_nouns=("ann", "lee", "ann"), entities=frozenset({"ann lee"}), dates=frozenset({"friday"})),
    issues={"figures": "ValueError: odd"},
)  # fmt: skip


def test_an_extraction_comes_back_equal() -> None:
    assert from_json(ArticleExtraction, to_json(EXTRACTION)) == EXTRACTION


def test_a_time_stored_before_caption_times_reads_back_as_of_the_body() -> None:
    older = '{"article":"a","start":30,"end":36,"value":"2024-03-26","type":"DATE"}'
    assert from_json(TimeExpr, older) == TimeExpr(article="a", start=30, end=36, value="2024-03-26", type="DATE")
    assert from_json(TimeExpr, older).caption is None


def test_one_part_is_read_alone() -> None:
    assert from_json(StoryFacts, to_json(EXTRACTION), "facts") == EXTRACTION.facts


def test_a_story_result_comes_back_equal() -> None:
    result = StoryResult(
        story=Story(id="story:1", articles=("a", "b"), title=None, date="2024-03-26"),
        comparison=StoryComparison(
            story="story:1",
            summary="Both say so.",
            statements=(Statement(text="x", status="corroborated", sources=(Span(article="a", start=0, end=4),)),),
            timeline=(),
            quote_alignments=(("a:quote:1-2", "b:quote:3-4"),),
        ),
        entities=(Entity(id="entity:1", name="Ann Lee", type="PERSON", aliases=("Lee",), mentions=(MENTION,)),),
        published={"b": "2024-03-26"},
        times={"b": (TimeExpr(article="b", start=1, end=2, value="2024-03-25"),)},
    )
    assert from_json(StoryResult, to_json(result)) == result
