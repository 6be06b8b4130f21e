"""Quotes and their speakers: direct and partial quotes between quote marks, indirect speech from the parse.

Steps: pair quote marks; for each quoted span climb the dependency tree to the speech verb that governs it (else the
nearest speech verb in the sentence, else the previous quote's speaker for a quote that stands alone; a transcript
paragraph opened by a speaker label, "PENCE: ...", is that speaker's; a content that runs on into a second speaker's
attribution is split in two); resolve the verb's subject to a name (`speakers`: a named person, a short form, a
pronoun's antecedent, or a title such as "the Armenian prime minister" through the article's roles); then find
indirect speech, a speech verb's clause with no quote marks in it, and what the tagger leaves out: "according to"
sentences, a poll's findings, a headline's credited words, hearsay ("reportedly", credited to nobody). A quote
running on over paragraphs keeps the speaker who opened it; a work's title in quote marks is no content. Quote
marks are paired in `quote_marks`; the attribution tagger's contents are kept to the words reported in
`tagged_quotes` (and `content_bounds`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.symbols import VERB

from rashomon.extract.content_bounds import without_dateline
from rashomon.extract.cue_bounds import with_helpers, with_preposition
from rashomon.extract.lexicon.speech_words import (
    ATTRIBUTION_PHRASES,
    CLAUSE_SPEECH_VERBS,
    PERSONAL_PRONOUNS,
    SPEECH_VERBS,
)
from rashomon.extract.nlp import text_of
from rashomon.extract.quote_marks import quote_mark_spans, tagger_quote_spans, with_balanced_marks
from rashomon.extract.rule_contents import (
    according_to_contents,
    finding_contents,
    headline_content,
    hearsay_contents,
)
from rashomon.extract.speakers import Speaker, SpeakerResolver, antecedent, description_end, tokens_in
from rashomon.extract.tagged_quotes import TaggedContent, overlaps, subject_of, tagged_contents, trim
from rashomon.model import Mention, Quote, QuoteKind, Span

# A quote paragraph credited after a dash, as listicles and epigraphs print them: “...” ― Sonya Herridge.
_DASH_CREDIT = re.compile(
    r"[,.;:!?”\"’»]*[”\"’»][^\S\n]*(?P<dash>[―—–~]|--|(?<=[^\S\n])-)[^\S\n]*(?P<name>[A-Z][\w.'’\-]*(?:[^\S\n]+[A-Z][\w.'’\-]*){0,4})"
    r"[^\S\n]*(?:[,(][^\n]{0,60})?[.]?[^\S\n]*$",
    re.MULTILINE,
)


def _governing_verb(doc: Any, start: int, end: int) -> Any | None:
    """The speech verb outside the quote that the quoted words hang from in the parse."""
    inside = tokens_in(doc, start, end)
    heads = [t for t in inside if not (start <= t.head.idx < end) or t.head == t]
    for token in heads:
        for ancestor in [token, *token.ancestors]:
            if start <= ancestor.idx < end:
                continue
            if ancestor.lemma_.lower() in SPEECH_VERBS and ancestor.pos_ in ("VERB", "AUX"):
                return ancestor
    return None


def _nearest_verb(doc: Any, sentence: Any, start: int, end: int, quoted: Sequence[tuple[int, int]]) -> Any | None:
    candidates = [
        t
        for t in sentence
        if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" and not any(a <= t.idx < b for a, b in quoted)
    ]
    return min(candidates, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)), default=None)


def _speaker_for(resolver: SpeakerResolver, verb: Any) -> Speaker:
    cue = (verb.idx, verb.idx + len(verb.text))
    subject = subject_of(verb)
    if subject is not None and _only_a_dateline(resolver.text, _extent(subject)):
        # "PHILADELPHIA, July 29 (UPI) — Fans of ... have taken to social media to complain": the parse may make the
        # dateline a subject beside the real one.
        subject = next((t for t in subject.head.children if t.i > subject.i and t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return Speaker(name=None, span=None, cue=cue, is_name=False)
    name, is_name = resolver.resolve(subject)
    span = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text))
    if subject.text.lower() in PERSONAL_PRONOUNS:
        span = (subject.idx, subject.idx + len(subject.text))
    return Speaker(name=name, span=span, cue=cue, is_name=is_name)


def _according_to(doc: Any, sentence: Any, resolver: SpeakerResolver) -> Speaker | None:
    lowered = sentence.text.lower()
    for phrase in ATTRIBUTION_PHRASES:
        at = lowered.find(phrase)
        if at < 0:
            continue
        after = doc.char_span(sentence.start_char + at + len(phrase), sentence.end_char, alignment_mode="expand")
        head = next((t for t in after or [] if t.dep_ == "pobj"), None)
        if head is not None:
            name, is_name = resolver.resolve(head)
            cue = (sentence.start_char + at, sentence.start_char + at + len(phrase))
            return Speaker(
                name=name,
                span=(head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)),
                cue=cue,
                is_name=is_name,
            )
    return None


def _kind(text: str, sentence: Any, start: int) -> QuoteKind:
    before = text[sentence.start_char : start - 1].strip()
    opens_sentence = before == "" or before.endswith(":")
    content = text[start:].lstrip()
    return "direct" if opens_sentence and content[:1].isupper() else "partial"


def find_quotes(
    doc: Any, article_id: str, mentions: Sequence[Mention], marked: Sequence[tuple[int, int]] | None = None
) -> tuple[tuple[Quote, ...], tuple[Mention, ...]]:
    """Quotes with speakers, and the extra mentions (pronouns, titles) that speaker resolution tied to a name.
    ``marked``: the text's `quote_mark_spans`, when already found.

    Quotes are resolved in document order, so a pronoun's antecedent is the speaker or person named before it.
    """
    text = text_of(doc)
    marked = marked if marked is not None else quote_mark_spans(text)
    quoted = tagger_quote_spans(text, marked)
    resolver = SpeakerResolver(doc, mentions, quoted)
    # A transcript paragraph is its labelled speaker's words, quote marks or not: one content, holding what the
    # tagger or the quote marks found in it, unless the tagger found another source there.
    labelled = [(a, b) for a, b, _ in resolver.labels]
    tagged = [
        t for t in tagged_contents(doc, marked, quoted) if t.tagged_source or not overlaps(labelled, t.start, t.end)
    ]
    marked_alone = [(a, b) for a, b in marked if not overlaps(labelled, a, b)]
    # A headline's words credited before a colon ("Poll: ..."), where the tagger and the labels found nothing.
    headline = headline_content(doc, text)
    spans = [*((t.start, t.end) for t in tagged), *labelled]
    if headline is not None and not overlaps(spans, headline.start, headline.end):
        tagged.append(headline)
    taken = [(t.start, t.end) for t in tagged]
    events: list[tuple[int, Event]] = [(t.start, t) for t in tagged]
    events += [(start, (start, end)) for start, end in marked_alone if not overlaps(taken, start, end)]
    events += [(a, (a, b)) for a, b in labelled if not overlaps(taken, a, b)]
    events += [(speech.verb.idx, speech) for speech in _clause_speech_verbs(doc)]
    events += [(t.start, t) for t in according_to_contents(doc, text, [*marked, *taken])]
    events += [(t.start, t) for t in finding_contents(doc, text, [*marked, *taken])]
    events += [(t.start, t) for t in hearsay_contents(doc, text, [*marked, *taken])]
    quotes: list[Quote] = []
    extra: list[Mention] = []
    for _, event in sorted(events, key=lambda item: item[0]):
        found = _resolve_event(doc, resolver, event, marked, taken, quoted=quoted)
        if found is None:
            continue
        start, end, speaker, kind = found
        # The speaker's words without the comma an apposition or clause left them ("The company, which ...,").
        said = trim(text, *speaker.span) if speaker.span else None
        said = (without_dateline(text, *said), said[1]) if said is not None else None
        said = said if said is not None and said[0] < said[1] else None
        start = without_dateline(text, start, end)
        cue = with_helpers(doc, speaker.cue) if speaker.cue else None
        if cue is not None:
            cue, start = with_preposition(doc, cue, start, end)
        start, end = with_balanced_marks(text, start, end)
        while start < end and text[start] in _LEADING_PUNCTUATION:
            start += 1  # "According to EMC, the software ...": no comma opens the content
        quotes.append(
            Quote(
                id=f"{article_id}:quote:{start}-{end}",
                article=article_id,
                start=start,
                end=end,
                kind=kind,
                speaker=speaker.name,
                speaker_span=Span(article=article_id, start=said[0], end=said[1]) if said else None,
                cue_span=Span(article=article_id, start=cue[0], end=cue[1]) if cue else None,
            )
        )
        if said and _refers(speaker, resolver, mentions):
            extra.append(
                Mention(
                    article=article_id,
                    start=said[0],
                    end=said[1],
                    label="PERSON",
                    refers_to=speaker.name,
                )
            )
    return tuple(sorted(_without_outer_copies(quotes), key=lambda q: q.start)), tuple(extra)


def _without_outer_copies(quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes without one that holds another of the same cue: a second attribution split off with its
    addressee ("told reporters it was close") beside the tagger's own content of that cue ("it was close")."""
    cued = [q for q in quotes if q.cue_span is not None]
    return [
        q
        for q in quotes
        if q.cue_span is None
        or not any(
            o is not q
            and o.cue_span == q.cue_span
            and q.start <= o.start
            and o.end <= q.end
            and (o.start, o.end) != (q.start, q.end)
            for o in cued
        )
    ]


def _refers(speaker: Speaker, resolver: SpeakerResolver, mentions: Sequence[Mention]) -> bool:
    """Whether a speaker's words are a mention of the entity named: words that are not its name, and neither a
    description ("Residents of Dundalk") nor part of another name ("Key" of "Francis Scott Key Bridge")."""
    if not speaker.span or not speaker.name or speaker.is_name or speaker.name in resolver.descriptions:
        return False
    start, end = speaker.span
    return not any(m.start <= start and end <= m.end and m.end - m.start > end - start for m in mentions)


def _quote_speaker(
    doc: Any, resolver: SpeakerResolver, start: int, end: int, marked: Sequence[tuple[int, int]]
) -> Speaker | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sentence = span[0].sent
    verb = _governing_verb(doc, start, end) or _nearest_verb(doc, sentence, start, end, marked)
    speaker = _speaker_for(resolver, verb) if verb is not None else _according_to(doc, sentence, resolver)
    if speaker is None and _stands_alone(resolver.text, sentence, start, end):
        speaker = Speaker(name=resolver.last_speaker, span=None, cue=None, is_name=False)
    if speaker is not None:
        _spoke(resolver, speaker, end)
    return speaker if speaker is not None and (speaker.name or speaker.cue) else None


def _spoke(resolver: SpeakerResolver, speaker: Speaker, end: int) -> None:
    """Record a named speaker as the last, where their words (ending at ``end``) or their name end."""
    if speaker.name:
        resolver.spoke(speaker.name, max(end, speaker.span[1] if speaker.span else end))


def _dash_credit(text: str, start: int, end: int) -> Speaker | None:
    """The name a dash credits a whole quoted paragraph to, printed after its closing mark (“...” ― Name; a
    hyphen after a space or a tilde, as typed: "..." - Name, "..." -Name, "..." ~Name)."""
    opening = text[text.rfind("\n", 0, start) + 1 : start]
    credit = _DASH_CREDIT.match(text, end) if not opening.strip(' \t“"«„‘') else None
    if credit is None:
        return None
    name = credit["name"].rstrip(".")
    at = credit.start("name")
    return Speaker(name=name, span=(at, at + len(name)), cue=credit.span("dash"), is_name=True)


def _stands_alone(text: str, sentence: Any, start: int, end: int) -> bool:
    """A quote that is its whole sentence continues the previous speaker's words."""
    rest = text[sentence.start_char : start - 1] + text[end + 1 : sentence.end_char]
    return not re.search(r"\w", rest) and end - start > 20


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    """A speech verb with the words it reports (`_reported_clause`), kept from the search for such verbs."""

    verb: Any
    reported: list[Any]


def _clause_speech_verbs(doc: Any) -> list[SpeechVerb]:
    # The verbs are picked from the parse's array: a `Token` object for every word costs more than the test.
    verbs = (doc[i] for i in np.flatnonzero(doc.to_array("POS") == VERB).tolist())
    return [
        SpeechVerb(verb=verb, reported=reported)
        for verb in verbs
        if verb.lemma_.lower() in CLAUSE_SPEECH_VERBS and (reported := _reported_clause(verb)) is not None
    ]


def _reported_clause(verb: Any) -> list[Any] | None:
    """The words a speech verb reports: its clause (``ccomp``), or, for a verb set in the middle of what it reports
    ("The museum, Mr. Bush said, celebrated ..."), the sentence around it."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        return list(clause.subtree)
    if verb.dep_ != "parataxis" or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    inner = {t.i for t in verb.subtree}
    words = [t for t in verb.head.subtree if t.i not in inner]
    if not words or words[0].i > verb.i or words[-1].i < verb.i:
        return None
    return words


def _indirect_quote(
    resolver: SpeakerResolver, speech: SpeechVerb, marked: Sequence[tuple[int, int]]
) -> tuple[int, int, Speaker] | None:
    """A speech verb's clause as indirect speech, unless quote marks already carry (part of) it."""
    verb, reported = speech.verb, speech.reported
    words = [t for t in reported if not (t.is_punct and t.i in (reported[0].i, reported[-1].i))]
    if words and words[0].lower_ == "that":
        words = words[1:]
    if len(words) < 4:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    if any(a < end and b > start for a, b in marked) or any(a - 1 <= verb.idx <= b for a, b in marked):
        return None
    speaker = _speaker_for(resolver, verb)
    if not speaker.name:
        return None
    _spoke(resolver, speaker, end)
    return start, end, speaker


Event = TaggedContent | tuple[int, int] | SpeechVerb


def _tagged_speaker(
    doc: Any, resolver: SpeakerResolver, item: TaggedContent, quoted: Sequence[tuple[int, int]]
) -> Speaker | None:
    """The speaker of a tagged content: its source resolved (where it can speak it), else the subject of its cue
    verb, else (a content standing alone) the previous speaker. ``quoted``: the text's quoted words, as the tagger
    reads them (`tagger_quote_spans`)."""
    if item.nobody:
        return Speaker(name=None, span=None, cue=item.cue, is_name=False)
    if (
        item.source_tokens is not None
        and not _only_a_dateline(resolver.text, item.source)
        and not _source_out_of_place(resolver.text, item, quoted)
    ):
        a, b = item.source_tokens
        opening = without_dateline(resolver.text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
        while a < b - 1 and doc[a].idx < opening:
            a += 1  # "DETROIT -- Union officials": the officials speak, not the city the story was filed from
        root = antecedent(
            next((doc[i] for i in range(a, b) if not a <= doc[i].head.i < b or doc[i].head.i == i), doc[a])
        )
        name, is_name = resolver.resolve(root)
        if name is None and root.pos_ in ("NOUN", "PROPN"):
            # Unnamed in the article ("the influential daily", "residents of Dundalk"): the words themselves.
            words = (root.left_edge.idx, root.idx + len(root.text)) if root.i < a else item.source
            words = (max(words[0], doc[a].idx), words[1]) if words and root.i >= a else words
            words = (words[0], description_end(doc, *words)) if words else words
            name, is_name = (resolver.text[words[0] : words[1]], True) if words else (None, False)
            if name is not None and root.pos_ == "NOUN":
                resolver.described(name, root, bare=False)
        return Speaker(name=name, span=item.source, cue=item.cue, is_name=is_name)
    if item.cue_tokens is not None and not _cue_past_a_running_quote(resolver.text, item, doc[item.cue_tokens[0]].idx):
        verb = next((doc[i] for i in range(*item.cue_tokens) if doc[i].pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            found = _speaker_for(resolver, verb)
            return Speaker(name=found.name, span=found.span, cue=item.cue, is_name=found.is_name)
        return Speaker(name=None, span=None, cue=item.cue, is_name=False)
    if resolver.last_speaker:
        return Speaker(name=resolver.last_speaker, span=None, cue=None, is_name=False)
    return None


def _source_out_of_place(text: str, item: TaggedContent, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether a tagged source cannot speak the content: it stands inside quoted words that do not hold the content
    (a name in an earlier quote: "... Selig said. "John McHale served the game."), or in a paragraph after the
    content's when that paragraph opens with a quote mark (a quote running on keeps the speaker who opened it, not
    a name in the paragraph after it)."""
    if item.source is None:
        return False
    source, source_end = item.source
    # Not a name the source puts in quote marks itself (“Dreamers” said, “Squad” members said).
    inside = (a <= source < b and not (a <= item.start and item.end <= b) and b > source_end for a, b in quoted)
    return any(inside) or _past_a_running_quote(text, item, source)


def _past_a_running_quote(text: str, item: TaggedContent, at: int) -> bool:
    """Whether character ``at`` lies in a paragraph after the content's, where the content's paragraph opens with a
    quote mark: a quote running on keeps the speaker who opened it, not a name or a verb of the paragraph after."""
    opening = text.rfind("\n", 0, item.start) + 1
    closing = text.find("\n", item.start)
    return text[opening : opening + 1] in _OPENING_MARKS and closing >= 0 and at > closing


def _cue_past_a_running_quote(text: str, item: TaggedContent, at: int) -> bool:
    """`_past_a_running_quote` for a cue verb, which the paragraph right after may still give: one that goes on
    with the sentence (a line broken before "chairman Tom Dale said") or a quote running on that its speaker
    credits ("...\n"Nobody is safe," manager Tom Dale said); not a new sentence of the writer's ("Former captain Sam
    Reid believes ...")."""
    if not _past_a_running_quote(text, item, at):
        return False
    closing = text.find("\n", item.start)
    following = text[closing:at].lstrip()
    next_paragraph = closing + (len(text[closing:at]) - len(following))
    return text.find("\n", next_paragraph, at) >= 0 or not (following[:1] in _OPENING_MARKS or following[:1].islower())


_OPENING_MARKS = '"“«„'
_LEADING_PUNCTUATION = frozenset(" \t\n,;:")


def _extent(token: Any) -> tuple[int, int]:
    """The characters of a token's phrase (its subtree)."""
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)


def _only_a_dateline(text: str, source: tuple[int, int] | None) -> bool:
    """Whether a tagged source is the article's dateline alone ("PHILADELPHIA, July 29 (UPI) —"): the place a story
    was filed from, no speaker; the cue's subject is looked for instead."""
    if source is None:
        return False
    paragraph = text.find("\n", source[0])
    return without_dateline(text, source[0], len(text) if paragraph < 0 else paragraph) >= source[1]


def _resolve_event(
    doc: Any,
    resolver: SpeakerResolver,
    event: Event,
    marked: Sequence[tuple[int, int]],
    taken: Sequence[tuple[int, int]],
    *,
    quoted: Sequence[tuple[int, int]],
) -> tuple[int, int, Speaker, QuoteKind] | None:
    """One content with its speaker and kind, or None; events come in document order so that pronouns and floating
    quotes find the speaker before them."""
    text = resolver.text
    if isinstance(event, TaggedContent):
        speaker = _dash_credit(text, event.start, event.end) or _tagged_speaker(doc, resolver, event, quoted)
        start, end = event.start, event.end
        inside = any(a <= start and end <= b for a, b in marked)
        kind: QuoteKind = "indirect" if not overlaps(marked, start, end) else "partial"
        if inside:
            kind = _kind(text, doc.char_span(start, end, alignment_mode="expand")[0].sent, start)
    elif isinstance(event, tuple):
        start, end = trim(text, *event)
        speaker = (
            resolver.labelled(start)
            or _dash_credit(text, start, end)
            or _quote_speaker(doc, resolver, event[0], event[1], marked)
        )
        kind = _kind(text, doc.char_span(start, end, alignment_mode="expand")[0].sent, start)
    else:
        indirect = _indirect_quote(resolver, event, [*marked, *taken])
        if indirect is None:
            return None
        start, end, speaker = indirect
        kind = "indirect"
    if speaker is None or end <= start or _in_markup(text, start) or _reports_little(resolver, start, end, speaker):
        return None
    if _a_title(text, start, end):
        return None
    _spoke(resolver, speaker, end)
    return start, end, speaker, kind


# Contents shorter than these (words) rarely report anything on PolNeAR train and dev: a word alone (a scare
# quote, "rigged"), and a few words in quote marks with no speech word near them.
MIN_CONTENT_WORDS = 2
MIN_UNCUED_WORDS = 5


def _reports_little(resolver: SpeakerResolver, start: int, end: int, speaker: Speaker) -> bool:
    """A content too short to be reported words: one word, or a few words with no cue (a transcript's speaker label
    counts as one)."""
    words = len(resolver.text[start:end].split())
    if words < MIN_CONTENT_WORDS:
        return True
    return speaker.cue is None and words < MIN_UNCUED_WORDS and resolver.labelled(start) is None


_TITLE_WORD = re.compile(r"[A-Za-z][\w'’]*")
# Words a title leaves in lower case ("Guardians of the Galaxy").
_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "at", "by", "with", "from"}
)
# What names a work just before its title's quote marks: its kind ("the podcast") or its owner ("HBO's").
_BEFORE_A_TITLE = re.compile(
    r"(?:\b(?:show|program|programme|podcast|documentary|movie|film|series|book|album|song|novel|sitcom|starred in"
    r"|star of)|[A-Z]\w*[’']s)[^\S\n]*[“\"'‘]+[^\S\n]*$"
)


def _a_title(text: str, start: int, end: int) -> bool:
    """Whether a content is the title of a work in quote marks, a few capitalised words after the work's kind or
    its owner ("the reality show “Cake Boss”", "HBO's “Real Time”"): no words reported; all 16 of PolNeAR train's
    were false contents."""
    words = _TITLE_WORD.findall(text[start:end])
    if not words or len(words) > 6 or not words[0][0].isupper():
        return False
    if any(not w[0].isupper() and w.lower() not in _TITLE_SMALL_WORDS for w in words):
        return False
    return bool(_BEFORE_A_TITLE.search(text[max(0, start - 40) : start]))


def _in_markup(text: str, start: int) -> bool:
    """Whether a content starts inside a markup tag left in the text (``<tweet author="..." id="...">``): an
    attribute's value between quote marks, not reported words."""
    opening = text.rfind("<", 0, start)
    if opening < 0 or not text[opening + 1 : opening + 2].isalpha():
        return False
    return opening > max(text.rfind(">", 0, start), text.rfind("\n", 0, start))
