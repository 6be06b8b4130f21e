"""Flattened page text: menus and rows of figures, blocks of kept lines apart from the article, and capitals in
languages that capitalise nouns."""

from __future__ import annotations

import math

import pytest

from rashomon.clean.lines import FEATURES, PROSE_CAPITAL_SHARE, features, is_word_list
from rashomon.clean.page_text import _main_block, classify_line

PARAGRAPHS = [
    "The harbour authority said on Tuesday that the old pier would close for repairs until the end of the summer.",
    "Fishing boats that used the pier will moor at the eastern quay, where extra ladders and lights are being fitted.",
    "Engineers found that several wooden piles had rotted through after decades of salt water and heavy storms.",
    "The work is expected to cost about two million and will be paid for by the region and the port together.",
    "Local traders asked for a footbridge to be kept open so that visitors can still reach the fish market.",
    "A spokesperson said the authority would publish a timetable for the repairs before the end of the month.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Home News Sports Business Travel Weather Opinion Obituaries Classifieds Jobs Cars Homes Contact",
        "Northport Daily - Eastfield Courier - Westbay Times - Harbour Herald - Valley Gazette - Hill Post",
        "10,000 20,000 30,000 40,000 50,000 60,000 70,000 80,000 90,000",
        "#2.14 - Wed Mar 12, 2025 4:30 PM EST",
    ],
)
def test_menus_and_rows_of_figures_are_word_lists(line: str) -> None:
    assert is_word_list(line)


@pytest.mark.parametrize(
    "line",
    [
        PARAGRAPHS[0],
        "Die Stadtverwaltung hat am Dienstag angekündigt, dass die alte Brücke im Sommer saniert werden soll",
        "New Council Leader Promises Faster Repairs To Harbour Roads",  # a headline: too few words for a menu
        "港口管理局周二表示旧码头将关闭维修直到夏季结束港口管理局周二表示",
        "In 2024, 12 of the 40 boats were older than 30 years, and 8 of them were sold.",
        # Prose of large numbers, each split into several "words" by its separators, with or without its full stop.
        "The 2024 budget is $4,350,000,000, up from $4,100,000,000 in 2023 and $3,900,000,000 in 2022.",
        "Sales rose from 1,200,000 in 2019 to 1,350,000 in 2020 and 1,500,000 in 2021",
    ],
)
def test_prose_headlines_and_unspaced_scripts_are_no_word_lists(line: str) -> None:
    assert not is_word_list(line)


def test_a_small_block_far_from_the_article_is_dropped() -> None:
    texts = [*PARAGRAPHS, *(["Menu item"] * 8), "A short teaser about another story from the same site today."]
    keep = [True] * len(PARAGRAPHS) + [False] * 8 + [True]
    assert _main_block(texts, keep) == [True] * len(PARAGRAPHS) + [False] * 9


def test_blocks_of_similar_size_are_both_kept() -> None:
    texts = [*PARAGRAPHS[:3], *(["Advertisement placeholder"] * 8), *PARAGRAPHS[3:]]
    keep = [True] * 3 + [False] * 8 + [True] * 3
    assert _main_block(texts, keep) == keep


GERMAN = [
    "Die Hafenbehörde hat am Dienstag mitgeteilt, dass der alte Steg bis zum Ende des Sommers gesperrt bleibt.",
    "Die Fischer sollen ihre Boote in dieser Zeit am östlichen Kai festmachen, wo zusätzliche Leitern entstehen.",
    "Nach Angaben der Ingenieure sind mehrere Holzpfähle nach vielen Jahrzehnten im Salzwasser verrottet.",
    "Die Arbeiten kosten rund zwei Millionen Euro und werden von der Region und dem Hafen gemeinsam bezahlt.",
]


def _capital_shares(lines: list[str]) -> list[float]:
    matrix = features(lines, [classify_line(line) for line in lines], None)
    return [float(value) for value in matrix[:, FEATURES.index("capital_share")]]


def test_german_prose_reads_as_capitalised_as_english_prose() -> None:
    shares = _capital_shares(GERMAN)
    median = sorted(shares)[len(shares) // 2 - 1 : len(shares) // 2 + 1]
    assert math.isclose(sum(median) / 2, PROSE_CAPITAL_SHARE, abs_tol=0.01)


def test_english_capital_shares_are_left_as_they_are() -> None:
    words = PARAGRAPHS[0].split()
    capitals = sum(word[0].isupper() for word in words) / len(words)
    assert _capital_shares(PARAGRAPHS)[0] == pytest.approx(capitals)
