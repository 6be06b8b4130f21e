"""Article text and metadata from an HTML page: one parse, one walk, two readings of the same text blocks.

The page is parsed once by lexbor (through selectolax: an HTML5 parser, so the tree is the one a browser builds)
and its body walked once into text blocks (`textblocks`). Two passes read them: the markup pass (`markuphints`:
trafilatura's container names and pruning rules, the more precise) and the text-density pass (`textdensity`: no
markup conventions, so it finds what the other misses). The markup pass's paragraphs are taken unless they hold
less than `FALLBACK_RATIO` of the density pass's text, which then means it kept only part of the article; where the
two read mostly the same text, the density pass settles the lines they disagree over (`corrected_paragraphs`). Metadata
comes from the page's own <meta> tags and JSON-LD (`pagemeta`). A page that so gives no article text is read again:
with an element that swallowed the rest of it closed (`repaired_markup`), then from the markup its scripts carry
(`embedded`). Where none of that gives article text, `clean` may take the lead beside the page's headline
(`extract_lead`: an article cut short by a paywall or a login prompt).

Extraction benchmark (tuned on the first 90 pages, the other 91 held out): F1 0.978 tuning, 0.968 held out, 0.973 on
all 181, the same articles as with lxml's parser before (checked on all 181 pages). Timed stage by stage in one
process on 2026-12-01 (scratch), a page took about 0.8 ms to parse, 1.1 to walk, 0.7 for the markup pass, 0.6 for
the density pass, 0.2 for metadata, and in `clean` 0.35 for the line classes and 0.4 for the language; lxml took
1.5-2 ms to parse. `python benchmarks/extraction.py`: 152-201 pages/s of CPU for the whole stage in three runs.
On the tuning half the markup pass alone gives 0.949, the density pass alone 0.968. trafilatura's fast mode, which
the markup pass replaces, gave 0.970 (0.969 held out) at 30 pages/s: its XPath passes over copies of the tree took
14 ms a page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser, LexborNode

from rashomon.clean.html.embedded import embedded_markup
from rashomon.clean.html.markuphints import hinted_text
from rashomon.clean.html.pagemeta import declared_site_names, declared_titles, declares_article, page_meta
from rashomon.clean.html.textblocks import PageBlocks, ancestors, read_blocks
from rashomon.clean.html.textdensity import MAX_SCORED_LINK_SHARE, density_paragraphs
from rashomon.clean.lines import word_count
from rashomon.text.words import restates, title_key

# Share of the density pass's text below which the markup pass is taken to have missed part of the article
# (tuning half: 0.4 -> F1 0.975, 0.5 -> 0.978, 0.6 -> 0.975, 0.7 -> 0.971; each step from 0.5 loses one page).
FALLBACK_RATIO = 0.5
# Share of the smaller pass's text that must be in both for the density pass to correct the markup pass, and the
# lengths below which a line only the markup pass kept is dropped, and from which a line only the density pass kept
# is added (tuning half of wceb-dev; `corrected_paragraphs`).
AGREEMENT_SHARE = 0.5
DROPPED_LINE_CHARS = 80
ADDED_LINE_CHARS = 200
# Share of the text past the lines both passes kept in lines of `DROPPED_LINE_CHARS` from which the article goes on
# there, unread by the density pass (`_judged_stretch`).
UNREAD_PROSE_SHARE = 0.7


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlExtraction:
    paragraphs: list[str]
    title: str | None
    author: str | None
    date: str | None
    sitename: str | None
    language: str | None
    # The page's own address (`pagemeta`: canonical link or og:url).
    url: str | None = None


def parse_html(html: str) -> LexborNode | None:
    """The page's root element as an HTML5 parser builds it; None when there is none."""
    # Without DOM mutation events: they only mirror form controls (<selectedcontent>), which no pass reads.
    return LexborHTMLParser(html, options=LexborDocumentOptions.WO_EVENTS).root


def choose_paragraphs(
    hinted: list[str] | None, density: list[str], container_lines: frozenset[str] = frozenset()
) -> list[str]:
    """The markup pass's paragraphs, unless there are none or they hold less than `FALLBACK_RATIO` of the
    density pass's text; where the two passes read mostly the same text, corrected by the density pass
    (`corrected_paragraphs`; ``container_lines``: every line of the markup pass's container)."""
    if hinted is None or sum(map(len, hinted)) < FALLBACK_RATIO * sum(map(len, density)):
        return density
    return corrected_paragraphs(hinted, density, container_lines)


def corrected_paragraphs(hinted: list[str], density: list[str], container_lines: frozenset[str]) -> list[str]:
    """The markup pass's lines with the density pass's word on what they disagree over, where at least
    `AGREEMENT_SHARE` of the smaller pass's text is in both: a short line only the markup pass kept (a "Related
    stories" label, a photo credit, a posting time) is dropped where the density pass read past it
    (`_judged_stretch`); a paragraph only the density pass kept, from inside the markup pass's container (a paragraph
    in a <div> where the rest are <p>, one after a subheading the markup dropped with its box), is put back after the
    density pass's line before it."""
    in_density, in_hinted = set(density), set(hinted)
    shared = sum(len(line) for line in hinted if line in in_density)
    if not density or shared < AGREEMENT_SHARE * min(sum(map(len, hinted)), sum(map(len, density))):
        return hinted
    both = [at for at, line in enumerate(hinted) if line in in_density]
    if not both:  # nothing in common (passes of empty lines)
        return hinted
    first, last = _judged_stretch(hinted, both[0], both[-1])
    added: dict[str | None, list[str]] = {}
    anchor: str | None = None
    for line in density:
        if line in in_hinted:
            anchor = line
        elif len(line) >= ADDED_LINE_CHARS and line in container_lines:
            added.setdefault(anchor, []).append(line)
    lines = added.pop(None, [])
    for at, line in enumerate(hinted):
        if line in in_density or len(line) >= DROPPED_LINE_CHARS or not first < at < last:
            lines.append(line)
        lines += added.pop(line, [])
    return lines


def _judged_stretch(hinted: list[str], first: int, last: int) -> tuple[int, int]:
    """The bounds (exclusive) of the markup pass's lines the density pass judged, from the ``first`` to the ``last``
    line both kept, and on to either end where the lines past it read as no more of the article (under
    `UNREAD_PROSE_SHARE` of their text in lines of `DROPPED_LINE_CHARS`: labels and links the density pass left out
    past where the article ends). Where they do read as prose, the density pass stopped before the article did,
    and the short lines there were never weighed by it."""
    if not _prose(hinted[:first]):
        first = -1
    if not _prose(hinted[last + 1 :]):
        last = len(hinted)
    return first, last


def _prose(lines: list[str]) -> bool:
    long = sum(len(line) for line in lines if len(line) >= DROPPED_LINE_CHARS)
    return long > 0 and long >= UNREAD_PROSE_SHARE * sum(map(len, lines))


def article_paragraphs(tree: LexborNode, comments: bool = False) -> list[str]:
    """The article's paragraphs, one string per line; [] when nothing reads like article text. With ``comments``,
    the density pass reads readers' comment threads as text."""
    body = tree.css_first("body")
    page = read_blocks(body if body is not None else tree)
    hinted = hinted_text(page)
    density = density_paragraphs(page, comments)
    if hinted is None:
        return density
    return choose_paragraphs(hinted.lines, density, hinted.container_lines)


# Elements whose text is not markup (a <title>'s or <textarea>'s, a <script>'s or <style>'s), and what in that text
# shows that a missing or mangled end tag let the element swallow the page: markup of the page's body.
_SWALLOWING = {
    "title": re.compile(r"</?(?:body|head|div|p|table|td|span|a|script)\b", re.IGNORECASE),
    "textarea": re.compile(r"</?(?:body|head|div|p|table|td)\b", re.IGNORECASE),
    "script": re.compile(r"<body\b|</head\s*>", re.IGNORECASE),
    "style": re.compile(r"<body\b|</head\s*>", re.IGNORECASE),
}
_SWALLOWED_CHARS = 300
_ANCHOR_CHARS = 80
# What of a swallowing element's text is its own: up to its first line break or tag.
_OWN_TEXT = re.compile(r"[^<\n]*")


def repaired_markup(html: str, tree: LexborNode) -> str | None:
    """The page with an element that swallowed it closed (a damaged page: "<title>Gale to drive Nation" cut off, or
    a <script> whose src attribute lost its quote, holds all that follows as its text, so a browser shows nothing);
    None when no element did.

    The element is closed where its own text ends: at its first line break or tag.
    """
    for element in tree.css(", ".join(_SWALLOWING)):
        text = element.text(deep=True)
        if len(text) < _SWALLOWED_CHARS or not _SWALLOWING[element.tag or ""].search(text):
            continue
        # Found in the source by its opening characters (up to an entity: a title's text has them decoded).
        entity = text.find("&", 0, _ANCHOR_CHARS)
        anchor = text[: _ANCHOR_CHARS if entity < 0 else entity]
        start = html.find(anchor) if anchor.strip() else -1
        if start < 0:
            continue
        own = _OWN_TEXT.match(text)
        end = start + (own.end() if own else 0)
        return f"{html[:end]}</{element.tag}>{html[end:]}"
    return None


def extract_html(
    html: str, url: str | None = None, crawled: datetime | None = None, comments: bool = False
) -> HtmlExtraction | None:
    """Body paragraphs and metadata of a page (its address and fetch time, when known, help date it); None when it
    has no article text. With ``comments``, readers' comment threads are read as text (`density_paragraphs`)."""
    tree = parse_html(html)
    if tree is None:
        return None
    paragraphs = article_paragraphs(tree, comments)
    # Only where the page as parsed gives nothing: an intact page is not searched for a swallowing element, nor its
    # scripts for markup.
    if not paragraphs and (repaired := repaired_markup(html, tree)) is not None:
        tree = parse_html(repaired)
        if tree is None:
            return None
        paragraphs = article_paragraphs(tree, comments)
    if not paragraphs and (embedded := embedded_markup(tree)) is not None:
        inner = parse_html(embedded)
        paragraphs = article_paragraphs(inner, comments) if inner is not None else []
    if not paragraphs:
        return None
    return _with_metadata(paragraphs, tree, url, crawled)


# How far above a cut-short article's headline its lead is looked for: the headline's parent (a <header> holding
# the headline and the lead) and grandparent.
LEAD_LEVELS = 2
# Words from which a heading can be an article's headline (a section's name, "World news", is none).
HEADLINE_WORDS = 4
# How much longer than the other a declared title and the headline may be for one to restate the other (the
# <title> "Headline | Outlet", the headline "Headline"); an outlet's name in the <title> is not its headline.
RESTATED_TITLE = 1.25
# Elements whose text is no lead, wherever they stand: navigation, asides, captions, forms.
_NOT_LEAD = frozenset({"nav", "aside", "footer", "figure", "figcaption", "form", "menu"})
# The prompt that cuts an article short is no lead: "To continue reading, sign in or subscribe", in the languages
# the cleaning knows.
_ACCESS_PROMPT = re.compile(
    r"continue reading|keep reading|read the full|sign in|log in|subscribe|subscriber|subscription|free trial"
    r"|create an? (?:free )?account|already a member|members only|register to|weiterlesen|abonnieren|abonnent"
    r"|registrieren|anmelden|abonnez|abonnés|connectez|suscríbete|suscriptor|inicia sesión|abbonati|accedi"
    r"|会員限定|有料会員|ログイン|登录|订阅",
    re.IGNORECASE,
)


def headline_lead(tree: LexborNode, reads_like_body: Callable[[str], bool]) -> list[str]:
    """The lead of an article cut short (a paywall or a login prompt after one paragraph, the rest loaded by
    script): the lines that ``reads_like_body`` accepts after the page's headline, in the nearest of its
    `LEAD_LEVELS` ancestors holding any, outside links and furniture; [] when there are none.

    Only on a page that declares itself an article (`declares_article`), and only beside an <h1> of
    `HEADLINE_WORDS` or more that restates a title the page declares and is not its site's name: a section front
    or a picture page, whose <h1> is a section's or the site's name, does not become an article of its slogan.
    """
    if not declares_article(tree):
        return []
    titles = [key for title in declared_titles(tree) if (key := title_key(title))]
    sites = {title_key(name) for name in declared_site_names(tree)}
    body = tree.css_first("body")
    page = read_blocks(body if body is not None else tree)
    for at, block in enumerate(page.blocks):
        heading = title_key(block.text)
        if (
            block.owner.tag != "h1"
            or heading in sites
            or word_count(block.text) < HEADLINE_WORDS
            or not any(restates(heading, title, RESTATED_TITLE) for title in titles)
        ):
            continue
        element: LexborNode | None = block.owner
        for _ in range(LEAD_LEVELS):
            element = element.parent if element is not None else None
            if element is None:
                break
            if lead := _lead_lines(page, element, at, reads_like_body):
                return lead
    return []


def _lead_lines(
    page: PageBlocks, element: LexborNode, headline: int, reads_like_body: Callable[[str], bool]
) -> list[str]:
    """The lines of ``element`` after the block at ``headline`` that read like body text, in blocks that are not
    mostly links nor inside furniture below ``element``."""
    lines = []
    for at in page.indices_inside(element):
        block = page.blocks[at]
        if at <= headline or block.link_chars > MAX_SCORED_LINK_SHARE * len(block.text):
            continue
        if _in_furniture(block.owner, element):
            continue
        lines += [line for line in block.lines if reads_like_body(line) and not _ACCESS_PROMPT.search(line)]
    return lines


def _in_furniture(owner: LexborNode, stop: LexborNode) -> bool:
    if owner.tag in _NOT_LEAD:
        return True
    for above in ancestors(owner):
        if above.mem_id == stop.mem_id:
            return False
        if above.tag in _NOT_LEAD:
            return True
    return False


def _with_metadata(
    paragraphs: list[str], tree: LexborNode, url: str | None, crawled: datetime | None
) -> HtmlExtraction:
    """The paragraphs found with the page's metadata (title, author, date, site name, language)."""
    meta = page_meta(tree, url, crawled)
    return HtmlExtraction(
        paragraphs=paragraphs,
        title=meta.title,
        author=meta.author,
        date=meta.date,
        sitename=meta.sitename,
        language=meta.language,
        url=meta.url,
    )


def extract_lead(
    html: str, reads_like_body: Callable[[str], bool], url: str | None = None, crawled: datetime | None = None
) -> HtmlExtraction | None:
    """Metadata and the lead (`headline_lead`) of a page whose article is cut short; None when it shows none.
    Only for a page in which `extract_html` found no article text."""
    tree = parse_html(html)
    if tree is None or not (paragraphs := headline_lead(tree, reads_like_body)):
        return None
    return _with_metadata(paragraphs, tree, url, crawled)
