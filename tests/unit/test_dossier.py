"""The dossier contract: the committed JSON Schema and field reference match the models, every field documented."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rashomon.dossier import SCHEMA_PATH, json_schema, markdown_reference, schema_text

REPO = Path(__file__).resolve().parents[2]


def test_committed_schema_matches_models() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), "run `rashomon schema --write`"


def test_committed_reference_matches_models() -> None:
    reference = (REPO / "docs" / "dossier.md").read_text(encoding="utf-8")
    assert reference == markdown_reference(), "run `rashomon schema --write`"


def _fields(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    definitions = [("Dossier", schema), *schema.get("$defs", {}).items()]
    return [(f"{name}.{field}", spec) for name, d in definitions for field, spec in d.get("properties", {}).items()]


def test_every_field_has_a_description() -> None:
    missing = [name for name, spec in _fields(json_schema()) if not spec.get("description")]
    assert missing == []


def test_contract_fields_present() -> None:
    defs = json_schema()["$defs"]
    assert {
        "id",
        "outlet",
        "title",
        "published",
        "published_inferred",
        "byline",
        "url",
        "text",
        "story",
        "duplicate_of",
        "relays",
    } <= set(defs["ArticleOut"]["properties"])
    assert {"id", "article", "speaker", "speaker_entity", "text", "kind", "start", "end", "aligned_with"} <= set(
        defs["QuoteOut"]["properties"]
    )
    assert {"id", "article", "text", "value", "unit", "approx", "about", "start", "end", "aligned_with"} <= set(
        defs["FigureOut"]["properties"]
    )
