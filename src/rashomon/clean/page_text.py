"""Flattened page text into its parts: each line classed (metadata, debris, caption, byline, body-like, short), the
title the short line before the body (repeated titles dropped), and the body the lines the line model keeps from the
first body-like line to the last one before the page footer. The line classes serve HTML pages too (`article`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rashomon.clean import debris
from rashomon.clean.lines import (
    SHIPPED,
    LineWeights,
    body_lines,
    elsewhere_counts,
    features,
    headline_runs,
    is_comment_marker,
    is_word_list,
    with_elsewhere,
    word_count,
)
from rashomon.clean.page_facts import date_by_body, outlet_named, page_headline
from rashomon.clean.pubdate import parse_dateline
from rashomon.text.words import APOSTROPHE_HYPHEN_WORD as _WORDS

LineClass = Literal["meta", "debris", "tail", "caption", "byline", "body", "short"]
_SENTENCE_END = re.compile(r"""[.!?…。！？]["'”’»)」』]*$|[.!?…,]["'”’»]$""")


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    text: str
    kind: LineClass


def classify_line(line: str) -> LineClass:
    """The class of one stripped line of page text."""
    return rule_class(line) or ("body" if reads_like_body(line) else "short")


def rule_class(line: str) -> LineClass | None:
    """The class the debris tables give a line (metadata, footer, debris, byline, caption); None for text."""
    # Loops, not any(): this runs on every line, and a generator a call cost about as much as the tests.
    if len(line) < 120:
        for pattern in debris.METADATA_LINES:
            if pattern.search(line):
                return "meta"
    for pattern in debris.TAIL_MARKERS:
        if pattern.search(line):
            return "tail"
    lowered = line.lower()
    for debris_line in debris.DEBRIS_LINES:
        if debris_line.search(line, lowered):
            return "debris"
    if debris.BYLINE.match(line) and len(line) < 100:
        return "byline"
    if (
        debris.CAPTION_MARKERS.search(line)
        or debris.CAPTION_OPENERS.search(line)
        or debris.CREDIT.search(line, lowered)
    ):
        return "caption"
    return None


def reads_like_body(line: str) -> bool:
    """A sentence of 8+ words, or 30+ words however it ends (in scripts written without spaces, words counted by
    characters: `lines.word_count`)."""
    words = word_count(line, _WORDS)
    return bool((words >= 8 and _SENTENCE_END.search(line)) or words >= 30)


# A page none of whose lines reads like article text keeps its text as the body when it has this many words outside
# the lines the debris tables take: a short post (a picture and two lines about it) is still an article.
SHORT_ARTICLE_WORDS = 10


def _title_index(lines: list[Line], body_start: int) -> int | None:
    """The title line: a short line before the body, preferring one the page repeats."""
    candidates = [i for i in range(body_start) if lines[i].kind in ("short", "caption") and _is_title_like(lines[i])]
    texts = [lines[i].text for i in candidates]
    for i in candidates:
        if texts.count(lines[i].text) > 1:
            return i
    plain = [i for i in candidates if lines[i].kind == "short"]
    return plain[0] if plain else None


def _is_title_like(line: Line) -> bool:
    words = word_count(line.text, _WORDS)
    return 3 <= words <= 30 and not line.text.endswith(".")


def _body_bounds(lines: list[Line]) -> tuple[int, int] | None:
    first = next((i for i, line in enumerate(lines) if line.kind == "body"), None)
    if first is None:
        return None
    last = first
    for i in range(first, len(lines)):
        if lines[i].kind == "tail":
            break
        if lines[i].kind == "body":
            last = i
    return first, last


@dataclass(frozen=True, slots=True, kw_only=True)
class PageParts:
    """What line classification found in page text."""

    body: list[str]
    title: str | None
    captions: list[str]
    byline: str | None
    published: str | None
    outlet: str | None
    # The language the page declares (HTML only: page text declares none).
    language: str | None = None
    # The lines cleaning removed as debris (not body, title or caption), in page order.
    removed: list[str] = field(default_factory=list)
    # Where the page gave its title and date: "the page's markup", "a date line" ...
    title_from: str | None = None
    published_from: str | None = None
    # The address the page gives itself (HTML only: its canonical link or og:url).
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PageLines:
    """The non-empty lines of page text with their rule classes, where the title stands, and the first line
    that reads like body text (None when none does)."""

    lines: list[Line]
    title_at: int | None
    first_body: int | None

    @property
    def title(self) -> str | None:
        return self.lines[self.title_at].text if self.title_at is not None else None


def page_lines(text: str) -> PageLines:
    lines = [Line(text=s, kind=classify_line(s)) for raw in text.splitlines() if (s := raw.strip())]
    bounds = _body_bounds(lines)
    first_body = bounds[0] if bounds else None
    title_at = _title_index(lines, first_body if first_body is not None else len(lines))
    return PageLines(lines=lines, title_at=title_at, first_body=first_body)


# Classes whose lines never go into the body, whatever the line model says: they are the page's own metadata.
_NEVER_BODY = ("meta", "byline", "caption")


def split_page_text(
    text: str, repeated: Mapping[str, int] | None = None, model: LineWeights = SHIPPED
) -> PageParts | None:
    """Split flattened page text into body paragraphs and metadata; None when no line reads like body text.

    ``repeated``: how many documents of a collection, this one included, hold each line (by `lines.line_key`).
    """
    page = page_lines(text)
    if page.first_body is None:
        # A short post has no sentence of 8+ words ending like one ("Wonderful video for X! Created by Y"): its
        # lines of so many words are the candidates.
        page = _relaxed(page)
        if page.first_body is None:
            return None
    texts = [line.text for line in page.lines]
    kinds = [line.kind for line in page.lines]
    matrix = features(texts, kinds, page.title)
    elsewhere = elsewhere_counts(texts, repeated)
    # The body before trimming by lines the site repeats: with counts given, as if no line were repeated.
    keep = body_lines(matrix if elsewhere is None else with_elsewhere(matrix, [0] * len(texts)), model)
    if not any(keep):
        # The model weighs a line against its neighbours, and a short report (a title and one paragraph) has none
        # to weigh against: its lines that read like article text are the body.
        keep = [kind == "body" for kind in kinds]
    if elsewhere is not None and any(elsewhere):
        trimmed = body_lines(with_elsewhere(matrix, elsewhere), model)
        # Lines the site repeats may trim the body, not gut it: a page whose article text other pages of its site
        # hold too (a story republished or updated under another address) keeps its body.
        if _words_kept(texts, trimmed) >= _KEPT_AFTER_TRIMMING * _words_kept(texts, keep):
            keep = trimmed
    # Runs of headlines in Chinese or Japanese (a list of related stories) are links, whatever the model says of
    # each line; a page of nothing else keeps what the model chose.
    listed = headline_runs(texts)
    unlisted = [chosen and not in_run for chosen, in_run in zip(keep, listed, strict=True)]
    if any(unlisted):
        keep = unlisted
    # Menus and rows of figures the flattening ran into one line are never body, nor weigh in the body's blocks.
    keep = _main_block(texts, [chosen and not is_word_list(text) for chosen, text in zip(keep, texts, strict=True)])
    parts = page_parts(page, keep)
    if not parts.body:
        # All the model kept stands past the page footer (readers' comments under a workout of short lines): the
        # lines before it that read like article text are the body.
        parts = page_parts(page, [kind == "body" for kind in kinds])
    return parts


# A block of kept lines stands apart from the rest when more than this many lines separate it from any other; one
# holding less than this share of the words of the largest block is not the article's.
_BLOCK_GAP = 6
_BLOCK_SHARE = 0.25


def _main_block(texts: Sequence[str], keep: Sequence[bool]) -> list[bool]:
    """``keep`` without the kept lines that stand apart from the article: blocks of kept lines (each more than
    `_BLOCK_GAP` lines from the next) holding less than `_BLOCK_SHARE` of the words of the largest block (a teaser,
    a reader's comment, a notice above or below the article)."""
    blocks: list[list[int]] = []
    last = None
    for i, chosen in enumerate(keep):
        if not chosen:
            continue
        if last is None or i - last > _BLOCK_GAP:
            blocks.append([])
        blocks[-1].append(i)
        last = i
    if len(blocks) < 2:
        return list(keep)
    words = [sum(word_count(texts[i], _WORDS) for i in block) for block in blocks]
    largest = max(words)
    result = list(keep)
    for block, held in zip(blocks, words, strict=True):
        if held < _BLOCK_SHARE * largest:
            for i in block:
                result[i] = False
    return result


def _relaxed(page: PageLines) -> PageLines:
    """``page`` with its short lines of `_RELAXED_BODY_WORDS` or more words classed as body."""
    lines = [
        Line(text=line.text, kind="body")
        if line.kind == "short" and word_count(line.text, _WORDS) >= _RELAXED_BODY_WORDS
        else line
        for line in page.lines
    ]
    bounds = _body_bounds(lines)
    first_body = bounds[0] if bounds else None
    title_at = _title_index(lines, first_body if first_body is not None else len(lines))
    return PageLines(lines=lines, title_at=title_at, first_body=first_body)


_RELAXED_BODY_WORDS = 8


# The share of the body's words that must survive trimming by lines a site repeats. Teasers and boilerplate that the
# site prints on every page can outweigh a short article (up to 60% of what the model kept, on the benchmark's pages);
# when nearly everything goes, the article itself is what other pages hold too.
_KEPT_AFTER_TRIMMING = 0.25


def _words_kept(texts: Sequence[str], keep: Sequence[bool]) -> float:
    return sum(word_count(text, _WORDS) for text, chosen in zip(texts, keep, strict=True) if chosen)


def page_parts(page: PageLines, keep: Sequence[bool]) -> PageParts:
    """The parts of classified page text, given which lines the line model keeps as body."""
    lines, first = page.lines, page.first_body or 0
    texts = [line.text for line in lines]
    # The body and captions are split at the title line the line model was given (`PageLines.title_at`); the title
    # reported may be a better line (`page_facts.page_headline`).
    title_at, title = page.title_at, page.title
    # An appeal or captcha footer ends the article: nothing after it is body, whatever the line model says.
    # So does a reader-comment thread after the article's tail: readers write long sentences the model would keep.
    footer = next(
        (i for i in range(first, len(lines)) if any(p.search(lines[i].text) for p in debris.FOOTER_STARTS)),
        len(lines),
    )
    footer = min(footer, _comment_thread(lines, first))
    body = [
        line.text
        for i, (line, chosen) in enumerate(zip(lines, keep, strict=True))
        if chosen
        and i < footer
        and line.kind not in _NEVER_BODY
        and line.text != title
        and not _is_link_line(line.text)
    ]
    captions = [line.text for i, line in enumerate(lines) if line.kind == "caption" and i != title_at]
    captions += [
        line.text
        for i, line in enumerate(lines[:first])
        if line.kind == "short" and title_at is not None and i > title_at and line.text != title and not keep[i]
    ]
    credit = _credit_line(texts[: first + 1])
    headline = page_headline(page)
    # Past the last line kept as body, a copyright line without a year names the outlet (`outlet_named`).
    past_article = max((i + 1 for i, chosen in enumerate(keep) if chosen and i < footer), default=first)
    kept = {*body, *captions, title, headline}
    dated = _published(lines) or date_by_body(lines, keep, first, footer)
    return PageParts(
        body=_without_restatements(body),
        title=headline,
        captions=captions,
        byline=_byline(lines) or credit.byline,
        published=dated or credit.published,
        outlet=outlet_named(texts, past_article) or credit.outlet,
        removed=[text for text in texts if text not in kept],
        title_from="the page's title line" if headline else None,
        published_from="a date line of the page" if dated else "the credit line above the body",
    )


@dataclass(frozen=True, slots=True)
class Credit:
    """What a credit line above the body gives: "By Anna Petrov | Valley Herald | 14 May 2025"."""

    byline: str | None = None
    outlet: str | None = None
    published: str | None = None


# Fields of a credit line: "|", "·", "•" or a dash set off by spaces.
_CREDIT_SEPARATOR = re.compile(r"\s+[|·•—–]\s+|\s*\|\s*")
# "North Post staff", "Staff of the North Post": the outlet's own newsroom as the byline.
_STAFF = re.compile(
    r"^(?:(?P<before>.+?)\s+(?:staff|newsroom|news desk)|(?:staff|newsroom) of (?:the )?(?P<after>.+))$", re.I
)
# An outlet's name: one to six words, each capitalised or a joining word.
_OUTLET_NAME = re.compile(r"^(?:The\s+)?[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and|&|on|de|du|la|le)){0,5}$")


def _credit_line(head: Sequence[str]) -> Credit:
    """The first short line above the body that splits into fields one of which is a date or a byline, read as
    byline, outlet and date; a menu line ("Home | World | Sport") has neither, so it gives nothing."""
    for text in head:
        if len(text) > 160:
            continue
        fields = [f.strip() for f in _CREDIT_SEPARATOR.split(text) if f.strip()]
        if len(fields) < 2:
            continue
        byline = outlet = published = None
        for part in fields:
            if published is None and (day := parse_dateline(part)) is not None:
                published = day
            elif byline is None and (match := debris.BYLINE.match(part)):
                byline = match.group("name").strip()
            elif byline is None and (staff := _STAFF.match(part)):
                byline, outlet = part, outlet or (staff.group("before") or staff.group("after")).strip()
            elif outlet is None and _OUTLET_NAME.match(part):
                outlet = part
        if byline is not None or published is not None:
            return Credit(byline=byline, outlet=outlet, published=published)
    return Credit()


# A comment thread: this many comment markers ("2 days ago at 07:52 am", "jbaxt says:") within so many lines.
_THREAD_MARKERS, _THREAD_SPAN = 3, 15


def _comment_thread(lines: Sequence[Line], first: int) -> int:
    """Where a reader-comment thread starts after the tail that follows the body (len(lines) when none does).

    Only after a tail line ("Related", "Comments"): a live blog's time stamps inside the article are no thread.
    """
    tail = next((i for i in range(first + 1, len(lines)) if lines[i].kind == "tail"), len(lines))
    marks = [i for i in range(tail + 1, len(lines)) if is_comment_marker(lines[i].text)]
    for k in range(len(marks) - _THREAD_MARKERS + 1):
        if marks[k + _THREAD_MARKERS - 1] - marks[k] <= _THREAD_SPAN:
            return marks[k]
    return len(lines)


def _without_restatements(body: list[str]) -> list[str]:
    """The body without a second copy of a paragraph, nor a line that only strings shorter paragraphs together
    (pages carry the whole article again as one line of metadata or a print version)."""
    unique = list(dict.fromkeys(body))
    shingles = [_shingles(line) for line in unique]
    shortest: dict[tuple[str, ...], int] = {}
    for line, own in zip(unique, shingles, strict=True):
        for shingle in own:
            shortest[shingle] = min(shortest.get(shingle, len(line)), len(line))
    return [
        line
        for line, own in zip(unique, shingles, strict=True)
        if len(own) < _RESTATED_MIN or sum(shortest[s] < len(line) for s in own) < _RESTATED_SHARE * len(own)
    ]


# A line restates others when it has this many word 4-grams and this share of them stand in shorter lines.
_RESTATED_MIN = 8
_RESTATED_SHARE = 0.8


def _shingles(line: str) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORDS.findall(line)]
    return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}


def _is_link_line(line: str) -> bool:
    return line.startswith(("http://", "https://", "www."))


def _byline(lines: list[Line]) -> str | None:
    for line in lines:
        if line.kind == "byline" and (match := debris.BYLINE.match(line.text)):
            return match.group("name").strip()
    return None


def _published(lines: list[Line]) -> str | None:
    for line in lines:
        if line.kind == "meta" and (found := parse_dateline(line.text)):
            return found
    return None
