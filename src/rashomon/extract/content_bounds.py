"""Where a tagged content starts and ends: words the tagger took into a content that belong to its attribution.

PolNeAR's convention, which is also what a reader of a dossier wants, keeps a content to the words reported: not
the clause a participle cue hangs from ("The mayor closed the market, saying ..."), nor words of another sentence
(`without_scene`); not what follows a quote about its speaker (“...,” said Jane
Roe, who runs the bakery: `without_tail`); not whom the words were told (`without_addressee`) nor where or when
(`without_occasion`); not the writer's next clause after a noun cue's (`without_next_clause`). A content begun
inside a noun phrase begins with it (`with_phrase_start`). Each of these rules takes a `Tagged` (token ranges) and
returns it, changed or not; `without_scene` returns a list, as the words of an earlier sentence it leaves out are a
content of their own. The last rules read character offsets: a quote opening its sentence ends at its closing mark
(`quote_end_before_cue`), and a content neither ends on a word that opens the next phrase (`without_dangling_end`) nor
starts with the writer's link to the sentence before (`without_opening_link`), nor with a dateline
(`without_dateline`, for a speaker's words too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rashomon.extract import attribution_model as tagger
from rashomon.extract.lexicon.speech_words import LINKING_ADVERBS, OCCASION_NOUNS
from rashomon.extract.nlp import text_of
from rashomon.extract.quote_marks import EDGE_MARKS, TRAILING

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# How what a speech verb reports hangs from it.
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj"})
# How whom the words were addressed to, and when, hang from a speech verb before its clause ("told reporters on
# Monday that ...").
_ADDRESSED = frozenset({"dative", "dobj", "npadvmod", "prep"})


def _cue_verb(doc: Any, cue: tuple[int, int]) -> Any | None:
    return next((doc[i] for i in range(*cue) if doc[i].pos_ in ("VERB", "AUX")), None)


def without_scene(doc: Any, item: tagger.Tagged, parsed: tagger.Parsed) -> list[tagger.Tagged]:
    """A content the tagger ran back over its cue (and the cue's subject) into the words before them, where those
    words are not reported (`_sets_the_scene`): the clause a participle cue hangs from ("The mayor closed the
    market, saying ...") or the end of an earlier sentence. The content starts after the cue; the cue's subject is
    the source when the tagger named none or named one among the words left out. Words in quote marks before the
    cue stay ("“A,” she said, “B”": one content), as do words the reported clause holds ("The museum, Mr. Bush
    said, celebrated ..."). Words of an earlier sentence left out are listed first, as a content of their own."""
    if item.cue is None:
        return [item]
    a, b = item.content
    first_cue, last_cue = item.cue
    verb = _cue_verb(doc, item.cue)
    if verb is None or not a < first_cue < last_cue < b:
        return [item]
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    stop = first_cue
    if item.source is not None and a < item.source[0] < first_cue:
        stop = item.source[0]
    if subject is not None and a < subject.left_edge.i < stop:
        stop = subject.left_edge.i
    if not _sets_the_scene(doc, a, stop, verb, parsed.quoted):
        return [item]
    start = last_cue
    while start < b and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if b - start < 2:
        return [item]
    source = item.source
    if (source is None or source[0] < stop) and subject is not None and subject.i < first_cue:
        pronoun = subject.pos_ == "PRON"
        source = (subject.i, subject.i + 1) if pronoun else (subject.left_edge.i, subject.right_edge.i + 1)
    tagged = source == item.source and item.tagged_source
    rest = replace(item, content=(start, b), source=source, tagged_source=tagged)
    return [_earlier_sentences(doc, a, verb.sent.start), rest] if a < verb.sent.start else [rest]


def _earlier_sentences(doc: Any, start: int, stop: int) -> tagger.Tagged:
    """Words of the sentences before a cue's that its content ran back over: a content of their own, with no cue
    (the tagger linked them to the next sentence's)."""
    while stop > start + 1 and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
        stop -= 1
    return tagger.Tagged(content=(start, stop), cue=None, source=None, tagged_source=False)


def _sets_the_scene(doc: Any, start: int, stop: int, verb: Any, quoted: Any) -> bool:
    """Whether the words ``start``..``stop`` before a speech verb only set its scene: the end of an earlier sentence,
    or the clause a participle cue hangs from ("The judge ruled against him, saying ..."); not words in quote marks
    of the verb's own sentence (a quote its cue interrupts). Phrases that modify the verb ("Despite the claims,
    experts say ...") and the noun a relative-clause cue hangs from ("victims, many of whom say ...") are left in:
    on PolNeAR dev, leaving them out made more contents exact and fewer matched at all (docs/decisions.md)."""
    if start >= stop:
        return False
    first = max(start, verb.sent.start)
    if first >= stop:
        return bool(re.search(r"[.!?][\"'”’]*\s*$", text_of(doc)[doc[start].idx : doc[stop].idx]))
    if quoted[first:stop].any():
        return False
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and subject is None and verb.head.i < stop


def without_tail(doc: Any, item: tagger.Tagged, parsed: tagger.Parsed) -> tagger.Tagged:
    """A quote the tagger ran on past its cue and source into words outside quote marks that tell more of the
    speaker or the occasion (“...,” said Rep. Jane Roe, a leading advocate of the bill; “...,” he said, cutting off
    a reporter) or into a later sentence: the content ends before its source and cue. Only words in quote marks
    before the cue are cut so (reported words without them run on as often as not: "Acts of protest, Mr. Obama
    said, are acts of patriotism"), and only when what follows hangs from the cue or the source."""
    if item.cue is None:
        return item
    a, b = item.content
    first_cue, last_cue = item.cue
    verb = _cue_verb(doc, item.cue)
    if verb is None or not a < first_cue < last_cue < b:
        return item
    attribution = set(range(first_cue, last_cue)) | {verb.i}
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    for phrase in (item.source, (subject.left_edge.i, subject.right_edge.i + 1) if subject is not None else None):
        if phrase is not None and phrase[0] >= first_cue - 3:
            attribution |= set(range(*phrase))
    stop = min(attribution)
    after = max(attribution) + 1
    if stop <= a or parsed.quoted[after:b].any() or not _reported(doc, a, stop, verb, parsed.quoted):
        return item
    sentence = verb.sent.end
    for i in range(after, min(b, sentence)):
        token = doc[i]
        if after <= token.head.i < b or token.is_punct or token.is_space:
            continue
        if token.head.i not in attribution:
            return item
    end = stop
    while end > a and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return replace(item, content=(a, end)) if end - a >= 2 else item


def _reported(doc: Any, start: int, stop: int, verb: Any, quoted: Any) -> bool:
    """Whether the words ``start``..``stop`` before a speech verb are what it reports in quote marks (most of them:
    not a title quoted inside other words), while no clause or object of the verb follows them."""
    if any(c.dep_ in _COMPLEMENTS and c.i >= stop for c in verb.children):
        return False
    return bool(quoted[start:stop].mean() >= 0.8)


# Entity types of a phrase that tells when words were said ("on Thursday", "last week").
_WHEN = frozenset({"DATE", "TIME"})


def without_occasion(doc: Any, item: tagger.Tagged, quoted: Sequence[bool]) -> tagger.Tagged:
    """A content after its cue that the tagger ran on into a closing phrase telling where or when its words were
    said, which the speech verb holds beside them outside quote marks ("rejected that argument in a ruling released
    Thursday", "called for more investment in a statement on Thursday"): the content ends before it."""
    if item.cue is None:
        return item
    a, b = item.content
    verb = _cue_verb(doc, item.cue)
    if verb is None or a < item.cue[1]:
        return item
    heads = set(range(*item.cue)) | {verb.i}
    reported = False
    for i in range(a, b):
        token = doc[i]
        if token.head.i not in heads:
            continue
        if token.dep_ in _COMPLEMENTS or token.dep_ == "pobj":
            reported = True
        if not reported or quoted[i] or not tells_occasion(token) or not _last(doc, token, b):
            continue
        end = token.left_edge.i
        while end > a and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return replace(item, content=(a, end)) if end - a >= 2 else item
    return item


def _last(doc: Any, token: Any, end: int) -> bool:
    """Whether the phrase of ``token``, with only more such phrases of the same word after it, closes a content
    ending at ``end`` (punctuation aside): "in a statement on Thursday"."""
    after = [s for s in token.head.rights if s.i > token.i and not (s.is_punct or s.is_space)]
    if not all(tells_occasion(s) for s in after):
        return False
    last = max([token.right_edge.i, *(s.right_edge.i for s in after)])
    return all(doc[k].is_punct or doc[k].is_space for k in range(last + 1, end))


def tells_occasion(token: Any) -> bool:
    """A phrase that tells when or where words were said: "on Thursday" or "Thursday", "in a statement"."""
    if token.dep_ == "npadvmod":
        return token.ent_type_ in _WHEN
    if token.dep_ != "prep":
        return False
    thing = next((c for c in token.children if c.dep_ == "pobj"), None)
    return thing is not None and (thing.ent_type_ in _WHEN or thing.lemma_.lower() in OCCASION_NOUNS)


def without_addressee(doc: Any, item: tagger.Tagged, quoted: Sequence[bool]) -> tagger.Tagged:
    """A content that opens with whom the words were addressed to before the clause reported ("told reporters that
    the plant would close", "reminded himself that ..."): the content is the clause. Left as it is: an object
    before an infinitive ("urged voters to stay home", "called on the mayor to resign"), which PolNeAR keeps in
    the content as often as not, and any words with a verb of their own or in quote marks."""
    if item.cue is None:
        return item
    a, b = item.content
    verb = _cue_verb(doc, item.cue)
    if verb is None or a < item.cue[1] or any(quoted[a:b]):
        return item
    if any(not (doc[i].is_punct or doc[i].is_space) for i in range(item.cue[1], a)):
        return item  # words between the cue and the content: not the words this rule reads
    clause = next((c for c in verb.rights if c.dep_ == "ccomp" and a < c.left_edge.i), None)
    if clause is None or clause.right_edge.i + 1 < b:
        return item
    start = clause.left_edge.i
    before = [c for c in verb.rights if c.i < start and not (c.is_punct or c.is_space)]
    if not before or any(c.dep_ not in _ADDRESSED for c in before):
        return item
    if any(doc[k].pos_ in ("VERB", "AUX") for k in range(a, start)):
        return item
    return replace(item, content=(start, b))


def without_next_clause(doc: Any, item: tagger.Tagged, quoted: Sequence[bool]) -> tagger.Tagged:
    """A content after a noun cue that the tagger ran on into a clause joined to the sentence's verb, with a subject
    of its own ("its crew sent a mayday call warning that the vessel had lost power, and police officers were able
    to stop cars"): a noun's words end with its clause; the content ends before the next one and its joining
    words."""
    if item.cue is None or item.content[0] < item.cue[1]:
        return item
    nouns = [doc[i] for i in range(*item.cue) if doc[i].pos_ in ("NOUN", "PROPN")]
    if not nouns or any(doc[i].pos_ == "VERB" for i in range(*item.cue)):
        return item
    a, b = item.content
    governing = {t.i for t in nouns[-1].ancestors}
    for i in range(a + 1, b):
        token = doc[i]
        if token.dep_ != "conj" or token.head.i not in governing or quoted[i]:
            continue
        subject = next((c for c in token.lefts if c.dep_ in _SUBJECTS), None)
        if subject is None or subject.left_edge.i <= a:
            return item
        end = subject.left_edge.i
        while end > a and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
            end -= 1
        return replace(item, content=(a, end)) if end - a >= 2 else item
    return item


# Marks that only open a quote (a straight one closes as often, so only a pair of `marked` counts; "''" is read
# as a pair): any after a quote's closing mark, in its content, begins a second quote of the speaker.
_OPENING_MARK = re.compile(r"[“«„`]|(?<!\w)‘(?=[^\W\d])(?!n’)")  # not the ‘ of "the ‘80s", "rock ‘n’ roll"


def quote_end_before_cue(
    text: str, marked: Sequence[tuple[int, int]], content: tuple[int, int], cue: tuple[int, int] | None
) -> int:
    """The end of a content that is a quote opening its sentence and runs on past the closing mark into its own
    attribution and beyond, unquoted (“He will win,” Ann Lee said, and the crowd cheered): the quote's end.
    `without_tail` cuts such a tail only while it hangs from the cue or its source; PolNeAR leaves out whatever
    follows the cue. A content with a second quote after its cue (“A,” she said, “B”) is one content and stays, as
    does one that opens with a phrase quoted inside the writer's sentence (to curb “activist” investors ...)."""
    start, end = content
    quote = next(((a, b) for a, b in marked if a == start), None)
    if cue is None or quote is None or not quote[1] <= cue[0] < end:
        return end
    before = text[: quote[0]].rstrip(EDGE_MARKS)
    if before and before[-1] not in ".!?:":
        return end
    rest = text[quote[1] : end]
    if any(quote[1] < a < end for a, _ in marked) or "''" in rest or _OPENING_MARK.search(rest):
        return end  # a second quote after the cue, closed or running on into the next paragraph
    end = quote[1]
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return end


# Words that open a phrase or clause (a conjunction, "the", "which", the infinitive's "to"): a content ending on one
# was cut inside the next phrase.
_OPENERS = frozenset({"CCONJ", "SCONJ", "DET"})
_OPENER_TAGS = frozenset({"TO", "WDT", "WP", "WRB"})


def without_dangling_end(doc: Any, start: int, end: int) -> int:
    """The end of a content without the words that open a phrase it does not hold ("... were not complete, and",
    "... its forecast this year, and the", "... heating planet to"): a joining word, or an opening word whose head
    lies past the content. A relative "that" stays (PolNeAR marks it as a content of its own)."""
    words = doc.char_span(start, end, alignment_mode="contract")
    if words is None or len(words) < 3:
        return end
    first, last = words.start, words.end
    kept, cut = last, False
    while kept - 1 > first:
        token = doc[kept - 1]
        opens = (token.pos_ in _OPENERS or token.tag_ in _OPENER_TAGS) and token.head.i >= last
        if not (token.is_punct or token.is_space or token.dep_ == "cc" or (opens and token.lower_ != "that")):
            break
        cut = cut or not (token.is_punct or token.is_space)
        kept -= 1
    while kept - 1 > first and (doc[kept - 1].is_punct or doc[kept - 1].is_space or _objectless(doc, kept - 1, kept)):
        kept -= 1
    if not cut or sum(not t.is_punct for t in doc[first:kept]) < 2:
        return end
    return int(doc[kept - 1].idx + len(doc[kept - 1].text))


def _objectless(doc: Any, at: int, kept: int) -> bool:
    """Whether the preposition at ``at`` lost its object to the cut ("... of the" cut to "... of")."""
    token = doc[at]
    objects = [c.i for c in token.children]
    return token.pos_ == "ADP" and token.dep_ == "prep" and bool(objects) and min(objects) >= kept


# How the words that open a noun phrase hang from its noun: "the", "these", "foreign", "President Barack", "RT's".
_PHRASE_OPENERS = frozenset({"det", "predet", "amod", "compound", "poss", "nummod"})


def with_phrase_start(doc: Any, item: tagger.Tagged) -> tagger.Tagged:
    """A content the tagger began inside a noun phrase ("Americans were victims" of "these Americans were victims",
    "Obama has long called" of "President Barack Obama has long called"), begun where the phrase begins: with the
    determiners, modifiers and names before its first word that hang from a word of the content, and the quote mark
    between them (the “loopholes” he cited); never over the cue or the source."""
    if item.cue is None:
        return item  # a piece split off without a cue: its speaker is a guess, so its words are not widened
    a, b = item.content
    taken = {i for run in (item.cue, item.source) if run is not None for i in range(*run)}
    first = a
    k = a
    while k > 0 and k - 1 not in taken:
        token = doc[k - 1]
        if token.is_quote:
            k -= 1
        elif token.dep_ in _PHRASE_OPENERS and a <= token.head.i < b:
            k -= 1
            first = k
        else:
            break
    return replace(item, content=(first, b)) if first < a else item


def without_opening_link(doc: Any, marked: Sequence[tuple[int, int]], start: int, end: int) -> int:
    """The start of a content outside quote marks without the word that links its sentence to the one before ("And
    Mrs. Smith now leads ...", "However, growth slowed ..."): the writer's, not the source's. "But" stays, as often
    kept as not; so do an adverb of the source's own ("Frankly, the plan failed") and anything in quote marks."""
    if any(a - 1 <= start < b + 1 for a, b in marked):
        return start
    words = doc.char_span(start, end, alignment_mode="contract")
    if words is None or len(words) < 5:
        return start
    first = words[0]
    before = doc[first.i - 1] if first.i else None
    apart = before is None or before.is_space or bool(before.whitespace_)  # not the "and" of "rough-and-tumble"
    if first.lower_ == "and" and first.dep_ == "cc" and apart:
        return int(words[1].idx)
    if first.lower_ in LINKING_ADVERBS and words[1].text == ",":
        return int(words[2].idx)
    return start


# A dateline opening an article's first paragraph: "WASHINGTON --", "BRUSSELS -", "NEW YORK, N.Y. ―", "LONDON
# (Reuters) -".
_DATELINE = re.compile(
    r"[A-Z][A-Z.' ]{2,30}(?:,[ \t]*[A-Z][\w.' ]{1,25})?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?"
    r"(?P<dash>--|[―—–-])[ \t]+(?=\S)"
)


# What may stand above a dateline's paragraph: a title, a byline, a subtitle or a caption, each a short line.
_LINES_BEFORE_BODY = 3
_HEADING_WORDS = 30


def without_dateline(text: str, start: int, end: int) -> int:
    """The start of a span (a content or its speaker's words) that opens an article with the place the story was
    filed from ("WASHINGTON -- President Obama said ..."): the words after the dateline. Only in the article's first
    paragraph, after no more than a title, a byline or a caption, and not a name set off by a pair of dashes ("NATO
    - the Western alliance - said ..."; "WASHINGTON - The agency - under pressure - said" is a dateline and an
    aside)."""
    dateline = _DATELINE.match(text, start, end) if not start or text[start - 1] == "\n" else None
    if dateline is None:
        return start
    lines = [line for line in text[:start].split("\n") if line.strip()]
    if len(lines) > _LINES_BEFORE_BODY or any(len(line.split()) > _HEADING_WORDS for line in lines):
        return start
    newline = text.find("\n", dateline.end())
    sentence = text[dateline.end() : newline if newline >= 0 else len(text)].split(". ", 1)[0]
    if len(re.findall(rf"\s{re.escape(dateline['dash'])}\s", sentence)) % 2:
        return start  # an odd dash later in the sentence pairs with this one: an aside, not a dateline
    return dateline.end()
