"""Cleaning: a raw document into an `Article` with its clean body, title, date, outlet, byline, captions, relays.

Flattened page text is split into its parts line by line (`page_text`). HTML goes through `html.page` first (one
parse, a markup pass and a text-density pass), then the same line classes drop captions and debris it let through.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from urllib.parse import urlsplit

from rashomon.clean import debris
from rashomon.clean.html.page import HtmlExtraction, extract_html, extract_lead
from rashomon.clean.html.textblocks import NestingTooDeepError
from rashomon.clean.language import article_language, primary_subtag
from rashomon.clean.lines import word_count
from rashomon.clean.page_text import (
    SHORT_ARTICLE_WORDS,
    LineClass,
    PageParts,
    reads_like_body,
    rule_class,
    split_page_text,
)
from rashomon.clean.pubdate import is_date_line, normalise_published, plausible_published
from rashomon.model import Article, RawDocument, Rejected, describe_input
from rashomon.text.words import APOSTROPHE_HYPHEN_WORD as _WORDS
from rashomon.text.words import restates, title_key

# Per wire service: the credit forms with its names filled in, as one pattern.
_WIRE_CREDITS = {
    canonical: re.compile(
        "|".join(
            form.format(name="|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)))
            for form in debris.WIRE_CREDIT_FORMS
        )
    )
    for canonical, names in debris.WIRE_SERVICES.items()
}


def find_relays(body: str) -> tuple[str, ...]:
    """Wire services and outlets the body credits ("The Associated Press reported", "LONDON (Reuters) -")."""
    # The substring test first: most bodies name no wire service at all, and it costs far less than the patterns.
    found = [
        canonical
        for canonical, names in debris.WIRE_SERVICES.items()
        if any(name in body for name in names) and _WIRE_CREDITS[canonical].search(body)
    ]
    if dateline := debris.DATELINE_CREDIT.match(body):
        name = dateline.group("name")
        canonical = next((c for c, names in debris.WIRE_SERVICES.items() if name in names), name)
        if canonical not in found:
            found.insert(0, canonical)
    return tuple(found)


def _from_html(raw: RawDocument, comments: bool = False) -> PageParts | None:
    """Body and metadata of an HTML page; None when no paragraph reads like article text. Readers' comment threads
    are left out, unless the page holds no other prose (a picture post): then they are its text (``comments``).
    A page with neither, whose article is cut short (a paywall after its lead), gives the lead beside its headline
    (`extract_lead`)."""
    extraction = extract_html(raw.content, raw.url, _instant(raw.crawled), comments)
    parts = _html_parts(extraction) if extraction is not None else None
    if parts is not None:
        return parts
    if not comments:
        return _from_html(raw, comments=True)
    lead = extract_lead(raw.content, reads_like_body, raw.url, _instant(raw.crawled))
    return _html_parts(lead) if lead is not None else None


def _html_parts(extraction: HtmlExtraction) -> PageParts | None:
    """What the debris tables leave of an HTML extraction; None when none of it reads like article text."""
    kinds = [rule_class(p) for p in extraction.paragraphs]
    if not _holds_article_text(extraction.paragraphs, kinds):
        # A picture post's only prose may read as its caption ("... Artwork and photos © Name"): it is the article.
        kinds = [None if kind == "caption" else kind for kind in kinds]
        if not _holds_article_text(extraction.paragraphs, kinds):
            return None
    starts, ends = _article_span(extraction.paragraphs, kinds)
    if starts < len(kinds):  # not on a short post, which has no such paragraph to stand above
        kinds = _lead_kinds(extraction.paragraphs[:starts], kinds[:starts], extraction.title) + kinds[starts:]
    pairs = list(zip(extraction.paragraphs, kinds, strict=True))
    return PageParts(
        body=[p for at, (p, kind) in enumerate(pairs) if kind is None and p != extraction.title and at < ends],
        title=extraction.title,
        captions=[p for p, kind in pairs if kind == "caption"],
        byline=extraction.author,
        published=normalise_published(extraction.date) if extraction.date else None,
        outlet=extraction.sitename,
        language=extraction.language,
        removed=[p for at, (p, kind) in enumerate(pairs) if kind not in (None, "caption") or at >= ends],
        title_from="the page's markup",
        published_from="the page's markup or a date it shows",
        url=extraction.url,
    )


def _article_span(paragraphs: Sequence[str], kinds: Sequence[LineClass | None]) -> tuple[int, int]:
    """Where the article's first paragraph that reads like body text stands, and where a readers' comment
    section's heading after it does (len(paragraphs) for either when there is none): a page may hold its comments in
    the article's own container, with no comment class to leave them out by."""
    start = next(
        (at for at, (p, kind) in enumerate(zip(paragraphs, kinds, strict=True)) if kind is None and reads_like_body(p)),
        len(paragraphs),
    )
    end = next(
        (at for at in range(start + 1, len(paragraphs)) if debris.COMMENT_HEADING.match(paragraphs[at])),
        len(paragraphs),
    )
    return start, end


def _lead_kinds(lead: Sequence[str], kinds: Sequence[LineClass | None], title: str | None) -> list[LineClass | None]:
    """The classes of the paragraphs above the article's first one that reads like body text, with those that
    restate the page's title or only give a date classed as metadata: there, they are the page's own."""
    headline = title_key(title) if title else ""
    return [
        "meta"
        if kind is None and ((headline and restates(title_key(p), headline, _RESTATED_TITLE)) or is_date_line(p))
        else kind
        for p, kind in zip(lead, kinds, strict=True)
    ]


# A line above the body restates the page's title when one holds the other and they differ in length by less than
# this factor ("Amy cries 'I love you'" under the title "Amy cries 'I love you' | Music News"); "News" does not.
_RESTATED_TITLE = 1.6


def _holds_article_text(paragraphs: Sequence[str], kinds: Sequence[LineClass | None]) -> bool:
    """Whether a paragraph the debris tables leave as text reads like body text, or such paragraphs together hold
    `SHORT_ARTICLE_WORDS`."""
    pairs = list(zip(paragraphs, kinds, strict=True))
    # Text paragraphs all go into the body, so words are counted only until one reads like body text.
    if any(kind is None and reads_like_body(p) for p, kind in pairs):
        return True
    return sum(word_count(p, _WORDS) for p, kind in pairs if kind is None) >= SHORT_ARTICLE_WORDS


# Page text whose tags make up this share of it is the page's markup (a page the flattening tool could not parse, its
# source kept as text), and is cleaned as HTML; a page that shows some markup as text (a search widget's template)
# is not. Only text with `_MARKUP_END_TAGS` end tags is measured.
_TAG = re.compile(r"<[^<>\n]{0,300}>")
_MARKUP_SHARE = 0.3
_MARKUP_END_TAGS = 20


def is_markup(text: str) -> bool:
    """Whether page text is HTML source rather than the text of a page."""
    if text.count("</") < _MARKUP_END_TAGS:  # most page text: no end tag at all, and no search
        return False
    return sum(len(tag) for tag in _TAG.findall(text)) >= _MARKUP_SHARE * len(text)


def _instant(value: str | None) -> datetime | None:
    """A fetch time as given (ISO 8601), None when absent or unreadable."""
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def _given_published(raw: RawDocument) -> str | None:
    return normalise_published(raw.published) if raw.published else None


def _domain(url: str | None) -> str | None:
    """The host of a URL without "www." ("apnews.com"); None without a URL or host."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # a malformed URL given with the input ("http://[bad")
        return None
    return host.removeprefix("www.") if host else None


def site_of(raw: RawDocument) -> str | None:
    """The site a document comes from, to count lines its pages share: the host of its URL, else its outlet."""
    if host := _domain(raw.url):
        return host
    return raw.outlet.strip().lower() if raw.outlet and raw.outlet.strip() else None


def clean(
    raw: RawDocument, repeated: Mapping[str, int] | None = None, latest: date | None = None
) -> Article | Rejected:
    """Clean one raw document. Given metadata wins over what is extracted.

    ``repeated``: for flattened page text, how many pages of the same site (`site_of`), this one included, hold
    each line (by `lines.line_key`); lines many pages share are debris. None when unknown. ``latest``: the last
    plausible publication day (a later date is a typo or a placeholder, not taken); None for no such limit.
    """
    where = describe_input(raw.source, raw.id)
    if raw.kind == "body":
        text = raw.content
        parts = PageParts(body=[], title=None, captions=[], byline=None, published=None, outlet=None)
    elif not raw.content.strip():
        return Rejected(input=where, reason="It is empty: there is no text in it.")
    else:
        try:
            as_html = raw.kind == "html" or is_markup(raw.content)
            extracted = _from_html(raw) if as_html else split_page_text(raw.content, repeated)
        except NestingTooDeepError as error:
            return Rejected(input=where, reason=str(error))
        if extracted is None:
            return Rejected(input=where, reason=_NO_ARTICLE_TEXT)
        parts = extracted
        text = "\n\n".join(parts.body)
    if not text.strip():
        return Rejected(input=where, reason="The article body is empty after cleaning.")
    published = (
        (plausible_published(_given_published(raw), latest), _GIVEN),
        (plausible_published(parts.published, latest), parts.published_from),
        (plausible_published(normalise_published(raw.crawled) if raw.crawled else None, latest), "the fetch date"),
    )
    given_language = primary_subtag(raw.language)
    url, url_from = _first((raw.url, _GIVEN), (parts.url, "the page's markup"))
    chosen = {
        "title": _first((raw.title, _GIVEN), (parts.title, parts.title_from)),
        "published": _first(*published),
        "outlet": _first((raw.outlet, _GIVEN), (parts.outlet, "the page's own words"), (_domain(url), "the URL")),
        "byline": _first((raw.byline, _GIVEN), (parts.byline, "the page")),
    }
    return Article(
        id=raw.id,
        source=raw.source,
        text=text,
        title=chosen["title"][0],
        published=chosen["published"][0],
        outlet=chosen["outlet"][0],
        byline=chosen["byline"][0],
        url=url,
        relays=find_relays(text),
        captions=tuple(parts.captions),
        language=given_language or article_language(text, parts.language),
        removed=tuple(parts.removed),
        provenance=(
            *((name, where) for name, (value, where) in chosen.items() if value and where),
            *((("url", url_from),) if url and url_from and url_from != _GIVEN else ()),
            ("language", _GIVEN if given_language else "identified from the body, or as the page declares it"),
        ),
    )


_NO_ARTICLE_TEXT = (
    "It holds no article text: no line of it reads like article text (a sentence of 8+ words, or 10 words outside "
    "page furniture). A page that only shows pictures, redirects elsewhere, or loads its article by script or after "
    "a login has none."
)

# Where a value came from when the input gave it (a record's field, a sidecar, --input-outlet/--input-published).
_GIVEN = "given with the input"


def _first(*candidates: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """The first candidate value that is set, with where it came from."""
    return next(((value, where) for value, where in candidates if value), (None, None))
