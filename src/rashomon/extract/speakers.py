"""Who speaks: the subject of a speech verb turned into a name, using the article's people (full names for short
forms), its roles ("the Armenian prime minister" -> the person the article gives that title), transcript labels,
the last speaker, and the antecedent of "he" or "she" (never a person the article's own pronouns make the other
sex). `quotes` finds the speech and asks `SpeakerResolver` who said it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, LOWER
from spacy.strings import StringStore

from rashomon.extract.content_bounds import without_dateline
from rashomon.extract.entities import PersonNames, RoleIndex, without_honorific
from rashomon.extract.lexicon.speech_words import (
    FEMALE_NOUNS,
    MALE_NOUNS,
    NOT_SPEAKERS,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    ROLE_NOUNS,
    TITLES,
)
from rashomon.extract.nlp import text_of
from rashomon.model import Mention
from rashomon.text.names import name_key

_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
# Singular nouns for a group of people, whose apposed name is one of them at most ("the family of the victim, Ann Lee").
_GROUP_NOUNS = frozenset({"family", "team", "crew", "staff", "group", "couple", "committee", "panel", "board"})
# A transcript's speaker label opening a paragraph: "PENCE: Well, look ...", "Mr. Trump: ..." (after an optional
# opening quote mark, as transcripts quoted whole are printed).
_SPEAKER_LABEL = re.compile(r"^[ \t\"“]*(?P<label>[A-Z][A-Za-z.'’\- ]{0,40}?)[ \t]*:[ \t]+(?=\S)", re.MULTILINE)


# Each title by its words without a closing period ("gov" for "gov."); the first in `TITLES` where two share them.
_TITLE_OF_WORD = {title.rstrip("."): title for title in reversed(TITLES)}


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    span: tuple[int, int] | None
    cue: tuple[int, int] | None
    is_name: bool


def tokens_in(doc: Any, start: int, end: int) -> list[Any]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


class SpeakerResolver:
    """Turns the subject of a speech verb into a name, using the article's people, roles and recent speakers."""

    def __init__(self, doc: Any, mentions: Sequence[Mention], quoted: Sequence[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.text: str = text_of(doc)
        self.roles = RoleIndex(doc)
        self.people = [m for m in mentions if m.label == "PERSON"]
        self.person_names = PersonNames({self.text[m.start : m.end] for m in self.people})
        self._sexes: dict[str, str] | None = None  # read from the article's pronouns when first needed
        self.named = [m for m in mentions if m.label in ("PERSON", "ORG", "PLACE")]
        self.last_speaker: str | None = None
        self.last_spoke_at = 0  # where the last speaker's words or name end (`spoke`)
        # The quoted words of the text (`quote_marks.tagger_quote_spans`).
        self.quoted = quoted
        # Speakers named by a description rather than a name ("Residents of Dundalk"): pronouns that stand for
        # them are not mentions of an entity.
        self.descriptions: set[str] = set()
        # Of those, the ones that describe one person, with the pronouns that may stand for each ("the actress": she),
        # and those that describe people by a plural ("officials", "Republican leaders"), for whom "they" may stand.
        self.described_people: dict[str, frozenset[str]] = {}
        self.groups: set[str] = set()
        self.labels = self._speaker_labels()
        # Last: an honorific's sex is checked against the article's pronouns, which reads all of the above.
        self.person_speakers = {self.full(self.text[m.start : m.end]) for m in self.people}

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
        return self._expanded(name) or name

    def _full_as_written(self, name: str) -> str:
        """The full name of a short form by the names alone, the sexes not asked (they are found with it)."""
        return self.person_names.full(name) or name

    def _expanded(self, short: str) -> str | None:
        """The full name a short form stands for, not one its honorific makes the other sex ("Mr. Clinton" is not
        Hillary Clinton where the article's pronouns make her "she")."""
        found = self.person_names.full(short)
        words = name_key(short).split()
        sex = _HONORIFIC_SEX.get(words[0]) if len(words) > 1 else None
        return found if found is None or sex is None or self._may_be(found, sex) else None

    def resolve(self, subject: Any) -> tuple[str | None, bool]:
        """The name a subject stands for, and whether the subject's words are that name themselves."""
        subject = antecedent(subject)
        lower = subject.text.lower()
        if lower in PERSONAL_PRONOUNS:
            return self._antecedent(subject.idx, lower), False
        if lower in PLURAL_PRONOUNS:
            return self._last_group(subject.idx), False
        if lower == "it":
            return self._last_body(subject.idx), False
        end = subject.right_edge.idx + len(subject.right_edge.text)
        start = without_dateline(self.text, subject.left_edge.idx, end)  # "DETROIT -- Union officials" names no city
        phrase = self.text[start:end]
        inside = [m for m in self.named if m.start >= start and m.end <= end and self._speaks(m, subject)]
        people = [self.text[m.start : m.end] for m in inside if m.label == "PERSON"]
        full_names = [p for p in people if len(without_honorific(name_key(p)).split()) > 1]  # not "Ms Holt"
        if full_names:
            return full_names[0], True
        by_role = self.roles.lookup(phrase) or self._holder(subject, phrase)
        if by_role:
            return by_role, False
        if people:
            # The recogniser may leave out a first name or an honorific ("Curtis McMullen", "Mr. Clinton" tagged
            # "McMullen", "Clinton"); the parse keeps them.
            written = proper_name(subject) if subject.pos_ == "PROPN" else None
            short = written if written and written.endswith(" " + people[0]) else people[0]
            expanded = self._expanded(short)
            if expanded:
                return expanded, True
            # An honorific alone is kept only where it tells the speaker from the person of that name the article
            # gives in full; else the name as tagged, which the story's entities can still expand.
            honorific_only = without_honorific(name_key(short)) == name_key(people[0])
            return (people[0] if honorific_only and not self.person_names.full(short) else short), True
        # A body named only as a person's kind is not who speaks: "a Carrier executive", "House Republicans".
        bodies = [m for m in inside if m.label != "PLACE" and not self._only_a_kind(m, subject)]
        if bodies:
            return self.text[bodies[0].start : bodies[0].end], True
        # A place speaks only when nothing else in the subject can: "Maryland Gov. Wes Moore" is Wes Moore, and
        # "the Indian embassy" is the embassy, not India.
        name = proper_name(subject) if subject.pos_ == "PROPN" else self._surname_read_as_noun(subject)
        if name and not any(self.text[m.start : m.end] == name for m in inside):
            self.person_names.add(name)  # a full name the recogniser missed: later "McMullen said" is the same
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
        return (name, False) if name else (self._body_named_before(subject), False)

    def spoke(self, name: str, at: int) -> None:
        """Record who spoke last, and where their words or name end."""
        self.last_speaker, self.last_spoke_at = name, at

    def _last_body(self, before: int) -> str | None:
        """What "it" said stands for: the last speaker where that is a body the article names ("The Harbour
        Workers Union said ... It said") and no one else is a sentence's subject since ("The FAA grounded them.
        It said"), else nothing."""
        last = self.last_speaker
        named = any(m.label == "ORG" and self.text[m.start : m.end] == last for m in self.named)
        return last if named and self._in_focus(before) else None

    def _last_group(self, before: int) -> str | None:
        """What "they" said stands for: the last speaker where that is people the article describes by a plural
        ("Officials said ... But they said"), as `_last_body`; not a body named (a "they" after "the Associated
        Press said" is more often the people it polled), nor things ("the statistics")."""
        last = self.last_speaker
        return last if last in self.groups and self._in_focus(before) else None

    def _in_focus(self, before: int, since: int | None = None) -> bool:
        """Whether what was named at ``since`` (the last speaker's words or name by default) is still what the text
        is about at character ``before``: no sentence between has another subject outside quote marks ("Officials
        said ... Engineers disagreed. They said": not the officials)."""
        start = self.last_spoke_at if since is None else since
        between = self.doc.char_span(start, before, alignment_mode="contract") if start < before else None
        return between is None or not any(
            t.dep_ in ("nsubj", "nsubjpass")
            and t.pos_ in ("NOUN", "PROPN")
            and t.head.dep_ == "ROOT"
            and self._quoted_at(t.idx) is None
            for t in between
        )

    def _body_named_before(self, subject: Any) -> str | None:
        """The one body named earlier whose name is headed by the noun "the" points back with ("The Harbour Workers
        Union called a strike ... the union said", "the Ministry of Defence ... the ministry"), for a noun alone
        with its article."""
        if subject.pos_ != "NOUN" or [c.lower_ for c in subject.children] != ["the"]:
            return None
        noun = subject.lower_
        named = {
            self.text[m.start : m.end]
            for m in self.named
            if m.label == "ORG"
            and m.end <= subject.idx
            and _headed_by(name_key(self.text[m.start : m.end]), noun)
            and not _HEADLINE_WORDS.intersection(self.text[m.start : m.end].split()[1:])
        }
        if len(named) != 1:
            return None
        # Not where another body or person is a sentence's subject since ("The Bank of England held rates. Barclays
        # said ... The bank said": either bank).
        body = named.pop()
        return body if self._in_focus(subject.idx, self.text.rfind(body, 0, subject.idx) + len(body)) else None

    def _surname_read_as_noun(self, subject: Any) -> str | None:
        """A capitalised word inside a sentence that the tagger read as a common noun and that is the surname of
        one person the article names in full ("Ellen Price ... Price said")."""
        capitalised = subject.pos_ == "NOUN" and subject.text[:1].isupper() and not subject.is_sent_start
        return subject.text if capitalised and self.person_names.full(subject.text) else None

    def _only_a_kind(self, mention: Mention, subject: Any) -> bool:
        """Whether a name inside the subject only tells what kind of person speaks: it modifies a noun for people
        that is no office speaking for a body ("a Carrier executive", "the Senate minority leader", "House
        Republicans"; not "a White House official" or "the embassy spokesman")."""
        head = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if head is None or head.root.dep_ != "compound" or head.root.head != subject:
            return False
        return _names_a_person(subject)

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
        # "Officials", "Aides": capitalised, yet people by a plural, no one person's name ("Sanders" may be one).
        people = head.tag_ == "NNS" and _names_people(head)
        pronouns = _pronouns_for(head) or (_EITHER_SEX if _looks_like_a_name(words) and not people else frozenset())
        if pronouns:
            self.described_people[words] = pronouns
        if people:
            self.groups.add(words)
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
        if head.root.dep_ == "poss" and _names_a_person(subject):
            return False  # "Birrell's lawyer", "John Smith's wife": another person speaks, not the possessor
        # A person named in apposition to the subject ("the head of the agency, Ann Lee,") is the speaker; not to
        # a plural or a group, where the parse hangs another noun's name ("Relatives of the pilot, Tom Brown,"), nor
        # to one of two subjects ("the mayor, Ann Lee, and the governor, Tom Brown,").
        apposed = head.root.dep_ == "appos" and mention.label == "PERSON" and subject.tag_ in ("NN", "NNP")
        joined = [*subject.children, *head.root.children]  # the parse may hang a second subject on the name
        apposed = apposed and subject.lemma_.lower() not in _GROUP_NOUNS and all(c.dep_ != "conj" for c in joined)
        return head.root.dep_ in ("poss", "compound") or apposed

    def _antecedent(self, before: int, pronoun: str) -> str | None:
        """Who "he" or "she" stands for: the last speaker, unless a person is the subject of a clause since its
        sentence began; never a named speaker that is none of the article's people ("the State Police said ... He
        said ..."), nor a thing, a group or someone of the other sex described ("The paper said ... he", "the
        actress said ... he"): then the person named last before, the subject of their sentence where it names one
        ("Ayotte would not rule out shifting her position on Trump. She said": Ayotte)."""
        # Not a person named inside the quote the pronoun's own sentence gives ("Mr Al Fayed is persuasive," he
        # said): people are talked about in their own words far more often than they name themselves.
        sentence = self._last_sentence_start(before)
        earlier = [m for m in self.people if m.end <= before and not (m.start >= sentence and self._talked_of(m))]
        last = self.last_speaker if self.last_speaker and self._is_person(self.last_speaker, pronoun) else None
        # A person only mentioned in the pronoun's own sentence ("As for Trump's ability ..., she said") does not
        # take it from the last speaker; one who is a subject there does ("When Ortiz arrived, he said"), and so
        # does a speaker naming themselves in their quote (the only quoted names `earlier` keeps).
        named_here = [
            m
            for m in earlier
            if m.start >= sentence and (self._subject_depth(m) is not None or self._quoted_at(m.start) is not None)
        ]
        if last and not named_here:
            found: str | None = last
        elif earlier:
            found = self.full(self._salient(earlier))
        else:
            found = last
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
        if fits and fits[0][1] >= sentence:
            return fits[0][0]
        if last and self._may_be(last, sex):
            return last
        return fits[0][0] if fits else found

    def _salient(self, earlier: Sequence[Mention]) -> str:
        """Of the people named in the sentence of the last one named, the subject of the clause nearest its root,
        the last of those if two are as near; else the last one named."""
        start = self._last_sentence_start(earlier[-1].start)
        ranked = [
            (depth, m.start, m) for m in earlier if m.start >= start and (depth := self._subject_depth(m)) is not None
        ]
        chosen = min(ranked, key=lambda r: (r[0], -r[1]))[2] if ranked else earlier[-1]
        return self.text[chosen.start : chosen.end]

    def _subject_depth(self, mention: Mention) -> int | None:
        """How many heads up from a person's name its sentence's root is, where the name is a clause's subject."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
            return None
        return sum(1 for _ in span.root.ancestors)

    def _talked_of(self, mention: Mention) -> bool:
        """Whether a person is named inside quoted words (as the quote marks pair, so an inch mark or a pair
        printed the wrong way round opens nothing), other than by the speaker naming themselves ("My name is Tom
        Brown", "I'm Jeff Ross")."""
        opening = self._quoted_at(mention.start)
        if opening is None:
            return False
        return not self.text[max(opening, mention.start - 16) : mention.start].lower().endswith(_NAMING_ONESELF)

    def _quoted_at(self, at: int) -> int | None:
        """Where the quoted words holding character ``at`` begin, or None outside quote marks."""
        return next((a for a, b in self.quoted if a <= at < b), None)

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
            if self._quoted_at(token.idx) is not None:
                continue  # a quoted "he" is someone the speaker talks about
            name = self._holder_of_clause(token.head, token.i)
            if name is None:
                continue
            sentence = token.sent
            previous = self.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else 0
            near = [m for m in self.people if previous <= m.start < token.idx]
            if any(self._full_as_written(self.text[m.start : m.end]) != name for m in near):
                continue
            counts = votes.setdefault(name, {"he": 0, "she": 0})
            counts[_PRONOUN_SEX[token.lower_]] += 1
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
        name = self._full_as_written(self.text[person.start : person.end])
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


# What a speaker says before their own name ("My name is Tom Brown", "I'm Jeff Ross", "I, John Ortiz,").
_NAMING_ONESELF = ("my name is ", "i'm ", "i’m ", "i am ", "this is ", "i, ")
# The sex of a personal pronoun, as `_pronouns_for` names it, and of an honorific before a surname.
_PRONOUN_SEX = {"he": "he", "him": "he", "she": "she", "her": "she"}
_HONORIFIC_SEX = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}


# How many of the people named last a "he" or "she" may pass over to one its sex fits.
_PRONOUN_REACH = 3
# The string ids of "he" and "she" (the forms that can be a clause's subject) and of the subject labels, as a
# document's arrays hold them (spaCy's ids are hashes of the strings, the same in every vocabulary).
_PRONOUN_IDS = np.array([StringStore().add(form) for form in ("he", "she")], dtype=np.uint64)
_SUBJECT_IDS = np.array([StringStore().add(label) for label in ("nsubj", "nsubjpass")], dtype=np.uint64)
_EITHER_SEX = frozenset({"he", "she"})


# Small words a headline capitalises, which no name of a body does ("Disputes Characterization Of Network").
_HEADLINE_WORDS = frozenset({"Of", "To", "By", "For", "In", "On", "At", "With", "As"})


def _headed_by(key: str, noun: str) -> bool:
    """Whether a name's key has ``noun`` for its head: its last word ("harbour workers union") or the word before
    "of" ("church of scientology", "the ministry of defence")."""
    words = key.removeprefix("the ").split()
    return 1 < len(words) <= 4 and (words[-1] == noun or (words[0] == noun and words[1] == "of"))


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
    ("Supporters who have heard from the campaign"). An age set off by a comma goes ("his daughter, 34,"), and so do
    trailing commas and dashes."""
    text = text_of(doc)
    cut = end
    for token in tokens_in(doc, start, end):
        clause = token if token.dep_ in _CLAUSES else token.head if token.head.dep_ in _CLAUSES else None
        if clause is None or not start <= clause.head.idx < end:
            continue
        first = clause.left_edge.idx
        last = clause.right_edge.idx + len(clause.right_edge.text)
        if first < start:
            continue
        if last > end or text[start:first].rstrip()[-1:] in (",", "-", "\u2013", "\u2014"):
            cut = min(cut, first)
    # An age set off by commas, once the asides are cut: "the senator's daughter, 34,", "his mother, 52, who ...".
    age = next((token for token in tokens_in(doc, start, cut) if _age_at_the_end(text, start, cut, token)), None)
    cut = age.idx if age is not None else cut
    while cut > start and text[cut - 1] in _TRAILING:
        cut -= 1
    return cut if cut > start else end


def _age_at_the_end(text: str, start: int, end: int, token: Any) -> bool:
    """Whether a number closes a description after a comma, as an age does ("his daughter, 34"); not a number in
    a compound ("the bespectacled, 71-year-old diplomat"), in a list ("Wards 3, 4 and 5", "Flights 11, 175"), or
    followed by more of the description ("his sister, 29, and brother, 31")."""
    rest = text[token.idx + len(token.text) : end].strip(" ,")
    if not token.like_num or (rest and not rest.startswith(("a ", "an "))):  # "his daughter, 34, a nurse"
        return False
    before = text[start : token.idx].rstrip()
    return before.endswith(",") and not before[:-1].rstrip()[-1:].isdigit()


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


def _names_people(noun: Any) -> bool:
    """Whether a plural noun names people: by work or kin, as officials, or as a group ("leaders", "officials",
    "groups", "people"; not "statistics" or "returns")."""
    word = noun.lemma_.lower()
    return _names_a_person(noun) or word in ROLE_NOUNS or word in _GROUP_NOUNS or word == "people"


def _names_a_person(noun: Any) -> bool:
    """Whether a noun names a person by work or kin ("executive", "lawyer", "wife", "Republicans"), not an office
    that speaks for a body ("spokesman", "official")."""
    word = (noun.lemma_ or noun.text).lower()  # a proper noun has no lemma ("Republicans")
    if word in ROLE_NOUNS or noun.lower_ in ROLE_NOUNS:
        return False
    singular = word.removesuffix("s")
    return any(w in PERSON_NOUNS or w.endswith(("man", "men", "ist")) for w in (word, singular))
