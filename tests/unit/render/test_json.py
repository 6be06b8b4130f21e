"""dossier.json written item by item: the same text as one dump, valid, and never one giant string."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rashomon.dossier import Dossier
from rashomon.render.atomic import write_atomic
from rashomon.render.json import iter_json, render_json, write_json
from tests.unit.render.build import build_dossier

AWKWARD = 'Line one\nline two\t"quoted" \\ back\u2028slash, ünïcödé, emoji 🌊, NUL-ish \x01 and </script>'


def _awkward(dossier: Dossier) -> Dossier:
    first = dossier.articles[0].model_copy(update={"title": AWKWARD, "byline": "", "relays": ["AP", "Reuters"]})
    return dossier.model_copy(update={"articles": [first, *dossier.articles[1:]]})


@pytest.mark.parametrize(
    "dossier",
    [
        build_dossier((2, 1, 3)),
        _awkward(build_dossier((1,))),
        Dossier(schema_version="1", articles=[], rejected=[], stories=[], entities=[], quotes=[], figures=[], times=[]),
    ],
    ids=["stories", "awkward-text", "empty"],
)
def test_streamed_json_is_the_one_dump(dossier: Dossier, tmp_path: Path) -> None:
    assert "".join(iter_json(dossier)) == render_json(dossier)
    path = write_json(dossier, tmp_path / "dossier.json")
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == json.loads(render_json(dossier))
    assert Dossier.model_validate_json(text) == dossier
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.json"]  # the temporary file was renamed


def test_the_dossier_is_never_dumped_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    dossier = build_dossier((3, 2))
    expected = render_json(dossier)
    items = sum(len(getattr(dossier, name)) for name in ("articles", "stories", "entities", "quotes", "figures"))

    def whole(*args: Any, **kwargs: Any) -> str:
        raise AssertionError("dumped as one string")

    monkeypatch.setattr(Dossier, "model_dump_json", whole)
    chunks = list(iter_json(dossier))
    assert "".join(chunks) == expected
    assert len(chunks) > items
    assert max(len(chunk) for chunk in chunks) < len(expected) / 4


def test_a_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "dossier.json"
    write_json(build_dossier((1,)), path)
    before = path.read_bytes()

    class BrokenError(Exception):
        pass

    def chunks() -> Iterator[str]:
        yield "{"
        raise BrokenError

    with pytest.raises(BrokenError):
        write_atomic(path, chunks())
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.json"]
