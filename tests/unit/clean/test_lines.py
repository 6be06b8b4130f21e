"""The line model's pieces: word counts across scripts, line identity across pages, features and the shipped model."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.clean.lines import (
    FEATURES,
    body_lines,
    document_counts,
    elsewhere_counts,
    features,
    headline_runs,
    is_cjk_headline,
    is_comment_marker,
    line_key,
    text_line_keys,
    with_elsewhere,
    word_count,
)
from rashomon.clean.page_text import classify_line

BODY = [
    "The council voted on Monday to keep the old library open for at least another five years.",
    "Residents had collected more than four thousand signatures against the planned closure last spring.",
    "The mayor said the building would need a new roof and heating before the winter of next year.",
]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("The ferry left at dawn.", 5.0),
        ("图书馆明年继续开放", 4.5),  # Chinese: 9 Han characters, about two a word
        ("図書館は来年も開館を続けることが決まりました。", 22 / 3),  # Japanese (kana): about three a word
        ("Kindle for PCの設定を変更しました。", 3 + 10 / 3),  # spaced words beside unspaced characters
    ],
)
def test_word_count_reads_unspaced_scripts(line: str, words: float) -> None:
    assert word_count(line) == words


def test_line_key_ignores_case_spacing_and_digits() -> None:
    assert line_key("Share this story  ") == line_key("share THIS story")
    assert line_key("12 comments") == line_key("37 comments")
    assert line_key("Share this story") != line_key("Share this page")


def test_document_counts_count_pages_not_occurrences() -> None:
    pages = ["Menu\nShare\nShare\nFirst story", "Menu\nSecond story", "Menu\nShare"]
    counts = document_counts(text_line_keys(page) for page in pages)
    assert counts[line_key("Menu")] == 3
    assert counts[line_key("Share")] == 2
    assert counts[line_key("First story")] == 1


def test_elsewhere_counts_leave_the_page_itself_out() -> None:
    counts = {line_key("Menu"): 3}
    assert elsewhere_counts(["Menu", "Only here"], counts) == [2, 0]
    assert elsewhere_counts(["Menu"], None) is None


def test_features_have_one_row_per_line_and_one_column_per_name() -> None:
    lines = ["Menu", *BODY, "Share on Facebook"]
    classes = ["short", "body", "body", "body", "short"]
    matrix = features(lines, classes, None, [3, 0, 0, 0, 2])
    assert matrix.shape == (len(lines), len(FEATURES))
    assert matrix[0, FEATURES.index("log_elsewhere")] > 0
    assert matrix[1, FEATURES.index("log_elsewhere")] == 0


def test_neighbourhood_features_count_body_lines_near_each_line() -> None:
    lines = ["Menu", "Search", *BODY, "Share", "12 comments", "Ann says:", "Reply"]
    classes = [classify_line(line) for line in lines]
    matrix = features(lines, classes, None)
    near = matrix[:, FEATURES.index("near_body_2")]
    # "Menu": itself, "Search" and the first body line in reach (the page starts there); "Search": 2 of 4.
    assert near[0] == pytest.approx(1 / 3)
    assert near[1] == pytest.approx(2 / 4)
    assert near[3] == pytest.approx(3 / 5)
    gaps = np.expm1(matrix[:, FEATURES.index("log_gap_to_body")])
    assert gaps.round().tolist() == [2, 1, 0, 0, 0, 1, 2, 3, 4]
    assert matrix[-1, FEATURES.index("comment_density")] == pytest.approx(3 / 6)  # "12 comments", "Ann says:", "Reply"


def test_a_page_without_body_lines_is_far_from_body_everywhere() -> None:
    matrix = features(["Menu", "Search"], ["short", "short"], None)
    assert np.expm1(matrix[:, FEATURES.index("log_gap_to_body")]).round().tolist() == [2, 2]


def test_counts_from_other_documents_filled_in_equal_features_made_with_them() -> None:
    lines = ["Menu", *BODY, "Share on Facebook"]
    classes = ["short", "body", "body", "body", "short"]
    counts = [3, 0, 1, 0, 2]
    filled = with_elsewhere(features(lines, classes, None), counts)
    assert np.array_equal(filled, features(lines, classes, None, counts))


def test_shipped_model_keeps_sentences_and_drops_navigation() -> None:
    lines = ["Home", "News", "Sport", "Library stays open", *BODY, "Share on Facebook", "Share on X", "Contact us"]
    classes = ["short"] * 4 + ["body"] * 3 + ["short"] * 3
    kept = [
        line
        for line, chosen in zip(lines, body_lines(features(lines, classes, "Library stays open")), strict=True)
        if chosen
    ]
    assert kept == BODY


def test_shipped_model_drops_a_cookie_notice_after_the_article() -> None:
    notice = "This website uses cookies to improve your experience while you navigate through the website."
    lines = ["Home", "Library stays open", *BODY, "Share on Facebook", notice, "Accept"]
    classes = [classify_line(line) for line in lines]
    kept = [
        line
        for line, chosen in zip(lines, body_lines(features(lines, classes, "Library stays open")), strict=True)
        if chosen
    ]
    assert classes[lines.index(notice)] == "debris"
    assert kept == BODY


def test_a_line_in_a_script_without_case_has_no_capital_share() -> None:
    capitals = FEATURES.index("capital_share")
    rows = features(["東京で会議が開かれた。", "Tokyo hosts the talks"], ["short", "short"], None)
    assert np.isnan(rows[0, capitals])
    assert rows[1, capitals] == 0.25


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("フジテレビ問題が小池都政に飛び火！ 東京都には数々の「日枝案件」…都議会で追及の的に", True),
        ("図書館は来年も開館を続けることが決まりました。", False),  # a sentence
        ("市长说这座楼明年要换屋顶吗？", False),  # a question ends a sentence too
        ("The council voted on Monday", False),  # not in those scripts
    ],
)
def test_a_cjk_headline_is_short_and_holds_no_sentence(line: str, headline: bool) -> None:
    assert is_cjk_headline(line) is headline


def test_only_runs_of_cjk_headlines_are_marked() -> None:
    sentence = "図書館は来年も開館を続けることが決まりました。"
    headlines = ["市長が新しい予算案を発表", "駅前の再開発計画が決定", "台風10号が九州に接近", "大学入試の日程が変更"]
    lines = [sentence, headlines[0], sentence, *headlines, sentence]
    assert headline_runs(lines) == [False, False, False, True, True, True, True, False]
    assert headline_runs(headlines[:3]) == [False, False, False]


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("by Pieroxy (222434) writes: on Tuesday July 24, @10:34AM (#40749375) Homepage", True),
        ("by Anonymous Coward writes:", True),
        ("Posted by: Shaun of New Zealand 5:22pm January 08, 2008", True),
        ("37 minutes ago (12:39 PM)", True),
        ('An anonymous reader writes "I am pretty computer literate, and have a son."', False),
    ],
)
def test_comment_markers(line: str, marker: bool) -> None:
    assert is_comment_marker(line) is marker
