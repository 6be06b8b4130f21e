"""Worker processes for the per-article and per-story work of a run, each with its own language model.

Started only once a run has enough work for them (a spawned worker spends about two seconds loading the model),
and early: while the run still reads its inputs, so the model loads alongside. Results come back in order, with
only a few batches read ahead, so memory stays bounded however long the run.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from rashomon.extract.annotate import ArticleExtraction, extract_batch
from rashomon.extract.nlp import LanguageModel
from rashomon.model import Article
from rashomon.settings import NlpSettings

T = TypeVar("T")
R = TypeVar("R")

# A worker process's own language model, loaded by the pool's initializer (a process cannot share its parent's).
_worker_model: LanguageModel | None = None


def _start_worker(name: str, batch_size: int) -> None:
    global _worker_model  # noqa: PLW0603 (set once per worker process)
    _worker_model = LanguageModel(name, batch_size)


def _ready() -> None:
    return None


def extract_in_worker(articles: list[Article]) -> list[ArticleExtraction]:
    if _worker_model is None:
        raise RuntimeError("worker started without its language model")
    return extract_batch(_worker_model, articles)


class Workers:
    """A pool of ``settings.processes`` worker processes, started on first need and closed with the run."""

    def __init__(self, settings: NlpSettings) -> None:
        self.settings = settings
        self.pool: ProcessPoolExecutor | None = None

    def start(self) -> ProcessPoolExecutor | None:
        """The pool, started now if it is not (None when the settings ask for one process)."""
        if self.pool is None and self.settings.processes > 1:
            self.pool = ProcessPoolExecutor(
                self.settings.processes,
                mp_context=multiprocessing.get_context("spawn"),  # no fork of a process holding the store's threads
                initializer=_start_worker,
                initargs=(self.settings.model, self.settings.batch_size),
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
