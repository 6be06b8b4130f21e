"""How each article of a story frames it: its headline and lede against the story's statements, the words of
its headline and lede no other outlet uses, its words for the story's people and places, the shared statements it
leaves out, and whether it relays a wire service or copies another article.

Steps: lede status (the statements the first sentence makes), distinctive words (headline and lede words missing
from every other original, compared by a light stem), naming (each entity's mentions that are not its name and not
a pronoun), omissions (statements two or more other originals make).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from rashomon.compare.lexicon import FUNCTION_WORDS, IRREGULAR_VERBS
from rashomon.extract.lexicon.capitals import CAPITAL_COUNTRY
from rashomon.extract.lexicon.speech_words import PERSONAL_PRONOUNS, PLURAL_PRONOUNS
from rashomon.model import Article, ArticleAnnotations, Entity, Framing, Naming, Span, Statement, StatementStatus

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SUFFIXES = ("ing", "ed", "es", "s")
_PRONOUNS = PERSONAL_PRONOUNS | PLURAL_PRONOUNS | frozenset({"it", "its", "his", "their", "we", "us", "i", "me"})
_MAX_DISTINCTIVE = 8
_MAX_NAMES = 4


@lru_cache(maxsize=1 << 16)  # called for every word of every story's articles; news reuses its words
def stem(word: str) -> str:
    """A word's light stem ("urges" and "urged" meet "urge"), enough to tell a word another outlet never uses."""
    lower = word.lower().removesuffix("'s").removesuffix("’s")
    lower = IRREGULAR_VERBS.get(lower, lower)
    for suffix in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            lower = lower[: -len(suffix)]
            break
    return lower[:-1] if lower.endswith("e") and len(lower) > 3 else lower


def frame_story(
    articles: Sequence[Article],
    copies: Mapping[str, str],
    annotations: Mapping[str, ArticleAnnotations],
    statements: Sequence[Statement],
    entities: Sequence[Entity],
) -> tuple[Framing, ...]:
    """A framing per article, ``articles`` in reading order: originals first, then copies."""
    originals = [a for a in articles if a.id not in copies]
    # Each original's stems, for the words only it uses: none to compare when it is the only original.
    vocabulary = (
        {a.id: {stem(w) for w in set(_WORD.findall(f"{a.title or ''} {a.text}"))} for a in originals}
        if len(originals) > 1
        else {}
    )
    sources = [(s, statement.status) for statement in statements for s in statement.sources]
    made_by = [{s.article for s in statement.sources} for statement in statements]
    framings = []
    for article in (*originals, *(a for a in articles if a.id in copies)):
        sentences = annotations[article.id].sentences if article.id in annotations else ()
        lede = Span(article=article.id, start=sentences[0].start, end=sentences[0].end) if sentences else None
        if article.id in copies:
            framings.append(_copy_framing(article, lede, copies[article.id]))
            continue
        others = [words for other, words in vocabulary.items() if other != article.id]
        opening = f"{article.title or ''} {article.text[lede.start : lede.end] if lede else ''}"
        framings.append(
            Framing(
                article=article.id,
                headline=article.title,
                lede=lede,
                lede_status=_lede_status(lede, sources) if lede else None,
                distinctive=distinctive_words(opening, article.text, others) if others else (),
                names=namings(article, entities),
                omits=tuple(
                    position
                    for position, outlets in enumerate(made_by)
                    if article.id not in outlets
                    and len(outlets) >= 2
                    and statements[position].status != "single-source"
                ),
                relays=article.relays,
            )
        )
    return tuple(framings)


# A lede that makes several statements (clauses) takes the most telling of their statuses.
_STATUS_ORDER: tuple[StatementStatus, ...] = ("conflicting", "corroborated", "single-source")


def _lede_status(lede: Span, sources: Sequence[tuple[Span, StatementStatus]]) -> StatementStatus | None:
    """The status of the statements the lede makes: of each source that starts within it."""
    found = {status for s, status in sources if s.article == lede.article and lede.start <= s.start < lede.end}
    return next((status for status in _STATUS_ORDER if status in found), None)


def _copy_framing(article: Article, lede: Span | None, original: str) -> Framing:
    return Framing(
        article=article.id, headline=article.title, lede=lede, lede_status=None, relays=article.relays, copy_of=original
    )


def distinctive_words(text: str, body: str, others: Sequence[set[str]]) -> tuple[str, ...]:
    """Words of ``text`` (headline and lede) that none of the ``others`` (other articles' stems) uses; in lower
    case when the ``body`` writes them so (a headline's capitals are not a name's)."""
    lower_words = set(_WORD.findall(body))
    found: dict[str, str] = {}
    for word in _WORD.findall(text):
        key = stem(word)
        if len(word) < 4 or word.lower() in FUNCTION_WORDS or key in found:
            continue
        if not any(key in words for words in others):
            found[key] = word.lower() if word.lower() in lower_words else word
    return tuple(found.values())[:_MAX_DISTINCTIVE]


def namings(article: Article, entities: Sequence[Entity]) -> tuple[Naming, ...]:
    """The article's words for each entity besides its names ("the Armenian leader"), most mentioned first."""
    found = []
    for entity in entities:
        words: dict[str, str] = {}
        mentions = [m for m in entity.mentions if m.article == article.id]
        name_words = {w.lower() for name in (entity.name, *entity.aliases) for w in _WORD.findall(name)}
        for mention in mentions:
            surface = " ".join(article.text[mention.start : mention.end].split())
            if mention.refers_to is None or surface.lower() in _PRONOUNS:
                continue
            if CAPITAL_COUNTRY.get(surface) == mention.refers_to:  # "Moscow" for Russia: how news names states
                continue
            if name_words & {w.lower() for w in _WORD.findall(surface)}:  # a name with a title: still its name
                continue
            words.setdefault(surface.lower(), surface)
        if words:
            found.append((len(mentions), entity, tuple(words.values())[:_MAX_NAMES]))
    found.sort(key=lambda item: (-item[0], item[1].name))
    return tuple(Naming(entity=entity.id, name=entity.name, words=words) for _, entity, words in found)
