"""Word patterns, each named for what it matches.

They differ on purpose: which characters join a word changes counts and keys, so a stage picks the one its
thresholds and weights were set with.
"""

from __future__ import annotations

import re
from typing import Final

# Runs of word characters (letters, digits, underscore): tokens for keys and overlaps, not linguistics.
WORD_RUN: Final = re.compile(r"\w+")

# Word-character runs joined by inner apostrophes, so "don't" and "O’Brien" are one word.
APOSTROPHE_WORD: Final = re.compile(r"\w+(?:['’]\w+)*")

# The same, also joined by inner hyphens: "al-Assad", "well-known".
APOSTROPHE_HYPHEN_WORD: Final = re.compile(r"\w+(?:['’-]\w+)*")

# Two or more characters led by a letter, with apostrophes and hyphens (as scikit-learn's default tokens); no word
# boundaries, which cost a third of the time and change nothing on prose.
LETTER_LED_WORD: Final = re.compile(r"[^\W\d_][\w'’-]+")


# " | Outlet", " - Section" after a headline in a page's title ("Headline | World | Example Post").
TITLE_SUFFIX: Final = re.compile(r"\s+[|\-–—:]\s+[^|\-–—:]{2,60}$")

_NON_WORD: Final = re.compile(r"\W+")


def title_key(text: str) -> str:
    """A line or a title for comparing with another: case-folded, runs of non-word characters as one space."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def restates(one: str, other: str, longer_by: float) -> bool:
    """Whether of two keys (`title_key`) the shorter is inside the longer and the longer is at most ``longer_by``
    times its length ("Amy cries 'I love you'" and "Amy cries 'I love you' | Music News"; not "News")."""
    shorter, longer = sorted((one, other), key=len)
    return bool(shorter) and shorter in longer and len(longer) <= longer_by * len(shorter)
