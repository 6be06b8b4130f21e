"""A hand-built story with every part of the report filled in, for the report's unit and browser tests."""

from __future__ import annotations

import re

from rashomon.dossier import (
    ArticleOut,
    ConflictOut,
    ConflictSideOut,
    Dossier,
    EntityOut,
    FigureLink,
    FigureOut,
    FramingOut,
    MentionOut,
    NamingOut,
    QuoteOut,
    QuoteVariantOut,
    SpanRef,
    StatementOut,
    StoryOut,
    TimelineOut,
)

SHIP = "A cargo ship hit the Key Bridge in Baltimore on Tuesday."
WIRE = f'{SHIP} Seven people were in the water, fire officials said. "Those people are heroes. Last night they saved lives," Governor Wes Moore said. Six workers are missing.'  # noqa: E501
LONG_URL = "https://example.com/" + "averylongpathwithoutanyplacetobreak" * 6  # wraps only where anything may
COURANT = f'{SHIP} Eight people were in the water, officials said. "These people are heroes. They saved lives last night," Governor Wes Moore said. The port handles 30000 vehicles a day. See {LONG_URL} for more.'  # noqa: E501
HEROES_WIRE = "Those people are heroes. Last night they saved lives,"
HEROES_COURANT = "These people are heroes. They saved lives last night,"


def _span(article: str, text: str, words: str) -> SpanRef:
    start = text.index(words)
    return SpanRef(article=article, start=start, end=start + len(words))


def _article(id: str, text: str, outlet: str, **fields: object) -> ArticleOut:
    values: dict[str, object] = {
        "id": id,
        "source": f"{id}.txt",
        "outlet": outlet,
        "title": f"{outlet}: bridge falls",
        "published": "2024-03-26",
        "published_inferred": False,
        "byline": None,
        "url": None,
        "text": text,
        "story": "story:bridge",
        "duplicate_of": None,
        "relays": [],
        "captions": [],
    }
    values.update(fields)
    return ArticleOut.model_validate(values)


def _quote(article: str, text: str, words: str) -> QuoteOut:
    span = _span(article, text, words)
    return QuoteOut(
        id=f"{article}:quote:{span.start}-{span.end}",
        article=article,
        speaker="Wes Moore",
        speaker_entity="person:moore",
        text=words,
        kind="direct",
        start=span.start,
        end=span.end,
        speaker_span=None,
        cue_span=None,
        aligned_with=[],
    )


def _figure(article: str, text: str, words: str, *, value: float, unit: str, links: list[FigureLink]) -> FigureOut:
    span = _span(article, text, words)
    return FigureOut(
        id=f"{article}:figure:{span.start}-{span.end}",
        article=article,
        text=words,
        value=value,
        unit=unit,
        approx=False,
        qualifier=None,
        about=words.rsplit(maxsplit=1)[-1],
        start=span.start,
        end=span.end,
        aligned_with=links,
    )


def _conflict(figure: str) -> FigureLink:
    return FigureLink(figure=figure, relation="conflict")


def _mentions(name: str, *texts: tuple[str, str]) -> list[MentionOut]:
    found = []
    for article, text in texts:
        found += [MentionOut(article=article, start=m.start(), end=m.end()) for m in re.finditer(name, text)]
    return found


def full_story() -> Dossier:
    """One story of three articles (a wire report, its syndicated copy, another outlet's report) with every part
    filled: a conflict, shared and single-source facts, a quote variant, figures, a timeline entry, framing, entities;
    one body ends on a long URL."""
    seven_span, eight_span = _span("wire", WIRE, "Seven people"), _span("courant", COURANT, "Eight people")
    seven, eight = (
        f"wire:figure:{seven_span.start}-{seven_span.end}",
        f"courant:figure:{eight_span.start}-{eight_span.end}",
    )
    seven_said = _span("wire", WIRE, "Seven people were in the water, fire officials said.")
    eight_said = _span("courant", COURANT, "Eight people were in the water, officials said.")
    statements = [
        StatementOut(
            text=SHIP,
            status="corroborated",
            sources=[_span("wire", WIRE, SHIP), _span("copy", WIRE, SHIP), _span("courant", COURANT, SHIP)],
        ),
        StatementOut(
            text=WIRE[seven_said.start : seven_said.end], status="conflicting", sources=[seven_said, eight_said]
        ),
        StatementOut(
            text="Six workers are missing.",
            status="corroborated",
            sources=[_span("wire", WIRE, "Six workers are missing."), _span("copy", WIRE, "Six workers are missing.")],
        ),
        StatementOut(
            text="The port handles 30000 vehicles a day.",
            status="single-source",
            sources=[_span("courant", COURANT, "The port handles 30000 vehicles a day.")],
        ),
    ]
    conflict = ConflictOut(
        kind="figure",
        what="7 vs 8 people in the water",
        text="7 vs 8 people in the water (Continental Wire, Northsea Courant)",
        sides=[
            ConflictSideOut(article="wire", says="7", span=seven_span, sentence=seven_said),
            ConflictSideOut(article="courant", says="8", span=eight_span, sentence=eight_said),
        ],
    )
    quotes = [_quote("wire", WIRE, HEROES_WIRE), _quote("courant", COURANT, HEROES_COURANT)]
    framing = [
        FramingOut(
            article="wire",
            headline="Continental Wire: bridge falls",
            lede=_span("wire", WIRE, SHIP),
            lede_status="corroborated",
            distinctive=["fire"],
            names=[NamingOut(entity="person:moore", name="Wes Moore", words=["the governor"])],
            omits=[],
            relays=[],
            copy_of=None,
        ),
        FramingOut(
            article="courant",
            headline="Northsea Courant: bridge falls",
            lede=_span("courant", COURANT, SHIP),
            lede_status="corroborated",
            distinctive=["port"],
            names=[],
            omits=[2],
            relays=[],
            copy_of=None,
        ),
    ]
    story = StoryOut(
        id="story:bridge",
        title="Key Bridge falls",
        articles=["wire", "copy", "courant"],
        date="2024-03-26",
        summary=SHIP,
        statements=statements,
        timeline=[TimelineOut(when="2024-03-26", what=SHIP, sources=["wire", "courant"])],
        conflicts=[conflict],
        quote_variants=[QuoteVariantOut(speaker="Wes Moore", quotes=[q.id for q in quotes])],
        framing=framing,
    )
    return Dossier(
        schema_version="1",
        articles=[
            _article("wire", WIRE, "Continental Wire"),
            _article("copy", WIRE, "Prairie Courier", duplicate_of="wire", relays=["Continental Wire"]),
            _article("courant", COURANT, "Northsea Courant", published_inferred=True),
        ],
        rejected=[],
        stories=[story],
        entities=[
            EntityOut(
                id="person:moore",
                name="Wes Moore",
                type="PERSON",
                aliases=[],
                mentions=_mentions("Wes Moore", ("wire", WIRE), ("courant", COURANT)),
            ),
            EntityOut(
                id="place:baltimore",
                name="Baltimore",
                type="PLACE",
                aliases=[],
                mentions=_mentions("Baltimore", ("wire", WIRE), ("copy", WIRE), ("courant", COURANT)),
            ),
            EntityOut(
                id="org:port", name="The port", type="ORG", aliases=[], mentions=_mentions("port", ("courant", COURANT))
            ),
        ],
        quotes=quotes,
        figures=[
            _figure("wire", WIRE, "Seven people", value=7, unit="person", links=[_conflict(eight)]),
            _figure("wire", WIRE, "Six workers", value=6, unit="worker", links=[]),
            _figure("courant", COURANT, "Eight people", value=8, unit="person", links=[_conflict(seven)]),
            _figure("courant", COURANT, "30000 vehicles", value=30000, unit="vehicle", links=[]),
        ],
        times=[],
    )
