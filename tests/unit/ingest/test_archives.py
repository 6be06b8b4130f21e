"""Tests for reading web archives: HTML responses become documents, everything else is skipped, breakage is named."""

from __future__ import annotations

import gzip
import io
import logging
import tracemalloc
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rashomon.clean.article import clean
from rashomon.extract.nlp import LanguageModel
from rashomon.ingest.inputs import read_inputs
from rashomon.model import Article, RawDocument, Rejected
from rashomon.pipeline import run
from rashomon.settings import IngestSettings, load_settings
from rashomon.store.database import Store

SETTINGS = IngestSettings()
FIRST = "https://news.example.org/2024/03/harbour-bridge"
SECOND = "https://paper.example.net/city/bridge-reopens"


def _page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>"
    )


HARBOUR = _page(
    "Harbour bridge reopens after two years",
    [
        "The harbour bridge reopened to traffic on Tuesday morning after two years of repairs to its deck.",
        "City engineers said the work had cost far more than the council had planned when it began in spring.",
        "Commuters who had used the ferry during the closure welcomed the shorter journey into the centre.",
    ],
)
BRIDGE = _page(
    "Commuters return to the harbour bridge",
    [
        "Thousands of drivers crossed the repaired harbour bridge on its first day back in service this week.",
        "The mayor told reporters that the final bill for the repairs was close to forty million dollars.",
        "Local shop owners near the bridge said they expected their trade to recover within a few months.",
    ],
)


def _response(writer: WARCWriter, uri: str, body: bytes, content_type: str, date: str) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date}
    )
    writer.write_record(record)


def _request(writer: WARCWriter, uri: str) -> None:
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
    writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=http))


def write_warc(path: Path, *, gzip: bool) -> list[int]:
    """Two HTML responses around a request and an image response; returns each record's start offset."""
    offsets = []
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for write in (
            lambda: _request(writer, FIRST),
            lambda: _response(writer, FIRST, HARBOUR.encode(), "text/html; charset=utf-8", "2024-03-26T08:15:00Z"),
            lambda: _response(writer, "https://news.example.org/logo.png", b"\x89PNG\r\n", "image/png", "2024-03-26"),
            lambda: _response(writer, SECOND, BRIDGE.encode(), "text/html", "2024-03-27T10:00:00Z"),
        ):
            offsets.append(stream.tell())
            write()
    return offsets


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_documents_and_other_records_are_skipped(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, gzip=name.endswith(".gz"))
    results = list(read_inputs([path], SETTINGS))
    assert results == [
        RawDocument(
            id=FIRST, source=str(path), kind="html", content=HARBOUR, url=FIRST, crawled="2024-03-26T08:15:00Z"
        ),
        RawDocument(
            id=SECOND, source=str(path), kind="html", content=BRIDGE, url=SECOND, crawled="2024-03-27T10:00:00Z"
        ),
    ]


def test_charset_in_the_http_header_decodes_cp1251(tmp_path: Path) -> None:
    russian = "Мост через гавань снова открыли для движения после двух лет ремонта."
    page = f"<html><head><title>Мост</title></head><body><p>{russian}</p></body></html>"
    path = tmp_path / "ru.warc"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        _response(writer, FIRST, page.encode("cp1251"), "text/html; charset=windows-1251", "2024-03-26T08:00:00Z")
    [doc] = read_inputs([path], SETTINGS)
    assert isinstance(doc, RawDocument)
    assert doc.content == page


def test_utf8_labelled_latin1_in_the_header_is_read_as_utf8(tmp_path: Path) -> None:
    page = "<html><body><p>Le maire a présenté le projet de rénovation du théâtre.</p></body></html>"
    path = tmp_path / "fr.warc"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        _response(writer, FIRST, page.encode(), "text/html; charset=ISO-8859-1", "2024-03-26T08:00:00Z")
    [doc] = read_inputs([path], SETTINGS)
    assert isinstance(doc, RawDocument)
    assert doc.content == page


@pytest.mark.parametrize("gzip", [False, True])
def test_a_warc_cut_in_its_second_article_keeps_the_first(tmp_path: Path, gzip: bool) -> None:
    whole = tmp_path / "whole.warc"
    offsets = write_warc(whole, gzip=gzip)
    data = whole.read_bytes()
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[: (offsets[3] + len(data)) // 2])
    results = list(read_inputs([path], SETTINGS))
    assert [r.id for r in results if isinstance(r, RawDocument)] == [FIRST]
    [broken] = [r for r in results if isinstance(r, Rejected)]
    assert broken.input == f"{path}#4"
    assert f"record at byte {offsets[3]:,} is broken" in broken.reason


def test_a_record_with_a_wrong_length_is_rejected_and_the_next_one_read(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc"
    offsets = write_warc(whole, gzip=False)
    data = whole.read_bytes()
    # Shorten the declared length of the first HTML response, so its content runs past where warcio stops.
    head, record, tail = data[: offsets[1]], data[offsets[1] : offsets[2]], data[offsets[2] :]
    length = int(record.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    record = record.replace(f"Content-Length: {length}".encode(), f"Content-Length: {length - 40}".encode(), 1)
    path = tmp_path / "bad.warc"
    path.write_bytes(head + record + tail)
    results = list(read_inputs([path], SETTINGS))
    assert [r.id for r in results if isinstance(r, RawDocument)] == [SECOND]
    [broken] = [r for r in results if isinstance(r, Rejected)]
    assert broken.input == f"{path}#2"
    assert "declared length" in broken.reason


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.warc", b"These are notes, not an archive.\nSecond line.\n"),
        ("empty-member.warc.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"),
    ],
)
def test_a_file_that_is_no_warc_is_one_rejection(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [bad] = read_inputs([path], SETTINGS)
    assert isinstance(bad, Rejected)
    assert bad.input == str(path)
    assert "not a readable WARC archive" in bad.reason


def test_an_oversized_page_is_rejected_and_the_archive_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        _response(writer, FIRST, HARBOUR.encode() + b"<!-- padding -->" * 100, "text/html", "2024-03-26")
        _response(writer, SECOND, BRIDGE.encode(), "text/html", "2024-03-27")
    results = list(read_inputs([path], IngestSettings(max_file_bytes=len(BRIDGE) + 10)))
    assert [r.id for r in results if isinstance(r, RawDocument)] == [SECOND]
    [big] = [r for r in results if isinstance(r, Rejected)]
    assert big.input == f"{path} ({FIRST})"
    assert "max_file_bytes" in big.reason


def test_a_warc_of_two_articles_gives_two_articles_in_the_dossier(
    tmp_path: Path, language_model: LanguageModel
) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, gzip=True)
    with Store(None) as store:
        result = run([path], store, load_settings(), language_model)
    articles = {a.id: a for a in result.dossier.articles}
    assert set(articles) == {FIRST, SECOND}
    assert articles[FIRST].url == FIRST
    assert "harbour bridge reopened to traffic" in articles[FIRST].text
    assert "Contact us" not in articles[FIRST].text
    assert articles[FIRST].published is not None
    assert articles[FIRST].published.startswith("2024-03-26")
    assert result.dossier.rejected == []


def test_the_page_own_date_wins_over_the_crawl_date(tmp_path: Path) -> None:
    dated = HARBOUR.replace("<head>", '<head><meta property="article:published_time" content="2024-03-20T09:00:00Z">')
    path = tmp_path / "dated.warc"
    with path.open("wb") as handle:
        _response(WARCWriter(handle, gzip=False), FIRST, dated.encode(), "text/html", "2024-03-26T08:15:00Z")
    (raw,) = list(read_inputs([path], IngestSettings()))
    assert isinstance(raw, RawDocument)
    page = clean(raw)
    assert isinstance(page, Article)
    assert page.published is not None and page.published.startswith("2024-03-20")
    undated = clean(replace(raw, content=HARBOUR))
    assert isinstance(undated, Article)
    assert undated.published == "2024-03-26T08:15:00+00:00", "without a date of its own, the crawl date stands in"


def test_a_gzipped_gigabyte_of_zeros_is_read_in_bounded_memory(tmp_path: Path) -> None:
    # warcio reads a header line whole: 200 MB of zeros without a newline once grew memory by as much (issue 17).
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"".join(compressor.compress(bytes(1 << 20)) for _ in range(200)) + compressor.flush()
    path = tmp_path / "zeros.warc.gz"
    path.write_bytes(zeros)
    tracemalloc.start()
    try:
        [bad] = read_inputs([path], SETTINGS)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(bad, Rejected)
    assert "header line of over" in bad.reason
    assert peak < 64_000_000  # a 16 KB block of zeros decompresses to 16 MB at once, a few copies of it at most


def test_a_record_past_the_size_budget_is_broken_and_the_next_one_read(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    offsets = write_warc(whole, gzip=True)
    data = whole.read_bytes()
    # A record declaring a huge length whose content is 3 MB of zeros, between the first and second pages.
    record = gzip.compress(
        b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://x.example/zeros\r\n"
        b"Content-Length: 100000000000\r\n\r\n" + bytes(3_000_000)
    )
    path = tmp_path / "budget.warc.gz"
    path.write_bytes(data[: offsets[3]] + record + data[offsets[3] :])
    results = list(read_inputs([path], IngestSettings(max_file_bytes=100_000)))
    assert [r.id for r in results if isinstance(r, RawDocument)] == [FIRST, SECOND]
    [broken] = [r for r in results if isinstance(r, Rejected)]
    assert "over 1,148,576 bytes" in broken.reason


def test_warcio_warnings_are_not_printed(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    whole = tmp_path / "whole.warc"
    offsets = write_warc(whole, gzip=False)
    data = whole.read_bytes()
    path = tmp_path / "bad.warc"
    path.write_bytes(data[: offsets[2] - 40] + b"junk where the blank lines go" + data[offsets[2] - 4 :])
    list(read_inputs([path], SETTINGS))
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_an_archive_without_html_pages_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    with path.open("wb") as stream:
        _response(WARCWriter(stream, gzip=False), "https://x.example/a.png", b"\x89PNG", "image/png", "2024-03-26")
    [listed] = read_inputs([path], SETTINGS)
    assert isinstance(listed, Rejected)
    assert listed.reason == "The archive holds no HTML response record (no page to read)."


def test_a_negative_offset_from_a_broken_length_does_not_stop_the_archive(tmp_path: Path) -> None:
    page = HARBOUR.encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    header = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + FIRST.encode() + b"\r\n"
    record = header + b"Content-Length: %d\r\n\r\n" % (len(http) // 3) + http + b"\r\n\r\n"
    path = tmp_path / "short.warc.gz"
    path.write_bytes(gzip.compress(record) + gzip.compress(record)[:-9])
    results = list(read_inputs([path], SETTINGS))
    assert results and all(isinstance(r, RawDocument | Rejected) for r in results)
    assert not any("could not be read" in r.reason for r in results if isinstance(r, Rejected))


def test_warcio_repairs_are_not_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/a b\r\n"
        b"Content-Length: 0\r\n\r\n\r\n\r\n"
    )
    path = tmp_path / "spaces.warc"
    path.write_bytes(record)
    with caplog.at_level(logging.DEBUG):
        list(read_inputs([path], SETTINGS))
    assert caplog.records == []
