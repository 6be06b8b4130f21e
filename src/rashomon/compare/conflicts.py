"""Conflicts that matter, each saying what conflicts and who says what.

Steps: figure ranges (a figure's value read with its qualifier and unit as the span of amounts it allows, so "at
least 12" allows 19 and "nearly 2,000" allows 2,000), figure conflicts (figures of one statement whose ranges cannot
meet, grouped so each quantity is one conflict), date conflicts (one statement dated to different days), speaker
conflicts (one quote given to different people) and denials (one outlet denies what another asserts), then a short
description of each: "7 vs 8 people in the water (Harbor Ledger, Northsea Courant)".
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np

from rashomon.compare.framing import stem
from rashomon.compare.lexicon import (
    CONTEXT_CUTS,
    DENIAL_WORDS,
    FUNCTION_WORDS,
    LEADING_AUXILIARIES,
    NEGATIONS,
    PRE_NOMINAL_WORDS,
)
from rashomon.extract.lexicon.figure_words import (
    DAYS_PER_UNIT,
    FRACTION_UNIT,
    METRES_PER_UNIT,
    NAME_UNITS,
    PEOPLE_UNITS,
    QUALIFIER_BOUNDS,
)
from rashomon.model import (
    Conflict,
    ConflictSide,
    Figure,
    FigureAlignment,
    Quote,
    Sentence,
    Span,
    TimeExpr,
)
from rashomon.text.numbers import figure_number, range_text, written_as_range

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CLAUSE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[,;:]")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# How far an approximate amount ("about 40", "nearly 2,000") may lie from the number written.
_APPROXIMATE = 0.1


def quantity_kind(figure: Figure) -> tuple[str, float] | None:
    """What a figure measures and the factor to a common scale: durations in days, lengths in metres, shares in
    percent ("a third of staff" is 33.3 percent of them)."""
    unit = (figure.unit or "").lower()
    if unit in NAME_UNITS:
        return None  # "4G" and "5G" networks: names, no amounts to weigh
    if unit == FRACTION_UNIT:
        return "unit:percent", 100.0
    if unit in DAYS_PER_UNIT:
        return "duration", DAYS_PER_UNIT[unit]
    if unit in METRES_PER_UNIT:
        return "length", METRES_PER_UNIT[unit]
    if unit in PEOPLE_UNITS:
        return "people", 1.0
    return (f"unit:{unit}", 1.0) if unit else None


def figure_range(figure: Figure) -> tuple[float, float] | None:
    """The amounts a figure allows on its kind's common scale, its qualifier read ("more than 5": 5 and up);
    None when it gives no amount or measures nothing known."""
    kind = quantity_kind(figure)
    if kind is None:
        return None
    factor = kind[1]
    if figure.value is None:
        if figure.low is None or figure.high is None:
            return None
        low, high = figure.low * factor, figure.high * factor  # a range: "3–5 years", "dozens"
    else:
        low = high = figure.value * factor
    bound = QUALIFIER_BOUNDS.get(figure.qualifier or "", "=")
    if bound == ">":  # "more than 200–300": above its low end
        return low, math.inf
    if bound == "<":  # "up to 3–5": up to its high end
        return 0.0, high
    if bound == "~":
        return low * (1 - _APPROXIMATE), high * (1 + _APPROXIMATE)
    return low, high


def ranges_meet(a: Figure, b: Figure, tolerance: float) -> bool:
    """Whether two figures of one kind can be the same amount: their ranges overlap, exact values within the
    relative ``tolerance`` of each other."""
    kind_a, kind_b = quantity_kind(a), quantity_kind(b)
    left, right = figure_range(a), figure_range(b)
    if kind_a is None or kind_b is None or kind_a[0] != kind_b[0] or left is None or right is None:
        return False
    slack = tolerance * max(abs(left[0]), abs(right[0]), 1e-9) if math.isfinite(max(left[0], right[0])) else 0.0
    return left[0] <= right[1] + slack and right[0] <= left[1] + slack


@dataclass(frozen=True, slots=True, kw_only=True)
class ConflictContext:
    """What describing conflicts needs of a story: texts, outlet labels and where each sentence is."""

    texts: Mapping[str, str]
    labels: Mapping[str, str]
    sentences: Sequence[Sentence]
    sentence_at: Callable[[str, int], int | None]

    def sentence_span(self, article: str, char: int) -> Span | None:
        index = self.sentence_at(article, char)
        if index is None:
            return None
        sentence = self.sentences[index]
        return Span(article=sentence.article, start=sentence.start, end=sentence.end)

    def sentence_text(self, span: Span) -> str:
        return self.texts[span.article][span.start : span.end]

    def outlets(self, sides: Sequence[ConflictSide]) -> str:
        return ", ".join(dict.fromkeys(self.labels[side.article] for side in sides))


def figure_conflicts(
    figures: Sequence[Figure], alignments: Sequence[FigureAlignment], context: ConflictContext
) -> list[Conflict]:
    """One conflict per quantity: figures joined by conflicting links; a side per article (its first figure).
    Figures that agree with a side are left out: statements can join sentences of different quantities, and only
    the conflicting links are known to be about one."""
    by_id = {f.id: f for f in figures}
    parent: dict[str, str] = {}

    def root(figure: str) -> str:
        while parent.get(figure, figure) != figure:
            figure = parent[figure]
        return figure

    conflicting = [a for a in alignments if a.relation == "conflict"]
    for link in conflicting:
        parent.setdefault(link.figure, link.figure)
        parent.setdefault(link.other, link.other)
        parent[root(link.other)] = root(link.figure)
    groups: dict[str, list[Figure]] = defaultdict(list)
    for figure_id in parent:
        groups[root(figure_id)].append(by_id[figure_id])
    conflicts = []
    for members in groups.values():
        sides = _figure_sides(sorted(members, key=lambda f: (context.labels[f.article], f.start)), context)
        if len({side.says for side in sides}) > 1 and len(sides) > 1:
            conflicts.append(_figure_conflict(sides, members, context))
    return sorted(conflicts, key=lambda c: (c.sides[0].article, c.sides[0].span.start))


def _figure_sides(members: Sequence[Figure], context: ConflictContext) -> list[ConflictSide]:
    sides: dict[str, ConflictSide] = {}
    for figure in members:
        sentence = context.sentence_span(figure.article, figure.start)
        if sentence is None or figure.article in sides:
            continue
        sides[figure.article] = ConflictSide(
            article=figure.article,
            says=amount_text(figure, context.texts[figure.article][figure.start : figure.end]),
            span=Span(article=figure.article, start=figure.start, end=figure.end),
            sentence=sentence,
        )
    return list(sides.values())


def amount_text(figure: Figure, written: str = "") -> str:
    """A figure's amount as a reader compares it: "at least 12", "2,000", "1.5": no trailing ".0"; a range written
    in figures without one value (``written`` "about 10–20 people") by its ends, "about 10–20"; a vague amount by
    its words ("up to dozens")."""
    qualifier = figure.qualifier if figure.qualifier and QUALIFIER_BOUNDS.get(figure.qualifier) != "=" else None
    if figure.value is not None:
        number = figure_number(figure.value, figure.unit)
    elif figure.low is not None and figure.high is not None and written_as_range(written):
        number = range_text(figure.low, figure.high)
    else:  # "dozens": its bounds are a reading of the word, not the text's, so the words are given as written
        return _vague_words(figure, written) or (figure.qualifier or "").strip() or "an unstated number"
    return f"{qualifier} {number}" if qualifier else number


# The "of" before what a vague amount counts, not one inside the amount ("tens of thousands of homes").
_COUNTED_AFTER = re.compile(r"\s+of\s+(?!(?:hundreds|thousands|millions|billions|trillions)\b)")


def _vague_words(figure: Figure, written: str) -> str:
    """The words of a vague amount without what it counts: "Up to dozens of people" -> "up to dozens"."""
    words = _COUNTED_AFTER.split(written.lower(), maxsplit=1)[0]
    for noun in (figure.about, figure.unit):  # "several people": the counted noun comes straight after
        found = re.search(rf"\b{re.escape(noun.lower())}", words) if noun else None
        if found and found.start() > 0:
            words = words[: found.start()]
    return words.strip()


def _figure_conflict(sides: Sequence[ConflictSide], members: Sequence[Figure], context: ConflictContext) -> Conflict:
    first = next(f for f in members if f.article == sides[0].article)
    units = {(f.unit or "").lower() for f in members}
    amounts = " vs ".join(dict.fromkeys(side.says for side in sides))
    if len(units) == 1:
        noun = first.about or first.unit or ""
        if first.unit == FRACTION_UNIT:  # "1/3 vs 1/4 of voters", not "1/3 vs 1/4 voters" nor "... fraction"
            noun = f"of {first.about}" if first.about else ""
        what = f"{amounts} {noun}".strip()
    else:
        what = " vs ".join(dict.fromkeys(context.texts[f.article][f.start : f.end] for f in members))
    shared = shared_words(sides, context, after=[side.span.end for side in sides], skip=what.lower().split())
    if shared:
        what = f"{what} {shared}"
    return Conflict(kind="figure", what=what, text=f"{what} ({context.outlets(sides)})", sides=tuple(sides))


def shared_words(
    sides: Sequence[ConflictSide],
    context: ConflictContext,
    after: Sequence[int] | None = None,
    skip: Sequence[str] = (),
) -> str:
    """The longest run of words the sides' first two sentences share (after ``after`` offsets when given), cut to a
    short phrase: what both say the conflicting values are of ("in the water"); words in ``skip`` (the description
    so far) are not repeated at its start."""
    words = []
    for position, side in enumerate(sides[:2]):
        start = after[position] if after else side.sentence.start
        words.append(
            [
                (m.group(), m.group().lower())
                for m in _WORD.finditer(context.texts[side.article][start : side.sentence.end])
            ]
        )
    if len(words) < 2:
        return ""
    left, right = [w for _, w in words[0]], [w for _, w in words[1]]
    block = SequenceMatcher(a=left, b=right, autojunk=False).find_longest_match(0, len(left), 0, len(right))
    phrase = [word for word, _ in words[0][block.a : block.a + block.size]]
    while phrase and (phrase[0].lower() in LEADING_AUXILIARIES or phrase[0].lower() in skip):
        phrase = phrase[1:]
    cut = next((i for i, word in enumerate(phrase) if i >= 2 and word.lower() in CONTEXT_CUTS), len(phrase))
    phrase = phrase[: min(cut, 6)]
    while phrase and phrase[-1].lower() in PRE_NOMINAL_WORDS:
        phrase = phrase[:-1]
    return " ".join(phrase) if len(phrase) >= 2 else ""


def date_conflicts(
    statements: Iterable[Sequence[int]], times: Mapping[str, Sequence[TimeExpr]], context: ConflictContext
) -> list[Conflict]:
    """Statements whose articles date them to different days: each article's sentences there (one, or two in a
    row) give exactly one day, and no two articles agree."""
    conflicts = []
    for members in statements:
        sides = []
        by_article: dict[str, list[Sentence]] = {}
        for index in members:
            by_article.setdefault(context.sentences[index].article, []).append(context.sentences[index])
        for article, held in by_article.items():
            days = [
                (t, sentence)
                for sentence in held
                for t in times.get(article, ())
                if sentence.start <= t.start < sentence.end and _DAY.match(t.value)
            ]
            if len({t.value for t, _ in days}) != 1:
                break
            day, sentence = days[0]
            span = Span(article=sentence.article, start=sentence.start, end=sentence.end)
            text = context.texts[day.article][day.start : day.end]
            sides.append(
                ConflictSide(
                    article=day.article,
                    says=f"{text} ({day.value})" if text != day.value else text,
                    span=Span(article=day.article, start=day.start, end=day.end),
                    sentence=span,
                )
            )
        else:
            if len(sides) > 1 and len({side.says.rsplit("(", 1)[-1] for side in sides}) == len(sides):
                what = " vs ".join(side.says for side in sides)
                shared = shared_words(sides, context)
                what = f"{shared}: {what}" if shared else what
                conflicts.append(
                    Conflict(kind="date", what=what, text=f"{what} ({context.outlets(sides)})", sides=tuple(sides))
                )
    return conflicts


def speaker_conflicts(
    quotes: Sequence[Quote],
    speakers: Sequence[frozenset[str]],
    similarity: np.ndarray,
    context: ConflictContext,
    *,
    threshold: float,
) -> list[Conflict]:
    """Quotes in different articles with nearly the same words (``similarity`` at least ``threshold``) given to
    different speakers (``speakers``: the identities each quote is given to; sharing one is no conflict). A quote
    is in one conflict with each other article at most, its closest there: one passage an outlet quotes whole and
    another in two pieces is one conflict, not two."""
    conflicts: list[tuple[int, int, Conflict]] = []
    pairs = zip(*np.nonzero(np.triu(similarity >= threshold, k=1)), strict=True)
    paired: set[tuple[int, str]] = set()
    for i, j in sorted(((int(i), int(j)) for i, j in pairs), key=lambda pair: (-float(similarity[pair]), pair)):
        quote, other = quotes[i], quotes[j]
        if other.article == quote.article or speakers[i] & speakers[j]:
            continue
        if (i, other.article) in paired or (j, quote.article) in paired:
            continue
        paired.update({(i, other.article), (j, quote.article)})
        sides = []
        for q in (quote, other):
            span = Span(article=q.article, start=q.start, end=q.end)
            sentence = context.sentence_span(q.article, q.start) or span
            sides.append(ConflictSide(article=q.article, says=q.speaker or "", span=span, sentence=sentence))
        words = context.texts[quote.article][quote.start : quote.end].split()
        excerpt = " ".join(words[:8]) + (" ..." if len(words) > 8 else "")
        what = f"who said “{excerpt}”: {quote.speaker} vs {other.speaker}"
        conflict = Conflict(kind="speaker", what=what, text=f"{what} ({context.outlets(sides)})", sides=tuple(sides))
        conflicts.append((i, j, conflict))
    return [conflict for _, _, conflict in sorted(conflicts, key=lambda found: found[:2])]


def _denied_claim(text: str) -> list[str] | None:
    """The content words of the clause after a sentence's denial word ("denied that its train had been speeding
    when it ...": train, speeding), None when it has none."""
    words = [w.lower() for w in _CLAUSE_WORD.findall(text)]
    at = next((i for i, w in enumerate(words) if w in DENIAL_WORDS), None)
    if at is None:
        return None
    clause = words[at + 1 :]
    end = next((i for i, w in enumerate(clause) if w in CONTEXT_CUTS and i > 0), len(clause))
    return [stem(w) for w in clause[:end] if w not in FUNCTION_WORDS and len(w) > 2]


def _negated(text: str) -> bool:
    return any(w.lower() in NEGATIONS or w.lower().endswith(("n't", "n’t")) for w in _WORD.findall(text))


def _denying(first: str, second: str, close: bool) -> int | None:
    """Which of two sentences of one statement (0 or 1) denies the other: a denial word whose claim the other
    states (half its content words, at least two), or, in sentences ``close`` to each other, a negation the other
    lacks."""
    for position, (this, other) in enumerate(((first, second), (second, first))):
        claim = _denied_claim(this)
        if claim and _denied_claim(other) is None:
            stated = {stem(w.lower()) for w in _WORD.findall(other)}
            shared = sum(word in stated for word in claim)
            if shared >= 2 and shared >= len(claim) / 2:
                return position
    if close and _negated(first) != _negated(second):
        return 0 if _negated(first) else 1
    return None


def denials(
    statements: Iterable[Sequence[int]],
    closeness: Callable[[int, int], float],
    context: ConflictContext,
    *,
    threshold: float,
) -> list[Conflict]:
    """Statements where one article denies what another asserts (`_denying`; ``closeness`` of two sentences at
    least ``threshold`` for a bare negation); one conflict per statement."""
    conflicts = []
    for members in statements:
        text = {k: context.sentence_text(_span(context.sentences[k])) for k in members}
        pairs = (
            (i, j)
            for position, i in enumerate(members)
            for j in members[position + 1 :]
            if context.sentences[i].article != context.sentences[j].article
        )
        found = next(
            (
                (i, j) if which == 0 else (j, i)
                for i, j in pairs
                if (which := _denying(text[i], text[j], closeness(i, j) >= threshold)) is not None
            ),
            None,
        )
        if found is None:
            continue
        denying, asserting = found
        sides = tuple(
            ConflictSide(
                article=context.sentences[k].article,
                says="denies" if k == denying else "asserts",
                span=_span(context.sentences[k]),
                sentence=_span(context.sentences[k]),
            )
            for k in (asserting, denying)
        )
        what = f"{context.labels[sides[1].article]} denies what {context.labels[sides[0].article]} reports"
        shared = shared_words(sides, context)
        what = f"{what}: {shared}" if shared else what
        conflicts.append(Conflict(kind="denial", what=what, text=f"{what} ({context.outlets(sides)})", sides=sides))
    return conflicts


def _span(sentence: Sentence) -> Span:
    return Span(article=sentence.article, start=sentence.start, end=sentence.end)
