"""Framing: each article's headline and lede against the story, its own words, its names for people, omissions."""

from __future__ import annotations

from rashomon.compare.framing import distinctive_words, frame_story, stem
from rashomon.model import Article, ArticleAnnotations, Entity, Mention, Sentence, Span, Statement


def article(article_id: str, title: str, sentences: list[str], **fields: object) -> tuple[Article, ArticleAnnotations]:
    text = " ".join(sentences)
    bounds, at = [], 0
    for sentence in sentences:
        bounds.append(Sentence(article=article_id, start=at, end=at + len(sentence)))
        at += len(sentence) + 1
    made = Article(id=article_id, source=f"{article_id}.txt", text=text, title=title, **fields)  # type: ignore[arg-type]
    return made, ArticleAnnotations(article=article_id, sentences=tuple(bounds))


def statement(status: str, *sources: tuple[Article, ArticleAnnotations, int]) -> Statement:
    spans = tuple(Span(article=a.id, start=n.sentences[i].start, end=n.sentences[i].end) for a, n, i in sources)
    first = sources[0]
    return Statement(text=first[0].text[spans[0].start : spans[0].end], status=status, sources=spans)  # type: ignore[arg-type]


def test_stems_meet_across_inflection() -> None:
    assert stem("urges") == stem("urged") == stem("urge's") == "urg"
    assert stem("talks") == stem("talk")
    assert stem("took") == stem("taken") == stem("takes")


def test_distinctive_words_are_the_ones_no_other_outlet_uses() -> None:
    others = [{stem(w) for w in "talks were tense and the leaders urged calm".split()}]
    words = distinctive_words("Leaders hail constructive talks", "The leaders hailed the constructive talks.", others)
    assert words == ("hail", "constructive")


def test_framing_of_originals_and_a_copy() -> None:
    a = article(
        "a",
        "Leaders hail constructive talks",
        ["The leaders called the talks constructive.", "A border deal was signed.", "Trade will resume."],
        relays=("Continental Wire",),
    )
    b = article(
        "b",
        "Tense summit ends",
        ["The summit ended in tension, the mayor said.", "Ruiz said a border deal was signed."],
    )
    c = article("c", "Border deal signed", ["A border deal was signed at the summit.", "Trade will resume soon."])
    copy = article("d", "Leaders hail constructive talks", ["The leaders called the talks constructive."])
    statements = [
        statement("single-source", (a[0], a[1], 0)),
        statement("corroborated", (a[0], a[1], 1), (b[0], b[1], 1), (c[0], c[1], 0)),
        statement("corroborated", (a[0], a[1], 2), (c[0], c[1], 1)),
        statement("single-source", (b[0], b[1], 0)),
    ]
    mentions = [
        Mention(article="b", start=start, end=start + len(words), label="PERSON", refers_to=refers_to)
        for words, refers_to in (("the mayor", "Ann Ruiz"), ("Ruiz", None))
        for start in [b[0].text.index(words)]
    ]
    mayor = Entity(id="person:ann-ruiz", name="Ann Ruiz", type="PERSON", aliases=("Ruiz",), mentions=tuple(mentions))
    annotations = {x.id: n for x, n in (a, b, c, copy)}
    framings = frame_story([a[0], b[0], c[0], copy[0]], {"d": "a"}, annotations, statements, [mayor])
    by_article = {f.article: f for f in framings}
    assert [f.article for f in framings] == ["a", "b", "c", "d"]
    assert by_article["a"].lede_status == "single-source"
    assert by_article["c"].lede_status == "corroborated"
    assert "hail" in by_article["a"].distinctive
    assert "tense" in {w.lower() for w in by_article["b"].distinctive}
    assert by_article["b"].omits == (2,)
    assert by_article["a"].omits == ()
    assert by_article["a"].relays == ("Continental Wire",)
    assert by_article["d"].copy_of == "a"
    assert by_article["d"].distinctive == ()
    (naming,) = by_article["b"].names
    assert naming.name == "Ann Ruiz"
    assert naming.words == ("the mayor",)  # the name itself is no word choice


def test_a_lede_cut_into_clauses_takes_the_status_of_its_shared_clause() -> None:
    a = article("a", "Talks end", ["The talks lasted three hours and marked the anniversary of the ceasefire."])
    b = article("b", "Anniversary summit", ["The summit marked the anniversary of the ceasefire."])
    cut = a[0].text.index("marked")
    first = Span(article="a", start=0, end=cut - len(" and "))
    second = Span(article="a", start=cut, end=len(a[0].text))
    statements = [
        Statement(text="The talks lasted three hours", status="single-source", sources=(first,)),
        Statement(
            text="marked the anniversary of the ceasefire.",
            status="corroborated",
            sources=(second, Span(article="b", start=0, end=len(b[0].text))),
        ),
    ]
    framings = frame_story([a[0], b[0]], {}, {"a": a[1], "b": b[1]}, statements, [])
    assert [f.lede_status for f in framings] == ["corroborated", "corroborated"]
