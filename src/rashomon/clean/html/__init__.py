"""The markup passes of cleaning: HTML text in, the body's text blocks and the page's metadata out.

`page` parses once (lexbor) and walks the tree into text blocks (`textblocks`); `markuphints` applies trafilatura's
container rules with the names in `vocabulary`; `textdensity` falls back on text density; `pagemeta` reads meta tags
and JSON-LD.
"""
