"""Statement alignment on hand-written sentences: paraphrases across outlets are one statement, look-alikes are not."""

from __future__ import annotations

from functools import cache

import numpy as np

from rashomon.compare import align
from rashomon.compare.encoder import DIMENSIONS, SentenceEncoder
from rashomon.compare.story_result import StoryEmbedder, StoryJob
from rashomon.extract.annotate import ArticleExtraction
from rashomon.model import Article, ArticleAnnotations, Sentence

PARAPHRASES = [
    (
        "The bridge was closed to traffic on Tuesday after inspectors found cracks in two of its piers.",
        "Inspectors discovered cracked piers, and the bridge was shut to vehicles on Tuesday.",
    ),
    (
        "The company will cut 1,200 jobs by the end of next year, its chief executive said.",
        "Its chief executive announced that 1,200 positions would be eliminated by the end of next year.",
    ),
    (
        "Both ministers said they were ready to resume talks on the fishing quota.",
        "The two ministers declared themselves prepared to restart negotiations over the fishing quota.",
    ),
]
# Same topic and many shared words, different statements: another figure, another event, another claim.
NON_PAIRS = [
    (
        "The bridge was closed to traffic on Tuesday after inspectors found cracks in two of its piers.",
        "The bridge first opened to traffic in 1964 and carries about 40,000 cars a day.",
    ),
    (
        "The company will cut 1,200 jobs by the end of next year, its chief executive said.",
        "The company reported a profit of 85 million euros for the third quarter.",
    ),
    (
        "Both ministers said they were ready to resume talks on the fishing quota.",
        "Fishermen blocked the harbour in Brest on Monday to protest against fuel prices.",
    ),
]


@cache
def encoder() -> SentenceEncoder:
    return SentenceEncoder()


def decisions(pairs: list[tuple[str, str]]) -> list[bool]:
    texts = [text for pair in pairs for text in pair]
    score = align.scores(texts, encoder()(texts))
    linked = align.same_statement(score)
    return [bool(linked[2 * k, 2 * k + 1]) for k in range(len(pairs))]


def test_encoder_gives_unit_vectors_and_paraphrases_are_closer_than_strangers() -> None:
    vectors = encoder()([PARAPHRASES[0][0], PARAPHRASES[0][1], NON_PAIRS[2][1], ""])
    assert vectors.shape == (4, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    assert encoder()([]).shape == (0, DIMENSIONS)


def test_paraphrases_are_one_statement() -> None:
    assert decisions(PARAPHRASES) == [True, True, True]


def test_look_alikes_are_not_one_statement() -> None:
    assert decisions(NON_PAIRS) == [False, False, False]


def test_paraphrase_scores_above_look_alike_of_the_same_sentence() -> None:
    texts = [PARAPHRASES[0][0], PARAPHRASES[0][1], NON_PAIRS[0][1]]
    score = align.scores(texts, encoder()(texts))
    assert score[0, 1] > score[0, 2]
    assert np.allclose(score, score.T)


def test_different_numbers_weigh_against_one_statement() -> None:
    same = "Police said 14 people were injured in the crash on the motorway."
    texts = [
        same,
        "Police said 14 people were hurt in the motorway crash.",
        "Police said 41 people were hurt in the motorway crash.",
    ]
    score = align.scores(texts, encoder()(texts))
    assert score[0, 1] > score[0, 2]


def test_terms_read_names_numbers_and_dates() -> None:
    found = align.terms(["On Friday the Armenian leader met Aliyev in Sochi; 1,200 troops and two tanks left in 2021."])
    assert found.names.sum() == 3  # armeni, aliyev, sochi: "On" opens the sentence
    assert found.numbers.sum() == 2  # 1200, two
    assert found.dates.sum() == 2  # friday, 2021


def test_dates_agree_when_one_holds_the_other() -> None:
    texts = ["It was signed in 2020.", "The deal of last November.", "It fell on May 3, 2024.", "It rose on May 4."]
    resolved = [{"2020"}, {"2020-11"}, {"2024-05-03"}, {"2024-05-04"}]
    found = align.terms(texts, resolved)
    overlap, apart = align._overlap(found.dates, found.dates_agree)
    # 2020 holds November 2020: they agree, as exact values once did not
    assert overlap[0, 1] == 1.0 and apart[0, 1] == 0.0
    # "2024" written in "May 3, 2024" is that day, so it does not hold May 4: only the month word is shared
    assert overlap[2, 3] == 0.5 and apart[2, 3] == 0.0
    assert overlap[0, 2] == 0.0 and apart[0, 2] == 1.0


def article(article_id: str, sentences: list[str]) -> tuple[Article, ArticleExtraction]:
    text = " ".join(sentences)
    bounds, at = [], 0
    for sentence in sentences:
        bounds.append(Sentence(article=article_id, start=at, end=at + len(sentence)))
        at += len(sentence) + 1
    notes = ArticleAnnotations(article=article_id, sentences=tuple(bounds))
    return Article(id=article_id, source=f"{article_id}.txt", text=text), ArticleExtraction(annotations=notes)


def test_embedder_embeds_only_stories_of_several_originals_and_loads_once() -> None:
    loads: list[int] = []

    def load() -> SentenceEncoder:
        loads.append(1)
        return encoder()

    a, b, c, d = (article(i, [f"Sentence one of {i}.", f"Sentence two of {i}."]) for i in "abcd")
    several = StoryJob(members=(a[0], b[0]), extractions={"a": a[1], "b": b[1]}, copies={})
    alone = StoryJob(members=(c[0],), extractions={"c": c[1]}, copies={})
    copied = StoryJob(members=(c[0], d[0]), extractions={"c": c[1], "d": d[1]}, copies={"d": "c"})
    embed = StoryEmbedder(load)
    assert embed([alone, copied]) == [alone, copied]
    assert loads == []
    first, second, third = embed([several, alone, copied])
    assert set(first.embeddings) == {"a", "b"}
    assert first.embeddings["a"].shape == (2, DIMENSIONS)
    # rounded to float16 as kept, so a story compares alike with vectors made now or read back from the store
    assert np.allclose(first.embeddings["b"][1], encoder()(["Sentence two of b."])[0], atol=2e-3)
    assert second.embeddings == {} and third.embeddings == {}
    assert set(embed.take_made()) == {"a", "b"} and embed.take_made() == {}
    kept = StoryJob(
        members=(a[0], b[0]), extractions={"a": a[1], "b": b[1]}, copies={}, embeddings={"a": first.embeddings["a"]}
    )
    (again,) = embed([kept])
    assert set(embed.take_made()) == {"b"}, "an article whose vectors the job carries is not embedded again"
    assert np.array_equal(again.embeddings["a"], first.embeddings["a"])
    assert loads == [1]


def test_embedder_makes_again_vectors_kept_for_another_cut_into_units() -> None:
    a = article("a", ["The bridge in the old town closed for repairs on Monday and reopened to traffic on Friday."])
    b = article("b", ["The bridge reopened."])
    # kept from a reading of the text as one sentence: one row, where the text now has two clauses
    stale = np.zeros((1, DIMENSIONS), dtype=np.float32)
    job = StoryJob(members=(a[0], b[0]), extractions={"a": a[1], "b": b[1]}, copies={}, embeddings={"a": stale})
    embed = StoryEmbedder(encoder)
    (done,) = embed([job])
    assert done.embeddings["a"].shape == (2, DIMENSIONS)
    assert set(embed.take_made()) == {"a", "b"}
