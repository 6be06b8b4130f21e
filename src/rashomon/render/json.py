"""The dossier as JSON: the contract of CONTRACT.md, validated by the models in `rashomon.dossier`.

`iter_json` gives the same text as `render_json` piece by piece, each article, story, entity, quote, figure and time
dumped on its own, so a large dossier is written without building one giant string.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel
from pydantic_core import to_json

from rashomon.dossier import Dossier
from rashomon.render.atomic import FileSet, write_atomic

_ITEM_INDENT = "    "  # an item of a top-level list sits two levels deep in the indent=2 layout


def render_json(dossier: Dossier) -> str:
    return dossier.model_dump_json(indent=2) + "\n"


def _items(items: list[BaseModel]) -> Iterator[str]:
    for position, item in enumerate(items):
        # JSON strings never hold a raw newline, so re-indenting line by line cannot touch content.
        text = item.model_dump_json(indent=2).replace("\n", "\n" + _ITEM_INDENT)
        yield ("," if position else "") + "\n" + _ITEM_INDENT + text


def iter_json(dossier: Dossier) -> Iterator[str]:
    """The text of `render_json`, in pieces."""
    names = list(type(dossier).model_fields)
    yield "{"
    for position, name in enumerate(names):
        comma = "," if position < len(names) - 1 else ""
        value = getattr(dossier, name)
        key = json.dumps(name)
        if not isinstance(value, list):
            yield f"\n  {key}: {to_json(value).decode()}{comma}"
        elif not value:
            yield f"\n  {key}: []{comma}"
        else:
            yield f"\n  {key}: ["
            yield from _items(value)
            yield f"\n  ]{comma}"
    yield "\n}\n"


def write_json(dossier: Dossier, path: Path, *, files: FileSet | None = None) -> Path:
    """Write ``path`` whole, alone or as one of ``files``."""
    return files.write(path, iter_json(dossier)) if files else write_atomic(path, iter_json(dossier))
