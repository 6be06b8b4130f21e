"""Contents the attribution tagger leaves out, found by rules beside it: a headline's "Source: words", a poll's or
report's finding ("In a CNN poll, ..."), the rest of an "according to X" sentence, and a clause "reportedly" credits
to nobody. Each is a `TaggedContent`, resolved to its speaker with the tagger's own."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rashomon.extract.lexicon.speech_words import ATTRIBUTION_ADVERBS, ATTRIBUTION_PHRASES, NOT_SPEAKERS
from rashomon.extract.tagged_quotes import SUBJECT_DEPS, TaggedContent, overlaps, subject_of, trim

# A headline that credits its words to a source before a colon: "Poll: Clinton leads in Ohio."
_HEADLINE = re.compile(r"(?P<source>[A-Z][^:\n]{0,60}?)[ \t]*:[ \t]+(?P<content>\S[^\n]*)")


def headline_content(doc: Any, text: str) -> TaggedContent | None:
    """The words of a first line (the headline) set after a source and a colon, as the source's ("Poll: Trump leads
    in Ohio"; not a rubric such as "Breaking: ...", nor a phrase with a verb, "Bill is back: ...")."""
    match = _HEADLINE.match(text)
    if match is None or match["source"].strip().lower() in NOT_SPEAKERS:
        return None
    source = doc.char_span(match.start("source"), match.end("source"), alignment_mode="expand")
    if source is None or not 0 < len(source) <= 5 or any(t.pos_ in ("VERB", "AUX", "INTJ") for t in source):
        return None
    if source.root.pos_ not in ("NOUN", "PROPN") or source.root.ent_type_ in ("GPE", "DATE", "TIME"):
        return None
    # A name speaks only where the model reads it as a person's or a body's; a title does not ("Dawn of the Dad:
    # Fathers Are ...", "Tech Support Internship: ...").
    if source.root.pos_ == "PROPN" and source.root.ent_type_ not in ("PERSON", "ORG", "NORP"):
        return None
    start, end = trim(text, match.start("content"), match.end("content"))
    end = end - 1 if end > start and text[end - 1] in ".!?" else end
    if len(text[start:end].split()) < 3:
        return None
    colon = text.index(":", match.end("source"))
    return TaggedContent(
        start=start,
        end=end,
        cue=(colon, colon + 1),
        cue_tokens=None,
        source=(source.start_char, source.end_char),
        source_tokens=(source.start, source.end),
        tagged_source=True,
    )


# Sources of findings that open a sentence as "In a recent poll, ...": the rest of the sentence is their finding.
_FINDING_SOURCES = frozenset({"poll", "survey", "study", "report", "analysis", "census", "count", "tally", "data"})


def finding_contents(doc: Any, text: str, taken: Sequence[tuple[int, int]]) -> list[TaggedContent]:
    """Sentences that open with the poll or study they report, "In a CNN poll last week, Smith led by 4 points":
    the rest of the sentence, credited to the poll."""
    found: list[TaggedContent] = []
    for sentence in doc.sents:
        first = next((t for t in sentence if not (t.is_space or t.is_punct)), None)
        if first is None or first.lower_ != "in" or first.dep_ != "prep":
            continue
        source = next((c for c in first.children if c.dep_ == "pobj"), None)
        if source is None or source.lemma_.lower() not in _FINDING_SOURCES:
            continue
        comma = next((t for t in doc[source.right_edge.i + 1 : sentence.end] if t.text == ","), None)
        if comma is None or comma.i > source.right_edge.i + 6:
            continue
        start, end = trim(text, comma.idx + 1, sentence.end_char)
        end = end - 1 if end > start and text[end - 1] in ".!?" else end
        if len(text[start:end].split()) < 4 or overlaps(taken, start, end):
            continue
        cue = doc[first.i : first.i + 1]
        found.append(
            _content_of(
                start, end, (cue.start_char, cue.end_char), cue, doc[source.left_edge.i : source.right_edge.i + 1]
            )
        )
    return found


def _content_of(start: int, end: int, cue: tuple[int, int], cue_tokens: Any, source: Any) -> TaggedContent:
    """A content found by a rule: its characters, its cue's (and the cue's tokens) and its source's tokens."""
    return TaggedContent(
        start=start,
        end=end,
        cue=cue,
        cue_tokens=(cue_tokens.start, cue_tokens.end),
        source=(source.start_char, source.end_char),
        source_tokens=(source.start, source.end),
    )


_ACCORDING = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ATTRIBUTION_PHRASES) + r")\b", re.IGNORECASE)


def according_to_contents(doc: Any, text: str, taken: Sequence[tuple[int, int]]) -> list[TaggedContent]:
    """The sentences the tagger left out that "according to X" attributes: the rest of the sentence, before the
    phrase or after it and its source ("Turnout fell, according to the count": the count's)."""
    found: list[TaggedContent] = []
    for match in _ACCORDING.finditer(text):
        words = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if words is None or not len(words):
            continue
        sentence = words[0].sent
        source = next((t for t in doc[words[-1].i + 1 : sentence.end] if t.dep_ == "pobj"), None)
        if source is None or source.head.i not in (words[-1].i, words[0].i):
            continue
        first = source.left_edge.i
        last = source.right_edge.i
        before = text[sentence.start_char : match.start()]
        if before.strip(" \t\"“‘'(—–-,"):
            start, end = trim(text, sentence.start_char, match.start())
        else:
            after = doc[last].idx + len(doc[last].text)
            while after < sentence.end_char and text[after] in " \t,;:—–-":
                after += 1
            start, end = trim(text, after, sentence.end_char)
            end = end - 1 if end > start and text[end - 1] in ".!?" else end
        if len(text[start:end].split()) < 4 or overlaps(taken, start, end):
            continue
        found.append(_content_of(start, end, (match.start(), match.end()), words, doc[first : last + 1]))
    return found


def hearsay_contents(doc: Any, text: str, taken: Sequence[tuple[int, int]]) -> list[TaggedContent]:
    """The clauses an adverb credits to unnamed reports, "The firm is reportedly weighing a sale": the clause from
    its subject to its last word, without the clauses joined to it; the adverb is the cue and nobody the source."""
    found: list[TaggedContent] = []
    for adverb in doc:
        if (
            adverb.lower_ not in ATTRIBUTION_ADVERBS
            or adverb.dep_ != "advmod"
            or adverb.head.pos_ not in ("VERB", "AUX")
            or adverb.head.dep_ in ("csubj", "advcl")  # "What reportedly happened next shocked", "As reportedly ..."
        ):
            continue
        verb = adverb.head
        subject = subject_of(verb)
        if subject is not None and subject.tag_ == "WP":
            continue  # "What reportedly happened next shocked ...": a clause the parse cannot bound
        first = subject.left_edge.i if subject is not None and subject.i < verb.i else verb.left_edge.i
        # The clause ends before a clause with a subject of its own joined to it ("..., and he joined the bench");
        # a second verb of the same subject is reported too ("made comments and had been under investigation").
        joined = [
            c.left_edge.i
            for c in verb.children
            if c.dep_ == "conj" and c.i > verb.i and any(g.dep_ in SUBJECT_DEPS for g in c.children)
        ]
        last = min([verb.right_edge.i + 1, *joined])
        while last > verb.i + 1 and (doc[last - 1].is_punct or doc[last - 1].is_space or doc[last - 1].dep_ == "cc"):
            last -= 1
        start, end = trim(text, doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text))
        if len(text[start:end].split()) < 4 or overlaps(taken, start, end):
            continue
        cue = doc[adverb.i : adverb.i + 1]
        found.append(
            TaggedContent(
                start=start,
                end=end,
                cue=(cue.start_char, cue.end_char),
                cue_tokens=(cue.start, cue.end),
                source=None,
                source_tokens=None,
                nobody=True,
            )
        )
    return found
