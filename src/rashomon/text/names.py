"""Name keys: the spelling-insensitive forms under which stages match a name to its other spellings."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")
_VOWELS = re.compile(r"[aeiouy]")


def name_key(name: str) -> str:
    """A spelling-insensitive key: accents, case, punctuation and spacing folded."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(_WORD.findall(folded))


def skeleton(key: str) -> str:
    """The consonant skeleton of a name key: transliterations of one name usually share it."""
    return _VOWELS.sub("", key.replace(" ", "")).replace("hh", "h")
