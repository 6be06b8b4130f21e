"""Reading inputs: files and folders into raw documents, each bad input into a `Rejected` with its reason.

Inputs are recognised by extension and, where that says nothing, by content (CONTRACT.md, "Inputs").
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rashomon.encoding import UndecodableError, decode_bytes
from rashomon.model import InputKind, RawDocument, Rejected
from rashomon.settings import IngestSettings

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".json", ".ndjson"}
LATER_SUFFIXES = {".warc": "WARC archives", ".xml": "feeds", ".rss": "feeds", ".atom": "feeds"}
_METADATA_FIELDS = ("title", "published", "outlet", "url", "byline")
# A record's text field, in order of preference, and how its content is cleaned.
_CONTENT_FIELDS: dict[str, InputKind] = {"body": "body", "text": "text", "html": "html"}


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Rejected]]:
    """Every file under the given paths (folders recursively, hidden files skipped), in a stable order."""
    files: list[Path] = []
    missing: list[Rejected] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.is_file():
            files.append(path)
        else:
            missing.append(Rejected(input=str(path), reason="No such file or folder."))
    return files, missing


def read_inputs(paths: Iterable[Path], settings: IngestSettings) -> Iterator[RawDocument | Rejected]:
    """Yield raw documents from files and folders; an input that cannot be read becomes a `Rejected`."""
    files, missing = discover(paths)
    yield from missing
    for path in files:
        yield from read_file(path, settings)


def read_file(path: Path, settings: IngestSettings) -> Iterator[RawDocument | Rejected]:
    """Read one file into one or more raw documents (a JSONL file holds many)."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            yield Rejected(input=source, reason="The file is empty.")
            return
        if size > settings.max_file_bytes:
            yield Rejected(
                input=source,
                reason=f"The file is {size:,} bytes, over the limit of {settings.max_file_bytes:,} "
                "(raise ingest.max_file_bytes to read it).",
            )
            return
        data, suffix = _unwrap(path.read_bytes(), path, settings.max_file_bytes)
    except OSError as error:
        yield Rejected(input=source, reason=f"The file could not be read: {error.strerror or error}.")
        return
    except ValueError as error:
        yield Rejected(input=source, reason=str(error))
        return
    if suffix in LATER_SUFFIXES:
        yield Rejected(input=source, reason=f"{LATER_SUFFIXES[suffix]} are not supported yet.")
        return
    if suffix in RECORD_SUFFIXES:
        yield from _read_records(data, source, settings)
        return
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and not _looks_like_html(data):
        yield Rejected(
            input=source,
            reason=f"{suffix or 'A file without extension'} is not an input type rashomon "
            "reads (.txt, .html, .htm, .jsonl, .json, optionally .gz); rename a page text file to .txt.",
        )
        return
    yield _read_single(data, source, path.name, suffix, settings)


def _unwrap(data: bytes, path: Path, limit: int) -> tuple[bytes, str]:
    """Decompress a ``.gz`` file (bounded, so a small bomb cannot fill memory) and return its inner suffix."""
    suffix = path.suffix.lower()
    if suffix != ".gz":
        return data, suffix
    inner = Path(path.stem).suffix.lower()
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, limit + 1)
    except zlib.error as error:
        raise ValueError(f"The gzip data is corrupt ({error}).") from error
    if len(out) > limit:
        raise ValueError(f"It decompresses to more than {limit:,} bytes (raise ingest.max_file_bytes to read it).")
    if not decompressor.eof:
        raise ValueError("The gzip data is truncated.")
    return out, inner or ".txt"


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _read_single(data: bytes, source: str, name: str, suffix: str, settings: IngestSettings) -> RawDocument | Rejected:
    try:
        text, _ = decode_bytes(data, html=suffix in HTML_SUFFIXES)
    except UndecodableError as error:
        return Rejected(input=source, reason=f"The file cannot be read as text: {error}.")
    if not text.strip():
        return Rejected(input=source, reason="The file holds only white space.")
    if max(len(line) for line in text.splitlines() or [""]) > settings.max_line_chars:
        return Rejected(
            input=source,
            reason=f"The file has a line of over {settings.max_line_chars:,} characters; it is not page text.",
        )
    article_id = name[: -len(".gz")] if name.lower().endswith(".gz") else name
    return RawDocument(id=article_id, source=source, kind="text" if suffix in TEXT_SUFFIXES else "html", content=text)


def _read_records(data: bytes, source: str, settings: IngestSettings) -> Iterator[RawDocument | Rejected]:
    try:
        text, _ = decode_bytes(data)
    except UndecodableError as error:
        yield Rejected(input=source, reason=f"The file cannot be read as text: {error}.")
        return
    whole = _whole_json(text)
    if isinstance(whole, list):
        for index, item in enumerate(whole, start=1):
            yield record_to_document(item, f"{source}#{index}", source)
        return
    if isinstance(whole, dict):
        yield record_to_document(whole, source, source)
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        if len(line) > settings.max_line_chars:
            yield Rejected(input=where, reason=f"The line is over {settings.max_line_chars:,} characters.")
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejected(input=where, reason=f"The line is not valid JSON: {error.msg} (column {error.colno}).")
            continue
        yield record_to_document(item, where, source)


def _whole_json(text: str) -> Any:
    """The file parsed as one JSON document, or None when it is not one (JSON Lines, or malformed)."""
    stripped = text.strip()
    if not stripped.startswith(("[", "{")):
        return None
    try:
        return json.loads(stripped)
    except json.JSONDecodeError:
        return None


def record_to_document(item: Any, where: str, source: str) -> RawDocument | Rejected:
    """One JSON object (CONTRACT.md: ``id`` and one of ``body``, ``text`` or ``html``) into a raw document."""
    if not isinstance(item, dict):
        return Rejected(input=where, reason="The record is not a JSON object.")
    record_id = item.get("id")
    if not isinstance(record_id, str | int) or isinstance(record_id, bool) or str(record_id).strip() == "":
        return Rejected(input=where, reason="The record has no `id`.")
    field = next((f for f in _CONTENT_FIELDS if isinstance(item.get(f), str) and item[f].strip()), None)
    if field is None:
        return Rejected(input=where, reason=f"Record {record_id!r} has no non-empty `body`, `text` or `html`.")
    metadata = {key: str(item[key]).strip() or None for key in _METADATA_FIELDS if item.get(key) is not None}
    return RawDocument(id=str(record_id), source=source, kind=_CONTENT_FIELDS[field], content=item[field], **metadata)
