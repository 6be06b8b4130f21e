"""The body's language: identified from the text, else as stated; declared tags reduced to their language."""

from __future__ import annotations

import pytest

from rashomon.clean.language import CONFIRMING_CHARS, article_language, identify, primary_subtag

ENGLISH = "The council voted on Monday to keep the old library open for at least another five years, officials said."
GERMAN = "Der Stadtrat hat am Montag beschlossen, die alte Bibliothek mindestens fünf weitere Jahre offen zu halten."
RUSSIAN = "Городской совет в понедельник проголосовал за то, чтобы старая библиотека работала ещё не менее пяти лет."


@pytest.mark.parametrize(("text", "language"), [(ENGLISH, "en"), (GERMAN, "de"), (RUSSIAN, "ru")])
def test_identify_reads_the_language_of_a_sentence(text: str, language: str) -> None:
    assert identify(text) == language


@pytest.mark.parametrize("text", ["Home", "12 34 56 78 90 12 34 56 78 90", ""])
def test_identify_gives_nothing_for_too_little_text(text: str) -> None:
    assert identify(text) is None


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("en-US", "en"),
        ("pt_BR", "pt"),
        (" DE ", "de"),
        ("zh-Hant-TW", "zh"),
        ("", None),
        ("english", None),
        (None, None),
    ],
)
def test_primary_subtag(tag: str | None, language: str | None) -> None:
    assert primary_subtag(tag) == language


def test_the_body_wins_over_a_wrong_declaration_and_a_declaration_fills_in_for_a_short_body() -> None:
    assert article_language(GERMAN, "en-US") == "de"
    assert article_language("Short.", "en-US") == "en"
    assert article_language("Short.", None) is None


def test_a_declaration_the_opening_confirms_is_taken_and_one_it_does_not_is_checked_on_more_text() -> None:
    # An English quote opening a German article: the page's "de" is not confirmed by the opening, and the
    # identification of the longer sample decides; "en" for the same text is confirmed by the opening at once.
    quoted = f"{ENGLISH} {ENGLISH} {GERMAN} {GERMAN} {GERMAN} {GERMAN}"
    assert identify(quoted, CONFIRMING_CHARS) == "en"
    assert article_language(quoted, "en") == "en"
    assert article_language(quoted, "de") == identify(quoted)
    assert article_language(RUSSIAN, "ru-RU") == "ru"
