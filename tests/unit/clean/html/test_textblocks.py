"""Tests for cutting a page's text into blocks, and for gathering marks over a block's ancestors."""

from __future__ import annotations

import sys

import pytest
from selectolax.lexbor import LexborNode

from rashomon.clean.article import clean
from rashomon.clean.html.page import parse_html
from rashomon.clean.html.textblocks import AncestorMarks, NestingTooDeepError, PageBlocks, element_key, read_blocks
from rashomon.model import RawDocument, Rejected


def _blocks(body: str) -> PageBlocks:
    tree = parse_html(f"<html><body>{body}</body></html>")
    return read_blocks(tree.css_first("body"))


def test_blocks_split_at_block_elements_and_count_link_text() -> None:
    page = _blocks("<div>Intro <b>bold</b><p>See <a href='/x'>the map</a> here.</p>tail text</div>")
    assert [(block.owner.tag, block.text, block.link_chars) for block in page.blocks] == [
        ("div", "Intro bold", 0),
        ("p", "See the map here.", 7),
        ("div", "tail text", 0),
    ]


def test_a_line_break_splits_lines_not_the_block() -> None:
    (block,) = _blocks("<p>1) A boxed set of films<br><a href='/buy'>https://shop.example/set</a></p>").blocks
    assert block.lines == ["1) A boxed set of films", "https://shop.example/set"]
    assert block.link_chars == len("https://shop.example/set")


def test_scripts_media_and_controls_are_skipped_but_their_tails_kept() -> None:
    page = _blocks("<p>Before <script>var x = 1;</script>after<button>Share</button> the end.</p>")
    assert [block.text for block in page.blocks] == ["Before after the end."]


def test_an_inline_element_its_style_hides_is_skipped() -> None:
    page = _blocks(
        "<div><img src='a.jpg'><cite style='display: none; bottom: 74px'>A hidden caption</cite></div>"
        "<p>Shown <span style='color: red'>in red</span> text.</p>"
    )
    assert [block.text for block in page.blocks] == ["Shown in red text."]


def test_spans_give_the_blocks_inside_each_block_element() -> None:
    page = _blocks("<section><p>One.</p><div><p>Two.</p></div></section><p>Three.</p>")
    section = page.root.css_first("section")
    assert [block.text for block in page.inside(section)] == ["One.", "Two."]
    assert [block.text for block in page.inside(page.root)] == ["One.", "Two.", "Three."]


def test_ancestor_marks_read_each_element_once_up_to_the_stop() -> None:
    page = _blocks("<div class='x'><div><p>One.</p><p>Two.</p></div></div>")
    read: list[str | None] = []

    def mark(element: LexborNode) -> int:
        read.append(element.tag)
        return 1 if element.attributes.get("class") == "x" else 0

    marks = AncestorMarks(mark, every=1)
    assert [marks(block.owner) for block in page.blocks] == [1, 1]
    assert read == ["-document", "html", "body", "div"]  # nothing below a fully marked ancestor
    outer = page.root.css_first("div")
    assert AncestorMarks(mark, every=1, stop=outer)(page.blocks[0].owner) == 0


def test_blocks_inside_an_inline_element_are_those_of_the_block_elements_under_it() -> None:
    page = _blocks("<div>Lead text <span><div>Inner one.</div>middle<div>Inner two.</div></span> end</div>")
    assert [block.text for block in page.blocks] == ["Lead text", "Inner one.", "middle", "Inner two.", "end"]
    span = page.root.css_first("span")
    assert span is not None
    assert [page.blocks[i].text for i in page.indices_inside(span)] == ["Inner one.", "Inner two."]
    # The page's root lies inside its parent: every block is.
    assert page.root.parent is not None
    assert list(page.indices_inside(page.root.parent)) == list(range(5))


def test_identical_paragraphs_are_distinct_elements() -> None:
    # selectolax compares nodes by their HTML: two identical paragraphs must still be two elements.
    page = _blocks("<section><p>Same words.</p></section><div><p>Same words.</p><p>Other words.</p></div>")
    first, second, _ = (block.owner for block in page.blocks)
    assert element_key(first) != element_key(second)
    section = page.root.css_first("section")
    assert section is not None
    assert [block.text for block in page.inside(section)] == ["Same words."]
    assert page.entered(first) and page.entered(second)


def test_a_page_nested_past_the_recursion_limit_is_rejected_with_a_reason() -> None:
    depth = sys.getrecursionlimit() + 100
    html = "<div>" * depth + "<p>Deep words.</p>" + "</div>" * depth
    tree = parse_html(f"<html><body>{html}</body></html>")
    assert tree is not None
    body = tree.css_first("body")
    assert body is not None
    with pytest.raises(NestingTooDeepError, match="too deep"):
        read_blocks(body)
    rejected = clean(RawDocument(id="deep", source="deep.html", kind="html", content=html))
    assert isinstance(rejected, Rejected)
    assert "too deep" in rejected.reason
