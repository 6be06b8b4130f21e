"""Content made inert, and an article body cut into marked pieces (caption times left out of it)."""

from __future__ import annotations

from markupsafe import Markup

from rashomon.dossier import ArticleOut, Dossier, TimeOut
from rashomon.web.models import ArticleDetail
from rashomon.web.present import Mark, article_marks, inert, pieces, web_link
from rashomon.web.templating import render


def test_bidi_overrides_shown_direction_marks_kept() -> None:
    assert inert("a\u202eb\u2066c\u2069") == "a\ufffdb\ufffdc\ufffd"
    assert inert("\u200fشكرا\u200e") == "\u200fشكرا\u200e"
    assert isinstance(inert(Markup("<b>\u202e</b>")), Markup)
    assert inert(7) == 7


def test_links_only_to_web_pages() -> None:
    assert web_link("https://example.com/a?b=1") == "https://example.com/a?b=1"
    for url in ("javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "//x", ""):
        assert web_link(url) is None, url


def test_pieces_carry_every_covering_mark() -> None:
    text = "Jane Roe said 7 people."
    marks = [
        Mark("entity", 0, 8, "person: Jane Roe", "entity:1"),
        Mark("quote", 0, 23, "indirect quote"),
        Mark("figure", 14, 22, "figure: 7 person"),
        Mark("time", 30, 40, "out of range"),
    ]
    cut = pieces(text, marks)
    assert "".join(p.text for p in cut) == text
    assert [(p.text, p.kinds) for p in cut] == [
        ("Jane Roe", ("entity", "quote")),
        (" said ", ("quote",)),
        ("7 people", ("figure", "quote")),
        (".", ("quote",)),
    ]
    assert cut[0].entity == "entity:1"
    assert set(cut[0].anchors) == {"quote-0-23", "entity-0-8"}


BODY = "The council voted on Friday to close the bridge."
CAPTIONED = ArticleOut(
    id="a", source="a.txt", outlet=None, title=None, published="2021-11-27", published_inferred=False, byline=None,
    url=None, text=BODY, story=None, duplicate_of=None, relays=[], captions=["Protesters on November 26, 2021."],
)  # fmt: skip
TIMES = [
    TimeOut(article="a", text="Friday", value="2021-11-26", type="DATE", start=21, end=27),
    TimeOut(article="a", text="November 26, 2021", value="2021-11-26", type="DATE", start=14, end=31, caption=0),
]


def test_caption_times_are_not_marked_in_the_body() -> None:
    dossier = Dossier(
        schema_version="1",
        articles=[CAPTIONED],
        rejected=[],
        stories=[],
        entities=[],
        quotes=[],
        figures=[],
        times=TIMES,
    )
    assert [(m.kind, m.start, m.end) for m in article_marks(dossier, "a")] == [("time", 21, 27)]


def test_a_caption_time_is_listed_as_such_without_a_link_into_the_body() -> None:
    detail = ArticleDetail(article=CAPTIONED, story=None, entities=[], quotes=[], figures=[], times=TIMES)
    page = render("article_page.html.j2", twin="/api/articles/a", status=None, detail=detail, body=[], labels={})
    assert 'href="#time-21-27">Friday</a>' in page
    assert 'November 26, 2021 <span class="meta">(caption)</span>' in page
    assert "#time-14-31" not in page
