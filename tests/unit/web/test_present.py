"""Content made inert, and an article body cut into marked pieces."""

from __future__ import annotations

from markupsafe import Markup

from rashomon.web.present import Mark, inert, pieces, web_link


def test_bidi_overrides_shown_direction_marks_kept() -> None:
    assert inert("a\u202eb\u2066c\u2069") == "a\ufffdb\ufffdc\ufffd"
    assert inert("\u200fشكرا\u200e") == "\u200fشكرا\u200e"
    assert isinstance(inert(Markup("<b>\u202e</b>")), Markup)
    assert inert(7) == 7


def test_links_only_to_web_pages() -> None:
    assert web_link("https://example.com/a?b=1") == "https://example.com/a?b=1"
    for url in ("javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "//x", ""):
        assert web_link(url) is None, url


def test_pieces_carry_every_covering_mark() -> None:
    text = "Jane Roe said 7 people."
    marks = [
        Mark("entity", 0, 8, "person: Jane Roe", "entity:1"),
        Mark("quote", 0, 23, "indirect quote"),
        Mark("figure", 14, 22, "figure: 7 person"),
        Mark("time", 30, 40, "out of range"),
    ]
    cut = pieces(text, marks)
    assert "".join(p.text for p in cut) == text
    assert [(p.text, p.kinds) for p in cut] == [
        ("Jane Roe", ("entity", "quote")),
        (" said ", ("quote",)),
        ("7 people", ("figure", "quote")),
        (".", ("quote",)),
    ]
    assert cut[0].entity == "entity:1"
    assert set(cut[0].anchors) == {"quote-0-23", "entity-0-8"}
