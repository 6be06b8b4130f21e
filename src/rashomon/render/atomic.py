"""Writing output files whole or not at all, alone or as a set: text goes to a temporary file beside each, and the
files are renamed into place only once every one of the set is complete."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from rashomon.errors import RashomonError


class FileSet:
    """Files staged beside their final names, renamed into place together by `commit`."""

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []
        self._after: list[Callable[[], None]] = []

    def write(self, path: Path, chunks: Iterable[str]) -> Path:
        """Write ``chunks`` in turn to a temporary file that `commit` renames to ``path``."""
        with self.open(path) as file:
            for chunk in chunks:
                file.write(chunk)
        return path

    @contextmanager
    def open(self, path: Path) -> Iterator[TextIO]:
        """A text file to write while other files are written: a temporary file that `commit` renames to ``path``."""
        temporary = path.with_suffix(path.suffix + ".tmp")
        self._staged.append((temporary, path))  # before writing, so `discard` also removes a half-written file
        try:
            with temporary.open("w", encoding="utf-8") as file:
                yield file
        except OSError as error:
            error.filename = error.filename or str(path)  # a failed write (a full disk) names no file of its own
            raise

    def after_commit(self, step: Callable[[], None]) -> None:
        """Run ``step`` once the set is in place (removing what the new set no longer links to, say)."""
        self._after.append(step)

    def commit(self) -> None:
        for temporary, path in self._staged:
            temporary.replace(path)
        self._staged.clear()
        for step in self._after:
            step()

    def discard(self) -> None:
        for temporary, _ in self._staged:
            temporary.unlink(missing_ok=True)
        self._staged.clear()


class OutputError(RashomonError):
    """The outputs could not be written (a full disk, say); the files there before are left as they were."""


@contextmanager
def file_set(folder: Path) -> Iterator[FileSet]:
    """A `FileSet` committed when the block ends, discarded when it fails; a failure to write is an `OutputError`
    naming the file and the reason (a full disk), and leaves the earlier set of files (or none) in place."""
    files = FileSet()
    try:
        yield files
        files.commit()
    except OSError as error:
        files.discard()
        where = f" ({error.filename})" if error.filename else ""
        raise OutputError(
            f"The outputs could not be written to {folder}: {error.strerror or error}{where}. The files there were "
            "left as they were; the store keeps this run's work, so running the same command again once the "
            "problem is fixed writes them."
        ) from error
    except BaseException:
        files.discard()
        raise


def write_atomic(path: Path, chunks: Iterable[str]) -> Path:
    """Write ``chunks`` in turn to ``path``; a failure leaves the previous file (or none), never half of one."""
    with file_set(path.parent) as files:
        files.write(path, chunks)
    return path
