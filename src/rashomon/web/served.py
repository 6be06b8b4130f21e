"""The store as the server reads it: the latest consistent copy (`snapshot`) and its catalog, renewed in the
background when a run has changed the store.

Requests read the copy that was current when they began; a copy is closed and removed once no request reads it.
"""

from __future__ import annotations

import fcntl
import logging
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from rashomon.errors import StoreError
from rashomon.store import listing
from rashomon.store.catalog import Catalog, connect
from rashomon.store.database import Store
from rashomon.web import snapshot
from rashomon.web.settings import ServeSettings

logger = logging.getLogger(__name__)


class NotReadyError(Exception):
    """No copy of the store can be read yet; the message says why."""


@dataclass(slots=True)
class _Copy:
    store: Store
    path: Path
    source: tuple[snapshot.FileState | None, snapshot.FileState | None]
    taken: float
    readers: int = 0
    retired: bool = False


@dataclass(frozen=True, slots=True)
class Reading:
    """What one request reads: a handle on the store copy and a connection to the catalog."""

    store: Store
    catalog: sqlite3.Connection


@dataclass(slots=True)
class Status:
    """What the server can tell about its copy: when it was taken, and what keeps a newer one from being read."""

    taken: float | None = None
    waiting: str | None = None
    problem: str | None = None
    progress: str | None = None
    counts: dict[str, int] = field(default_factory=dict)


class ServedStore:
    """Copies of one store and the catalog of the latest, kept in a cache folder of their own."""

    def __init__(self, settings: ServeSettings) -> None:
        self.live = settings.db
        self.poll = settings.refresh_seconds
        self.folder, self._lock = _own_folder(settings.cache_folder())
        self.catalog = Catalog(self.folder / "catalog.sqlite")
        self.status = Status()
        self._current: _Copy | None = None
        self._guard = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def refresh(self) -> bool:
        """Take a new copy if the store changed and no run is writing it; True when one was taken."""
        current = self._current
        state = snapshot.store_state(self.live)
        if state[0] is None:
            self.status.problem = (
                f"There is no store at {self.live}; run `rashomon analyze ... --db {self.live}` first."
            )
            return False
        if current is not None and current.source == state:
            return False
        writer = snapshot.writer_pid(self.live)
        if writer is not None:
            self.status.waiting = f"A run (process {writer}) is writing the store; its results appear when it ends."
            return False
        path = snapshot.take_copy(self.live, self.folder)
        if path is None:
            return False
        try:
            self._take(path, state)
        except BaseException as error:
            snapshot.discard(path)
            if not isinstance(error, StoreError):
                raise
            self.status.problem = str(error)
            return False
        return True

    def _take(self, path: Path, state: tuple[snapshot.FileState | None, snapshot.FileState | None]) -> None:
        store = Store.read_only(path)
        try:
            self.catalog.sync(store, self._progress)
        except BaseException:
            store.close()
            raise
        with self._guard:
            old, self._current = self._current, _Copy(store, path, state, time.time())
            if old is not None:
                old.retired = True
                self._close_if_unread(old)
        self.status = Status(taken=time.time(), counts=self._counts())

    def _progress(self, stage: str, done: int, total: int) -> None:
        self.status.progress = f"reading {stage}: {done} of {total}"
        logger.info("Catalog: %s %d of %d", stage, done, total)

    def _counts(self) -> dict[str, int]:
        return listing.counts(self.catalog.writer)

    def _close_if_unread(self, copy: _Copy) -> None:
        if copy.retired and copy.readers == 0:
            copy.store.close()
            snapshot.discard(copy.path)

    @contextmanager
    def reading(self) -> Iterator[Reading]:
        """The current copy and the catalog, for one request."""
        with self._guard:
            copy = self._current
            if copy is None:
                raise NotReadyError(self._why_not_ready())
            copy.readers += 1
            handle = copy.store.reader()
        catalog = connect(self.catalog.path)
        try:
            yield Reading(store=handle, catalog=catalog)
        finally:
            catalog.close()
            handle.close()
            with self._guard:
                copy.readers -= 1
                self._close_if_unread(copy)

    def _why_not_ready(self) -> str:
        status = self.status
        reading = f" ({status.progress})" if status.progress else ""
        return status.problem or status.waiting or f"The store is being read{reading}; try again in a moment."

    def start(self) -> None:
        """Read the store once now, then look for changes in the background."""
        self._refresh_safely()
        self._thread = threading.Thread(target=self._watch, name="rashomon-serve-refresh", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(self.poll):
            self._refresh_safely()

    def _refresh_safely(self) -> None:
        try:
            if self.refresh():
                self.status.waiting = None
        except Exception:  # the watcher's boundary: the server goes on with the copy it has
            logger.exception("Reading the store %s failed; the server keeps its earlier copy.", self.live)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        with self._guard:
            if self._current is not None:
                self._current.retired = True
                self._close_if_unread(self._current)
                self._current = None
        self.catalog.close()
        _release(self.folder, self._lock)


def _own_folder(wanted: Path) -> tuple[Path, IO[bytes] | None]:
    """The cache folder, locked for this server; a private temporary one when another server holds it."""
    wanted.mkdir(parents=True, exist_ok=True)
    lock = (wanted / "lock").open("wb")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        return Path(tempfile.mkdtemp(prefix="rashomon-serve-")), None
    for left in wanted.glob("snapshot-*.duckdb"):  # copies a killed server left behind
        snapshot.discard(left)
    return wanted, lock


def _release(folder: Path, lock: IO[bytes] | None) -> None:
    if lock is None:
        shutil.rmtree(folder, ignore_errors=True)
    else:
        lock.close()
