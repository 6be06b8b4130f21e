"""What the HTTP API answers: the dossier's own models (`rashomon.dossier`), and a few wrappers for lists and pages."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from rashomon.dossier import ArticleOut, EntityOut, FigureOut, QuoteOut, TimeOut


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StoryItem(_Model):
    id: str = Field(description="The story's id (as in dossier.json).")
    title: str | None = Field(description="The headline of its first original report.")
    date: str | None = Field(description="The event date, else the latest publication of its articles (ISO 8601).")
    articles: int = Field(description="How many articles report it, copies included.")
    outlet_count: int = Field(description="How many outlets report it (an article naming none counts as its own).")
    outlets: list[str] = Field(description="The outlets named, most articles first.")
    conflicts: int = Field(description="Where its outlets conflict (as the report counts them).")
    statements: int = Field(description="Statements aligned across its articles.")
    page: str = Field(description="The story's page on this server.")


class StoryQuery(_Model):
    q: str = Field("", description="Words to find in the stories' titles and bodies; a trailing * makes a prefix.")
    outlet: str = Field("", description="Only stories with an article from this outlet (case-insensitive).")
    entity: str = Field("", description="Only stories naming this entity (its id, name or an alias).")
    since: date | None = Field(None, description="Only stories dated on or after this day.")
    until: date | None = Field(None, description="Only stories dated on or before this day.")
    conflicts: bool = Field(False, description="Only stories where outlets conflict.")
    sort: Literal["relevance", "size", "newest", "oldest"] | None = Field(
        None, description="Order: by relevance (the default with q), size (most outlets, then articles), or date."
    )
    page: int = Field(1, ge=1, le=100_000, description="Which page of the list.")


class StoryList(_Model):
    query: StoryQuery = Field(description="What was asked.")
    total: int = Field(description="How many stories match in all.")
    page: int = Field(description="This page's number, from 1.")
    pages: int = Field(description="How many pages there are.")
    per_page: int = Field(description="Stories per page.")
    stories: list[StoryItem] = Field(description="This page's stories.")


class ArticleDetail(_Model):
    article: ArticleOut = Field(description="The article, as in dossier.json.")
    story: StoryItem | None = Field(description="The story it belongs to; null while no run has placed it.")
    entities: list[EntityOut] = Field(description="The entities it names, each with its mentions in this article.")
    quotes: list[QuoteOut] = Field(description="Its quotes.")
    figures: list[FigureOut] = Field(description="Its figures.")
    times: list[TimeOut] = Field(description="Its time expressions.")
    removed: list[str] | None = Field(
        None,
        description="What cleaning removed from the page as debris (menus, share buttons, appeals ...), the first "
        "300 lines; null for an article stored before removed lines were kept.",
    )
    removed_total: int | None = Field(None, description="How many lines cleaning removed in all.")
    provenance: dict[str, str] = Field(
        default_factory=dict,
        description='Where each metadata value came from, by field: "given with the input", "the page\'s markup", '
        '"the URL" ... (empty for an article stored before this was kept).',
    )


class EntityDetail(_Model):
    id: str = Field(description="The entity's id (as in dossier.json).")
    name: str = Field(description="Its canonical name.")
    type: str = Field(description="PERSON, ORG, PLACE, EVENT or OTHER.")
    aliases: list[str] = Field(description="Other names it goes by across the store.")
    stories: StoryList = Field(description="One page of the stories naming it, the most mentions first.")
    quotes: list[QuoteOut] = Field(description="What it is quoted saying in this page's stories.")


class Problem(_Model):
    status: int = Field(description="The HTTP status.")
    message: str = Field(description="What went wrong, in a sentence.")


class ErrorBody(_Model):
    """Every error the API gives has this shape."""

    error: Problem
