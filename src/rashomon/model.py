"""Internal types passed between pipeline stages.

Every annotation is a half-open ``[start, end)`` range of ``str`` indices into ``Article.text``; the covered text
is derived (``text[start:end]``), never stored separately, so it cannot drift from the body it points into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from typing import Literal

QuoteKind = Literal["direct", "partial", "indirect"]
EntityType = Literal["PERSON", "ORG", "PLACE", "EVENT", "OTHER"]
FigureRelation = Literal["agree", "conflict", "different-scope"]
ConflictKind = Literal["figure", "date", "speaker", "denial"]
StatementStatus = Literal["corroborated", "single-source", "conflicting"]
InputKind = Literal["text", "html", "body"]

# A surrogate code point alone: JSON escapes ("\ud83d") and file names that are not UTF-8 put them in a str, and
# UTF-8 (the store, every report) cannot hold them.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so it can be written as UTF-8."""
    if text.isascii():
        return text
    # Encoding is the quick test: searching a page's text for the surrogate range took seven times as long.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text)
    return text


_LONGEST_REJECTION = 1000


def _make_encodable(instance: RawDocument | Rejected) -> None:
    for item in fields(instance):
        value = getattr(instance, item.name)
        if isinstance(value, str) and value is not (clean := encodable(value)):
            object.__setattr__(instance, item.name, clean)


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """One article as read from an input, before cleaning.

    ``kind`` says how ``content`` must be cleaned: ``text`` is flattened page text with debris, ``html`` a saved
    page, ``body`` an already clean body used verbatim. The metadata fields hold what the input gave explicitly;
    given values win over extracted ones.
    """

    id: str
    source: str
    kind: InputKind
    content: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None
    # When the input was fetched (a WARC record's date): the publication date only if the page states none.
    crawled: str | None = None
    language: str | None = None

    def __post_init__(self) -> None:
        _make_encodable(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rejected:
    """An input (file, line or record) that could not become an article, with a reason a user understands."""

    input: str
    reason: str

    def __post_init__(self) -> None:
        _make_encodable(self)
        # A reason quoting what it rejects (a 20 MB line) would be copied into the dossier, reports and terminal.
        for name in ("input", "reason"):
            value = getattr(self, name)
            if len(value) > _LONGEST_REJECTION:
                object.__setattr__(self, name, f"{value[:_LONGEST_REJECTION]}... ({len(value):,} characters)")


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A cleaned article. ``text`` is the clean body; every span of every stage points into it.

    ``published`` is an ISO 8601 date or date-time string as found (or inferred from the article's story when
    ``published_inferred`` is true).
    """

    id: str
    source: str
    text: str
    title: str | None = None
    published: str | None = None
    published_inferred: bool = False
    outlet: str | None = None
    byline: str | None = None
    url: str | None = None
    relays: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    # What cleaning removed as debris (page lines or blocks, in page order), and where each metadata value came from
    # ((field, where) pairs: "given with the input", "the page's markup", "the URL" ...). Not part of the content
    # hash: they describe the cleaning, not the article.
    removed: tuple[str, ...] = ()
    provenance: tuple[tuple[str, str], ...] = ()
    # ISO 639 code of the body's language (`language.article_language`); None when unknown.
    language: str | None = None

    def published_date(self) -> date | None:
        """The calendar date of publication (in the article's own offset), or None when unknown."""
        if not self.published:
            return None
        try:
            return datetime.fromisoformat(self.published).date()
        except ValueError:
            return None

    def published_instant(self) -> datetime | None:
        """The publication time as an aware UTC datetime (a bare date counts as its midnight UTC), for ordering."""
        if not self.published:
            return None
        try:
            moment = datetime.fromisoformat(self.published)
        except ValueError:
            return None
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A half-open character range ``[start, end)`` into one article's clean text."""

    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """One mention of a named thing in an article; ``label`` is our coarse entity type."""

    article: str
    start: int
    end: int
    label: EntityType
    # The name this mention stands for when the surface text is not a name ("he", "the Armenian prime minister").
    refers_to: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """One real-world thing across all articles: its canonical name, other spellings and every mention."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """Reported speech: its content span, the cue and speaker spans when found, and the speaker's name."""

    id: str
    article: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None
    speaker_span: Span | None = None
    cue_span: Span | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A number given in an article: value (None for vague amounts such as "dozens" and for ranges written as one
    figure such as "3–5 years", which have ``low`` and ``high`` bounds instead), unit and qualifier."""

    id: str
    article: str
    start: int
    end: int
    value: float | None
    unit: str | None
    approx: bool
    qualifier: str | None = None
    about: str | None = None
    low: float | None = None
    high: float | None = None
    # What the figure is said of (the subject, owner or whole): "Ford" for "13,000 workers"; empty when the parse
    # names nothing (results stored before referents were found have none).
    referents: tuple[str, ...] = ()
    # "up" or "down" when the figure is the size of a change ("rose 5%", "down 68p"); None when the sentence states
    # no change of this amount (and in results stored before directions were found).
    direction: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeExpr:
    """A time expression and its TIMEX3 value, normalised against the article's publication date.

    Caption times are listed with the article's but never index its body: comparison and the timeline see only
    those with ``caption`` None.
    """

    article: str
    start: int
    end: int
    value: str
    # TIMEX3 type: DATE, TIME, DURATION or SET; None in extractions stored before types were recorded.
    type: Literal["DATE", "TIME", "DURATION", "SET"] | None = None
    # Index into `Article.captions` when written in a photo caption (offsets then into that caption); None: the body.
    caption: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """A sentence of an article's clean text."""

    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleAnnotations:
    """What the per-article extraction stages found in one article."""

    article: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    times: tuple[TimeExpr, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    """Articles that report one real-world event. ``date`` is the event date, not the latest publication."""

    id: str
    articles: tuple[str, ...]
    title: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Statement:
    """A claim found in one or more articles of a story, with every sentence that makes it."""

    text: str
    status: StatementStatus
    sources: tuple[Span, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureAlignment:
    figure: str
    other: str
    relation: FigureRelation


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEntry:
    """A dated happening: its TIMEX3 value, the sentence that dates it, the articles that give it (and the sentence
    in each, in the same order); ``background`` when it lies well before the story's event."""

    when: str
    what: str
    sources: tuple[str, ...]
    sentences: tuple[Span, ...] = ()
    background: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ConflictSide:
    """One article's side of a conflict: what it gives (``says``), where (``span``) and in which sentence."""

    article: str
    says: str
    span: Span
    sentence: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    kind: ConflictKind
    what: str
    text: str
    sides: tuple[ConflictSide, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteVariant:
    speaker: str | None
    quotes: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Naming:
    entity: str
    name: str
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Framing:
    """How one original article frames its story (see `dossier.FramingOut`)."""

    article: str
    headline: str | None
    lede: Span | None
    lede_status: StatementStatus | None
    distinctive: tuple[str, ...] = ()
    names: tuple[Naming, ...] = ()
    omits: tuple[int, ...] = ()
    relays: tuple[str, ...] = ()
    copy_of: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryComparison:
    """The cross-source comparison of one story."""

    story: str
    summary: str | None
    statements: tuple[Statement, ...]
    timeline: tuple[TimelineEntry, ...]
    quote_alignments: tuple[tuple[str, str], ...] = ()
    figure_alignments: tuple[FigureAlignment, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    quote_variants: tuple[QuoteVariant, ...] = ()
    framing: tuple[Framing, ...] = ()


def describe_input(source: str, article_id: str) -> str:
    """How to name one article's input in a message: the file, plus the record id when the file holds several."""
    return source if source.endswith(article_id) else f"{source} ({article_id})"


@dataclass(slots=True)
class StageStats:
    """What one stage did: items in and out, drops by reason, and wall-clock seconds."""

    name: str
    items_in: int = 0
    items_out: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
