"""Cross-source comparison of one story: statements, aligned quotes, aligned figures and a timeline.

Steps: units (`clauses`: sentences, cut into their coordinated clauses where they join two claims; "sentences"
below), sentence scores (`align`: character n-grams, embeddings, shared names, numbers and dates, combined by
a fitted model), sentence links (each sentence's best match in another article, among the pairs `align` takes for
one statement), statements (linked sentences, one per article or two in a row, with their status), quote links
(same speaker, words that say one thing), figure links (same kind of quantity: agree, conflict or different
scope) and the timeline (dated time expressions, merged where their sentences make one statement). Copies
(syndicated wire stories) are left out: they repeat their original and corroborate nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise

import numpy as np

from rashomon.compare import align
from rashomon.compare.clauses import statement_units
from rashomon.compare.conflicts import (
    ConflictContext,
    date_conflicts,
    denials,
    figure_conflicts,
    figure_range,
    quantity_kind,
    ranges_meet,
    speaker_conflicts,
)
from rashomon.compare.framing import stem
from rashomon.compare.lexicon import FUNCTION_WORDS, SCOPE_WORDS
from rashomon.compare.tfidf import similarity_matrix
from rashomon.extract.lexicon.figure_words import FRACTION_UNIT
from rashomon.extract.lexicon.speech_words import PERSONAL_PRONOUNS, PLURAL_PRONOUNS, ROLE_NOUNS, TITLES
from rashomon.extract.time_values import first_day, last_day
from rashomon.model import (
    Article,
    ArticleAnnotations,
    Conflict,
    Figure,
    FigureAlignment,
    FigureRelation,
    Quote,
    QuoteVariant,
    Sentence,
    Span,
    Statement,
    StatementStatus,
    StoryComparison,
    TimelineEntry,
)
from rashomon.settings import CompareSettings
from rashomon.text.names import name_key
from rashomon.text.words import APOSTROPHE_HYPHEN_WORD

# What joins the names of a shared speaker phrase ("both Aliyev and Pashinyan", "Ruiz, Abel and Lee").
_JOINED_NAMES = re.compile(r",|\band\b|\bboth\b|&")
# How far around a figure its context words are read (characters each side).
_WINDOW_CHARS = 60
# Relative difference of two amounts in one unit that is rounding, not a different amount.
_ROUNDING = 0.005
# A duration said as a point in time: "two months after the onset", "three days later", "a week ago".
_OFFSET = re.compile(r"\s+(?:after|before|later|earlier|ago)\b", re.IGNORECASE)
# A speaker left as a pronoun: whom it means is not known, so it conflicts with no one.
_UNRESOLVED = PERSONAL_PRONOUNS | PLURAL_PRONOUNS | {
    "it", "its", "this", "that", "these", "those", "i", "we", "you", "his", "their", "one", "someone", "who",
}  # fmt: skip
# Who can speak besides a name: the people and bodies a title or role names ("the governor", "police", "a spokesman
# for the airline"), and the bodies news quotes most.
_SPEAKING_NOUNS = frozenset(
    {t for t in TITLES if " " not in t and not t.endswith(".")}
    | ROLE_NOUNS
    | {"company", "airline", "hospital", "court", "prosecutor", "prosecutors", "judge", "army", "union", "council"}
)
# Quoted words given to two speakers: at least this many words, at least this similar (character n-grams).
_QUOTE_WORDS = 6
_SAME_WORDS = 0.6
# A negation makes a denial only of a sentence this close (character n-grams) to the other's.
_NEGATION_CLOSENESS = 0.6
# Calendar values a timeline can place: years, decades, seasons, months and days (not weeks: "this week" dates no
# happening, and a reader cannot place "2024-W14").
# A dated happening that ends this long before the event is background.
_BACKGROUND = timedelta(days=31)
_TIMELINE_VALUE = re.compile(r"^(?:\d{4}|\d{3}X?|\d{4}-(?:\d{2}|SP|SU|FA|WI)(?:-\d{2})?)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryInput:
    """What comparison needs of one story."""

    story: str
    articles: Sequence[Article]
    annotations: Mapping[str, ArticleAnnotations]
    # Name key of a speaker's name (`text.names.name_key`) -> entity id, so spellings of one speaker group together.
    speaker_entity: Mapping[str, str]
    # The story's event date (ISO 8601), against which the timeline tells background from the event.
    event_date: str | None = None
    # Each article's embeddings (`encoder.SentenceEncoder`), a row per statement unit (`clauses.statement_units`)
    # in order; needed when the story has two or more articles.
    embeddings: Mapping[str, np.ndarray] = field(default_factory=dict)


def best_links(owners: Sequence[str], similarity: np.ndarray, linked: np.ndarray) -> list[tuple[int, int]]:
    """Pairs (i, j) of items of different owners, ``linked`` both, where one is the other's most similar there.

    Best-in-either-direction lets a sentence that two sentences of another article paraphrase link to both,
    while one loosely similar sentence cannot link to everything.
    """
    by_owner: dict[str, list[int]] = defaultdict(list)
    for index, owner in enumerate(owners):
        by_owner[owner].append(index)
    candidates = np.where(linked, similarity, -np.inf)
    links: set[tuple[int, int]] = set()
    names = sorted(by_owner)
    for a_pos, a in enumerate(names):
        for b in names[a_pos + 1 :]:
            left, right = by_owner[a], by_owner[b]
            block = candidates[np.ix_(left, right)]
            best_col = block.argmax(axis=1)
            for row in np.flatnonzero(np.isfinite(block[np.arange(len(left)), best_col])).tolist():
                links.add((left[row], right[int(best_col[row])]))
            best_row = block.argmax(axis=0)
            for col in np.flatnonzero(np.isfinite(block[best_row, np.arange(len(right))])).tolist():
                links.add((left[int(best_row[col])], right[col]))
    return sorted(links)


def _groups(
    owners: Sequence[str], similarity: np.ndarray, links: Sequence[tuple[int, int]], *, runs: bool = False
) -> list[list[int]]:
    """Linked items (sentences, quotes) grouped into statements, strongest links first, never two items of one
    article (``owners``), unless ``runs`` and they follow each other there (items in reading order): what one outlet
    says in one sentence, another may say in two."""
    group_of = list(range(len(owners)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(owners))}
    for i, j in sorted(links, key=lambda pair: (-similarity[pair], pair)):
        left, right = group_of[i], group_of[j]
        if left == right:
            continue
        shared = {owners[k] for k in members[left]} & {owners[k] for k in members[right]}
        if shared and not (runs and all(_consecutive(members[left] + members[right], owners, o) for o in shared)):
            continue
        keep, gone = min(left, right), max(left, right)
        for k in members.pop(gone):
            group_of[k] = keep
            members[keep].append(k)
    return sorted(sorted(group) for group in members.values())


def _consecutive(items: Sequence[int], owners: Sequence[str], owner: str) -> bool:
    """Whether ``owner``'s items among ``items`` are two that follow each other."""
    mine = sorted(k for k in items if owners[k] == owner)
    return len(mine) == 2 and mine[1] - mine[0] == 1


def compare_story(story: StoryInput, settings: CompareSettings) -> StoryComparison:
    texts = {a.id: a.text for a in story.articles}
    order = {a.id: i for i, a in enumerate(story.articles)}
    # Statements are made of units: sentences, cut into their coordinated clauses where they join two claims.
    sentences = [u for a in story.articles for u in statement_units(a.text, story.annotations[a.id].sentences)]
    sentence_texts = [texts[s.article][s.start : s.end] for s in sentences]
    # Similarity is only ever read across articles: a story of one article needs none.
    several = len(story.articles) > 1
    similarity = similarity_matrix(sentence_texts) if several else np.zeros((len(sentences), len(sentences)))
    owners = [s.article for s in sentences]
    dates = sentence_dates(story, sentences)
    if several and settings.embeddings:
        vectors = _embeddings(story, sentences)
        score = align.scores(sentence_texts, vectors, char=similarity, dates=dates, one_event=True)
        # The setting can only make linking stricter than the fitted model's threshold (its default is below it).
        model = replace(align.FITTED, threshold=max(align.FITTED.threshold, settings.sentence_similarity))
        linked = align.same_statement(score, model)
    else:  # character n-grams alone (embeddings turned off): their cosine against the setting
        score = similarity
        linked = similarity >= settings.sentence_similarity
    groups = _groups(owners, score, best_links(owners, score, linked), runs=True)
    statement_of = {i: g for g, members in enumerate(groups) for i in members}
    figures = figure_alignments(story, sentences, similarity, statement_of, settings, dates=dates)
    context = ConflictContext(
        texts=texts,
        labels={a.id: a.outlet or a.id for a in story.articles},
        sentences=sentences,
        sentence_at=_SentenceAt(sentences),
    )
    quoted = quote_comparison(story, settings, context, statement_of) if several else QuoteComparison()
    # A reader sees a conflict by its text: two that read alike (one passage found twice) are listed once.
    found = _conflicts(story, groups, figures, similarity, context) + quoted.conflicts
    unique: dict[str, Conflict] = {}
    for conflict in found:
        unique.setdefault(conflict.text, conflict)
    conflicts = list(unique.values())
    conflicted = {(side.sentence.article, side.sentence.start) for c in found for side in c.sides}
    statements = [_statement(sentences, sentence_texts, members, conflicted) for members in groups]
    statements.sort(key=lambda st: (order[st.sources[0].article], st.sources[0].start))
    first = story.articles[0]
    lead = story.annotations[first.id].sentences
    return StoryComparison(
        story=story.story,
        summary=texts[first.id][lead[0].start : lead[0].end] if lead else None,
        statements=tuple(statements),
        timeline=tuple(timeline(story, sentences, statement_of, figures)),
        quote_alignments=tuple(quoted.links),
        figure_alignments=tuple(figures),
        conflicts=tuple(conflicts),
        quote_variants=tuple(quoted.variants),
    )


def _conflicts(
    story: StoryInput,
    groups: Sequence[Sequence[int]],
    figures: Sequence[FigureAlignment],
    similarity: np.ndarray,
    context: ConflictContext,
) -> list[Conflict]:
    """The story's figure and date conflicts and denials (speaker conflicts come with the quotes)."""
    several = [g for g in groups if len({context.sentences[i].article for i in g}) > 1]
    all_figures = [f for a in story.articles for f in story.annotations[a.id].figures]
    times = {a.id: story.annotations[a.id].times for a in story.articles}
    return [
        *figure_conflicts(all_figures, figures, context),
        *date_conflicts(several, times, context),
        *denials(several, lambda i, j: float(similarity[i, j]), context, threshold=_NEGATION_CLOSENESS),
    ]


def _embeddings(story: StoryInput, sentences: Sequence[Sentence]) -> np.ndarray:
    units = Counter(s.article for s in sentences)
    missing = [a.id for a in story.articles if len(story.embeddings.get(a.id, ())) != units[a.id]]
    if missing:
        raise ValueError(f"no embeddings of the units of {len(missing)} of the story's articles (e.g. {missing[0]})")
    return np.concatenate([np.asarray(story.embeddings[a.id], dtype=np.float32) for a in story.articles])


def _statement(
    sentences: Sequence[Sentence], texts: Sequence[str], members: Sequence[int], conflicted: set[tuple[str, int]]
) -> Statement:
    sources = tuple(Span(article=sentences[i].article, start=sentences[i].start, end=sentences[i].end) for i in members)
    status: StatementStatus = "single-source"
    if any((s.article, s.start) in conflicted for s in sources):
        status = "conflicting"
    elif len({s.article for s in sources}) > 1:
        status = "corroborated"
    return Statement(text=texts[members[0]], status=status, sources=sources)


class _SentenceAt:
    """The index of the sentence holding a character of an article (the first, were an article's sentences to
    overlap): bisection over the article's sentences, which are in order and disjoint as `nlp` cuts them."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for index, sentence in enumerate(sentences):
            self.spans[sentence.article].append((sentence.start, sentence.end, index))
        self.starts = {article: [start for start, _, _ in spans] for article, spans in self.spans.items()}
        self.ordered = {article: all(a[1] <= b[0] for a, b in pairwise(spans)) for article, spans in self.spans.items()}

    def __call__(self, article: str, char: int) -> int | None:
        spans = self.spans.get(article, [])
        if not self.ordered.get(article, True):
            return next((index for start, end, index in spans if start <= char < end), None)
        at = bisect_right(self.starts.get(article, []), char) - 1
        return spans[at][2] if at >= 0 and char < spans[at][1] else None


def sentence_dates(story: StoryInput, sentences: Sequence[Sentence]) -> list[set[str]]:
    """The dates (ISO values of its DATE expressions) each sentence gives."""
    sentence_at = _SentenceAt(sentences)
    dates: list[set[str]] = [set() for _ in sentences]
    for article in story.articles:
        for time in story.annotations[article.id].times:
            index = sentence_at(article.id, time.start)
            if index is not None and time.type in (None, "DATE"):
                dates[index].add(time.value)
    return dates


def figure_alignments(
    story: StoryInput,
    sentences: Sequence[Sentence],
    similarity: np.ndarray,
    statement_of: Mapping[int, int],
    settings: CompareSettings,
    *,
    dates: Sequence[set[str]],
) -> list[FigureAlignment]:
    """Each figure's best counterpart in every other article that measures the same kind of quantity; ``dates``
    are each sentence's (`sentence_dates`): figures of sentences dated differently count different days ("68 mm
    fell on Saturday", "30 mm more expected on Thursday")."""
    texts = {a.id: a.text for a in story.articles}
    found = []
    sentence_at = _SentenceAt(sentences)
    figures = [(f, sentence_at(f.article, f.start)) for a in story.articles for f in story.annotations[a.id].figures]
    # Positions of the figures of each kind of quantity: a figure is compared with the later ones of its kind.
    of_kind: dict[str, list[int]] = defaultdict(list)
    for position, (figure, _) in enumerate(figures):
        if kind := quantity_kind(figure):
            of_kind[kind[0]].append(position)
    for left, (figure, i) in enumerate(figures):
        kind = quantity_kind(figure)
        if kind is None:
            continue
        best: dict[str, tuple[float, Figure, int | None]] = {}
        later = of_kind[kind[0]]
        for right in later[bisect_right(later, left) :]:
            other, j = figures[right]
            if other.article == figure.article or not _same_whole(figure, other):
                continue
            score = float(similarity[i, j]) if i is not None and j is not None else 0.0
            related = score >= settings.sentence_similarity / 2 or _values_agree(figure, other, settings)
            if related and score > best.get(other.article, (-1.0,))[0]:
                best[other.article] = (score, other, j)
        for _, other, j in best.values():
            same_statement = i is not None and j is not None and statement_of.get(i) == statement_of.get(j)
            if not same_statement and i is not None and j is not None:
                dated_apart = bool(dates[i] and dates[j] and dates[i].isdisjoint(dates[j]))
                same_statement = not dated_apart and _same_count(figure, other, texts, sentences[i], sentences[j])
            # "Two months after the onset" says when, not how long something lasted ("a 30 minute walk").
            if _is_offset(figure, texts[figure.article]) != _is_offset(other, texts[other.article]):
                same_statement = False
            found.append(
                FigureAlignment(
                    figure=figure.id, other=other.id, relation=_relation(figure, other, same_statement, settings)
                )
            )
    return found


def _same_whole(a: Figure, b: Figure) -> bool:
    """Whether a share is compared with a share or percent of the same whole: "a third of staff" with "33 per cent
    of the staff", not with "half of the managers" or "turnout was 50 percent"; figures of no share always are."""
    share_a, share_b = _is_share(a), _is_share(b)
    if not (share_a or share_b):
        return True
    # A percent that moves ("cut by 50 percent", "fell 33 percent") is a change, not a share of anything.
    if (not share_a and a.direction) or (not share_b and b.direction):
        return False
    words_a, words_b = _whole_words(a), _whole_words(b)
    # The share's whole itself (its last word) must be shared, not only its owner ("the city's residents", "the
    # city's budget").
    held_a = not share_a or (bool(words_a) and words_a[-1] in words_b)
    held_b = not share_b or (bool(words_b) and words_b[-1] in words_a)
    return held_a and held_b


def _is_share(figure: Figure) -> bool:
    return (figure.unit or "").lower() == FRACTION_UNIT


def _whole_words(figure: Figure) -> list[str]:
    """The content words (stems) of what a share or percent is of, in order: a share's whole, else what it is said
    of."""
    phrase = figure.about if _is_share(figure) and figure.about else " ".join(figure.referents)
    return [stem(w) for w in re.findall(r"[^\W\d_]+", phrase.lower()) if w not in FUNCTION_WORDS and len(w) > 2]


def _same_unit(a: Figure, b: Figure) -> bool:
    return bool(a.unit) and (a.unit or "").lower() == (b.unit or "").lower()


def _tolerance(a: Figure, b: Figure, settings: CompareSettings) -> float:
    """How far apart two amounts may be and still agree: in one unit, only rounding ("$36 million" and "$38
    million" differ); across units the setting, since a conversion's round figure is approximate ("six weeks",
    "44 days")."""
    return _ROUNDING if _same_unit(a, b) else settings.figure_tolerance


def _window(figure: Figure, text: str, sentence: Sentence) -> set[str]:
    """The content words (stems) around a figure in its sentence, the figure itself left out."""
    before = text[max(sentence.start, figure.start - _WINDOW_CHARS) : figure.start]
    after = text[figure.end : min(sentence.end, figure.end + _WINDOW_CHARS)]
    words = re.findall(r"[^\W\d_]+", f"{before} {after}".lower())
    return {stem(w) for w in words if w not in FUNCTION_WORDS and len(w) > 2}


def _same_count(a: Figure, b: Figure, texts: Mapping[str, str], first: Sentence, second: Sentence) -> bool:
    """Whether figures of sentences that make different statements still count one thing: one unit, the same
    scope words ("a day", "in total") in both sentences, and two content words shared around the figures
    ("14 passengers were taken to hospitals", "ambulances took 17 passengers to hospitals")."""
    if not _same_unit(a, b):
        return False
    if _scope(texts[first.article][first.start : first.end]) != _scope(
        texts[second.article][second.start : second.end]
    ):
        return False
    unit = {stem(w) for w in re.findall(r"[^\W\d_]+", f"{a.unit} {a.about or ''} {b.about or ''}".lower())}
    shared = (_window(a, texts[a.article], first) & _window(b, texts[b.article], second)) - unit
    return len(shared) >= 2


def _scope(sentence: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", sentence.lower()) if w in SCOPE_WORDS)


def _values_agree(a: Figure, b: Figure, settings: CompareSettings) -> bool:
    """Whether two figures of one kind give the same amount, within the tolerance, after unit conversion."""
    kind_a, kind_b = quantity_kind(a), quantity_kind(b)
    if a.value is None or b.value is None or kind_a is None or kind_b is None or kind_a[0] != kind_b[0]:
        return False
    left, right = a.value * kind_a[1], b.value * kind_b[1]
    return abs(left - right) <= _tolerance(a, b, settings) * max(abs(left), abs(right), 1e-9)


def _is_offset(figure: Figure, text: str) -> bool:
    """Whether a duration says when, counted from something ("two months after", "three days later")."""
    kind = quantity_kind(figure)
    return kind is not None and kind[0] == "duration" and _OFFSET.match(text, figure.end) is not None


def _relation(a: Figure, b: Figure, same_statement: bool, settings: CompareSettings) -> FigureRelation:
    """Agree when the amounts are one; in one statement, also when the qualifiers allow both ("at least 12" and
    "19"), else a conflict; figures of different statements measure different things."""
    if _values_agree(a, b, settings):
        return "agree"
    if not same_statement or figure_range(a) is None or figure_range(b) is None:
        return "different-scope"
    return "agree" if ranges_meet(a, b, _tolerance(a, b, settings)) else "conflict"


@dataclass(frozen=True, slots=True)
class QuoteComparison:
    """Pairs of aligned quotes (ids), the variants they make (groups, one quote per article) and speaker conflicts."""

    links: list[tuple[str, str]] = field(default_factory=list)
    variants: list[QuoteVariant] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def quote_comparison(
    story: StoryInput,
    settings: CompareSettings,
    context: ConflictContext,
    statement_of: Mapping[int, int] | None = None,
) -> QuoteComparison:
    """Quotes, in different articles, given to one speaker and making one statement: aligned, and grouped into
    variants named after the speaker they share; and quoted words (direct or partial) that articles give to
    different speakers who can speak (`_can_speak`)."""
    quotes = [q for a in story.articles for q in story.annotations[a.id].quotes if q.speaker]
    similarity = similarity_matrix([context.texts[q.article][q.start : q.end] for q in quotes])
    speakers = [_speakers(q, story.speaker_entity, context.texts) for q in quotes]
    own = [_identity(q.speaker or "", story.speaker_entity) for q in quotes]
    pairs = [
        (int(i), int(j))
        for i, j in zip(*np.nonzero(np.triu(similarity >= settings.quote_similarity, k=1)), strict=True)
        if quotes[i].article != quotes[j].article
        and (own[i] in speakers[j] or own[j] in speakers[i])
        and _one_statement(quotes[i], quotes[j], float(similarity[i, j]), context, statement_of)
    ]
    variants = []
    for group in _groups([q.article for q in quotes], similarity, pairs):
        if len(group) > 1:
            shared = frozenset.intersection(*(speakers[i] for i in group))
            named = next((i for i in group if own[i] in shared), group[0])
            variants.append(QuoteVariant(speaker=quotes[named].speaker, quotes=tuple(quotes[i].id for i in group)))
    quoted = [
        i
        for i, q in enumerate(quotes)
        if q.kind != "indirect"
        and len(context.texts[q.article][q.start : q.end].split()) >= _QUOTE_WORDS
        and _can_speak(q, story.speaker_entity)
    ]
    conflicts = speaker_conflicts(
        [quotes[i] for i in quoted],
        [speakers[i] for i in quoted],
        similarity[np.ix_(quoted, quoted)],
        context,
        threshold=_SAME_WORDS,
    )
    return QuoteComparison(sorted((quotes[i].id, quotes[j].id) for i, j in pairs), variants, conflicts)


def _one_statement(
    quote: Quote, other: Quote, similarity: float, context: ConflictContext, statement_of: Mapping[int, int] | None
) -> bool:
    """Whether two similar quotes say the same thing: nearly the same words, or sentences that make one statement
    (a speaker's two remarks can share many words, "the crew issued a mayday", and still say different things)."""
    if similarity >= _SAME_WORDS or statement_of is None:
        return True
    i, j = context.sentence_at(quote.article, quote.start), context.sentence_at(other.article, other.start)
    return i is not None and j is not None and statement_of.get(i, -1 - i) == statement_of.get(j, -1 - j)


def _identity(name: str, speaker_entity: Mapping[str, str]) -> str:
    key = name_key(name.strip())
    return speaker_entity.get(key, key)


def _can_speak(quote: Quote, speaker_entity: Mapping[str, str]) -> bool:
    """Whether a quote's speaker is someone who can speak: an entity, a name ("Bill de Blasio", "al-Assad": a
    capital past the first word, which a sentence's start may give any word), or a title or role ("the governor",
    "a spokesman for the airline", "officials"); not a pronoun left unresolved, nor a common noun the words were
    hung on ("how bad things got: ...")."""
    speaker = (quote.speaker or "").strip()
    words = APOSTROPHE_HYPHEN_WORD.findall(speaker)
    if not words or (len(words) == 1 and words[0].lower() in _UNRESOLVED):
        return False
    if name_key(speaker) in speaker_entity or any(_speaking_noun(word.lower()) for word in words):
        return True
    return any(part[:1].isupper() for word in words[1:] or words for part in word.split("-"))


def _speaking_noun(word: str) -> bool:
    """A title or role noun, or its plural ("officials", "spokesmen", "secretaries")."""
    singular = word[:-3] + "man" if word.endswith("men") else word[:-3] + "y" if word.endswith("ies") else word
    return singular in _SPEAKING_NOUNS or singular.removesuffix("s") in _SPEAKING_NOUNS


def _speakers(quote: Quote, speaker_entity: Mapping[str, str], texts: Mapping[str, str]) -> frozenset[str]:
    """Who a quote is given to: its speaker's identity, and every name its speaker phrase joins to it ("both Aliyev
    and Pashinyan said")."""
    names = [quote.speaker or ""]
    if quote.speaker_span is not None:
        span = quote.speaker_span
        names += _JOINED_NAMES.split(texts[span.article][span.start : span.end])
    identities = {_identity(name, speaker_entity) for name in names}
    return frozenset(identity for identity in identities if identity)


def timeline(
    story: StoryInput,
    sentences: Sequence[Sentence],
    statement_of: Mapping[int, int],
    figures: Sequence[FigureAlignment] = (),
) -> list[TimelineEntry]:
    """Dated events: each calendar value with the statement that dates it and the articles that give it (with the
    sentence in each; an article dating the happening less precisely joins too), marked as background when it ends
    more than a month before the story's event date."""
    texts = {a.id: a.text for a in story.articles}
    sentence_at = _SentenceAt(sentences)
    entries: dict[tuple[str, int], tuple[str, dict[str, Span]]] = {}
    for article in story.articles:
        for expression in story.annotations[article.id].times:
            if not _TIMELINE_VALUE.match(expression.value):
                continue
            index = sentence_at(article.id, expression.start)
            if index is None:
                continue
            sentence = sentences[index]
            key = (expression.value, statement_of.get(index, -1 - index))
            what = texts[article.id][sentence.start : sentence.end]
            span = Span(article=article.id, start=sentence.start, end=sentence.end)
            entries.setdefault(key, (what, {}))[1].setdefault(article.id, span)
    _join_nested(entries, _one_happening(story, sentences, statement_of, figures))
    event = date.fromisoformat(story.event_date[:10]) if story.event_date else None
    return [
        TimelineEntry(
            when=when,
            what=what,
            sources=tuple(sorted(spans)),
            sentences=tuple(spans[a] for a in sorted(spans)),
            background=event is not None and (last_day(when) or event) < event - _BACKGROUND,
        )
        for (when, _), (what, spans) in sorted(entries.items(), key=lambda item: (item[0][0], item[1][0]))
    ]


def _one_happening(
    story: StoryInput,
    sentences: Sequence[Sentence],
    statement_of: Mapping[int, int],
    figures: Sequence[FigureAlignment],
) -> dict[int, int]:
    """Statements that tell one happening for the timeline, each mapped to its group's first: a statement with
    itself, and statements of different articles whose sentences give one measured amount, in other words or not,
    and share a word for what it measures ("44 days of fierce fighting", "the worst fighting since their six-week
    war"), even where the sentences say different things."""
    texts = {a.id: a.text for a in story.articles}
    sentence_at = _SentenceAt(sentences)
    where = {f.id: f for a in story.articles for f in story.annotations[a.id].figures}
    said = {
        a.id: sorted((span.start, span.end) for q in story.annotations[a.id].quotes for span in _attribution(q))
        for a in story.articles
    }
    parent: dict[int, int] = {}

    def root(statement: int) -> int:
        while parent.get(statement, statement) != statement:
            statement = parent[statement]
        return statement

    for alignment in figures:
        first, second = where.get(alignment.figure), where.get(alignment.other)
        if alignment.relation != "agree" or first is None or second is None or first.article == second.article:
            continue
        i, j = sentence_at(first.article, first.start), sentence_at(second.article, second.start)
        if i is None or j is None or i not in statement_of or j not in statement_of:
            continue
        # A shared unit is no shared happening ("two people were hurt", "two people died in 2019"), nor is a
        # shared attribution ("officials said"): the words must say what happened.
        units = {stem(w) for f in (first, second) for w in re.findall(r"[^\W\d_]+", (f.unit or "").lower())}
        words = [align.content_words(_unattributed(texts, s, said)) for s in (sentences[i], sentences[j])]
        if not (words[0] & words[1]) - units:
            continue
        left, right = root(statement_of[i]), root(statement_of[j])
        if left != right:
            parent[max(left, right)] = min(left, right)
    return {statement: root(statement) for statement in parent}


def _attribution(quote: Quote) -> list[Span]:
    return [span for span in (quote.speaker_span, quote.cue_span) if span is not None]


def _unattributed(texts: Mapping[str, str], sentence: Sentence, said: Mapping[str, Sequence[tuple[int, int]]]) -> str:
    """A sentence's text without its quotes' speakers and cues ("officials said", "according to reports")."""
    text, pieces, at = texts[sentence.article], [], sentence.start
    for start, end in said.get(sentence.article, ()):
        if start < sentence.end and end > at:
            pieces.append(text[at : max(at, start)])
            at = min(max(at, end), sentence.end)
    pieces.append(text[at : sentence.end])
    return " ".join(pieces)


def _join_nested(entries: dict[tuple[str, int], tuple[str, dict[str, Span]]], happening: Mapping[int, int]) -> None:
    """Within one happening (one statement, or statements `_one_happening` joins), an article giving a date that
    holds another ("last year's war", "the fall of 2020") reports that happening less precisely: it joins the
    sources of the most precise entry its date holds (unless it holds two dates apart from each other). Its own
    entry stays: its sentence may date another happening too ("met on Friday after a flare-up earlier this
    month")."""
    by_happening: dict[int, list[tuple[str, int, tuple[date, date]]]] = defaultdict(list)
    for value, statement in entries:
        start, end = first_day(value), last_day(value)
        if start is not None and end is not None:
            by_happening[happening.get(statement, statement)].append((value, statement, (start, end)))
    for dated in by_happening.values():
        for coarse, statement, outer in dated:
            held = [(v, s, inner) for v, s, inner in dated if v != coarse and _within(inner, outer)]
            if not held:
                continue
            finest = min(held, key=lambda item: (item[2][1] - item[2][0], item[1] != statement))
            if not all(_within(finest[2], inner) for _, _, inner in held):
                continue
            for article, span in entries[(coarse, statement)][1].items():
                entries[(finest[0], finest[1])][1].setdefault(article, span)


def _within(inner: tuple[date, date], outer: tuple[date, date]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]
