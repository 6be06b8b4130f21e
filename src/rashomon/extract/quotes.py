"""Quotes and their speakers: direct and partial quotes between quote marks, indirect speech from the parse.

Steps: pair quote marks; for each quoted span climb the dependency tree to the speech verb that governs it (else
the nearest speech verb in the sentence, else the previous quote's speaker for a quote that stands alone; a
transcript paragraph opened by a speaker label, "PENCE: ...", is that speaker's; a content that runs on into a second
speaker's attribution is split in two);
resolve the verb's subject to a name (a named person, a short form, a pronoun's antecedent, or a title such as
"the Armenian prime minister" through the article's roles); then find indirect speech, a speech verb's clause
with no quote marks in it. Quote marks are paired in `quote_marks`; the attribution tagger's contents are kept
to the words reported in `tagged_quotes` (and `content_bounds`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, LOWER
from spacy.strings import StringStore
from spacy.symbols import VERB

from rashomon.extract.content_bounds import without_dateline
from rashomon.extract.cue_bounds import with_helpers, with_preposition
from rashomon.extract.entities import PersonNames, RoleIndex
from rashomon.extract.lexicon.speech_words import (
    ATTRIBUTION_PHRASES,
    CLAUSE_SPEECH_VERBS,
    FEMALE_NOUNS,
    MALE_NOUNS,
    NOT_SPEAKERS,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
)
from rashomon.extract.nlp import text_of
from rashomon.extract.quote_marks import quote_mark_spans, with_balanced_marks
from rashomon.extract.tagged_quotes import (
    TaggedContent,
    according_to_contents,
    finding_contents,
    headline_content,
    overlaps,
    subject_of,
    tagged_contents,
    trim,
)
from rashomon.model import Mention, Quote, QuoteKind, Span
from rashomon.text.names import name_key

_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
# Singular nouns for a group of people, whose apposed name is one of them at most ("the family of the victim, Ann Lee").
_GROUP_NOUNS = frozenset({"family", "team", "crew", "staff", "group", "couple", "committee", "panel", "board"})
# A transcript's speaker label opening a paragraph: "PENCE: Well, look ...", "Mr. Trump: ..." (after an optional
# opening quote mark, as transcripts quoted whole are printed).
_SPEAKER_LABEL = re.compile(r"^[ \t\"“]*(?P<label>[A-Z][A-Za-z.'’\- ]{0,40}?)[ \t]*:[ \t]+(?=\S)", re.MULTILINE)


# A quote paragraph credited after a dash, as listicles and epigraphs print them: “...” ― Sonya Herridge.
_DASH_CREDIT = re.compile(
    r"[,.;:!?”\"’»]*[”\"’»][^\S\n]*(?P<dash>[―—–]|--)[^\S\n]*(?P<name>[A-Z][\w.'’\-]*(?:[^\S\n]+[A-Z][\w.'’\-]*){0,4})"
    r"[^\S\n]*(?:[,(][^\n]{0,60})?[.]?[^\S\n]*$",
    re.MULTILINE,
)


# Each title by its words without a closing period ("gov" for "gov."); the first in `TITLES` where two share them.
_TITLE_OF_WORD = {title.rstrip("."): title for title in reversed(TITLES)}


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    span: tuple[int, int] | None
    cue: tuple[int, int] | None
    is_name: bool


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
        # Of those, the ones that describe one person, with the pronouns that may stand for each ("the actress": she).
        self.described_people: dict[str, frozenset[str]] = {}
        self.labels = self._speaker_labels()
        self._sexes: dict[str, str] | None = None  # read from the article's pronouns when first needed

    def _speaker_labels(self) -> list[tuple[int, int, Speaker]]:
        """Paragraphs opened by a speaker label, as (first character after the label, paragraph end, speaker).
        A label counts when it names a person of the article ("PENCE" with Mike Pence mentioned) or is a name
        written in capitals ("WALLACE")."""
        labels = []
        known = {name_key(self.text[m.start : m.end]): self.text[m.start : m.end] for m in self.people}
        for match in _SPEAKER_LABEL.finditer(self.text):
            label = match["label"].strip()
            words = label.replace(".", " ").split()
            if not words or len(words) > 4 or label.lower() in NOT_SPEAKERS:
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
            return self._antecedent(subject.idx, lower), False
        if lower in PLURAL_PRONOUNS:
            return None, False
        end = subject.right_edge.idx + len(subject.right_edge.text)
        start = without_dateline(self.text, subject.left_edge.idx, end)  # "DETROIT -- Union officials" names no city
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
        # A body named only as a person's kind is not who speaks: "a Carrier executive", "House Republicans".
        bodies = [m for m in inside if m.label != "PLACE" and not self._only_a_kind(m, subject)]
        if bodies:
            return self.text[bodies[0].start : bodies[0].end], True
        # A place speaks only when nothing else in the subject can: "Maryland Gov. Wes Moore" is Wes Moore, and
        # "the Indian embassy" is the embassy, not India.
        name = proper_name(subject) if subject.pos_ == "PROPN" else None
        if name and not any(self.text[m.start : m.end] == name for m in inside):
            return self.full(name), False
        body = subject.lemma_.lower() in ROLE_NOUNS or subject.lower_ in ROLE_NOUNS
        phrase = self.text[start : description_end(self.doc, start, end)]
        if body and (inside or any(w[:1].isupper() for w in phrase.split()[1:])):
            return self.described(phrase, subject), True
        if inside and subject.pos_ == "NOUN":
            # Places that only modify a common noun: "Maryland's governor" speaks, not Maryland.
            return self.described(phrase, subject), True
        if inside:
            return self.text[inside[0].start : inside[0].end], True
        return (name, False) if name else (None, False)

    def _only_a_kind(self, mention: Mention, subject: Any) -> bool:
        """Whether a name inside the subject only tells what kind of person speaks: it modifies a noun for people
        that is no office speaking for a body ("a Carrier executive", "the Senate minority leader", "House
        Republicans"; not "a White House official" or "the embassy spokesman")."""
        head = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if head is None or head.root.dep_ != "compound" or head.root.head != subject:
            return False
        word = (subject.lemma_ or subject.text).lower()  # a proper noun has no lemma ("Republicans")
        if word in ROLE_NOUNS or subject.lower_ in ROLE_NOUNS:
            return False
        singular = word.removesuffix("s")
        return any(w in PERSON_NOUNS or w.endswith(("man", "men", "ist")) for w in (word, singular))

    def _holder(self, subject: Any, phrase: str) -> str | None:
        """The one person the article gives a title, for a title qualified by a place's possessive or by nothing
        ("Maryland's governor", "the governor": Wes Moore where the article names Governor Wes Moore alone)."""
        if subject.pos_ != "NOUN" or any(c.dep_ not in ("poss", "det", "case") for c in subject.children):
            return None
        title = _TITLE_OF_WORD.get(subject.lower_)
        holders = {name for _, name in self.roles.by_title.get(title or "", ())}
        return holders.pop() if len(holders) == 1 else None

    def described(self, phrase: str, head: Any, *, bare: bool = True) -> str:
        """A speaker given by the words that describe it ("the Indian embassy"), without its article when ``bare``:
        no name, so no entity; with its head noun, which tells whether "he" or "she" may stand for it."""
        words = _without_article(phrase) if bare else phrase
        self.descriptions.add(words)
        pronouns = _pronouns_for(head) or (_EITHER_SEX if _looks_like_a_name(words) else frozenset())
        if pronouns:
            self.described_people[words] = pronouns
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
        # A person named in apposition to the subject ("the head of the agency, Ann Lee,") is the speaker; not to
        # a plural or a group, where the parse hangs another noun's name ("Relatives of the pilot, Tom Brown,"), nor
        # to one of two subjects ("the mayor, Ann Lee, and the governor, Tom Brown,").
        apposed = head.root.dep_ == "appos" and mention.label == "PERSON" and subject.tag_ in ("NN", "NNP")
        joined = [*subject.children, *head.root.children]  # the parse may hang a second subject on the name
        apposed = apposed and subject.lemma_.lower() not in _GROUP_NOUNS and all(c.dep_ != "conj" for c in joined)
        return head.root.dep_ in ("poss", "compound") or apposed

    def _antecedent(self, before: int, pronoun: str) -> str | None:
        """Who "he" or "she" stands for: the last speaker, unless a person is named since its sentence began; never
        a named speaker that is none of the article's people ("the State Police said ... He said ..."), nor a thing,
        a group or someone of the other sex described ("The paper said ... he", "the actress said ... he"): then the
        last person named before."""
        earlier = [m for m in self.people if m.end <= before]
        last = self.last_speaker if self.last_speaker and self._is_person(self.last_speaker, pronoun) else None
        if last and (not earlier or self._last_sentence_start(before) > earlier[-1].start):
            found: str | None = last
        else:
            found = self.full(self.text[earlier[-1].start : earlier[-1].end]) if earlier else last
        sex = _PRONOUN_SEX.get(pronoun)
        if found is None or self._may_be(found, sex):
            return found
        # The article's own pronouns make that person the other sex ("Clinton said she ..." then "He said"): one
        # of the last few people named whom they do not rule out, if named since the sentence began, else the last
        # speaker if they do not rule it out, else the nearest of those people, else as before.
        fits: list[tuple[str, int]] = []
        recent: list[str] = []
        for mention in reversed(earlier):
            name = self.full(self.text[mention.start : mention.end])
            if name not in recent:
                recent.append(name)
                if self._may_be(name, sex):
                    fits.append((name, mention.start))
                if len(recent) == _PRONOUN_REACH:
                    break
        if fits and fits[0][1] >= self._last_sentence_start(before):
            return fits[0][0]
        if last and self._may_be(last, sex):
            return last
        return fits[0][0] if fits else found

    def _may_be(self, name: str, sex: str | None) -> bool:
        """Whether a person may be the one a "he" or "she" stands for: the article never says otherwise."""
        if self._sexes is None:
            self._sexes = self._sexes_said()
        return sex is None or self._sexes.get(name, sex) == sex

    def _sexes_said(self) -> dict[str, str]:
        """The sex the article's own pronouns give its named people: a "he" or "she" outside quote marks that is the
        subject of the object clause of a named person's verb ("Clinton said she would ...") stands for that person,
        where no one else is named in that sentence or the one before ("Mayor Ortiz resigned. Kent said he had
        lied" says nothing of Kent). A person is one sex when two such clauses say so and none says otherwise; no
        list of names is read."""
        votes: dict[str, dict[str, int]] = {}
        lower, dep = self.doc.to_array([LOWER, DEP]).T
        # The pronouns that are subjects, picked from the document's arrays: a `Token` for every word costs more.
        candidates = np.flatnonzero(np.isin(lower, _PRONOUN_IDS) & np.isin(dep, _SUBJECT_IDS)).tolist()
        for token in (self.doc[i] for i in candidates):
            if _inside_quote(self.text, token.idx):
                continue  # a quoted "he" is someone the speaker talks about
            name = self._holder_of_clause(token.head, token.i)
            if name is None:
                continue
            sentence = token.sent
            previous = self.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else 0
            near = [m for m in self.people if previous <= m.start < token.idx]
            if any(self.full(self.text[m.start : m.end]) != name for m in near):
                continue
            counts = votes.setdefault(name, {"he": 0, "she": 0})
            counts[_PRONOUN_FORMS[token.lower_]] += 1
        return {
            name: sex
            for name, counts in votes.items()
            for sex, other in (("he", "she"), ("she", "he"))
            if counts[sex] >= 2 and counts[other] == 0
        }

    def _holder_of_clause(self, verb: Any, before: int) -> str | None:
        """The named person whose speech or thought ``verb``'s clause reports, as the subject (named in full,
        before token ``before``) of the verb that holds it as its object clause: "Clinton said she ...". Not a
        clause joined or set beside another ("and he hit back", "when he spoke"), whose subject is often someone
        else, nor one told to someone ("Trump told Clinton that she ...", where "she" may be the one told)."""
        if verb.dep_ != "ccomp" or verb.head.i == verb.i:
            return None
        holder = verb.head
        if any(c.dep_ in ("dobj", "dative", "iobj") for c in holder.children):
            return None
        subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < before), None)
        person = next((m for m in self.people if subject is not None and m.start <= subject.idx < m.end), None)
        if person is None:
            return None
        name = self.full(self.text[person.start : person.end])
        return name if " " in name else None  # a surname alone may be two people ("Mr. and Mrs. Lee")

    def _is_person(self, name: str, pronoun: str) -> bool:
        """Whether a pronoun ("he", "her") may stand for a speaker: one of the article's people, or one person it
        describes without a name ("a spokeswoman for the port" for "she"), not a named body or place."""
        if name in self.described_people:
            return _PRONOUN_SEX.get(pronoun, "") in self.described_people[name]
        return name in self.person_speakers or self.person_names.full(name) is not None

    def _last_sentence_start(self, char: int) -> int:
        token = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return int(token[0].sent.start_char) if token is not None and len(token) else 0


# The sex of a personal pronoun, as `_pronouns_for` names it.
_PRONOUN_SEX = {"he": "he", "him": "he", "she": "she", "her": "she"}


def _inside_quote(text: str, at: int) -> bool:
    """Whether character ``at`` is inside quote marks opened earlier in its paragraph and not closed before it,
    closed later or never (news style leaves a quote running into the next paragraph unclosed)."""
    paragraph = text[text.rfind("\n", 0, at) + 1 : at]
    return paragraph.count("“") > paragraph.count("”") or paragraph.count('"') % 2 == 1


# How many of the people named last a "he" or "she" may pass over to one its sex fits.
_PRONOUN_REACH = 3
# The forms of "he" and "she" that can be a clause's subject, and their string ids and those of the subject
# labels as a document's arrays hold them (spaCy's ids are hashes of the strings, the same in every vocabulary).
_PRONOUN_FORMS = {"he": "he", "she": "she"}
_PRONOUN_IDS = np.array([StringStore().add(form) for form in _PRONOUN_FORMS], dtype=np.uint64)
_SUBJECT_IDS = np.array([StringStore().add(label) for label in ("nsubj", "nsubjpass")], dtype=np.uint64)
_EITHER_SEX = frozenset({"he", "she"})


def _pronouns_for(head: Any) -> frozenset[str]:
    """The pronouns that may stand for a speaker described by its head noun: one of them for a man or a woman ("the
    actress"), either for any other singular noun ("the senator", "the nurse": no list of people's nouns is whole,
    so "the paper" may be one too), none for a group ("recent polls")."""
    if head.tag_ != "NN":
        return frozenset()
    word = head.lower_
    if word in FEMALE_NOUNS or word.endswith("woman"):
        return frozenset({"she"})
    if word in MALE_NOUNS or word.endswith("man"):
        return frozenset({"he"})
    return _EITHER_SEX


def _looks_like_a_name(words: str) -> bool:
    """Words that read as a person's name the recogniser missed ("Sean Hannity", "Sanders" typed a body): one to
    three, each capitalised, with no article."""
    parts = words.split()
    return 1 <= len(parts) <= 3 and parts[0].lower() not in ("the", "a", "an") and all(p[:1].isupper() for p in parts)


_CLAUSES = frozenset({"relcl", "acl"})
_TRAILING = " \t\n,;:-\u2013\u2014"


def description_end(doc: Any, start: int, end: int) -> int:
    """Where a speaker's describing words end without a clause that is an aside or cut off: one set off by a
    comma or a dash ("The lawmaker, who represents a district in Albay,", "The poll, released on") or running on
    past the words ("a campaign official who was not authorized"); a clause that tells which people speak stays
    ("Supporters who have heard from the campaign"). Trailing commas and dashes go too."""
    text = text_of(doc)
    cut = end
    for token in _tokens_in(doc, start, end):
        clause = token if token.dep_ in _CLAUSES else token.head if token.head.dep_ in _CLAUSES else None
        if clause is None or not start <= clause.head.idx < end:
            continue
        first = clause.left_edge.idx
        last = clause.right_edge.idx + len(clause.right_edge.text)
        if first < start:
            continue
        if last > end or text[start:first].rstrip()[-1:] in (",", "-", "\u2013", "\u2014"):
            cut = min(cut, first)
    while cut > start and text[cut - 1] in _TRAILING:
        cut -= 1
    return cut if cut > start else end


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
    marked = marked if marked is not None else quote_mark_spans(text_of(doc))
    resolver = SpeakerResolver(doc, mentions)
    text = resolver.text
    # A transcript paragraph is its labelled speaker's words, quote marks or not: one content, holding what the
    # tagger or the quote marks found in it, unless the tagger found another source there.
    labelled = [(a, b) for a, b, _ in resolver.labels]
    tagged = [t for t in tagged_contents(doc, marked) if t.tagged_source or not overlaps(labelled, t.start, t.end)]
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
    quotes: list[Quote] = []
    extra: list[Mention] = []
    for _, event in sorted(events, key=lambda item: item[0]):
        found = _resolve_event(doc, resolver, event, marked, taken)
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


Event = TaggedContent | tuple[int, int] | SpeechVerb


def _tagged_speaker(doc: Any, resolver: SpeakerResolver, item: TaggedContent) -> Speaker | None:
    """The speaker of a tagged content: its source resolved, else the subject of its cue verb, else (a content
    standing alone) the previous speaker."""
    if item.nobody:
        return Speaker(name=None, span=None, cue=item.cue, is_name=False)
    if item.source_tokens is not None and not _only_a_dateline(resolver.text, item.source):
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
    if item.cue_tokens is not None:
        verb = next((doc[i] for i in range(*item.cue_tokens) if doc[i].pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            found = _speaker_for(resolver, verb)
            return Speaker(name=found.name, span=found.span, cue=item.cue, is_name=found.is_name)
        return Speaker(name=None, span=None, cue=item.cue, is_name=False)
    if resolver.last_speaker:
        return Speaker(name=resolver.last_speaker, span=None, cue=None, is_name=False)
    return None


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
) -> tuple[int, int, Speaker, QuoteKind] | None:
    """One content with its speaker and kind, or None; events come in document order so that pronouns and floating
    quotes find the speaker before them."""
    text = resolver.text
    if isinstance(event, TaggedContent):
        speaker = _dash_credit(text, event.start, event.end) or _tagged_speaker(doc, resolver, event)
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
