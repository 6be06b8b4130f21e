"""Article paragraphs from the container a page's markup names: trafilatura's rules, read from one walk's blocks.

trafilatura (fast mode, favor_precision) finds the article by class and id names in an order of trust, prunes
boilerplate subtrees inside that container by name, drops link-heavy blocks (and boxes of links, `linkboxes`) and
trailing headings, and reads only paragraph-like elements where the container has enough <p> text. Those rules carry
most of its precision on news pages; here they are applied to the text blocks of `textblocks` with its vocabulary
(`vocabulary`), testing names only on the elements between the container and its blocks. trafilatura ran XPath
passes over copies of the whole tree instead: 14 ms a page on the extraction benchmark.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from rashomon.clean.html import vocabulary as vocab
from rashomon.clean.html.linkboxes import link_boxes
from rashomon.clean.html.textblocks import AncestorMarks, Block, PageBlocks, ancestors

# Guarded names are not applied where they would leave less than this share of the container's text: not to a
# wrapper holding all but that share (tuning half: F1 0.9777 -> 0.9780, one page), and not at all where together they
# hold that much (trafilatura's guard: the article is then named like furniture).
GUARD_SHARE = 1 / 7
# Link share above which a block is navigation, not a paragraph: trafilatura's share for short elements (tuning half:
# 0.5, the density pass's share, -> F1 0.974, 0.8 -> 0.975, 0.9 -> 0.974).
MAX_KEPT_LINK_SHARE = 0.8
# A container yielding one line is the article (a post of one paragraph) only where the line is this long: not a
# "Loading" placeholder.
ONE_PARAGRAPH_CHARS = 100
# What trafilatura's vocabulary does to an element's subtree, as bits.
_PRUNE, _GUARD = 1, 2


def hinted_containers(page: PageBlocks) -> Iterator[LexborNode]:
    """Per level of trust, most trusted first, the first element in document order the level's markup names
    (levels naming none are left out). Lazily: a page whose most trusted container serves is searched no further."""
    for hint in vocab.CONTAINER_HINTS:
        for element in page.root.css(hint.selector):
            # trafilatura deletes asides, footers and navigation before it looks for the container.
            if page.entered(element) and hint.matches(element) and not _inside_cleared(element):
                yield element
                break


def _inside_cleared(element: LexborNode) -> bool:
    return any(above.tag in vocab.CLEARED_TAGS for above in ancestors(element))


def _marks(element: LexborNode) -> int:
    """Whether trafilatura's vocabulary removes ``element``'s subtree outright (`_PRUNE`) or unless that takes
    nearly all the container's text (`_GUARD`)."""
    tag, attrs = element.tag, element.attributes
    marks = (_PRUNE if tag in vocab.PRUNED_TAGS else 0) | (_GUARD if tag in vocab.GUARDED_TAGS else 0)
    if not attrs:
        return marks
    cls, ident = attrs.get("class") or "", attrs.get("id") or ""
    style = attrs.get("style") or ""
    if (
        vocab.GUARDED_ANY_CLASS.search(cls)
        or vocab.GUARDED_ANY_ID.search(ident)
        or attrs.get("aria-hidden") == "true"
        or any(hidden in style for hidden in vocab.HIDDEN_STYLES)
        # Readers' comments and related stories inside the container (beyond trafilatura's names): the density
        # pass's vocabulary.
        or ((cls or ident) and _names_no_article(f"{cls} {ident}".lower()))
    ):
        marks |= _GUARD
    if tag not in vocab.VOCABULARY_TAGS:
        return marks
    # trafilatura tests some patterns on whichever of class and id comes first: here the class, else the id.
    first = cls or ident
    if (
        vocab.PRUNED_CLASS.search(cls)
        or vocab.PRUNED_ID.search(ident)
        or vocab.PRUNED_FIRST.search(first)
        or vocab.BOXED_STYLE in style
    ):
        marks |= _PRUNE
    if (
        vocab.GUARDED_CLASS.search(cls)
        or vocab.GUARDED_ID.search(ident)
        or vocab.GUARDED_FIRST.search(first)
        or "data-lp-replacement-content" in attrs
        or "nav" in (attrs.get("role") or "").lower()
    ):
        marks |= _GUARD
    return marks


def _names_no_article(words: str) -> bool:
    return bool(vocab.COMMENT_ATTRS.search(words) or vocab.NEVER_ARTICLE_ATTRS.search(words))


def _text_chars(blocks: list[Block]) -> int:
    return sum(len(block.text) for block in blocks)


def container_blocks(page: PageBlocks, container: LexborNode) -> list[Block]:
    """The blocks of ``container`` that trafilatura's rules keep as article text."""
    inside = page.inside(container)
    wrapper_chars = (1 - GUARD_SHARE) * _text_chars(inside)

    def own_marks(element: LexborNode) -> int:
        # A guarded name on a wrapper of nearly all the text ("js_expandable-container") names no furniture.
        marks = _marks(element)
        if marks & _GUARD and page.entered(element) and _text_chars(page.inside(element)) >= wrapper_chars:
            marks &= ~_GUARD
        return marks

    marks = AncestorMarks(own_marks, every=_PRUNE | _GUARD, stop=container)
    marked = [(block, marks(block.owner)) for block in inside]
    blocks = [block for block, mark in marked if not mark & _PRUNE]
    unguarded = [block for block, mark in marked if not mark]
    if _text_chars(unguarded) > GUARD_SHARE * _text_chars(blocks):
        blocks = unguarded
    kept = {id(block) for block in blocks}
    start = page.spans[container.mem_id][0]
    indices = [start + at for at, block in enumerate(inside) if id(block) in kept]
    boxed = link_boxes(page, container, indices)
    blocks = [page.blocks[i] for i in indices if i not in boxed]
    blocks = [block for block in blocks if block.link_chars <= MAX_KEPT_LINK_SHARE * len(block.text)]
    if _text_chars([block for block in blocks if block.owner.tag == "p"]) >= vocab.PARAGRAPH_TEXT_CHARS:
        blocks = [block for block in blocks if block.owner.tag in vocab.TEXT_TAGS]
    while blocks and blocks[-1].owner.tag in vocab.HEADING_TAGS:
        blocks.pop()
    return blocks


@dataclass(frozen=True, slots=True, kw_only=True)
class Hinted:
    """The markup pass's paragraphs (one string per line) and every line of the container they came from, kept or
    not (what the density pass may add back from it)."""

    lines: list[str]
    container_lines: frozenset[str]


def hinted_text(page: PageBlocks) -> Hinted | None:
    """The paragraphs of the most trusted hinted container that yields two or more, else of the first that yields
    one of `ONE_PARAGRAPH_CHARS` or more (a post of one paragraph); None when the markup names no such container."""
    single: Hinted | None = None
    for container in hinted_containers(page):
        lines = [line for block in container_blocks(page, container) for line in block.lines]
        if len(lines) > 1 or (lines and single is None and len(lines[0]) >= ONE_PARAGRAPH_CHARS):
            found = Hinted(
                lines=lines, container_lines=frozenset(line for block in page.inside(container) for line in block.lines)
            )
            if len(lines) > 1:
                return found
            single = found
    return single
