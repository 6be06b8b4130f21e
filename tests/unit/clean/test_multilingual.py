"""Cleaning pages in other languages than English: boilerplate words, bylines, short posts, CJK and streamed parts."""

from __future__ import annotations

import pytest

from rashomon.clean.article import clean
from rashomon.clean.html.page import parse_html
from rashomon.clean.html.textblocks import read_blocks
from rashomon.clean.html.textdensity import density_paragraphs
from rashomon.clean.lines import FUNCTION_WORDS
from rashomon.clean.page_text import classify_line
from rashomon.model import Article, RawDocument


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Veröffentlicht am 13. Mai 2026 um 15:44", "meta"),
        ("Stand: 24.04.2024 22:58 Uhr", "meta"),
        ("Publié le 3 mars 2025 à 10h12", "meta"),
        ("Mehr zum Thema", "tail"),
        ("Lire aussi", "tail"),
        ("Noticias relacionadas", "tail"),
        ("Читайте также", "tail"),
        ("3 Min Lesezeit", "debris"),
        ("Anzeige", "debris"),
        ("Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.", "debris"),
        ("Nous utilisons des cookies : accepter les cookies ou refuser.", "debris"),
        ("Hat Ihnen der Text gefallen? Dann unterstützen Sie uns mit einer Spende.", "debris"),
        ("© Zeitung Beispielstadt 2025. Alle Rechte vorbehalten.", "debris"),
        ("Todos los derechos reservados para el diario de ejemplo.", "debris"),
        ("Von Anna Beispiel und Jan Muster 06.11.2025, 21:00 Uhr", "byline"),
        ("Par Jeanne Exemple", "byline"),
        ("Bild: Max Muster/dpa", "caption"),
        ("Die Ministerin besucht die Baustelle am Hafen. © Max Muster (hr)", "caption"),
        ("Themen: Mobilfunk, Tarife, Vodafone", "debris"),
        ("Mots-clés : élections, Assemblée", "debris"),
        ("Siehe auch", "tail"),
        ("Czytaj więcej", "debris"),
        ("Link kopieren", "debris"),
        ("Lees meer ›", "debris"),
        ("22.11.2024 07.57", "debris"),
        ("21:52 Uhr", "debris"),
    ],
)
def test_boilerplate_in_other_languages(line: str, kind: str) -> None:
    assert classify_line(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Kommentare von Politikern aller Parteien kamen am Montag rasch, und sie fielen deutlich aus.",
        "Von Berlin aus fuhr der Zug am Abend weiter nach Hamburg, wo er gegen Mitternacht ankam.",
        "Die Quelle des Flusses liegt in den Bergen, weit oberhalb des kleinen Dorfes im Tal.",
        "Themen wie Klima und Verkehr bestimmten den Wahlkampf in der Stadt bis zuletzt.",
    ],
)
def test_prose_that_opens_like_boilerplate_stays_body(line: str) -> None:
    assert classify_line(line) == "body"


def test_function_words_of_several_languages() -> None:
    assert {"the", "und", "les", "los", "della", "для"} <= FUNCTION_WORDS


def test_a_short_post_is_an_article_not_a_rejection() -> None:
    html = (
        "<html><body><div class='post'><h2>Herbstgirlande</h2>"
        "<p>Eine einfache Girlande aus bunten Blättern<br>für den Tisch im Herbst<br>zum Nachbasteln.</p>"
        "</div></body></html>"
    )
    result = clean(RawDocument(id="x", source="x", kind="html", content=html))
    assert isinstance(result, Article)
    assert "Girlande aus bunten Blättern" in result.text


def test_a_chinese_page_without_spaced_sentences_is_an_article() -> None:
    html = (
        "<html><body><div><p>" + "今天市政府宣布，新的公交线路将于下个月开通，方便居民出行" + "</p></div></body></html>"
    )
    assert isinstance(clean(RawDocument(id="x", source="x", kind="html", content=html)), Article)


def test_chinese_commas_score_a_paragraph() -> None:
    sentence = "市政府周一宣布，新的夜间公交线路将延伸到三个郊区，官员表示，首批线路将于春季开通。"
    body = (
        "<div class='list'>"
        + "".join(f"<p><a href='/{i}'>链接{i}</a> 简短的标题文字在这里列出</p>" for i in range(6))
        + "</div><div class='story'>"
        + "".join(f"<p>{sentence}</p>" for _ in range(3))
        + "</div>"
    )
    tree = parse_html(f"<html><body>{body}</body></html>")
    assert density_paragraphs(read_blocks(tree.css_first("body"))) == [sentence] * 3


def test_a_streamed_react_part_is_not_hidden_text() -> None:
    paragraphs = [
        f"The council voted on Monday to extend the night bus service, item {i}, officials said." for i in range(4)
    ]
    body = "<div hidden id='S:1a'><section>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</section></div>"
    tree = parse_html(f"<html><body><nav><a href='/'>Home</a></nav>{body}</body></html>")
    assert density_paragraphs(read_blocks(tree.css_first("body"))) == paragraphs


def test_a_picture_post_whose_only_prose_is_its_comments_keeps_them() -> None:
    comment = "What a wonderful picture of the old harbour, it reminds me of the summers we spent there as children."
    page = (
        "<html><body><div class='post'><h1>Summer harbour</h1><img src='harbour.jpg'></div>"
        f"<div id='comments'>{''.join(f'<p>{n} readers wrote: {comment}</p>' for n in range(4))}</div></body></html>"
    )
    result = clean(RawDocument(id="p", source="p.html", kind="html", content=page))
    assert isinstance(result, Article)
    assert comment in result.text
