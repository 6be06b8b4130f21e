"""One article's extraction: the times of its photo captions are found beside the body's, each kept traceable to
the caption it was written in."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from rashomon.extract.annotate import body_times, caption_times, extract_article, extract_batch
from rashomon.extract.nlp import LanguageModel
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


SPACED = (
    "Ferry  fares rose 12\xa0percent  on Monday, the  operator said.  About 300\tpassengers were  stranded.\n\n"
    '"We  are  sorry," said Maria\xa0Lopez, the  company\'s chief  executive.'
)


def test_odd_blanks_between_words_are_read_as_spaces_and_spans_index_the_text_as_written(
    language_model: LanguageModel,
) -> None:
    article = Article(id="s", source="s.jsonl", text=SPACED, published="2024-03-26")
    found = extract_batch(language_model, [article])[0].annotations
    assert [(SPACED[f.start : f.end], f.value, f.unit) for f in found.figures] == [
        ("12\xa0percent", 12.0, "percent"),
        ("About 300\tpassengers", 300.0, "passenger"),
    ]
    assert [SPACED[t.start : t.end] for t in found.times] == ["Monday"]
    assert [(SPACED[q.start : q.end], q.speaker) for q in found.quotes] == [
        ("Ferry  fares rose 12\xa0percent  on Monday", "the operator"),
        ("We  are  sorry", "Maria Lopez"),
    ]
    assert "Maria\xa0Lopez" in [SPACED[m.start : m.end] for m in found.mentions]
    assert all(not SPACED[s.start].isspace() and not SPACED[s.end - 1].isspace() for s in found.sentences)


def test_an_article_parsed_from_another_text_is_refused(language_model: LanguageModel) -> None:
    article = Article(id="s", source="s.jsonl", text=SPACED)
    with pytest.raises(ValueError, match="parsed from another text"):
        extract_article(article, next(language_model([SPACED])))
