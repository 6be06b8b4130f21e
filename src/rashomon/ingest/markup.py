"""Cheap checks on HTML before it reaches a parser: does a text hold markup, and how deep do its tags nest.

No news page nests its elements more than a few dozen deep, but a "nesting bomb" does: the HTML parser's time
grows faster than the depth (lexbor took 2.4 s for 30,000 levels), the text walk takes a call a level, and lxml's
parser (under trafilatura) silently drops everything deeper than about 255 levels. A single regex pass over the
tags measures the depth first, so such a page is rejected with a reason instead.
"""

from __future__ import annotations

import re
from collections import Counter

# Comments, scripts and styles are skipped whole (an unterminated one runs to the end, keeping the scan linear);
# otherwise a start or end tag, its name, and a self-closing slash.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\s[^>]*?)?(/?)>",
    re.DOTALL | re.IGNORECASE,
)
_MARKUP = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^>]*)?/?|/[a-zA-Z][a-zA-Z0-9:-]*\s*|!--)>")
# Elements that never have content, so never nest.
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen".split()
)
# Elements whose start tag ends an open sibling of the same name (``<li>a<li>b``), as an HTML parser does.
_SELF_ENDING = frozenset("p li dt dd tr td th option optgroup rt rp".split())


def has_markup(text: str) -> bool:
    """True when the text holds at least one HTML tag or comment (rather than being plain text)."""
    return _MARKUP.search(text) is not None


def nesting_depth(html: str, limit: int) -> int:
    """How many elements deep the page's tags nest, counting only up to just past ``limit``.

    Open elements are tracked on a stack the way a forgiving parser would: an end tag closes its matching open
    element and any left open inside it, an end tag with no open match is ignored, and a ``<p>`` or ``<li>`` closes
    an open sibling of the same name. Returns ``limit + 1`` as soon as the depth exceeds ``limit``.
    """
    stack: list[str] = []
    open_names: Counter[str] = Counter()
    deepest = 0
    for match in _TOKEN.finditer(html):
        closing, raw_name, self_closing = match.group(2, 3, 4)
        if raw_name is None or self_closing:
            continue
        name = raw_name.lower()
        if name in _VOID:
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
            if deepest > limit:
                return deepest
    return deepest
