"""Clean-text spans of a dossier placed back on the source text a benchmark's gold offsets point into.

Cleaning may change white space and drop lines; the non-space characters the two texts share, in order, map one
onto the other (all at once where cleaning changed only white space, else through difflib's matching blocks).
"""

from __future__ import annotations

import difflib


def _visible(text: str) -> tuple[str, list[int]]:
    """The text without white space, and the offset of each kept character."""
    offsets = [i for i, c in enumerate(text) if not c.isspace()]
    return "".join(text[i] for i in offsets), offsets


class SourceOffsets:
    """Clean-text offset -> source offset for the characters both texts hold; ``kept`` is the source offsets that
    survived cleaning."""

    def __init__(self, source: str, clean: str) -> None:
        src, src_at = _visible(source)
        cln, cln_at = _visible(clean)
        self.mapping: dict[int, int] = {}
        if src == cln:
            self.mapping = dict(zip(cln_at, src_at, strict=True))
        else:
            for block in difflib.SequenceMatcher(None, cln, src, autojunk=False).get_matching_blocks():
                for k in range(block.size):
                    self.mapping[cln_at[block.a + k]] = src_at[block.b + k]
        self.kept = set(self.mapping.values())

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """A clean-text span on the source text (its first to last mapped character), or None."""
        inside = [self.mapping[i] for i in range(start, end) if i in self.mapping]
        return (min(inside), max(inside) + 1) if inside else None
