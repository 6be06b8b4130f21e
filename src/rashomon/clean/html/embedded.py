"""Article markup a page carries only inside its scripts, for pages whose own markup holds no article text.

Pages a framework renders in the browser (Next.js streams its React tree as `self.__next_f.push([1, "..."])` calls;
others put it in a JSON blob) send the article's paragraphs as HTML inside string literals, escaped once per level
of nesting. The string literals of the page's scripts are decoded, and those holding paragraph markup are read back
as one HTML fragment.
"""

from __future__ import annotations

import json
import re

from selectolax.lexbor import LexborNode

# A JSON (or JavaScript double-quoted) string literal.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
# Paragraph markup in a decoded string.
_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)
# Literals shorter than this hold no article paragraph worth reading; levels of escaping searched.
_MIN_LITERAL_CHARS = 200
_DEPTH = 2


def _strings_with_paragraphs(text: str, depth: int) -> list[str]:
    """The decoded string literals in ``text`` that hold paragraph markup, looking ``depth`` levels of escaping
    deep."""
    found: list[str] = []
    for match in _STRING.finditer(text):
        literal = match.group()
        if len(literal) < _MIN_LITERAL_CHARS:
            continue
        try:
            value = json.loads(literal)
        except ValueError:
            continue
        if not isinstance(value, str):
            continue
        # A literal holding JSON holds the markup in its own literals, escaped once more: those are taken.
        nested = _strings_with_paragraphs(value, depth - 1) if depth > 1 else []
        if nested:
            found.extend(nested)
        elif _PARAGRAPH.search(value):
            found.append(value)
    return found


def embedded_markup(tree: LexborNode) -> str | None:
    """The paragraph markup the page's scripts carry, as one HTML document (each piece once); None when they carry
    none."""
    pieces: list[str] = []
    for script in tree.css("script"):
        text = script.text(deep=True)
        if len(text) >= _MIN_LITERAL_CHARS and ("\\u003c" in text or "<p" in text):
            pieces.extend(_strings_with_paragraphs(text, _DEPTH))
    if not pieces:
        return None
    return "<html><body>" + "\n".join(f"<div>{piece}</div>" for piece in dict.fromkeys(pieces)) + "</body></html>"
