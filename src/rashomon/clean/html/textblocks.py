"""A parsed page's text cut into blocks at block-element boundaries, in one walk of the tree.

Both article passes read these blocks (`textdensity` by text density, `markuphints` by the container the markup
names), so the page is walked once however it is judged. Only scripts, media and form controls are skipped: which
subtrees are boilerplate each pass decides with its own vocabulary (`vocabulary`), testing only the elements above
the blocks it reads (`AncestorMarks`), so a class or id is looked at only where it could matter.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from rashomon.clean.html import vocabulary as vocab

# Stands for a <br> in a block's raw text until the block is joined.
_BREAK = "\x00"
_BLOCK_ELEMENTS = ", ".join(sorted(vocab.BLOCK_TAGS))


@dataclass(frozen=True, slots=True)
class Block:
    """The text of one block box: ``owner`` is the innermost block element holding it; ``text`` has its whitespace
    collapsed and "\\n" where a <br> broke the line (a block is one paragraph to link-density tests, however many
    lines it shows)."""

    owner: LexborNode
    text: str
    link_chars: int

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass(frozen=True, slots=True)
class PageBlocks:
    """A page's blocks in document order; ``spans`` gives, for every block element the walk entered (by
    `element_key`), the indices [start, end) of the blocks inside it."""

    root: LexborNode
    blocks: list[Block]
    spans: dict[int, tuple[int, int]]

    def entered(self, element: LexborNode) -> bool:
        """Whether ``element`` is a block element the walk entered."""
        return element.mem_id in self.spans

    def inside(self, element: LexborNode) -> list[Block]:
        """The blocks inside a block element the walk entered."""
        start, end = self.spans[element.mem_id]
        return self.blocks[start:end]

    def indices_inside(self, element: LexborNode) -> range | list[int]:
        """The indices of the blocks inside any element."""
        if (key := element.mem_id) in self.spans:
            return range(*self.spans[key])
        # An element that is no block element (a <span> around <div>s) has no recorded extent: its blocks are those
        # owned by the block elements under it, or all of them above the root.
        if not any(element_key(above) == key for above in ancestors(self.root)):
            owners = {owner.mem_id for owner in element.css(_BLOCK_ELEMENTS)}
            return [i for i, block in enumerate(self.blocks) if block.owner.mem_id in owners]
        return range(len(self.blocks))


def ancestors(element: LexborNode) -> Iterator[LexborNode]:
    """The elements above ``element``, nearest first (up to the document node)."""
    above = element.parent
    while above is not None:
        yield above
        above = above.parent


def element_key(element: LexborNode | None) -> int:
    """What identifies an element in a dict or a comparison (0 for None): its node's address. selectolax makes a
    new wrapper each time a node is reached, and compares wrappers by their serialised HTML (slow, and equal for
    two identical paragraphs)."""
    return element.mem_id if element is not None else 0


class AncestorMarks:
    """Marks (bits) gathered from an element and its ancestors up to, not including, ``stop``. Each element's own
    marks are read once (``read``), and not at all below an ancestor that already has every mark in ``every``;
    what is gathered at each element is remembered for the elements below it."""

    def __init__(self, read: Callable[[LexborNode], int], every: int, stop: LexborNode | None = None) -> None:
        self.read = read
        self.every = every
        self.gathered: dict[int, int] = {element_key(stop): 0}

    def __call__(self, element: LexborNode) -> int:
        gathered = self.gathered
        key = element.mem_id
        if (known := gathered.get(key)) is not None:  # most blocks share their owner with others
            return known
        chain: list[tuple[int, LexborNode]] = []
        above: LexborNode | None = element
        while above is not None and key not in gathered:
            chain.append((key, above))
            above = above.parent
            key = above.mem_id if above is not None else 0
        marks = gathered[key]  # the walk up ends at ``stop`` or, above the root, at None (0)
        for below_key, below in reversed(chain):
            if marks != self.every:
                marks |= self.read(below)
            gathered[below_key] = marks
        return marks


def _join(parts: list[str]) -> str:
    text = "".join(parts)
    if _BREAK not in text:
        return " ".join(text.split())
    return "\n".join(line for raw in text.split(_BREAK) if (line := " ".join(raw.split())))


def _hidden_inline(element: LexborNode) -> bool:
    """Whether an inline element is hidden by its own style (a gallery's captions in <cite style="display:none">,
    shown one at a time by a script): the passes judge block elements by their markup, never inline ones."""
    style = element.attrs.get("style")
    return style is not None and "display:none" in style.replace(" ", "").lower()


class NestingTooDeepError(ValueError):
    """A page nested too deep for the text walk, which takes one call a level."""


class _Gathering:
    """Text gathered into blocks by a walk down the tree, an element's children in order."""

    def __init__(self, root: LexborNode) -> None:
        self.blocks: list[Block] = []
        self.spans: dict[int, tuple[int, int]] = {}
        self.owner = root
        self.parts: list[str] = []
        self.links = 0

    def flush(self) -> None:
        """End the block being gathered (its text, if any, becomes a block)."""
        if text := _join(self.parts):
            self.blocks.append(Block(self.owner, text, self.links))
        self.parts, self.links = [], 0

    def visit(self, element: LexborNode, in_link: bool) -> None:
        """Gather the text under ``element``; ``in_link``: whether it lies inside a link."""
        # Children through selectolax's iterator and one call a level: asking every node for its parent, to find
        # where elements end in a flat walk, cost about a third more.
        block_tags, skip_tags = vocab.BLOCK_TAGS, vocab.SKIP_TAGS
        for node in element.iter(include_text=True):
            if node.is_text_node:
                text = node.text_content
                # Whitespace opening a block is dropped at once: most text between tags is indentation.
                if text and (self.parts or not text.isspace()):
                    self.parts.append(text)
                    if in_link:
                        self.links += len(text)
                continue
            tag = node.tag or "-"
            if tag in skip_tags:
                continue
            if tag in block_tags:
                if self.parts:
                    self.flush()
                owner, start = self.owner, len(self.blocks)
                self.owner = node
                self.visit(node, in_link)
                if self.parts:
                    self.flush()
                self.owner = owner
                self.spans[node.mem_id] = (start, len(self.blocks))
            elif tag == "br":
                self.parts.append(_BREAK)
            # An inline element with content ("-comment": no) and not hidden.
            elif tag[0] != "-" and node.first_child is not None and not _hidden_inline(node):
                self.visit(node, in_link or tag == "a")


def read_blocks(root: LexborNode) -> PageBlocks:
    """The blocks of the tree under ``root`` (a page's <body>), leaving out scripts, media and form controls
    (`SKIP_TAGS`).

    Raises `NestingTooDeepError` on a tree nested about as deep as Python's recursion limit (ingest rejects pages nested
    deeper than `Settings.max_html_depth`, 250 by default, before they get here).
    """
    walk = _Gathering(root)
    try:
        walk.visit(root, in_link=False)
    except RecursionError:
        raise NestingTooDeepError(
            f"The page nests its elements too deep to read (about {sys.getrecursionlimit()} levels)."
        ) from None
    if walk.parts:
        walk.flush()
    walk.spans[root.mem_id] = (0, len(walk.blocks))
    return PageBlocks(root=root, blocks=walk.blocks, spans=walk.spans)
