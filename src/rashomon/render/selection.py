"""Which stories the written outputs show: a `Selection` and `select(dossier, selection) -> Dossier`.

The store keeps everything; a selection only shapes ``dossier.json`` and the reports. The selected dossier holds the
chosen stories and only what belongs to their articles, so it stays valid against the schema.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from rashomon.dossier import ArticleOut, Dossier, EntityOut, FigureOut, QuoteOut, StoryOut
from rashomon.errors import UsageError

_ISO_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_STORY_DIGITS = re.compile(r"[0-9a-f]{12}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Selection:
    """Stories to keep. Each given criterion must hold (ids and outlets: any of those listed); ``top`` comes last."""

    stories: tuple[str, ...] = ()
    since: date | None = None
    outlets: tuple[str, ...] = ()
    top: int | None = None

    def __post_init__(self) -> None:
        if self.top is not None and self.top < 1:
            raise UsageError(f"--top wants a number of stories of at least 1, not {self.top}.")

    @property
    def keeps_everything(self) -> bool:
        return not self.stories and self.since is None and not self.outlets and self.top is None


def story_id(text: str) -> str:
    """A story id as given on the command line, in the form dossier.json writes: "story:1a2b3c4d5e6f" also from
    the report's page ("stories/story-1a2b3c4d5e6f.html", "#story-1a2b3c4d5e6f") or the bare digits."""
    given = text.strip()
    text = re.split(r"[/#]", given.lower())[-1].removesuffix(".html")  # "stories/story-1a2b....html", "...#story-..."
    if _STORY_DIGITS.fullmatch(text):
        return f"story:{text}"
    if text.startswith(("story-", "story:")) and _STORY_DIGITS.fullmatch(text[6:]):
        return f"story:{text[6:]}"
    return given


def parse_since(text: str) -> date:
    """A ``--since`` value as a date, or a `UsageError` naming the expected form."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--since wants a date like 2024-05-13, not {text!r}.") from None


def _last_day(value: str | None) -> date | None:
    """The last day an ISO 8601 date (or month, or year) covers; None when it is not one."""
    match = _ISO_DAY.match(value or "")
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return date(year or 1, 12, 31)
        if day is None:
            return date(year or 1, month, calendar.monthrange(year or 1, month)[1])
        return date(year or 1, month, day)
    except ValueError:
        return None


def story_day(story: StoryOut, articles: Mapping[str, ArticleOut]) -> date | None:
    """The story's event date, else the latest publication of its articles; None when neither is known.

    A month or a year counts as its last day, so "2024-05" is on or after 2024-05-13.
    """
    return entry_day(story.date, [articles[i].published for i in story.articles if i in articles])


def largest_first(stories: Sequence[StoryOut], articles: Mapping[str, ArticleOut]) -> list[StoryOut]:
    """Most outlets first (told apart case-insensitively; an article without one counts as its own), then most
    articles; ties by date, latest first (undated last), then by id."""

    def key(story: StoryOut) -> tuple[int, int, int, str]:
        day = story_day(story, articles)
        members = [articles[i] for i in story.articles if i in articles]
        # An article that names no outlet counts as a source of its own: a folder of bare text files is ordered by
        # its stories' sizes, not left below every story with one named outlet.
        outlets = {(a.outlet or "").strip().casefold() or f"\0{a.id}" for a in members}
        return (-len(outlets), -len(story.articles), -day.toordinal() if day else 1, story.id)

    return sorted(stories, key=key)


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryEntry:
    """What choosing a story looks at: its size, its day (`story_day`) and its articles' outlets (case-folded).

    The store keeps one per story, so a selection is chosen without reading the stories themselves.
    """

    id: str
    size: int
    day: date | None
    outlets: frozenset[str]


def story_entry(story: StoryOut, articles: Mapping[str, ArticleOut]) -> StoryEntry:
    members = [articles[i] for i in story.articles if i in articles]
    return StoryEntry(
        id=story.id,
        size=len(story.articles),
        day=story_day(story, articles),
        outlets=frozenset((a.outlet or "").strip().casefold() for a in members),
    )


def entry_day(story_date: str | None, published: Sequence[str | None]) -> date | None:
    """`story_day` from a story's date and its articles' publication dates."""
    day = _last_day(story_date)
    if day is not None:
        return day
    return max((d for value in published if (d := _last_day(value)) is not None), default=None)


def choose(entries: Sequence[StoryEntry], selection: Selection) -> list[str]:
    """Ids of the stories the selection keeps, in the order given."""
    wanted_ids = set(selection.stories)
    outlets = {o.strip().casefold() for o in selection.outlets}
    kept = [
        e
        for e in entries
        if (not wanted_ids or e.id in wanted_ids)
        and (selection.since is None or (e.day or date.min) >= selection.since)
        and (not outlets or bool(outlets & e.outlets))
    ]
    if selection.top is not None:
        ranked = sorted(kept, key=lambda e: (-e.size, -e.day.toordinal() if e.day else 1, e.id))
        top = {e.id for e in ranked[: selection.top]}
        kept = [e for e in kept if e.id in top]
    return [e.id for e in kept]


def _chosen(dossier: Dossier, selection: Selection, articles: Mapping[str, ArticleOut]) -> list[StoryOut]:
    chosen = set(choose([story_entry(s, articles) for s in dossier.stories], selection))
    return [s for s in dossier.stories if s.id in chosen]


def _entities(entities: Sequence[EntityOut], kept: set[str]) -> list[EntityOut]:
    out = []
    for entity in entities:
        mentions = [m for m in entity.mentions if m.article in kept]
        if len(mentions) == len(entity.mentions):
            out.append(entity)
        elif mentions:
            out.append(entity.model_copy(update={"mentions": mentions}))
    return out


def _quote(quote: QuoteOut, quotes: set[str], entities: set[str]) -> QuoteOut:
    # Links to what the selection left out would point at nothing in the written file.
    aligned = [q for q in quote.aligned_with if q in quotes]
    speaker = quote.speaker_entity if quote.speaker_entity in entities else None
    if aligned == quote.aligned_with and speaker == quote.speaker_entity:
        return quote
    return quote.model_copy(update={"aligned_with": aligned, "speaker_entity": speaker})


def _figure(figure: FigureOut, figures: set[str]) -> FigureOut:
    aligned = [link for link in figure.aligned_with if link.figure in figures]
    return figure if aligned == figure.aligned_with else figure.model_copy(update={"aligned_with": aligned})


def select(dossier: Dossier, selection: Selection) -> Dossier:
    """The dossier cut down to the selected stories and what belongs to their articles; rejected inputs stay whole."""
    if selection.keeps_everything:
        return dossier
    by_id = {a.id: a for a in dossier.articles}
    stories = _chosen(dossier, selection, by_id)
    kept = {i for story in stories for i in story.articles}
    entities = _entities(dossier.entities, kept)
    entity_ids = {e.id for e in entities}
    quote_ids = {q.id for q in dossier.quotes if q.article in kept}
    figure_ids = {f.id for f in dossier.figures if f.article in kept}
    return Dossier(
        schema_version=dossier.schema_version,
        articles=[a for a in dossier.articles if a.id in kept],
        rejected=list(dossier.rejected),
        stories=stories,
        entities=entities,
        quotes=[_quote(q, quote_ids, entity_ids) for q in dossier.quotes if q.article in kept],
        figures=[_figure(f, figure_ids) for f in dossier.figures if f.article in kept],
        times=[t for t in dossier.times if t.article in kept],
    )
