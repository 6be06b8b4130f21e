"""Boxes of links inside an article container: a "most read" list, a panel of headlines with its labels and rank
numbers, a run of teasers, a list of teasers each a headline, a summary and a "Read more" link. Each of their blocks
may pass a pass's per-block link test (a section label, a rank number or a one-line prompt holds no link), yet the box
as a whole is mostly links, or the list is one teaser after another. Both article passes leave such boxes out of the
container they chose (`markuphints`, `textdensity`).
"""

from __future__ import annotations

from collections.abc import Sequence

from selectolax.lexbor import LexborNode

from rashomon.clean.html.textblocks import AncestorMarks, Block, PageBlocks

# A block is a link (a headline, a category) when at least this share of its text is link text.
LINK_BLOCK_SHARE = 0.5
# An element is a box of links when it holds at least this many link blocks (one is the per-block test's to
# judge)...
BOX_LINKS = 2
# ... and at least this share of its kept text is link text.
BOX_LINK_SHARE = 0.5
# Boxes holding this share of the container's kept text together are the article's own lists (a round-up of links),
# and are kept.
BOX_TEXT_SHARE = 0.5
# Teasers one after another from which they are a list of other articles, not the article's own paragraphs.
TEASER_RUN = 3
# Sibling elements alike from which they are a list of teasers (`repeated_items`), the kept blocks each holds at
# least, and the text each holds at most; such lists holding this share of the container's kept text together are
# the article (a list of other articles read as the page's own), and are kept.
ITEM_RUN = 3
ITEM_BLOCKS = 2
ITEM_CHARS = 500
ITEMS_TEXT_SHARE = 0.7


def _teaser(block: Block) -> bool:
    """A headline link over a line or more of its own text ("<a>Title</a><br>Summary")."""
    text = block.text
    return "\n" in text and block.link_chars == text.index("\n")


def _teaser_runs(blocks: Sequence[Block], indices: Sequence[int]) -> set[int]:
    """The ``indices`` (of ``blocks``, in order) in runs of `TEASER_RUN` or more teasers one after another."""
    found: set[int] = set()
    run: list[int] = []
    for i in [*indices, -1]:
        if i >= 0 and _teaser(blocks[i]):
            run.append(i)
            continue
        if len(run) >= TEASER_RUN:
            found.update(run)
        run = []
    return found


def link_boxes(page: PageBlocks, container: LexborNode, kept: Sequence[int]) -> set[int]:
    """Which of the ``kept`` blocks (their indices in ``page.blocks``, in order, all inside ``container``) stand in a
    box of links, a block element below the container with `BOX_LINKS` link blocks and `BOX_LINK_SHARE` of its kept
    text in links, or in a run of teasers (none of those when they hold `BOX_TEXT_SHARE` of the kept text), or in a
    list of teasers (`repeated_items`; none when they hold `ITEMS_TEXT_SHARE` of it)."""
    if len(kept) <= BOX_LINKS:
        return set()
    blocks = page.blocks
    first, last = kept[0], kept[-1] + 1
    # Running sums over the kept blocks (link blocks, text, link text), so that an element's totals are two look-ups.
    links, chars, linked = [0] * (last - first + 1), [0] * (last - first + 1), [0] * (last - first + 1)
    at_kept = iter(kept)
    following = next(at_kept)
    for i in range(first, last):
        at = i - first
        links[at + 1], chars[at + 1], linked[at + 1] = links[at], chars[at], linked[at]
        if i == following:
            block = blocks[i]
            links[at + 1] += block.link_chars >= LINK_BLOCK_SHARE * len(block.text)
            chars[at + 1] += len(block.text)
            linked[at + 1] += block.link_chars
            following = next(at_kept, -1)

    def is_box(element: LexborNode) -> int:
        if (span := page.spans.get(element.mem_id)) is None:
            return 0
        lo, hi = max(span[0], first) - first, min(span[1], last) - first
        return int(
            hi > lo
            and links[hi] - links[lo] >= BOX_LINKS
            and linked[hi] - linked[lo] >= BOX_LINK_SHARE * (chars[hi] - chars[lo])
        )

    boxed = AncestorMarks(is_box, every=1, stop=container)
    found = {i for i in kept if boxed(blocks[i].owner)} | _teaser_runs(blocks, kept)
    found = found if sum(len(blocks[i].text) for i in found) < BOX_TEXT_SHARE * chars[-1] else set()
    items = repeated_items(page, container, kept)
    if sum(len(blocks[i].text) for i in items) < ITEMS_TEXT_SHARE * chars[-1]:
        found |= items
    return found


def repeated_items(page: PageBlocks, container: LexborNode, kept: Sequence[int]) -> set[int]:
    """Which of the ``kept`` blocks stand in a list of teasers: `ITEM_RUN` or more sibling elements of one tag and
    class below ``container``, each of `ITEM_BLOCKS` or more kept blocks (a headline, a summary, a date) with a link
    among them and at most `ITEM_CHARS` of text. Each teaser may hold little link text (an unlinked headline, a
    "Read more" link), so the link-share tests miss them; an article's paragraphs are one block each, or longer."""
    if len(kept) < ITEM_RUN * ITEM_BLOCKS:
        return set()
    blocks, spans = page.blocks, page.spans
    in_kept = set(kept)
    stop = container.mem_id
    walked: set[int] = set()
    siblings: dict[tuple[int, str, str], list[LexborNode]] = {}
    for i in kept:
        element: LexborNode | None = blocks[i].owner
        while element is not None and element.mem_id != stop and element.mem_id not in walked:
            walked.add(element.mem_id)
            parent = element.parent
            if parent is None:
                break
            key = (parent.mem_id, element.tag or "", element.attributes.get("class") or "")
            siblings.setdefault(key, []).append(element)
            element = parent
    found: set[int] = set()
    for members in siblings.values():
        if len(members) < ITEM_RUN:
            continue
        items: list[int] = []
        for member in members:
            span = spans.get(member.mem_id)
            inside = [j for j in range(*span) if j in in_kept] if span is not None else []
            if (
                len(inside) < ITEM_BLOCKS
                or sum(len(blocks[j].text) for j in inside) > ITEM_CHARS
                or not any(blocks[j].link_chars for j in inside)
            ):
                break
            items += inside
        else:
            found.update(items)
    return found
