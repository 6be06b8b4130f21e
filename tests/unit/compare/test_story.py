"""Cross-source comparison of one hand-built story: statements, figures, quotes and the timeline."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from rashomon.compare.clauses import statement_units
from rashomon.compare.encoder import SentenceEncoder
from rashomon.compare.story import StoryInput, compare_story, similarity_matrix
from rashomon.model import (
    Article,
    ArticleAnnotations,
    Figure,
    Quote,
    Sentence,
    Span,
    StoryComparison,
    TimeExpr,
)
from rashomon.settings import CompareSettings

SETTINGS = CompareSettings()
FigureSpec = tuple[str, float | None, str | None]  # words as written, value, unit
QuoteSpec = tuple[str, str]  # quoted words, speaker


def annotate(
    article_id: str,
    sentences: Sequence[str],
    figures: Sequence[FigureSpec] = (),
    quotes: Sequence[QuoteSpec] = (),
    times: Sequence[tuple[str, str]] = (),
) -> tuple[Article, ArticleAnnotations]:
    """An article made of ``sentences`` and its annotations, every span located by its words."""
    text = " ".join(sentences)
    bounds, at = [], 0
    for sentence in sentences:
        bounds.append(Sentence(article=article_id, start=at, end=at + len(sentence)))
        at += len(sentence) + 1

    def where(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    found_figures = []
    for words, value, unit in figures:
        start, end = where(words)
        found_figures.append(
            Figure(
                id=f"{article_id}:figure:{start}-{end}",
                article=article_id,
                start=start,
                end=end,
                value=value,
                unit=unit,
                approx=False,
            )
        )
    found_quotes = []
    for words, speaker in quotes:
        start, end = where(words)
        found_quotes.append(
            Quote(
                id=f"{article_id}:quote:{start}-{end}",
                article=article_id,
                start=start,
                end=end,
                kind="direct",
                speaker=speaker,
            )
        )
    found_times = [TimeExpr(article=article_id, start=where(w)[0], end=where(w)[1], value=v) for w, v in times]
    annotations = ArticleAnnotations(
        article=article_id,
        sentences=tuple(bounds),
        figures=tuple(found_figures),
        quotes=tuple(found_quotes),
        times=tuple(found_times),
    )
    return Article(id=article_id, source=f"{article_id}.txt", text=text), annotations


@cache
def encoder() -> SentenceEncoder:
    return SentenceEncoder()


def embed(article: Article, notes: ArticleAnnotations) -> np.ndarray:
    """The vectors of the article's statement units, as `StoryEmbedder` makes them."""
    return encoder()([article.text[u.start : u.end] for u in statement_units(article.text, notes.sentences)])


def compare(*annotated: tuple[Article, ArticleAnnotations], speakers: dict[str, str] | None = None) -> StoryComparison:
    story = StoryInput(
        story="story:test",
        articles=[a for a, _ in annotated],
        annotations={a.id: notes for a, notes in annotated},
        speaker_entity=speakers or {},
        embeddings={a.id: embed(a, notes) for a, notes in annotated},
    )
    return compare_story(story, SETTINGS)


def statement_of(result: StoryComparison, words: str) -> tuple[str, set[str]]:
    """Status and source articles of the one statement whose text contains ``words``."""
    (found,) = [s for s in result.statements if words in s.text]
    return found.status, {s.article for s in found.sources}


def test_corroborated_and_single_source_statements() -> None:
    left = annotate(
        "a",
        [
            "A freight train derailed near Millbrook on Sunday evening.",
            "The local school will stay closed until Wednesday.",
        ],
    )
    right = annotate(
        "b",
        [
            "A freight train derailed close to Millbrook on Sunday evening.",
            "Fishermen on the river reported an oily sheen on the water.",
        ],
    )
    result = compare(left, right)
    assert result.story == "story:test"
    assert result.summary == "A freight train derailed near Millbrook on Sunday evening."
    assert statement_of(result, "freight train") == ("corroborated", {"a", "b"})
    assert statement_of(result, "school") == ("single-source", {"a"})
    assert statement_of(result, "Fishermen") == ("single-source", {"b"})
    assert len(result.statements) == 3
    texts = {"a": left[0].text, "b": right[0].text}
    for statement in result.statements:
        first = statement.sources[0]
        assert texts[first.article][first.start : first.end] == statement.text


def test_a_statement_never_holds_two_sentences_of_one_article_apart() -> None:
    left = annotate(
        "a",
        [
            "The storm knocked out power to the whole county overnight.",
            "A Little League game in Fairview was called off.",
            "The storm knocked out power to the entire county overnight.",
        ],
    )
    right = annotate("b", ["The storm knocked out power to the whole county overnight."])
    result = compare(left, right)
    for statement in result.statements:
        articles = [s.article for s in statement.sources]
        assert len(articles) == len(set(articles))
    assert sorted(len(s.sources) for s in result.statements) == [1, 1, 2]


def test_what_one_outlet_says_in_two_sentences_in_a_row_is_one_statement() -> None:
    left = annotate(
        "a",
        [
            "The hospital board said its offer to the nurses was fair and urged the union to return to talks.",
            "A new parking garage opened on Elm Street.",
        ],
    )
    right = annotate(
        "b",
        [
            "The board that runs the hospital says it has made a fair offer.",
            "It wants the nurses' union back at the negotiating table.",
            "Snow is expected on Friday.",
        ],
    )
    result = compare(left, right)
    (joined,) = [s for s in result.statements if len(s.sources) > 1]
    assert joined.status == "corroborated"
    assert [(s.article, s.start) for s in joined.sources] == [("a", 0), ("b", 0), ("b", right[1].sentences[1].start)]
    assert statement_of(result, "Snow") == ("single-source", {"b"})
    assert statement_of(result, "parking") == ("single-source", {"a"})


def test_a_sentence_joining_two_claims_is_corroborated_only_in_the_claim_another_outlet_makes() -> None:
    left = annotate(
        "a",
        [
            "The meeting with the two leaders lasted about three hours and marked the first anniversary of the "
            "ceasefire deal.",
            "A new parking garage opened on Elm Street.",
        ],
    )
    right = annotate("b", ["The meeting was timed to coincide with the anniversary of the ceasefire deal."])
    result = compare(left, right)
    assert statement_of(result, "three hours") == ("single-source", {"a"})
    assert statement_of(result, "anniversary") == ("corroborated", {"a", "b"})
    (shared,) = [s for s in result.statements if s.status == "corroborated"]
    assert left[0].text[shared.sources[0].start : shared.sources[0].end].startswith("marked the first anniversary")


def test_different_counts_in_parallel_sentences_conflict() -> None:
    left = annotate(
        "a",
        ["Seven people were injured when the crane collapsed on Harbour Road.", "Traffic was diverted."],
        figures=[("Seven people", 7, "people")],
    )
    right = annotate(
        "b",
        ["Eight people were injured when the crane collapsed on Harbour Road."],
        figures=[("Eight people", 8, "person")],
    )
    result = compare(left, right)
    assert [(f.figure, f.other, f.relation) for f in result.figure_alignments] == [
        (left[1].figures[0].id, right[1].figures[0].id, "conflict")
    ]
    assert statement_of(result, "crane") == ("conflicting", {"a", "b"})
    assert statement_of(result, "Traffic") == ("single-source", {"a"})


def test_different_counts_in_unrelated_sentences_are_different_scope() -> None:
    left = annotate(
        "a",
        ["Seven people were injured when the crane collapsed on Harbour Road."],
        figures=[("Seven people", 7, "people")],
    )
    right = annotate(
        "b",
        ["Police evacuated 80 residents from nearby flats as a precaution."],
        figures=[("80 residents", 80, "resident")],
    )
    result = compare(left, right)
    assert [f.relation for f in result.figure_alignments] in ([], ["different-scope"])
    assert {s.status for s in result.statements} == {"single-source"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("44 days", 44, "day"), ("six weeks", 6, "week")),
        (("1.6 miles", 1.6, "mile"), ("2.6 km", 2.6, "km")),
        (("120 troops", 120, "troop"), ("125 soldiers", 125, "soldier")),
    ],
)
def test_figures_agree_across_units(first: FigureSpec, second: FigureSpec) -> None:
    left = annotate("a", [f"The blockade of the valley road lasted {first[0]} in all."], figures=[first])
    right = annotate("b", [f"The blockade of the valley road lasted {second[0]} in all."], figures=[second])
    result = compare(left, right)
    assert [f.relation for f in result.figure_alignments] == ["agree"]
    assert statement_of(result, "blockade") == ("corroborated", {"a", "b"})


def of_whole(
    article: tuple[Article, ArticleAnnotations], about: str | None = None, referents: tuple[str, ...] = ()
) -> tuple[Article, ArticleAnnotations]:
    """``article`` with its figures said of a whole: a share's ``about``, or what a percent is said of."""
    text, notes = article
    return text, replace(notes, figures=tuple(replace(f, about=about, referents=referents) for f in notes.figures))


@pytest.mark.parametrize(
    ("share", "relation"),
    [(("A third", 1 / 3, "fraction"), "agree"), (("A quarter", 1 / 4, "fraction"), "conflict")],
)
def test_a_share_and_a_percent_of_one_whole_compare(share: FigureSpec, relation: str) -> None:
    flood = "of the villagers were evacuated before the river burst its banks."
    left = of_whole(annotate("a", [f"{share[0]} {flood}"], figures=[share]), about="villagers")
    right = of_whole(
        annotate("b", [f"33 per cent {flood}"], figures=[("33 per cent", 33, "percent")]), referents=("villagers",)
    )
    assert [f.relation for f in compare(left, right).figure_alignments] == [relation]


def test_a_conflict_of_shares_reads_as_parts_of_the_whole() -> None:
    flood = "of the villagers were evacuated before the river burst its banks."
    left = of_whole(annotate("a", [f"A quarter {flood}"], figures=[("A quarter", 1 / 4, "fraction")]), "villagers")
    right = of_whole(annotate("b", [f"A third {flood}"], figures=[("A third", 1 / 3, "fraction")]), "villagers")
    (conflict,) = compare(left, right).conflicts
    assert [side.says for side in conflict.sides] == ["1/4", "1/3"]
    assert conflict.what.startswith("1/4 vs 1/3 of villagers")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # shares of other wholes in one story: neither a conflict nor, at 1/2 and 50 percent, an agreement
        (("Half of the workers at the plant were laid off.", "Half", 1 / 2, "fraction", "workers"),
         ("A third of the managers at the plant were laid off.", "A third", 1 / 3, "fraction", "managers")),
        (("Half of the village's homes were destroyed.", "Half", 1 / 2, "fraction", "village's homes"),
         ("Turnout in last year's local election was 50 percent.", "50 percent", 50, "percent", "Turnout")),
        (("A third of the villagers left.", "A third", 1 / 3, "fraction", None),
         ("A third of the villagers left.", "A third", 1 / 3, "fraction", None)),  # no whole known: not compared
        # only the owner shared: the city's residents against the city's budget
        (("Half of the city's residents lost power.", "Half", 1 / 2, "fraction", "city's residents"),
         ("The city's budget was 50 percent of last year's.", "50 percent", 50, "percent", "city's budget")),
    ],
)  # fmt: skip
def test_shares_of_other_wholes_are_not_compared(
    first: tuple[str, str, float, str, str | None], second: tuple[str, str, float, str, str | None]
) -> None:
    def side(article: str, spec: tuple[str, str, float, str, str | None]) -> tuple[Article, ArticleAnnotations]:
        sentence, words, value, unit, whole = spec
        made = annotate(article, [sentence], figures=[(words, value, unit)])
        return of_whole(made, about=whole) if unit == "fraction" else of_whole(made, referents=(whole or "",))

    assert not compare(side("a", first), side("b", second)).figure_alignments


def test_figures_of_different_kinds_are_not_aligned() -> None:
    left = annotate("a", ["The convoy waited 44 days at the border."], figures=[("44 days", 44, "day")])
    right = annotate("b", ["The convoy waited 44 km from the border."], figures=[("44 km", 44, "km")])
    assert compare(left, right).figure_alignments == ()


def test_quotes_of_one_speaker_align_and_others_do_not() -> None:
    left = annotate(
        "a",
        [
            "We will rebuild every home that was lost, the governor said.",
            "Nobody warned us about the dam, a farmer said.",
        ],
        quotes=[("We will rebuild every home that was lost", "Jane Doe"), ("Nobody warned us", "Tom Reed")],
    )
    right = annotate(
        "b",
        [
            "Every home that was lost will be rebuilt, Doe told reporters.",
            "We will rebuild every home that was lost, an aide repeated.",
        ],
        quotes=[
            ("Every home that was lost will be rebuilt", "Doe"),
            ("We will rebuild every home that was lost", "Sam Aide"),
        ],
    )
    speakers = {"jane doe": "entity:doe", "doe": "entity:doe"}
    result = compare(left, right, speakers=speakers)
    doe_left, doe_right = left[1].quotes[0].id, right[1].quotes[0].id
    assert result.quote_alignments == ((doe_left, doe_right),)
    # Without the entity map the two spellings of Doe are two speakers.
    assert compare(left, right).quote_alignments == ()


def test_timeline_holds_dates_not_durations() -> None:
    left = annotate(
        "a",
        ["The bridge opened on 3 March 2023.", "It had been closed for a year."],
        times=[("3 March 2023", "2023-03-03"), ("a year", "P1Y")],
    )
    right = annotate(
        "b",
        ["The bridge opened on March 3, 2023.", "Work began in autumn 2021.", "It was first planned in the 1990s."],
        times=[("March 3, 2023", "2023-03-03"), ("autumn 2021", "2021-FA"), ("the 1990s", "199")],
    )
    result = compare(left, right)
    assert [(e.when, e.sources) for e in result.timeline] == [
        ("199", ("b",)),
        ("2021-FA", ("b",)),
        ("2023-03-03", ("a", "b")),
    ]
    assert all(not e.when.startswith("P") for e in result.timeline)
    assert result.timeline[2].what == "The bridge opened on 3 March 2023."


def test_timeline_gives_each_sources_sentence_and_marks_background() -> None:
    left = annotate(
        "a",
        ["The bridge opened in 1977.", "It collapsed on Tuesday.", "Talks were held this week."],
        times=[("1977", "1977"), ("Tuesday", "2024-03-26"), ("this week", "2024-W13")],
    )
    right = annotate("b", ["Late in February, inspectors visited the bridge."], times=[("February", "2024-02")])
    story = StoryInput(
        story="story:test",
        event_date="2024-03-26",
        articles=[left[0], right[0]],
        annotations={"a": left[1], "b": right[1]},
        speaker_entity={},
        embeddings={a.id: embed(a, n) for a, n in (left, right)},
    )
    result = compare_story(story, SETTINGS)
    assert [(e.when, e.background) for e in result.timeline] == [
        ("1977", True),
        ("2024-02", False),
        ("2024-03-26", False),
    ]
    for entry in result.timeline:
        (sentence,) = entry.sentences
        text = {"a": left[0].text, "b": right[0].text}[sentence.article]
        assert text[sentence.start : sentence.end] == entry.what


def test_a_date_holding_another_in_one_statement_joins_the_precise_entry() -> None:
    left = annotate(
        "a",
        ["The army won the war in 44 days of fighting in the fall of 2020.", "Prices rose in 2019."],
        times=[("the fall of 2020", "2020-FA"), ("2019", "2019")],
    )
    right = annotate(
        "b",
        ["The army won last year's war in 44 days of fighting.", "Prices fell in March 2019 and May 2019."],
        times=[("last year's", "2020"), ("March 2019", "2019-03"), ("May 2019", "2019-05")],
    )
    result = compare(left, right)
    by_value = {e.when: e for e in result.timeline}
    # "last year's" (2020) holds the fall of 2020: b reports the happening one dates more precisely; its own
    # date stays an entry (a sentence may date two happenings).
    assert by_value["2020-FA"].sources == ("a", "b")
    assert by_value["2020"].sources == ("b",)
    assert by_value["2020-FA"].what == left[0].text[: left[0].text.index(" Prices")]
    # 2019 holds two months apart from each other: it stays apart, whichever sentences align.
    assert by_value["2019"].sources == ("a",)


def test_one_amount_in_other_words_joins_a_less_precise_date_across_statements() -> None:
    def right(length: FigureSpec, what: str = "fighting") -> tuple[Article, ArticleAnnotations]:
        return annotate(
            "b",
            [f"The leaders met two weeks after new clashes, the worst {what} since their {length[0]} war last year."],
            figures=[length],
            times=[("last year", "2020")],
        )

    left = annotate(
        "a",
        ["The army routed the rebels in 44 days of fierce fighting in the fall of 2020."],
        figures=[("44 days", 44, "day")],
        times=[("the fall of 2020", "2020-FA")],
    )
    # The sentences say different things, but both give the war's length: b dates that war less precisely.
    joined = {e.when: e.sources for e in compare(left, right(("six-week", 6, "week"))).timeline}
    assert joined == {"2020": ("b",), "2020-FA": ("a", "b")}
    # A length that does not agree tells another happening: b stays apart.
    apart = {e.when: e.sources for e in compare(left, right(("ten-week", 10, "week"))).timeline}
    assert apart == {"2020": ("b",), "2020-FA": ("a",)}
    # Nor does one amount in sentences without a word in common for what it measures.
    unrelated = {e.when: e.sources for e in compare(left, right(("six-week", 6, "week"), "unrest")).timeline}
    assert unrelated == {"2020": ("b",), "2020-FA": ("a",)}
    # Who said it is no word for what happened: a shared "officials said" does not join them.
    attributed = [said_by_officials(a) for a in (left, right(("six-week", 6, "week"), "unrest"))]
    assert {e.when: e.sources for e in compare(*attributed).timeline} == {"2020": ("b",), "2020-FA": ("a",)}


def said_by_officials(annotated: tuple[Article, ArticleAnnotations]) -> tuple[Article, ArticleAnnotations]:
    """The article with ", officials said" closing its sentence, annotated as the sentence's speaker and cue."""
    article, notes = annotated
    end = notes.sentences[0].end - 1
    text = article.text[:end] + ", officials said" + article.text[end:]
    speaker = Span(article=article.id, start=end + 2, end=end + 11)
    quote = Quote(
        id=f"{article.id}:quote:0-{end}",
        article=article.id,
        start=0,
        end=end,
        kind="indirect",
        speaker="officials",
        speaker_span=speaker,
        cue_span=Span(article=article.id, start=end + 12, end=end + 16),
    )
    sentence = Sentence(article=article.id, start=0, end=len(text))
    return replace(article, text=text), replace(notes, sentences=(sentence,), quotes=(quote,))


def test_sentences_out_of_order_still_date_the_timeline() -> None:
    article, notes = annotate(
        "a",
        ["The bridge opened on 3 March 2023.", "Work began in autumn 2021."],
        times=[("3 March 2023", "2023-03-03"), ("autumn 2021", "2021-FA")],
    )
    shuffled = ArticleAnnotations(
        article="a", sentences=notes.sentences[::-1], figures=notes.figures, quotes=notes.quotes, times=notes.times
    )
    ordered = compare((article, notes)).timeline
    assert compare((article, shuffled)).timeline == ordered
    assert [(e.when, e.what) for e in ordered] == [
        ("2021-FA", "Work began in autumn 2021."),
        ("2023-03-03", "The bridge opened on 3 March 2023."),
    ]


def tfidf_similarity(texts: Sequence[str]) -> np.ndarray:
    """The reference: scikit-learn's vectoriser fitted on the texts, as comparison once used it."""
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=True)
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # no words at all
        return np.zeros((len(texts), len(texts)))
    return np.asarray((matrix @ matrix.T).toarray())


@pytest.mark.parametrize(
    "texts",
    [
        [],
        ["", "  \n "],
        ["a", "ab abc", "supercalifragilisticexpialidocious words\tand\nlines  x"],
        ["Troops moved toward Nakhchivan on Monday.", "troops  MOVED toward Nakhichevan, on monday!", "Talks ended."],
        ["Élodie a dit « non » à Zürich", "ELODIE A DIT NON A ZURICH", "İstanbul Straße ΣΊΣΥΦΟΣ", "日本語 です"],
        # More distinct characters than five digits of their alphabet fit in 63 bits.
        ["".join(chr(0x4E00 + i) + (" " if i % 5 == 4 else "") for i in range(7000)), "丁丂七 丄丅"],
    ],
)
def test_similarity_is_scikit_learns_to_the_last_bit(texts: list[str]) -> None:
    assert similarity_matrix(texts).tobytes() == tfidf_similarity(texts).tobytes()


def test_similarity_of_random_texts_is_scikit_learns_to_the_last_bit() -> None:
    rng = random.Random(3)
    alphabet = "abcdeé ÄßİıΣσς日  \n\t.,'-"
    for _ in range(300):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(rng.randint(1, 8))]
        assert similarity_matrix(texts).tobytes() == tfidf_similarity(texts).tobytes(), texts


def test_a_paraphrase_across_outlets_is_corroborated_and_a_look_alike_is_not() -> None:
    left = annotate(
        "a",
        [
            "Inspectors discovered cracked piers, and the bridge was shut to vehicles on Tuesday.",
            "The bridge first opened in 1964.",
        ],
    )
    right = annotate(
        "b",
        [
            "The bridge was closed to traffic on Tuesday after inspectors found cracks in two of its piers.",
            "About 40,000 cars cross the bridge every day.",
        ],
    )
    result = compare(left, right)
    assert statement_of(result, "cracked piers") == ("corroborated", {"a", "b"})
    assert statement_of(result, "1964") == ("single-source", {"a"})
    assert statement_of(result, "40,000") == ("single-source", {"b"})


def test_with_embeddings_off_statements_align_by_character_ngrams_alone() -> None:
    left = annotate("a", ["A freight train derailed near Millbrook on Sunday evening.", "Schools stay shut."])
    right = annotate("b", ["A freight train derailed close to Millbrook on Sunday evening.", "Rain fell."])
    story = StoryInput(
        story="story:test",
        articles=[left[0], right[0]],
        annotations={"a": left[1], "b": right[1]},
        speaker_entity={},
    )  # no embeddings given: none are read
    result = compare_story(story, SETTINGS.model_copy(update={"embeddings": False}))
    assert statement_of(result, "freight train") == ("corroborated", {"a", "b"})
    assert statement_of(result, "Schools") == ("single-source", {"a"})


def test_dates_written_differently_but_resolved_alike_count_as_agreeing() -> None:
    left_words = ["The pier on the east side, finished in 2011, was underwater by noon.", "Schools closed early."]
    right_words = ["Water was soon over the pier, completed fourteen years ago.", "A ferry was cancelled."]
    undated = compare(annotate("a", left_words), annotate("b", right_words))
    assert statement_of(undated, "east side") == ("single-source", {"a"})
    dated = compare(
        annotate("a", left_words, times=[("2011", "2011")]),
        annotate("b", right_words, times=[("fourteen years ago", "2011")]),
    )
    assert statement_of(dated, "east side") == ("corroborated", {"a", "b"})


def test_a_share_is_not_compared_with_a_percent_that_moves() -> None:
    """ "cut by 50 percent" is a change; half of the budget is a share of it."""
    half = annotate("a", ["Half of the budget went to roads."], figures=[("Half", 1 / 2, "fraction")])
    left = of_whole(half, "budget")
    moved = annotate("b", ["The budget was cut by 50 percent."], figures=[("50 percent", 50, "percent")])
    text, notes = of_whole(moved, referents=("budget",))
    right = text, replace(notes, figures=tuple(replace(f, direction="down") for f in notes.figures))
    assert not compare(left, right).figure_alignments
