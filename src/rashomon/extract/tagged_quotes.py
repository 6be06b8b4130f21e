"""Contents the attribution tagger finds (`attribution_model`), kept to what a reader would call the quote: the
tagger's spans trimmed, widened to a phrase or clause end, its attribution and the terms a source spoke on left
out, split where a second speaker's attribution begins. The contents rules add beside it are in `rule_contents`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from spacy.attrs import HEAD, IDX, IS_PUNCT, IS_SPACE, LENGTH, POS, SENT_START
from spacy.symbols import VERB

from rashomon.extract import attribution_model as tagger
from rashomon.extract import content_bounds
from rashomon.extract.lexicon.speech_words import (
    ATTRIBUTION_PHRASES,
    CLAUSE_SPEECH_VERBS,
    PERCEPTION_VERBS,
    PERSONAL_PRONOUNS,
    SPEECH_VERBS,
    TERMS_NOUNS,
)
from rashomon.extract.nlp import text_of
from rashomon.extract.quote_marks import EDGE_MARKS, TRAILING, tagger_quote_spans

# The dependency labels of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def subject_of(verb: Any) -> Any | None:
    """A verb's subject, climbed to from a clause that has none of its own ("said, adding ..."), else its agent
    ("was told by the mayor")."""
    for node in [verb, *verb.ancestors]:
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        if node.dep_ not in ("advcl", "xcomp", "conj", "ccomp", "relcl"):
            break
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


@dataclass(frozen=True, slots=True)
class TaggedContent:
    """A content span the tagger found (characters), with its cue and source spans and their tokens."""

    start: int
    end: int
    cue: tuple[int, int] | None
    cue_tokens: tuple[int, int] | None
    source: tuple[int, int] | None
    source_tokens: tuple[int, int] | None
    tagged_source: bool = False  # a source the tagger labelled (not one the linker or the parse added)
    nobody: bool = False  # a belief the sentence states for nobody (`_held_by_nobody`): no speaker


def overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and b > start for a, b in spans)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Content without the quote marks around it and the comma or colon a closing mark kept."""
    while start < end and text[start] in EDGE_MARKS:
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class _Words:
    """What the rules on tagged contents read of every token, as lists made once per document: a content spans
    dozens of tokens, and a spaCy `Token` made for each of them cost more than the rules' tests."""

    heads: list[int]
    sentence: list[int]  # the sentence's number
    punct: list[bool]
    counted: list[bool]  # neither punctuation nor white space: a word of the content
    verb: list[bool]
    newline: list[bool]  # the token's text holds a line break
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, doc: Any) -> _Words:
        values = doc.to_array([HEAD, IS_PUNCT, IS_SPACE, POS, SENT_START, IDX, LENGTH]).astype(np.int64)
        punct, space = values[:, 1].astype(bool), values[:, 2].astype(bool)
        starts, ends = values[:, 5], values[:, 5] + values[:, 6]
        breaks = np.array([m.start() for m in re.finditer("\n", text_of(doc))], dtype=np.int64)
        return cls(
            heads=(np.arange(len(values)) + values[:, 0]).tolist(),
            sentence=np.cumsum(values[:, 4] == 1).tolist(),
            punct=punct.tolist(),
            counted=(~punct & ~space).tolist(),
            verb=(values[:, 3] == VERB).tolist(),
            newline=(np.searchsorted(breaks, ends) > np.searchsorted(breaks, starts)).tolist(),
            starts=starts.tolist(),
            ends=ends.tolist(),
        )


def tagged_contents(
    doc: Any, marked: Sequence[tuple[int, int]], quoted: Sequence[tuple[int, int]] | None = None
) -> list[TaggedContent]:
    """The tagger's contents, cues and sources as character spans. ``quoted``: the text's `tagger_quote_spans`,
    when already found."""
    if not len(doc):
        return []
    weights = tagger.shipped_weights()
    text = text_of(doc)
    spans = quoted if quoted is not None else tagger_quote_spans(text, marked)
    parsed = tagger.parse_arrays(doc, spans, weights.cue_lemmas)

    def chars(run: tuple[int, int] | None) -> tuple[int, int] | None:
        return (int(parsed.starts[run[0]]), int(parsed.ends[run[1] - 1])) if run else None

    words = _Words.of(doc)
    in_quotes = parsed.quoted.tolist()  # read token by token by the content bounds: a list once per document
    found: list[TaggedContent] = []
    labels = tagger.tag(parsed, weights)
    labels[_terms_of_speaking(doc)] = 0
    for linked in tagger.link(parsed, labels, weights.linker):
        if _not_speech(doc, linked, marked) or _too_short(doc, linked, marked, words):
            continue
        nobody = _held_by_nobody(doc, linked)
        for part in [linked] if nobody else _attribution_out_of_content(doc, linked, parsed, in_quotes):
            item = _to_phrase_end(
                doc, part if nobody else _source_after_comma(doc, _cue_subject_first(doc, part)), words
            )
            item = content_bounds.with_phrase_start(doc, _to_reported_clause(doc, item))
            start, end = trim(text, *_according_to_content(parsed, item, text) or chars(item.content))  # type: ignore[misc]
            end = content_bounds.quote_end_before_cue(
                text, marked, (start, _without_final_stop(doc, text, marked, start, end)), chars(item.cue)
            )
            start = content_bounds.without_opening_link(doc, marked, start, end)
            if end - start < 3 or (found and found[-1].start == start and found[-1].end == end):
                continue
            content = TaggedContent(
                start=start,
                end=end,
                cue=chars(item.cue),
                cue_tokens=item.cue,
                source=chars(item.source),
                source_tokens=item.source,
                tagged_source=item.source is not None and item.tagged_source,
                nobody=nobody,
            )
            pieces = _split_at_second_speaker(doc, text, content, weights.cue_lemmas, marked, words=words)
            found.extend(replace(p, end=content_bounds.without_dangling_end(doc, p.start, p.end)) for p in pieces)
    return found


def _terms_of_speaking(doc: Any) -> list[int]:
    """The words of a clause that tells on what terms a source spoke ("Officials, speaking on condition of
    anonymity, said ...", "an official who spoke on background"): the attribution's, though the tagger reads them
    as a cue and a content of their own. Its purpose ("to discuss the inquiry") and a clause that reports
    something of its own ("because she feared her employer would ...") stay."""
    terms = np.array([doc.vocab.strings[noun] for noun in TERMS_NOUNS], dtype=np.uint64)
    found: list[int] = []
    # The nouns are picked from the parse's array: a `Token` object for every word costs more than the test.
    for i in np.flatnonzero(np.isin(doc.to_array("LEMMA"), terms)).tolist():
        on = doc[i].head
        verb = on.head
        if doc[i].dep_ != "pobj" or on.lower_ != "on" or verb.lemma_.lower() not in ("speak", "talk"):
            continue
        if verb.dep_ in ("ccomp", "xcomp", "conj"):
            continue  # what is reported ("said the officials were speaking on condition ..."), or a later act
        kept = {
            t.i
            for clause in verb.children
            if clause.dep_ == "conj"  # "spoke on condition of anonymity and said the talks had collapsed"
            or (
                clause.dep_ in ("xcomp", "advcl")
                and (any(c.lower_ == "to" for c in clause.children) or any(t.dep_ == "ccomp" for t in clause.subtree))
            )
            for t in clause.subtree
        }
        found.extend(t.i for t in verb.subtree if t.i not in kept)
    return found


def _without_final_stop(doc: Any, text: str, marked: Sequence[tuple[int, int]], start: int, end: int) -> int:
    """The end of a content without its sentence's full stop, unless quote marks hold the content (an indirect
    content reports words, not the sentence that carries them); a stop that ends an abbreviation ("U.S.") stays."""
    if end - start < 2 or text[end - 1] != "." or overlaps(marked, start, end):
        return end
    stop = doc.char_span(end - 1, end)
    if stop is None or not stop[0].is_punct:
        return end
    return end - 1


# Tagged contents shorter than these (words) rarely report anything on PolNeAR dev (a word alone: 11 of 86; two
# or three words without a cue: 2 of 13), where longer ones do four times in five.
MIN_WORDS = 2
MIN_WORDS_UNCUED = 4


def _too_short(doc: Any, item: tagger.Tagged, marked: Sequence[tuple[int, int]], words: _Words | None = None) -> bool:
    """A tagged content too short to report words, unless quote marks hold it (a partial quote, “positive”)."""
    words = words or _Words.of(doc)
    a, b = item.content
    if overlaps(marked, words.starts[a], words.ends[b - 1]):
        return False
    return sum(words.counted[a:b]) < (MIN_WORDS if item.cue is not None else MIN_WORDS_UNCUED)


def _to_phrase_end(doc: Any, item: tagger.Tagged, words: _Words | None = None) -> tagger.Tagged:
    """A content the tagger stopped inside a phrase ("disparaging remarks" of "disparaging remarks Trump had made
    about ...", "that the" of "that the vote was fair"), carried on to the phrase's last word, within its sentence
    and short of its cue and source, leaving out the sentence's closing punctuation."""
    words = words or _Words.of(doc)
    a, b = item.content
    roots = [i for i in range(a, b) if not a <= words.heads[i] < b or words.heads[i] == i]
    end = max((doc[i].right_edge.i + 1 for i in roots), default=b)
    # A content that is the opening words of a larger phrase ("that the" of "that the vote was fair") runs on to
    # the end of the smallest phrase that starts where it starts and holds it.
    node = doc[a]
    while node.head != node and not (node.left_edge.i == a and node.right_edge.i + 1 >= b):
        node = node.head
    if node.left_edge.i == a and node.right_edge.i + 1 >= b:
        end = max(end, node.right_edge.i + 1)
    while end > b and words.punct[end - 1]:
        end -= 1
    if end <= b or words.sentence[end - 1] != words.sentence[b - 1]:
        return item
    stops = [run[0] for run in (item.cue, item.source) if run is not None]
    if any(b <= stop < end for stop in stops) or any(words.newline[b:end]):
        return item
    return replace(item, content=(a, end))


def _to_reported_clause(doc: Any, item: tagger.Tagged) -> tagger.Tagged:
    """A content before its cue that the tagger started inside the clause the speech verb reports ("an hour" of
    "The pilot had been on board for an hour, an official said"): the whole clause, up to the attribution."""
    verb = _cue_verb(doc, item.cue)
    if verb is None or verb.lemma_.lower() not in CLAUSE_SPEECH_VERBS:
        return item
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), verb.head if verb.dep_ == "parataxis" else None)
    a, b = item.content
    if clause is None or not clause.left_edge.i < a < b <= verb.i:
        return item
    # The content ends where the clause's words before the attribution end (the words of the speech verb's own
    # subtree are left out: a parataxis' head holds them).
    inner = {t.i for t in verb.subtree}
    if any(b <= t.i < verb.i and t.i not in inner and not t.is_punct for t in clause.subtree):
        return item
    first = clause.left_edge.i
    if any(t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS for t in doc[first:a]):
        return item  # another attribution before the content: "As Smith told reporters, the costs had doubled"
    if (item.source is not None and first <= item.source[0] < b) or any(t.is_space for t in doc[first:a]):
        return item  # a source inside the clause, or a line break: not one clause of reported words
    return replace(item, content=(first, b))


def _not_speech(doc: Any, item: tagger.Tagged, marked: Sequence[tuple[int, int]]) -> bool:
    """A tagged content that reports no words: a sight ("the stumps could be seen rising"), a statement that only
    might come inside another speaker's words, or the plain noun object of a cue in a relative clause ("Key, who
    wrote the poem that ...") without quote marks."""
    verb = _cue_verb(doc, item.cue)
    if verb is None:
        return False
    if verb.lemma_.lower() in PERCEPTION_VERBS and any(c.dep_ == "auxpass" for c in verb.children):
        return True
    content = doc[item.content[0] : item.content[1]]
    quoted = overlaps(marked, content.start_char, content.end_char)
    if not quoted and _reported_possibility(verb):
        return True
    if verb.dep_ != "relcl":
        return False
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if thing is None or quoted:
        return False
    return bool(thing.left_edge.i <= content.start and content.end <= thing.right_edge.i + 1)


def _cue_verb(doc: Any, cue: tuple[int, int] | None) -> Any | None:
    """The main verb of a cue, not its auxiliaries ("are feared", "could announce"): the cue's verb, else the verb
    an auxiliary cue serves, else the auxiliary."""
    words = [doc[i] for i in range(*cue)] if cue else []
    verb = next((t for t in words if t.pos_ == "VERB"), None)
    if verb is not None:
        return verb
    helper = next((t for t in words if t.pos_ == "AUX"), None)
    if helper is not None and helper.dep_ in ("aux", "auxpass") and helper.head.pos_ == "VERB":
        return helper.head
    return helper


def _reported_possibility(verb: Any) -> bool:
    """A cue that only might happen, inside what another speaker says ("Analysts said ... that shipping lines
    could announce diversion plans"): part of the analysts' words, not a statement of its own."""
    if not _possible(verb):
        return False
    return any(a.lemma_.lower() in SPEECH_VERBS and a.pos_ == "VERB" for a in verb.ancestors)


def _possible(verb: Any) -> bool:
    """A verb under a modal ("could announce", "would tell"): a statement that may come, not one made."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _held_by_nobody(doc: Any, item: tagger.Tagged) -> bool:
    """A content whose cue is a passive without its agent, the cue's subject inside the content ("Six people are
    feared dead after ..."), linked to a source outside its sentence: a belief the sentence states for nobody, not
    for whoever the next sentence names."""
    verb = _cue_verb(doc, item.cue)
    if verb is None or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    if item.source is not None and doc[item.source[0]].sent == verb.sent:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and item.content[0] <= subject.i < item.content[1]


# Words that may stand between a subject and its verb: auxiliaries, negation, adverbs ("have also had").
_BETWEEN_SUBJECT_AND_VERB = frozenset({"aux", "auxpass", "neg", "advmod", "punct"})


def _subject_out_of_content(doc: Any, item: tagger.Tagged) -> tagger.Tagged:
    """A content the tagger ran over its own cue and the cue's subject ("China and Russia support the
    government"): the subject is the source, and the content what follows the cue."""
    if item.cue is None or not item.content[0] <= item.cue[0] < item.cue[1] < item.content[1]:
        return item
    verb = next((doc[i] for i in range(*item.cue) if doc[i].pos_ == "VERB"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subject is None or subject.left_edge.i != item.content[0] or subject.i >= item.cue[0]:
        return item
    between = doc[subject.right_edge.i + 1 : item.cue[0]]
    if any(t.dep_ not in _BETWEEN_SUBJECT_AND_VERB for t in between):
        return item
    source = (subject.i, subject.i + 1) if subject.pos_ == "PRON" else (subject.left_edge.i, subject.right_edge.i + 1)
    return replace(item, content=(item.cue[1], item.content[1]), source=source, tagged_source=True)


def _attribution_out_of_content(
    doc: Any, item: tagger.Tagged, parsed: tagger.Parsed, quoted: Sequence[bool]
) -> list[tagger.Tagged]:
    """A content without the cue, source, scene-setting words, addressee and occasion the tagger ran it over
    (`content_bounds`), after the words of earlier sentences it ran back over, if any; ``quoted``: whether each
    token is inside quote marks (``parsed.quoted`` as a list)."""
    subject_out = _subject_clause_out_of_content(doc, _subject_out_of_content(doc, item))
    parts = content_bounds.without_scene(doc, subject_out, parsed)
    told = (content_bounds.without_addressee(doc, content_bounds.without_tail(doc, p, parsed), quoted) for p in parts)
    return [
        content_bounds.without_next_clause(doc, content_bounds.without_occasion(doc, part, quoted), quoted)
        for part in told
    ]


def _subject_clause_out_of_content(doc: Any, item: tagger.Tagged) -> tagger.Tagged:
    """A content that starts inside its cue's subject phrase and runs over the cue ("Roe, who declared [a state of
    emergency], said [the state would ...]"): the content is what follows the cue, and the subject's head (with
    the words before it) is the source."""
    if item.cue is None or not item.content[0] < item.cue[0] < item.cue[1] < item.content[1]:
        return item
    verb = next((doc[i] for i in range(*item.cue) if doc[i].pos_ == "VERB"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subject is None or not subject.left_edge.i < item.content[0] <= subject.right_edge.i < item.cue[0]:
        return item
    start, end = item.cue[1], item.content[1]
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if end - start < 2:
        return item
    first = subject.i if subject.pos_ == "PRON" else subject.left_edge.i
    return replace(item, content=(start, end), source=(first, subject.i + 1), tagged_source=False)


def _cue_subject_first(doc: Any, item: tagger.Tagged) -> tagger.Tagged:
    """The subject of the clause a subjectless cue verb modifies as the source ("The Coast Guard suspended its
    search, saying ...": the Coast Guard), where the linker would read nearer words."""
    verb = next((doc[i] for i in range(*item.cue) if doc[i].pos_ in ("VERB", "AUX")), None) if item.cue else None
    if verb is None or verb.dep_ != "advcl" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return item
    subject = subject_of(verb)
    if subject is None or item.content[0] <= subject.i < item.content[1]:
        return item
    if subject.lower_ in PERSONAL_PRONOUNS or subject.pos_ == "PRON":
        return replace(item, source=(subject.i, subject.i + 1), tagged_source=False)
    return replace(item, source=(subject.left_edge.i, subject.right_edge.i + 1), tagged_source=False)


def _source_after_comma(doc: Any, item: tagger.Tagged) -> tagger.Tagged:
    """A cue verb the parse left without a subject, after its content and a comma ("The men were found near the
    pier, Chief Ann Roe of the Harbor Police told reporters", the name read as an apposition of "pier"): the noun
    phrase between the last comma and the cue is the source, and the content ends at that comma."""
    if item.cue is None:
        return item
    verb = next((doc[i] for i in range(*item.cue) if doc[i].pos_ == "VERB"), None)
    if verb is None or verb.dep_ not in ("ROOT", "ccomp", "conj") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return item
    a, b = item.content
    first = item.cue[0]
    if not a < b <= first or doc[b - 1].sent != verb.sent:
        return item
    comma = first - 1
    while comma > a and doc[comma].text != ",":
        if doc[comma].pos_ in ("VERB", "AUX") or doc[comma].sent != verb.sent:
            return item  # a clause or another sentence before the cue, not a name
        comma -= 1
    if comma <= a or not any(t.pos_ in ("NOUN", "PROPN") for t in doc[comma + 1 : first]):
        return item
    return replace(item, content=(a, comma), source=(comma + 1, first), tagged_source=False)


def _split_at_second_speaker(
    doc: Any,
    text: str,
    content: TaggedContent,
    cue_lemmas: frozenset[int],
    marked: Sequence[tuple[int, int]],
    *,
    words: _Words,
) -> list[TaggedContent]:
    """A content that runs on into a second attribution as two: the first speaker's words, and the second's with
    their own cue and source. The second is a speech verb joined to the clause (``conj``) or set beside it
    (``advcl``: "..., though she noted clients are ...") with its own subject ("... was “open,” and the prime
    minister called it “positive”"), or a cue verb outside quote marks joined to a word outside the content or to
    the reported clause, with no subject ("... is “depleted” and says he will expand ..."): the same speaker."""
    span = doc.char_span(content.start, content.end, alignment_mode="contract")
    if span is None:
        return [content]
    for i in range(span.start + 1, span.end):
        if not words.verb[i]:
            continue  # only a verb starts a second attribution
        verb = doc[i]
        second = _second_attribution(verb, span, cue_lemmas, marked)
        if second is None:
            continue
        cut, subject = second
        first_end = trim(text, content.start, doc[cut].idx)[1]
        second_start, second_end = trim(text, verb.idx + len(verb.text), content.end)
        if first_end - content.start < 3 or second_end - second_start < 3:
            continue
        source, source_tokens, tagged = content.source, content.source_tokens, content.tagged_source
        if subject is not None:
            source = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text))
            source_tokens, tagged = (subject.left_edge.i, subject.right_edge.i + 1), True
        return [
            replace(content, end=first_end),
            TaggedContent(
                start=second_start,
                end=second_end,
                cue=(verb.idx, verb.idx + len(verb.text)),
                cue_tokens=(verb.i, verb.i + 1),
                source=source,
                source_tokens=source_tokens,
                tagged_source=tagged,
            ),
        ]
    return [content]


# Words that open a clause set beside the content, whose speech verb is a second attribution ("..., though she
# noted clients are ..."); not "after" or "when", which mostly tell the occasion ("after he said them"), nor "if"
# or "as" ("as wealthy as Mr. Trump claims to be"), which qualify the content.
_ASIDE_MARKS = frozenset({"though", "although", "while", "whereas"})
# The words that join a second clause to the first ("and", a comma), left out of both contents.
_JOINTS = frozenset({"cc", "punct"})


def _second_attribution(
    verb: Any, span: Any, cue_lemmas: frozenset[int], marked: Sequence[tuple[int, int]]
) -> tuple[int, Any | None] | None:
    """Where a content stops for a second attribution at ``verb`` (the first token of the second clause's words
    before the verb: its joining word or its opening "though", else its subject) and the second's own subject,
    if it has one."""
    if verb.pos_ != "VERB" or overlaps(marked, verb.idx, verb.idx + 1) or _possible(verb):
        return None
    subject = next((c for c in verb.lefts if c.dep_ in SUBJECT_DEPS), None)
    if verb.dep_ in ("conj", "advcl") and verb.lemma_.lower() in SPEECH_VERBS and subject is not None:
        if subject.left_edge.i <= span.start or not (
            subject.pos_ in ("NOUN", "PROPN") or subject.lower_ in PERSONAL_PRONOUNS
        ):
            return None
        if verb.dep_ == "advcl":
            mark = next((c for c in verb.lefts if c.dep_ == "mark"), None)
            if mark is None or mark.lower_ not in _ASIDE_MARKS:
                return None
            last = span.end - 1
            while last > verb.i and verb.doc[last].is_punct:
                last -= 1
            if verb.i < verb.head.i or verb.right_edge.i < last:
                return None  # a clause fronted inside the content ("that while the minister denied it, ...")
            return verb.left_edge.i, subject
        joint = next((c for c in verb.head.children if c.dep_ == "cc" and c.i < subject.left_edge.i), None)
        return (joint.i if joint is not None else subject.left_edge.i), subject
    # A speech verb the parse joined to the reported clause ("said it was opposed to the test and warned North
    # Korea to ...") is the speaker's next act: a reported clause does not speak.
    outside = not span.start <= verb.head.i < span.end
    outside = outside or (
        verb.lemma_.lower() in SPEECH_VERBS and verb.head.dep_ == "ccomp" and _speakers_act(verb, verb.head)
    )
    if subject is None and outside and verb.dep_ == "conj" and verb.lemma in cue_lemmas:
        cut = verb.i
        while cut - 1 > span.start and verb.doc[cut - 1].dep_ in _JOINTS:
            cut -= 1
        return cut, None
    return None


def _speakers_act(verb: Any, clause: Any) -> bool:
    """Whether a speech verb joined to a reported clause is the speaker's own next act, not the reported subject's
    ("Police said the suspect had fled and told a neighbor ..."): a past tense that cannot share the clause's modal
    or "be" ("said the bill would fail and warned ..."), or a clause whose subject is a pronoun for the speaker
    ("said it was opposed to the test and warned ...")."""
    if verb.tag_ == "VBD" and (
        clause.lemma_ == "be"
        or any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.lemma_ == "be") for c in clause.children)
    ):
        return True
    inner = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    outer = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS), None)
    if inner is None or outer is None or inner.pos_ != "PRON":
        return False
    plural = outer.tag_ in ("NNS", "NNPS") or outer.lower_ in ("police", "they", "we")
    if inner.lower_ in ("he", "she"):
        return not plural and outer.ent_type_ not in ("ORG", "GPE", "NORP")
    return inner.lower_ in ("it", "they", "we")


def _according_to_content(parsed: Any, item: Any, text: str) -> tuple[int, int] | None:
    """With "according to X" the content is the rest of its sentence, before or after the cue and its source
    (the tagger finds the cue and source well, where the content ends less so)."""
    if item.cue is None or not text[parsed.starts[item.cue[0]] :].lower().startswith(ATTRIBUTION_PHRASES):
        return None
    words = np.flatnonzero(parsed.sentence == parsed.sentence[item.cue[0]])
    first, last = int(words[0]), int(words[-1])
    attributed_end = max(item.cue[1], item.source[1] if item.source else item.cue[1])
    if item.cue[0] - first <= 1:
        start, end = int(parsed.starts[min(attributed_end, last)]), int(parsed.ends[last])
    else:
        start, end = int(parsed.starts[first]), int(parsed.starts[item.cue[0]])
    return (start, end) if end > start else None
