"""A parsed page's text cut into blocks at block-element boundaries, in one walk of the tree.

Both article passes read these blocks (`textdensity` by text density, `markuphints` by the container the markup
names), so the page is walked once however it is judged. Only scripts, media and form controls are skipped: which
subtrees are boilerplate each pass decides with its own vocabulary (`htmlvocab`), testing only the elements above
the blocks it reads (`AncestorMarks`), so a class or id is looked at only where it could matter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lxml import etree

from rashomon import htmlvocab as vocab

# Stands for a <br> in a block's raw text until the block is joined.
_BREAK = "\x00"


@dataclass(frozen=True, slots=True)
class Block:
    """The text of one block box: ``owner`` is the innermost block element holding it; ``text`` has its whitespace
    collapsed and "\\n" where a <br> broke the line (a block is one paragraph to link-density tests, however many
    lines it shows)."""

    owner: Any
    text: str
    link_chars: int

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass(frozen=True, slots=True)
class PageBlocks:
    """A page's blocks in document order; ``spans`` gives, for every block element the walk entered, the indices
    [start, end) of the blocks inside it."""

    root: Any
    blocks: list[Block]
    spans: dict[Any, tuple[int, int]]

    def inside(self, element: Any) -> list[Block]:
        start, end = self.spans[element]
        return self.blocks[start:end]


class AncestorMarks:
    """Marks (bits) gathered from an element and its ancestors up to, not including, ``stop``. Each element's own
    marks are read once (``read``), and not at all below an ancestor that already has every mark in ``every``;
    what is gathered at each element is remembered for the elements below it."""

    def __init__(self, read: Callable[[Any], int], every: int, stop: Any = None) -> None:
        self.read = read
        self.every = every
        self.gathered: dict[Any, int] = {stop: 0}

    def __call__(self, element: Any) -> int:
        chain = []
        while element not in self.gathered:
            chain.append(element)
            element = element.getparent()
        marks = self.gathered[element]
        for below in reversed(chain):
            if marks != self.every:
                marks |= self.read(below)
            self.gathered[below] = marks
        return marks


def _join(parts: list[str]) -> str:
    text = "".join(parts)
    if _BREAK not in text:
        return " ".join(text.split())
    return "\n".join(line for raw in text.split(_BREAK) if (line := " ".join(raw.split())))


def read_blocks(root: Any) -> PageBlocks:
    """The blocks of the tree under ``root`` (a page's <body>). The tree must hold no comments (`htmlpage.parse_html`
    drops them): the walk does not visit them, so their tails would be lost."""
    blocks: list[Block] = []
    spans: dict[Any, tuple[int, int]] = {}
    # The block elements the walk is in: the owner of the text before each, and the index of its first block.
    open_blocks: list[tuple[Any, int]] = []
    owner, links, in_link = root, 0, 0
    parts: list[str] = []
    skipped = None
    skip_tags, block_tags = vocab.SKIP_TAGS, vocab.BLOCK_TAGS  # locals: this loop runs for every element
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "start":
            if tag in skip_tags:
                walker.skip_subtree()
                skipped = element
                continue
            if tag in block_tags:
                if parts and (text := _join(parts)):
                    blocks.append(Block(owner, text, links))
                open_blocks.append((owner, len(blocks)))
                owner, parts, links = element, [], 0
            elif tag == "br":
                parts.append(_BREAK)
            in_link += tag == "a"
            text = element.text
        else:
            if element is not skipped:
                in_link -= tag == "a"
                if tag in block_tags:
                    if parts and (text := _join(parts)):
                        blocks.append(Block(owner, text, links))
                    owner, start = open_blocks.pop()
                    spans[element] = (start, len(blocks))
                    parts, links = [], 0
            text = element.tail
        # Whitespace opening a block is dropped at once: most text between tags is indentation.
        if text and (parts or not text.isspace()):
            parts.append(text)
            links += len(text) if in_link else 0
    if parts and (text := _join(parts)):
        blocks.append(Block(owner, text, links))
    spans[root] = (0, len(blocks))
    return PageBlocks(root=root, blocks=blocks, spans=spans)
