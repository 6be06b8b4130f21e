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
# Share of a list's items that must be linked as teasers are (`_linked_item`: more than a few words linked inside a
# sentence) for it to be a list of teasers; the rest may be boxes of another kind among them.
TEASER_ITEMS_SHARE = 0.5


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


def _linked_item(blocks: Sequence[Block]) -> bool:
    """Whether an item's kept ``blocks`` are linked as a teaser's are: a block of them a link (its headline, a
    "Read more" of its own) or `LINK_BLOCK_SHARE` of their text in links. An article's own section, a subheading over
    a sentence with a few words of it linked, is neither."""
    chars = sum(len(block.text) for block in blocks)
    return sum(block.link_chars for block in blocks) >= LINK_BLOCK_SHARE * chars or any(
        block.link_chars >= LINK_BLOCK_SHARE * len(block.text) for block in blocks
    )


def _shared_link_text(members: Sequence[LexborNode]) -> bool:
    """Whether every one of ``members`` holds a link of one same text (a "Read more" prompt after each summary),
    where an article's own sections link words of their own sentences."""
    shared: set[str] | None = None
    for member in members:
        texts = {text for link in member.css("a") if (text := " ".join(link.text().split()))}
        shared = texts if shared is None else shared & texts
        if not shared:
            return False
    return True


def _teaser_list(page: PageBlocks, members: Sequence[LexborNode], in_kept: set[int]) -> list[int]:
    """The kept blocks of ``members`` (sibling elements alike) when they are a list of teasers, else none: each of
    `ITEM_BLOCKS` or more kept blocks (a headline, a summary, a date) holding a link and at most `ITEM_CHARS` of
    text, `TEASER_ITEMS_SHARE` of them linked as teasers (`_linked_item`) or all holding one same link text."""
    found: list[int] = []
    linked = 0
    for member in members:
        span = page.spans.get(member.mem_id)
        inside = [j for j in range(*span) if j in in_kept] if span is not None else []
        held = [page.blocks[j] for j in inside]
        if (
            len(held) < ITEM_BLOCKS
            or sum(len(block.text) for block in held) > ITEM_CHARS
            or not any(block.link_chars for block in held)
        ):
            return []
        linked += _linked_item(held)
        found += inside
    return found if linked >= TEASER_ITEMS_SHARE * len(members) or _shared_link_text(members) else []


def repeated_items(page: PageBlocks, container: LexborNode, kept: Sequence[int]) -> set[int]:
    """Which of the ``kept`` blocks stand in a list of teasers: `ITEM_RUN` or more sibling elements of one tag and
    class below ``container`` that read as teasers (`_teaser_list`). A teaser's summary and date hold no link, so the
    link-share tests of a box miss the list; an article's paragraphs are one block each, or longer."""
    if len(kept) < ITEM_RUN * ITEM_BLOCKS:
        return set()
    blocks = page.blocks
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
        if len(members) >= ITEM_RUN:
            found.update(_teaser_list(page, members, in_kept))
    return found
