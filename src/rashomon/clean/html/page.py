"""Article text and metadata from an HTML page: one parse, one walk, two readings of the same text blocks.

The page is parsed once by lexbor (through selectolax: an HTML5 parser, so the tree is the one a browser builds)
and its body walked once into text blocks (`textblocks`). Two passes read them: the markup pass (`markuphints`:
trafilatura's container names and pruning rules, the more precise) and the text-density pass (`textdensity`: no
markup conventions, so it finds what the other misses). The markup pass's paragraphs are taken unless they hold
less than `FALLBACK_RATIO` of the density pass's text, which then means it kept only part of the article. Metadata
comes from the page's own <meta> tags and JSON-LD (`pagemeta`).

Extraction benchmark (tuned on the first 90 pages, the other 91 held out): F1 0.978 tuning, 0.968 held out, 0.973 on
all 181, the same articles as with lxml's parser before (checked on all 181 pages). Timed stage by stage in one
process on 2026-12-01 (scratch), a page took about 0.8 ms to parse, 1.1 to walk, 0.7 for the markup pass, 0.6 for
the density pass, 0.2 for metadata, and in `clean` 0.35 for the line classes and 0.4 for the language; lxml took
1.5-2 ms to parse. `python benchmarks/extraction.py`: 152-201 pages/s of CPU for the whole stage in three runs.
On the tuning half the markup pass alone gives 0.949, the density pass alone 0.968. trafilatura's fast mode, which
the markup pass replaces, gave 0.970 (0.969 held out) at 30 pages/s: its XPath passes over copies of the tree took
14 ms a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser, LexborNode

from rashomon.clean.html.markuphints import hinted_paragraphs
from rashomon.clean.html.pagemeta import page_meta
from rashomon.clean.html.textblocks import read_blocks
from rashomon.clean.html.textdensity import density_paragraphs

# Share of the density pass's text below which the markup pass is taken to have missed part of the article
# (tuning half: 0.4 -> F1 0.975, 0.5 -> 0.978, 0.6 -> 0.975, 0.7 -> 0.971; each step from 0.5 loses one page).
FALLBACK_RATIO = 0.5


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlExtraction:
    paragraphs: list[str]
    title: str | None
    author: str | None
    date: str | None
    sitename: str | None
    language: str | None


def parse_html(html: str) -> LexborNode | None:
    """The page's root element as an HTML5 parser builds it; None when there is none."""
    # Without DOM mutation events: they only mirror form controls (<selectedcontent>), which no pass reads.
    return LexborHTMLParser(html, options=LexborDocumentOptions.WO_EVENTS).root


def choose_paragraphs(hinted: list[str] | None, density: list[str]) -> list[str]:
    """The markup pass's paragraphs, unless there are none or they hold less than `FALLBACK_RATIO` of the
    density pass's text."""
    if hinted is None or sum(map(len, hinted)) < FALLBACK_RATIO * sum(map(len, density)):
        return density
    return hinted


def article_paragraphs(tree: LexborNode) -> list[str]:
    """The article's paragraphs, one string per line; [] when nothing reads like article text."""
    body = tree.css_first("body")
    page = read_blocks(body if body is not None else tree)
    return choose_paragraphs(hinted_paragraphs(page), density_paragraphs(page))


def extract_html(html: str, url: str | None = None, crawled: datetime | None = None) -> HtmlExtraction | None:
    """Body paragraphs and metadata of a page (its address and fetch time, when known, help date it); None when it
    has no article text."""
    tree = parse_html(html)
    if tree is None:
        return None
    paragraphs = article_paragraphs(tree)
    if not paragraphs:
        return None
    meta = page_meta(tree, url, crawled)
    return HtmlExtraction(
        paragraphs=paragraphs,
        title=meta.title,
        author=meta.author,
        date=meta.date,
        sitename=meta.sitename,
        language=meta.language,
    )
