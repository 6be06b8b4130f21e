"""Reading RSS and Atom feeds: every entry that carries the full article text is one raw document.

feedparser parses the feed from bytes we hand it (never a path or URL, so it fetches nothing). An entry's full text
is its ``content``, or a summary long enough to be the article rather than a teaser; entries with only a short
summary are skipped, and a feed none of whose entries has full text is one `Rejected` saying so.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from time import struct_time
from typing import Any

import feedparser  # type: ignore[import-untyped]

from rashomon.ingest.markup import has_markup
from rashomon.model import RawDocument, Rejected

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
# A feed's root element, after a byte-order mark, XML declaration, stylesheet instructions, comments or a doctype.
_FEED_ROOT = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<\?[^>]{0,500}\?>\s*|<!--.{0,2000}?-->\s*|<!DOCTYPE[^>]{0,500}>\s*)*<(?:rss|feed|rdf:RDF)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]*>")


def looks_like_feed(data: bytes) -> bool:
    """True when the document's root element is RSS, Atom or RSS 1.0 (``<rss``, ``<feed``, ``<rdf:RDF``)."""
    return _FEED_ROOT.match(data[:4096]) is not None


def read_feed(data: bytes, source: str, min_summary_chars: int) -> Iterator[RawDocument | Rejected]:
    """Yield one raw document per entry with full text, or one `Rejected` for a feed that gives none."""
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    except Exception as error:  # the per-file boundary: feedparser fails on malformed XML in many ways
        yield Rejected(input=source, reason=f"The feed cannot be parsed: {type(error).__name__}: {error}.")
        return
    entries: list[Any] = list(parsed.entries)
    if not entries:
        if parsed.bozo:
            yield Rejected(input=source, reason=f"The feed cannot be parsed: {parsed.get('bozo_exception')}.")
        else:
            yield Rejected(input=source, reason="The feed has no entries.")
        return
    outlet = _clean(parsed.feed.get("title"))
    found = 0
    for index, entry in enumerate(entries, start=1):
        document = entry_document(entry, f"{source}#{index}", source, outlet, min_summary_chars)
        if document is not None:
            found += 1
            yield document
    if found == 0:
        yield Rejected(
            input=source,
            reason=f"The feed has {len(entries)} entries but none carries the full article text "
            f"(only summaries under {min_summary_chars:,} characters).",
        )


def entry_document(
    entry: Any, fallback_id: str, source: str, outlet: str | None, min_summary_chars: int
) -> RawDocument | None:
    """One feed entry as a raw document, or None when it carries only a short summary."""
    content = _full_text(entry, min_summary_chars)
    if content is None:
        return None
    link = _clean(entry.get("link"))
    return RawDocument(
        id=_clean(entry.get("id")) or link or fallback_id,
        source=source,
        kind="html" if has_markup(content) else "text",
        content=content,
        title=_clean(entry.get("title")),
        published=_iso_utc(entry.get("published_parsed") or entry.get("updated_parsed")),
        outlet=outlet,
        url=link,
        byline=_clean(entry.get("author")),
    )


def _full_text(entry: Any, min_summary_chars: int) -> str | None:
    """The entry's content when given, else its summary when long enough to be the article."""
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if value.strip():
            return str(value)
    summary = str(entry.get("summary") or "")
    text = _TAG.sub(" ", summary)
    return summary if len(" ".join(text.split())) >= min_summary_chars else None


def _iso_utc(parsed: struct_time | None) -> str | None:
    """feedparser's parsed date (always UTC) as an ISO 8601 date-time."""
    if parsed is None:
        return None
    try:
        return datetime(*parsed[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def _clean(value: Any) -> str | None:
    """A metadata value with its white space collapsed, or None when absent or blank."""
    if value is None:
        return None
    return " ".join(str(value).split()) or None
