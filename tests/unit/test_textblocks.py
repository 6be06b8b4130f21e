"""Tests for cutting a page's text into blocks, and for gathering marks over a block's ancestors."""

from __future__ import annotations

from typing import Any

from rashomon.htmlpage import parse_html
from rashomon.textblocks import AncestorMarks, PageBlocks, read_blocks


def _blocks(body: str) -> PageBlocks:
    tree = parse_html(f"<html><body>{body}</body></html>")
    return read_blocks(tree.find("body"))


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


def test_spans_give_the_blocks_inside_each_block_element() -> None:
    page = _blocks("<section><p>One.</p><div><p>Two.</p></div></section><p>Three.</p>")
    section = page.root.find("section")
    assert [block.text for block in page.inside(section)] == ["One.", "Two."]
    assert [block.text for block in page.inside(page.root)] == ["One.", "Two.", "Three."]


def test_ancestor_marks_read_each_element_once_up_to_the_stop() -> None:
    page = _blocks("<div class='x'><div><p>One.</p><p>Two.</p></div></div>")
    read: list[Any] = []

    def mark(element: Any) -> int:
        read.append(element)
        return 1 if element.get("class") == "x" else 0

    marks = AncestorMarks(mark, every=1)
    assert [marks(block.owner) for block in page.blocks] == [1, 1]
    assert len(read) == len(set(read)) == 3  # html, body, div.x: nothing below a fully marked ancestor
    outer = page.root.find("div")
    assert AncestorMarks(mark, every=1, stop=outer)(page.blocks[0].owner) == 0
