"""One article's extraction, step by step, each step behind its own boundary.

An `Article` and its parse go in; `ArticleExtraction` comes out: the annotations (sentences, mentions, quotes,
figures, times of the body and of photo captions), the story facts that grouping compares, and the issues of steps
that failed. A step that raises leaves its part empty and names itself and the error in ``issues``; the other steps
still run, so one odd article costs only what broke.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar

from rashomon.extract import entities, figures, metonymy, nlp, quote_marks, quotes, times
from rashomon.model import Article, ArticleAnnotations, Figure, Mention, Quote, Sentence, Span, TimeExpr
from rashomon.stories.cluster import StoryFacts, story_facts
from rashomon.text.names import name_key
from rashomon.text.spacing import OneSpaced

# Bumped whenever a change in extraction changes its results: stored extractions of another version are redone.
EXTRACTOR_VERSION = "36"
# Spans of time expressions are kept out of figures; relative ones ("Dec. 15") are found only with an anchor, so
# an undated article is read against a fixed day for that purpose alone.
_SPAN_ANCHOR = date(2000, 1, 1)

T = TypeVar("T")
Spanned = TypeVar("Spanned", Sentence, Mention, Quote, Figure, TimeExpr, Span)


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleExtraction:
    """What the per-article steps found in one article; ``issues`` maps a failed step to its error."""

    annotations: ArticleAnnotations
    # Mentions that are not names ("he", "the prime minister") tied by speaker resolution to the name they stand for.
    references: tuple[Mention, ...] = ()
    facts: StoryFacts = field(default_factory=StoryFacts)
    issues: dict[str, str] = field(default_factory=dict)


def _guarded(issues: dict[str, str], step: str, default: T, work: Callable[[], T]) -> T:
    try:
        return work()
    except Exception as error:  # the per-article, per-step boundary: one failure empties that step only
        issues[step] = f"{type(error).__name__}: {error}"
        return default


def entity_keys(found: tuple[Mention, ...], references: tuple[Mention, ...], text: str) -> frozenset[str]:
    """Name keys of the things an article mentions, short person names read as the article's full name for them."""
    surfaces = [text[m.start : m.end] for m in found] + [m.refers_to or "" for m in references]
    people = entities.PersonNames(text[m.start : m.end] for m in found if m.label == "PERSON")
    keys = {name_key(people.full(s) or s) for s in surfaces if s}
    return frozenset(k for k in keys if k)


def _quotes(
    doc: Any, article_id: str, found: tuple[Mention, ...], marked: list[tuple[int, int]] | None
) -> tuple[tuple[Quote, ...], tuple[Mention, ...]]:
    """Quotes with speakers, a capital speaking for its government given to the country ("Baku said")."""
    said, references = quotes.find_quotes(doc, article_id, found, marked)
    return metonymy.speakers_as_governments(said, found), references


def extract_article(article: Article, doc: Any, spacing: OneSpaced | None = None) -> ArticleExtraction:
    """Every per-article step on one parsed article, ``doc`` the parse of its text one-spaced (``spacing``, made
    here when not given), with every offset into the article's text as written."""
    spacing = spacing or OneSpaced(article.text)
    if nlp.text_of(doc) != spacing.text:
        raise ValueError(f"article {article.id!r} was parsed from another text than its one-spaced text")
    if not spacing.changed:
        return _extract(article, doc)
    return _written_offsets(_extract(replace(article, text=spacing.text), doc), spacing)


def _written_offsets(extracted: ArticleExtraction, spacing: OneSpaced) -> ArticleExtraction:
    """An extraction of the one-spaced text with its offsets into the text as written (caption times index their
    captions and stay)."""

    def moved(span: Spanned) -> Spanned:
        return replace(span, start=spacing.written(span.start), end=spacing.written_end(span.end))

    def moved_quote(quote: Quote) -> Quote:
        speaker, cue = quote.speaker_span, quote.cue_span
        return replace(moved(quote), speaker_span=speaker and moved(speaker), cue_span=cue and moved(cue))

    found = extracted.annotations
    return replace(
        extracted,
        annotations=replace(
            found,
            sentences=tuple(map(moved, found.sentences)),
            mentions=tuple(map(moved, found.mentions)),
            quotes=tuple(map(moved_quote, found.quotes)),
            figures=tuple(map(moved, found.figures)),
            times=tuple(t if t.caption is not None else moved(t) for t in found.times),
        ),
        references=tuple(map(moved, extracted.references)),
    )


def _extract(article: Article, doc: Any) -> ArticleExtraction:
    """Every per-article step on an article and the parse of its text."""
    issues: dict[str, str] = {}
    text, anchor = article.text, article.published_date()
    nothing: tuple[Any, ...] = ()
    # The quote marks, read by the quotes and the sentences, found once; should that fail, each of those steps
    # looks for them itself and fails under its own name.
    try:
        marked: list[tuple[int, int]] | None = quote_marks.quote_mark_spans(text)
    except Exception:
        marked = None
    found: tuple[Mention, ...] = _guarded(
        issues, "entities", nothing, lambda: metonymy.governments(doc, entities.find_mentions(doc, article.id))
    )
    quoted: tuple[tuple[Quote, ...], tuple[Mention, ...]] = _guarded(
        issues, "quotes", (nothing, nothing), lambda: _quotes(doc, article.id, found, marked)
    )
    dated: tuple[TimeExpr, ...] = _guarded(issues, "times", nothing, lambda: times.find_times(text, article.id, anchor))
    captioned: tuple[TimeExpr, ...] = _guarded(issues, "caption times", nothing, lambda: caption_times(article, anchor))
    spans: tuple[TimeExpr, ...] = (
        dated
        if anchor
        else _guarded(issues, "times", nothing, lambda: times.find_times(text, article.id, _SPAN_ANCHOR))
    )
    numbers: tuple[Figure, ...] = _guarded(
        issues, "figures", nothing, lambda: figures.find_figures(doc, article.id, [(t.start, t.end) for t in spans])
    )
    no_bounds: list[tuple[int, int]] = []
    bounds = _guarded(
        issues,
        "sentences",
        no_bounds,
        lambda: nlp.sentence_bounds(doc, quote_marks.quote_mark_spans(text) if marked is None else marked),
    )
    facts = _guarded(issues, "story facts", StoryFacts(), lambda: story_facts(doc, entity_keys(found, quoted[1], text)))
    return ArticleExtraction(
        annotations=ArticleAnnotations(
            article=article.id,
            sentences=tuple(Sentence(article=article.id, start=s, end=e) for s, e in bounds),
            mentions=found,
            quotes=quoted[0],
            figures=numbers,
            times=dated + captioned,
        ),
        references=quoted[1],
        facts=facts,
        issues=issues,
    )


def caption_times(article: Article, anchor: date | None) -> tuple[TimeExpr, ...]:
    """Time expressions of the article's photo captions, read like the body's, each with its caption's index and
    offsets into that caption."""
    return tuple(
        replace(found, caption=index)
        for index, caption in enumerate(article.captions)
        for found in times.find_times(caption, article.id, anchor)
    )


def body_times(found: Iterable[TimeExpr]) -> tuple[TimeExpr, ...]:
    """The times written in the body: the only ones whose offsets index the article's text."""
    return tuple(t for t in found if t.caption is None)


def unparsed(article: Article, error: BaseException) -> ArticleExtraction:
    """The extraction of an article the language model could not parse: empty, with the reason."""
    return ArticleExtraction(
        annotations=ArticleAnnotations(article=article.id), issues={"parse": f"{type(error).__name__}: {error}"}
    )


def extract_batch(model: nlp.LanguageModel, articles: Sequence[Article]) -> list[ArticleExtraction]:
    """Parse and extract a batch of articles. Should the model fail on the batch, each article is parsed alone,
    so only the one it cannot parse goes without its extraction."""
    spacings = [OneSpaced(a.text) for a in articles]
    try:
        docs: list[Any] | None = list(model(s.text for s in spacings))
    except Exception:  # which article broke the batch is found by parsing them one by one
        docs = None
    extracted = []
    for number, (article, spacing) in enumerate(zip(articles, spacings, strict=True)):
        if docs is not None:
            extracted.append(extract_article(article, docs[number], spacing))
            continue
        try:
            doc = next(iter(model([spacing.text])))
        except Exception as error:  # the per-article boundary of parsing
            extracted.append(unparsed(article, error))
            continue
        extracted.append(extract_article(article, doc, spacing))
    return extracted
