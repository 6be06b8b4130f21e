"""Malformed inputs for the fuzz suite (issue 17: "nothing a file can do to it"), deterministic from a seed.

`generate` writes a folder of files rashomon reads: random and mutated bytes under every input extension, broken
gzip (truncated, bombs, several members), bad encodings and byte-order marks, huge lines, nesting bombs in HTML,
JSON and XML, JSON of the wrong types, huge numbers and ids, broken WARC records, XML entity bombs and external
entities, non-text charsets, odd file names, link loops, dangling links, pipes and hidden files; and among them a
known number of valid articles (short invented news texts), each carrying a marker word found nowhere else, so a
test can check that every one of them is kept exactly once.

Run alone to look at the inputs: `.venv/bin/python tests/fuzz/generate.py OUT [--count 2000] [--seed 17]`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# Every extension the ingest stage reads, plainly and gzipped.
PLAIN_EXTENSIONS = (".txt", ".html", ".htm", ".jsonl", ".json", ".ndjson", ".warc", ".rss", ".atom", ".xml")
EXTENSIONS = (*PLAIN_EXTENSIONS, *(f"{ext}.gz" for ext in PLAIN_EXTENSIONS))
# Charsets a page may declare that are no text encodings (codecs of bytes, or Python's "undefined").
NON_TEXT_CHARSETS = ("base64", "hex", "zlib", "rot13", "bz2", "undefined", "uu", "quopri", "idna", "punycode", "x")
VALID_FORMATS = ("txt", "html", "jsonl", "jsonl.gz", "warc")
NESTING = 100_000
HUGE_DIGITS = 5_000
HUGE_ID = 1_000_000
FILLER_WORDS = (
    "council harbour river bridge market village station officials residents engineers weekend morning evening "
    "report plans budget repairs traffic school museum season farmers police ferry library hospital storm road "
    "workers building square garden train project festival island tower"
).split()


@dataclass(frozen=True, slots=True, kw_only=True)
class ValidArticle:
    """A valid article among the malformed inputs: where it is, how it is stored, and the marker word in its text."""

    marker: str
    path: str
    format: str
    id: str
    text: str


@dataclass(slots=True, kw_only=True)
class Corpus:
    """What `generate` wrote: the folder, how many inputs (files, links, pipes), and the valid articles among them."""

    folder: Path
    inputs: int = 0
    valid: list[ValidArticle] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)


Case = tuple[str, bytes]  # a file name (without folder) and its bytes


def generate(
    folder: Path, *, seed: int = 17, count: int = 2000, articles: int = 14, bomb_bytes: int = 200_000_000
) -> Corpus:
    """Write at least ``count`` inputs into ``folder`` (created), the same ones for the same arguments.

    ``articles`` valid ones (at most `len(TEXTS)`) are among them; ``bomb_bytes`` is what each gzip bomb expands
    to (200 MB of zeros is about 200 KB on disk).
    """
    rng = random.Random(seed)
    corpus = Corpus(folder=folder)
    folder.mkdir(parents=True, exist_ok=True)
    _write_valid(corpus, rng, articles)
    for kind, maker in _SPECIAL_CASES:
        for name, data in maker(rng):
            _write(corpus, f"special/{kind}", name, data, kind)
    for kind, name, data in _special_bombs(bomb_bytes):
        _write(corpus, "special/bombs", name, data, kind)
    _write_odd_entries(corpus, rng)
    index = 0
    while corpus.inputs < count:
        kind, maker = rng.choice(_RANDOM_CASES)
        name, data = maker(rng)
        _write(corpus, f"random/{index // 200:03d}", f"{index:05d}-{name}", data, kind)
        index += 1
    return corpus


def _write(corpus: Corpus, where: str, name: str, data: bytes, kind: str) -> Path:
    path = corpus.folder / where / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    corpus.inputs += 1
    corpus.kinds[kind] = corpus.kinds.get(kind, 0) + 1
    return path


# --- valid articles ---------------------------------------------------------------------------------------------


def _marker(seed_word: int, index: int) -> str:
    letters = "bcdfghjklmnpqrstvwxz"
    tail = "".join(letters[(seed_word >> (5 * k)) % 20] for k in range(4))
    return f"Zindel{tail}{letters[index % 20]}{letters[index // 20 % 20]}"


def _write_valid(corpus: Corpus, rng: random.Random, articles: int) -> None:
    records: list[tuple[ValidArticle, dict[str, str]]] = []
    seed_word = rng.getrandbits(20)
    for index, template in enumerate(TEXTS[:articles]):
        marker = _marker(seed_word, index)
        text = template.format(marker=marker)
        title = f"{' '.join(text.split()[:6]).rstrip(',.')}"
        form = VALID_FORMATS[index % len(VALID_FORMATS)]
        if form == "txt":
            name = f"article-{index:02d}.txt"
            _write(corpus, "valid", name, f"{title}\n\n{text}\n".encode(), "valid")
            corpus.valid.append(ValidArticle(marker=marker, path=f"valid/{name}", format=form, id=name, text=text))
        elif form == "html":
            name = f"article-{index:02d}.html"
            _write(corpus, "valid", name, _page(title, text).encode(), "valid")
            corpus.valid.append(ValidArticle(marker=marker, path=f"valid/{name}", format=form, id=name, text=text))
        elif form == "warc":
            name, url = f"article-{index:02d}.warc.gz", f"https://news.example.org/{index:02d}/{marker.lower()}"
            record = _warc_record(url, _page(title, text).encode())
            _write(corpus, "valid", name, gzip.compress(record, mtime=0), "valid")
            corpus.valid.append(ValidArticle(marker=marker, path=f"valid/{name}", format=form, id=url, text=text))
        else:
            record_id = f"fuzz-valid-{index:02d}"
            path = f"valid/records.{form}"
            article = ValidArticle(marker=marker, path=path, format=form, id=record_id, text=text)
            records.append((article, {"id": record_id, "title": title, "published": "2026-11-30", "body": text}))
    plain = [json.dumps(record) + "\n" for article, record in records if article.format == "jsonl"]
    zipped = [json.dumps(record) + "\n" for article, record in records if article.format == "jsonl.gz"]
    if plain:
        _write(corpus, "valid", "records.jsonl", "".join(plain).encode(), "valid")
        # The same file again later in the walk: each record's id is then read twice, the second refused.
        _write(corpus, "valid", "records-again.jsonl", "".join(plain).encode(), "valid")
    if zipped:  # one gzip member per record, as `cat a.gz b.gz` makes: every member must be read
        members = b"".join(gzip.compress(line.encode(), mtime=0) for line in zipped)
        _write(corpus, "valid", "records.jsonl.gz", members, "valid")
    corpus.valid.extend(article for article, _ in records)


def _page(title: str, text: str, *, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}<title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{title}</h1><p>{text}</p></article>"
        "<footer>All rights reserved.</footer></body></html>"
    )


def _warc_record(url: str, page: bytes, *, content_type: str = "text/html; charset=utf-8", length: int = -1) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type.encode("utf-8", "surrogateescape") + b"\r\n\r\n" + page
    size = len(http) if length < 0 else length
    header = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
        f"WARC-Date: 2026-11-30T10:00:00Z\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {size}\r\n\r\n"
    )
    return header.encode("utf-8") + http + b"\r\n\r\n"


# --- building blocks --------------------------------------------------------------------------------------------


def _filler(rng: random.Random, sentences: int, words: int = 10) -> str:
    return " ".join(
        " ".join(rng.choice(FILLER_WORDS) for _ in range(words)).capitalize() + "." for _ in range(sentences)
    )


def _feed(entries: str, *, prolog: str = "") -> bytes:
    return (
        f"<?xml version='1.0' encoding='utf-8'?>{prolog}<rss version='2.0'><channel><title>Fuzz Gazette</title>"
        f"{entries}</channel></rss>"
    ).encode()


def _entry(content: str, *, guid: str = "entry-1", title: str = "A headline") -> str:
    return (
        f"<item><title>{title}</title><guid>{guid}</guid><link>https://example.org/{guid[:50]}</link>"
        f"<description><![CDATA[{content}]]></description></item>"
    )


def _gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=1, mtime=0)


def _templates(rng: random.Random) -> dict[str, bytes]:
    """Well-formed inputs of each kind, with short filler text, for mutation."""
    body = _filler(rng, rng.randint(1, 4), rng.choice((4, 12)))
    record = {"id": "fuzz-template", "title": "Filler", "body": body, "published": "2026-11-29"}
    return {
        ".txt": f"Filler headline\n{body}\n".encode(),
        ".html": _page("Filler headline", body).encode(),
        ".jsonl": (json.dumps(record) + "\n" + json.dumps({**record, "id": "fuzz-template-2"}) + "\n").encode(),
        ".json": json.dumps([record, {"id": 7, "html": f"<p>{body}</p>"}]).encode(),
        ".warc": _warc_record("https://example.org/template", _page("Filler", body).encode()),
        ".rss": _feed(_entry(body + " " + _filler(rng, 40))),
        ".atom": (
            "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>F</title><entry><id>e1</id>"
            f"<title>T</title><content type='html'>&lt;p&gt;{body}&lt;/p&gt;</content></entry></feed>"
        ).encode(),
    }


def _mutate(rng: random.Random, data: bytes) -> bytes:
    """A few random edits: flipped, deleted, repeated and inserted bytes, a truncation, a nesting run."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(buffer) + 1)
        action = rng.randrange(7)
        if action == 0 and buffer:
            buffer[min(at, len(buffer) - 1)] ^= 1 << rng.randrange(8)
        elif action == 1:
            del buffer[at : at + rng.randint(1, 64)]
        elif action == 2:
            buffer[at:at] = buffer[at : at + rng.randint(1, 64)] * rng.randint(2, 50)
        elif action == 3:
            buffer[at:at] = rng.randbytes(rng.randint(1, 16))
        elif action == 4:
            del buffer[at:]
        elif action == 5:
            buffer[at:at] = rng.choice((b"[", b"{", b"<div>", b"<b>", b"<!--", b"<![CDATA[", b"&", b"\\u")) * 200
        else:
            buffer[at:at] = rng.choice(("\u2028", "\ufeff", "\x00", "\ud800", "é", "\U0001f600", "\r")).encode(
                "utf-8", "surrogatepass"
            )
    return bytes(buffer)


# --- random cases, drawn again and again --------------------------------------------------------------------------


def _random_bytes(rng: random.Random) -> Case:
    return f"bytes{rng.choice(EXTENSIONS)}", rng.randbytes(rng.choice((1, 2, 3, 17, 512, 4096, 20_000)))


def _random_text(rng: random.Random) -> Case:
    alphabet = rng.choice(("abc <>/&;\n", '{}[]":,0123456789\n', "ΑΒΓабвгдеж中文字\u200b\u202e ", "\t\r\n \x0c\x85"))
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3000)))
    return f"text{rng.choice(EXTENSIONS)}", _maybe_gz_name(rng, text.encode("utf-8"))


def _maybe_gz_name(rng: random.Random, data: bytes) -> bytes:
    return data if rng.random() < 0.7 else _gz(data)


def _mutated(rng: random.Random) -> Case:
    suffix, data = rng.choice(sorted(_templates(rng).items()))
    mutated = _mutate(rng, data)
    if rng.random() < 0.25:
        return f"mutated{suffix}.gz", _mutate(rng, _gz(mutated)) if rng.random() < 0.5 else _gz(mutated)
    return f"mutated{suffix}", mutated


_WEIRD_VALUES = (
    None,
    True,
    0,
    -1.5,
    1e308,
    [],
    ["a", "b"],
    {},
    {"nested": {"deeper": [1, 2]}},
    "",
    "   ",
    "\ud800",
    "\u0000",
    "x" * 5000,
    "<p>markup</p>",
    "2026-02-30",
    "99999-12-31",
    "0001-01-01",
)


def _wrong_types(rng: random.Random) -> Case:
    fields = ("id", "body", "text", "html", "title", "published", "outlet", "url", "byline", "language")
    record = {name: rng.choice(_WEIRD_VALUES) for name in fields if rng.random() < 0.6}
    line = json.dumps(record)
    if rng.random() < 0.3:  # a number of thousands of digits in some field, which json refuses to read
        key = rng.choice(fields)
        line = line.rstrip("}") + ("," if record else "") + f'"{key}": {"7" * HUGE_DIGITS}}}'
    return f"typed{rng.choice(('.jsonl', '.json', '.ndjson'))}", line.encode("utf-8", "surrogatepass")


def _charset_page(rng: random.Random) -> Case:
    charset = rng.choice(NON_TEXT_CHARSETS)
    head = rng.choice(
        (f"<meta charset='{charset}'>", f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
    )
    page = _page("Filler", _filler(rng, 2, 4), head=head).replace("<meta charset='utf-8'>", "")
    data = page.encode("utf-8") + rng.choice((b"", b"\xff\xfe\x80", "é".encode("latin-1")))
    return f"charset-{charset}{rng.choice(('.html', '.htm', '.html.gz'))}", data


def _encoded(rng: random.Random) -> Case:
    text = _filler(rng, 2, 5) + " Ærøskøbing naïve Москва 東京"
    data = rng.choice(
        (
            text.encode("utf-16-le"),
            text.encode("utf-16-be"),
            b"\xef\xbb\xbf" + rng.randbytes(64),
            b"\xff\xfe" + text.encode("utf-16-le") + b"x",
            b"\xfe\xff" + rng.randbytes(33),
            b"\xff\xfe\x00\x00" + rng.randbytes(61),
            text.encode("utf-8") + text.encode("cp1251", "replace") + text.encode("latin-1", "replace"),
            "\n".join(text.encode(e, "replace").decode("latin-1") for e in ("koi8_r", "shift_jis")).encode("latin-1"),
            b"\xc0\xaf\xe0\x80\xaf" * 50,
        )
    )
    return f"encoded{rng.choice(EXTENSIONS)}", data


def _broken_warc(rng: random.Random) -> Case:
    page = _page("Filler", _filler(rng, 2, 4)).encode()
    good = _warc_record(f"https://example.org/{rng.randrange(10**6)}", page)
    record = rng.choice(
        (
            good[: rng.randrange(len(good))],
            _warc_record("https://example.org/short", page, length=len(page) // 2),
            _warc_record("https://example.org/long", page, length=len(page) * 3),
            _warc_record("https://example.org/negative", page, length=10**30),
            good.replace(b"Content-Length", b"Content-Lenth"),
            good.replace(b"WARC/1.0", b"WARC/9.9"),
            good.replace(b"\r\n\r\n", b"\n", 1),
            good + rng.randbytes(200) + good,
            good.replace(b"text/html", b"text/html; charset=base64"),
            b"WARC/1.0\r\n" + b"X-Header: " + b"a" * 70_000 + b"\r\n\r\n",
        )
    )
    gzipped = rng.random() < 0.5
    if gzipped:
        record = _gz(record)[: None if rng.random() < 0.5 else -rng.randint(1, 20)]
    return "broken.warc" + (".gz" if gzipped else ""), record


_RANDOM_CASES: tuple[tuple[str, Callable[[random.Random], Case]], ...] = (
    ("random bytes", _random_bytes),
    ("random text", _random_text),
    ("mutated", _mutated),
    ("mutated", _mutated),
    ("mutated", _mutated),
    ("wrong types", _wrong_types),
    ("non-text charset", _charset_page),
    ("encoding", _encoded),
    ("broken warc", _broken_warc),
)


# --- special cases, written once each -----------------------------------------------------------------------------


def _empty_and_blank(rng: random.Random) -> Iterator[Case]:
    for ext in EXTENSIONS:
        yield f"empty{ext}", b""
        yield f"blank{ext}", b" \n\t\r\n" if not ext.endswith(".gz") else _gz(b" \n\n")
        inner = ext.removesuffix(".gz")
        template = _templates(rng).get(inner, _templates(rng)[".html"])
        yield f"truncated{inner}.gz", _gz(template)[: rng.randint(10, 60)]


def _gzip_oddities(rng: random.Random) -> Iterator[Case]:
    page = _page("Filler", _filler(rng, 2, 4)).encode()
    yield "gzip-in-gzip.html.gz", _gz(_gz(page))
    yield "gzip-then-junk.html.gz", _gz(page) + rng.randbytes(100)
    yield "gzip-then-zeros.html.gz", _gz(page) + bytes(1000)
    yield "gzip-members.html.gz", _gz(page[:100]) + _gz(page[100:])
    yield "gzip-empty-members.jsonl.gz", b"".join(_gz(b"") for _ in range(1000))
    yield "gzip-bad-crc.html.gz", _gz(page)[:-8] + b"\0" * 8
    yield "raw-deflate.html.gz", zlib.compress(page)
    yield "not-gzip.txt.gz", b"plain text, not gzip at all"


def _huge_lines(rng: random.Random) -> Iterator[Case]:
    line = ("word " * 600_000).encode()  # 3,000,000 characters, no break
    yield "huge-line.txt", line
    yield "huge-line.html", b"<html><body><p>" + line + b"</p></body></html>"
    yield "huge-line.jsonl", json.dumps({"id": "huge-line", "body": line.decode()}).encode()
    yield "huge-line-text.jsonl", json.dumps({"id": "huge-line-text", "text": line.decode()}).encode()
    yield "huge-line-cr.txt", ("word " * 100 + "\r").encode() * 6000 + line
    yield "huge-line-u2028.txt", ("word " * 100 + "\u2028").encode() * 6000
    yield "twenty-mb-line.txt", b"z" * 20_000_000
    yield "twenty-mb-line.jsonl", b'{"id": "twenty", "body": "' + b"z" * 20_000_000 + b'"}\n'
    yield "million-short-lines.txt", b"a\n" * 1_000_000
    yield "long-article.txt", ("Filler headline\n" + "\n".join(_filler(rng, 6) for _ in range(3500))).encode()
    yield (
        "long-article.jsonl",
        json.dumps({"id": "long-article", "body": "\n".join(_filler(rng, 6) for _ in range(3500))}).encode(),
    )
    yield "long-article.html", _page("Long", "</p><p>".join(_filler(rng, 6) for _ in range(3500))).encode()


def _nesting(rng: random.Random) -> Iterator[Case]:
    yield "nested-div.html", b"<html><body>" + b"<div>" * NESTING + b"text" + b"</div>" * NESTING + b"</body></html>"
    yield "nested-unclosed-b.html", b"<html><body>" + b"<b>" * NESTING + b"text"
    yield "nested-table.html", b"<table><tr><td>" * (NESTING // 3)
    yield "nested-arrays.json", b"[" * NESTING + b"]" * NESTING
    yield "nested-objects.json", b'{"a":' * NESTING + b"1" + b"}" * NESTING
    yield "nested-arrays.jsonl", b"[" * NESTING + b"\n" + json.dumps({"id": "after-nesting", "body": "x"}).encode()
    yield "nested-body.jsonl", b'{"id": "nested-body", "body": ' + b"[" * NESTING + b"]" * NESTING + b"}"
    yield "nested-open.json", b"[" * NESTING
    yield "nested.rss", _feed("<x>" * NESTING + "</x>" * NESTING)
    yield "nested-entry.rss", _feed(_entry("<div>" * 30_000 + _filler(rng, 60) + "</div>" * 30_000))
    yield "nested-sidecar.txt", b"Filler headline\n" + _filler(rng, 3).encode()
    yield "nested-sidecar.txt.meta.json", b"[" * NESTING + b"]" * NESTING
    yield "div-selfclosing.html", b"<html><body>" + b"<div/>" * 60_000 + b"<p>" + _filler(rng, 5).encode() + b"</p>"
    yield (
        "many-attributes.html",
        (b"<html><body><p " + b" ".join(b"a%d=x" % i for i in range(100_000)) + b">" + _filler(rng, 5).encode()),
    )
    yield "many-paragraphs.html", b"<html><body>" + b"<p>a b c</p>" * 100_000
    yield "many-comments.html", b"<html><body>" + b"<!-- x -->" * 100_000 + b"<!-- unterminated"
    yield "zalgo.txt", ("Filler headline\n" + "a" + "\u0301" * 200_000 + " " + _filler(rng, 4)).encode()


def _big_values(rng: random.Random) -> Iterator[Case]:
    digits = "9" * HUGE_DIGITS
    for key in ("id", "body", "title", "published", "outlet", "url", "byline", "language"):
        fields = {"id": '"big-number"', "body": json.dumps(_filler(rng, 3)), key: digits}
        yield f"digits-{key}.jsonl", ("{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}").encode()
        fields[key] = f"{digits}.5e{digits}"
        yield f"digits-float-{key}.json", ("{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}").encode()
    huge_id = "i" * HUGE_ID
    yield "huge-id.jsonl", json.dumps({"id": huge_id, "body": _filler(rng, 3)}).encode()
    yield "huge-id-number.jsonl", ('{"id": ' + "1" * 4000 + ', "body": "some text here"}').encode()
    yield "huge-id.warc", _warc_record("https://example.org/" + huge_id, _page("T", _filler(rng, 4)).encode())
    yield "huge-id.rss", _feed(_entry(_filler(rng, 60), guid=huge_id))
    yield "huge-title.rss", _feed(_entry(_filler(rng, 60), title="t" * HUGE_ID))
    yield (
        "huge-metadata.jsonl",
        json.dumps(
            {
                "id": "huge-metadata",
                "body": _filler(rng, 3),
                **dict.fromkeys(("title", "outlet", "byline", "url"), "m" * HUGE_ID),
            }
        ).encode(),
    )
    yield "huge-sidecar.txt", b"Filler headline\n" + _filler(rng, 3).encode()
    yield "huge-sidecar.txt.meta.json", json.dumps({"title": "t" * HUGE_ID, "published": 10**30}).encode()
    yield "sidecar-wrong.txt", b"Filler headline\n" + _filler(rng, 3).encode()
    yield "sidecar-wrong.txt.meta.json", b'{"title": ["a"], "published": {"x": 1}, "zzz": 1}'
    yield "many-records.json", json.dumps([{"id": i} for i in range(50_000)]).encode()
    yield "many-entries.rss", _feed("".join(_entry("short", guid=f"g{i}") for i in range(20_000)))


def _xml_attacks(rng: random.Random) -> Iterator[Case]:
    laughs = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    bomb = f'<!DOCTYPE rss [<!ENTITY lol0 "lol">{laughs}]>'
    external = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    parameter = '<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
    quadratic = f'<!DOCTYPE rss [<!ENTITY q "{"q" * 50_000}">]>'
    for ext in (".rss", ".atom", ".xml", ".xml.gz"):
        wrap = _gz if ext.endswith(".gz") else (lambda data: data)
        yield f"billion-laughs{ext}", wrap(_feed(_entry("&lol9;" + _filler(rng, 60)), prolog=bomb))
        yield f"external-entity{ext}", wrap(_feed(_entry("&xxe;" + _filler(rng, 60)), prolog=external))
        yield f"parameter-entity{ext}", wrap(_feed(_entry(_filler(rng, 60)), prolog=parameter))
    yield "quadratic.rss", _feed(_entry("&q;" * 2000), prolog=quadratic)
    yield "xxe-in-title.rss", _feed(_entry(_filler(rng, 60)).replace("A headline", "&xxe;"), prolog=external)
    yield "billion-laughs.html", (bomb + _page("T", "&lol9; " + _filler(rng, 4))).encode()
    yield "external-entity.warc", _warc_record("https://example.org/x", (external + _page("T", "&xxe;")).encode())
    yield "xml-not-feed.xml", b"<?xml version='1.0'?><catalog><book>x</book></catalog>"
    yield "feed-looking.txt", _feed(_entry(_filler(rng, 60)))
    yield "html-in-json.json", _page("T", _filler(rng, 3)).encode()


def _encodings(rng: random.Random) -> Iterator[Case]:
    text = "Filler headline\n" + _filler(rng, 4) + " Ærøskøbing Москва"
    for ext in (".txt", ".html", ".jsonl", ".rss", ".warc"):
        yield f"utf16-no-bom{ext}", text.encode("utf-16-le")
        yield f"utf8-bom-invalid{ext}", b"\xef\xbb\xbf" + b"\xff\xfe\xc3\x28" * 500
        yield f"utf16-bom-odd{ext}", b"\xff\xfe" + text.encode("utf-16-le") + b"!"
        yield f"utf32-bom-garbage{ext}", b"\x00\x00\xfe\xff" + rng.randbytes(1001)
        yield f"nul-sprinkled{ext}", text.encode().replace(b" ", b"\x00")
        yield f"mixed{ext}", text.encode() + text.encode("cp1251", "replace") + text.encode("utf-16")
    yield (
        "lone-surrogate.jsonl",
        b'{"id": "surrogate", "body": "\\ud83d alone \\udc00 ' + _filler(rng, 3).encode() + b'"}',
    )
    yield "surrogate-id.jsonl", b'{"id": "\\udfff", "body": "' + _filler(rng, 3).encode() + b'"}'
    yield "cp1251-declared-utf8.html", _page("Т", "Москва " * 50).encode("cp1251").replace(b"utf-8", b"utf-8")


def _special_bombs(expanded: int) -> Iterator[tuple[str, str, bytes]]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = bytes(1 << 20)
    bomb = b"".join(compressor.compress(chunk) for _ in range(expanded >> 20)) + compressor.flush()
    for ext in (".txt.gz", ".html.gz", ".jsonl.gz", ".json.gz", ".warc.gz", ".rss.gz", ".xml.gz", ".gz"):
        yield "gzip bomb", f"bomb{ext}", bomb
    yield "gzip bomb", "bomb-truncated.html.gz", bomb[: len(bomb) // 2]
    yield "gzip bomb", "bomb-second-member.jsonl.gz", _gz(b'{"id": "m1", "body": "x"}\n') + bomb
    page = _page("T", "x").encode()
    yield "gzip bomb", "bomb-record.warc.gz", _gz(_warc_record("https://example.org/b", page)) + bomb
    record = _warc_record("https://example.org/zeros", page, length=expanded)
    warc = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [warc.compress(record[: record.index(b"HTTP/1.1")])]
    parts += [warc.compress(chunk) for _ in range(expanded >> 20)]
    yield "gzip bomb", "bomb-payload.warc.gz", b"".join(parts) + warc.flush()


_SPECIAL_CASES: tuple[tuple[str, Callable[[random.Random], Iterator[Case]]], ...] = (
    ("empty", _empty_and_blank),
    ("gzip", _gzip_oddities),
    ("huge lines", _huge_lines),
    ("nesting", _nesting),
    ("big values", _big_values),
    ("xml", _xml_attacks),
    ("encodings", _encodings),
)


def _write_odd_entries(corpus: Corpus, rng: random.Random) -> None:
    """Odd names, links, pipes and hidden files, each its own input."""
    odd = corpus.folder / "special" / "odd"
    odd.mkdir(parents=True, exist_ok=True)
    page = f"Filler headline\n{_filler(rng, 2, 4)}\n".encode()
    names = (
        "name with spaces.txt",
        "-leading-dash.txt",
        "--help.txt",
        "ünïcødé 東京 .txt",
        "\u202eevil.txt",
        "a" * 240 + ".txt",
        "new\nline.txt",
        "back\\slash.html",
        "no-extension",
        ".txt",
        "trailing-dot.txt.",
        "UPPER.TXT",
        "double.json.jsonl",
    )
    for name in names:
        (odd / name).write_bytes(page)
    (odd / os.fsdecode(b"latin1-\xe9\xff.txt")).write_bytes(page)
    corpus.inputs += len(names) + 1
    links = odd / "links"
    links.mkdir(exist_ok=True)
    (links / "loop-a.txt").symlink_to("loop-b.txt")
    (links / "loop-b.txt").symlink_to("loop-a.txt")
    (links / "self.html").symlink_to("self.html")
    (links / "dangling.jsonl").symlink_to("/nonexistent/file.jsonl")
    (links / "up").symlink_to("..")
    (links / "to-zero.txt").symlink_to("/dev/zero")
    (links / "to-valid.txt").symlink_to(odd / "name with spaces.txt")
    os.mkfifo(links / "pipe.txt")
    os.mkfifo(links / "pipe.jsonl.meta.json")
    (odd / ".hidden.txt").write_bytes(page)
    (odd / ".hidden-folder").mkdir(exist_ok=True)
    (odd / ".hidden-folder" / "inside.txt").write_bytes(page)
    (odd / "unreadable.txt").write_bytes(page)
    (odd / "unreadable.txt").chmod(0)
    (odd / "empty-folder").mkdir(exist_ok=True)
    corpus.inputs += 13
    corpus.kinds["odd names and links"] = len(names) + 14


# --- the valid articles' texts (invented; each names one made-up event) ---

TEXTS = (
    "The water utility serving Brackenford said on Tuesday that it will replace fourteen kilometres of cast-iron "
    "mains under the old town after three bursts in one week flooded cellars along Mill Street. Operations director "
    "Hana Lindqvist said the work would cost about 6.2 million euros and take eighteen months to finish. Engineers "
    "have given the project the code name {marker}, after the stream that feeds the town reservoir. Residents will "
    "receive a letter a fortnight before their street is dug up, and traffic will be diverted around each section "
    "while crews work through the night.",
    "A small museum in the hill village of Orsanne has recovered a bronze bell stolen from its courtyard nearly "
    "forty years ago. Curator Paolo Venturi said a collector in another country recognised the bell from an old "
    "photograph and contacted the police last spring. The bell, cast in 1781 and known locally as {marker}, will "
    "hang again in the courtyard from next month after restorers clean its surface. Venturi said the village had "
    "kept a wooden copy in its place for decades and that older residents wept when they heard the news.",
    "Commuters in Teller City faced long delays on Wednesday morning when a signalling fault stopped trains on the "
    "northern line for almost three hours. The rail operator said a cable had been damaged by contractors digging "
    "beside the track near {marker} junction overnight. About twelve thousand passengers were affected, and buses "
    "were brought in to carry people between the four closed stations. A spokeswoman apologised and said ticket "
    "holders could claim a refund online. Services returned to normal shortly after eleven o'clock.",
    "Farmers in the Lowmere valley have begun harvesting apples two weeks earlier than usual after an unusually "
    "warm September. The regional growers' cooperative said yields were up by roughly a fifth on last year, though "
    "smaller fruit would fetch lower prices at market. Its chair, Ingrid Solberg, said a new variety called "
    "{marker} had coped especially well with the heat. Pickers from neighbouring towns have been hired for the "
    "extra work, and the cooperative expects to store more fruit than ever in its cold rooms this winter.",
    "The city library of Granholt will open around the clock from January, becoming the first public library in "
    "the country to do so, its director announced on Thursday. Visitors will enter with their library cards after "
    "ten in the evening, when the building runs without staff but with security cameras. The trial, named {marker} "
    "by the council, will last one year and cost about 300,000 crowns. Students had petitioned for longer opening "
    "hours during exams, and more than two thousand people signed the request last spring.",
    "A fishing boat with five crew members aboard was towed back to the harbour at Kestrel Point on Saturday "
    "after its engine failed in heavy seas. The coastguard said the vessel, registered as the {marker}, had drifted "
    "for about six hours before a lifeboat reached it. Nobody was injured, and the crew were checked by paramedics "
    "on the quay. The skipper told reporters that the radio had kept working throughout, which made all the "
    "difference. Investigators will examine the engine next week to find out why it stopped.",
    "Scientists at the University of Elderfield say they have found a new species of freshwater snail in a cave "
    "system beneath the eastern hills. The snail, which has no eyes and a transparent shell, was named {marker} "
    "after the caver who first spotted it in a flooded chamber. Lead researcher Dr Amara Osei said the species "
    "probably lives nowhere else on earth. The team has asked the regional government to restrict access to the "
    "caves so that the small population is not disturbed by visitors or pollution.",
    "The town council of Wexley voted on Monday evening to turn the disused tram depot into a covered market with "
    "room for sixty traders. Councillors approved the plan by eleven votes to four after a debate that lasted more "
    "than two hours. The developer, a local firm called {marker} Holdings, expects to begin work in March and open "
    "the market before the following Christmas. Opponents argued that the depot's brick facade should be protected, "
    "and the council agreed to keep the front wall and its clock tower.",
    "Firefighters spent most of Sunday bringing a blaze at a recycling plant on the edge of Dunmore under control. "
    "Thick smoke drifted over nearby homes, and residents were told to keep their windows closed until the evening. "
    "The fire service said about forty firefighters and eight engines were sent to the site, known as the {marker} "
    "yard. No one was hurt, but a warehouse of sorted paper was destroyed. The plant's manager said operations "
    "would move to a second building while the cause of the fire is investigated.",
    "A marathon runner from the mountain town of Salsk has set a national record in the women's event, finishing "
    "the autumn race in the capital in two hours, twenty-three minutes and nine seconds. Her coach said she had "
    "trained at altitude for three months and changed her diet in the summer. Spectators lined the route in warm "
    "sunshine, and organisers said a record eleven thousand runners took part. The winner thanked her club, "
    "{marker} Striders, and said she hoped to qualify for next year's championships.",
    "The ferry link between Hollin Island and the mainland will run twice as often from next summer after the "
    "regional transport authority agreed to lease a second vessel. Island residents have complained for years that "
    "a single boat leaves them stranded whenever it breaks down. The new ship, to be renamed {marker}, carries up "
    "to two hundred passengers and forty cars. The authority's chairman said the lease would cost about 1.4 "
    "million a year and would be paid for partly by a small rise in fares for visitors.",
    "Police in Ravensholm have returned a lost wedding ring to its owner after it was found inside a fish caught "
    "by an angler on the river last week. The angler handed the ring to officers, who traced it through an "
    "engraving bearing the word {marker} and a date in 1998. The owner, a retired teacher, said she had dropped "
    "it from a rowing boat more than ten years ago and had given up hope. She invited the angler to dinner, and "
    "the two families have since become friends, the local police station said.",
    "An old observatory on the cliffs above Port Ellery will reopen to the public in the spring after a three-year "
    "restoration paid for by local donations. Volunteers rebuilt the rotating dome and cleaned the brass telescope, "
    "which was made in 1902 and nicknamed {marker} by its first astronomer. The trust that runs the building plans "
    "evening viewings twice a month and free visits for schools. Its secretary said more than nine hundred people "
    "had given money, most of them in small amounts, to save the landmark.",
    "Health officials in the province of Morland have opened three new vaccination centres ahead of the winter flu "
    "season, hoping to reach older residents in rural areas. The centres, in converted shops and a former bank, "
    "will open six days a week. Regional health director Tomas Berg said last year's campaign, called {marker}, "
    "reached only half of people over seventy. This year buses will carry residents from outlying villages to the "
    "centres at no charge, and appointments can be booked by telephone as well as online.",
)


def main() -> None:
    parser = argparse.ArgumentParser(description="Write malformed inputs (and a few valid articles) to a folder.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    corpus = generate(args.out, seed=args.seed, count=args.count)
    print(f"{corpus.inputs} inputs, {len(corpus.valid)} valid articles, in {args.out}")


if __name__ == "__main__":
    main()
