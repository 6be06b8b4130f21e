"""Tests for reading RSS and Atom feeds: entries with full text become documents, teasers do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.clean.article import clean
from rashomon.ingest.feeds import looks_like_feed
from rashomon.ingest.inputs import read_inputs
from rashomon.model import Article, RawDocument, Rejected
from rashomon.settings import IngestSettings

SETTINGS = IngestSettings()
PARAGRAPHS = [
    "The harbour bridge reopened to traffic on Tuesday morning after two years of repairs to its deck.",
    "City engineers said the work had cost far more than the council had planned when it began in spring.",
    "Commuters who had used the ferry during the closure welcomed the shorter journey into the centre.",
    "Shop owners near the southern end of the bridge said they expected their trade to recover soon.",
    "The council will publish a full account of the repair costs at its next meeting in the spring.",
]
HTML_BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
PLAIN_BODY = " ".join(PARAGRAPHS)
TEASER = "The harbour bridge is open again."


def _rss(items: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>The Harbour Gazette</title><link>https://gazette.example.org/</link>{items}</channel></rss>"
    )


def _rss_item(guid: str, description: str, content: str | None = None) -> str:
    encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    return (
        f"<item><title>Bridge reopens {guid}</title><link>https://gazette.example.org/{guid}</link>"
        f'<guid isPermaLink="false">gazette-{guid}</guid><dc:creator>Jane Roe</dc:creator>'
        f"<pubDate>Tue, 26 Mar 2024 09:30:00 +0100</pubDate>"
        f"<description><![CDATA[{description}]]></description>{encoded}</item>"
    )


def _atom(entries: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Northsea Courant</title><id>urn:courant</id><updated>2024-03-27T12:00:00Z</updated>"
        f"{entries}</feed>"
    )


def _atom_entry(slug: str, *, content: str | None, summary: str) -> str:
    body = f'<content type="html"><![CDATA[{content}]]></content>' if content else ""
    return (
        f"<entry><title>Courant {slug}</title><id>urn:courant:{slug}</id>"
        f'<link rel="alternate" href="https://courant.example.com/{slug}"/>'
        "<updated>2024-03-27T11:00:00+02:00</updated><author><name>John Doe</name></author>"
        f"<summary>{summary}</summary>{body}</entry>"
    )


def _read(path: Path, text: str) -> list[RawDocument | Rejected]:
    path.write_text(text)
    return list(read_inputs([path], SETTINGS))


def test_rss_items_with_full_content_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "gazette.rss"
    items = _rss_item("a", TEASER, HTML_BODY) + _rss_item("b", TEASER) + _rss_item("c", PLAIN_BODY)
    [first, third] = _read(path, _rss(items))
    assert first == RawDocument(
        id="gazette-a",
        source=str(path),
        kind="html",
        content=HTML_BODY,
        title="Bridge reopens a",
        published="2024-03-26T08:30:00+00:00",
        outlet="The Harbour Gazette",
        url="https://gazette.example.org/a",
        byline="Jane Roe",
    )
    assert isinstance(third, RawDocument)
    assert (third.id, third.kind, third.content) == ("gazette-c", "text", PLAIN_BODY)


def test_atom_entries_with_content_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "courant.atom"
    entries = _atom_entry("one", content=HTML_BODY, summary=TEASER) + _atom_entry("two", content=None, summary=TEASER)
    [doc] = _read(path, _atom(entries))
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.url, doc.kind, doc.outlet, doc.title, doc.byline) == (
        "urn:courant:one",
        "https://courant.example.com/one",
        "html",
        "Northsea Courant",
        "Courant one",
        "John Doe",
    )
    assert doc.published == "2024-03-27T09:00:00+00:00"
    assert doc.content == HTML_BODY


def test_a_feed_entry_cleans_into_an_article(tmp_path: Path) -> None:
    [doc] = _read(tmp_path / "courant.atom", _atom(_atom_entry("one", content=HTML_BODY, summary=TEASER)))
    assert isinstance(doc, RawDocument)
    article = clean(doc)
    assert isinstance(article, Article)
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert (article.outlet, article.published) == ("Northsea Courant", "2024-03-27T09:00:00+00:00")


@pytest.mark.parametrize(("name", "make"), [("summaries.rss", "rss"), ("summaries.xml", "atom")])
def test_a_feed_of_summaries_only_is_one_rejection(tmp_path: Path, name: str, make: str) -> None:
    path = tmp_path / name
    text = (
        _rss(_rss_item("a", TEASER) + _rss_item("b", TEASER))
        if make == "rss"
        else _atom(_atom_entry("a", content=None, summary=TEASER) + _atom_entry("b", content=None, summary=TEASER))
    )
    [bad] = _read(path, text)
    assert bad == Rejected(
        input=str(path),
        reason="The feed has 2 entries but none carries the full article text (only summaries under 400 characters).",
    )


def test_a_malformed_feed_is_one_rejection_with_the_parser_message(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    [bad] = _read(path, '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Cut <item><title>')
    assert isinstance(bad, Rejected)
    assert bad.input == str(path)
    assert bad.reason.startswith("The feed cannot be parsed: ")
    assert len(bad.reason) > len("The feed cannot be parsed: .")


def test_an_xml_file_that_is_no_feed_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    [bad] = _read(path, '<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc></url></urlset>')
    assert bad == Rejected(input=str(path), reason="The .xml file is not an RSS or Atom feed.")


def test_a_feed_without_extension_is_recognised_by_content(tmp_path: Path) -> None:
    [doc] = _read(tmp_path / "download", _rss(_rss_item("a", TEASER, HTML_BODY)))
    assert isinstance(doc, RawDocument)
    assert doc.id == "gazette-a"


def test_feed_sniffing() -> None:
    assert looks_like_feed(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- generated --><rss version="2.0">')
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert not looks_like_feed(b"<!DOCTYPE html><html><body><p>About our <rss> feed</p></body></html>")


def test_a_feed_that_feedparser_fails_on_is_one_rejection(tmp_path: Path) -> None:
    # An XML declaration whose encoding is not UTF-8 made feedparser raise UnicodeDecodeError (issue 17).
    path = tmp_path / "broken.rss"
    path.write_bytes(b"<?xml version='1.0' encoding='\xb6\xff'?><rss><channel><item>x</item></channel></rss>")
    [bad] = read_inputs([path], SETTINGS)
    assert isinstance(bad, Rejected)
    assert bad.input == str(path)
    assert bad.reason.startswith("The feed cannot be parsed:")


def test_a_feed_entry_with_an_overlong_id_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "long-guid.rss"
    item = _rss_item("a", TEASER, HTML_BODY).replace(">gazette-a</guid>", f">{'g' * 5_000}</guid>")
    [bad] = _read(path, _rss(item))
    assert isinstance(bad, Rejected)
    assert "5,000 characters long" in bad.reason and len(bad.input) < 200
