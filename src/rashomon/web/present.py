"""Article content as the pages show it: inert (bidirectional overrides shown, links only to web pages) and an
article's body cut into pieces marked with the entities, quotes, figures and times that cover them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from rashomon.dossier import Dossier
from rashomon.render.view import figure_unit, figure_value

# Embeddings, overrides and isolates can make text read in another order than it is stored ("Trojan Source"); a page
# shows each as a visible mark instead. Plain direction marks (U+200E, U+200F, U+061C) are kept: right-to-left text
# needs them, and every element isolates its own direction.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
SHOWN_AS = "\ufffd"
WEB_SCHEMES = frozenset({"http", "https"})


def inert(value: Any) -> Any:
    """What the templates print, with bidirectional controls made visible (`jinja2.Environment.finalize`)."""
    if isinstance(value, Markup):  # such controls in markup come from the text it holds
        return Markup(BIDI_CONTROLS.sub(SHOWN_AS, str(value)))
    if isinstance(value, str):
        return BIDI_CONTROLS.sub(SHOWN_AS, value)
    return value


def web_link(url: str | None) -> str | None:
    """The URL when it is one to follow (http or https), else None: a ``javascript:`` or ``data:`` URL in an
    article's data is shown as text, never as a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in WEB_SCHEMES and not any(c.isspace() or ord(c) < 32 for c in url.strip()) else None


def path_part(value: str) -> str:
    """An id as one segment of a URL path."""
    return quote(value, safe="")


@dataclass(frozen=True, slots=True)
class Mark:
    """One annotation on a body: its kind, its span and what it links to or says."""

    kind: str  # entity, quote, figure or time
    start: int
    end: int
    note: str
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of body text and the annotations covering all of it; ``anchors`` start here."""

    text: str
    kinds: tuple[str, ...]
    notes: tuple[str, ...]
    entity: str | None
    anchors: tuple[str, ...]


def article_marks(dossier: Dossier, article: str) -> list[Mark]:
    """Every annotation on one article of a dossier."""
    marks = [
        Mark("entity", m.start, m.end, f"{e.type.lower()}: {e.name}", e.id)
        for e in dossier.entities
        for m in e.mentions
        if m.article == article
    ]
    marks += [
        Mark("quote", q.start, q.end, f"{q.kind} quote, {q.speaker or 'speaker unknown'}")
        for q in dossier.quotes
        if q.article == article
    ]
    marks += [
        Mark("figure", f.start, f.end, f"figure: {figure_value(f)} {figure_unit(f)}".strip())
        for f in dossier.figures
        if f.article == article
    ]
    # Caption times are listed beside the body, never marked in it: their offsets are into a caption.
    marks += [
        Mark("time", t.start, t.end, f"time: {t.value}")
        for t in dossier.times
        if t.article == article and t.caption is None
    ]
    return sorted(marks, key=lambda m: (m.start, -m.end, m.kind))


def anchor_of(mark: Mark) -> str:
    return f"{mark.kind}-{mark.start}-{mark.end}"


def pieces(text: str, marks: Sequence[Mark]) -> list[Piece]:
    """The body cut wherever an annotation starts or ends, each piece with the annotations covering it."""
    usable = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: m.start)
    cuts = sorted({0, len(text), *(m.start for m in usable), *(m.end for m in usable)})
    out, active, next_mark = [], list[Mark](), 0
    for start, end in pairwise(cuts):
        active = [m for m in active if m.end > start]
        begun = []
        while next_mark < len(usable) and usable[next_mark].start <= start:
            begun.append(usable[next_mark])
            next_mark += 1
        active += begun
        out.append(
            Piece(
                text=text[start:end],
                kinds=tuple(sorted({m.kind for m in active})),
                notes=tuple(dict.fromkeys(m.note for m in active)),
                entity=next((m.entity for m in active if m.entity), None),
                anchors=tuple(anchor_of(m) for m in begun),
            )
        )
    return out


def mark_matches(text: str, terms: Sequence[str]) -> Markup:
    """Text escaped, with the given words (case-insensitive) in <mark>."""
    words = [re.escape(t) for t in terms if t]
    if not words:
        return Markup.escape(text)
    pattern = re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)
    out, at = [], 0
    for found in pattern.finditer(text):
        out += [Markup.escape(text[at : found.start()]), Markup("<mark>%s</mark>") % found.group(0)]
        at = found.end()
    out.append(Markup.escape(text[at:]))
    return Markup("").join(out)
