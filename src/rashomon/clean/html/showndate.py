"""Dates an HTML page shows in its body, each scored by how much it looks like the page's own date line.

A page's date line sits by its headline, often with a time of day and a word such as "Published", in an element
named for it ("byline", "post-meta", "date"). Other dates on the page sit in running text, in links and lists of
other articles (each item dated in the same markup), in comments, footers and copyright lines. `shown_dates` walks
the body once, reading each text (and each machine-readable date attribute: <time datetime>, microdata) with the
words and markup around it; `rank_shown` adds what needs the whole page: nearness to the headline, and lists.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from selectolax.lexbor import LexborNode

from rashomon.clean.date_words import OTHER_DATE_WORDS, PUBLISHED_WORDS, UPDATED_WORDS
from rashomon.clean.html import date_markup as markup
from rashomon.clean.pubdate import (
    EARLIEST_PUBLICATION,
    PLACEHOLDER_DAYS,
    normalise_published,
    parse_dateline,
    relative_day,
)

_YEAR = re.compile(r"(?:19|20)\d{2}")
_UNIX = re.compile(r"^\d{10}(?:\d{3})?$")
_ADDRESS = re.compile(r"\S*(?:://|www\.)\S*")
_NAME_PARTS = re.compile(r"[^a-z0-9]+")
# Texts longer than this are running text; a date line split by markup is read from its parent up to the other.
LONG_TEXT, SPLIT_LINE = 100, 120
# A relative date line ("vor 3 Stunden") is read only from a text this short: in running text it is no date line.
SHORT_TEXT = 40
# Score parts (tuned on the tuning half of dates-dev, with and without the pages' <meta> and JSON-LD).
TIMED, PUBLISHED, UPDATED, OTHER, DATE_NAMED, ELSEWHERE, LONG = 2.0, 2.0, -3.0, -5.0, 1.5, -2.0, -1.5
# An HTML4-era <time pubdate> says as much as microdata's datePublished (`date_markup.DATE_ITEMPROPS`).
PUBDATE = 3.0
# Near the headline: this many characters of shown text before it or after it.
HEADLINE_BONUS, BEFORE_HEADLINE, AFTER_HEADLINE = 2.0, 200, 600
FIRST_AFTER_BONUS = 1.0
# Dates in this many places with the same markup around them are a list (comments, teasers).
LIST_PENALTY, LIST_REPEATS = 2.0, 3


@dataclass(frozen=True, slots=True)
class Dated:
    """A date as ISO 8601 (the day as the page gives it, its time when known), and its day."""

    value: str
    day: date


def as_date(value: str) -> Dated | None:
    """A date as pages write it in markup (ISO 8601, a date line, a Unix time); None for none or a placeholder."""
    text = value.strip()
    if _UNIX.match(text):
        stamp = int(text[:10])
        text = datetime.fromtimestamp(stamp, UTC).isoformat() if stamp > 0 else ""
    iso = normalise_published(text) if text else None
    if iso is None:
        return None
    day = datetime.fromisoformat(iso).date()
    if day in PLACEHOLDER_DAYS or day < EARLIEST_PUBLICATION:
        return None
    return Dated(iso, day)


@dataclass(frozen=True, slots=True)
class Shown:
    """A shown date, its score from what is around it, where it is (characters of shown text before it), and its
    nearest ancestors' tags and classes (the same for every item of a list)."""

    dated: Dated
    score: float
    position: int
    where: str


@dataclass(slots=True)
class _Headline:
    """Where the headline starts: the first <h1> that the page's title holds, else the first text it holds, else
    the first <h1>."""

    title: str
    titled_h1: int | None = None
    titled_text: int | None = None
    first_h1: int | None = None

    def see(self, node: LexborNode, text: str, position: int) -> None:
        if node.tag == "h1":
            self.first_h1 = position if self.first_h1 is None else self.first_h1
            heading = _key(node.text())
            if self.titled_h1 is None and len(heading) >= 8 and heading[:60] in self.title:
                self.titled_h1 = position
        elif self.titled_text is None and len(text) >= 15 and _key(text) in self.title:
            self.titled_text = position

    def position(self) -> int | None:
        return next((p for p in (self.titled_h1, self.titled_text, self.first_h1) if p is not None), None)


@dataclass(frozen=True, slots=True)
class ShownDates:
    dates: list[Shown] = field(default_factory=list)
    headline: int | None = None


def _key(text: str) -> str:
    return " ".join(text.split()).lower()


def _ancestry(node: LexborNode, depth: int = 8) -> tuple[list[str], list[str]]:
    """The tags and the class, id and itemprop names of a node and its nearest ancestors, nearest first."""
    tags: list[str] = []
    names: list[str] = []
    current: LexborNode | None = node
    while current is not None and depth > 0 and current.tag not in ("body", "html"):
        if current.tag != "-text":
            attrs = current.attributes
            tags.append(current.tag or "")
            names.append(f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('itemprop') or ''}".lower())
            depth -= 1
        current = current.parent
    return tags, names


def _has(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


def _named(names: str, long_hints: tuple[str, ...], short_hints: frozenset[str]) -> bool:
    """Whether class and id names hold a hint: a long one anywhere, a short one as a whole part of a name."""
    return _has(names, long_hints) or not short_hints.isdisjoint(_NAME_PARTS.split(names))


def _score(node: LexborNode, around: str, timed: bool) -> tuple[float, str]:
    """A shown date's score from the words around it and the markup it sits in; and its place (for lists)."""
    tags, names = _ancestry(node)
    joined, words = " ".join(names), around.lower()
    score = 1.0 + TIMED * timed
    score += PUBLISHED * _has(words, PUBLISHED_WORDS) + OTHER * _has(words, OTHER_DATE_WORDS)
    updated_name = _has(joined, markup.UPDATED_HINTS) and "publish" not in joined
    score += UPDATED * (_has(words, UPDATED_WORDS) or updated_name)
    score += DATE_NAMED * _named(joined, markup.DATE_HINTS, markup.SHORT_DATE_HINTS)
    elsewhere = not markup.ELSEWHERE_TAGS.isdisjoint(tags)
    score += ELSEWHERE * (elsewhere or _named(joined, markup.ELSEWHERE_HINTS, markup.SHORT_ELSEWHERE_HINTS))
    where = " ".join(f"{tag}.{name}" for tag, name in zip(tags[:3], names[:3], strict=False))
    return score, where


@dataclass(frozen=True, slots=True)
class _Reading:
    """How to read a page's dates: numeric ones month first or not, relative ones from when it was fetched."""

    month_first: bool
    crawled: datetime | None

    def line(self, text: str) -> str | None:
        if (value := parse_dateline(text, self.month_first)) is not None:
            return value
        if self.crawled is not None and len(text) <= SHORT_TEXT and (day := relative_day(text, self.crawled)):
            return day.isoformat()
        return None


def _from_text(node: LexborNode, text: str, label: str, reading: _Reading) -> tuple[Dated, float, str] | None:
    """The date a text shows (read from its parent when markup splits a date line), scored; None for none."""
    if len(text) > 3 * LONG_TEXT or (not _YEAR.search(text) and (reading.crawled is None or len(text) > SHORT_TEXT)):
        return None
    line = _ADDRESS.sub(" ", text)  # an address's dates ("/2016/09/20/") are no date line
    value = reading.line(line)
    parent = node.parent
    if value is None and parent is not None and len(whole := " ".join(parent.text().split())) <= SPLIT_LINE:
        line = _ADDRESS.sub(" ", whole)
        value = reading.line(line)
    dated = as_date(value) if value else None
    if dated is None:
        return None
    score, where = _score(node, f"{label[-40:]} {line}", timed="T" in dated.value)
    return dated, score + LONG * (len(line) > LONG_TEXT), where


def _from_attributes(node: LexborNode, label: str) -> tuple[Dated, float, str] | None:
    """The machine-readable date an element carries (<time datetime>, microdata), scored; None for none."""
    attrs = node.attributes
    prop = (attrs.get("itemprop") or "").lower()
    value = attrs.get("datetime") or (attrs.get("content") if prop in markup.DATE_ITEMPROPS else None)
    if value is None and node.tag == "abbr":  # microformats: <abbr class="published" title="2019-03-05T10:00">
        value = attrs.get("title")
    dated = as_date(value) if value else None
    if dated is None:
        return None
    score, where = _score(node, label[-40:], timed="T" in dated.value)
    return dated, score + markup.DATE_ITEMPROPS.get(prop, 0.0) + PUBDATE * ("pubdate" in attrs), where


def shown_dates(tree: LexborNode, title: str, month_first: bool, crawled: datetime | None = None) -> ShownDates:
    """Every full date the page's body shows, scored, in document order; and where its headline starts.

    ``title``: the page's <title> and og:title, to find its headline; ``month_first``: how to read "05/06/2021";
    ``crawled``: when the page was fetched, to read relative dates ("vor 3 Stunden"), which are skipped without it.
    """
    reading = _Reading(month_first, crawled)
    body = tree.css_first("body") or tree
    # Elements that may carry a date in an attribute, found at once (reading every element's attributes is slow).
    dated_elements = {node.mem_id for node in body.css(markup.DATE_ATTRIBUTE_SELECTOR)}
    headline = _Headline(_key(title))
    found: list[Shown] = []
    position, label = 0, ""
    for node in body.traverse(include_text=True):
        if node.tag != "-text":
            if node.tag == "h1":
                headline.see(node, "", position)
            read = _from_attributes(node, label) if node.mem_id in dated_elements else None
        elif node.parent is None or node.parent.tag in markup.SKIPPED_TAGS:
            continue
        else:
            text = " ".join((node.text_content or "").split())
            if headline.titled_text is None:
                headline.see(node, text, position)
            read = _from_text(node, text, label, reading) if text else None
            position, label = position + len(text), text or label
        if read is not None:
            found.append(Shown(dated=read[0], score=read[1], position=position, where=read[2]))
    return ShownDates(found, headline.position())


def rank_shown(shown: ShownDates) -> list[tuple[float, Dated]]:
    """The shown dates' final scores: a bonus near the headline and for the first date after it, a penalty for a
    list's dates."""
    places = Counter(s.where for s in shown.dates)
    head = shown.headline
    first_after = next((i for i, s in enumerate(shown.dates) if head is not None and s.position >= head), None)
    ranked = []
    for i, s in enumerate(shown.dates):
        score = s.score - LIST_PENALTY * (places[s.where] >= LIST_REPEATS) + FIRST_AFTER_BONUS * (i == first_after)
        if head is not None and -BEFORE_HEADLINE <= s.position - head <= AFTER_HEADLINE:
            score += HEADLINE_BONUS
        ranked.append((score, s.dated))
    return ranked
