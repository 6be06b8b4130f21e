"""Assembly of the export: a caption's time is exported with its caption's index and its text read from there."""

from __future__ import annotations

from rashomon.model import Article, ArticleAnnotations, TimeExpr
from rashomon.render.assemble import assemble
from tests.spans import assert_spans

BODY = "The council voted on Friday to close the bridge."
CAPTIONS = ("Credit: Reuters", "Protesters at the bridge on November 26, 2021.")


def test_a_caption_time_is_exported_with_its_caption_and_text() -> None:
    article = Article(id="a", source="a.txt", text=BODY, published="2021-11-27", captions=CAPTIONS)
    caption_start = CAPTIONS[1].index("November")
    annotations = ArticleAnnotations(
        article="a",
        times=(
            TimeExpr(article="a", start=21, end=27, value="2021-11-26", type="DATE"),
            TimeExpr(article="a", start=caption_start, end=caption_start + 17, value="2021-11-26", caption=1),
        ),
    )
    dossier = assemble(
        articles=[article],
        annotations={"a": annotations},
        entities=[],
        stories=[],
        comparisons=[],
        duplicates={},
        rejected=[],
        speakers={},
    )
    assert [(t.text, t.caption, t.type) for t in dossier.times] == [
        ("Friday", None, "DATE"),
        ("November 26, 2021", 1, "DATE"),
    ]
    assert assert_spans(dossier) == 2
