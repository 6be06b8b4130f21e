"""Reading web archives: every HTML response record of a ``.warc`` or ``.warc.gz`` file is one raw document.

Records are streamed with warcio, one at a time, each payload read up to ``ingest.max_file_bytes``, so an archive
of any size is read in bounded memory. warcio itself reads header lines whole and a record to its end, however
long: its reader is given a budget here (a line of at most ``_MAX_LINE`` bytes, a record of at most
``ingest.max_file_bytes`` decompressed plus room for headers), so a gigabyte of zeros costs a bounded read, not a
gigabyte of memory. A broken record (truncated, bad length, unreadable headers, undecodable bytes, over budget)
becomes a `Rejected` naming the record, and reading resumes at the next record header found after it.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.bufferedreaders import DecompressingBufferedReader  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]
from warcio.recordloader import ArcWarcRecord  # type: ignore[import-untyped]

from rashomon.ingest.encoding import UndecodableError, decode_bytes, header_charset
from rashomon.model import RawDocument, Rejected, describe_input

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Where a new record can start: an uncompressed record's version line, or a gzip member's magic bytes.
_RECORD_START = b"\nWARC/1."
_GZIP_START = b"\x1f\x8b\x08"
_SCAN_CHUNK = 1 << 20
# Longest WARC or HTTP header line read (warcio reads lines whole; real headers are well under a kilobyte).
_MAX_LINE = 1 << 16
_RECORD_SLACK = 1 << 20


# warcio logs what it repairs in a record's headers, quoting the header whole (a URL of a megabyte): not passed on,
# since a record that cannot be read is listed with its reason.
_WARCIO_LOGGER = "warcio.recordloader"


def _drop(_: logging.LogRecord) -> bool:
    return False


class _OverBudgetError(ArchiveLoadFailed):  # type: ignore[misc]
    """A record's line or content is longer than the archive reader allows."""


class _BoundedReader(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's reader with a budget: lines of at most ``_MAX_LINE`` bytes, and at most ``budget`` bytes
    (decompressed) read since `start_record`."""

    def __init__(self, stream: IO[bytes], budget: int) -> None:
        super().__init__(stream)
        self.budget = budget
        self.record_start = 0

    def start_record(self) -> None:
        self.record_start = self.num_read

    def _process_read(self, data: bytes) -> None:
        super()._process_read(data)
        if self.num_read - self.record_start > self.budget:
            raise _OverBudgetError(f"the record is over {self.budget:,} bytes")

    def _decompress(self, data: bytes) -> bytes:
        if self.decompressor is None or not data or self.num_block_read == 0:
            return super()._decompress(data)  # type: ignore[no-any-return]
        try:  # warcio prints a corrupt member's error to stderr and reads on as if the file ended
            return self.decompressor.decompress(data)  # type: ignore[no-any-return]
        except zlib.error as error:
            raise ArchiveLoadFailed(f"its gzip data is corrupt ({error})") from error

    def readline(self, length: int | None = None) -> bytes:
        limit = _MAX_LINE + 1 if length is None or length < 0 else min(length, _MAX_LINE + 1)
        line: bytes = super().readline(limit)
        if len(line) > _MAX_LINE and not line.endswith(b"\n"):
            raise _OverBudgetError(f"it has a header line of over {_MAX_LINE:,} bytes")
        return line


class _Records(ArchiveIterator):  # type: ignore[misc]
    """warcio's record iterator reading through a `_BoundedReader`, and counting (not printing) a record not
    followed by the blank lines its declared length puts after it."""

    def __init__(self, stream: IO[bytes], budget: int) -> None:
        super().__init__(stream)
        self.reader = _BoundedReader(self.fh, budget)  # swapped before the first record is read

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        empty_size = 0
        first_line = True
        while True:
            line: bytes = self.reader.readline()
            if not line:
                return None, empty_size
            if not line.rstrip() or first_line:
                empty_size += len(line)
                self.err_count += bool(line.rstrip())  # content where the blank lines should be
                first_line = False
                continue
            return line, empty_size


def is_warc(path: Path) -> bool:
    """True when the file name says web archive (``.warc`` or ``.warc.gz``)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


@dataclass(slots=True)
class _Cursor:
    """Where reading an archive has got to: records read whole, and the byte offset where the last one ended."""

    records: int = 0
    offset: int = 0
    started: bool = False
    listed: int = 0  # documents and rejections yielded


def read_warc(path: Path, max_record_bytes: int) -> Iterator[RawDocument | Rejected]:
    """Yield one raw document per HTML response record; broken records and unreadable files as `Rejected`.

    After a broken record, reading resumes at the next record header; a run of breakages with no good record
    between them is reported once.
    """
    source = str(path)
    cursor = _Cursor()
    warcio_log = logging.getLogger(_WARCIO_LOGGER)
    warcio_log.addFilter(_drop)
    try:
        if path.stat().st_size == 0:
            yield Rejected(input=source, reason="The file is empty.")
            return
        with path.open("rb") as stream:
            yield from _read_archive(stream, path, max_record_bytes, cursor)
    except OSError as error:
        yield Rejected(input=source, reason=f"The file could not be read: {error.strerror or error}.")
        return
    finally:
        warcio_log.removeFilter(_drop)
    if cursor.listed == 0:
        yield Rejected(input=source, reason="The archive holds no HTML response record (no page to read).")


def _read_archive(
    stream: IO[bytes], path: Path, max_record_bytes: int, cursor: _Cursor
) -> Iterator[RawDocument | Rejected]:
    source = str(path)
    size = path.stat().st_size
    marker = _GZIP_START if path.name.lower().endswith(".gz") else _RECORD_START
    reported_at = -1
    while True:
        stream.seek(cursor.offset)
        failure = yield from _read_run(stream, source, max_record_bytes, cursor)
        if failure is None and cursor.offset >= size:
            return
        cursor.listed += 1
        if not cursor.started:
            reason = failure or "no complete record in it"
            yield Rejected(input=source, reason=f"The file is not a readable WARC archive ({reason}).")
            return
        if reported_at != cursor.records:  # counted as a record, so later numbers stay right
            cursor.records += 1
            reported_at = cursor.records
            yield Rejected(input=f"{source}#{cursor.records}", reason=_broken(failure, cursor.offset, size))
        resume = _next_record_start(stream, cursor.offset + 1, marker)
        if resume is None:
            return
        cursor.offset = resume


def _broken(failure: str | None, offset: int, size: int) -> str:
    detail = failure or f"the archive ends {size - offset:,} bytes after its start, before it is complete"
    return f"The record at byte {offset:,} is broken ({detail}); the records before it were read."


def _read_run(
    stream: IO[bytes], source: str, max_record_bytes: int, cursor: _Cursor
) -> Generator[RawDocument | Rejected, None, str | None]:
    """Read records from the stream's position until the end or the first failure; returns the failure, if any.

    ``cursor`` advances past each complete record, so a failure leaves it at the start of the broken one.
    """
    # The budget leaves room for the headers and the reader's read-ahead beyond the page itself.
    records = _Records(stream, max_record_bytes + _RECORD_SLACK)
    try:
        records.reader.start_record()
        for record in records:
            if record.format != "warc":  # warcio also takes any line of five words for an old ARC header
                return "it does not start with a WARC header"
            cursor.started = True
            item = _record_document(record, source, max_record_bytes)
            errors = records.err_count
            records.read_to_end()
            if records.err_count > errors:  # warcio found no blank line where the declared length ends
                return "its declared length does not match its content"
            if failure := _incomplete(records, record):
                return failure
            cursor.records += 1
            cursor.offset = max(records.offset, cursor.offset + 1)  # warcio's offset can go back on broken lengths
            records.reader.start_record()
            if item is not None:
                cursor.listed += 1
                yield item
    except ArchiveLoadFailed as error:
        return str(error).strip() or "warcio could not parse it"
    except OverflowError:
        return "its Content-Length is too large a number"
    except Exception as error:  # the per-record boundary: warcio fails on corrupt bytes in many ways (zlib, None)
        return f"warcio could not parse it ({type(error).__name__}: {error})"
    return None


def _incomplete(records: ArchiveIterator, record: ArcWarcRecord) -> str | None:
    """Why a record read to its end is still incomplete (a cut gzip member, headers without a length), if it is."""
    if getattr(record.raw_stream, "limit", 0) > 0:
        return "its content stops before the length it declares"
    decompressor = records.reader.decompressor
    if decompressor is not None and not decompressor.eof:
        return "its gzip member is cut off"
    if record.rec_headers.get_header("Content-Length") is None:
        return "its header has no Content-Length"
    return None


def _record_document(record: ArcWarcRecord, source: str, limit: int) -> RawDocument | Rejected | None:
    """The raw document of one HTML response record (checked whole only later), None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not content_type.split(";")[0].strip().lower().startswith(HTML_TYPES):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    where = describe_input(source, uri) if uri else source
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        return Rejected(
            input=where, reason=f"The page is over {limit:,} bytes (raise ingest.max_file_bytes to read it)."
        )
    try:
        text, _ = decode_bytes(data, html=True, charset=header_charset(content_type))
    except UndecodableError as error:
        return Rejected(input=where, reason=f"The page cannot be read as text: {error}.")
    crawled = record.rec_headers.get_header("WARC-Date") or None
    return RawDocument(id=uri or source, source=source, kind="html", content=text, url=uri, crawled=crawled)


def _next_record_start(stream: IO[bytes], start: int, marker: bytes) -> int | None:
    """The offset of the next record header at or after ``start`` (scanning in chunks), or None at the end."""
    position = start
    while True:
        stream.seek(position)
        chunk = stream.read(_SCAN_CHUNK + len(marker))
        found = chunk.find(marker)
        if found >= 0:
            return position + found + (1 if marker == _RECORD_START else 0)
        if len(chunk) <= len(marker):
            return None
        position += _SCAN_CHUNK
