"""Writing an output file whole or not at all: text goes to a temporary file beside it, renamed when complete."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: Path, chunks: Iterable[str]) -> Path:
    """Write ``chunks`` in turn to ``path``; a failure leaves the previous file (or none), never half of one."""
    temporary = path.with_suffix(path.suffix + ".tmp")
    try:
        with temporary.open("w", encoding="utf-8") as file:
            for chunk in chunks:
                file.write(chunk)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path
