"""Tests for reading inputs: folders, file kinds, JSON records, and every way a file can be unreadable."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from rashomon.ingest.inputs import discover, inner_suffix, is_records, read_inputs
from rashomon.model import RawDocument, Rejected
from rashomon.settings import IngestSettings

PAGE = "Harbour bridge reopens\nThe harbour bridge reopened to traffic on Tuesday after two years of repairs.\n"
SETTINGS = IngestSettings()


def read(*paths: Path, settings: IngestSettings = SETTINGS) -> list[RawDocument | Rejected]:
    return list(read_inputs(paths, settings))


def documents(results: list[RawDocument | Rejected]) -> list[RawDocument]:
    return [r for r in results if isinstance(r, RawDocument)]


def rejections(results: list[RawDocument | Rejected]) -> list[Rejected]:
    return [r for r in results if isinstance(r, Rejected)]


def test_folders_are_read_recursively_in_sorted_order_skipping_hidden_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/c/d.txt", ".hidden.txt", ".git/x.txt", "a/.cache/y.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(PAGE)
    results = read(tmp_path)
    assert [r.source for r in documents(results)] == [str(tmp_path / n) for n in ("a/c/d.txt", "a/z.txt", "b.txt")]
    assert [r.id for r in documents(results)] == ["d.txt", "z.txt", "b.txt"]
    assert [(r.input, r.reason) for r in rejections(results)] == [
        (str(tmp_path), "3 hidden file(s) or folder(s) skipped.")
    ]


def test_a_file_given_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE)
    results = read(tmp_path, tmp_path / "a.txt", tmp_path / "." / "a.txt")
    assert [d.id for d in documents(results)] == ["a.txt"] and not rejections(results)


def test_what_rashomon_wrote_inside_the_inputs_is_not_read_back(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(PAGE)
    out = tmp_path / "dossier"  # an earlier run's --out inside the folder read
    (out / "stories").mkdir(parents=True)
    for name in ("dossier.json", "report.html", "report.md", "stories/one.html"):
        (out / name).write_text("{}")
    (tmp_path / "other.duckdb").write_bytes(b"DUCK")  # a store elsewhere, with its log and story index
    (tmp_path / "other.duckdb.wal").write_bytes(b"LOG")
    (tmp_path / "other.duckdb.stories-0a1b2c3d4e5f").mkdir()
    (tmp_path / "other.duckdb.stories-0a1b2c3d4e5f" / "evidence.bin").write_bytes(b"\0")
    (tmp_path / "notes").mkdir()
    # no reports beside it: a user's own file, read
    (tmp_path / "notes" / "dossier.json").write_text(json.dumps({"id": "n1", "body": PAGE}))
    results = read(tmp_path)
    assert [Path(d.source).name for d in documents(results)] == ["dossier.json", "story.txt"]
    assert all("dossier" not in r.input.split("/")[-2:] for r in rejections(results))
    assert not [r for r in rejections(results) if ".duckdb" in r.input]
    named = read(tmp_path / "other.duckdb")  # given by name: said, not read
    assert [r.reason for r in rejections(named)] == ["A rashomon store or report, not an article."]


def test_a_folder_of_only_what_rashomon_wrote_says_so_and_a_linked_folder_is_read_once(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in ("dossier.json", "report.md"):
        (out / name).write_text("{}")
    assert [r.reason for r in rejections(read(out))] == [
        "Only what rashomon wrote (a store, dossier.json and its reports): nothing to read as an article."
    ]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.txt").write_text(PAGE)
    (tmp_path / "link").symlink_to(tmp_path / "data")
    results = read(tmp_path / "data", tmp_path / "link")
    assert [d.id for d in documents(results)] == ["a.txt"] and not rejections(results)


def test_articles_beside_what_rashomon_wrote_are_read(tmp_path: Path) -> None:
    # "rashomon analyze news --out news": the reports and the store sit beside the articles
    (tmp_path / "a.txt").write_text(PAGE)
    for name in ("dossier.json", "report.html", "report.md"):
        (tmp_path / name).write_text("{}")
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "story-0a1b2c3d4e5f.html").write_text("<html></html>")
    (tmp_path / "rashomon.DUCKDB").write_bytes(b"DUCK")
    (tmp_path / "notes.duckdb").mkdir()  # a folder only named like a store
    (tmp_path / "notes.duckdb" / "b.txt").write_text(PAGE)
    results = read(tmp_path)
    assert [d.id for d in documents(results)] == ["a.txt", "b.txt"] and not rejections(results)


def test_links_and_pipes_in_a_folder_are_listed_not_followed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(PAGE)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)  # a link back up: a walk that followed it would never end
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would wait forever
    results = read(tmp_path)
    assert [d.id for d in documents(results)] == ["a.txt"]
    reasons = {Path(r.input).name: r.reason for r in rejections(results)}
    assert set(reasons) == {"loop", "broken.txt", "pipe.txt"}
    assert "broken symbolic link" in reasons["broken.txt"] and "not followed" in reasons["loop"]


def test_a_symbolic_link_loop_is_listed_as_a_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "self.txt").symlink_to("self.txt")
    reasons = {Path(r.input).name: r.reason for r in rejections(read(tmp_path))}
    assert set(reasons) == {"a.txt", "b.txt", "self.txt"}
    assert all("leads back to itself" in reason for reason in reasons.values())


def test_every_member_of_a_multi_member_gzip_file_is_read(tmp_path: Path) -> None:
    records = [json.dumps({"id": f"r{i}", "body": PAGE}) + "\n" for i in range(3)]
    path = tmp_path / "joined.jsonl.gz"
    path.write_bytes(b"".join(gzip.compress(r.encode()) for r in records))  # as `cat a.gz b.gz c.gz` makes
    assert [d.id for d in documents(read(path))] == ["r0", "r1", "r2"]


def test_a_huge_rejection_reason_is_cut() -> None:
    rejected = Rejected(input="x" * 50_000, reason="y" * 5_000_000)
    assert len(rejected.reason) < 1_100 and rejected.reason.endswith("(5,000,000 characters)")
    assert len(rejected.input) < 1_100


@pytest.mark.parametrize("given", ["../news", "{tmp}/.cache/news"])
def test_a_folder_under_a_dotted_path_is_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    for folder in (tmp_path / "news", tmp_path / ".cache" / "news"):
        folder.mkdir(parents=True)
        (folder / "a.txt").write_text(PAGE)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    files, missing = discover([Path(given.format(tmp=tmp_path))])
    assert missing == []
    assert [f.name for f in files] == ["a.txt"]


def test_text_and_html_files(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(PAGE)
    (tmp_path / "two.html").write_text("<html><body><p>Page</p></body></html>")
    (tmp_path / "three.html.gz").write_bytes(gzip.compress(b"<html><body><p>Zipped</p></body></html>"))
    (tmp_path / "four.txt.gz").write_bytes(gzip.compress(PAGE.encode()))
    got = {d.id: (d.kind, d.source, d.content) for d in documents(read(tmp_path))}
    assert got == {
        "one.txt": ("text", str(tmp_path / "one.txt"), PAGE),
        "two.html": ("html", str(tmp_path / "two.html"), "<html><body><p>Page</p></body></html>"),
        "three.html": ("html", str(tmp_path / "three.html.gz"), "<html><body><p>Zipped</p></body></html>"),
        "four.txt": ("text", str(tmp_path / "four.txt.gz"), PAGE),
    }


def test_jsonl_with_one_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Flattened page text.", "title": "First", "outlet": "The Example Post"}),
        '{"id": "a2", "body": "cut off',
        "",
        json.dumps(
            {
                "id": 3,
                "body": "Clean body.",
                "published": "2024-03-26",
                "url": "https://example.org/3",
                "language": "de",
            }
        ),
    ]
    path.write_text("\n".join(lines) + "\n")
    results = read(path)
    good = documents(results)
    assert [(d.id, d.kind, d.content) for d in good] == [
        ("a1", "text", "Flattened page text."),
        ("3", "body", "Clean body."),
    ]
    assert (good[0].title, good[0].outlet, good[0].published) == ("First", "The Example Post", None)
    assert (good[1].published, good[1].url, good[1].language) == ("2024-03-26", "https://example.org/3", "de")
    assert all(d.source == str(path) for d in good)
    [bad] = rejections(results)
    assert bad.input == f"{path}:2"
    assert "JSON" in bad.reason


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    records = [
        {"id": "x", "html": "<p>Saved page</p>", "byline": "Jane Roe"},
        {"title": "No id here", "body": "Text."},
        {"id": "y", "body": "   "},
        "not an object",
    ]
    path.write_text(json.dumps(records))
    results = read(path)
    assert len(results) == 4
    doc = results[0]
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.kind, doc.content, doc.byline) == ("x", "html", "<p>Saved page</p>", "Jane Roe")
    assert results[1:] == [
        Rejected(input=f"{path}#2", reason="The record has no `id`."),
        Rejected(input=f"{path}#3", reason="Record 'y' has no non-empty `body`, `text` or `html`."),
        Rejected(input=f"{path}#4", reason="The record is not a JSON object."),
    ]


def test_single_pretty_printed_json_article(tmp_path: Path) -> None:
    path = tmp_path / "article.json"
    record = {"id": "solo", "body": "A clean body.", "title": "Solo", "outlet": "Example Wire", "extra": [1, 2]}
    path.write_text(json.dumps(record, indent=2))
    assert read(path) == [
        RawDocument(
            id="solo", source=str(path), kind="body", content="A clean body.", title="Solo", outlet="Example Wire"
        )
    ]


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ({"body": "Text."}, ["no", "`id`"]),
        ({"id": "", "body": "Text."}, ["no", "`id`"]),
        ({"id": True, "body": "Text."}, ["no", "`id`"]),
        ({"id": "r1", "title": "Only a title"}, ["no", "body", "text", "html"]),
        ({"id": "r1", "text": 42}, ["no", "body", "text", "html"]),
    ],
)
def test_records_without_id_or_content_are_rejected(
    tmp_path: Path, record: dict[str, object], words: list[str]
) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"id": "ok", "body": "Fine."}) + "\n")
    results = read(path)
    assert [d.id for d in documents(results)] == ["ok"]
    [bad] = rejections(results)
    assert all(word in bad.reason for word in words), bad.reason


def _gzip_bomb() -> bytes:
    return gzip.compress(bytes(60_000_000), compresslevel=9)


BAD_FILES: list[tuple[str, bytes, list[str]]] = [
    ("empty.txt", b"", ["empty"]),
    ("blank.txt", b"  \n\t\n   \n", ["white space"]),
    ("junk.txt", bytes(range(256)) * 20, ["binary"]),
    ("junk.jsonl", bytes(range(256)) * 20, ["binary"]),
    ("big.txt", b"word " * 30_000, ["150,000 bytes", "limit", "max_file_bytes"]),
    ("truncated.txt.gz", gzip.compress(PAGE.encode() * 200)[:-12], ["gzip", "truncated"]),
    ("corrupt.txt.gz", b"\x1f\x8b\x08\x00" + b"not deflate data at all" * 4, ["gzip", "corrupt"]),
    ("fake.html.gz", b"<html>not compressed</html>", ["gzip", "corrupt"]),
    ("notes.md", b"# Notes\n\nSome words.\n", [".md", "not an input type", ".txt"]),
    ("feed.xml", b"<rss><channel></channel></rss>", ["feed", "no entries"]),
    ("sitemap.xml", b"<urlset><url><loc>https://example.org/</loc></url></urlset>", ["not an RSS or Atom feed"]),
    ("empty.warc", b"", ["empty"]),
    ("notes.warc.gz", gzip.compress(b"Notes, not an archive.\n"), ["not a readable WARC archive"]),
    ("nested.html", b"<html><body>" + b"<div>\n" * 300 + b"<p>Deep.</p>" + b"</div>\n" * 300, ["nests", "250 deep"]),
    ("long.txt", b"short line\n" + b"x" * 2_000 + b"\n", ["line", "1,000 characters", "not page text"]),
]


@pytest.mark.parametrize(("name", "data", "words"), [pytest.param(*case, id=case[0]) for case in BAD_FILES])
def test_a_bad_file_is_one_rejection_and_the_folder_goes_on(
    tmp_path: Path, name: str, data: bytes, words: list[str]
) -> None:
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / name).write_bytes(data)
    (tmp_path / "z.txt").write_text(PAGE)
    results = read(tmp_path, settings=IngestSettings(max_file_bytes=100_000, max_line_chars=1_000))
    assert [d.id for d in documents(results)] == ["a.txt", "z.txt"]
    [bad] = rejections(results)
    assert bad.input == str(tmp_path / name)
    assert all(word in bad.reason for word in words), bad.reason


def test_gzip_bomb_is_rejected_without_reading_it_all(tmp_path: Path) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(_gzip_bomb())
    (tmp_path / "fine.txt").write_text(PAGE)
    results = read(tmp_path, settings=IngestSettings(max_file_bytes=50_000_000))
    assert [d.id for d in documents(results)] == ["fine.txt"]
    [bad] = rejections(results)
    assert bad.input == str(tmp_path / "bomb.txt.gz")
    assert "decompresses to more than 50,000,000 bytes" in bad.reason


def test_missing_path_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "here.txt").write_text(PAGE)
    missing = tmp_path / "nowhere"
    results = read(missing, tmp_path / "here.txt")
    assert results[0] == Rejected(input=str(missing), reason="No such file or folder.")
    assert [d.id for d in documents(results)] == ["here.txt"]


def test_cp1251_text_file_decodes_to_russian(tmp_path: Path) -> None:
    russian = (
        "Мост через гавань открыли после ремонта\n"
        "Во вторник утром мост снова открыли для движения после ремонта, который длился больше двух лет.\n"
        "Городские власти сообщили, что работы обошлись дороже, чем планировалось вначале.\n"
    )
    (tmp_path / "ru.txt").write_bytes(russian.encode("cp1251"))
    [doc] = read(tmp_path / "ru.txt")
    assert isinstance(doc, RawDocument)
    assert doc.content == russian


def test_html_content_without_html_extension_is_read_as_html(tmp_path: Path) -> None:
    (tmp_path / "saved_page").write_text("<!DOCTYPE html>\n<html><body><p>Saved</p></body></html>")
    [doc] = read(tmp_path / "saved_page")
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.kind) == ("saved_page", "html")


def test_an_html_nesting_bomb_is_rejected_before_parsing(tmp_path: Path) -> None:
    bomb = (
        "<html><body>"
        + "<div>" * 100_000
        + "<p>The council met on Tuesday to vote on the plan.</p>"
        + "</div>" * 100_000
    )
    (tmp_path / "bomb.html").write_text(bomb + "</body></html>")
    (tmp_path / "fine.txt").write_text(PAGE)
    results = read(tmp_path)
    assert [d.id for d in documents(results)] == ["fine.txt"]
    assert rejections(results) == [
        Rejected(
            input=str(tmp_path / "bomb.html"),
            reason="The page nests tags more than 250 deep; it is not an article page "
            "(raise ingest.max_html_depth to read it).",
        )
    ]


def test_self_closing_divs_are_a_nesting_bomb_too(tmp_path: Path) -> None:
    # `<div/>` opens a div in HTML: 60,000 of them took a minute to clean (issue 17).
    (tmp_path / "divs.html").write_text("<html><body>" + "<div/>" * 60_000 + "<p>Text.</p></body></html>")
    [bad] = read(tmp_path / "divs.html")
    assert isinstance(bad, Rejected) and "nests tags more than 250 deep" in bad.reason


def test_a_tag_of_too_many_attributes_is_rejected_before_parsing(tmp_path: Path) -> None:
    # 100,000 attributes on one tag took the HTML parser 100 s (issue 17).
    tag = "<p " + " ".join(f"a{i}=x" for i in range(100_000)) + ">"
    (tmp_path / "attributes.html").write_text(f"<html><body>{tag}The council met.</p></body></html>")
    [bad] = read(tmp_path / "attributes.html")
    assert bad == Rejected(
        input=str(tmp_path / "attributes.html"),
        reason="The page has a tag of more than 1,000 attributes; it is not an article page "
        "(raise ingest.max_html_attributes to read it).",
    )


def test_a_text_too_long_for_one_page_is_rejected_before_cleaning(tmp_path: Path) -> None:
    (tmp_path / "lines.txt").write_text("a\n" * 2_000)
    [bad] = read(tmp_path / "lines.txt", settings=IngestSettings(max_text_chars=1_000))
    assert isinstance(bad, Rejected)
    assert bad.reason.startswith("The text is 4,000 characters long, over the limit of 1,000")


def test_an_overlong_id_is_rejected_whatever_the_input(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps({"id": i, "body": "Text."}) + "\n" for i in ("i" * 2_000, "ok")))
    [bad, ok] = read(path)
    assert isinstance(bad, Rejected) and isinstance(ok, RawDocument)
    assert bad.input == f"{path}:1" and "2,000 characters long" in bad.reason
    assert all(isinstance(r, RawDocument) for r in read(path, settings=IngestSettings(max_id_chars=5_000)))


def test_overlong_metadata_rejects_the_article_from_a_record_or_a_sidecar(tmp_path: Path) -> None:
    records = tmp_path / "pages.jsonl"
    rows = [{"id": "a", "body": "Text.", "title": "T" * 3_000}, {"id": "b", "body": "Text.", "outlet": "Herald"}]
    records.write_text("".join(json.dumps(row) + "\n" for row in rows))
    [bad, ok] = read(records)
    assert isinstance(bad, Rejected) and isinstance(ok, RawDocument)
    assert "title is 3,000 characters long" in bad.reason and "ingest.max_metadata_chars" in bad.reason
    page = tmp_path / "story.txt"
    page.write_text("A short report of the flood.\n")
    (tmp_path / "story.txt.meta.json").write_text(json.dumps({"byline": "B" * 2_500}))
    [from_sidecar] = read(page)
    assert isinstance(from_sidecar, Rejected) and "byline is 2,500 characters long" in from_sidecar.reason
    assert isinstance(read(page, settings=IngestSettings(max_metadata_chars=3_000))[0], RawDocument)


@pytest.mark.parametrize("data", [b" \n\t\r\n", b"[]", b"\n\n\n"])
@pytest.mark.parametrize("name", ["blank.jsonl", "blank.json", "blank.ndjson"])
def test_a_records_file_without_records_is_listed(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    assert read(tmp_path / name) == [Rejected(input=str(tmp_path / name), reason="The file holds no JSON records.")]


def test_nesting_within_the_limit_is_read(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>" * 200 + "<p>Deep.</p>" + "</div>" * 200 + "</body></html>"
    (tmp_path / "deep.html").write_text(page)
    [doc] = read(tmp_path / "deep.html")
    assert isinstance(doc, RawDocument)


def test_a_nesting_bomb_in_a_json_record_rejects_that_record_only(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    bomb = "<div>" * 1_000 + "Deep." + "</div>" * 1_000
    path.write_text(json.dumps({"id": "deep", "html": bomb}) + "\n" + json.dumps({"id": "ok", "html": "<p>Hi</p>"}))
    results = read(path)
    assert [d.id for d in documents(results)] == ["ok"]
    [bad] = rejections(results)
    assert bad.input == f"{path} (deep)"
    assert "nests tags" in bad.reason


def test_a_50_mb_single_line_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "one_line.txt"
    with path.open("wb") as stream:
        for _ in range(50):
            stream.write(b"word " * 200_000)
    assert path.stat().st_size == 50_000_000
    (tmp_path / "fine.txt").write_text(PAGE)
    results = read(tmp_path)
    assert [d.id for d in documents(results)] == ["fine.txt"]
    assert rejections(results) == [
        Rejected(input=str(path), reason="The file has a line of over 2,000,000 characters; it is not page text.")
    ]


@pytest.mark.parametrize(
    ("name", "suffix", "records"),
    [
        ("a.jsonl", ".jsonl", True),
        ("a.JSONL.gz", ".jsonl", True),
        ("a.ndjson", ".ndjson", True),
        ("a.txt", ".txt", False),
        ("a.html.gz", ".html", False),
        ("a.warc.gz", ".warc", False),
        ("README", "", False),
    ],
)
def test_inner_suffix_looks_under_gzip(name: str, suffix: str, records: bool) -> None:
    assert inner_suffix(Path(name)) == suffix
    assert is_records(Path(name)) is records


def test_json_no_parser_takes_is_one_rejected_line_and_the_file_goes_on(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "body": PAGE})
    lines = [
        '{"id": "n1", "body": "text", "count": ' + "9" * 5000 + "}",  # over Python's int-conversion limit
        "[" * 100_000 + "]" * 100_000,  # nested past the recursion limit
        json.dumps({"id": "x" * 5000, "body": PAGE}),  # an id that would swell every reference to it
        good,
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read(path)
    assert [d.id for d in documents(results)] == ["ok"]
    reasons = [r.reason for r in rejections(results)]
    assert len(reasons) == 3
    assert "number too long" in reasons[0]
    assert "nested too deep" in reasons[1]
    assert "5,000 characters" in reasons[2]


def test_a_sidecar_gives_a_text_file_its_outlet_and_date(tmp_path: Path) -> None:
    (tmp_path / "bridge.txt").write_text(PAGE)
    given = {"outlet": "Valley Herald", "published": "2025-05-14", "byline": "Anna Petrov"}
    (tmp_path / "bridge.txt.meta.json").write_text(json.dumps(given))
    (tmp_path / "road.txt").write_text(PAGE)
    (tmp_path / "road.txt.meta.json").write_text('{"outlet": "North Post", "colour": "red"}')
    (tmp_path / "gone.txt.meta.json").write_text("{}")
    results = read(tmp_path)
    bridge, road = documents(results)
    assert (bridge.id, bridge.outlet, bridge.published, bridge.byline) == ("bridge.txt", *given.values())
    assert road.outlet == "North Post"
    reasons = {Path(r.input).name: r.reason for r in rejections(results)}
    assert "unknown field(s) colour" in reasons["road.txt"]
    assert reasons["gone.txt.meta.json"] == "A metadata file without its article."
    (tmp_path / "road.txt.meta.json").write_text("not json")
    (road_again,) = [d for d in documents(read(tmp_path)) if d.id == "road.txt"]
    assert road_again.outlet is None  # read without it, and listed
