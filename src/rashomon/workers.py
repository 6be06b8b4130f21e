"""Worker processes for the per-article and per-story work of a run, each with the run's language model.

Where the system forks (Linux), a worker is a copy of the running process and shares its loaded model, so it starts
at once; elsewhere it is spawned and loads its own (about two seconds). Started only once a run has enough work
for them, and early, while the run still reads its inputs. Results come back in order, with only a few batches
read ahead, so memory stays bounded however long the run.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TypeVar

from threadpoolctl import threadpool_limits

from rashomon.compare.encoder import EncoderMissingError, SentenceEncoder
from rashomon.compare.stored import StoredStory, WorkedOut, work_out_stored
from rashomon.compare.story_result import StoryEmbedder
from rashomon.extract.annotate import extract_batch
from rashomon.extract.nlp import LanguageModel
from rashomon.model import Article
from rashomon.settings import CompareSettings, NlpSettings
from rashomon.store.records import to_json

T = TypeVar("T")
R = TypeVar("R")

# A worker process's own language model, loaded by the pool's initializer (a process cannot share its parent's).
_worker_model: LanguageModel | None = None


# A worker's sentence encoder: a forked worker's is the one its parent loaded with the run's models (`Workers`'s
# ``encoder``), else it loads its own as it starts.
_worker_embedder: StoryEmbedder | None = None


def _load_model(name: str, batch_size: int, with_encoder: bool) -> None:
    _adopt_model(LanguageModel(name, batch_size), with_encoder)


def _adopt_model(model: LanguageModel, with_encoder: bool, encoder: SentenceEncoder | None = None) -> None:
    global _worker_model, _worker_embedder  # noqa: PLW0603 (set once per worker process, by the pool's initializer)
    _worker_model = model
    # One thread for numpy's matrix products in each worker: the workers already keep every core busy.
    threadpool_limits(limits=1)
    if with_encoder:
        # Had now (a forked worker's from its parent, at no cost), while the run still reads its inputs, rather than
        # when the stories are compared; where it cannot load, the first story that needs it raises the error.
        if encoder is None:
            try:
                encoder = SentenceEncoder()
            except (EncoderMissingError, OSError, RuntimeError):
                return
        loaded = encoder
        _worker_embedder = StoryEmbedder(lambda: loaded)


def _ready() -> None:
    return None


def extract_stored(model: LanguageModel, articles: Sequence[Article]) -> list[tuple[str, str, tuple[str, ...]]]:
    """A batch of articles extracted and written as the store keeps them: (article id, JSON, the steps that
    failed). Written where extracted, so the process that writes the store does no more than write."""
    return [(e.annotations.article, to_json(e), tuple(e.issues)) for e in extract_batch(model, articles)]


def extract_in_worker(articles: list[Article]) -> list[tuple[str, str, tuple[str, ...]]]:
    if _worker_model is None:
        raise RuntimeError("worker started without its language model")
    return extract_stored(_worker_model, articles)


def compare_in_worker(stories: list[StoredStory], settings: CompareSettings) -> WorkedOut:
    """Stories worked out in a worker, with the sentence embeddings their comparison needs made there (and sent
    back to be kept)."""
    global _worker_embedder  # noqa: PLW0603 (one encoder per worker process, made on first need)
    if settings.embeddings and _worker_embedder is None:
        _worker_embedder = StoryEmbedder()
    return work_out_stored(stories, settings, _worker_embedder if settings.embeddings else None)


class Workers:
    """A pool of ``settings.processes`` worker processes, started on first need and closed with the run."""

    def __init__(
        self,
        settings: NlpSettings,
        model: LanguageModel,
        *,
        with_encoder: bool = False,
        encoder: SentenceEncoder | None = None,
    ) -> None:
        self.settings = settings
        self.model = model
        # Whether each worker has the sentence encoder as it starts (the stories' comparison needs it): ``encoder``,
        # loaded in this process, for forked workers (one thread, so it survives the fork; the copies share its
        # pages), else one each loads.
        self.with_encoder = with_encoder
        self.encoder = encoder
        self.pool: ProcessPoolExecutor | None = None

    def start(self) -> ProcessPoolExecutor | None:
        """The pool, started now if it is not (None when the settings ask for one process)."""
        if self.pool is None and self.settings.processes > 1:
            if "fork" in multiprocessing.get_all_start_methods() and sys.platform == "linux":
                # A forked worker never touches the store it inherits: it only parses, extracts and compares.
                self.pool = ProcessPoolExecutor(
                    self.settings.processes,
                    mp_context=multiprocessing.get_context("fork"),
                    initializer=_adopt_model,
                    initargs=(self.model, self.with_encoder, self.encoder),
                )
            else:
                self.pool = ProcessPoolExecutor(
                    self.settings.processes,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_load_model,
                    initargs=(self.settings.model, self.settings.batch_size, self.with_encoder),
                )
            for _ in range(self.settings.processes):  # each submit spawns a worker, which loads its model now
                self.pool.submit(_ready)
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


def in_order(pool: ProcessPoolExecutor | None, work: Callable[[T], R], items: Iterable[T], ahead: int) -> Iterator[R]:
    """``work`` on each item, in the pool when there is one (at most ``ahead`` items in flight), results in order."""
    if pool is None:
        yield from map(work, items)
        return
    pending: list[Future[R]] = []
    for item in items:
        pending.append(pool.submit(work, item))
        if len(pending) > ahead:
            yield pending.pop(0).result()
    for future in pending:
        yield future.result()


def as_done(pool: ProcessPoolExecutor | None, work: Callable[[T], R], items: Iterable[T], ahead: int) -> Iterator[R]:
    """``work`` on each item, in the pool when there is one (at most ``ahead`` items in flight), each result as soon
    as it is ready, so a slow item holds up no other (for results whose order does not matter)."""
    if pool is None:
        yield from map(work, items)
        return
    pending: set[Future[R]] = set()
    for item in items:
        pending.add(pool.submit(work, item))
        if len(pending) > ahead:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in done)
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from (future.result() for future in done)
