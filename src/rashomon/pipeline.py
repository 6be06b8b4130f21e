"""Stage order, the run loop, progress events and run statistics.

`run` works around the store, each stage doing only what is new: it reads and cleans inputs (one transaction per
batch); extracts the articles that have no extraction for their current content and extractor version (in worker
processes when there are many); finds copies among the new articles and places them in the stored story index
(no regrouping of the rest); works out the stories whose members or inputs changed; and assembles the dossier from
what is stored. Adding inputs extends it, repeating inputs changes nothing, and a killed run loses at most one
batch of each stage.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import logging
import pickle
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Protocol

from rashomon.clean.article import clean, site_of
from rashomon.clean.language import load_identifier
from rashomon.clean.lines import text_line_keys
from rashomon.compare.encoder import ENCODER_NAME, SentenceEncoder
from rashomon.compare.stored import StoredStory, work_out_stored
from rashomon.compare.story_result import (
    COMPARE_VERSION,
    StoryEmbedder,
    StoryResult,
    dated_members,
)
from rashomon.dossier import Dossier
from rashomon.extract.annotate import EXTRACTOR_VERSION, ArticleExtraction
from rashomon.extract.entities import speaker_index
from rashomon.extract.nlp import LanguageModel
from rashomon.ingest.inputs import SINGLE_ARTICLE_SUFFIXES, discover, inner_suffix, is_records, read_file
from rashomon.memory import collector_paused
from rashomon.model import (
    Article,
    ArticleAnnotations,
    Entity,
    RawDocument,
    Rejected,
    StageStats,
    describe_input,
)
from rashomon.render.assemble import assemble
from rashomon.settings import Settings
from rashomon.store.database import Store
from rashomon.store.records import from_data, from_json
from rashomon.stories.cluster import StoryFacts, reading_key, reading_order, signatures, story_id
from rashomon.stories.dedup import MAX_POSTINGS, copy_links, fingerprints, resolve_chains, shingles
from rashomon.stories.index import INDEX_VERSION, StoryIndex
from rashomon.workers import Workers, as_done, compare_in_worker, extract_in_worker, extract_stored, in_order

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Progress:
    """A progress event: ``done`` of ``total`` items of ``stage`` (total None when unknown)."""

    stage: str
    done: int
    total: int | None


ProgressCallback = Callable[[Progress], None]
# Reads and cleans the files elsewhere (the files, the sites' shared lines, the latest date taken): what `clean_item`
# makes of each item, in reading order.
Cleaner = Callable[[Sequence[Path], Mapping[str, Mapping[str, int]], date], Iterable[Article | Rejected]]


class ArticleEngine(Protocol):
    """Runs the per-article stages of `update` elsewhere (`rashomon.distributed`): saves the inputs' articles and
    rejections (counted on ``result``) and their extractions in ``store``; returns the ingest and extract stages."""

    def __call__(
        self,
        paths: Sequence[Path],
        store: Store,
        settings: Settings,
        model: LanguageModel,
        *,
        result: RunResult,
        progress: ProgressCallback,
    ) -> tuple[StageStats, StageStats]: ...

    def story_pool(self, settings: Settings) -> ProcessPoolExecutor | None:
        """Worker processes that work out the stories (`workers.compare_in_worker`), or None for this process; not
        forked, where the engine's connection would not survive a fork."""


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
    """Read ``paths`` into ``store``, bring every derived result up to date, and assemble the whole dossier."""
    result = update(paths, store, settings, model, progress)
    started = time.perf_counter()
    result.dossier = dossier_from_store(store)
    result.stages.append(
        StageStats(
            name="assemble",
            items_in=len(result.dossier.articles),
            items_out=len(result.dossier.stories),
            seconds=time.perf_counter() - started,
        )
    )
    return result


def update(
    paths: Sequence[Path],
    store: Store,
    settings: Settings,
    model: LanguageModel,
    progress: ProgressCallback = _ignore,
    *,
    engine: ArticleEngine | None = None,
    encoder: SentenceEncoder | None = None,
) -> RunResult:
    """Read ``paths`` into ``store`` and bring every derived result up to date; the dossier is left empty.
    ``encoder``, loaded with the language model (`load_models`), is used for the stories' sentence embeddings
    here and by the forked workers; without it, they load one where needed.

    With an ``engine`` (`rashomon.distributed`), the per-article stages (read, clean, parse, extract) run there and
    their results are saved here as they would have been; stories and their comparison run here either way.
    """
    result = RunResult(dossier=_empty_dossier())
    workers = Workers(settings.nlp, model, with_encoder=settings.compare.embeddings, encoder=encoder)
    pool = None  # the engine's worker processes for the stories, when it has them
    try:
        if engine is None:
            early = ExtractionAhead(store, settings, model, workers)
            ingested = ingest_into(
                paths, store, settings, result, progress, on_new=early.after_saving, first_batch=early.first_batch
            )
            ingested.seconds -= early.waited
            result.stages.append(ingested)
            started = time.perf_counter()
            # While the workers still parse what was read, the new articles' copies are found here.
            same_index = store.story_index_settings() == _story_settings(settings)  # else all are placed anew
            checked = find_copies(store, store.unindexed(), settings) if early.in_flight and same_index else set()
            copying = time.perf_counter() - started
            extracted = extract_pending(store, settings, model, progress, workers, ahead=early)
        else:
            ingested, extracted = engine(paths, store, settings, model, result=result, progress=progress)
            result.stages.append(ingested)
            if result.added + result.updated >= settings.nlp.parallel_from:
                pool = engine.story_pool(settings)
            checked, copying = set(), 0.0
        placed, index = place_stories(store, settings, progress, copies_checked=checked)
        placed.seconds += copying
        result.stages += [extracted, placed]
        changed = bool(extracted.items_in or placed.items_in)  # an article whose content changed is extracted again
        version = extractor_version(model)
        result.stages.append(
            analyse_stories(
                store,
                settings,
                version,
                progress,
                index=index,
                pool=pool or workers.pool,
                changed=changed,
                encoder=encoder,
            )
        )
    finally:
        workers.close()
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return result


def _empty_dossier() -> Dossier:
    return Dossier(
        schema_version="1", articles=[], rejected=[], stories=[], entities=[], quotes=[], figures=[], times=[]
    )


def ingest_into(
    paths: Sequence[Path],
    store: Store,
    settings: Settings,
    result: RunResult,
    progress: ProgressCallback,
    *,
    on_new: Callable[[int, Sequence[str], bool], None] = lambda *_: None,
    first_batch: Callable[[int], int] = lambda _: 0,
    cleaner: Cleaner | None = None,
) -> StageStats:
    """Ingest and clean inputs, saving each batch of articles and rejections in one transaction.

    Two passes over the inputs: the first records which lines each page of flattened text holds (`count_lines`),
    so the second can tell a site's repeated debris from its article text. A ``cleaner`` (another engine's, as
    `rashomon.distributed`'s) reads and cleans the files elsewhere and gives back, in reading order, what
    `clean_item` makes of each item; they are saved here exactly as when read here. ``first_batch``, given how
    many items the inputs hold (those the first pass counts, and the files of one article each), may ask for a
    smaller first batch to be saved (0: the usual size), and ``on_new`` hears of each saved batch.
    """
    stats = StageStats(name="ingest+clean")
    started = time.perf_counter()
    files, passed_over = discover(paths)  # the folders are walked once, for both passes
    shared, records = count_lines(files, store, settings)
    latest = date.today() + timedelta(days=1)  # a later publication date is a placeholder or a typo
    articles: list[Article] = []
    rejected: list[Rejected] = []

    def flush(last: bool = False) -> None:
        ids = [a.id for a in articles]
        saved = store.save_batch(articles, rejected)
        result.added += saved.added
        result.updated += saved.updated
        result.unchanged += saved.unchanged
        result.rejected_now.extend([*rejected, *saved.conflicts])
        for item in [*rejected, *saved.conflicts]:
            stats.dropped[item.reason] = stats.dropped.get(item.reason, 0) + 1
        articles.clear()
        rejected.clear()
        on_new(result.added + result.updated, ids, last)

    read_now: set[str] = set()  # ids read in this run: a second article under one id is refused, not merged
    # Where every file is one article (text and page files), the count of files (and of the skipped) is the total.
    single = all(inner_suffix(f) in SINGLE_ARTICLE_SUFFIXES for f in files)
    total = len(passed_over) + len(files) if single else None  # the skipped are counted as they are listed
    asked = first_batch(records + sum(1 for f in files if inner_suffix(f) in SINGLE_ARTICLE_SUFFIXES))
    batch_size = min(asked or settings.ingest.batch_size, settings.ingest.batch_size)
    if cleaner is None:
        read = (item for path in files for item in read_file(path, settings.ingest))
        items: Iterable[Article | Rejected] = (clean_item(item, shared, latest, settings) for item in read)
    else:
        items = cleaner(files, shared, latest)
    for item in itertools.chain(passed_over, items):
        stats.items_in += 1
        cleaned = item
        if isinstance(cleaned, Article) and cleaned.id in read_now:
            cleaned = Rejected(
                input=describe_input(cleaned.source, cleaned.id),
                reason=f"The id {cleaned.id!r} was already read in this run; each article needs its own id "
                "(the first one read is kept).",
            )
        if isinstance(cleaned, Article):
            read_now.add(cleaned.id)
        if isinstance(cleaned, Rejected):
            rejected.append(cleaned)
        else:
            articles.append(cleaned)
            stats.items_out += 1
        progress(Progress(stage="read", done=stats.items_in, total=total))
        if len(articles) + len(rejected) >= batch_size:
            flush()
            batch_size = settings.ingest.batch_size
    flush(last=True)
    stats.seconds = time.perf_counter() - started
    return stats


def clean_item(
    item: RawDocument | Rejected, shared: Mapping[str, Mapping[str, int]], latest: date, settings: Settings
) -> Article | Rejected:
    """One item read from an input as the store takes it: cleaned with the run's metadata and its site's shared
    lines, or rejected (cleaning failed, or too long to parse). Pure, so other engines run it elsewhere."""
    raw = _with_run_metadata(item, settings) if isinstance(item, RawDocument) else item
    cleaned = raw if isinstance(raw, Rejected) else clean_safely(raw, _repeated(raw, shared), latest)
    if isinstance(cleaned, Article) and len(cleaned.text) > settings.ingest.max_article_chars:
        cleaned = _too_long(cleaned, settings.ingest.max_article_chars)
    return cleaned


def _with_run_metadata(raw: RawDocument, settings: Settings) -> RawDocument:
    """The run's outlet and date (`--input-outlet`, `--input-published`) for an input that gives none itself."""
    if not (settings.ingest.outlet or settings.ingest.published):
        return raw
    return replace(
        raw, outlet=raw.outlet or settings.ingest.outlet, published=raw.published or settings.ingest.published
    )


def _too_long(article: Article, limit: int) -> Rejected:
    """An article too long to parse in bounded memory, listed rather than kept without its extraction."""
    return Rejected(
        input=describe_input(article.source, article.id),
        reason=f"Its text is {len(article.text):,} characters long after cleaning, over the limit of {limit:,}; it "
        "is not one news article (raise ingest.max_article_chars to read it).",
    )


def count_lines(files: Sequence[Path], store: Store, settings: Settings) -> tuple[dict[str, dict[str, int]], int]:
    """Store the line keys of the pages of flattened text among the input files, by site; then, over every page stored,
    per site the lines more than one page holds. Counted over sets of (line, page), so reading the same inputs
    again counts the same. Also returns how many items the record files hold (read anyway)."""
    # Only records (JSON Lines) carry the URL or outlet that names a page's site before cleaning: other files are
    # not read twice.
    records = [f for f in files if is_records(f)]
    pages = {}
    items = 0
    for path in records:
        for item in read_file(path, settings.ingest):
            items += 1
            if isinstance(item, RawDocument) and item.kind == "text" and (site := site_of(item)) is not None:
                pages[item.id] = (site, text_line_keys(item.content))
    store.save_page_lines(pages)
    return store.shared_lines(), items


def _repeated(raw: RawDocument, shared: Mapping[str, Mapping[str, int]]) -> Mapping[str, int] | None:
    site = site_of(raw) if raw.kind == "text" else None
    return None if site is None else shared.get(site, {})


def clean_safely(
    raw: RawDocument, repeated: Mapping[str, int] | None = None, latest: date | None = None
) -> Article | Rejected:
    """Clean one document; an unexpected failure rejects that document only, with the error named."""
    try:
        return clean(raw, repeated, latest)
    except Exception as error:  # the per-article boundary: one bad page must not stop the batch
        logger.exception("cleaning %s failed", raw.source)
        return Rejected(
            input=describe_input(raw.source, raw.id),
            reason=f"Cleaning failed unexpectedly ({type(error).__name__}: {error}).",
        )


@dataclass(frozen=True, slots=True)
class Models:
    """A run's models: the language model, and the sentence encoder the stories' comparison needs (None with
    embeddings off, or where it cannot load: the first story that needs it then says why). The forked workers
    share this process's encoder rather than each loading one."""

    language: LanguageModel
    encoder: SentenceEncoder | None = None


def load_models(settings: Settings) -> Models:
    """The run's models: the language model, loaded while the cleaning's language identifier and (with embeddings
    on) the sentence encoder load beside it (each takes a fraction of a second to a second; the identifier's
    decompression runs while the model's files are read)."""
    encoders: list[SentenceEncoder] = []
    beside = threading.Thread(
        target=_load_beside, args=(settings.compare.embeddings, encoders), name="load-models", daemon=True
    )
    beside.start()
    try:
        language = LanguageModel(settings.nlp.model, settings.nlp.batch_size)
    finally:
        beside.join()
    return Models(language, encoders[0] if encoders else None)


def _load_beside(embeddings: bool, encoders: list[SentenceEncoder]) -> None:
    load_identifier()
    if embeddings:
        # Any failure of the runtime's (a damaged model file raises its own kinds): the stories say it again.
        with contextlib.suppress(Exception):
            encoders.append(SentenceEncoder())


def extractor_version(model: LanguageModel) -> str:
    return f"{EXTRACTOR_VERSION}/{model.version}"


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for first in range(0, len(items), size):
        yield items[first : first + size]


ExtractedBatch = list[tuple[str, str, tuple[str, ...]]]


def _save_extracted(store: Store, version: str, extracted: ExtractedBatch, stats: StageStats) -> None:
    store.save_extractions(version, [(article, body) for article, body, _ in extracted])
    stats.items_out += len(extracted)
    for issue in (step for _, _, failed in extracted for step in failed):
        stats.dropped[f"{issue} failed"] = stats.dropped.get(f"{issue} failed", 0) + 1


class ExtractionAhead:
    """Extraction that starts while a run still reads its inputs: once ``nlp.parallel_from`` new or changed
    articles are saved, every batch saved is handed to the worker processes at once, so they parse while this
    process reads and cleans the rest. Where the inputs are known to hold that many items, the first batch saved is
    one parsing batch per worker, and the workers start on it when it is all new, rather than after
    ``parallel_from`` articles read on one core. Only a few batches are in flight at a time (reading waits for the
    oldest), so memory stays bounded however large the inputs; `extract_pending` takes what is still in flight."""

    def __init__(self, store: Store, settings: Settings, model: LanguageModel, workers: Workers) -> None:
        self.store = store
        self.settings = settings
        self.workers = workers
        self.version = extractor_version(model)
        self.stats = StageStats(name="extract")
        self.waited = 0.0  # seconds reading waited for the workers: extraction's time, not reading's
        self.saved: list[str] = []  # saved but not yet handed over (before the workers start)
        self.counted = 0  # new or changed articles saved so far
        self.in_flight: deque[tuple[Sequence[str], Future[ExtractedBatch]]] = deque()
        self.early = False  # whether the inputs hold enough items to start the workers on the first batch

    def first_batch(self, items: int) -> int:
        """Called by `ingest_into` with the count of items the inputs hold where known: the size of the first batch
        to save (0: the usual)."""
        nlp = self.settings.nlp
        self.early = items >= nlp.parallel_from and nlp.processes > 1
        return nlp.batch_size * nlp.processes if self.early else 0  # a parsing batch for each worker

    def after_saving(self, count: int, ids: Sequence[str], last: bool) -> None:
        """Called by `ingest_into` after each batch is saved: ``count`` new or changed so far, ``ids`` saved now,
        ``last`` after the inputs' last batch."""
        if count > self.counted:  # a batch with nothing new or changed has nothing to extract (a re-run's)
            self.saved.extend(ids)
            self.counted = count
        # Started early only when the first batch is all new: a re-run's inputs have nothing to extract.
        early = self.early and count == len(ids) and count > 0
        self.early = False
        if not self.saved or (self.workers.pool is None and count < self.settings.nlp.parallel_from and not early):
            return
        pool = self.workers.start()
        if pool is None:  # one process: everything is extracted after reading
            self.saved.clear()
            return
        stale = self.store.stale_extractions(self.version, among=self.saved)
        self.saved.clear()
        self.stats.items_in += len(stale)
        # Whole parsing batches (smaller ones cost more an article), but the last in pieces small enough that the
        # workers finish together.
        size = self.settings.nlp.batch_size
        if last:
            size = max(1, min(size, len(stale) // (2 * self.settings.nlp.processes)))
        for ids_now in _chunks(stale, size):
            self.in_flight.append((ids_now, pool.submit(extract_in_worker, self.store.articles(ids_now))))
            started = time.perf_counter()
            while len(self.in_flight) > 2 * self.settings.nlp.processes:
                self._save_oldest()
            self.waited += time.perf_counter() - started

    def in_flight_ids(self) -> set[str]:
        return {article for ids, _ in self.in_flight for article in ids}

    def finish(self, on_saved: Callable[[], None]) -> None:
        """Waits for the batches still in flight and saves them, calling ``on_saved`` after each."""
        while self.in_flight:
            self._save_oldest()
            on_saved()

    def _save_oldest(self) -> None:
        _save_extracted(self.store, self.version, self.in_flight.popleft()[1].result(), self.stats)


def extract_pending(
    store: Store,
    settings: Settings,
    model: LanguageModel,
    progress: ProgressCallback,
    workers: Workers | None = None,
    *,
    ahead: ExtractionAhead | None = None,
) -> StageStats:
    """Parse and extract the articles whose stored extraction is missing or stale, saving each batch; with
    ``ahead``, first those it started while the inputs were read.

    With ``nlp.parallel_from`` articles or more to do (or workers already started), the worker processes parse and
    extract batches side by side while this process only reads and writes the store.
    """
    started = time.perf_counter()
    version = extractor_version(model)
    todo = store.stale_extractions(version)
    stats = StageStats(name="extract")
    if ahead is not None:  # what it has in flight is stale until saved, and counted already
        stats = ahead.stats
        started -= ahead.waited
        in_flight = ahead.in_flight_ids()
        todo = [article for article in todo if article not in in_flight]
        stats.items_in += len(todo)
        ahead.finish(lambda: progress(Progress(stage="extract", done=stats.items_out, total=stats.items_in)))
    else:
        stats.items_in = len(todo)
    pool = None
    if workers is not None:
        pool = workers.start() if len(todo) >= settings.nlp.parallel_from else workers.pool
    # Small enough pieces that the workers finish together: with two, five batches of 32 leave one idle for a third.
    size = settings.nlp.batch_size if pool is None else max(1, min(settings.nlp.batch_size, len(todo) // 16))
    batches = (store.articles(ids) for ids in _chunks(todo, size))
    work = extract_in_worker if pool is not None else partial(extract_stored, model)
    for extracted in in_order(pool, work, batches, 2 * settings.nlp.processes):
        _save_extracted(store, version, extracted, stats)
        progress(Progress(stage="extract", done=stats.items_out, total=stats.items_in))
    stats.seconds = time.perf_counter() - started
    return stats


def _settings_digest(*parts: object) -> str:
    return hashlib.sha1(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _story_settings(settings: Settings) -> str:
    """What the saved index was built with: the story and copy settings and the index's version (its pair model)."""
    return _settings_digest(settings.stories.model_dump(), settings.dedup.model_dump(), INDEX_VERSION)


def find_new_copies(store: Store, ids: Sequence[str], settings: Settings) -> dict[str, str]:
    """Copy links (copy id -> original id) between the given new articles and every stored one.

    The new articles' fingerprints are stored first, so candidates come from one query over all of them.
    """
    articles = {a.id: a for a in store.articles(ids)}
    sampled = {i: fingerprints(shingles(a.text, settings.dedup.shingle_words)) for i, a in articles.items()}
    store.save_fingerprints(sampled)
    holders = store.fingerprint_holders({f for found in sampled.values() for f in found}, MAX_POSTINGS)
    pairs = {
        (a, b)
        for held_by in holders.values()
        for n, a in enumerate(held_by)
        for b in held_by[n + 1 :]
        if a in articles or b in articles
    }
    others = {i for pair in pairs for i in pair if i not in articles}
    articles.update({a.id: a for a in store.articles(sorted(others))})
    return copy_links(articles, pairs, settings.dedup)


def find_copies(store: Store, ids: Sequence[str], settings: Settings) -> set[str]:
    """Find and save the copy links between the given articles and every stored one (`find_new_copies`, a thousand
    at a time); returns the ids checked."""
    links: dict[str, str] = {}
    for chunk in _chunks(ids, 1000):
        links.update(find_new_copies(store, chunk, settings))
    store.save_copies(links)
    return set(ids)


# Past this many articles the copy links are read whole, in one query, rather than along each one's chain.
_CHAINS_FROM = 5000


def copies_of(store: Store, ids: Collection[str]) -> dict[str, str]:
    """Copy id -> the first original it copies (`resolve_chains`), for the given articles: their links and the links
    of what they copy are read, not every link of the store (76,000 at 100,000 articles)."""
    wanted = set(ids)
    if len(wanted) > _CHAINS_FROM:
        return {c: o for c, o in resolve_chains(store.copies()).items() if c in wanted}
    links: dict[str, str] = {}
    asked = set(wanted)
    found = store.copies_among(sorted(asked))
    while found:
        links.update(found)
        ahead = {original for original in found.values() if original not in asked}
        asked |= ahead
        found = store.copies_among(sorted(ahead)) if ahead else {}
    return {c: o for c, o in resolve_chains(links).items() if c in wanted}


def place_stories(
    store: Store, settings: Settings, progress: ProgressCallback, *, copies_checked: Collection[str] = ()
) -> tuple[StageStats, StoryIndex | None]:
    """Find the copies among articles the saved story index does not hold (but those in ``copies_checked``, whose
    copies `find_copies` found already), and place those articles in it.

    Returns the index when it changed; with nothing new it is not even read. When the story or copy settings
    changed since it was built, every article is placed again in a new index.
    """
    started = time.perf_counter()
    digest = _story_settings(settings)
    fresh = store.story_index_settings() != digest
    new = store.article_ids() if fresh else store.unindexed()
    stats = StageStats(name="stories", items_in=len(new))
    if not new:
        return stats, None
    if fresh and store.story_index_settings() is not None:
        logger.info("story settings or the story model changed since the index was built: placing every article again")
    saved = None if fresh else store.story_index()
    index = None
    if saved is not None:
        try:
            index = StoryIndex.from_saved(saved.state, saved.columns)
        except (pickle.UnpicklingError, EOFError, KeyError, TypeError, ValueError, AttributeError) as error:
            logger.warning("the saved story index is damaged (%s)", error)
    if index is None and not fresh:
        logger.warning("the saved story index cannot be read whole: placing every article again")
        fresh, new = True, store.article_ids()
        stats.items_in = len(new)
    index = index or StoryIndex(settings.stories)
    index.settings = settings.stories
    # Every article placed anew is checked again in one pass, so its links do not depend on an earlier partial one.
    checked = set() if fresh else set(copies_checked)
    find_copies(store, [i for i in new if i not in checked], settings)
    copies = resolve_chains(store.copies())
    stats.dropped["copies"] = len(copies.keys() & set(new))
    # Placed in reading order, as they would have arrived: the index's result depends on the order it is fed.
    published = store.publication_dates(new)
    ordered = sorted(new, key=lambda i: reading_key(i, published.get(i)))
    for batch in _chunks(ordered, settings.stories.batch_size):
        articles = sorted(store.articles(batch), key=reading_order)
        facts = {i: from_json(StoryFacts, body, "facts") for i, body in store.extractions(batch).items()}
        index.add(signatures(articles, facts), copies)
        stats.items_out += len(batch)
        progress(Progress(stage="stories", done=stats.items_out, total=len(new)))
    state, columns = index.to_saved()
    store.save_story_index(digest, state, columns, new, fresh=fresh)
    stats.seconds = time.perf_counter() - started
    return stats, index


def _story_bases(
    stories: Mapping[str, Sequence[str]], hashes: Mapping[str, str], version: str, settings: Settings
) -> dict[str, str]:
    """Story id -> what its result is derived from: its members' content, the extractor, the comparison and its
    settings. The same digest as `_settings_digest(pairs, version, COMPARE_VERSION, settings)`, with the part every
    story shares written out once rather than per story."""
    shared = json.dumps([version, COMPARE_VERSION, settings.compare.model_dump()], sort_keys=True, default=str)
    tail = ", " + shared[1:]
    return {
        sid: hashlib.sha1(("[" + json.dumps([(m, hashes.get(m)) for m in members]) + tail).encode()).hexdigest()[:16]
        for sid, members in stories.items()
    }


def analyse_stories(
    store: Store,
    settings: Settings,
    version: str,
    progress: ProgressCallback,
    *,
    index: StoryIndex | None = None,
    pool: ProcessPoolExecutor | None = None,
    changed: bool = True,
    encoder: SentenceEncoder | None = None,
) -> StageStats:
    """Work out the stories that are new or whose members' content changed; drop the stories that are gone.

    The stories are the index's when given (or when an earlier run placed articles and stopped before this stage);
    else the stored ones, whose members have not changed. With a pool, worker processes work them out. When no
    article ``changed`` and the extractor and comparison settings are those the stories were worked out with,
    nothing is read.
    """
    started = time.perf_counter()
    run_basis = _settings_digest(version, COMPARE_VERSION, settings.compare.model_dump())
    if not changed and index is None and not store.stories_due() and store.stories_basis() == run_basis:
        return StageStats(name="compare")
    if index is None and store.stories_due():
        saved = store.story_index()
        index = StoryIndex.from_saved(saved.state, saved.columns) if saved else None
    hashes = store.content_hashes()
    groups = index.stories() if index is not None else store.story_members().values()
    current = {story_id(members): members for members in groups}
    bases = _story_bases(current, hashes, version, settings)
    stored = store.story_bases()
    todo = sorted(sid for sid, basis in bases.items() if stored.get(sid) != basis)
    stats = StageStats(name="compare", items_in=len(todo))
    copies = copies_of(store, {m for sid in todo for m in current[sid]})
    # Sentence embeddings (for stories of several articles) are read from the store where kept, else made where
    # the stories are worked out (in the workers when there are some, each loading the encoder once) and kept.
    embeds = settings.compare.embeddings
    basis_of: dict[str, str] = {}  # article -> what its kept vectors must have been made from

    def vector_bases(ids: Sequence[str]) -> dict[str, str]:
        found = {m: f"{hashes[m]}:{version}:{ENCODER_NAME}" for m in ids if m in hashes}
        basis_of.update(found)
        return found

    def pieces() -> Iterator[list[StoredStory]]:
        for chunk in _story_pieces(todo, current, copies, 1 if pool is None else 8 * settings.nlp.processes):
            wanted = [m for sid in chunk for m in current[sid]]
            articles = {a.id: a for a in store.articles(wanted)}
            bodies = store.extractions(wanted)
            kept = store.sentence_vectors(vector_bases(wanted)) if embeds else {}
            yield [
                StoredStory(
                    members=tuple(current[sid]),
                    articles=tuple(articles[m] for m in current[sid] if m in articles),
                    bodies={m: bodies[m] for m in current[sid] if m in bodies},
                    copies={c: copies[c] for c in current[sid] if c in copies},
                    vectors={m: kept[m] for m in current[sid] if m in kept},
                    basis=bases[sid],
                )
                for sid in chunk
            ]

    if pool is None:
        embedder = (StoryEmbedder(lambda: encoder) if encoder else StoryEmbedder()) if embeds else None
        work = partial(work_out_stored, settings=settings.compare, embedder=embedder)
    else:
        work = partial(compare_in_worker, settings=settings.compare)
    for done in as_done(pool, work, pieces(), 2 * settings.nlp.processes):
        store.save_sentence_vectors({a: (basis_of[a], v) for a, v in done.made.items() if a in basis_of})
        for issue in (step for steps in done.issues for step in steps):
            stats.dropped[f"{issue} failed"] = stats.dropped.get(f"{issue} failed", 0) + 1
        store.save_stories(done.rows)
        stats.items_out += len(done.rows)
        progress(Progress(stage="compare", done=stats.items_out, total=len(todo)))
    store.save_stories([], sorted(set(stored) - set(current)))
    store.stories_done(run_basis)
    stats.seconds = time.perf_counter() - started
    return stats


# What working out a story costs, in lone articles' stories: one of several originals is embedded and aligned.
_COMPARED_ARTICLE_COST = 25
_STORIES_A_PIECE = 64


def _story_pieces(
    todo: Sequence[str], members: Mapping[str, Sequence[str]], copies: Mapping[str, str], share: int
) -> Iterator[list[str]]:
    """The stories to work out, in pieces of about a ``share``th of the work (at most 64 stories), the costliest
    first: the few stories of several articles cost most, and started first, they do not leave a worker alone at
    the end."""

    def cost(story: str) -> int:
        originals = sum(1 for m in members[story] if m not in copies)
        return _COMPARED_ARTICLE_COST * originals if originals > 1 else 1

    costs = {story: cost(story) for story in todo}
    budget = max(1, sum(costs.values()) // share)
    piece: list[str] = []
    spent = 0
    for story in sorted(todo, key=lambda s: (-costs[s], s)):
        if piece and (spent + costs[story] > budget or len(piece) == _STORIES_A_PIECE):
            yield piece
            piece, spent = [], 0
        piece.append(story)
        spent += costs[story]
    if piece:
        yield piece


def _merge_entities(found: Sequence[Entity]) -> list[Entity]:
    """One entity per id across stories: mentions and aliases of every story's entity of that id."""
    by_id: dict[str, list[Entity]] = {}
    for entity in found:
        by_id.setdefault(entity.id, []).append(entity)
    merged = []
    for first, *others in by_id.values():  # merged once, not again for each story (a name in most stories)
        if not others:
            merged.append(first)
            continue
        aliases = {alias for e in (first, *others) for alias in e.aliases} - {first.name}
        # A story's articles are in no other story, so the stories' mentions of an entity never repeat.
        mentions = sorted((m for e in (first, *others) for m in e.mentions), key=lambda m: (m.article, m.start, m.end))
        merged.append(replace(first, aliases=tuple(sorted(aliases)), mentions=tuple(mentions)))
    return sorted(merged, key=lambda e: (-len(e.mentions), e.name))


def _issues(
    articles: Mapping[str, Article], extracted: Mapping[str, ArticleExtraction], results: Sequence[StoryResult]
) -> list[Rejected]:
    """Steps that failed on an article or a story, as reasons a reader can act on; the rest of its results stand."""
    found = []
    for article_id, extraction in sorted(extracted.items()):
        article = articles[article_id]
        for step, error in sorted(extraction.issues.items()):
            found.append(
                Rejected(
                    input=describe_input(article.source, article.id),
                    reason=f"The article is kept, but its {step} could not be extracted ({error}).",
                )
            )
    for result in results:
        for step, error in sorted(result.issues.items()):
            found.append(
                Rejected(
                    input=result.story.id,
                    reason=f"The story is kept, but its {step} could not be worked out ({error}).",
                )
            )
    return found


def _reported_part(body: str) -> ArticleExtraction:
    """What a dossier takes from a stored extraction: its quotes, figures and times, and the steps that failed. Its
    sentences and mentions (the entities come from the stories), half the body, are not built."""
    data = json.loads(body)
    annotations = {k: v for k, v in data["annotations"].items() if k not in ("sentences", "mentions")}
    return ArticleExtraction(
        annotations=from_data(ArticleAnnotations, annotations), issues=dict(data.get("issues") or {})
    )


def dossier_from_store(store: Store, stories: Sequence[str] | None = None) -> Dossier:
    """The dossier of what is stored: the given stories (all when None), their articles and their extractions.

    Only what the chosen stories hold is read, so a dossier of a few stories costs little in any store.
    """
    with collector_paused():
        return _dossier_from_store(store, stories)


def _dossier_from_store(store: Store, stories: Sequence[str] | None) -> Dossier:
    results = [from_json(StoryResult, body) for body in store.stories(stories)]
    wanted = None if stories is None else sorted({m for r in results for m in r.story.articles})
    articles = {a.id: a for a in store.articles(wanted)}
    extracted = {i: _reported_part(body) for i, body in store.extractions(sorted(articles)).items()}
    dated: list[Article] = []
    annotations: dict[str, ArticleAnnotations] = {}
    for result in results:
        members = [articles[m] for m in result.story.articles if m in articles]
        dated.extend(dated_members(members, result))
        for member in members:
            own = extracted.get(member.id)
            base = own.annotations if own else ArticleAnnotations(article=member.id)
            annotations[member.id] = replace(base, times=result.times.get(member.id, base.times))
    placed = {a.id for a in dated}
    dated.extend(a for a in articles.values() if a.id not in placed)
    entities = _merge_entities([e for r in results for e in r.entities])
    return assemble(
        articles=dated,
        annotations=annotations,
        entities=entities,
        stories=[r.story for r in sorted(results, key=lambda r: r.story.id)],
        comparisons=[r.comparison for r in sorted(results, key=lambda r: r.story.id)],
        duplicates=copies_of(store, articles),
        rejected=[*store.rejected(), *_issues(articles, extracted, results)],
        speakers=speaker_index(entities),
    )
