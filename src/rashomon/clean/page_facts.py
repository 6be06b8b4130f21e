"""What flattened page text says about itself besides its body: the headline (`page_headline`), the date of its posting
line (`date_by_body`) and the outlet its debris names (`outlet_named`). `page_text.page_parts` calls them with the
lines the line model classed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rashomon.clean import debris
from rashomon.clean.lines import word_count
from rashomon.clean.pubdate import find_date, parse_dateline
from rashomon.text.words import APOSTROPHE_HYPHEN_WORD as _WORDS
from rashomon.text.words import TITLE_SUFFIX, restates, title_key

if TYPE_CHECKING:
    from rashomon.clean.page_text import Line, PageLines

# The page's own title (`TITLE_SUFFIX` after its headline), as a browser shows it, a flattening tool may print as
# the page's first line.
# A headline and the page title that holds it differ in length by at most this factor, once its suffixes are gone.
_HEADLINE_IN_TITLE = 1.25
# Words from which a line the page title holds is its headline ("About bugs").
_RESTATED_HEADLINE_WORDS = 2
# How many characters a line's text may be longer than its key (`title_key` drops punctuation and spaces).
_KEY_SLACK = 40


def _without_suffixes(text: str) -> str:
    """A page title without the outlet's and sections' names after its headline (up to three of them)."""
    for _ in range(3):
        shorter = TITLE_SUFFIX.sub("", text)
        if shorter == text:
            break
        text = shorter
    return text


def page_headline(page: PageLines) -> str | None:
    """The title: the line that the page title (its first line with a suffix) holds with the
    outlet's name after it ("Headline" and "Headline | World | Example Post"), else `PageLines.title_at` unless that
    is an interface label ("Skip to content"), else the page title without its suffixes."""
    lines = page.lines
    # The page title: the first line with a suffix (later ones are menu entries: "Top Artists - Interactive").
    titled = next((j for j, line in enumerate(lines) if TITLE_SUFFIX.search(line.text)), None)
    declared = title_key(_without_suffixes(lines[titled].text)) if titled is not None else ""
    for i, line in enumerate(lines if declared else ()):
        # Any line of two words or more: the page title vouches for it ("About us", a question as headline).
        if (
            i != titled
            and line.kind in ("short", "caption", "body")
            # A line far longer or shorter than the headline cannot restate it; most lines are skipped unread.
            and len(declared) < _HEADLINE_IN_TITLE * 2 * len(line.text) + _KEY_SLACK
            and len(line.text) < _HEADLINE_IN_TITLE * 2 * len(declared) + _KEY_SLACK
            and restates(title_key(line.text), declared, _HEADLINE_IN_TITLE)
            and word_count(line.text, _WORDS) >= _RESTATED_HEADLINE_WORDS
            and not debris.INTERFACE_LINE.match(line.text)
        ):
            return line.text
    if page.title_at is not None and not debris.INTERFACE_LINE.match(lines[page.title_at].text):
        return lines[page.title_at].text
    body_start = page.first_body if page.first_body is not None else len(lines)
    if titled is not None and titled < body_start and declared:
        return _without_suffixes(lines[titled].text)
    return None


# How far above and below the article's first line a line that dates it is looked for, and how many words besides
# the date it may hold ("Posted by Anna Petrov on May 3, 2021, 6:21 AM EST", "05/03/2021 by Anna Petrov").
_DATE_ABOVE, _DATE_BELOW, _DATE_OTHER_WORDS = 12, 3, 10
# A date line with another date within this many lines of it is a list's (teasers of older stories), not a posting.
_DATE_LIST_REACH = 3


def date_by_body(lines: Sequence[Line], keep: Sequence[bool], first: int, footer: int) -> str | None:
    """The date of the posting line nearest the article's start: a line that gives a full date with few other
    words ("By Anna Petrov on May 3, 2021"), near the first line that reads like article text (``first``) or the
    first the line model keeps; the nearest above either first. A date further off, or one in a list of dates, is a
    teaser's or a menu's."""
    starts = {first, next((i for i, chosen in enumerate(keep) if chosen and i < footer), first)}
    distance = {
        i: min(abs(i - start) + (i > start) / 2 for start in starts)
        for start in starts
        for i in range(max(0, start - _DATE_ABOVE), min(len(lines), start + _DATE_BELOW + 1))
    }
    days: dict[int, str | None] = {}

    def day_of(i: int) -> str | None:
        if i not in days:
            days[i] = _posting_date(lines[i]) if 0 <= i < len(lines) else None
        return days[i]

    for i in sorted(distance, key=lambda i: (distance[i], i)):
        if (day := day_of(i)) is None:
            continue
        if not any(day_of(j) not in (None, day) for j in range(i - _DATE_LIST_REACH, i + _DATE_LIST_REACH + 1)):
            return day
    return None


def _posting_date(line: Line) -> str | None:
    """The date a short line gives with at most `_DATE_OTHER_WORDS` other words; None for a sentence or a long line."""
    if line.kind == "body" or len(line.text) > _DATE_LINE_CHARS or (found := find_date(line.text)) is None:
        return None
    begin, end = found[1]
    if word_count(line.text[:begin] + " " + line.text[end:], _WORDS) > _DATE_OTHER_WORDS:
        return None
    return parse_dateline(line.text)


# Longest line read as a posting line.
_DATE_LINE_CHARS = 120


def outlet_named(lines: Sequence[str], footer: int | None = None) -> str | None:
    """The outlet a page names in its own debris ("Support The Moscow Times!"), if any; stronger clues first. A
    copyright line without a year counts from the line ``footer`` on, past the article (inside it, "© Jane Roe"
    credits a photo); None for none of the page."""
    for clue in debris.OUTLET_CLUES:
        for line in lines:
            if match := clue.search(line):
                return _without_company(match.group("outlet"))
    if footer is not None:
        for line in lines[footer:]:
            if match := debris.YEARLESS_COPYRIGHT.match(line):
                return _without_company(match.group("outlet"))
    if lines and debris.MASTHEAD.match(lines[0]) and len(lines[0].split()) <= 5:
        return _as_written_elsewhere(lines[0], lines[1:])
    return None


def _without_company(name: str) -> str:
    """An outlet's name without its company's suffixes ("Example Post Media Group Limited" -> "Example Post")."""
    return debris.OUTLET_SUFFIXES.sub("", debris.OUTLET_SUFFIXES.sub("", name.strip()))


def _as_written_elsewhere(capitals: str, lines: Sequence[str]) -> str:
    """A name printed in capitals, in the case the page uses for it elsewhere (else title case)."""
    pattern = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in capitals.split()) + r"\b", re.IGNORECASE)
    for line in lines:
        for match in pattern.finditer(line):
            if not match.group().isupper():
                return match.group()
    return capitals.title()
