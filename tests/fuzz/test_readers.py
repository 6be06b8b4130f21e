"""Properties of the per-file readers and the cleaning stage: whatever the bytes, they yield documents or `Rejected`
items with a reason, and never raise (issue 17)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.clean.article import clean
from rashomon.ingest.encoding import UndecodableError, decode_bytes
from rashomon.ingest.inputs import read_file, record_to_document
from rashomon.ingest.markup import measure
from rashomon.model import Article, RawDocument, Rejected
from rashomon.settings import IngestSettings
from tests.fuzz.generate import EXTENSIONS

SETTINGS = IngestSettings(max_file_bytes=1_000_000, max_line_chars=5_000, max_html_depth=50, max_id_chars=100)
# Bytes that look like the start of each kind of input, so examples get past the first check more often.
PREFIXES = (
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
    b"<!DOCTYPE html><html><meta charset=",
    b'{"id": "a", "body": ',
    b'[{"id": 1, "html": "<p>',
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: ",
    b"<?xml version='1.0'?><rss version='2.0'><channel><item><description>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content>",
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELDS = ("id", "body", "text", "html", "title", "published", "outlet", "url", "byline", "language")


def _check(items: list[RawDocument | Rejected]) -> None:
    for item in items:
        assert isinstance(item, RawDocument | Rejected)
        if isinstance(item, Rejected):
            assert item.input and item.reason.strip()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXTENSIONS), st.sampled_from(PREFIXES), st.binary(max_size=3000))
def test_any_bytes_under_any_extension_are_read_or_rejected(extension: str, prefix: bytes, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{extension}"
        path.write_bytes(prefix + data)
        _check(list(read_file(path, SETTINGS)))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.booleans(), st.sampled_from((None, "utf-8", "base64", "utf-16", "rot13", "x")))
def test_decoding_raises_nothing_but_undecodable(data: bytes, html: bool, charset: str | None) -> None:
    try:
        text, encoding = decode_bytes(data, html=html, charset=charset)
    except UndecodableError as error:
        assert str(error)
    else:
        assert isinstance(text, str) and encoding


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS), JSON) | JSON)
def test_any_json_value_is_a_document_or_a_rejected_record(item: Any) -> None:
    _check([record_to_document(item, "in.jsonl:1", "in.jsonl", SETTINGS.max_id_chars)])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abdiv-!")), max_size=400))
def test_measuring_markup_never_raises(html: str) -> None:
    depth, attributes = measure(html, 10, 5)
    assert depth >= 0 and attributes >= 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(("html", "text", "body")),
    st.text(max_size=1500),
    st.dictionaries(st.sampled_from(FIELDS[4:]), st.text(max_size=30)),
)
def test_cleaning_any_text_gives_an_article_or_a_rejection(kind: Any, content: str, metadata: dict[str, str]) -> None:
    raw = RawDocument(id="doc", source="in.txt", kind=kind, content=content, **metadata)
    result = clean(raw)
    assert isinstance(result, Article | Rejected)
    if isinstance(result, Rejected):
        assert result.reason.strip()
