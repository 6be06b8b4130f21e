"""The publication date of an HTML page, from what it declares in its markup and from the date lines it shows.

Named steps: `declared_dates` (<meta>, the JSON-LD of the article), `shown_dates` (`showndate`: dates in the body,
scored by the words and markup around them), `address_date` (the page's address, given or canonical),
`script_dates` (the JSON state pages embed in scripts), then `choose`:

1. a declared publication date of the article (else a creation date, or a web page's publication date), the
   earliest of them: pages declare their first publication beside later edits, and an earlier declared date is
   rarely anything but the first publication;
2. the best-placed shown date line;
3. the address's date (a print edition's date on some sites, so it neither beats nor backs a good date line);
4. a date from the scripts; 5. a declared modification date;
6. the best of the poorly placed shown dates: a guess is right more often than nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from selectolax.lexbor import LexborNode

from rashomon.clean.html import date_markup as markup
from rashomon.clean.html.showndate import Dated, as_date, rank_shown, shown_dates

# A full date in an address's path: /2024/05/03/, /2024-05-03-, /20240503/.
_ADDRESS_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})(?:(?P<sep>[/_-])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)|(?P<month8>[01]\d)"
    r"(?P<day8>[0-3]\d))(?=[/_.-]|$)"
)
_SCRIPT_DATE = re.compile(r'"(?:' + "|".join(markup.SCRIPT_KEYS) + r')"\s*:\s*"([^"]{8,40})"')
# A shown date is taken from this score on: a bare date in running text or a teaser list is no date line.
MIN_SHOWN_SCORE = 2.0
# A shown date ranked this high, whose own markup or words say it is a date (a <time>, a "published" label, a
# date class), is the page's own date line; a teaser's date or one in running text is not.
_OWN_DATE_LINE, _MARKED_AS_DATE = 4.0, 2.0
# A declared time between midnight and six in the morning, UTC ("2016-11-28T00:00:00Z", "...T01:32:00+00:00").
_UTC_SMALL_HOURS = re.compile(r"T0[0-5]:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]00:?00)$")


@dataclass(frozen=True, slots=True)
class Declared:
    """The publication, creation and modification dates a page declares, in the order it declares them."""

    published: list[Dated]
    created: list[Dated]
    modified: list[Dated]


def ld_objects(tree: LexborNode) -> Iterator[dict[str, Any]]:
    """Every top-level JSON-LD object, @graph member and main entity (not the articles an ItemList links to);
    unparseable blocks are skipped."""
    for script in tree.css("script"):
        if (script.attributes.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text(), strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                stack.extend(item[key] for key in ("@graph", "mainEntity") if isinstance(item.get(key), list | dict))


def _kind(item: dict[str, Any]) -> str | None:
    """What a JSON-LD object describes: "article", "page" (a web page), or None for anything else."""
    kinds = item.get("@type")
    names = [kind for kind in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(kind, str)]
    if any(name.endswith(markup.ARTICLE_TYPE_ENDINGS) for name in names):
        return "article"
    return "page" if any(name.endswith(markup.PAGE_TYPE_ENDINGS) for name in names) else None


def _json_field(text: str, key: str) -> str:
    try:
        data = json.loads(text)
    except ValueError:
        return ""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, str) else ""


def declared_dates(tree: LexborNode, meta: dict[str, str]) -> Declared:
    """The dates the page's <meta> tags and the JSON-LD of its article declare."""
    published: list[Dated] = []
    created: list[Dated] = []
    modified: list[Dated] = []
    for key, content in meta.items():
        text = _json_field(content, markup.JSON_META[key]) if key in markup.JSON_META else content
        is_published = key in markup.PUBLISHED_META or key in markup.JSON_META
        target = published if is_published else modified if key in markup.MODIFIED_META else None
        if target is not None and (found := as_date(text)):
            target.append(found)
    for item in ld_objects(tree):
        kind = _kind(item)
        if kind is None:
            continue
        # A WebPage's publication date may be its site's: it only stands in for the article's.
        for key, target in (
            (markup.LD_PUBLISHED, published if kind == "article" else created),
            (markup.LD_CREATED, created),
            (markup.LD_MODIFIED, modified),
        ):
            if isinstance(given := item.get(key), str) and (found := as_date(given)):
                target.append(found)
    return Declared(published=published, created=created, modified=modified)


def address_date(url: str | None) -> Dated | None:
    """The full date an address's path gives, if any ("https://example.com/2024/05/03/story")."""
    match = _ADDRESS_DATE.search(url or "")
    if match is None:
        return None
    month, day = match["month"] or match["month8"], match["day"] or match["day8"]
    return as_date(f"{match['year']}-{int(month):02d}-{int(day):02d}")


def _page_address(tree: LexborNode, meta: dict[str, str], given: str | None) -> Dated | None:
    """The date in the page's address: the one given, else its canonical address or og:url."""
    canonical = tree.css_first('link[rel="canonical"]')
    addresses = (given, canonical.attributes.get("href") if canonical is not None else None, meta.get("og:url"))
    return next((found for url in addresses if (found := address_date(url))), None)


def script_dates(tree: LexborNode) -> list[Dated]:
    """Publication dates named in the JSON state a page embeds in its scripts (not JSON-LD)."""
    found = []
    for script in tree.css("script"):
        if (script.attributes.get("type") or "").strip().lower() != "application/ld+json":
            found += [day for match in _SCRIPT_DATE.finditer(script.text()) if (day := as_date(match.group(1)))]
    return found


def _earliest(dates: list[Dated]) -> str:
    return min(dates, key=lambda d: d.day).value


def choose(
    declared: Declared, shown: list[tuple[float, Dated]], address: Dated | None, scripts: list[Dated]
) -> str | None:
    """The publication date among the candidates, as the module's docstring orders them."""
    if declared.published or declared.created:
        return _earliest(declared.published or declared.created)
    # The best score; among equals, the first on the page.
    best = max(enumerate(shown), key=lambda item: (item[1][0], -item[0]), default=None)
    if best is not None and best[1][0] >= MIN_SHOWN_SCORE:
        return best[1][1].value
    if address is not None:
        return address.value
    if scripts:
        return _earliest(scripts)
    if declared.modified:
        return _earliest(declared.modified)
    return best[1][1].value if best is not None else None


def _shown_day_before(declared: str, shown: list[tuple[float, Dated]]) -> str:
    """A declared UTC time in the small hours is the evening before for a page west of Greenwich, or a bare day
    written as midnight: the day the page's own date line shows (``shown``: such lines, ranked), when it is the one
    before, is the day its readers were given."""
    best = max(enumerate(shown), key=lambda item: (item[1][0], -item[0]), default=None)
    day = as_date(declared)
    if best is None or best[1][0] < _OWN_DATE_LINE or day is None:
        return declared
    return best[1][1].value if (day.day - best[1][1].day).days == 1 else declared


def page_date(
    tree: LexborNode,
    meta: dict[str, str],
    month_first: bool,
    url: str | None = None,
    crawled: datetime | None = None,
) -> str | None:
    """The page's publication date as ISO 8601 (the day as the page gives it, its time when known), or None.

    ``month_first``: the page's language writes numeric dates month first ("05/06/2021" for May 6); ``url``: the
    page's address when known; ``crawled``: when it was fetched, to read "3 hours ago".
    """
    declared = declared_dates(tree, meta)
    title = tree.css_first("title")
    headline = " ".join(filter(None, (meta.get("og:title"), title.text() if title is not None else None)))
    if declared.published or declared.created:
        chosen = choose(declared, [], None, [])
        if chosen is None or not _UTC_SMALL_HOURS.search(chosen):
            return chosen
        shown_here = shown_dates(tree, headline, month_first, crawled)
        marked = [
            (score, dated)
            for (score, dated), s in zip(rank_shown(shown_here), shown_here.dates, strict=True)
            if s.score >= _MARKED_AS_DATE
        ]
        return _shown_day_before(chosen, marked)
    shown = shown_dates(tree, headline, month_first, crawled)
    return choose(declared, rank_shown(shown), _page_address(tree, meta, url), script_dates(tree))
