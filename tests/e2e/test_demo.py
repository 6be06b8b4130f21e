"""The bundled demo corpus through the CLI: what its README promises (src/rashomon/demo/README.md)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from rashomon.cli import main
from rashomon.dossier import Dossier
from tests.spans import assert_spans

BALTIMORE = {
    "01_continental_wire.txt", "02_harbor_ledger.txt", "03_prairie_courier.txt", "04_meridian_markets.txt",
    "05_northsea_courant.txt", "06_bayshore8_news.html", "tidewater-2024-03-27-key-bridge",
}  # fmt: skip
ECLIPSE = "tidewater-2024-04-08-eclipse"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dossier, str, Path]:
    out = tmp_path_factory.mktemp("demo")
    printed = io.StringIO()
    assert main(["--quiet", "demo", "--out", str(out)], stream=printed) == 0
    return Dossier.model_validate_json((out / "dossier.json").read_text(encoding="utf-8")), printed.getvalue(), out


def test_demo_says_where_the_report_is(demo: tuple[Dossier, str, Path]) -> None:
    _, printed, out = demo
    assert str(out / "report.html") in printed
    assert (out / "report.html").stat().st_size > 10_000
    assert (out / "report.md").exists()


def test_stories(demo: tuple[Dossier, str, Path]) -> None:
    dossier = demo[0]
    assert {frozenset(s.articles) for s in dossier.stories} == {frozenset(BALTIMORE), frozenset({ECLIPSE})}
    baltimore = next(s for s in dossier.stories if ECLIPSE not in s.articles)
    assert baltimore.date == "2024-03-26"


def test_wire_copy_linked_and_credited(demo: tuple[Dossier, str, Path]) -> None:
    articles = {a.id: a for a in demo[0].articles}
    copy = articles["03_prairie_courier.txt"]
    assert copy.duplicate_of == "01_continental_wire.txt"
    assert "Continental Wire" in copy.relays
    assert all(a.duplicate_of is None for a in articles.values() if a.id != copy.id)


def test_undated_article_inferred(demo: tuple[Dossier, str, Path]) -> None:
    undated = next(a for a in demo[0].articles if a.id == "04_meridian_markets.txt")
    assert (undated.published, undated.published_inferred) == ("2024-03-26", True)


def test_outlets_recovered(demo: tuple[Dossier, str, Path]) -> None:
    outlets = {a.id: a.outlet for a in demo[0].articles}
    assert outlets["02_harbor_ledger.txt"] == "The Harbor Ledger"
    assert outlets["04_meridian_markets.txt"] == "Meridian Markets"
    assert outlets["06_bayshore8_news.html"] == "Bayshore 8 News"


def test_conflicting_figure(demo: tuple[Dossier, str, Path]) -> None:
    dossier = demo[0]
    seven = next(f for f in dossier.figures if f.text == "Seven people")
    eight = next(f for f in dossier.figures if f.text == "Eight people" and f.article.startswith("05"))
    assert {"figure": eight.id, "relation": "conflict"} in [link.model_dump() for link in seven.aligned_with]
    story = next(s for s in dossier.stories if ECLIPSE not in s.articles)
    conflicting = [s for s in story.statements if s.status == "conflicting"]
    assert any(s.text.startswith("Seven people were in the water") for s in conflicting)


def test_quote_in_two_renderings_aligned(demo: tuple[Dossier, str, Path]) -> None:
    heroes = [q for q in demo[0].quotes if "heroes" in q.text]
    assert {q.article for q in heroes} == {"05_northsea_courant.txt", "06_bayshore8_news.html"}
    assert {q.speaker for q in heroes} == {"Wes Moore"}
    assert heroes[1].id in heroes[0].aligned_with


def test_debris_out_of_bodies(demo: tuple[Dossier, str, Path]) -> None:
    for article in demo[0].articles:
        for debris in ("Read more", "Share this article", "Support The", "cookies", "Story ID", "Published:"):
            assert debris not in article.text, (article.id, debris)


def test_spans(demo: tuple[Dossier, str, Path]) -> None:
    assert assert_spans(demo[0]) > 200
