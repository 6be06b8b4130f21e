"""Tags, class and id words that tell article text from page furniture in HTML (data for `textblocks`,
`textdensity` and `markuphints`).

Two vocabularies, read by the two passes over the same text blocks. The markup pass (`markuphints`) uses
trafilatura's (its `xpaths.py` and `settings.py`, version 2.3.1, as fast mode with favor_precision applies them): the
class and id names that mark an article container, in its order of trust, and the names of the subtrees it prunes
inside that container. The text-density pass (`textdensity`) uses a condensed list of boilerplate words of its own.
Words are found anywhere in the raw attribute value and case-sensitively, as trafilatura's XPath does, unless noted.

trafilatura's names are its authors' work (Adrien Barbaresi and contributors), used under its Apache License 2.0.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeAlias

from selectolax.lexbor import LexborNode

_Trie: TypeAlias = "dict[str, _Trie]"


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` factored by common prefixes ("s(?:hare|ocial)"): Python's re tries a flat
    alternation's branches one by one at every position, about three times slower on class values."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 and "" not in node else f"(?:{'|'.join(branches)})"
        return f"{group}?" if "" in node else group

    return pattern(tree)


@dataclass(frozen=True, slots=True)
class Words:
    """Words found anywhere in an attribute value, or (``start``) at its beginning: an anchored pattern is
    matched once, not tried at every position as in one combined pattern."""

    anywhere: re.Pattern[str] | None
    start: re.Pattern[str] | None = None

    def search(self, value: str) -> bool:
        return bool(
            (self.anywhere is not None and self.anywhere.search(value))
            or (self.start is not None and self.start.match(value))
        )


def words(literals: str, *patterns: str, start: str | None = None) -> Words:
    """`Words` finding any of the space-separated ``literals`` or of the regular expressions ``patterns`` (for
    words with a space in them) anywhere, or ``start`` at the beginning."""
    anywhere = "|".join(f"(?:{alternative})" for alternative in (_trie(literals.split()), *patterns) if alternative)
    return Words(re.compile(anywhere) if anywhere else None, re.compile(start) if start else None)


# Elements that end one text block and start another (a browser's block-level boxes); <br> only breaks the line.
BLOCK_TAGS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr td th section article main dl dt dd hr figure "
    "header footer aside nav form address center".split()
)
# Never article text, for either pass.
SKIP_TAGS = frozenset(
    "script style noscript iframe svg figure figcaption button select option template textarea label input head "
    "title object embed video audio canvas map picture".split()
)
# Block tags that hold a paragraph's own text. Where a container's <p> elements hold `PARAGRAPH_TEXT_CHARS` or more,
# the markup pass reads only these, as trafilatura does: text loose in a <div> is then a caption, label or widget.
TEXT_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 li dt dd blockquote pre td th".split())
PARAGRAPH_TEXT_CHARS = 250
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())

# --- The text-density pass ---

# Usually page furniture, but some sites wrap the whole page in one (ASP.NET's <form>): junk only when small.
FURNITURE_TAGS = frozenset("nav footer aside form header".split())
# Class or id words naming boilerplate (trafilatura's discard list, condensed), as whole dash/underscore words;
# this and `ARTICLE_ATTRS` are matched against the lowercased value (faster than a case-blind pattern).
JUNK_ATTRS = re.compile(
    r"(?:^|[-_\s])(?:"
    + _trie(
        "comment comments share sharing social related newsletter subscribe subscription promo sidebar footer "
        "breadcrumb breadcrumbs caption byline author tags ad ads banner cookie popup modal menu nav navigation "
        "outbrain taboola signup paywall disclaimer copyright credit credits toolbar dateline timestamp popular "
        "trending more-stories readmore read-more pagination skip hidden sr-only visually-hidden print topbar".split()
    )
    + r"|advert\w*|recommend\w*)(?:$|[-_\s])"
)
# Words that mark an article wrapper even when a boilerplate word sits beside them ("article-sidebar-wrap").
ARTICLE_ATTRS = words("article body content story text main post entry")
# Class or id words naming a reader-comment thread or one comment ("commentlist", "comments-content", "talkback"):
# junk however many paragraphs it holds or whatever article word stands beside, as readers write prose too (the
# density pass took blogs' threads, ten times the post, for the article). Not "commentary".
COMMENT_ATTRS = re.compile(
    r"(?:^|[-_\s])(?:comments?(?:list|text|body|content|entry|area|thread|div|box|section|wrap|wrapper|container|block"
    r"|holder|form)?|talkback|disqus_thread)(?:$|[-_\s])"
)
# Class or id words naming what is never the article, however many paragraphs it holds or whatever article word
# stands beside ("related-posts", "story-teaser", "noprint" boxes a page leaves out of its printed copy).
NEVER_ARTICLE_ATTRS = re.compile(
    r"(?:^|[-_\s])(?:related|promo|teasers?|noprint|no-print|slideshow|gallery|carousel)(?:$|[-_\s])"
)
# A class word a paragraph (<p>) carries for where it stands, not for what it is: the paragraphs a site puts
# behind its paywall ("p.paywall") are the article's, though a box so named is the paywall's prompt.
PAYWALLED = re.compile(r"(?:^|[-_\s])paywall(?:$|[-_\s])")

_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def attribute_words(value: str) -> str:
    """A class or id value as the lowercased words the patterns above read, camelCase split at its humps
    ("relatedArticleRow" -> "related article row", as "related-article-row" reads)."""
    return _CAMEL_HUMP.sub(" ", value).lower()


# A hidden element with such an id is a React server-rendered part streamed ahead of its place, which a script moves
# into the page at once: the article itself on some sites, not hidden text.
STREAMED_ID = re.compile(r"S:[0-9a-z]+$")
# Commas a paragraph scores by, in the scripts that write their own (Chinese and Japanese, Arabic).
COMMAS = (",", "，", "、", "،")
# An element holding this many paragraphs is article-sized, whatever its class says.
ARTICLE_SIZED_PARAGRAPHS = 4

# --- The markup pass: trafilatura's article containers (BODY_XPATH) ---


@dataclass(frozen=True, slots=True, kw_only=True)
class ContainerHint:
    """Markup that names an article container, at one level of trust: an element of one of ``tags``, or of one
    of ``named_tags`` with an attribute holding one of ``values`` or a match of ``patterns`` (by attribute)."""

    tags: frozenset[str] = frozenset()
    named_tags: frozenset[str] = frozenset()
    values: Mapping[str, frozenset[str]] = field(default_factory=dict)
    patterns: Mapping[str, Words] = field(default_factory=dict)

    @property
    def selector(self) -> str:
        """The elements that may match, as a CSS selector."""
        return ", ".join(sorted(self.tags | self.named_tags))

    def matches(self, element: LexborNode) -> bool:
        """Whether ``element``'s tag and attributes name it a container at this level."""
        tag = element.tag
        if tag in self.tags:
            return True
        if tag not in self.named_tags:
            return False
        attrs = element.attributes
        for attribute, values in self.values.items():
            if attrs.get(attribute) in values:
                return True
        for attribute, found in self.patterns.items():
            value = attrs.get(attribute)
            if value and found.search(value):
                return True
        return False


_BOXES = frozenset({"article", "div", "main", "section"})
_ARTICLE_IDS = (
    "entry-content article-content art-content article__content articlebody article-body article__body articleBody "
    "body-text"
)
_MAIN_CONTENT = "main-content Main-content main-Content Main-Content"
# trafilatura's BODY_XPATH, level by level in its order of trust: the first level whose first container holds text
# wins. (Its optional characters are spelt out: "post[-_]?content" is "postcontent post-content post_content".)
CONTAINER_HINTS: tuple[ContainerHint, ...] = (
    ContainerHint(
        named_tags=_BOXES,
        values={
            "class": frozenset({"post", "entry"}),
            "itemprop": frozenset({"articleBody"}),
            "id": frozenset({"articleContent"}),
        },
        patterns={
            "id": words(_ARTICLE_IDS),
            "class": words(
                "post-text post_text post-body postentry post-entry postcontent post-content post_content "
                "postContent post_inner_wrapper articletext article-text articleText entry-content page-content "
                "text-content ArticleContent article__container " + _ARTICLE_IDS
            ),
        },
    ),
    ContainerHint(tags=frozenset({"article"})),
    ContainerHint(
        named_tags=_BOXES,
        values={
            "role": frozenset({"article"}),
            "id": frozenset({"article", "story"}),
            "class": frozenset({"postarea", "art-postcontent", "text", "cell", "story"}),
        },
        patterns={
            "id": words("story-body", start="primary"),
            "class": words(
                "post-bodycopy storycontent story-content theme-content blog-content section-content "
                "single-content single-post main-column wpb_text_column story-body field-body",
                "(?i:fulltext)",
                start="article ",
            ),
        },
    ),
    ContainerHint(
        named_tags=_BOXES,
        values={"id": frozenset({"content"}), "class": frozenset({"content"})},
        patterns={
            "id": words("content-main content-body contentBody " + _MAIN_CONTENT),
            "class": words(
                "content-main content_main content-body content__body page-content Page-content page-Content "
                "Page-Content " + _MAIN_CONTENT
            ),
        },
    ),
    ContainerHint(
        tags=frozenset({"main"}),
        named_tags=frozenset({"article", "div", "section"}),
        patterns={"class": words("", start="main"), "id": words("", start="main"), "role": words("", start="main")},
    ),
)

# --- The markup pass: what trafilatura prunes inside the container ---

# Never holding the container: trafilatura deletes them from the page before it looks for one.
CLEARED_TAGS = ("aside", "footer", "nav", "menu")
# Removed whatever they hold (trafilatura's tree cleaning and its precision rules), beyond `SKIP_TAGS`.
PRUNED_TAGS = frozenset(
    "header menu fencedframe applet area blink datalist dialog frame frameset fieldset link legend marquee math "
    "menuitem noindex optgroup output param progress rp rt rtc source track time use".split()
)
# Removed unless that takes away nearly all the container's text. trafilatura deletes these before it looks for
# the container (forms only when they hold less than half the page's text); the guard keeps a page wrapped in one.
GUARDED_TAGS = frozenset("nav footer aside form".split())
# The elements whose class and id the vocabulary below is tested on (trafilatura's div, item, list, p, section, span).
VOCABULARY_TAGS = frozenset("div li ul ol dl p section span".split())
_BOTH = "social viral newsletter syndication tags sidebar banner breadcrumb bread-crumb button author"
# Guarded removal (OVERALL_DISCARD_XPATH), by id and by class; beyond trafilatura's names, fact boxes ("infobox",
# "flexmodule--factbox") that stand beside the story inside its container.
GUARDED_ID = words(
    _BOTH + " bmdh footer Footer share Share nav Nav menu related message-container premium",
    start="shar|jp-|dpsp-content|ad-",
)
GUARDED_CLASS = words(
    _BOTH + " subnav avigation navbar navbox menu bar -ad- dfpAd dfpad outbrain taboola criteo "
    "paidcontent paid-content widget footer Footer byline Byline share- sociable embedded embed tag-list consent "
    "modal-content permission elated next- -stories most-popular more-on meta rating attachment timestamp "
    "user-info user-profile -icon article-infos message-container slide viewport overlay options expand "
    "obfuscated blurred mol-factbox infobox factbox yin zlylin nfoline",
    " ad[ -]",
    start="shar|nav|post-nav|ZendeskForm|ad-",
)
# Guarded removal whatever the tag: hidden elements, reply forms, comment titles.
GUARDED_ANY_ID = words("reader-comments akismet hidden", start="reply-")
GUARDED_ANY_CLASS = words(
    "comments-title nocomments -reply- message akismet suggest-links -hide- hide-print noprint notloaded",
    " hid(?:den|e)",
    start="hide-|reply-",
)
# Removed whatever they hold: comment threads, teasers, captions.
PRUNED_ID = words("Teaser teaser caption", start="[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments")
PRUNED_CLASS = words("article-comments post-comments Teaser teaser caption", start="[Cc]omment(?!ary)")
# trafilatura tests these on whichever of id and class comes first; here the class, else the id.
GUARDED_FIRST = words("cookie")
# "bottom" or "link" starting or ending a class name, "link" a whole one.
PRUNED_FIRST = words("", r"bottom(?:\s|$)|\s(?:bottom|link(?:\s|$))", start=r"bottom|link(?:\s|$)")
# Inline styles: hidden elements are guarded removals whatever the tag; bordered boxes (asides, fact boxes) are
# removed among `VOCABULARY_TAGS`.
HIDDEN_STYLES = ("display:none", "display: none", "hidden")
BOXED_STYLE = "border"
