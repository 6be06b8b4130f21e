"""One article's extraction: the times of its photo captions are found beside the body's, each kept traceable to
the caption it was written in."""

from __future__ import annotations

from datetime import date

import spacy

from rashomon.extract.annotate import body_times, caption_times, extract_article
from rashomon.extract.times import find_times
from rashomon.model import Article

BODY = "The council voted on Friday to close the bridge. Repairs start next month."
CAPTIONS = ("Protesters outside parliament on November 26, 2021. Photo: Ann Lee", "Credit: Reuters")
ARTICLE = Article(id="a", source="a.txt", text=BODY, published="2021-11-27", captions=CAPTIONS)


def _doc(text: str) -> object:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(text)


def test_a_caption_date_is_found_with_its_caption_and_offsets_into_it() -> None:
    found = extract_article(ARTICLE, _doc(BODY)).annotations.times
    captioned = [t for t in found if t.caption is not None]
    assert [(t.caption, CAPTIONS[0][t.start : t.end], t.value, t.type) for t in captioned] == [
        (0, "November 26, 2021", "2021-11-26", "DATE")
    ]


def test_the_body_times_are_those_of_the_body_alone() -> None:
    found = extract_article(ARTICLE, _doc(BODY)).annotations.times
    assert body_times(found) == find_times(BODY, "a", date(2021, 11, 27))
    assert [BODY[t.start : t.end] for t in body_times(found)] == ["Friday", "next month"]


def test_caption_times_follow_the_body_anchor_rules() -> None:
    # Without a publication date only expressions carrying their own value are read, as in the body.
    relative = Article(id="b", source="b.txt", text=BODY, captions=("Crowds gather on Friday.", "On May 3, 2020."))
    assert [(t.caption, t.value) for t in caption_times(relative, None)] == [(1, "2020-05-03")]
    assert [(t.caption, t.value) for t in caption_times(relative, date(2021, 11, 27))] == [
        (0, "2021-11-26"),
        (1, "2020-05-03"),
    ]
