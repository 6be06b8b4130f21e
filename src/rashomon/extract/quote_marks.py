"""Quote marks: the content ranges between paired marks (curly, straight, guillemets, doubled apostrophes, single
curly marks), never across a paragraph break, and as the attribution tagger reads them (a paragraph that opens a
quote and never closes it)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

_PAIRS = {"“": "”", "«": "»", "„": "“"}
_PAIR_PATTERNS = tuple(
    re.compile(re.escape(opening) + r"([^" + re.escape(closing) + r"\n]{1,1500})" + re.escape(closing))
    for opening, closing in _PAIRS.items()
)
_ANY_OPENING = re.compile(r"[“«„\"‘]|''")
_STRAIGHT = re.compile('"')
# Two apostrophes standing for a double quote mark, as some wire and archive texts print them: ''Yes,'' he said.
_DOUBLED = re.compile("(?<!')''(?!')")
_SINGLE_OPEN = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\[]))‘(?=\w)")
_SINGLE_CLOSE = re.compile(r"’(?=[\s.,;:!?)]|$)")
_PARAGRAPH = re.compile(r"[^\n]+")
EDGE_MARKS = " \t\n\"'“”‘’«»„"
TRAILING = EDGE_MARKS + ",;:"


def quote_mark_spans(text: str) -> list[tuple[int, int]]:
    """Content ranges between paired quote marks, and a quote left open for the next paragraph
    (`run_on_quote_spans`), never across a paragraph break."""
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        if _ANY_OPENING.search(paragraph.group()):
            spans.extend(_pairs_in(paragraph.group(), paragraph.start()))
    spans.extend(run_on_quote_spans(text))
    return sorted(set(spans))


_UNCLOSED = re.compile(r"^[“\"]([^”\"\n]+)$")


def tagger_quote_spans(text: str, marked: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Quote-mark spans as the tagger reads them: also a paragraph that opens a quote and never closes it, as news
    style leaves the mark out when the quote runs on into the next paragraph. ``marked``: the text's
    `quote_mark_spans`, when already found."""
    spans = quote_mark_spans(text) if marked is None else list(marked)
    for paragraph in _PARAGRAPH.finditer(text):
        unclosed = _UNCLOSED.match(paragraph.group().strip())
        if unclosed:
            start = paragraph.start() + paragraph.group().index(unclosed.group(1))
            spans.append((start, start + len(unclosed.group(1))))
    return sorted(spans)


def run_on_quote_spans(text: str) -> list[tuple[int, int]]:
    """The words of a quote still open where its paragraph ends, when the next paragraph opens with a quote mark:
    news style leaves the closing mark out when a quote runs on ("... Selig said. "John McHale served the game." with
    the next paragraph opening "He will be missed ...")."""
    spans: list[tuple[int, int]] = []
    paragraphs = list(_PARAGRAPH.finditer(text))
    for paragraph, following in itertools.pairwise(paragraphs):
        if following.group().lstrip()[:1] not in ('"', "“"):
            continue
        _, left_open = _scan_double_marks(paragraph.group())
        if left_open is None:
            continue
        words = paragraph.group()[left_open:]
        # A mark inside the words left open is a pair printed the wrong way round ("fascist?“ he asked."), no run-on.
        if words.strip() and not _DOUBLE_MARK.search(words):
            spans.append((paragraph.start() + left_open, paragraph.end()))
    return spans


def _pairs_in(par: str, offset: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    straight = [m.start() for m in _STRAIGHT.finditer(par)]
    if straight and (len(straight) % 2 or "“" in par):
        # Straight marks mixed with curly ones (“...," he said) or one left open: each mark read by the side its
        # words are on, not paired in turn.
        found.extend((offset + a, offset + b) for a, b in _pairs_by_side(par))
        patterns = [p for p in _PAIR_PATTERNS if not p.pattern.startswith("“")]
    else:
        found.extend((offset + a + 1, offset + b) for a, b in zip(straight[::2], straight[1::2], strict=False))
        patterns = list(_PAIR_PATTERNS)
    for pattern in patterns:
        found.extend((offset + match.start(1), offset + match.end(1)) for match in pattern.finditer(par))
    doubled = [m.start() for m in _DOUBLED.finditer(par)]
    found.extend((offset + a + 2, offset + b) for a, b in zip(doubled[::2], doubled[1::2], strict=False))
    for match in _SINGLE_OPEN.finditer(par):
        close = _SINGLE_CLOSE.search(par, match.end())
        if close and close.start() - match.end() < 400:
            found.append((offset + match.end(), offset + close.start()))
    return [(a, b) for a, b in found if b - a >= 2]


_DOUBLE_MARK = re.compile('[“”"]')


def _pairs_by_side(par: str) -> list[tuple[int, int]]:
    """Content ranges between double quote marks, curly or straight, a straight mark opening when words follow it
    and none touch it before (`"like candy."`), closing when words come just before it; an opening mark waits
    for the next closing one."""
    return _scan_double_marks(par)[0]


def _scan_double_marks(par: str) -> tuple[list[tuple[int, int]], int | None]:
    """`_pairs_by_side`'s pairs, and where a quote still open at the paragraph's end begins (None if none is)."""
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _DOUBLE_MARK.finditer(par):
        at, mark = match.start(), match.group()
        before, after = par[at - 1 : at], par[at + 1 : at + 2]
        if mark == '"' and before.isdigit():
            continue  # inches ("a 5" rule", "6'2"): no quote mark
        opening = mark == "“" or (mark == '"' and (not before or before in " \t([{—–-/") and after.strip() != "")
        if opening:
            opened = at + 1 if opened is None else opened
        elif opened is not None and (mark == "”" or before.strip()):
            pairs.append((opened, at))
            opened = None
    return pairs, opened


# Double marks a content may hold one of without the other: opening -> closing ("„" closes with "“" in German
# style, so it is left out: its closing mark is another pair's opening one).
_BALANCED = {"“": "”", "«": "»"}
# What may stand between a content's last word and a closing mark it left out ("deplorables.”").
_BEFORE_CLOSING = ".,;:!?"


def with_balanced_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A content widened to the quote mark it holds only one of: the opening mark just before it when it holds a
    closing one alone (“catastrophic” consequences), the closing mark just after it when it holds an opening one
    alone (supporters “deplorables.”), so no reader sees half a pair. Only marks right at its edges are taken, and
    a straight mark only where it can close or open there: an inch mark ("6'2\"") is no quote mark, and the next
    quote's opening mark is not this one's closing mark."""
    body = text[start:end]
    for opening, closing in (*_BALANCED.items(), ('"', '"')):
        straight = opening == closing
        if straight:
            lone_closing = lone_opening = body.count(opening) % 2 == 1  # either, by where the partner stands
        else:
            lone_closing = body.count(closing) > body.count(opening)
            lone_opening = body.count(opening) > body.count(closing)
        before = start - 1
        if lone_closing and before >= 0 and text[before] == opening and (not straight or _opens(text, before)):
            return before, end
        after = end
        while after < len(text) and after - end < 2 and text[after] in _BEFORE_CLOSING:
            after += 1
        if lone_opening and after < len(text) and text[after] == closing and (not straight or _closes(text, after)):
            return start, after + 1
    return start, end


def _opens(text: str, at: int) -> bool:
    """Whether a straight mark at ``at`` can open a quote: nothing but space or a bracket before it."""
    return at == 0 or text[at - 1].isspace() or text[at - 1] in "([—–-"


def _closes(text: str, at: int) -> bool:
    """Whether a straight mark at ``at`` can close a quote: no word right after it."""
    return at + 1 >= len(text) or not text[at + 1].isalnum()
