"""Turning input bytes into text: byte-order marks, declared charsets (HTTP header, then HTML meta), then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
# Control characters other than tab, newline, form feed and carriage return do not occur in real text.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
# Encodings detection may choose among for news pages; keeps it from answering with exotic code pages.
_CANDIDATES = ["utf_8", "cp1251", "koi8_r", "cp1252", "latin_1", "gb18030", "shift_jis"]


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def looks_binary(data: bytes) -> bool:
    """True when a sample of the bytes has the control characters of binary data rather than text."""
    sample = data[:8192]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > 0.01


# Declared charsets browsers read as their supersets (the WHATWG encoding standard): pages declare the old name and
# write characters only the superset has.
_BROWSER_SUPERSETS = {"gb2312": "gbk", "euc_kr": "cp949"}


def _known_codec(name: str) -> str | None:
    """The name of a text encoding Python knows ("base64", "zlib" or "rot13" are codecs, not text encodings)."""
    try:
        info = codecs.lookup(name.strip().lower())
    except LookupError:
        return None
    text_encoding = getattr(info, "_is_text_encoding", True)
    if not text_encoding or info.name == "undefined":
        return None
    return _BROWSER_SUPERSETS.get(info.name, info.name)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a meta tag, if it names one Python knows."""
    match = _DECLARED_CHARSET.search(data[:4096])
    return _known_codec(match.group(1).decode("ascii", "ignore")) if match else None


def header_charset(content_type: str | None) -> str | None:
    """The charset an HTTP ``Content-Type`` header names (``text/html; charset=windows-1251``), if Python knows it."""
    match = _HEADER_CHARSET.search(content_type or "")
    return _known_codec(match.group(1)) if match else None


def _decode_declared(data: bytes, charset: str) -> tuple[str, str] | None:
    """The bytes decoded in a declared charset, or None when they do not decode cleanly in it.

    Bytes that are valid UTF-8 with some non-ASCII in them are UTF-8 whatever another declaration says: servers
    often label UTF-8 pages ISO-8859-1, which decodes anything (to mojibake), while other text is almost never
    valid UTF-8 by chance.
    """
    if charset != "utf-8" and not data.isascii():
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(charset), charset
    except UnicodeError:
        return None


def _decode_marked(data: bytes, encoding: str) -> str:
    """Bytes behind a byte-order mark: a stray bad byte becomes U+FFFD; text that is mostly not in the marked
    encoding is refused."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    if text.count("\ufffd") > max(1, len(text) // 100):
        name = encoding.removesuffix("-sig").upper()
        raise UndecodableError(f"it starts with a {name} byte-order mark, but its bytes are not {name}")
    return text


def decode_bytes(data: bytes, *, html: bool = False, charset: str | None = None) -> tuple[str, str]:
    """Decode input bytes, returning the text and the encoding used.

    Order: a byte-order mark, then the ``charset`` given by the transport (an HTTP header) and (for HTML) the one the
    page declares, each only when it decodes cleanly, then strict UTF-8, then a declared charset that decodes all but
    a stray byte in a thousand characters, then statistical detection restricted to encodings news pages use.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_marked(data, encoding), encoding
    if looks_binary(data):
        raise UndecodableError("it looks like binary data, not text")
    declarations = [
        c for c in (_known_codec(charset) if charset else None, declared_charset(data) if html else None) if c
    ]
    for declared in declarations:
        if decoded := _decode_declared(data, declared):
            return decoded
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for declared in declarations:  # as a browser reads it: a stray bad byte becomes U+FFFD
        try:
            text = data.decode(declared, errors="replace")
        except UnicodeError:  # a codec that takes no error handler (idna, punycode): no web charset anyway
            continue
        if text.count("\ufffd") <= max(1, len(text) // 1000):
            return text, declared
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None or best.encoding is None:
        raise UndecodableError("its bytes are not text in any encoding recognised")
    return str(best), best.encoding
