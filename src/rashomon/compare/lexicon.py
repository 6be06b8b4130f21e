"""Words that carry no claim of their own: two sentences sharing them say nothing alike (spaCy's English stop words,
and the reporting verbs every news sentence has)."""

from __future__ import annotations

from typing import Final

from spacy.lang.en.stop_words import STOP_WORDS

FUNCTION_WORDS: Final = frozenset(STOP_WORDS) | frozenset("said says say told according reported added".split())
