"""Pages made of a body's markup for the HTML passes' tests, and what the markup pass keeps of them."""

from __future__ import annotations

from rashomon.clean.html.markuphints import hinted_text
from rashomon.clean.html.page import parse_html
from rashomon.clean.html.textblocks import PageBlocks, read_blocks


def page_of(body: str) -> PageBlocks:
    tree = parse_html(f"<html><body>{body}</body></html>")
    return read_blocks(tree.css_first("body"))


def hinted_lines(page: PageBlocks) -> list[str] | None:
    """The markup pass's lines, None when it names no container."""
    hinted = hinted_text(page)
    return hinted.lines if hinted is not None else None
