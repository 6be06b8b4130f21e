"""The dossier: the export models that are rashomon's contract with users (CONTRACT.md), and their JSON Schema.

``rashomon schema --write`` writes the schema to ``src/rashomon/schema/dossier.schema.json`` and the field
reference to ``docs/dossier.md``; a test fails when either drifts from these models.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"
SCHEMA_PATH = Path(__file__).parent / "schema" / "dossier.schema.json"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SpanRef(_Model):
    article: str = Field(description="Id of the article the span is in.")
    start: int = Field(description="Start offset (inclusive) into that article's `text`.")
    end: int = Field(description="End offset (exclusive) into that article's `text`; `text[start:end]` is the span.")


class ArticleOut(_Model):
    id: str = Field(description="The JSONL `id`, else the WARC record's URL, else the file name.")
    source: str = Field(description="The input file the article was read from.")
    outlet: str | None = Field(
        description="The publishing outlet, when given or found in the page; else the domain of its URL; else null."
    )
    title: str | None = Field(description="The headline.")
    published: str | None = Field(description="Publication date or date-time, ISO 8601.")
    published_inferred: bool = Field(description="True when `published` was not given but inferred from the story.")
    byline: str | None = Field(description="The author(s) as credited.")
    url: str | None = Field(description="The article's URL, when known.")
    text: str = Field(description="The clean body. Every `start`/`end` of this article's annotations indexes it.")
    story: str | None = Field(description="Id of the story the article belongs to.")
    duplicate_of: str | None = Field(description="Id of the article this one copies (a syndicated copy), else null.")
    relays: list[str] = Field(description="Wire services or outlets the body credits as its source.")
    captions: list[str] = Field(description="Photo captions and credits found on the page, kept out of the body.")
    language: str | None = Field(
        default=None,
        description="The body's language as an ISO 639 code (`en`, `ru`): as given with the input, else identified "
        "from the body, else as the page declares it; null when unknown.",
    )


class RejectedOut(_Model):
    input: str = Field(description="The file (or file:line, file#record) that could not be read.")
    reason: str = Field(description="Why, in a sentence.")


class StatementOut(_Model):
    text: str = Field(description="The statement, as the first source words it.")
    status: Literal["corroborated", "single-source", "conflicting"] = Field(
        description="`corroborated`: several outlets make it; `single-source`: one does; `conflicting`: outlets "
        "making it give figures that disagree."
    )
    sources: list[SpanRef] = Field(description="Every sentence that makes the statement.")


class TimelineOut(_Model):
    when: str = Field(description="TIMEX3 value of the date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-FA, ...).")
    what: str = Field(description="The sentence that dates it.")
    sources: list[str] = Field(description="Ids of the articles that give this date in this sense.")
    sentences: list[SpanRef] = Field(
        default_factory=list, description="The sentence that gives the date in each source, in `sources` order."
    )
    background: bool = Field(
        False,
        description="True when the date lies more than a month before the story's event date: context, not the "
        "event itself.",
    )


class ConflictSideOut(_Model):
    article: str = Field(description="Id of the article taking this side.")
    says: str = Field(description='What this side gives, as written ("7", "Tuesday", "Jane Doe", "denies").')
    span: SpanRef = Field(description="Where it says so: the figure, time expression, quote or sentence.")
    sentence: SpanRef = Field(description="The sentence it is said in.")


class ConflictOut(_Model):
    kind: Literal["figure", "date", "speaker", "denial"] = Field(
        description="`figure`: different amounts for one quantity (qualifiers and units taken into account); `date`: "
        "different dates for one happening; `speaker`: one quote given to different people; `denial`: one outlet "
        "denies or negates what another asserts."
    )
    what: str = Field(description='What conflicts, in a few words: "7 vs 8 people in the water".')
    text: str = Field(
        description='The conflict with its outlets, as a reader sees it: "7 vs 8 people in the water (Harbor Ledger, '
        'Northsea Courant)".'
    )
    sides: list[ConflictSideOut] = Field(description="Each article's side, one per article.")


class QuoteVariantOut(_Model):
    speaker: str | None = Field(description="The speaker the quotes are given to.")
    quotes: list[str] = Field(description="Ids of quotes, from different articles, rendering one statement.")


class NamingOut(_Model):
    entity: str = Field(description="Id of the entity.")
    name: str = Field(description="The entity's canonical name.")
    words: list[str] = Field(description='How this article refers to it besides its name ("the Armenian leader").')


class FramingOut(_Model):
    article: str = Field(description="Id of the article.")
    headline: str | None = Field(description="Its headline.")
    lede: SpanRef | None = Field(description="Its first sentence.")
    lede_status: Literal["corroborated", "single-source", "conflicting"] | None = Field(
        description="The status of the statement the lede makes: does it lead with what other outlets also report?"
    )
    distinctive: list[str] = Field(
        description="Words of its headline and lede that no other outlet of the story uses (its angle)."
    )
    names: list[NamingOut] = Field(description="Its word choice for the story's people, groups and places.")
    omits: list[int] = Field(
        description="Positions in the story's `statements` of corroborated statements this article does not make."
    )
    relays: list[str] = Field(description="Wire services or outlets it credits as its source.")
    copy_of: str | None = Field(description="The article it copies (a syndicated copy), else null.")


class StoryOut(_Model):
    id: str = Field(description="Digest of the sorted member article ids.")
    title: str | None = Field(description="The headline of the first original report.")
    articles: list[str] = Field(description="Ids of the articles that report the event, copies included.")
    date: str | None = Field(description="The event date (not the latest publication date), ISO 8601.")
    summary: str | None = Field(description="The lead sentence of the first report.")
    statements: list[StatementOut] = Field(description="What the articles state, aligned across outlets.")
    timeline: list[TimelineOut] = Field(description="Dated events the articles mention, in order.")
    conflicts: list[ConflictOut] = Field(
        default_factory=list, description="Where outlets disagree, each with what conflicts and who says what."
    )
    quote_variants: list[QuoteVariantOut] = Field(
        default_factory=list, description="Statements that several articles quote, each rendering listed."
    )
    framing: list[FramingOut] = Field(
        default_factory=list, description="How each original article frames the story, in reading order."
    )


class MentionOut(SpanRef):
    refers_to_name: bool = Field(
        True,
        description='False when the mention is a pronoun or a title ("he", "the Armenian prime minister"), or a '
        'capital standing for its government ("Baku said" for Azerbaijan).',
    )


class EntityOut(_Model):
    id: str = Field(description="Stable id derived from the type and canonical name.")
    name: str = Field(description="Canonical name (the fullest form used).")
    type: Literal["PERSON", "ORG", "PLACE", "EVENT", "OTHER"] = Field(description="Coarse entity type.")
    aliases: list[str] = Field(description="Other spellings and short forms that name it.")
    mentions: list[MentionOut] = Field(description="Every mention, in every article.")


class QuoteOut(_Model):
    id: str = Field(description="`<article>:quote:<start>-<end>`.")
    article: str = Field(description="Id of the article.")
    speaker: str | None = Field(description="Canonical name of the speaker's entity, or the name found; null if none.")
    speaker_entity: str | None = Field(description="Id of the speaker's entity, when resolved.")
    text: str = Field(description="The quoted or reported words (`text[start:end]` of the article).")
    kind: Literal["direct", "partial", "indirect"] = Field(
        description="`direct`: a whole quoted utterance; `partial`: quoted words inside the reporter's sentence; "
        "`indirect`: reported speech without quote marks."
    )
    start: int = Field(description="Start offset into the article's `text`.")
    end: int = Field(description="End offset into the article's `text`.")
    speaker_span: SpanRef | None = Field(description="Where the speaker is named (or referred to) for this quote.")
    cue_span: SpanRef | None = Field(description='The speech verb or phrase ("said", "according to").')
    aligned_with: list[str] = Field(description="Ids of quotes in other articles rendering the same statement.")


class FigureLink(_Model):
    figure: str = Field(description="Id of a figure in another article.")
    relation: Literal["agree", "conflict", "different-scope"] = Field(
        description="`agree`: same quantity, same value (within tolerance, across units) or values the qualifiers "
        'allow both of ("at least 12" and "19", "nearly 2,000" and "2,000"); `conflict`: outlets state one quantity '
        "differently; `different-scope`: similar quantities that measure different things."
    )


class FigureOut(_Model):
    id: str = Field(description="`<article>:figure:<start>-<end>`.")
    article: str = Field(description="Id of the article.")
    text: str = Field(description="The figure as written, qualifier and counted noun included.")
    value: float | None = Field(
        description='The number; null for vague amounts ("dozens") and for ranges written in one ("3–5 years").'
    )
    unit: str | None = Field(
        description='What is counted or measured, singular ("peacekeeper", "day", "USD"); "fraction" for a share '
        'of a whole ("a third of voters": value 1/3, the whole in `about`).'
    )
    approx: bool = Field(
        description="True when qualified (about, nearly, more than, at least, ...), vague, or a range."
    )
    qualifier: str | None = Field(description="The qualifier as written, lower case.")
    about: str | None = Field(description="The counted noun phrase; for a fraction, the whole it is a share of.")
    low: float | None = Field(
        default=None,
        description='For a vague amount, the least it can mean ("dozens": 12, "tens of thousands": 10000); for a '
        'range written in one figure, its low end ("3–5 years": 3); else null.',
    )
    high: float | None = Field(
        default=None,
        description='For a vague amount, the most it can mean ("dozens": 120); for a range written in one figure, its '
        'high end ("3–5 years": 5); else null.',
    )
    direction: Literal["up", "down"] | None = Field(
        default=None,
        description='The way the amount moved when the figure is the size of a change ("rose 5%", "34% higher": '
        '"up"; "fell by 3 points", "down 68p": "down"); null for a level or a count ("rose 5% to 3.65": the 3.65).',
    )
    referents: list[str] = Field(
        default_factory=list,
        description='What the figure is said of, as written: the subject, owner or whole it belongs to ("Ford" for '
        '"Ford, which has 13,000 workers"; "revenue" and "Chinese giant" for "the Chinese giant makes 60% of its '
        'revenue"); empty when the sentence names nothing else.',
    )
    start: int = Field(description="Start offset into the article's `text`.")
    end: int = Field(description="End offset into the article's `text`.")
    aligned_with: list[FigureLink] = Field(description="Figures in other articles of the same story that it matches.")


class TimeOut(_Model):
    article: str = Field(description="Id of the article.")
    text: str = Field(description="The time expression as written.")
    value: str = Field(description="TIMEX3 value, normalised against the article's (possibly inferred) date.")
    type: Literal["DATE", "TIME", "DURATION", "SET"] = Field(
        description="TIMEX3 type: a calendar date or period (DATE), a time of day (TIME), a length of time "
        '("three years": DURATION) or a recurrence ("every week": SET).'
    )
    start: int = Field(
        description="Start offset into the article's `text`, or into `captions[caption]` when `caption` is set."
    )
    end: int = Field(
        description="End offset into the article's `text`, or into `captions[caption]` when `caption` is set."
    )
    caption: int | None = Field(
        default=None,
        description="Index into the article's `captions` when the expression is written in a photo caption: "
        "`start` and `end` are then offsets into `captions[caption]`, not into `text`. Null for the body. Caption "
        "times take no part in the story's dates, timeline or conflicts.",
    )


class Dossier(_Model):
    """Everything rashomon found in a pile of articles."""

    schema_version: Literal["1"] = Field(description="Version of this schema.")
    articles: list[ArticleOut] = Field(description="Every article read, cleaned.")
    rejected: list[RejectedOut] = Field(description="Inputs that could not be read, with reasons.")
    stories: list[StoryOut] = Field(description="Real-world events and the articles that report them.")
    entities: list[EntityOut] = Field(description="People, organisations and places, one identity each.")
    quotes: list[QuoteOut] = Field(description="Who said what.")
    figures: list[FigureOut] = Field(description="Numbers given, with what they count.")
    times: list[TimeOut] = Field(description="Time expressions with normalised values.")


def json_schema() -> dict[str, Any]:
    schema = Dossier.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://rashomon.invalid/dossier/{SCHEMA_VERSION}"
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"


def _rows(name: str, definition: dict[str, Any], definitions: dict[str, Any]) -> Iterator[str]:
    yield f"\n## `{name}`\n"
    if definition.get("description"):
        yield definition["description"] + "\n"
    yield "| field | type | meaning |\n| --- | --- | --- |"
    for field, spec in definition.get("properties", {}).items():
        yield f"| `{field}` | {_type_of(spec)} | {spec.get('description', '').replace('|', '/')} |"


def _type_of(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        return f"`{spec['$ref'].rsplit('/', 1)[-1]}`"
    if "anyOf" in spec:
        return " or ".join(_type_of(s) for s in spec["anyOf"])
    if spec.get("type") == "array":
        return f"list of {_type_of(spec.get('items', {}))}"
    if "enum" in spec:
        return " / ".join(f"`{v}`" for v in spec["enum"])
    if "const" in spec:
        return f"`{spec['const']}`"
    return str(spec.get("type", "any"))


def markdown_reference() -> str:
    schema = json_schema()
    definitions = schema.get("$defs", {})
    lines = [
        "# dossier.json reference",
        "",
        "Generated from `src/rashomon/dossier.py` by `rashomon schema --write`; do not edit by hand.",
        f"The JSON Schema is `src/rashomon/schema/dossier.schema.json` (schema_version {SCHEMA_VERSION}).",
    ]
    lines += _rows("Dossier", schema, definitions)
    for name in sorted(definitions):
        lines += _rows(name, definitions[name], definitions)
    return "\n".join(lines) + "\n"


def write_schema_files(root: Path) -> list[Path]:
    """Write the committed JSON Schema and ``docs/dossier.md`` under the repository root ``root``."""
    schema = root / "src" / "rashomon" / "schema" / "dossier.schema.json"
    reference = root / "docs" / "dossier.md"
    for path, text in ((schema, schema_text()), (reference, markdown_reference())):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return [schema, reference]
