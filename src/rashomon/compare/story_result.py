"""Everything derived from one story's members: its title and event date, dates inferred for undated members (and
their times read again against them), the entities of its articles, and the cross-source comparison.

Worked out once per membership: a story whose members did not change keeps its stored result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial

import numpy as np

from rashomon.compare.clauses import statement_units
from rashomon.compare.encoder import SentenceEncoder
from rashomon.compare.framing import frame_story
from rashomon.compare.story import StoryInput, compare_story
from rashomon.extract.annotate import ArticleExtraction, body_times, caption_times
from rashomon.extract.entities import resolve_entities, speaker_index
from rashomon.extract.times import find_times
from rashomon.model import Article, ArticleAnnotations, Entity, Story, StoryComparison, TimeExpr
from rashomon.settings import CompareSettings
from rashomon.stories.cluster import event_date, inferred_published, reading_order, story_id, story_title

# Bumped whenever a change in comparison changes its results: stored story results of another version are redone.
COMPARE_VERSION = "18"


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryResult:
    """One story's derived results; ``published`` and ``times`` only for members whose date was inferred."""

    story: Story
    comparison: StoryComparison
    entities: tuple[Entity, ...] = ()
    published: dict[str, str] = field(default_factory=dict)
    times: dict[str, tuple[TimeExpr, ...]] = field(default_factory=dict)
    issues: dict[str, str] = field(default_factory=dict)


def dated_members(members: Sequence[Article], result: StoryResult) -> list[Article]:
    """The members with the publication dates the story inferred for the undated ones."""
    return [
        replace(a, published=result.published[a.id], published_inferred=True) if a.id in result.published else a
        for a in members
    ]


def analyse_story(
    members: Sequence[Article],
    extractions: Mapping[str, ArticleExtraction],
    copies: Mapping[str, str],
    settings: CompareSettings,
    embeddings: Mapping[str, np.ndarray] | None = None,
) -> StoryResult:
    """The story of ``members`` (copies among them named in ``copies``) and everything derived from it;
    ``embeddings`` are the originals' sentence embeddings (`StoryEmbedder`), needed when there are two or more."""
    # Caption times are listed with their article but take no part in dating or comparing: they do not index the body.
    own_times = {a.id: body_times(extractions[a.id].annotations.times) for a in members}
    day = event_date(members, own_times)
    ids = sorted(a.id for a in members)
    story = Story(id=story_id(ids), articles=tuple(ids), title=story_title(members, copies), date=day)
    # An undated member is dated from the story: the event day, or a day after it its own weekdays point to.
    published = {a.id: day for a in members if not a.published and day}
    times: dict[str, tuple[TimeExpr, ...]] = {}
    texts = {a.id: a.text for a in members}
    issues: dict[str, str] = {}
    for article in members:
        if article.id not in published:
            continue
        try:
            published[article.id] = inferred_published(published[article.id], partial(_read_times, article))
            anchor = date.fromisoformat(published[article.id])
            times[article.id] = find_times(article.text, article.id, anchor) + caption_times(article, anchor)
        except Exception as error:  # the per-story boundary: that member keeps the times of its own reading
            issues["times"] = f"{type(error).__name__}: {error}"
    mentions = [m for a in members for m in (*extractions[a.id].annotations.mentions, *extractions[a.id].references)]
    try:
        entities = resolve_entities(mentions, texts)
    except Exception as error:  # the per-story boundary: the story keeps its other results
        issues["entities"] = f"{type(error).__name__}: {error}"
        entities = ()
    empty = StoryComparison(story=story.id, summary=None, statements=(), timeline=())
    result = StoryResult(story=story, comparison=empty, entities=entities, published=published, times=times)
    annotations: dict[str, ArticleAnnotations] = {
        a.id: replace(extractions[a.id].annotations, times=body_times(times.get(a.id, own_times[a.id])))
        for a in members
    }
    speakers = {key: entity.id for key, entity in speaker_index(entities).items()}
    originals = sorted((a for a in dated_members(members, result) if a.id not in copies), key=reading_order)
    try:
        comparison = compare_story(
            StoryInput(
                story=story.id,
                event_date=day,
                articles=originals,
                annotations=annotations,
                speaker_entity=speakers,
                embeddings=embeddings or {},
            ),
            settings,
        )
    except Exception as error:  # as above
        issues["comparison"] = f"{type(error).__name__}: {error}"
        comparison = empty
    try:
        ordered = [*originals, *sorted((a for a in members if a.id in copies), key=reading_order)]
        framing = frame_story(ordered, copies, annotations, comparison.statements, entities)
        comparison = replace(comparison, framing=framing)
    except Exception as error:  # as above
        issues["framing"] = f"{type(error).__name__}: {error}"
    return replace(result, comparison=comparison, issues=issues)


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryJob:
    """One story's members with their extractions and the copies among them: what working it out needs."""

    members: tuple[Article, ...]
    extractions: dict[str, ArticleExtraction]
    copies: dict[str, str]
    # The originals' sentence embeddings (rows in sentence order), for stories of two or more originals.
    embeddings: dict[str, np.ndarray] = field(default_factory=dict)


class StoryEmbedder:
    """Adds to story jobs the embeddings their comparison needs, a row per statement unit (`clauses.statement_units`):
    only for stories of two or more original articles, and only for articles the job does not already carry (kept
    from an earlier run, with as many rows as the article has units), all in one call.
    The encoder is loaded on the first story that needs it. Vectors are rounded to float16, as they are kept, so a
    story compares the same whether its vectors were made now or read back. What it made is in ``made`` until
    taken."""

    def __init__(self, load: Callable[[], SentenceEncoder] = SentenceEncoder) -> None:
        self.load = load
        self.encoder: SentenceEncoder | None = None
        self.made: dict[str, np.ndarray] = {}

    def __call__(self, jobs: Sequence[StoryJob]) -> list[StoryJob]:
        wanted: dict[str, tuple[str, ...]] = {}
        for job in jobs:
            originals = [a for a in job.members if a.id not in job.copies]
            if len(originals) > 1:
                for original in originals:
                    units = statement_units(original.text, job.extractions[original.id].annotations.sentences)
                    kept = (job.embeddings.get(original.id), self.made.get(original.id))
                    # Vectors kept for another cut of the text into units are made again.
                    if not any(vectors is not None and len(vectors) == len(units) for vectors in kept):
                        wanted[original.id] = tuple(original.text[u.start : u.end] for u in units)
        if wanted:
            if self.encoder is None:
                self.encoder = self.load()
            vectors = self.encoder([text for texts in wanted.values() for text in texts])
            vectors = vectors.astype(np.float16).astype(np.float32)
            at = 0
            for article, texts in wanted.items():
                self.made[article] = vectors[at : at + len(texts)]
                at += len(texts)
        return [_with_embeddings(job, self.made) for job in jobs]

    def take_made(self) -> dict[str, np.ndarray]:
        made, self.made = self.made, {}
        return made


def _read_times(article: Article, anchor: date) -> tuple[TimeExpr, ...]:
    """An article's time expressions read against a publication date it might have."""
    return find_times(article.text, article.id, anchor)


def _with_embeddings(job: StoryJob, made: Mapping[str, np.ndarray]) -> StoryJob:
    originals = [a for a in job.members if a.id not in job.copies]
    if len(originals) < 2:
        return job
    return replace(job, embeddings={**job.embeddings, **{a.id: made[a.id] for a in originals if a.id in made}})


def analyse_story_safely(job: StoryJob, settings: CompareSettings) -> StoryResult:
    """`analyse_story`, or on an unexpected failure the bare story with the error named: the run goes on."""
    try:
        return analyse_story(job.members, job.extractions, job.copies, settings, job.embeddings)
    except Exception as error:  # the per-story boundary
        ids = tuple(sorted(a.id for a in job.members))
        story = Story(id=story_id(ids), articles=ids)
        return StoryResult(
            story=story,
            comparison=StoryComparison(story=story.id, summary=None, statements=(), timeline=()),
            issues={"results": f"{type(error).__name__}: {error}"},
        )


def analyse_jobs(jobs: Sequence[StoryJob], settings: CompareSettings) -> list[StoryResult]:
    """Each job's story worked out (a batch, so a worker process gets enough at a time)."""
    return [analyse_story_safely(job, settings) for job in jobs]


def analyse_embedded(
    jobs: Sequence[StoryJob], settings: CompareSettings, embedder: StoryEmbedder | None
) -> tuple[list[StoryResult], dict[str, np.ndarray]]:
    """The jobs' stories worked out, embeddings made first where needed (``embedder`` None: embeddings are off);
    also the sentence vectors made for this batch, to be kept."""
    if embedder is None:
        return analyse_jobs(jobs, settings), {}
    embedded = embedder(jobs)
    return analyse_jobs(embedded, settings), embedder.take_made()
