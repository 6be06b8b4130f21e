"""Stories: articles that report one real-world event, grouped without being told how many events there are.

Steps: story facts (proper nouns, entities, DATE/CARDINAL/GPE texts from the parse), signatures (hashed counts and
marks of each article, `signatures`; stateless, so they can be made in other processes), and grouping through the
streaming index (`stories.index.StoryIndex`: blocking in the time window, the pair model of `evidence.py`, local
average-link), copies held together. Then each story's event date: the day its dated articles' own time
expressions point to most, within the week before publication; and dates inferred for undated articles.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer
from spacy.attrs import LOWER, POS
from spacy.symbols import PROPN

from rashomon.model import Article, TimeExpr
from rashomon.settings import StorySettings
from rashomon.stories.evidence import WIDTH, Signatures
from rashomon.stories.happenings import DAY_WORDS, named_day, other_months
from rashomon.stories.index import NO_DAY, StoryIndex
from rashomon.text.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAYS
from rashomon.text.words import LETTER_LED_WORD as _LETTERS

_DAY = len("2021-11-26")


def story_id(members: Sequence[str]) -> str:
    """A story's id: a digest of its sorted member ids, so the same grouping always has the same id."""
    return "story:" + hashlib.sha1("\x1f".join(sorted(members)).encode()).hexdigest()[:12]


# Numbers with their separators (no word boundaries, as in the word pattern: they cost time and change nothing).
_DIGITS = re.compile(r"\d[\d,.]*")
_YEAR = re.compile(r"19[5-9]\d|20[0-3]\d")
_HASHED = HashingVectorizer(n_features=WIDTH, analyzer=lambda tokens: tokens, alternate_sign=False, norm=None)
_WEEKDAYS = frozenset(name.lower() for name in WEEKDAYS)
# Capitalised or upper case only: "may" and "march" are words too.
_MONTH_FORMS = frozenset(form for name in (*MONTH_NAMES, *MONTH_ABBREVIATIONS) for form in (name, name.upper()))
_STOP = ENGLISH_STOP_WORDS
_LEAD_LINES = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryFacts:
    """What the language model found in an article that tells look-alike events apart."""

    proper_nouns: tuple[str, ...] = ()  # lower-cased, repeats kept
    entities: frozenset[str] = frozenset()  # resolved entity ids (or names)
    dates: frozenset[str] = frozenset()  # lower-cased texts of DATE entities
    cardinals: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # GPE


def story_facts(doc: Any, entities: Iterable[str] = ()) -> StoryFacts:
    """An article's story facts from its spaCy parse and the ids of the entities it mentions."""
    labelled: dict[str, set[str]] = {"DATE": set(), "CARDINAL": set(), "GPE": set()}
    for span in doc.ents:
        if span.label_ in labelled:
            labelled[span.label_].add(span.text.lower())
    # The proper nouns' lower-cased forms read from the document's arrays: a `Token` for each cost more.
    pos, lower = doc.to_array([POS, LOWER]).T
    return StoryFacts(
        proper_nouns=tuple(doc.vocab.strings[form] for form in lower[pos == PROPN].tolist()),
        entities=frozenset(entities),
        dates=frozenset(labelled["DATE"]),
        cardinals=frozenset(labelled["CARDINAL"]),
        places=frozenset(labelled["GPE"]),
    )


def signatures(articles: Sequence[Article], facts: Mapping[str, StoryFacts]) -> Signatures:
    """What story grouping compares, for a batch of articles: hashed counts and marks, the mode year, the day."""
    known = [facts.get(a.id, StoryFacts()) for a in articles]
    bodies = [f"{a.title}\n{a.text}" if a.title else a.text for a in articles]
    texts = [_TextMarks.of(body) for body in bodies]
    counts = {
        "words": _sublinear(_HASHED.transform([t.words for t in texts])),
        "proper": _sublinear(_HASHED.transform([list(f.proper_nouns) for f in known])),
        "lead": _sublinear(_HASHED.transform([t.lead for t in texts])),
    }
    sets = {
        "entities": _marks([f.entities for f in known]),
        "years": _marks([set(t.years) for t in texts]),
        "weekdays": _marks([t.weekdays for t in texts]),
        "months": _marks([t.months for t in texts]),
        "numbers": _marks([t.numbers for t in texts]),
        "dates": _marks([f.dates for f in known]),
        "cardinals": _marks([f.cardinals for f in known]),
        "places": _marks([f.places for f in known]),
    }
    mode_year = np.array([int(Counter(t.years).most_common(1)[0][0]) if t.years else 0 for t in texts])
    published = [a.published_date() for a in articles]
    days = np.array([d.toordinal() if d else NO_DAY for d in published], dtype=np.int64)
    named = [
        named_day(text if t.months or t.day_words else "", t.day_words, day)
        for text, t, day in zip(bodies, texts, published, strict=True)
    ]
    return Signatures(
        ids=[a.id for a in articles],
        counts=counts,
        sets=sets,
        mode_year=mode_year,
        days=days,
        named_days=np.array([d.toordinal() if d else NO_DAY for d in named], dtype=np.int64),
        # Only an undated article's months are compared (with dated articles' days).
        other_months=np.array(
            [
                other_months(text) if day is None and t.months else 0
                for text, t, day in zip(bodies, texts, published, strict=True)
            ],
            dtype=np.int64,
        ),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _TextMarks:
    words: list[str]  # lower-cased, stop words out
    lead: list[str]  # the same, from the first lines
    years: list[str]
    weekdays: frozenset[str]
    day_words: frozenset[str]  # words among `happenings.DAY_WORDS`
    months: set[str]
    numbers: set[str]  # separators dropped, years not counted

    @classmethod
    def of(cls, text: str) -> _TextMarks:
        lines = [line for line in text.splitlines() if line.strip()]
        letters = _LETTERS.findall(text)
        digits = [t.rstrip(",.") for t in _DIGITS.findall(text)]
        words = _words(letters)
        return cls(
            words=words,
            lead=_words(_LETTERS.findall("\n".join(lines[:_LEAD_LINES]))),
            years=[t[:4] for t in digits if _YEAR.fullmatch(t)],
            weekdays=_WEEKDAYS.intersection(words),
            day_words=DAY_WORDS.intersection(words),
            months={t[:3].lower() for t in _MONTH_FORMS.intersection(letters)},
            numbers={t.replace(",", "") for t in digits if not _YEAR.fullmatch(t)},
        )


def _words(letters: list[str]) -> list[str]:
    # One lower() over the joined words (they hold no spaces): far cheaper than one call a word.
    return [w for w in " ".join(letters).lower().split() if w not in _STOP]


def _sublinear(counts: sparse.spmatrix) -> sparse.csr_matrix:
    matrix = sparse.csr_matrix(counts, dtype=np.float32)
    matrix.data = (1 + np.log(matrix.data)).astype(np.float32)
    return matrix


def _marks(sets: Sequence[Iterable[str]]) -> sparse.csr_matrix:
    matrix = sparse.csr_matrix(_HASHED.transform([list(items) for items in sets]), dtype=np.float32)
    matrix.data[:] = 1.0
    return matrix


def group_articles(
    articles: Sequence[Article],
    facts: Mapping[str, StoryFacts],
    duplicates: Mapping[str, str],
    settings: StorySettings,
) -> list[list[str]]:
    """Article ids grouped into stories, each group and the list sorted for stable output.

    Articles enter the streaming index in the order given, in batches, as they would arrive.
    """
    index = StoryIndex(settings)
    for start in range(0, len(articles), settings.batch_size):
        batch = articles[start : start + settings.batch_size]
        index.add(signatures(batch, facts), duplicates)
    return index.stories()


def event_date(members: Sequence[Article], times: Mapping[str, Sequence[TimeExpr]]) -> str | None:
    """The day the story's dated articles point to most in the week before they were published.

    Falls back to the earliest publication date when no article names such a day.
    """
    votes: Counter[str] = Counter()
    published = [(a, d) for a in members if not a.published_inferred and (d := a.published_date())]
    for article, day in published:
        for expression in times.get(article.id, ()):
            # A day with its part or its hour ("2025-03-14TMO", "2025-03-14T09:30") votes for the day.
            value = _day_of(expression.value)
            if value is not None and _within(value, day - timedelta(days=7), day):
                votes[value] += 1
    if votes:
        return min(votes, key=lambda value: (-votes[value], value))
    return min(day for _, day in published).isoformat() if published else None


def inferred_published(day: str, read: Callable[[date], Sequence[TimeExpr]]) -> str:
    """The publication date of an undated member of a story whose event date is ``day``; ``read`` gives the
    member's time expressions resolved against a candidate date.

    A follow-up is often published days after the event, and a weekday it names ("said on Saturday") read against
    the event date would land in the week before it. Of the event day and the six after it, the first against which
    the member's own days lie nearest the event day is taken; a member naming no day keeps the event day. (A day
    the member names as earlier, "had warned on Monday", can pull the date past the event: tense is not read here.)
    """
    event = date.fromisoformat(day)
    best, best_spread = event, None
    for offset in range(7):
        anchor = event + timedelta(days=offset)
        days = [found for t in read(anchor) if (found := _date_of(t.value)) is not None]
        spread = sum(abs((found - event).days) for found in days)
        if best_spread is None or spread < best_spread:
            best, best_spread = anchor, spread
        if spread == 0:  # no later anchor can do better (a member naming no day stops at the event day)
            break
    return best.isoformat()


def _day_of(value: str) -> str | None:
    """The calendar day a TIMEX3 value names ("2025-03-14", "2025-03-14TEV"), None for coarser or other values."""
    if len(value) >= _DAY and value[4] == value[7] == "-" and (len(value) == _DAY or value[_DAY] == "T"):
        return value[:_DAY]
    return None


def _date_of(value: str) -> date | None:
    day = _day_of(value)
    try:
        return date.fromisoformat(day) if day else None
    except ValueError:
        return None


def _within(value: str, first: date, last: date) -> bool:
    try:
        return first <= date.fromisoformat(value) <= last
    except ValueError:
        return False


def story_title(members: Sequence[Article], duplicates: Mapping[str, str]) -> str | None:
    """The title of the story's first original report (earliest publication, then id)."""
    originals = [a for a in members if a.id not in duplicates and a.title] or [a for a in members if a.title]
    if not originals:
        return None
    return min(originals, key=reading_order).title


def reading_order(article: Article) -> tuple[bool, str, str]:
    """Sort key: articles with a real publication time first, earliest first, then by id."""
    return reading_key(article.id, None if article.published_inferred else article.published)


def reading_key(article_id: str, published: str | None) -> tuple[bool, str, str]:
    """`reading_order` from an article's id and its own publication date alone (what the store can list cheaply)."""
    instant = Article(id=article_id, source="", text="", published=published).published_instant()
    return (instant is None, instant.isoformat() if instant else "", article_id)
