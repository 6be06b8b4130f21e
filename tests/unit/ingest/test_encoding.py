"""Tests for `decode_bytes`: byte-order marks, declared charsets, detection, and binary junk."""

from __future__ import annotations

import codecs

import pytest

from rashomon.ingest.encoding import UndecodableError, declared_charset, decode_bytes, looks_binary

RUSSIAN = (
    "Вчера вечером в центре города прошло большое собрание жителей. "
    "Они обсуждали ремонт дорог, новые автобусные маршруты и цены на отопление. "
    "Глава района пообещал ответить на все вопросы до конца месяца."
)
FRENCH = (
    "Le maire a présenté hier soir un projet très ambitieux pour la rénovation du théâtre. "
    "Les élus de l'opposition ont critiqué le coût élevé des travaux prévus. "
    "Selon lui, le chantier débutera à l'été et durera près de deux ans."
)


@pytest.mark.parametrize(
    ("data", "encodings"),
    [
        pytest.param(RUSSIAN.encode("cp1251"), {"cp1251"}, id="cp1251"),
        pytest.param(RUSSIAN.encode("koi8_r"), {"koi8_r"}, id="koi8_r"),
        pytest.param(RUSSIAN.encode("utf-16"), {"utf-16"}, id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"), {"utf-8-sig"}, id="utf-8-bom"),
        pytest.param(RUSSIAN.encode("utf-8"), {"utf-8"}, id="utf-8"),
    ],
)
def test_russian_text_decodes_in_every_common_encoding(data: bytes, encodings: set[str]) -> None:
    text, encoding = decode_bytes(data)
    assert text == RUSSIAN
    assert encoding in encodings


def test_latin1_french_decodes_with_its_accents() -> None:
    text, encoding = decode_bytes(FRENCH.encode("latin-1"))
    assert text == FRENCH
    # cp1252 is a superset of latin-1 for these letters; either answer gives the same text.
    assert encoding in {"latin_1", "cp1252"}


def test_utf8_bom_is_not_left_in_the_text() -> None:
    text, _ = decode_bytes(codecs.BOM_UTF8 + b"Plain words.")
    assert text == "Plain words."


def test_html_declared_charset_is_used() -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>Новости района</title></head>'
        f"<body><p>{RUSSIAN}</p></body></html>"
    ).encode("cp1251")
    text, encoding = decode_bytes(page, html=True)
    assert encoding == "cp1251"
    assert RUSSIAN in text
    assert "<title>Новости района</title>" in text


def test_declared_charset_that_does_not_decode_falls_back_to_utf8() -> None:
    # Declares ASCII but holds UTF-8 Cyrillic: the declaration must not make the page unreadable.
    page = f'<html><head><meta charset="us-ascii"></head><body>{RUSSIAN}</body></html>'.encode()
    text, encoding = decode_bytes(page, html=True)
    assert encoding == "utf-8"
    assert RUSSIAN in text


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="windows-1251">', "cp1251"),
        (b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=koi8-r'>", "koi8-r"),
        (b'<meta charset="no-such-charset">', None),
        (b'<meta charset="gb2312">', "gbk"),  # read as browsers do: the superset
        (b'<meta charset="euc-kr">', "cp949"),
        (b"<p>no declaration here</p>", None),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected


def test_a_page_declaring_gb2312_with_characters_only_gbk_has_decodes() -> None:
    body = "镕基访问了北京的工厂，" * 5  # 镕 is in GBK, not in GB 2312
    data = f'<html><head><meta charset="gb2312"></head><body><p>{body}</p></body></html>'.encode("gbk")
    text, encoding = decode_bytes(data, html=True)
    assert (encoding, body in text) == ("gbk", True)


def test_a_stray_bad_byte_in_a_declared_charset_becomes_a_replacement_character() -> None:
    body = "北京的工厂今天重新开工了，工人们回到了生产线。" * 20
    page = f'<html><head><meta charset="gbk"></head><body><p>{body}</p></body></html>'.encode("gbk")
    broken = page[:200] + b"\xb0" + page[200:]
    text, encoding = decode_bytes(broken, html=True)
    assert (encoding, text.count("\ufffd")) == ("gbk", 1)


@pytest.mark.parametrize(
    "junk",
    [
        pytest.param(bytes(range(256)) * 20, id="all-bytes"),
        pytest.param(b"\x00\x01\x02\x03PK\x03\x04" * 500, id="zip-like"),
    ],
)
def test_binary_junk_is_undecodable(junk: bytes) -> None:
    assert looks_binary(junk)
    with pytest.raises(UndecodableError, match="binary"):
        decode_bytes(junk)


def test_text_with_tabs_and_newlines_is_not_binary() -> None:
    assert not looks_binary(b"col one\tcol two\r\nnext line\n\x0cnew page")
    assert not looks_binary(b"")


@pytest.mark.parametrize("charset", ["base64", "hex", "zlib", "rot13", "bz2", "undefined", "uu"])
def test_a_declared_codec_that_is_no_text_encoding_is_ignored(charset: str) -> None:
    page = f'<html><head><meta charset="{charset}"></head><body><p>Les écoles rouvrent lundi.</p></body></html>'
    text, encoding = decode_bytes(page.encode("utf-8"), html=True)
    assert "écoles" in text
    assert encoding == "utf-8"


def test_a_stray_bad_byte_after_a_byte_order_mark_is_replaced_and_a_wrong_mark_refused() -> None:
    sentence = b"The bridge reopened on Tuesday after two years of repairs. "
    text, _ = decode_bytes(codecs.BOM_UTF8 + sentence * 5 + b"\xff" + sentence * 5)
    assert text.startswith("The bridge") and text.count("\ufffd") == 1
    with pytest.raises(UndecodableError, match="UTF-8 byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfa" * 50)
    odd = codecs.BOM_UTF16_LE + "The bridge reopened.".encode("utf-16-le") + b"A"  # an odd number of bytes
    assert decode_bytes(odd)[0].startswith("The bridge reopened.")
