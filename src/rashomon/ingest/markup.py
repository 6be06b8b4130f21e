"""Cheap checks on HTML before it reaches a parser: does a text hold markup, how deep do its tags nest, and how
many attributes does its busiest tag carry.

No news page nests its elements more than a few dozen deep, but a "nesting bomb" does: the HTML parser's time
grows faster than the depth (lexbor took 2.4 s for 30,000 levels), the text walk takes a call a level, and lxml's
parser (under trafilatura) silently drops everything deeper than about 255 levels. Nor does a news page put more
than a few dozen attributes on one tag, while the parser's time grows with the square of their number (lexbor took
0.8 s for one tag of 20,000 attributes, about 30 s for 100,000). A single regex pass over the tags measures both
first, so such a page is rejected with a reason instead.
"""

from __future__ import annotations

import re
from collections import Counter

# Comments, scripts and styles are skipped whole (an unterminated one runs to the end, keeping the scan linear);
# otherwise a start or end tag, its name, and a self-closing slash.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(\s[^>]*?)?(/?)>",
    re.DOTALL | re.IGNORECASE,
)
_MARKUP = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^>]*)?/?|/[a-zA-Z][a-zA-Z0-9:-]*\s*|!--)>")
# Elements that never have content, so never nest.
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen".split()
)
# Elements whose start tag ends an open sibling of the same name (``<li>a<li>b``), as an HTML parser does.
_SELF_ENDING = frozenset("p li dt dd tr td th option optgroup rt rp".split())
# Where a trailing slash closes an element: inside SVG and MathML only (HTML ignores it: `<div/>` opens a div).
_FOREIGN = ("svg", "math")
# One attribute of a start tag: a name, optionally with a quoted or bare value.
_ATTRIBUTE = re.compile(r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")


def has_markup(text: str) -> bool:
    """True when the text holds at least one HTML tag or comment (rather than being plain text)."""
    return _MARKUP.search(text) is not None


def measure(html: str, depth_limit: int, attribute_limit: int) -> tuple[int, int]:
    """How deep the page's tags nest and how many attributes its busiest start tag has, in one pass over the tags;
    stops as soon as either exceeds its limit.

    Open elements are tracked on a stack the way a forgiving parser would: an end tag closes its matching open
    element and any left open inside it, an end tag with no open match is ignored, a ``<p>`` or ``<li>`` closes
    an open sibling of the same name, and a trailing slash closes an element only inside SVG or MathML (``<div/>``
    opens a div, as in a browser). The depth returned stops at ``depth_limit + 1``; attributes are counted only in
    tags long enough to hold more than ``attribute_limit`` of them.
    """
    stack: list[str] = []
    open_names: Counter[str] = Counter()
    deepest = busiest = 0
    for match in _TOKEN.finditer(html):
        closing, raw_name, attributes, self_closing = match.group(2, 3, 4, 5)
        if raw_name is None:
            continue
        if attributes and not closing and len(attributes) > 2 * attribute_limit:
            busiest = max(busiest, sum(1 for _ in _ATTRIBUTE.finditer(attributes)))
            if busiest > attribute_limit:
                return deepest, busiest
        name = raw_name.lower()
        if name in _VOID or (self_closing and any(open_names[f] for f in _FOREIGN)):
            continue
        if closing:
            while open_names[name] and stack:
                top = stack.pop()
                open_names[top] -= 1
                if top == name:
                    break
            continue
        if name in _SELF_ENDING and stack and stack[-1] == name:
            stack.pop()
            open_names[name] -= 1
        stack.append(name)
        open_names[name] += 1
        if len(stack) > deepest:
            deepest = len(stack)
            if deepest > depth_limit:
                return deepest, busiest
    return deepest, busiest
