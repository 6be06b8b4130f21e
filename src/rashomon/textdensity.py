"""Article paragraphs of a parsed page by text density, in one walk of the tree.

The page is cut into text blocks at block-element boundaries, skipping markup that never holds article text
(scripts, navigation, elements whose class or id names boilerplate: share bars, related links, captions, comments).
Blocks of 25+ characters with little link text score their parent, grandparent and great-grandparent (readability's
scheme); the best-scored element is the article container. Where the article is split over sibling wrappers, the
container grows to its parent while what that adds is mostly such text. Every block inside it that is not mostly
link text is a paragraph. About 3 ms a page where trafilatura takes 15-30.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

# Elements that end one text block and start another (a browser's block-level boxes).
BLOCK_TAGS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr td th section article main dl dt dd br hr figure "
    "header footer aside nav form address center".split()
)
# Never article text.
SKIP_TAGS = frozenset(
    "script style noscript iframe svg figure figcaption button select option template textarea label input head "
    "title object embed video audio canvas map picture".split()
)
# Usually page furniture, but some sites wrap the whole page in one (ASP.NET's <form>): skipped only when small.
FURNITURE_TAGS = frozenset("nav footer aside form header".split())
# Class or id words naming boilerplate (trafilatura's discard list, condensed), as whole dash/underscore words.
JUNK_ATTRS = re.compile(
    r"(?:^|[-_\s])(?:comments?|share|sharing|social|related|newsletter|subscribe|subscription|promo|sidebar|footer"
    r"|breadcrumbs?|caption|byline|author|tags|advert\w*|ads?|banner|cookie|popup|modal|menu|nav|navigation"
    r"|recommend\w*|outbrain|taboola|signup|paywall|disclaimer|copyright|credits?|toolbar|dateline|timestamp"
    r"|popular|trending|more-stories|read-?more|pagination|skip|hidden|sr-only|visually-hidden|print|topbar)"
    r"(?:$|[-_\s])",
    re.IGNORECASE,
)
# Words that mark an article wrapper even when a boilerplate word sits beside them ("article-sidebar-wrap").
ARTICLE_ATTRS = re.compile(r"article|body|content|story|text|main|post|entry", re.IGNORECASE)
# An element holding this many paragraphs is article-sized, whatever its class says.
ARTICLE_SIZED_PARAGRAPHS = 4
# Block length and link share from which a block reads like article text, not a link or a label.
MIN_BLOCK_CHARS = 25
MAX_SCORED_LINK_SHARE = 0.3
# Link share above which a block inside the container is navigation, not a paragraph.
MAX_KEPT_LINK_SHARE = 0.5
# The container grows to its parent while at least this share of what the parent adds is article-like text
# (chosen on the tuning half of the extraction benchmark: 0.5 -> 0.8 lifts F1 0.948 -> 0.956).
GROW_SHARE = 0.8
_ANCESTOR_WEIGHTS = (1.0, 0.5, 1 / 3)
_COUNT_PARAGRAPHS = etree.XPath("count(.//p)")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Block:
    """The text of one block box, the innermost block element holding it, and how much of it is link text."""

    owner: HtmlElement
    text: str
    link_chars: int

    @property
    def article_like(self) -> bool:
        return len(self.text) >= MIN_BLOCK_CHARS and self.link_chars <= MAX_SCORED_LINK_SHARE * len(self.text)


def _is_boilerplate(element: HtmlElement) -> bool:
    tag = element.tag
    if tag in SKIP_TAGS:
        return True
    if tag in FURNITURE_TAGS:
        return bool(_COUNT_PARAGRAPHS(element) < ARTICLE_SIZED_PARAGRAPHS)
    if tag in ("body", "html", "article", "main"):
        return False
    if element.get("hidden") is not None or "display:none" in (element.get("style") or "").replace(" ", ""):
        return True
    attrs = f"{element.get('class') or ''} {element.get('id') or ''}"
    if attrs == " " or not JUNK_ATTRS.search(attrs) or ARTICLE_ATTRS.search(attrs):
        return False
    return bool(_COUNT_PARAGRAPHS(element) < ARTICLE_SIZED_PARAGRAPHS)


def text_blocks(root: HtmlElement) -> list[Block]:
    """The page's text cut at block boundaries, boilerplate subtrees skipped. Comments must be stripped first:
    the walk does not visit them, so their tails would be lost."""
    raw: list[tuple[HtmlElement, list[str], int]] = []
    owners: list[HtmlElement] = []
    owner, links = root, 0
    parts: list[str] = []
    in_link = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    skipped: set[HtmlElement] = set()
    for event, element in walker:
        tag = element.tag
        if event == "start":
            if _is_boilerplate(element):
                walker.skip_subtree()
                skipped.add(element)
                continue
            if tag in BLOCK_TAGS:
                raw.append((owner, parts, links))
                owners.append(owner)
                owner, parts, links = element, [], 0
            in_link += tag == "a"
            text = element.text
        else:
            if element not in skipped:
                in_link -= tag == "a"
                if tag in BLOCK_TAGS:
                    raw.append((owner, parts, links))
                    owner, parts, links = owners.pop(), [], 0
            text = element.tail
        if text:
            parts.append(text)
            links += len(text) if in_link else 0
    raw.append((owner, parts, links))
    blocks = [Block(o, _SPACE.sub(" ", "".join(p)).strip(), n) for o, p, n in raw]
    return [block for block in blocks if block.text]


def _container(blocks: list[Block]) -> HtmlElement | None:
    """The element holding the article: best scored, then grown over wrappers that add mostly article text."""
    scores: dict[HtmlElement, float] = {}
    good: dict[HtmlElement, int] = {}
    total: dict[HtmlElement, int] = {}
    for block in blocks:
        size, liked = len(block.text), block.article_like
        points = 1 + block.text.count(",") + min(size / 100, 3)
        element: HtmlElement | None = block.owner
        depth = 0
        while element is not None:
            total[element] = total.get(element, 0) + size
            if liked:
                good[element] = good.get(element, 0) + size
                if depth < len(_ANCESTOR_WEIGHTS):
                    scores[element] = scores.get(element, 0) + points * _ANCESTOR_WEIGHTS[depth]
            element, depth = element.getparent(), depth + 1
    if not scores:
        return None
    top = max(scores, key=scores.__getitem__)
    while (parent := top.getparent()) is not None:
        added_good = good.get(parent, 0) - good.get(top, 0)
        added = total.get(parent, 0) - total.get(top, 0)
        if added and not (added_good > 0 and added_good >= GROW_SHARE * added):
            break
        top = parent
    return top


def _within(element: HtmlElement, ancestor: HtmlElement) -> bool:
    current: HtmlElement | None = element
    while current is not None:
        if current is ancestor:
            return True
        current = current.getparent()
    return False


def article_paragraphs(tree: HtmlElement) -> list[str]:
    """The article's paragraphs, one string per text block; [] when no block reads like article text.
    Strips comments from `tree` in place."""
    etree.strip_tags(tree, etree.Comment, etree.ProcessingInstruction)
    body = tree.find("body")
    blocks = text_blocks(body if body is not None else tree)
    container = _container(blocks)
    if container is None:
        return []
    return [
        block.text
        for block in blocks
        if _within(block.owner, container) and block.link_chars <= MAX_KEPT_LINK_SHARE * len(block.text)
    ]
