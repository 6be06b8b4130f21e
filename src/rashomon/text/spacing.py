"""One plain space between words, for the parse, with the way back to the text as written.

The tokenizer keeps a token's trailing white space only when it is one plain space; any other blank run between
two words (a double space after a full stop, a tab, a no-break space in "12\xa0percent") becomes a token of its own,
which parts a number from its unit and the parser from the words around it. The parse reads the text with each
such run made one space, and every offset found in that text is mapped back, so spans still index the text as
written (a given `body` is kept verbatim).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

# A run of blanks inside a line between two non-blank characters; line breaks are paragraph ends and stay.
_INNER_BLANKS: Final = re.compile(r"(?<=\S)[^\S\n]+(?=\S)")


class OneSpaced:
    """``text`` with every blank run between two words inside a line made one plain space; `written` and
    `written_end` map an offset into it back to the original."""

    __slots__ = ("_after", "_shifts", "text")

    def __init__(self, original: str) -> None:
        pieces: list[str] = []
        # For each run shortened: where the one-spaced text resumes after its space, and how many characters
        # were dropped up to there.
        self._after: list[int] = []
        self._shifts: list[int] = []
        copied = dropped = 0
        for run in _INNER_BLANKS.finditer(original):
            if run.group() == " ":
                continue
            pieces += (original[copied : run.start()], " ")
            copied = run.end()
            dropped += len(run.group()) - 1
            self._after.append(run.end() - dropped)
            self._shifts.append(dropped)
        self.text = "".join([*pieces, original[copied:]]) if pieces else original

    @property
    def changed(self) -> bool:
        """Whether any run was made one space (else offsets are the same in both texts)."""
        return bool(self._after)

    def written(self, at: int) -> int:
        """The original offset of a start offset into ``text`` (a made space is where its run began)."""
        runs = bisect_right(self._after, at)
        return at + self._shifts[runs - 1] if runs else at

    def written_end(self, end: int) -> int:
        """The original offset of an end offset into ``text``: just after the original of its last character."""
        return self.written(end - 1) + 1 if end > 0 else 0
