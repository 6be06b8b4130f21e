"""Stage order, the run loop, progress events and run statistics.

`run` reads inputs into the store (one transaction per batch), parses what the store has not parsed yet, and then
`analyse` derives the whole dossier from the stored articles: so adding inputs extends it, repeating inputs changes
nothing, and a run killed half-way loses only its unfinished batch.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon.clean.article import clean, site_of
from rashomon.clean.lines import text_line_keys
from rashomon.compare.story import StoryInput, compare_story
from rashomon.dossier import Dossier
from rashomon.extract.entities import find_mentions, name_key, resolve_entities
from rashomon.extract.figures import find_figures
from rashomon.extract.nlp import LanguageModel, sentence_bounds
from rashomon.extract.quotes import find_quotes, quote_mark_spans
from rashomon.extract.times import find_times
from rashomon.ingest.inputs import discover, is_records, read_file, read_inputs
from rashomon.model import (
    Article,
    ArticleAnnotations,
    Entity,
    Mention,
    Quote,
    RawDocument,
    Rejected,
    Sentence,
    StageStats,
    Story,
    TimeExpr,
    describe_input,
)
from rashomon.render.assemble import assemble
from rashomon.settings import Settings
from rashomon.store.database import Store, content_hash
from rashomon.stories.cluster import (
    event_date,
    group_articles,
    infer_dates,
    reading_order,
    story_facts,
    story_id,
    story_title,
)
from rashomon.stories.dedup import find_duplicates

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Progress:
    """A progress event: ``done`` of ``total`` items of ``stage`` (total None when unknown)."""

    stage: str
    done: int
    total: int | None


ProgressCallback = Callable[[Progress], None]


def _ignore(_: Progress) -> None:
    return None


@dataclass(slots=True, kw_only=True)
class RunResult:
    """What a run did and what it produced."""

    dossier: Dossier
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected_now: list[Rejected] = field(default_factory=list)
    stages: list[StageStats] = field(default_factory=list)


def run(
    paths: Sequence[Path], store: Store, settings: Settings, model: LanguageModel, progress: ProgressCallback = _ignore
) -> RunResult:
    """Read ``paths`` into ``store`` and rebuild the dossier from everything stored."""
    result = RunResult(
        dossier=Dossier(
            schema_version="1", articles=[], rejected=[], stories=[], entities=[], quotes=[], figures=[], times=[]
        )
    )
    result.stages.append(ingest_into(paths, store, settings, result, progress))
    articles = store.articles()
    docs, parse_stats = parse_articles(articles, store, model, progress, settings.ingest.batch_size)
    result.stages.append(parse_stats)
    started = time.perf_counter()
    result.dossier = analyse(articles, docs, store.rejected(), settings)
    store.save_dossier(result.dossier.model_dump(mode="json"))
    result.stages.append(
        StageStats(
            name="analyse",
            items_in=len(articles),
            items_out=len(result.dossier.stories),
            seconds=time.perf_counter() - started,
        )
    )
    return result


def ingest_into(
    paths: Sequence[Path], store: Store, settings: Settings, result: RunResult, progress: ProgressCallback
) -> StageStats:
    """Ingest and clean inputs, saving each batch of articles and rejections in one transaction.

    Two passes over the inputs: the first records which lines each page of flattened text holds (`count_lines`),
    so the second can tell a site's repeated debris from its article text.
    """
    stats = StageStats(name="ingest+clean")
    started = time.perf_counter()
    shared = count_lines(paths, store, settings)
    articles: list[Article] = []
    rejected: list[Rejected] = []

    def flush() -> None:
        saved = store.save_batch(articles, rejected)
        result.added += saved.added
        result.updated += saved.updated
        result.unchanged += saved.unchanged
        result.rejected_now.extend([*rejected, *saved.conflicts])
        for item in [*rejected, *saved.conflicts]:
            stats.dropped[item.reason] = stats.dropped.get(item.reason, 0) + 1
        articles.clear()
        rejected.clear()

    for item in read_inputs(paths, settings.ingest):
        stats.items_in += 1
        cleaned = item if isinstance(item, Rejected) else clean_safely(item, _repeated(item, shared))
        if isinstance(cleaned, Rejected):
            rejected.append(cleaned)
        else:
            articles.append(cleaned)
            stats.items_out += 1
        progress(Progress(stage="read", done=stats.items_in, total=None))
        if len(articles) + len(rejected) >= settings.ingest.batch_size:
            flush()
    flush()
    stats.seconds = time.perf_counter() - started
    return stats


def count_lines(paths: Sequence[Path], store: Store, settings: Settings) -> dict[str, dict[str, int]]:
    """Store the line keys of the pages of flattened text among the inputs, by site; then, over every page stored,
    per site the lines more than one page holds. Counted over sets of (line, page), so reading the same inputs
    again counts the same."""
    # Only records (JSON Lines) carry the URL or outlet that names a page's site before cleaning: other files are
    # not read twice.
    files, _ = discover(paths)
    records = [f for f in files if is_records(f)]
    pages = {
        item.id: (site, text_line_keys(item.content))
        for path in records
        for item in read_file(path, settings.ingest)
        if isinstance(item, RawDocument) and item.kind == "text" and (site := site_of(item)) is not None
    }
    store.save_page_lines(pages)
    return store.shared_lines()


def _repeated(raw: RawDocument, shared: Mapping[str, Mapping[str, int]]) -> Mapping[str, int] | None:
    site = site_of(raw) if raw.kind == "text" else None
    return None if site is None else shared.get(site, {})


def clean_safely(raw: RawDocument, repeated: Mapping[str, int] | None = None) -> Article | Rejected:
    """Clean one document; an unexpected failure rejects that document only, with the error named."""
    try:
        return clean(raw, repeated)
    except Exception as error:  # the per-article boundary: one bad page must not stop the batch
        logger.exception("cleaning %s failed", raw.source)
        return Rejected(
            input=describe_input(raw.source, raw.id),
            reason=f"Cleaning failed unexpectedly ({type(error).__name__}: {error}).",
        )


def parse_articles(
    articles: Sequence[Article], store: Store, model: LanguageModel, progress: ProgressCallback, batch_size: int
) -> tuple[dict[str, Any], StageStats]:
    """Parsed documents for all articles: cached ones from the store, the rest parsed now and cached."""
    started = time.perf_counter()
    cached = store.cached_parses(model.version)
    docs: dict[str, Any] = {}
    todo = []
    for article in articles:
        digest = content_hash(article)
        if article.id in cached and cached[article.id][0] == digest:
            docs[article.id] = model.from_bytes(cached[article.id][1])
        else:
            todo.append((article, digest))
    for first in range(0, len(todo), batch_size):
        batch = todo[first : first + batch_size]
        parsed = list(model(a.text for a, _ in batch))
        store.save_parses(
            model.version, [(a.id, d, model.to_bytes(doc)) for (a, d), doc in zip(batch, parsed, strict=True)]
        )
        docs.update({a.id: doc for (a, _), doc in zip(batch, parsed, strict=True)})
        progress(Progress(stage="parse", done=first + len(batch), total=len(todo)))
    stats = StageStats(name="parse", items_in=len(articles), items_out=len(docs), seconds=time.perf_counter() - started)
    stats.dropped["cached"] = len(articles) - len(todo)
    return docs, stats


def _speaker_index(entities: Iterable[Entity]) -> dict[str, Entity]:
    index: dict[str, Entity] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            index.setdefault(name_key(name), entity)
    return index


def _entity_sets(entities: Sequence[Entity]) -> dict[str, frozenset[str]]:
    """Article id -> ids of the entities it mentions."""
    sets: dict[str, set[str]] = {}
    for entity in entities:
        for mention in entity.mentions:
            sets.setdefault(mention.article, set()).add(entity.id)
    return {article: frozenset(ids) for article, ids in sets.items()}


def _stories(
    articles: Sequence[Article],
    groups: Sequence[Sequence[str]],
    duplicates: Mapping[str, str],
    times: Mapping[str, Sequence[TimeExpr]],
) -> list[Story]:
    by_id = {a.id: a for a in articles}
    return [
        Story(
            id=story_id(ids),
            articles=tuple(ids),
            title=story_title([by_id[i] for i in ids], duplicates),
            date=event_date([by_id[i] for i in ids], times),
        )
        for ids in groups
    ]


def _annotations(
    article: Article, doc: Any, mentions: tuple[Mention, ...], quotes: tuple[Quote, ...], times: tuple[TimeExpr, ...]
) -> ArticleAnnotations:
    bounds = sentence_bounds(doc, quote_mark_spans(article.text))
    return ArticleAnnotations(
        article=article.id,
        sentences=tuple(Sentence(article=article.id, start=s, end=e) for s, e in bounds),
        mentions=mentions,
        quotes=quotes,
        times=times,
        figures=find_figures(doc, article.id, exclude=[(t.start, t.end) for t in times]),
    )


def analyse(
    articles: Sequence[Article], docs: Mapping[str, Any], rejected: Sequence[Rejected], settings: Settings
) -> Dossier:
    """Every derived result, from stored articles and their parses. Pure: same inputs, same dossier."""
    mentions = {a.id: find_mentions(docs[a.id], a.id) for a in articles}
    quotes: dict[str, tuple[Quote, ...]] = {}
    all_mentions: list[Mention] = []
    for article in articles:
        quotes[article.id], extra = find_quotes(docs[article.id], article.id, mentions[article.id])
        all_mentions.extend([*mentions[article.id], *extra])
    entities = resolve_entities(all_mentions, {a.id: a.text for a in articles})
    duplicates = find_duplicates(articles, settings.dedup)
    entity_sets = _entity_sets(entities)
    facts = {a.id: story_facts(docs[a.id], entity_sets.get(a.id, ())) for a in articles}
    groups = group_articles(sorted(articles, key=reading_order), facts, duplicates, settings.stories)
    times = {a.id: find_times(a.text, a.id, a.published_date()) for a in articles}
    stories = _stories(articles, groups, duplicates, times)
    # Undated articles take their story's event date; their relative times are resolved against it.
    dated = infer_dates(articles, stories)
    for article in dated:
        if article.published_inferred:
            times[article.id] = find_times(article.text, article.id, article.published_date())
    annotations = {a.id: _annotations(a, docs[a.id], mentions[a.id], quotes[a.id], times[a.id]) for a in dated}
    speakers = _speaker_index(entities)
    speaker_entity = {name: e.id for name, e in speakers.items()}
    by_id = {a.id: a for a in dated}
    comparisons = [
        compare_story(
            StoryInput(
                story=story.id,
                articles=sorted((by_id[i] for i in story.articles if i not in duplicates), key=reading_order),
                annotations=annotations,
                speaker_entity=speaker_entity,
            ),
            settings.compare,
        )
        for story in stories
    ]
    return assemble(
        articles=dated,
        annotations=annotations,
        entities=entities,
        stories=stories,
        comparisons=comparisons,
        duplicates=duplicates,
        rejected=rejected,
        speakers=speakers,
    )
