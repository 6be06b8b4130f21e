"""Hand-built dossiers of any number of stories, and a check that every id a dossier mentions is in it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html.parser import HTMLParser

from rashomon.dossier import (
    ArticleOut,
    ConflictOut,
    ConflictSideOut,
    Dossier,
    EntityOut,
    FigureLink,
    FigureOut,
    FramingOut,
    MentionOut,
    QuoteOut,
    QuoteVariantOut,
    RejectedOut,
    SpanRef,
    StatementOut,
    StoryOut,
    TimeOut,
)

OUTLETS = ("Ledger", "Courier", "Herald", "Post")
FIRST_DAY = date(2024, 5, 1)
PLACE = "place:springfield"  # mentioned in every article of every story
MAYOR = "person:quimby"  # mentioned in story 0 only, yet quoted in every story


def story_id(n: int) -> str:
    return f"story:{n:012x}"


def _span(article: str, text: str, words: str) -> SpanRef:
    start = text.index(words)
    return SpanRef(article=article, start=start, end=start + len(words))


def _article(id: str, text: str, story: str, outlet: str, published: str | None) -> ArticleOut:
    return ArticleOut(
        id=id,
        source=f"{id}.txt",
        outlet=outlet,
        title=f"Report {id}",
        published=published,
        published_inferred=False,
        byline=None,
        url=None,
        text=text,
        story=story,
        duplicate_of=None,
        relays=[],
        captions=[],
    )


def _statements(members: Sequence[ArticleOut], counts: Sequence[str]) -> list[StatementOut]:
    opening = [_span(a.id, a.text, a.text.split(". ")[0] + ".") for a in members]
    boats = [_span(a.id, a.text, f"Officials counted {count} boats.") for a, count in zip(members, counts, strict=True)]
    if len(members) == 1:
        return [
            StatementOut(
                text=members[0].text[opening[0].start : opening[0].end], status="single-source", sources=opening
            )
        ]
    return [
        StatementOut(text=members[0].text[opening[0].start : opening[0].end], status="corroborated", sources=opening),
        StatementOut(text=members[0].text[boats[0].start : boats[0].end], status="conflicting", sources=boats),
    ]


def _analysed(members: Sequence[ArticleOut], counts: Sequence[str]) -> dict[str, object]:
    """A multi-article story's conflict (the boat counts), quote variant (the mayor's words) and framing."""
    sides = []
    for article, count in zip(members, counts, strict=True):
        boats = _span(article.id, article.text, f"{count} boats")
        says = SpanRef(article=article.id, start=boats.start, end=boats.start + len(count))
        sentence = _span(article.id, article.text, f"Officials counted {count} boats.")
        sides.append(ConflictSideOut(article=article.id, says=count, span=says, sentence=sentence))
    outlets = ", ".join(a.outlet or a.id for a in members)
    said = [_span(a.id, a.text, "it was bad") for a in members]
    return {
        "conflicts": [
            ConflictOut(
                kind="figure",
                what=f"{' vs '.join(counts)} boats",
                text=f"{' vs '.join(counts)} boats ({outlets})",
                sides=sides,
            )
        ],
        "quote_variants": [
            QuoteVariantOut(speaker="Mayor Quimby", quotes=[f"{s.article}:quote:{s.start}-{s.end}" for s in said])
        ],
        "framing": [
            FramingOut(
                article=a.id,
                headline=a.title,
                lede=_span(a.id, a.text, a.text.split(". ")[0] + "."),
                lede_status="corroborated",
                distinctive=[],
                names=[],
                omits=[],
                relays=[],
                copy_of=None,
            )
            for a in members
        ],
    }


def build_dossier(
    sizes: Sequence[int], *, titles: Sequence[str | None] = (), dates: Sequence[str | None] = ()
) -> Dossier:
    """Story ``n`` has ``sizes[n]`` articles, dated ``FIRST_DAY + n`` days unless ``dates`` says otherwise; outlets
    take turns, so story ``n``'s article ``k`` comes from ``OUTLETS[(n + k) % 4]``. A story of several articles has
    one conflict (its boat counts), one quote variant and a framing per article."""
    articles, stories, quotes, figures, times = [], [], [], [], []
    mentions: dict[str, list[MentionOut]] = {PLACE: [], MAYOR: []}
    local: list[EntityOut] = []
    for n, size in enumerate(sizes):
        day = (FIRST_DAY + timedelta(days=n)).isoformat()
        story_date = dates[n] if n < len(dates) else day
        members, counts = [], []
        for k in range(size):
            id = f"s{n}-a{k}"
            count = str(10 + k)
            text = f"Storm {n} hit Springfield. Officials counted {count} boats. Mayor Quimby said it was bad on {day}."
            members.append(_article(id, text, story_id(n), OUTLETS[(n + k) % len(OUTLETS)], day))
            counts.append(count)
            place = _span(id, text, "Springfield")
            mentions[PLACE].append(MentionOut(article=id, start=place.start, end=place.end))
            if n == 0:
                mayor = _span(id, text, "Mayor Quimby")
                mentions[MAYOR].append(MentionOut(article=id, start=mayor.start, end=mayor.end))
            said = _span(id, text, "it was bad")
            quotes.append(
                QuoteOut(
                    id=f"{id}:quote:{said.start}-{said.end}",
                    article=id,
                    speaker="Mayor Quimby",
                    speaker_entity=MAYOR,
                    text="it was bad",
                    kind="indirect",
                    start=said.start,
                    end=said.end,
                    speaker_span=None,
                    cue_span=None,
                    aligned_with=[f"s{n}-a{j}:quote:{said.start}-{said.end}" for j in range(size) if j != k],
                )
            )
            boats = _span(id, text, f"{count} boats")
            figures.append(
                FigureOut(
                    id=f"{id}:figure:{boats.start}-{boats.end}",
                    article=id,
                    text=f"{count} boats",
                    value=float(count),
                    unit="boat",
                    approx=False,
                    qualifier=None,
                    about="boats",
                    start=boats.start,
                    end=boats.end,
                    aligned_with=[
                        FigureLink(figure=f"s{n}-a{j}:figure:{boats.start}-{boats.end}", relation="conflict")
                        for j in range(size)
                        if j != k
                    ],
                )
            )
            when = _span(id, text, day)
            times.append(TimeOut(article=id, text=day, value=day, type="DATE", start=when.start, end=when.end))
        storm = _span(members[0].id, members[0].text, f"Storm {n}")
        local.append(
            EntityOut(
                id=f"event:storm-{n}",
                name=f"Storm {n}",
                type="EVENT",
                aliases=[],
                mentions=[MentionOut(article=storm.article, start=storm.start, end=storm.end)],
            )
        )
        articles.extend(members)
        stories.append(
            StoryOut(
                id=story_id(n),
                title=titles[n] if n < len(titles) else f"Storm {n}",
                articles=[a.id for a in members],
                date=story_date,
                summary=members[0].text.split(". ")[0] + ".",
                statements=_statements(members, counts),
                timeline=[],
                **(_analysed(members, counts) if size > 1 else {}),
            )
        )
    entities = [
        EntityOut(id=PLACE, name="Springfield", type="PLACE", aliases=[], mentions=mentions[PLACE]),
        EntityOut(id=MAYOR, name="Mayor Quimby", type="PERSON", aliases=["Quimby"], mentions=mentions[MAYOR]),
        *local,
    ]
    return Dossier(
        schema_version="1",
        articles=sorted(articles, key=lambda a: a.id),
        rejected=[RejectedOut(input="junk.bin", reason="Not text.")],
        stories=stories,
        entities=[e for e in entities if e.mentions],
        quotes=sorted(quotes, key=lambda q: q.article),
        figures=sorted(figures, key=lambda f: f.article),
        times=sorted(times, key=lambda t: t.article),
    )


def assert_references(dossier: Dossier) -> None:
    """Every article, story, entity, quote and figure id the dossier refers to is one it holds."""
    articles = {a.id for a in dossier.articles}
    stories = {s.id for s in dossier.stories}
    entities = {e.id for e in dossier.entities}
    quotes = {q.id for q in dossier.quotes}
    figures = {f.id for f in dossier.figures}
    assert {a.story for a in dossier.articles} <= stories
    assert {i for s in dossier.stories for i in s.articles} == articles
    assert all(e.mentions for e in dossier.entities)
    assert {m.article for e in dossier.entities for m in e.mentions} <= articles
    for items in (dossier.quotes, dossier.figures, dossier.times):
        assert {item.article for item in items} <= articles
    assert {q.speaker_entity for q in dossier.quotes if q.speaker_entity} <= entities
    assert {i for q in dossier.quotes for i in q.aligned_with} <= quotes
    assert {link.figure for f in dossier.figures for link in f.aligned_with} <= figures


class PageLinks(HTMLParser):
    """Every id, every in-page link and how many scripts a page holds."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.scripts += tag == "script"
        if found.get("id"):
            self.ids.append(found["id"] or "")
        if (found.get("href") or "").startswith("#"):
            self.hrefs.append((found["href"] or "")[1:])
