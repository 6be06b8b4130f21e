"""The story index on disk: a folder beside the store holding its append-only columns and its small state.

Most of an index is rows appended to and never changed (each article's evidence). Those are kept as raw arrays,
one file each, and a save writes only what was appended since the last one; the rest (story labels, members,
document frequencies) is small and written whole, as a new state file each time. A state file names the length
of every column it was saved with, so a save cut short leaves the last committed state readable: columns are read
up to those lengths, and the next save writes over anything after them.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["MAGIC", "Layout", "SavedIndex", "pack_state", "read_columns", "remove_others", "unpack_state", "write"]

MAGIC = b"rashomon story index 2\n"


@dataclass(frozen=True, slots=True)
class SavedIndex:
    """A saved story index: the digest of the settings it was built with, its state (the caller's bytes) and its
    columns. Each column array holds the saved values first, with room after them to grow into (not initialised);
    the state says how much of each is in use. An index saved whole by an older store has no columns."""

    settings: str
    state: bytes
    columns: dict[str, np.ndarray]


@dataclass(frozen=True, slots=True)
class Layout:
    """A committed index as a store last read or saved it: its state file (in its folder) and each column's dtype
    and length."""

    state: Path
    lengths: dict[str, tuple[str, int]]

    def extends(self, columns: Mapping[str, np.ndarray]) -> bool:
        """Whether the columns only add to this layout's (same names, types, and at least as long), so a save can
        append to its folder without touching what is committed; else the save goes to a new folder."""
        if columns.keys() != self.lengths.keys():
            return False
        for name, column in columns.items():
            kind, length = self.lengths[name]
            path = self.state.parent / f"{name}.bin"
            if kind != column.dtype.str or length > len(column) or not path.is_file():
                return False
            if path.stat().st_size < length * column.dtype.itemsize:
                return False
        return True


def pack_state(state: bytes, lengths: Mapping[str, tuple[str, int]]) -> bytes:
    header = json.dumps({"columns": lengths}, sort_keys=True).encode()
    return MAGIC + header + b"\n" + state


def unpack_state(data: bytes) -> tuple[bytes, dict[str, tuple[str, int]]] | None:
    """(state, column lengths) of a packed state; None for an index saved whole, before columns.

    Raises ValueError when the header is damaged."""
    if not data.startswith(MAGIC):
        return None
    header, _, state = data[len(MAGIC) :].partition(b"\n")
    try:
        columns = json.loads(header)["columns"]
        lengths = {str(name): (str(kind), int(length)) for name, (kind, length) in columns.items()}
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"damaged story index header: {error}") from error
    return state, lengths


def _room(length: int) -> int:
    """Items a column file holds room for: its values and an eighth more (at least 1,024) for the next runs to append
    into, kept as a hole in the file (no disk where the file system has sparse files)."""
    return length + max(length // 8, 1024)


def read_columns(folder: Path, lengths: Mapping[str, tuple[str, int]]) -> dict[str, np.ndarray] | None:
    """The columns, with any room their files keep after the values; None when a file is missing or cut short.

    Each file is mapped copy-on-write: a run reads only the pages it touches (the time window's rows and the
    candidates'), not the whole index (400 MB at 100,000 articles), and what it appends stays in its memory until a
    save writes it. A file is never made shorter while mapped (`write`), so the mapping stays valid."""
    columns = {}
    for name, (kind, length) in lengths.items():
        dtype = np.dtype(kind)
        path = folder / f"{name}.bin"
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return None
        if size < length * dtype.itemsize:
            return None
        if length == 0:
            columns[name] = np.empty(_room(0), dtype=dtype)
            continue
        mapped = np.memmap(path, dtype=dtype, mode="c", shape=(size // dtype.itemsize,))
        columns[name] = mapped.view(np.ndarray)  # a plain array (pickled as one), the mapping kept as its base
    return columns


def write(folder: Path, state: bytes, columns: Mapping[str, np.ndarray], layout: Layout | None) -> Layout:
    """Write the columns and a new state file into ``folder``: only what follows the committed lengths when they
    extend ``layout`` (whose folder this must be), else whole. Everything is on disk when this returns, so the
    commit that names the state file never points at data still in flight."""
    folder.mkdir(parents=True, exist_ok=True)
    committed = layout.lengths if layout is not None and layout.extends(columns) else {}
    lengths: dict[str, tuple[str, int]] = {}
    with ExitStack() as open_files:
        written = []
        for name, column in columns.items():
            values = np.ascontiguousarray(column)
            start = committed[name][1] if name in committed else 0
            file = open_files.enter_context((folder / f"{name}.bin").open("r+b" if start else "wb"))
            file.seek(start * values.itemsize)
            file.write(values[start:].data.cast("B"))
            # Room to append into, and never shorter than it was: this process may have the file mapped.
            file.truncate(max(file.seek(0, os.SEEK_END), _room(len(values)) * values.itemsize))
            file.flush()
            written.append(file)
            lengths[name] = (values.dtype.str, len(values))
        for file in written:  # once all are written, so the disk takes them together rather than one by one
            os.fsync(file.fileno())
    path = folder / f"state-{uuid.uuid4().hex[:12]}"
    with path.open("wb") as file:
        file.write(pack_state(state, lengths))
        file.flush()
        os.fsync(file.fileno())
    return Layout(path, lengths)


def remove_others(kept: Path, pattern: str) -> None:
    """Remove every index file or folder matching ``pattern`` beside ``kept``'s folder, and the other state files
    inside it."""
    folder = kept.parent
    for old in folder.glob("state-*"):
        if old != kept:
            old.unlink(missing_ok=True)
    for old in folder.parent.glob(pattern):
        if old == folder:
            continue
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)
