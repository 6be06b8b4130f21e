"""Quotes and their speakers: direct and partial quotes between quote marks, indirect speech from the parse.

Steps: pair quote marks; for each quoted span climb the dependency tree to the speech verb that governs it (else
the nearest speech verb in the sentence, else the previous quote's speaker for a quote that stands alone; a
transcript paragraph opened by a speaker label, "PENCE: ...", is that speaker's; a content that runs on into a second
speaker's attribution is split in two);
resolve the verb's subject to a name (a named person, a short form, a pronoun's antecedent, or a title such as
"the Armenian prime minister" through the article's roles); then find indirect speech, a speech verb's clause
with no quote marks in it. A tagged content is kept to the words reported (`content_bounds`).
"""

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
from rashomon.extract.entities import PersonNames, RoleIndex
from rashomon.extract.lexicon.speech_words import (
    ATTRIBUTION_PHRASES,
    CLAUSE_SPEECH_VERBS,
    PERCEPTION_VERBS,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TERMS_NOUNS,
    TITLES,
)
from rashomon.extract.nlp import text_of
from rashomon.model import Mention, Quote, QuoteKind, Span
from rashomon.text.names import name_key

_PAIRS = {"“": "”", "«": "»", "„": "“"}
_PAIR_PATTERNS = tuple(
    re.compile(re.escape(opening) + r"([^" + re.escape(closing) + r"\n]{1,1500})" + re.escape(closing))
    for opening, closing in _PAIRS.items()
)
_ANY_OPENING = re.compile(r"[“«„\"‘]|''")
_STRAIGHT = re.compile('"')
# Two apostrophes standing for a double quote mark, as some wire and archive texts print them: ''Yes,'' he said.
_DOUBLED = re.compile("(?<!')''(?!')")
_SINGLE_OPEN = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\[]))‘(?=\w)")
_SINGLE_CLOSE = re.compile(r"’(?=[\s.,;:!?)]|$)")
_PARAGRAPH = re.compile(r"[^\n]+")
_SUBJECTS = {"nsubj", "nsubjpass"}
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
# A transcript's speaker label opening a paragraph: "PENCE: Well, look ...", "Mr. Trump: ..." (after an optional
# opening quote mark, as transcripts quoted whole are printed).
_SPEAKER_LABEL = re.compile(r"^[ \t\"“]*(?P<label>[A-Z][A-Za-z.'’\- ]{0,40}?)[ \t]*:[ \t]+(?=\S)", re.MULTILINE)
# Capitalised rubrics that open a paragraph with a colon, not a speaker.
_NOT_SPEAKERS = frozenset(
    {
        "update", "updated", "note", "editor's note", "editor’s note", "watch", "read", "read more", "more",
        "related", "photo", "photos", "video", "breaking", "source", "sources", "correction", "clarification",
        "q", "a", "question", "answer", "transcript", "partial transcript", "byline", "warning", "live", "listen",
        "see also",
    }
)  # fmt: skip


# A quote paragraph credited after a dash, as listicles and epigraphs print them: “...” ― Sonya Herridge.
_DASH_CREDIT = re.compile(
    r"[,.;:!?”\"’»]*[”\"’»][^\S\n]*(?P<dash>[―—–]|--)[^\S\n]*(?P<name>[A-Z][\w.'’\-]*(?:[^\S\n]+[A-Z][\w.'’\-]*){0,4})"
    r"[^\S\n]*(?:[,(][^\n]{0,60})?[.]?[^\S\n]*$",
    re.MULTILINE,
)

_EDGE_MARKS = " \t\n\"'“”‘’«»„"
_TRAILING = _EDGE_MARKS + ",;:"


# Each title by its words without a closing period ("gov" for "gov."); the first in `TITLES` where two share them.
_TITLE_OF_WORD = {title.rstrip("."): title for title in reversed(TITLES)}


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    span: tuple[int, int] | None
    cue: tuple[int, int] | None
    is_name: bool


def quote_mark_spans(text: str) -> list[tuple[int, int]]:
    """Content ranges between paired quote marks, never across a paragraph break."""
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        if _ANY_OPENING.search(paragraph.group()):
            spans.extend(_pairs_in(paragraph.group(), paragraph.start()))
    return sorted(spans)


_UNCLOSED = re.compile(r"^[“\"]([^”\"\n]+)$")


def tagger_quote_spans(text: str, marked: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Quote-mark spans as the tagger reads them: also a paragraph that opens a quote and never closes it, as news
    style leaves the mark out when the quote runs on into the next paragraph. ``marked``: the text's
    `quote_mark_spans`, when already found."""
    spans = quote_mark_spans(text) if marked is None else list(marked)
    for paragraph in _PARAGRAPH.finditer(text):
        unclosed = _UNCLOSED.match(paragraph.group().strip())
        if unclosed:
            start = paragraph.start() + paragraph.group().index(unclosed.group(1))
            spans.append((start, start + len(unclosed.group(1))))
    return sorted(spans)


def _pairs_in(par: str, offset: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    straight = [m.start() for m in _STRAIGHT.finditer(par)]
    if straight and (len(straight) % 2 or "“" in par):
        # Straight marks mixed with curly ones (“...," he said) or one left open: each mark read by the side its
        # words are on, not paired in turn.
        found.extend((offset + a, offset + b) for a, b in _pairs_by_side(par))
        patterns = [p for p in _PAIR_PATTERNS if not p.pattern.startswith("“")]
    else:
        found.extend((offset + a + 1, offset + b) for a, b in zip(straight[::2], straight[1::2], strict=False))
        patterns = list(_PAIR_PATTERNS)
    for pattern in patterns:
        found.extend((offset + match.start(1), offset + match.end(1)) for match in pattern.finditer(par))
    doubled = [m.start() for m in _DOUBLED.finditer(par)]
    found.extend((offset + a + 2, offset + b) for a, b in zip(doubled[::2], doubled[1::2], strict=False))
    for match in _SINGLE_OPEN.finditer(par):
        close = _SINGLE_CLOSE.search(par, match.end())
        if close and close.start() - match.end() < 400:
            found.append((offset + match.end(), offset + close.start()))
    return [(a, b) for a, b in found if b - a >= 2]


_DOUBLE_MARK = re.compile('[“”"]')


def _pairs_by_side(par: str) -> list[tuple[int, int]]:
    """Content ranges between double quote marks, curly or straight, a straight mark opening when words follow it
    and none touch it before (`"like candy."`), closing when words come just before it; an opening mark waits
    for the next closing one."""
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _DOUBLE_MARK.finditer(par):
        at, mark = match.start(), match.group()
        before, after = par[at - 1 : at], par[at + 1 : at + 2]
        if mark == '"' and before.isdigit():
            continue  # inches ("a 5" rule", "6'2"): no quote mark
        opening = mark == "“" or (mark == '"' and (not before or before in " \t([{—–-/") and after.strip() != "")
        if opening:
            opened = at + 1 if opened is None else opened
        elif opened is not None and (mark == "”" or before.strip()):
            pairs.append((opened, at))
            opened = None
    return pairs


def _tokens_in(doc: Any, start: int, end: int) -> list[Any]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _governing_verb(doc: Any, start: int, end: int) -> Any | None:
    """The speech verb outside the quote that the quoted words hang from in the parse."""
    inside = _tokens_in(doc, start, end)
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


def _subject_of(verb: Any) -> Any | None:
    for node in [verb, *verb.ancestors]:
        subject = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
        if node.dep_ not in ("advcl", "xcomp", "conj", "ccomp", "relcl"):
            break
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


class SpeakerResolver:
    """Turns the subject of a speech verb into a name, using the article's people, roles and recent speakers."""

    def __init__(self, doc: Any, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.text: str = text_of(doc)
        self.roles = RoleIndex(doc)
        self.people = [m for m in mentions if m.label == "PERSON"]
        self.person_names = PersonNames({self.text[m.start : m.end] for m in self.people})
        self.person_speakers = {self.full(self.text[m.start : m.end]) for m in self.people}
        self.named = [m for m in mentions if m.label in ("PERSON", "ORG", "PLACE")]
        self.last_speaker: str | None = None
        # Speakers named by a description rather than a name ("Residents of Dundalk"): pronouns that stand for
        # them are not mentions of an entity.
        self.descriptions: set[str] = set()
        self.labels = self._speaker_labels()

    def _speaker_labels(self) -> list[tuple[int, int, Speaker]]:
        """Paragraphs opened by a speaker label, as (first character after the label, paragraph end, speaker).
        A label counts when it names a person of the article ("PENCE" with Mike Pence mentioned) or is a name
        written in capitals ("WALLACE")."""
        labels = []
        known = {name_key(self.text[m.start : m.end]): self.text[m.start : m.end] for m in self.people}
        for match in _SPEAKER_LABEL.finditer(self.text):
            label = match["label"].strip()
            words = label.replace(".", " ").split()
            if not words or len(words) > 4 or label.lower() in _NOT_SPEAKERS:
                continue
            same = known.get(name_key(label))
            name = self.person_names.full(label) or (self.full(same) if same else None)
            if name is None and label.isupper() and len(label) > 2:
                name = label.title()
            if name is None:
                continue
            end = self.text.find("\n", match.end())
            span = (match.start("label"), match.start("label") + len(label))
            speaker = Speaker(name=name, span=span, cue=None, is_name=name_key(name) == name_key(label))
            labels.append((match.end(), len(self.text) if end < 0 else end, speaker))
        return labels

    def labelled(self, start: int) -> Speaker | None:
        """The speaker whose label opens the paragraph a content starts in, if one does."""
        return next((speaker for first, end, speaker in self.labels if first <= start < end), None)

    def full(self, name: str) -> str:
        return self.person_names.full(name) or name

    def resolve(self, subject: Any) -> tuple[str | None, bool]:
        """The name a subject stands for, and whether the subject's words are that name themselves."""
        subject = antecedent(subject)
        lower = subject.text.lower()
        if lower in PERSONAL_PRONOUNS:
            return self._antecedent(subject.idx), False
        if lower in PLURAL_PRONOUNS:
            return None, False
        start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
        phrase = self.text[start:end]
        inside = [m for m in self.named if m.start >= start and m.end <= end and self._speaks(m, subject)]
        people = [self.text[m.start : m.end] for m in inside if m.label == "PERSON"]
        full_names = [p for p in people if len(p.split()) > 1]
        if full_names:
            return full_names[0], True
        by_role = self.roles.lookup(phrase) or self._holder(subject, phrase)
        if by_role:
            return by_role, False
        if people:
            return self.full(people[0]), True
        bodies = [m for m in inside if m.label != "PLACE"]
        if bodies:
            return self.text[bodies[0].start : bodies[0].end], True
        # A place speaks only when nothing else in the subject can: "Maryland Gov. Wes Moore" is Wes Moore, and
        # "the Indian embassy" is the embassy, not India.
        name = proper_name(subject) if subject.pos_ == "PROPN" else None
        if name and not any(self.text[m.start : m.end] == name for m in inside):
            return self.full(name), False
        body = subject.lemma_.lower() in ROLE_NOUNS or subject.lower_ in ROLE_NOUNS
        if body and (inside or any(w[:1].isupper() for w in phrase.split()[1:])):
            return self._described(phrase), True
        if inside and subject.pos_ == "NOUN":
            # Places that only modify a common noun: "Maryland's governor" speaks, not Maryland.
            return self._described(phrase), True
        if inside:
            return self.text[inside[0].start : inside[0].end], True
        return (name, False) if name else (None, False)

    def _holder(self, subject: Any, phrase: str) -> str | None:
        """The one person the article gives a title, for a title qualified by a place's possessive or by nothing
        ("Maryland's governor", "the governor": Wes Moore where the article names Governor Wes Moore alone)."""
        if subject.pos_ != "NOUN" or any(c.dep_ not in ("poss", "det", "case") for c in subject.children):
            return None
        title = _TITLE_OF_WORD.get(subject.lower_)
        holders = {name for _, name in self.roles.by_title.get(title or "", ())}
        return holders.pop() if len(holders) == 1 else None

    def _described(self, phrase: str) -> str:
        """A speaker given by the words that describe it ("the Indian embassy"): no name, so no entity."""
        words = _without_article(phrase)
        self.descriptions.add(words)
        return words

    def _speaks(self, mention: Mention, subject: Any) -> bool:
        """Whether a name inside the subject is who speaks: the subject itself, its possessor, or the body a
        spokesman or official speaks for; not "Dundalk" in "residents of Dundalk"."""
        if mention.start <= subject.idx < mention.end:
            return True
        if subject.lemma_.lower() in ROLE_NOUNS or subject.lower_ in ROLE_NOUNS:
            return True
        head = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if head is None or head.root.head != subject:
            return False
        # A person named in apposition to the subject ("the head of the agency, Ann Lee,") is the speaker.
        return head.root.dep_ in ("poss", "compound") or (head.root.dep_ == "appos" and mention.label == "PERSON")

    def _antecedent(self, before: int) -> str | None:
        """Who "he" or "she" stands for: the last speaker, unless a person is named since its sentence began; never
        a named speaker that is none of the article's people ("the State Police said ... He said ..."): then the last
        person named before."""
        earlier = [m for m in self.people if m.end <= before]
        last = self.last_speaker if self.last_speaker and self._is_person(self.last_speaker) else None
        if last and (not earlier or self._last_sentence_start(before) > earlier[-1].start):
            return last
        if earlier:
            return self.full(self.text[earlier[-1].start : earlier[-1].end])
        return last

    def _is_person(self, name: str) -> bool:
        """Whether "he" or "she" may stand for a speaker: one of the article's people, or a speaker it describes
        without a name ("a spokeswoman for the port"), not a named body or place."""
        return name in self.person_speakers or name in self.descriptions or self.person_names.full(name) is not None

    def _last_sentence_start(self, char: int) -> int:
        token = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return int(token[0].sent.start_char) if token is not None and len(token) else 0


def antecedent(token: Any) -> Any:
    """The noun a relative pronoun stands for ("Reid, who said ...": Reid), else the token itself."""
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _without_article(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)


def proper_name(subject: Any) -> str | None:
    """A name from a proper-noun subject the recogniser missed: "Baltimore Mayor Brandon Scott" -> "Brandon Scott"."""
    chain = [
        t
        for t in subject.subtree
        if t.pos_ == "PROPN"
        and (t == subject or t.dep_ in ("compound", "flat"))
        and t.ent_type_ not in ("DATE", "TIME")
    ]
    titled = [i for i, t in enumerate(chain) if t.lower_ in TITLES or t.lower_.rstrip(".") + "." in TITLES]
    name = chain[titled[-1] + 1 :] if titled else chain
    return " ".join(t.text for t in name) if name and name[0].text[:1].isupper() else None


def _speaker_for(resolver: SpeakerResolver, verb: Any) -> Speaker:
    cue = (verb.idx, verb.idx + len(verb.text))
    subject = _subject_of(verb)
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
    doc: Any, article_id: str, mentions: Sequence[Mention]
) -> tuple[tuple[Quote, ...], tuple[Mention, ...]]:
    """Quotes with speakers, and the extra mentions (pronouns, titles) that speaker resolution tied to a name.

    Quotes are resolved in document order, so a pronoun's antecedent is the speaker or person named before it.
    """
    resolver = SpeakerResolver(doc, mentions)
    text = resolver.text
    marked = quote_mark_spans(text)
    # A transcript paragraph is its labelled speaker's words, quote marks or not: one content, holding what the
    # tagger or the quote marks found in it, unless the tagger found another source there.
    labelled = [(a, b) for a, b, _ in resolver.labels]
    tagged = [t for t in _tagged(doc, marked) if t.tagged_source or not _overlaps(labelled, t.start, t.end)]
    marked_alone = [(a, b) for a, b in marked if not _overlaps(labelled, a, b)]
    # A headline's words credited before a colon ("Poll: ..."), where the tagger and the labels found nothing.
    headline = _headline(doc, text)
    spans = [*((t.start, t.end) for t in tagged), *labelled]
    if headline is not None and not _overlaps(spans, headline.start, headline.end):
        tagged.append(headline)
    taken = [(t.start, t.end) for t in tagged]
    events: list[tuple[int, Event]] = [(t.start, t) for t in tagged]
    events += [(start, (start, end)) for start, end in marked_alone if not _overlaps(taken, start, end)]
    events += [(a, (a, b)) for a, b in labelled if not _overlaps(taken, a, b)]
    events += [(speech.verb.idx, speech) for speech in _clause_speech_verbs(doc)]
    events += [(t.start, t) for t in _according_to_contents(doc, text, [*marked, *taken])]
    events += [(t.start, t) for t in _finding_contents(doc, text, [*marked, *taken])]
    quotes: list[Quote] = []
    extra: list[Mention] = []
    for _, event in sorted(events, key=lambda item: item[0]):
        found = _resolve_event(doc, resolver, event, marked, taken)
        if found is None:
            continue
        start, end, speaker, kind = found
        # The speaker's words without the comma an apposition or clause left them ("The company, which ...,").
        said = _trim(text, *speaker.span) if speaker.span else None
        said = said if said is not None and said[0] < said[1] else None
        quotes.append(
            Quote(
                id=f"{article_id}:quote:{start}-{end}",
                article=article_id,
                start=start,
                end=end,
                kind=kind,
                speaker=speaker.name,
                speaker_span=Span(article=article_id, start=said[0], end=said[1]) if said else None,
                cue_span=Span(article=article_id, start=speaker.cue[0], end=speaker.cue[1]) if speaker.cue else None,
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
    return tuple(sorted(quotes, key=lambda q: q.start)), tuple(extra)


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
    if speaker is not None and speaker.name:
        resolver.last_speaker = speaker.name
    return speaker if speaker is not None and (speaker.name or speaker.cue) else None


def _dash_credit(text: str, start: int, end: int) -> Speaker | None:
    """The name a dash credits a whole quoted paragraph to, printed after its closing mark (“...” ― Name)."""
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
    resolver.last_speaker = speaker.name
    return start, end, speaker


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


Event = TaggedContent | tuple[int, int] | SpeechVerb


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and b > start for a, b in spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Content without the quote marks around it and the comma or colon a closing mark kept."""
    while start < end and text[start] in _EDGE_MARKS:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
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


def _tagged(doc: Any, marked: Sequence[tuple[int, int]]) -> list[TaggedContent]:
    """The tagger's contents, cues and sources as character spans."""
    if not len(doc):
        return []
    weights = tagger.shipped_weights()
    text = text_of(doc)
    parsed = tagger.parse_arrays(doc, tagger_quote_spans(text, marked), weights.cue_lemmas)

    def chars(run: tuple[int, int] | None) -> tuple[int, int] | None:
        return (int(parsed.starts[run[0]]), int(parsed.ends[run[1] - 1])) if run else None

    words = _Words.of(doc)
    found: list[TaggedContent] = []
    labels = tagger.tag(parsed, weights)
    labels[_terms_of_speaking(doc)] = 0
    for linked in tagger.link(parsed, labels, weights.linker):
        if _not_speech(doc, linked, marked) or _too_short(doc, linked, marked, words):
            continue
        nobody = _held_by_nobody(doc, linked)
        for part in [linked] if nobody else _attribution_out_of_content(doc, linked, parsed):
            item = _to_phrase_end(
                doc, part if nobody else _source_after_comma(doc, _cue_subject_first(doc, part)), words
            )
            item = _to_reported_clause(doc, item)
            start, end = _trim(text, *_according_to_content(parsed, item, text) or chars(item.content))  # type: ignore[misc]
            end = _without_final_stop(doc, text, marked, start, end)
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
            found.extend(_split_at_second_speaker(doc, text, content, weights.cue_lemmas, marked, words=words))
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
        kept = {
            t.i
            for clause in verb.children
            if clause.dep_ in ("xcomp", "advcl")
            and (any(c.lower_ == "to" for c in clause.children) or any(t.dep_ == "ccomp" for t in clause.subtree))
            for t in clause.subtree
        }
        found.extend(t.i for t in verb.subtree if t.i not in kept)
    return found


def _without_final_stop(doc: Any, text: str, marked: Sequence[tuple[int, int]], start: int, end: int) -> int:
    """The end of a content without its sentence's full stop, unless quote marks hold the content (an indirect
    content reports words, not the sentence that carries them); a stop that ends an abbreviation ("U.S.") stays."""
    if end - start < 2 or text[end - 1] != "." or _overlaps(marked, start, end):
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
    if _overlaps(marked, words.starts[a], words.ends[b - 1]):
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
    quoted = _overlaps(marked, content.start_char, content.end_char)
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


def _attribution_out_of_content(doc: Any, item: tagger.Tagged, parsed: tagger.Parsed) -> list[tagger.Tagged]:
    """A content without the cue, source, scene-setting words, addressee and occasion the tagger ran it over
    (`content_bounds`), after the words of earlier sentences it ran back over, if any."""
    quoted = parsed.quoted.tolist()
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
    if verb is None or verb.dep_ != "advcl" or any(c.dep_ in _SUBJECTS for c in verb.children):
        return item
    subject = _subject_of(verb)
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
    if verb is None or verb.dep_ not in ("ROOT", "ccomp", "conj") or any(c.dep_ in _SUBJECTS for c in verb.children):
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
        first_end = _trim(text, content.start, doc[cut].idx)[1]
        second_start, second_end = _trim(text, verb.idx + len(verb.text), content.end)
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
    if verb.pos_ != "VERB" or _overlaps(marked, verb.idx, verb.idx + 1) or _possible(verb):
        return None
    subject = next((c for c in verb.lefts if c.dep_ in _SUBJECTS), None)
    if verb.dep_ in ("conj", "advcl") and verb.lemma_.lower() in SPEECH_VERBS and subject is not None:
        if subject.left_edge.i <= span.start or not (
            subject.pos_ in ("NOUN", "PROPN") or subject.lower_ in PERSONAL_PRONOUNS
        ):
            return None
        if verb.dep_ == "advcl":
            mark = next((c for c in verb.lefts if c.dep_ == "mark"), None)
            if mark is None or mark.lower_ not in _ASIDE_MARKS:
                return None
            return verb.left_edge.i, subject
        joint = next((c for c in verb.head.children if c.dep_ == "cc" and c.i < subject.left_edge.i), None)
        return (joint.i if joint is not None else subject.left_edge.i), subject
    # A speech verb the parse joined to the reported clause ("said it was opposed to the test and warned North
    # Korea to ...") is the speaker's next act: a reported clause does not speak.
    outside = not span.start <= verb.head.i < span.end
    outside = outside or (verb.lemma_.lower() in SPEECH_VERBS and verb.head.dep_ == "ccomp")
    if subject is None and outside and verb.dep_ == "conj" and verb.lemma in cue_lemmas:
        cut = verb.i
        while cut - 1 > span.start and verb.doc[cut - 1].dep_ in _JOINTS:
            cut -= 1
        return cut, None
    return None


# A headline that credits its words to a source before a colon: "Poll: Clinton leads in Ohio."
_HEADLINE = re.compile(r"(?P<source>[A-Z][^:\n]{0,60}?)[ \t]*:[ \t]+(?P<content>\S[^\n]*)")


def _headline(doc: Any, text: str) -> TaggedContent | None:
    """The words of a first line (the headline) set after a source and a colon, as the source's ("Poll: Trump leads
    in Ohio"; not a rubric such as "Breaking: ...", nor a phrase with a verb, "Bill is back: ...")."""
    match = _HEADLINE.match(text)
    if match is None or match["source"].strip().lower() in _NOT_SPEAKERS:
        return None
    source = doc.char_span(match.start("source"), match.end("source"), alignment_mode="expand")
    if source is None or not 0 < len(source) <= 5 or any(t.pos_ in ("VERB", "AUX", "INTJ") for t in source):
        return None
    if source.root.pos_ not in ("NOUN", "PROPN") or source.root.ent_type_ in ("GPE", "DATE", "TIME"):
        return None
    start, end = _trim(text, match.start("content"), match.end("content"))
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


def _finding_contents(doc: Any, text: str, taken: Sequence[tuple[int, int]]) -> list[TaggedContent]:
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
        start, end = _trim(text, comma.idx + 1, sentence.end_char)
        end = end - 1 if end > start and text[end - 1] in ".!?" else end
        if len(text[start:end].split()) < 4 or _overlaps(taken, start, end):
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


def _according_to_contents(doc: Any, text: str, taken: Sequence[tuple[int, int]]) -> list[TaggedContent]:
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
            start, end = _trim(text, sentence.start_char, match.start())
        else:
            after = doc[last].idx + len(doc[last].text)
            while after < sentence.end_char and text[after] in " \t,;:—–-":
                after += 1
            start, end = _trim(text, after, sentence.end_char)
            end = end - 1 if end > start and text[end - 1] in ".!?" else end
        if len(text[start:end].split()) < 4 or _overlaps(taken, start, end):
            continue
        found.append(_content_of(start, end, (match.start(), match.end()), words, doc[first : last + 1]))
    return found


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


def _tagged_speaker(doc: Any, resolver: SpeakerResolver, item: TaggedContent) -> Speaker | None:
    """The speaker of a tagged content: its source resolved, else the subject of its cue verb, else (a content
    standing alone) the previous speaker."""
    if item.nobody:
        return Speaker(name=None, span=None, cue=item.cue, is_name=False)
    if item.source_tokens is not None:
        a, b = item.source_tokens
        root = antecedent(
            next((doc[i] for i in range(a, b) if not a <= doc[i].head.i < b or doc[i].head.i == i), doc[a])
        )
        name, is_name = resolver.resolve(root)
        if name is None and root.pos_ in ("NOUN", "PROPN"):
            # Unnamed in the article ("the influential daily", "residents of Dundalk"): the words themselves.
            words = (root.left_edge.idx, root.idx + len(root.text)) if root.i < a else item.source
            name, is_name = (resolver.text[words[0] : words[1]], True) if words else (None, False)
            if name is not None and root.pos_ == "NOUN":
                resolver.descriptions.add(name)
        return Speaker(name=name, span=item.source, cue=item.cue, is_name=is_name)
    if item.cue_tokens is not None:
        verb = next((doc[i] for i in range(*item.cue_tokens) if doc[i].pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            found = _speaker_for(resolver, verb)
            return Speaker(name=found.name, span=found.span, cue=item.cue, is_name=found.is_name)
        return Speaker(name=None, span=None, cue=item.cue, is_name=False)
    if resolver.last_speaker:
        return Speaker(name=resolver.last_speaker, span=None, cue=None, is_name=False)
    return None


def _resolve_event(
    doc: Any,
    resolver: SpeakerResolver,
    event: Event,
    marked: Sequence[tuple[int, int]],
    taken: Sequence[tuple[int, int]],
) -> tuple[int, int, Speaker, QuoteKind] | None:
    """One content with its speaker and kind, or None; events come in document order so that pronouns and floating
    quotes find the speaker before them."""
    text = resolver.text
    if isinstance(event, TaggedContent):
        speaker = _dash_credit(text, event.start, event.end) or _tagged_speaker(doc, resolver, event)
        start, end = event.start, event.end
        inside = any(a <= start and end <= b for a, b in marked)
        kind: QuoteKind = "indirect" if not _overlaps(marked, start, end) else "partial"
        if inside:
            kind = _kind(text, doc.char_span(start, end, alignment_mode="expand")[0].sent, start)
    elif isinstance(event, tuple):
        start, end = _trim(text, *event)
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
    if speaker.name:
        resolver.last_speaker = speaker.name
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


def _in_markup(text: str, start: int) -> bool:
    """Whether a content starts inside a markup tag left in the text (``<tweet author="..." id="...">``): an
    attribute's value between quote marks, not reported words."""
    opening = text.rfind("<", 0, start)
    if opening < 0 or not text[opening + 1 : opening + 2].isalpha():
        return False
    return opening > max(text.rfind(">", 0, start), text.rfind("\n", 0, start))
