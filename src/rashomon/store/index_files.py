"""The story index on disk: a folder beside the store holding its append-only columns and its small state.

Most of an index is rows appended to and never changed (each article's evidence). Those are kept as raw arrays,
one file each, and a save writes only what was appended since the last one; the rest (story labels, members,
document frequencies) is small and written whole, as a new state file each time. A state file names the length
of every column it was saved with, so a save cut short leaves the last committed state readable: columns are read
up to those lengths, and the next save writes over anything after them.
"""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Mapping
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
    """Where a saved index lies (its folder) and each column's dtype and committed length."""

    folder: Path
    lengths: dict[str, tuple[str, int]]


def pack_state(state: bytes, lengths: Mapping[str, tuple[str, int]]) -> bytes:
    header = json.dumps({"columns": lengths}, sort_keys=True).encode()
    return MAGIC + header + b"\n" + state


def unpack_state(data: bytes) -> tuple[bytes, dict[str, tuple[str, int]]] | None:
    """(state, column lengths) of a packed state; None for an index saved whole, before columns."""
    if not data.startswith(MAGIC):
        return None
    header, _, state = data[len(MAGIC) :].partition(b"\n")
    lengths = {name: (str(kind), int(length)) for name, (kind, length) in json.loads(header)["columns"].items()}
    return state, lengths


def _with_room(kind: str, length: int) -> np.ndarray:
    # np.empty leaves the room untouched, so it costs address space, not memory, until appends reach it.
    return np.empty(max(2 * length, 1024), dtype=np.dtype(kind))


def read_columns(folder: Path, lengths: Mapping[str, tuple[str, int]]) -> dict[str, np.ndarray] | None:
    """The columns, read straight into arrays with room to grow; None when a file is missing or cut short."""
    columns = {}
    for name, (kind, length) in lengths.items():
        array = _with_room(kind, length)
        try:
            with (folder / f"{name}.bin").open("rb") as file:
                read = file.readinto(array[:length].data.cast("B"))
        except FileNotFoundError:
            return None
        if read != length * array.itemsize:
            return None
        columns[name] = array
    return columns


def write(
    folder: Path, state: bytes, columns: Mapping[str, np.ndarray], committed: Mapping[str, tuple[str, int]]
) -> tuple[Path, dict[str, tuple[str, int]]]:
    """Write the columns beyond their ``committed`` lengths and a new state file; return the state file and the
    lengths it records. A column that shrank or changed type is written whole."""
    folder.mkdir(parents=True, exist_ok=True)
    lengths: dict[str, tuple[str, int]] = {}
    for name, column in columns.items():
        values = np.ascontiguousarray(column)
        kind, before = committed.get(name, (values.dtype.str, 0))
        start = before if kind == values.dtype.str and before <= len(values) else 0
        path = folder / f"{name}.bin"
        with path.open("r+b" if start and path.exists() else "wb") as file:
            file.seek(start * values.itemsize)
            file.write(values[start:].data.cast("B"))
            file.truncate()
        lengths[name] = (values.dtype.str, len(values))
    path = folder / f"state-{uuid.uuid4().hex[:12]}"
    path.write_bytes(pack_state(state, lengths))
    return path, lengths


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
