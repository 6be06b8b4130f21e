"""Article paragraphs of a page by text density, read from its text blocks (`textblocks`).

Blocks inside subtrees the density vocabulary names boilerplate (navigation, share bars, related links, captions,
comments; `vocabulary`) are left out. Blocks of 25+ characters with little link text score their parent, grandparent
and great-grandparent (readability's scheme; a block split by <br> counts its length as the paragraphs it shows do);
the best-scored element is the article container. Where the article is split over sibling wrappers, the container
grows to its parent while what that adds is mostly such text. Every block inside it that is not mostly link text,
nor in a box of links (`linkboxes`), is a paragraph. This pass needs no markup conventions, so it finds
articles the markup pass (`markuphints`) misses, and catches that pass keeping only part of one.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from rashomon.clean.html import vocabulary as vocab
from rashomon.clean.html.linkboxes import link_boxes
from rashomon.clean.html.textblocks import AncestorMarks, Block, PageBlocks

# Block length and link share from which a block reads like article text, not a link or a label.
MIN_BLOCK_CHARS = 25
MAX_SCORED_LINK_SHARE = 0.3
# Link share above which a block inside the container is navigation, not a paragraph.
MAX_KEPT_LINK_SHARE = 0.5
# The container grows to its parent while at least this share of what the parent adds is article-like text
# (chosen on the tuning half of the extraction benchmark: 0.5 -> 0.8 lifts F1 0.948 -> 0.956).
GROW_SHARE = 0.8
_ANCESTOR_WEIGHTS = (1.0, 0.5, 1 / 3)
# The most a paragraph scores by its length (a point per 100 characters).
LENGTH_POINTS = 3
# Share of a page's article-like text from which a furniture element (<form>, <header>...) holding it is the page's
# wrapper, not furniture (trafilatura keeps a <form> holding half the page's text).
WRAPPER_SHARE = 0.5
# Tags never taken for boilerplate by their class or id.
_NEVER_JUNK = frozenset({"body", "html", "article", "main"})


def _small(element: LexborNode) -> bool:
    """Fewer than `ARTICLE_SIZED_PARAGRAPHS` <p> inside."""
    return len(element.css("p")) < vocab.ARTICLE_SIZED_PARAGRAPHS


class _Wrappers:
    """Which furniture elements wrap the page rather than furnish it: those holding at least `WRAPPER_SHARE` of its
    article-like text (an ASP.NET page inside one <form>, its paragraphs split by <br>, has no <p> to count)."""

    def __init__(self, page: PageBlocks) -> None:
        self.page = page
        self.prose: int | None = None  # counted when first needed: most pages have no small furniture element

    def __call__(self, element: LexborNode) -> bool:
        if self.prose is None:
            self.prose = sum(len(block.text) for block in self.page.blocks if _article_like(block))
        if not self.prose or not self.page.entered(element):
            return False
        inside = sum(len(block.text) for block in self.page.inside(element) if _article_like(block))
        return inside >= WRAPPER_SHARE * self.prose


def _is_junk(element: LexborNode, wraps: _Wrappers, comments: bool) -> bool:
    """Whether the density vocabulary takes ``element``'s subtree for boilerplate: a furniture tag that does not
    wrap the page, a hidden element, a comment thread (unless ``comments``), or a junk class or id word without an
    article word, unless the subtree is article-sized."""
    tag = element.tag
    if tag in vocab.FURNITURE_TAGS:
        return _small(element) and not wraps(element)
    attrs = element.attributes
    if not attrs or tag in _NEVER_JUNK:
        return False
    if ("hidden" in attrs and not vocab.STREAMED_ID.match(attrs.get("id") or "")) or "display:none" in (
        attrs.get("style") or ""
    ).replace(" ", ""):
        return True
    words = vocab.attribute_words(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")
    if words != " " and (
        vocab.NEVER_ARTICLE_ATTRS.search(words) or (not comments and vocab.COMMENT_ATTRS.search(words))
    ):
        return True
    if words == " " or not vocab.JUNK_ATTRS.search(words) or vocab.ARTICLE_ATTRS.search(words):
        return False
    if tag == "p" and vocab.PAYWALLED.search(words):
        return False
    return _small(element)


def _article_like(block: Block) -> bool:
    return len(block.text) >= MIN_BLOCK_CHARS and block.link_chars <= MAX_SCORED_LINK_SHARE * len(block.text)


def _points(block: Block) -> float:
    """What an article-like block adds to its ancestors' scores, by its commas and length; its length counts up to
    `LENGTH_POINTS` for each of its lines of `MIN_BLOCK_CHARS` or more (paragraphs a page split by <br>)."""
    lines = 1 if "\n" not in block.text else max(1, sum(len(line) >= MIN_BLOCK_CHARS for line in block.lines))
    return 1 + sum(map(block.text.count, vocab.COMMAS)) + min(len(block.text) / 100, LENGTH_POINTS * lines)


def _container(page: PageBlocks, kept: list[bool]) -> LexborNode | None:
    """The element holding the article: best scored, then grown over wrappers that add mostly article text
    (never past the page's root); None when no kept block reads like article text."""
    scores: dict[int, float] = {}
    elements: dict[int, LexborNode] = {}
    for block, keep in zip(page.blocks, kept, strict=True):
        if keep and _article_like(block):
            points = _points(block)
            element: LexborNode | None = block.owner
            for weight in _ANCESTOR_WEIGHTS:
                if element is None:
                    break
                key = element.mem_id
                scores[key] = scores.get(key, 0) + points * weight
                elements[key] = element
                element = element.parent
    if not scores:
        return None

    def sizes(element: LexborNode) -> tuple[int, int]:
        """The text of kept blocks inside ``element``, and of those reading like article text."""
        inside = [page.blocks[i] for i in page.indices_inside(element) if kept[i]]
        return sum(len(block.text) for block in inside), sum(len(b.text) for b in inside if _article_like(b))

    top = elements[max(scores, key=scores.__getitem__)]
    total, good = sizes(top)
    while top.mem_id != page.root.mem_id and (parent := top.parent) is not None:
        parent_total, parent_good = sizes(parent)
        added, added_good = parent_total - total, parent_good - good
        if added and not (added_good > 0 and added_good >= GROW_SHARE * added):
            break
        top, total, good = parent, parent_total, parent_good
    return top


def density_paragraphs(page: PageBlocks, comments: bool = False) -> list[str]:
    """The article's paragraphs, one string per line of a text block; [] when no block reads like article text.
    With ``comments``, readers' comment threads count as text (for a page whose only prose they are)."""
    wraps = _Wrappers(page)
    junk = AncestorMarks(lambda element: _is_junk(element, wraps, comments), every=1)
    kept = [not junk(block.owner) for block in page.blocks]
    container = _container(page, kept)
    if container is None:
        return []
    blocks = page.blocks
    inside = [i for i in page.indices_inside(container) if kept[i]]
    boxed = link_boxes(page, container, inside)
    return [
        line
        for i in inside
        if i not in boxed and blocks[i].link_chars <= MAX_KEPT_LINK_SHARE * len(blocks[i].text)
        for line in blocks[i].lines
    ]
