"""Stories between the store and the comparison: the members' stored extractions (JSON) in, the rows the store
keeps out. Done where the stories are worked out (in the worker processes when a run has them), so the main process
only reads and writes the store: reading and writing the JSON of 10,000 stories was most of its work there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from rashomon.compare.story_result import StoryEmbedder, StoryJob, StoryResult, analyse_embedded, dated_members
from rashomon.extract.annotate import ArticleExtraction
from rashomon.model import Article, ArticleAnnotations
from rashomon.render.selection import entry_day
from rashomon.settings import CompareSettings
from rashomon.store.database import StoryRow
from rashomon.store.records import from_json, to_json


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredStory:
    """One story to work out, as read from the store: its member ids, the stored members, their extractions as
    stored (JSON; a member without one counts as having found nothing), the copies among them, their kept sentence
    vectors, and the digest of what its result is derived from."""

    members: tuple[str, ...]
    articles: tuple[Article, ...]
    bodies: dict[str, str]
    copies: dict[str, str]
    vectors: dict[str, np.ndarray] = field(default_factory=dict)
    basis: str


@dataclass(frozen=True, slots=True)
class WorkedOut:
    """Stories worked out: their rows for the store, the steps that failed in each (`StoryResult.issues`), and
    the sentence vectors made for them, to be kept."""

    rows: list[StoryRow]
    issues: list[tuple[str, ...]]
    made: dict[str, np.ndarray]


def story_job(story: StoredStory) -> StoryJob:
    return StoryJob(
        members=story.articles,
        extractions={
            m: from_json(ArticleExtraction, story.bodies[m])
            if m in story.bodies
            else ArticleExtraction(annotations=ArticleAnnotations(article=m))
            for m in story.members
        },
        copies=story.copies,
        embeddings=story.vectors,
    )


def story_row(result: StoryResult, members: Sequence[Article], basis: str) -> StoryRow:
    story = result.story
    return StoryRow(
        id=story.id,
        basis=basis,
        members=story.articles,
        day=entry_day(story.date, [a.published for a in dated_members(members, result)]),
        outlets=frozenset((a.outlet or "").strip().casefold() for a in members),
        body=to_json(result),
    )


def work_out_stored(
    stories: Sequence[StoredStory], settings: CompareSettings, embedder: StoryEmbedder | None
) -> WorkedOut:
    """The stories worked out (`analyse_embedded`) and made rows; ``embedder`` None: embeddings are off."""
    results, made = analyse_embedded([story_job(s) for s in stories], settings, embedder)
    rows = [story_row(r, s.articles, s.basis) for s, r in zip(stories, results, strict=True)]
    return WorkedOut(rows=rows, issues=[tuple(r.issues) for r in results], made=made)
