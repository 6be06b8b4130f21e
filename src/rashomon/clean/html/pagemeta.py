"""Title, author, publication date and site name a page declares in its <head>: <meta> tags and JSON-LD.

The publication date comes from `pagedate`, which also reads the date lines the page shows (scored by where they
stand, so a footer's copyright or a teaser's date is not taken).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from selectolax.lexbor import LexborNode

from rashomon.clean.html.pagedate import ld_objects, page_date
from rashomon.text.words import TITLE_SUFFIX, title_key

# <meta> names and properties in order of trust, per field.
TITLE_META = ("og:title", "twitter:title", "dc.title", "sailthru.title")
AUTHOR_META = ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl")
SITE_META = ("og:site_name", "application-name", "publisher", "twitter:site")
LANGUAGE_META = ("content-language", "language", "dc.language", "og:locale")
# JSON-LD types that describe the page's article.
ARTICLE_TYPES = frozenset({"Article", "NewsArticle", "ReportageNewsArticle", "BlogPosting", "WebPage", "Report"})
# JSON-LD types that make the page one article (a section front is a WebPage too).
ONE_ARTICLE_TYPES = ARTICLE_TYPES - {"WebPage"}
_BY = re.compile(r"^by\s+", re.IGNORECASE)
_ABSOLUTE_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class PageMeta:
    title: str | None
    author: str | None
    date: str | None
    sitename: str | None
    language: str | None
    # The page's own address: its canonical link or og:url (absolute http(s) only).
    url: str | None = None


def _meta_tags(tree: LexborNode) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = (
            (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv") or "")
            .strip()
            .lower()
        )
        # Some saving tools and readers rewrite ``content`` as ``value`` (`<meta name="..." value="...">`).
        value = " ".join((attrs.get("content") or attrs.get("value") or "").split())
        if key and value and key not in found:
            found[key] = value
    return found


def _json_ld(tree: LexborNode) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of an article type."""
    for item in ld_objects(tree):
        if _types(item) & ARTICLE_TYPES:
            yield item


def _types(item: dict[str, Any]) -> frozenset[str]:
    """A JSON-LD object's @type names (a name or a list of them; anything else names none)."""
    kinds = item.get("@type")
    return frozenset(kind for kind in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(kind, str))


def _name(value: Any) -> str | None:
    """A person's or organisation's name from a JSON-LD value: a string, an object with a name, or a list."""
    if isinstance(value, list):
        names = [name for item in value if (name := _name(item))]
        return ", ".join(names) if names else None
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[key] for key in keys if meta.get(key)), None)


def _author(meta: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    from_meta = _first(meta, AUTHOR_META)
    # article:author is often a profile URL, which names no one.
    if from_meta and not from_meta.startswith(("http://", "https://")):
        return _BY.sub("", from_meta)
    return next((name for item in ld if (name := _name(item.get("author")))), None)


def _title(tree: LexborNode, meta: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    if found := _first(meta, TITLE_META):
        return found
    if found := next((h for item in ld if isinstance(h := item.get("headline"), str) and h.strip()), None):
        return " ".join(found.split())
    title = tree.css_first("title")
    text = " ".join(title.text().split()) if title is not None else ""
    heading = tree.css_first("h1")
    found = " ".join(heading.text().split()) if heading is not None else ""
    headline = TITLE_SUFFIX.sub("", text)
    # An <h1> the <title> does not hold, or holds only as the name after its headline, is the site's name or a
    # section's (a blog theme's <h1 id="site-title">): the <title> then gives the headline.
    if found and (
        not text
        or title_key(found) in title_key(headline)
        or (title_key(found) in title_key(text) and len(found) >= len(headline))
    ):
        return found
    return headline or None


def _page_url(tree: LexborNode, meta: dict[str, str]) -> str | None:
    """The address the page gives itself: its canonical link, else og:url; only an absolute http(s) address."""
    canonical = tree.css_first('link[rel="canonical"]')
    for given in (canonical.attributes.get("href") if canonical is not None else None, meta.get("og:url")):
        address = (given or "").strip()
        if _ABSOLUTE_URL.match(address):
            return address
    return None


def page_meta(tree: LexborNode, url: str | None = None, crawled: datetime | None = None) -> PageMeta:
    """What the page declares about itself; a field is None where it declares nothing. The date also comes from
    the date lines it shows (`pagedate`); ``url`` and ``crawled`` (when it was fetched) help there when known."""
    meta = _meta_tags(tree)
    ld = list(_json_ld(tree))
    language = _language(tree, meta, ld)
    sitename = _first(meta, SITE_META) or next((name for item in ld if (name := _name(item.get("publisher")))), None)
    return PageMeta(
        title=_title(tree, meta, ld),
        author=_author(meta, ld),
        date=page_date(tree, meta, _month_first(language), url, crawled),
        sitename=sitename.lstrip("@") if sitename else None,
        language=language,
        url=_page_url(tree, meta),
    )


def _language(tree: LexborNode, meta: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    """The language tag the page declares: on its root element (``tree``), in <meta>, or as JSON-LD inLanguage."""
    attrs = tree.attributes
    declared = attrs.get("lang") or attrs.get("xml:lang") or ""
    return (
        declared.strip()
        or _first(meta, LANGUAGE_META)
        or next((code.strip() for item in ld if isinstance(code := item.get("inLanguage"), str) and code.strip()), None)
    )


def _month_first(language: str | None) -> bool:
    """Whether the page writes numeric dates month first (05/06/2021 for May 6): US English, or English of no
    stated region."""
    tag = (language or "").strip().lower().replace("_", "-")
    return tag in ("en", "en-us")


def declares_article(tree: LexborNode) -> bool:
    """Whether the page says it is an article: og:type "article", a JSON-LD article, or an <article> element."""
    if _meta_tags(tree).get("og:type", "").lower().startswith("article"):
        return True
    if any(_types(item) & ONE_ARTICLE_TYPES for item in _json_ld(tree)):
        return True
    return tree.css_first("article") is not None


def declared_titles(tree: LexborNode) -> list[str]:
    """Every headline the page declares for itself outside its body: its title <meta> tags, its JSON-LD headlines
    and its <title> (whole, and without an outlet's name after the headline)."""
    meta = _meta_tags(tree)
    titles = [meta[key] for key in TITLE_META if meta.get(key)]
    titles += [" ".join(h.split()) for item in _json_ld(tree) if isinstance(h := item.get("headline"), str)]
    if (title := tree.css_first("title")) is not None and (text := " ".join(title.text().split())):
        titles += [text, TITLE_SUFFIX.sub("", text)]
    return [title for title in titles if title]


def declared_site_names(tree: LexborNode) -> list[str]:
    """The names the page gives its site: in <meta> tags and as its JSON-LD publisher."""
    meta = _meta_tags(tree)
    names = [meta[key].lstrip("@") for key in SITE_META if meta.get(key)]
    return names + [name for item in _json_ld(tree) if (name := _name(item.get("publisher")))]
