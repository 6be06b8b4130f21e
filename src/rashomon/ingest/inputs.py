"""Reading inputs: files and folders into raw documents, each bad input into a `Rejected` with its reason.

Inputs are recognised by extension and, where that says nothing, by content (CONTRACT.md, "Inputs"): page text,
saved HTML pages (optionally gzipped), JSON records, web archives (`rashomon.ingest.archives`) and RSS/Atom feeds
(`rashomon.ingest.feeds`). Every document read is screened before cleaning: a line too long to be page text, or HTML
nested deeper than any article page (a "nesting bomb"), rejects it with a reason in well under a second, so the
cleaning stage's parsers never see it.
"""

from __future__ import annotations

import errno
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from rashomon.ingest.archives import is_warc, read_warc
from rashomon.ingest.encoding import UndecodableError, decode_bytes
from rashomon.ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed
from rashomon.ingest.markup import measure
from rashomon.model import InputKind, RawDocument, Rejected, describe_input
from rashomon.settings import IngestSettings

TEXT_SUFFIXES = {".txt", ".text"}
# Metadata beside a page or text file: "report.txt" + "report.txt.meta.json".
SIDECAR_SUFFIX = ".meta.json"
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".json", ".ndjson"}
# Files that hold one article each (records, archives and feeds hold many).
SINGLE_ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
_METADATA_FIELDS = ("title", "published", "outlet", "url", "byline", "language")
# A record's text field, in order of preference, and how its content is cleaned.
_CONTENT_FIELDS: dict[str, InputKind] = {"body": "body", "text": "text", "html": "html"}
# A store's files (the database and its write-ahead log) and folders (its story index, "x.duckdb.stories-1a2b...",
# and DuckDB's spill folder).
_STORE_FILE = re.compile(r"\.duckdb(\.wal)?$", re.IGNORECASE)
_STORE_FOLDER = re.compile(r"\.duckdb\.(stories-[0-9a-f]+|tmp)$", re.IGNORECASE)
# What `rashomon analyze --out` writes into its folder, beside anything else there.
_OUTPUT_FILES = frozenset({"dossier.json", "report.html", "report.md"})
_OUTPUT_FOLDER = "stories"
# What `str.splitlines` splits on besides a newline.
_OTHER_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(f"[{_OTHER_BREAKS}]")


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Rejected]]:
    """Every file under the given paths (folders recursively), in a stable order, and what was passed over: missing
    paths, broken links, links to folders (not followed, so a link loop cannot trap the walk), things that are no
    regular file (pipes, devices), and per folder a count of hidden files and folders skipped. What rashomon
    writes (`is_own_output`) met in a folder is passed over without a word: an ``--out`` folder inside the inputs,
    or the inputs' own folder, is not read back in on the next run."""
    files: list[Path] = []
    passed: list[Rejected] = []
    for path in paths:
        if (path.is_file() or _STORE_FOLDER.search(path.name)) and is_own_output(path):
            passed.append(Rejected(input=str(path), reason="A rashomon store or report, not an article."))
        elif path.is_dir():
            _walk(path, files, passed)
        elif path.is_file():
            files.append(path)
        else:
            passed.append(Rejected(input=str(path), reason=_passed_over(path) or "No such file or folder."))
    return _once(files), passed


def _once(files: list[Path]) -> list[Path]:
    """Each file once, where it was first met: a file named and also inside a folder named (or a linked folder) is
    read once. A link to a file is an input of its own (listed under its own name), as is a hard link."""
    seen: set[str] = set()
    kept = []
    for file in files:
        key = os.path.normcase(os.path.join(os.path.realpath(file.parent), file.name))  # noqa: PTH118 (strings)
        if key not in seen:
            seen.add(key)
            kept.append(file)
    return kept


def _walk(folder: Path, files: list[Path], passed: list[Rejected]) -> None:
    """The files under ``folder`` into ``files``, what is passed over into ``passed``."""
    hidden = 0
    own: list[Path] = []
    for found in sorted(folder.rglob("*")):
        if any(found.is_relative_to(written) for written in own):
            continue
        if is_own_output(found):
            own.append(found)
        elif any(part.startswith(".") for part in found.relative_to(folder).parts):
            hidden += found.name.startswith(".")
        elif found.name.endswith(SIDECAR_SUFFIX) and found.is_file():
            if not Path(str(found).removesuffix(SIDECAR_SUFFIX)).is_file():
                passed.append(Rejected(input=str(found), reason="A metadata file without its article."))
        elif found.is_file():
            files.append(found)
        elif (reason := _passed_over(found)) is not None:
            passed.append(Rejected(input=str(found), reason=reason))
    if hidden:
        passed.append(Rejected(input=str(folder), reason=f"{hidden} hidden file(s) or folder(s) skipped."))
    if own and not any(file.is_relative_to(folder) for file in files):
        reason = "Only what rashomon wrote (a store, dossier.json and its reports): nothing to read as an article."
        passed.append(Rejected(input=str(folder), reason=reason))


def is_own_output(path: Path) -> bool:
    """Whether a path is something rashomon wrote: a store's file or folder, or one of the files (and the story
    pages' folder) `rashomon analyze --out` writes, found beside the others (``dossier.json`` and a report)."""
    if _STORE_FILE.search(path.name):
        return path.is_file()
    if _STORE_FOLDER.search(path.name):
        return path.is_dir()
    if path.name not in _OUTPUT_FILES and path.name != _OUTPUT_FOLDER:
        return False
    folder = path.parent
    return (folder / "dossier.json").is_file() and any(
        (folder / name).is_file() for name in ("report.html", "report.md")
    )


def _passed_over(path: Path) -> str | None:
    """Why a path met in a folder walk is not read (None for a folder, which the walk enters)."""
    if path.is_symlink():
        if not path.exists():
            return _broken_link(path)
        if path.is_dir():
            return "A symbolic link to a folder: not followed (give the folder itself to read it)."
    if path.is_dir():
        return None
    return "Not a regular file (a pipe, socket or device): not read." if path.exists() else None


def _broken_link(path: Path) -> str:
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "A symbolic link that leads back to itself (a loop): not followed."
    return "A broken symbolic link (its target does not exist)."


def read_inputs(paths: Iterable[Path], settings: IngestSettings) -> Iterator[RawDocument | Rejected]:
    """Yield raw documents from files and folders; an input that cannot be read becomes a `Rejected`."""
    files, missing = discover(paths)
    yield from missing
    for path in files:
        yield from read_file(path, settings)


def read_file(path: Path, settings: IngestSettings) -> Iterator[RawDocument | Rejected]:
    """Read one file into one or more raw documents (a JSONL file, a feed or a web archive holds many)."""
    if is_warc(path):
        # Streamed record by record (warcio reads gzip itself): the file-size limit applies to each page instead.
        items: Iterable[RawDocument | Rejected] = read_warc(path, settings.max_file_bytes)
    else:
        items = _read_whole(path, settings)
    for item in items:
        yield item if isinstance(item, Rejected) else screen(item, settings)


def screen(document: RawDocument, settings: IngestSettings) -> RawDocument | Rejected:
    """The document, or a `Rejected` when no cleaning could make an article of it.

    Rejected: an id longer than ``ingest.max_id_chars``, a title, date, outlet, url, byline or language longer than
    ``ingest.max_metadata_chars``, page text longer than ``ingest.max_text_chars``, a line
    too long to be page text, HTML nested deeper than ``ingest.max_html_depth`` or with a tag of more than
    ``ingest.max_html_attributes`` attributes. Each check is a single linear scan that stops early, so a hostile
    input is turned away in well under a second.
    """
    if len(document.id) > settings.max_id_chars:
        return Rejected(
            input=f"{document.source} ({document.id[:60]}...)",
            reason=f"Its id is {len(document.id):,} characters long, over the limit of {settings.max_id_chars:,} "
            "(raise ingest.max_id_chars to read it).",
        )
    where = describe_input(document.source, document.id)
    for name in _METADATA_FIELDS:
        value = getattr(document, name)
        if value is not None and len(value) > settings.max_metadata_chars:
            return Rejected(
                input=where,
                reason=f"Its {name} is {len(value):,} characters long, over the limit of "
                f"{settings.max_metadata_chars:,} for a title, date, outlet, url, byline or language "
                "(raise ingest.max_metadata_chars to read it).",
            )
    if document.kind == "body":
        return document
    if has_long_line(document.content, settings.max_line_chars):
        return Rejected(
            input=where,
            reason=f"The {_noun(document)} has a line of over {settings.max_line_chars:,} characters; it is not "
            "page text.",
        )
    if document.kind == "text" and len(document.content) > settings.max_text_chars:
        return Rejected(
            input=where,
            reason=f"The text is {len(document.content):,} characters long, over the limit of "
            f"{settings.max_text_chars:,} for one page (raise ingest.max_text_chars to read it).",
        )
    if document.kind != "html":
        return document
    depth, attributes = measure(document.content, settings.max_html_depth, settings.max_html_attributes)
    if depth > settings.max_html_depth:
        return Rejected(
            input=where,
            reason=f"The page nests tags more than {settings.max_html_depth:,} deep; it is not an article page "
            "(raise ingest.max_html_depth to read it).",
        )
    if attributes > settings.max_html_attributes:
        return Rejected(
            input=where,
            reason=f"The page has a tag of more than {settings.max_html_attributes:,} attributes; it is not an "
            "article page (raise ingest.max_html_attributes to read it).",
        )
    return document


def _noun(document: RawDocument) -> str:
    return "file" if document.source.endswith(document.id) else "page" if document.kind == "html" else "text"


def has_long_line(text: str, limit: int) -> bool:
    """True when some line of the text (as `str.splitlines` splits it) is over ``limit`` characters.

    Found without copying the text: lines are found by ``str.find`` of a newline, and only a stretch over the limit
    is searched for the rarer line breaks.
    """
    start = 0
    while len(text) - start > limit:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > limit and _longest_run(text, start, end) > limit:
            return True
        start = end + 1
    return False


def _longest_run(text: str, start: int, end: int) -> int:
    """The longest stretch of ``text[start:end]`` without any line break."""
    if not any(text.find(brk, start, end) >= 0 for brk in _OTHER_BREAKS):
        return end - start
    longest = 0
    for match in _LINE_BREAK.finditer(text, start, end):
        longest = max(longest, match.start() - start)
        start = match.end()
    return max(longest, end - start)


def _read_whole(path: Path, settings: IngestSettings) -> Iterator[RawDocument | Rejected]:
    """Read a file that is not an archive: whole into memory (under ``max_file_bytes``), then by its type."""
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
    yield from _read_data(data, suffix, source, path.name, settings)


def _read_data(
    data: bytes, suffix: str, source: str, name: str, settings: IngestSettings
) -> Iterator[RawDocument | Rejected]:
    """The documents in a file's (decompressed) bytes, by its inner extension and, failing that, its content."""
    if suffix in RECORD_SUFFIXES:
        yield from _read_records(data, source, settings)
    elif suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
        yield from _with_sidecar(_read_single(data, source, name, suffix))
    elif suffix in FEED_SUFFIXES and not looks_like_feed(data):
        yield Rejected(input=source, reason=f"The {suffix} file is not an RSS or Atom feed.")
    elif suffix in FEED_SUFFIXES or (not _looks_like_html(data) and looks_like_feed(data)):
        yield from read_feed(data, source, settings.feed_summary_chars)
    elif _looks_like_html(data):
        yield from _with_sidecar(_read_single(data, source, name, suffix))
    else:
        yield Rejected(
            input=source,
            reason=f"{suffix or 'A file without extension'} is not an input type rashomon "
            "reads (.txt, .html, .htm, .jsonl, .json, .warc, .rss, .atom, .xml feeds, optionally .gz); "
            "rename a page text file to .txt.",
        )


def inner_suffix(path: Path) -> str:
    """The suffix that says what a file holds, looking under ``.gz`` (``a.jsonl.gz`` -> ``.jsonl``)."""
    suffix = path.suffix.lower()
    return Path(path.stem).suffix.lower() if suffix == ".gz" else suffix


def is_records(path: Path) -> bool:
    """True when the file name says JSON records (``.jsonl``, ``.json``, ``.ndjson``, also gzipped)."""
    return inner_suffix(path) in RECORD_SUFFIXES


def _unwrap(data: bytes, path: Path, limit: int) -> tuple[bytes, str]:
    """Decompress a ``.gz`` file (bounded, so a small bomb cannot fill memory) and return its inner suffix."""
    if path.suffix.lower() != ".gz":
        return data, inner_suffix(path)
    inner = inner_suffix(path)
    out = b""
    rest = data
    while rest:  # a gzip file may hold several members, one after another (as `cat a.gz b.gz` makes)
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += decompressor.decompress(rest, limit + 1 - len(out))
        except zlib.error as error:
            raise ValueError(f"The gzip data is corrupt ({error}).") from error
        if len(out) > limit:
            raise ValueError(f"It decompresses to more than {limit:,} bytes (raise ingest.max_file_bytes to read it).")
        if not decompressor.eof:
            raise ValueError("The gzip data is truncated.")
        rest = decompressor.unused_data.lstrip(b"\0")  # padding after a member is allowed
    return out, inner or ".txt"


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _read_single(data: bytes, source: str, name: str, suffix: str) -> RawDocument | Rejected:
    try:
        text, _ = decode_bytes(data, html=suffix not in TEXT_SUFFIXES)
    except UndecodableError as error:
        return Rejected(input=source, reason=f"The file cannot be read as text: {error}.")
    if not text.strip():
        return Rejected(input=source, reason="The file holds only white space.")
    article_id = name[: -len(".gz")] if name.lower().endswith(".gz") else name
    return RawDocument(id=article_id, source=source, kind="text" if suffix in TEXT_SUFFIXES else "html", content=text)


def _with_sidecar(item: RawDocument | Rejected) -> Iterator[RawDocument | Rejected]:
    """A page or text file's document with what its sidecar ``NAME.meta.json`` gives (title, published, outlet,
    byline, url, language: given values win over what cleaning finds). A sidecar that cannot be read is listed
    under its article's file (so the listing goes once the sidecar is fixed) and the article read without it."""
    if not isinstance(item, RawDocument) or not (sidecar := Path(item.source + SIDECAR_SUFFIX)).is_file():
        yield item
        return
    try:
        given: Any = json.loads(sidecar.read_text(encoding="utf-8"))
        trouble = None if isinstance(given, dict) else "it is not a JSON object"
    except (OSError, ValueError, RecursionError) as error:
        given, trouble = {}, error.strerror if isinstance(error, OSError) else _json_trouble(error)
    if trouble is None and (unknown := sorted(set(given) - set(_METADATA_FIELDS))):
        trouble = f"unknown field(s) {', '.join(unknown)} ignored; known: {', '.join(_METADATA_FIELDS)}"
    if trouble is not None:
        yield Rejected(input=item.source, reason=f"Its metadata file {sidecar.name}: {trouble}.")
    if not isinstance(given, dict):
        yield item
        return
    metadata: dict[str, Any] = {k: str(given[k]).strip() or None for k in _METADATA_FIELDS if given.get(k) is not None}
    yield replace(item, **metadata)


def _read_records(data: bytes, source: str, settings: IngestSettings) -> Iterator[RawDocument | Rejected]:
    try:
        text, _ = decode_bytes(data)
    except UndecodableError as error:
        yield Rejected(input=source, reason=f"The file cannot be read as text: {error}.")
        return
    whole = _whole_json(text)
    if whole == [] or not text.strip():
        yield Rejected(input=source, reason="The file holds no JSON records.")
        return
    if isinstance(whole, list):
        for index, item in enumerate(whole, start=1):
            yield record_to_document(item, f"{source}#{index}", source, settings.max_id_chars)
        return
    if isinstance(whole, dict):
        yield record_to_document(whole, source, source, settings.max_id_chars)
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
        except (ValueError, RecursionError) as error:  # a number of thousands of digits; brackets nested too deep
            yield Rejected(input=where, reason=f"The line cannot be read as JSON: {_json_trouble(error)}.")
            continue
        yield record_to_document(item, where, source, settings.max_id_chars)


def _whole_json(text: str) -> Any:
    """The file parsed as one JSON document, or None when it is not one (JSON Lines, or malformed)."""
    stripped = text.strip()
    if not stripped.startswith(("[", "{")):
        return None
    try:
        return json.loads(stripped)
    except (ValueError, RecursionError):  # JSON Lines, malformed, or beyond what the parser takes (read line by line)
        return None


def _json_trouble(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return "its arrays or objects are nested too deep"
    return "it holds a number too long to read" if "digits" in str(error) else str(error)[:200]


def record_to_document(item: Any, where: str, source: str, max_id_chars: int) -> RawDocument | Rejected:
    """One JSON object (CONTRACT.md: ``id`` and one of ``body``, ``text`` or ``html``) into a raw document."""
    if not isinstance(item, dict):
        return Rejected(input=where, reason="The record is not a JSON object.")
    record_id = item.get("id")
    if not isinstance(record_id, str | int) or isinstance(record_id, bool) or str(record_id).strip() == "":
        return Rejected(input=where, reason="The record has no `id`.")
    # Ids are repeated in every reference to the article (quotes, figures, stories): a page of an id would swell them.
    if len(str(record_id)) > max_id_chars:
        length = len(str(record_id))
        reason = f"The record's `id` is {length:,} characters long (at most {max_id_chars:,}; ingest.max_id_chars)."
        return Rejected(input=where, reason=reason)
    field = next((f for f in _CONTENT_FIELDS if isinstance(item.get(f), str) and item[f].strip()), None)
    if field is None:
        return Rejected(input=where, reason=f"Record {record_id!r} has no non-empty `body`, `text` or `html`.")
    metadata = {key: str(item[key]).strip() or None for key in _METADATA_FIELDS if item.get(key) is not None}
    return RawDocument(id=str(record_id), source=source, kind=_CONTENT_FIELDS[field], content=item[field], **metadata)
