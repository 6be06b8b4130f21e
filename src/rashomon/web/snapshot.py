"""Consistent read-only copies of a live store, so `rashomon serve` never holds a lock on it.

DuckDB locks a database file for its whole connection: a reader's shared lock makes a writer's open fail, and a
writer's lock makes a reader's open fail. `rashomon analyze` keeps the store open for its whole run, so the server
reads a copy instead, taken only while no process holds the store for writing and kept only when nothing changed the
files while they were copied. A run that ends leaves a changed file, and the next copy brings its stories in.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import struct
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

# Linux's struct flock: short l_type, short l_whence, (padding), off_t l_start, off_t l_len, pid_t l_pid, (padding).
_FLOCK = "hhxxxxqqixxxx"


@dataclass(frozen=True, slots=True)
class FileState:
    """What tells whether a file changed: its identity, size and modification time (None: no such file)."""

    inode: int
    size: int
    modified_ns: int


def _state(path: Path) -> FileState | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return FileState(status.st_ino, status.st_size, status.st_mtime_ns)


def wal_path(store: Path) -> Path:
    """DuckDB's write-ahead log beside a store: what a run killed before its checkpoint leaves."""
    return store.with_name(store.name + ".wal")


def store_state(store: Path) -> tuple[FileState | None, FileState | None]:
    """The state of a store and of its write-ahead log."""
    return _state(store), _state(wal_path(store))


def writer_pid(store: Path) -> int | None:
    """The process holding the store for writing, asked without taking a lock; None when there is none (or the
    platform cannot tell, where only the unchanged files vouch for a copy)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        descriptor = os.open(store, os.O_RDONLY)
    except OSError:
        return None
    try:
        # F_GETLK asks whether a read lock could be taken: only a writer's lock stands in its way.
        query = struct.pack(_FLOCK, fcntl.F_RDLCK, os.SEEK_SET, 0, 0, 0)
        answer = struct.unpack(_FLOCK, fcntl.fcntl(descriptor, fcntl.F_GETLK, query))
    finally:
        os.close(descriptor)
    return None if answer[0] == fcntl.F_UNLCK else int(answer[4])


def take_copy(store: Path, folder: Path) -> Path | None:
    """A copy of ``store`` (and its write-ahead log) in a new file under ``folder``; None when a writer held the
    store or the files changed while they were copied (the caller tries again later)."""
    before = store_state(store)
    if before[0] is None or writer_pid(store) is not None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / f"snapshot-{uuid.uuid4().hex[:12]}.duckdb"
    try:
        shutil.copyfile(store, copy)
        if before[1] is not None:
            shutil.copyfile(wal_path(store), wal_path(copy))
    except FileNotFoundError:  # the log went away (a checkpoint) while it was copied
        discard(copy)
        return None
    if store_state(store) != before or writer_pid(store) is not None:
        discard(copy)
        return None
    return copy


def discard(copy: Path) -> None:
    """Remove a copy and its write-ahead log."""
    for path in (copy, wal_path(copy)):
        path.unlink(missing_ok=True)
