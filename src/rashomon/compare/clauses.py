"""Statement units: a sentence, or its coordinated clauses when it joins two claims ("the meeting lasted about three
hours and marked the anniversary of the deal"), so that another outlet can corroborate one claim without the other.

Cut before "and" / "but" (after a comma or not) that opens a second predicate, read from the verb that follows it: a
regular past form ("marked") or an irregular one ("made"), and after a semicolon. Both sides keep a few words, so a
list of names or a short phrase is never cut, nor are quoted words (they stay one statement with their attribution).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rashomon.compare.lexicon import BE_PAST, IRREGULAR_PAST
from rashomon.model import Sentence

# A side of a cut shorter than this many words is no claim of its own ("killed and injured many").
MIN_CLAUSE_WORDS = 5
_PAST_VERBS = IRREGULAR_PAST - BE_PAST
_COORDINATED = re.compile(r"(?:,\s*|\s+)(?P<conjunction>and|but)\s+(?P<verb>[^\W\d_]+)\b|;\s+")
_WORD = re.compile(r"\w+")
_CONJUNCTION_BEFORE = re.compile(r"(?:,?\s*\b(?:and|but)\s*|\s+)$")


def _opens_predicate(verb: str | None) -> bool:
    if verb is None:  # a semicolon
        return True
    lower = verb.lower()
    return lower in _PAST_VERBS or (lower.endswith("ed") and len(lower) > 4 and lower not in BE_PAST)


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` lies inside quotation marks: a speaker's words stay one statement with their attribution."""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def clause_cuts(text: str) -> list[int]:
    """Offsets in ``text`` (one sentence) where a coordinated clause starts: at its verb, after the conjunction
    ("and marked": "marked"), or after the semicolon."""
    cuts: list[int] = []
    last = 0
    for match in _COORDINATED.finditer(text):
        if not _opens_predicate(match.group("verb")):
            continue
        at = match.end() if match.group("verb") is None else match.start("verb")
        if _quoted(text, at):
            continue
        left, right = _WORD.findall(text[last : match.start()]), _WORD.findall(text[at:])
        if len(left) >= MIN_CLAUSE_WORDS and len(right) >= MIN_CLAUSE_WORDS:
            cuts.append(at)
            last = at
    return cuts


def statement_units(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """The article's sentences, each cut into its coordinated clauses (in order, disjoint; the conjunction and
    spaces between them left out, as they belong to neither claim)."""
    units = []
    for sentence in sentences:
        body = text[sentence.start : sentence.end]
        cuts = clause_cuts(body)
        # Each clause ends where the next one's conjunction begins.
        ends = [len(_CONJUNCTION_BEFORE.sub("", body[:cut])) for cut in cuts]
        for start, end in zip([0, *cuts], [*ends, len(body)], strict=True):
            piece = body[start:end]
            left = start + len(piece) - len(piece.lstrip())
            right = start + len(piece.rstrip())
            if right > left:
                units.append(
                    Sentence(article=sentence.article, start=sentence.start + left, end=sentence.start + right)
                )
    return units
