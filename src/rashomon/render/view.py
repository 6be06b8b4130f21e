"""A reader's view of the dossier, shared by the HTML and Markdown reports.

Per story, in reading order: where outlets conflict, what several report, quotes rendered differently, figures across
outlets, the timeline, each outlet's framing, the story's entities, its outlets, what one outlet alone reports, and the
articles side by side, each body cut into the sentences the items above cite, so every item links to its sentence.
Stories come most outlets first (`largest_first`), so a big run opens on the events many outlets covered, not on
one-article stories.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TypeVar

from rashomon.dossier import (
    ArticleOut,
    ConflictSideOut,
    Dossier,
    FigureOut,
    NamingOut,
    QuoteOut,
    SpanRef,
    StatementOut,
    StoryOut,
)
from rashomon.render.selection import largest_first
from rashomon.text.calendar import MONTH_NAMES
from rashomon.text.numbers import FRACTION_UNIT, figure_number, range_text, written_as_range
from rashomon.text.words import WORD_RUN

_Item = TypeVar("_Item", QuoteOut, FigureOut)
_RANK = {None: 0, "single-source": 1, "corroborated": 2, "conflicting": 3}  # the colour a shared sentence takes


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    start: int
    anchor: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class Column:
    article: ArticleOut
    label: str
    anchor: str
    segments: list[Segment]


@dataclass(frozen=True, slots=True)
class Source:
    """An outlet and the id of the sentence an item comes from (None when the sentence could not be placed)."""

    label: str
    anchor: str | None


@dataclass(frozen=True, slots=True)
class Fact:
    """A statement and its sources; ``before`` and ``after`` are the rest of its sentence when it is one clause of
    a sentence joining two claims ("Police closed the lanes and" + "told drivers to use the tunnels")."""

    text: str
    sources: list[Source]
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class Side:
    """One outlet's side of a conflict: what it says, in its sentence (``before`` + ``marked`` + ``after``)."""

    source: Source
    says: str
    before: str
    marked: str
    after: str


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str | None
    text: str
    sides: list[Side]


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    differs: bool


@dataclass(frozen=True, slots=True)
class Rendering:
    source: Source
    kind: str
    words: list[Word]


@dataclass(frozen=True, slots=True)
class Variant:
    speaker: str | None
    renderings: list[Rendering]


@dataclass(frozen=True, slots=True)
class QuoteRow:
    quote: QuoteOut
    source: Source
    shown: str  # the quote's words as the table shows them (`quote_words`)


@dataclass(frozen=True, slots=True)
class FigureRow:
    source: Source
    text: str
    number: str  # the amount alone, "" when vague
    value: str
    unit: str | None
    relations: list[str]


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Figures of several articles for one quantity: they agree, or some conflict."""

    what: str
    conflict: bool
    rows: list[FigureRow]


@dataclass(frozen=True, slots=True)
class Dated:
    when: str
    what: str
    sources: list[Source]
    background: bool = False


@dataclass(frozen=True, slots=True)
class Framing:
    label: str
    headline: str | None
    lede: Fact | None
    lede_status: str | None
    distinctive: list[str]
    names: list[NamingOut]
    omitted: list[Fact]
    relays: list[str]
    copy_of: str | None


@dataclass(frozen=True, slots=True)
class EntityRow:
    name: str
    type: str
    mentions: int
    outlets: list[str]

    @property
    def several(self) -> bool:
        return len(self.outlets) > 1


@dataclass(frozen=True, slots=True)
class Outlet:
    article: ArticleOut
    label: str
    column: str
    copy_of: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryView:
    story: StoryOut
    key: str  # the story's HTML id; its sections' ids start with it
    outlets: int
    conflicts: list[Conflict]
    shared: list[Fact]
    variants: list[Variant]
    quotes: list[QuoteRow]
    figure_groups: list[FigureGroup]
    figures: list[FigureRow]
    timeline: list[Dated]
    framing: list[Framing]
    entities: list[EntityRow]
    articles: list[Outlet]
    single_source: dict[str, list[Fact]]
    columns: list[Column]


def anchor(article: str, start: int) -> str:
    """The HTML id of a sentence: safe characters only, unique per article and offset."""
    return f"s-{_safe(article)}-{start}"


@lru_cache(maxsize=4096)
def _safe(article: str) -> str:
    # Asked for every cited sentence of every column: worked out once per article.
    return "".join(c if c.isalnum() else "-" for c in article)


def article_label(article: ArticleOut) -> str:
    return article.outlet or article.id


def figure_value(figure: FigureOut) -> str:
    """The amount as a reader says it: "at least 12", "≈ 1.6", "3–5", "vague (12–120)"; a change with its way:
    "up 5", "down by at least 12"; a share as a part of one, "1/3"."""
    way = f"{figure.direction} " if figure.direction else ""
    if figure.value is None:
        if figure.low is None or figure.high is None:
            return f"{way}vague"
        if not written_as_range(figure.text):  # "dozens": bounds read from a word
            return f"{way}vague ({range_text(figure.low, figure.high)})"
        qualifier = f"{figure.qualifier} " if figure.qualifier else ""
        return f"{way}{'by ' if way and qualifier else ''}{qualifier}{range_text(figure.low, figure.high)}"
    number = figure_number(figure.value, figure.unit)
    if figure.qualifier:  # "down by up to 5", not "down up to 5"
        return f"{way}{'by ' if way else ''}{figure.qualifier} {number}"
    return f"{way}≈ {number}" if figure.approx else f"{way}{number}"


def figure_unit(figure: FigureOut) -> str:
    """The unit as a reader reads it after the amount: a share by its whole ("1/3" "of Germans"), else the unit."""
    if figure.unit == FRACTION_UNIT:
        return f"of {figure.about}" if figure.about else "of a whole"
    return figure.unit or ""


def _uncovered_conflicting(story: StoryOut) -> list[StatementOut]:
    """Conflicting statements none of the story's conflicts explain (all of them in a dossier without conflicts)."""
    covered = {(side.sentence.article, side.sentence.start) for c in story.conflicts for side in c.sides}
    return [
        s
        for s in story.statements
        if s.status == "conflicting" and not any((src.article, src.start) in covered for src in s.sources)
    ]


def conflict_count(story: StoryOut) -> int:
    return len(story.conflicts) + len(_uncovered_conflicting(story))


# --- cutting bodies into cited sentences ---------------------------------------------------------------------------


def _cite(cited: dict[str, dict[int, tuple[int, str | None]]], span: SpanRef, status: str | None) -> None:
    """Note a sentence to anchor; one starting where another does keeps the longer end and the louder status."""
    end, known = cited[span.article].get(span.start, (span.end, None))
    cited[span.article][span.start] = (max(end, span.end), max(known, status, key=lambda s: _RANK.get(s, 0)))


def _cut(
    article: ArticleOut, cited: Mapping[int, tuple[int, str | None]], inner: Iterable[tuple[int, int]]
) -> list[Segment]:
    """The body as segments: the cited sentences (an overlapping one is left to the one before it), then the quotes
    and figures that lie in no cited sentence, and the text between them."""
    text = article.text
    kept: list[tuple[int, int, str | None]] = []
    for start in sorted(cited):
        end, status = cited[start]
        if start >= (kept[-1][1] if kept else 0) and start < end <= len(text):
            kept.append((start, end, status))
    starts = [k[0] for k in kept]
    for start, end in sorted(set(inner)):
        at = bisect_right(starts, start)
        free_from = kept[at - 1][1] if at else 0
        free_to = kept[at][0] if at < len(kept) else len(text)
        if free_from <= start < end <= free_to:
            kept.insert(at, (start, end, None))
            starts.insert(at, start)
    segments, at = [], 0
    for start, end, status in kept:
        if start > at:
            segments.append(Segment(text[at:start], at))
        segments.append(Segment(text[start:end], start, anchor(article.id, start), status))
        at = end
    if at < len(text):
        segments.append(Segment(text[at:], at))
    return segments


class _Links:
    """Where an item's sentence is: the anchored segment holding an offset of an article."""

    def __init__(self, columns: Sequence[Column], labels: Mapping[str, str]) -> None:
        self.labels = labels
        self._segments = {c.article.id: [s for s in c.segments if s.anchor] for c in columns}
        self._starts = {article: [s.start for s in segments] for article, segments in self._segments.items()}

    def source(self, article: str, offset: int) -> Source:
        label = self.labels.get(article, article)
        segments = self._segments.get(article, [])
        at = bisect_right(self._starts.get(article, []), offset) - 1
        if at >= 0 and offset < segments[at].start + len(segments[at].text):
            return Source(label, segments[at].anchor)
        return Source(label, None)


# --- the story's parts ----------------------------------------------------------------------------------------------


def _side(side: ConflictSideOut, texts: Mapping[str, str], links: _Links) -> Side:
    text, sentence, span = texts.get(side.article, ""), side.sentence, side.span
    source = links.source(side.article, sentence.start)
    if sentence.start <= span.start <= span.end <= sentence.end:
        return Side(
            source,
            side.says,
            text[sentence.start : span.start],
            text[span.start : span.end],
            text[span.end : sentence.end],
        )
    return Side(source, side.says, text[sentence.start : sentence.end], "", "")


def _conflicts(story: StoryOut, texts: Mapping[str, str], links: _Links) -> list[Conflict]:
    found = [Conflict(c.kind, c.text, [_side(side, texts, links) for side in c.sides]) for c in story.conflicts]
    for statement in _uncovered_conflicting(story):
        outlets = ", ".join(dict.fromkeys(links.labels.get(s.article, s.article) for s in statement.sources))
        sides = [
            Side(links.source(s.article, s.start), "", texts.get(s.article, "")[s.start : s.end], "", "")
            for s in statement.sources
        ]
        found.append(Conflict(None, f"The figures differ ({outlets})", sides))
    return found


# What lies between two clauses of one sentence that the statements split ("near the bridge and told drivers").
_CLAUSE_JOIN = re.compile(r"\s*,?\s*(?:(?:and|but)\b|;)\s*")


class _Clauses:
    """The statement spans of each article in order, to give a clause the rest of its sentence."""

    def __init__(self, story: StoryOut, texts: Mapping[str, str]) -> None:
        self.texts = texts
        spans: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for statement in story.statements:
            for source in statement.sources:
                spans[source.article].add((source.start, source.end))
        self._spans = {article: sorted(found) for article, found in spans.items()}

    def around(self, article: str, start: int, end: int) -> tuple[str, str]:
        """The sibling clauses joined to ``[start, end)`` by "and", "but" or a semicolon."""
        text, spans = self.texts.get(article, ""), self._spans.get(article, [])
        at = bisect_right(spans, (start, end)) - 1
        first, last = start, end
        k = at - 1
        while k >= 0 and spans[k][1] <= first and _CLAUSE_JOIN.fullmatch(text, spans[k][1], first):
            first, k = spans[k][0], k - 1
        k = at + 1
        while k < len(spans) and spans[k][0] >= last and _CLAUSE_JOIN.fullmatch(text, last, spans[k][0]):
            last, k = spans[k][1], k + 1
        return text[first:start], text[end:last]


# What is left out at the ends of a quote's pieces around its attribution: spaces, commas and quote marks.
_PIECE_EDGE = " \t\n,;:—–\"'“”‘’«»"
_OPENING_MARKS = frozenset('"“‘«')
_CLOSING_MARKS = frozenset("\"”’'»")
_BETWEEN_PIECES = frozenset(" \t\n,.;:—–")
# How far past the cue verb an attribution may run before its closing punctuation ("told reporters.").
_ATTRIBUTION_TAIL = 40


def quote_words(quote: QuoteOut, text: str) -> str:
    """A quote's words; where its own attribution interrupts it ("“A,” the mayor told reporters. “B.”", which
    PolNeAR marks one content of two pieces), the two pieces joined by an ellipsis, the attribution left out."""
    cue = quote.cue_span
    if cue is None or text[quote.start : quote.end] != quote.text or not quote.start < cue.start < quote.end:
        return quote.text
    said = quote.speaker_span
    first = min(cue.start, said.start) if said is not None and quote.start < said.start else cue.start
    last = max(cue.end, said.end) if said is not None and said.end < quote.end else cue.end
    # Only a quote closed before its attribution is two pieces: "Six people are feared dead" keeps its passive cue.
    if text[quote.start : first].rstrip(" \t\n,;:—–")[-1:] not in _CLOSING_MARKS:
        return quote.text
    # The second piece opens right after the attribution and its punctuation; the attribution may run a few words
    # past the cue verb ("told reporters. “B"): then it opens at the quote mark that ends them, if one is near.
    opening = last
    while opening < quote.end and text[opening] in _BETWEEN_PIECES:
        opening += 1
    if opening < quote.end and text[opening] not in _OPENING_MARKS:
        near = next((i for i in range(opening, min(quote.end, opening + _ATTRIBUTION_TAIL)) if text[i] in ".,;:"), None)
        if near is not None and near + 1 < quote.end and text[near + 1 :].lstrip()[:1] in _OPENING_MARKS:
            opening = near + 1
    before = text[quote.start : first].rstrip(_PIECE_EDGE)
    after = text[opening : quote.end].lstrip(_PIECE_EDGE + ".")
    if len(before) < 3 or len(after) < 3:
        return quote.text
    return f"{before} … {after}"


def _fact(statement: StatementOut, links: _Links, clauses: _Clauses) -> Fact:
    sources = [links.source(s.article, s.start) for s in statement.sources]
    first = statement.sources[0] if statement.sources else None
    if first is None or clauses.texts.get(first.article, "")[first.start : first.end] != statement.text:
        return Fact(statement.text, sources)
    before, after = clauses.around(first.article, first.start, first.end)
    return Fact(statement.text, sources, before, after)


def _single_source(story: StoryOut, links: _Links, order: Sequence[str], clauses: _Clauses) -> dict[str, list[Fact]]:
    """One outlet's facts under its name, outlets in column order."""
    grouped: dict[str, list[Fact]] = {label: [] for label in order}
    for statement in story.statements:
        if statement.status == "single-source" and statement.sources:
            fact = _fact(statement, links, clauses)
            grouped.setdefault(fact.sources[0].label, []).append(fact)
    return {label: facts for label, facts in grouped.items() if facts}


def _key(word: str) -> str:
    """A word as compared: case and punctuation ("Heroes," and "heroes") do not count as differences."""
    return "".join(WORD_RUN.findall(word.casefold()))


def _matched(words: Sequence[str], reference: Sequence[str]) -> tuple[set[int], set[int]]:
    """Positions of ``words`` and of ``reference`` that the other one also has, in order."""
    matcher = SequenceMatcher(a=[_key(w) for w in words], b=[_key(w) for w in reference], autojunk=False)
    mine: set[int] = set()
    theirs: set[int] = set()
    for block in matcher.get_matching_blocks():
        mine.update(range(block.a, block.a + block.size))
        theirs.update(range(block.b, block.b + block.size))
    return mine, theirs


def _runs(words: Sequence[str], differs: Sequence[bool]) -> list[Word]:
    """Neighbouring words that both differ, or both do not, as one run: "last night" is marked once."""
    runs: list[Word] = []
    for word, flag in zip(words, differs, strict=True):
        if runs and runs[-1].differs == flag:
            runs[-1] = Word(f"{runs[-1].text} {word}", flag)
        else:
            runs.append(Word(word, flag))
    return runs


def word_differences(texts: Sequence[str]) -> list[list[Word]]:
    """Each text as runs of words, marked where they differ: the first's where any other lacks them, the others'
    where the first lacks them."""
    if not texts:
        return []
    reference = texts[0].split()
    everywhere = set(range(len(reference)))
    others = []
    for text in texts[1:]:
        words = text.split()
        mine, theirs = _matched(words, reference)
        everywhere &= theirs
        others.append(_runs(words, [i not in mine for i in range(len(words))]))
    return [_runs(reference, [i not in everywhere for i in range(len(reference))]), *others]


def _variants(story: StoryOut, quotes: Mapping[str, QuoteOut], links: _Links) -> list[Variant]:
    variants = []
    for variant in story.quote_variants:
        found = [quotes[i] for i in variant.quotes if i in quotes]
        if len(found) < 2:
            continue
        words = word_differences([q.text for q in found])
        renderings = [
            Rendering(links.source(q.article, q.start), q.kind, marked) for q, marked in zip(found, words, strict=True)
        ]
        variants.append(Variant(variant.speaker, renderings))
    return variants


def _figure_row(figure: FigureOut, links: _Links) -> FigureRow:
    relations: list[str] = sorted({link.relation for link in figure.aligned_with})
    source = links.source(figure.article, figure.start)
    amount = figure_number(figure.value, figure.unit) if figure.value is not None else ""
    return FigureRow(source, figure.text, amount, figure_value(figure), figure_unit(figure), relations)


def _figure_groups(figures: Sequence[FigureOut], links: _Links) -> list[FigureGroup]:
    """Figures joined by agree or conflict links, where they come from two or more articles; conflicts first."""
    parent = {f.id: f.id for f in figures}

    def root(figure: str) -> str:
        while parent[figure] != figure:
            parent[figure] = parent[parent[figure]]
            figure = parent[figure]
        return figure

    conflicting = set()
    for figure in figures:
        for link in figure.aligned_with:
            if link.figure in parent and link.relation != "different-scope":
                parent[root(figure.id)] = root(link.figure)
                if link.relation == "conflict":
                    conflicting.add(figure.id)
    members: dict[str, list[FigureOut]] = defaultdict(list)
    for figure in figures:
        members[root(figure.id)].append(figure)
    groups = [
        FigureGroup(
            what=group[0].about or (group[0].unit if group[0].unit != FRACTION_UNIT else None) or group[0].text,
            conflict=any(f.id in conflicting for f in group),
            rows=[_figure_row(f, links) for f in group],
        )
        for group in members.values()
        if len({f.article for f in group}) > 1
    ]
    return sorted(groups, key=lambda g: (not g.conflict, -len(g.rows)))


def _timeline_sentences(story: StoryOut, texts: Mapping[str, str]) -> list[list[tuple[str, SpanRef | None]]]:
    """Per timeline entry, each source article and where in it the entry's sentence is (None if it is not found)."""
    placed: list[list[tuple[str, SpanRef | None]]] = []
    for entry in story.timeline:
        if len(entry.sentences) == len(entry.sources):
            placed.append([(s.article, s) for s in entry.sentences])
            continue
        spans: list[tuple[str, SpanRef | None]] = []
        for article in entry.sources:
            start = texts.get(article, "").find(entry.what) if entry.what else -1
            span = SpanRef(article=article, start=start, end=start + len(entry.what)) if start >= 0 else None
            spans.append((article, span))
        placed.append(spans)
    return placed


def _timeline(story: StoryOut, placed: Sequence[Sequence[tuple[str, SpanRef | None]]], links: _Links) -> list[Dated]:
    return [
        Dated(
            readable_when(entry.when),
            entry.what,
            [links.source(a, span.start) if span else Source(links.labels.get(a, a), None) for a, span in spans],
            entry.background,
        )
        for entry, spans in zip(story.timeline, placed, strict=True)
    ]


_SEASONS = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}
_MONTHS = {number: name for name, number in MONTH_NAMES.items()}
_DECADE = re.compile(r"(\d{3})X?")
_YEAR_PART = re.compile(r"(\d{4})-(SP|SU|FA|WI|\d{2})")


def readable_when(value: str) -> str:
    """A timeline value as a reader says it: "1970s" for the decade "197", "fall 2020" for "2020-FA", "March 2024"
    for "2024-03"; years and days stay as written (a day in ISO form sorts and reads the same everywhere)."""
    if decade := _DECADE.fullmatch(value):
        return f"{decade.group(1)}0s"
    if part := _YEAR_PART.fullmatch(value):
        year, code = part.groups()
        name = _SEASONS.get(code) or _MONTHS.get(int(code))
        return f"{name} {year}" if name else value
    return value


def _framing(story: StoryOut, texts: Mapping[str, str], links: _Links, clauses: _Clauses) -> list[Framing]:
    framings = []
    for framing in story.framing:
        lede = None
        if framing.lede:
            span = framing.lede
            lede = Fact(texts.get(span.article, "")[span.start : span.end], [links.source(span.article, span.start)])
        framings.append(
            Framing(
                label=links.labels.get(framing.article, framing.article),
                headline=framing.headline,
                lede=lede,
                lede_status=framing.lede_status,
                distinctive=framing.distinctive,
                names=framing.names,
                omitted=[
                    _fact(story.statements[i], links, clauses) for i in framing.omits if 0 <= i < len(story.statements)
                ],
                relays=framing.relays,
                copy_of=links.labels.get(framing.copy_of, framing.copy_of) if framing.copy_of else None,
            )
        )
    return framings


# --- the whole view -------------------------------------------------------------------------------------------------


def _by_article(items: Sequence[_Item]) -> dict[str, list[tuple[int, _Item]]]:
    grouped: dict[str, list[tuple[int, _Item]]] = defaultdict(list)
    for position, item in enumerate(items):
        grouped[item.article].append((position, item))
    return grouped


def _of(grouped: Mapping[str, list[tuple[int, _Item]]], members: Sequence[str]) -> list[_Item]:
    """The members' items in dossier order (by article, then position), without scanning every item per story."""
    found = [pair for member in dict.fromkeys(members) for pair in grouped.get(member, ())]
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


class _Index:
    """The dossier's items by article, built once for all its stories."""

    def __init__(self, dossier: Dossier) -> None:
        self.articles = {a.id: a for a in dossier.articles}
        self.quotes = _by_article(dossier.quotes)
        self.figures = _by_article(dossier.figures)
        self.entities = dossier.entities
        self.mentions: dict[str, Counter[int]] = defaultdict(Counter)
        for position, entity in enumerate(dossier.entities):
            for mention in entity.mentions:
                self.mentions[mention.article][position] += 1

    def entity_rows(self, members: Sequence[ArticleOut], labels: Mapping[str, str]) -> list[EntityRow]:
        """The story's entities, those named by most outlets first, then by mentions."""
        mentions: Counter[int] = Counter()
        outlets: dict[int, dict[str, None]] = defaultdict(dict)
        for article in members:
            for position, count in self.mentions.get(article.id, Counter()).items():
                mentions[position] += count
                outlets[position][labels[article.id]] = None
        rows = [
            EntityRow(self.entities[p].name, self.entities[p].type, count, list(outlets[p]))
            for p, count in mentions.items()
        ]
        return sorted(rows, key=lambda r: (-len(r.outlets), -r.mentions, r.name))


def _cited_sentences(
    story: StoryOut, placed: Sequence[Sequence[tuple[str, SpanRef | None]]]
) -> dict[str, dict[int, tuple[int, str | None]]]:
    cited: dict[str, dict[int, tuple[int, str | None]]] = defaultdict(dict)
    for statement in story.statements:
        for span in statement.sources:
            _cite(cited, span, statement.status)
    for conflict in story.conflicts:
        for side in conflict.sides:
            _cite(cited, side.sentence, "conflicting")
    for framing in story.framing:
        if framing.lede:
            _cite(cited, framing.lede, None)
    for spans in placed:
        for _, found in spans:
            if found:
                _cite(cited, found, None)
    return cited


def _story_view(story: StoryOut, index: _Index) -> StoryView:
    members = [index.articles[i] for i in story.articles if i in index.articles]
    labels = {a.id: article_label(a) for a in members}
    texts = {a.id: a.text for a in members}
    quotes, figures = _of(index.quotes, story.articles), _of(index.figures, story.articles)
    placed = _timeline_sentences(story, texts)
    cited = _cited_sentences(story, placed)
    inner: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for quote in quotes:
        inner[quote.article].append((quote.start, quote.end))
    for figure in figures:
        inner[figure.article].append((figure.start, figure.end))
    columns = [Column(a, labels[a.id], f"a-{_safe(a.id)}", _cut(a, cited.get(a.id, {}), inner[a.id])) for a in members]
    links = _Links(columns, labels)
    clauses = _Clauses(story, texts)
    order = list(dict.fromkeys(labels.values()))
    return StoryView(
        story=story,
        key=_safe(story.id),
        outlets=len(order),
        conflicts=_conflicts(story, texts, links),
        shared=[_fact(s, links, clauses) for s in story.statements if s.status == "corroborated"],
        variants=_variants(story, {q.id: q for q in quotes}, links),
        # Indirect speech nobody is said to hold ("Six people are feared dead") stays in the dossier, not here.
        quotes=[
            QuoteRow(q, links.source(q.article, q.start), quote_words(q, texts.get(q.article, "")))
            for q in quotes
            if q.speaker or q.kind != "indirect"
        ],
        figure_groups=_figure_groups(figures, links),
        figures=[_figure_row(f, links) for f in figures],
        timeline=_timeline(story, placed, links),
        framing=_framing(story, texts, links, clauses),
        entities=index.entity_rows(members, labels),
        articles=[
            Outlet(a, labels[a.id], c.anchor, labels.get(a.duplicate_of, a.duplicate_of) if a.duplicate_of else None)
            for a, c in zip(members, columns, strict=True)
        ],
        single_source=_single_source(story, links, order, clauses),
        columns=columns,
    )


def iter_story_views(dossier: Dossier) -> Iterator[StoryView]:
    """One view at a time, largest stories first, so a page per story never holds every view in memory."""
    index = _Index(dossier)
    for story in largest_first(dossier.stories, index.articles):
        yield _story_view(story, index)


def story_views(dossier: Dossier) -> list[StoryView]:
    return list(iter_story_views(dossier))


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryEntry:
    """A story's line in the index of a report with a page per story."""

    story: StoryOut
    date: str | None
    outlets: list[str]
    articles: int
    conflicts: int


def story_entries(dossier: Dossier) -> list[StoryEntry]:
    """Every story, largest first: its date (else its latest publication), outlets, size and conflicts."""
    articles = {a.id: a for a in dossier.articles}
    entries = []
    for story in largest_first(dossier.stories, articles):
        members = [articles[i] for i in story.articles if i in articles]
        published = [a.published[:10] for a in members if a.published]
        entries.append(
            StoryEntry(
                story=story,
                date=story.date or max(published, default=None),
                outlets=list(dict.fromkeys(article_label(a) for a in members)),
                articles=len(story.articles),
                conflicts=conflict_count(story),
            )
        )
    return entries
