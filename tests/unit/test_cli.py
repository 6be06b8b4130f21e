"""The command line: exit statuses, outputs, idempotent re-runs."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rashomon.cli import ProgressBars, build_parser, main
from rashomon.model import Rejected
from rashomon.pipeline import Progress

BODY = (
    "The city council voted on Monday to close the old harbour bridge to lorries after engineers found cracks in "
    "two of its piers. Council leader Ann Field said the closure would last until repairs are finished next year."
)


def _run(*argv: str) -> tuple[int, str]:
    printed = io.StringIO()
    return main(["--quiet", *argv], stream=printed), printed.getvalue()


def test_analyze_writes_reports_and_rerun_changes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps(
            {
                "id": "bridge-1",
                "title": "Bridge closed",
                "published": "2024-05-06",
                "outlet": "Harbour Herald",
                "body": BODY,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    status, printed = _run("analyze", str(source), "--out", str(out))
    assert status == 0, printed
    assert "Read 1 new" in printed
    first = (out / "dossier.json").read_bytes()
    assert json.loads(first)["articles"][0]["text"] == BODY
    status, printed = _run("analyze", str(source), "--out", str(out))
    assert status == 0
    assert "0 new, 0 changed and 1 unchanged" in printed
    assert (out / "dossier.json").read_bytes() == first
    assert (out / "rashomon.duckdb").exists()


def test_nothing_readable_exits_2(tmp_path: Path, capsys: object) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    status, _ = _run("analyze", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"))
    assert status == 2
    assert not (tmp_path / "out" / "dossier.json").exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _run("analyze", "--out", str(tmp_path))[0] == 2
    assert _run("frobnicate")[0] == 2


def test_schema_command_prints_the_schema() -> None:
    status, printed = _run("schema")
    assert status == 0
    assert json.loads(printed)["properties"]["schema_version"]["const"] == "1"


FERRY = (
    "The island ferry ran aground on a sandbank on Friday morning and all forty passengers were taken ashore by "
    "lifeboat. The operator said the vessel would be towed to the mainland for inspection over the weekend."
)


def _two_events(tmp_path: Path) -> Path:
    source = tmp_path / "two.jsonl"
    records = [
        {
            "id": "bridge-1",
            "title": "Bridge closed",
            "published": "2024-05-06",
            "outlet": "Harbour Herald",
            "body": BODY,
        },
        {"id": "ferry-1", "title": "Ferry aground", "published": "2024-06-01", "outlet": "Island Post", "body": FERRY},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return source


def test_selection_flags_shape_the_outputs_and_the_store_keeps_everything(tmp_path: Path) -> None:
    source, out = _two_events(tmp_path), tmp_path / "out"
    status, printed = _run("analyze", str(source), "--out", str(out), "--outlet", "harbour HERALD")
    assert status == 0, printed
    assert "The reports show 1 of them" in printed
    written = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in written["articles"]] == ["bridge-1"]
    assert len(written["stories"]) == 1
    assert "Ferry aground" not in (out / "report.html").read_text(encoding="utf-8")
    status, printed = _run("analyze", str(source), "--out", str(out), "--since", "2024-05-20", "--top", "5")
    assert status == 0, printed
    assert "0 new, 0 changed and 2 unchanged" in printed  # the store kept the article the first run left out
    written = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in written["articles"]] == ["ferry-1"]
    (story,) = written["stories"]
    status, _ = _run("analyze", str(source), "--out", str(out), "--story", story["id"], "--story", "story:none")
    assert status == 0
    assert [s["id"] for s in json.loads((out / "dossier.json").read_text(encoding="utf-8"))["stories"]] == [story["id"]]
    digits = story["id"].removeprefix("story:")
    pages = (f"stories/story-{digits}.html", f"report.html#story-{digits}", f"STORY-{digits.upper()}.HTML")
    for given in (digits.upper(), f"story-{digits}", *pages):  # as the report's pages say
        assert _run("analyze", str(source), "--out", str(out), "--story", given)[0] == 0
        assert [s["id"] for s in json.loads((out / "dossier.json").read_text(encoding="utf-8"))["stories"]] == [
            story["id"]
        ]
    assert _run("analyze", str(source), "--out", str(out))[0] == 0
    assert len(json.loads((out / "dossier.json").read_text(encoding="utf-8"))["articles"]) == 2


def test_a_selection_no_story_meets_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, out = _two_events(tmp_path), tmp_path / "out"
    status, printed = _run("analyze", str(source), "--out", str(out), "--outlet", "Nowhere Weekly")
    assert status == 0 and "The reports show 0 of them" in printed
    assert "no story meets the selection" in capsys.readouterr().err


def test_bad_selection_flags_exit_2_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, out = _two_events(tmp_path), tmp_path / "out"
    for flags, message in (
        (["--since", "last tuesday"], "--since wants a date like 2024-05-13, not 'last tuesday'."),
        (["--top", "0"], "--top wants a number of stories of at least 1, not 0."),
        (["--top", "many"], "invalid int value: 'many'"),
        (["--threshold", "7"], "stories.threshold: Input should be less than or equal to 1"),
        (["--input-published", "03/04/2025"], "'03/04/2025' is not a date (give one like 2025-05-14)"),
    ):
        status, _ = _run("analyze", str(source), "--out", str(out), *flags)
        assert status == 2, flags
        assert message in capsys.readouterr().err
    assert not out.exists()


def test_version_and_quiet_after_the_subcommand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("rashomon 0.")
    source = tmp_path / "in.txt"
    source.write_text(BODY, encoding="utf-8")
    printed = io.StringIO()
    assert main(["analyze", str(source), "--out", str(tmp_path / "out"), "-q"], stream=printed) == 0
    assert "Read 1 new" in printed.getvalue()


def test_help_loads_no_language_model_or_store() -> None:
    code = "import sys, rashomon.cli; print(sorted({'spacy', 'duckdb', 'sklearn'} & set(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_a_run_that_reads_nothing_says_what_was_tried_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out"
    assert main(["--quiet", "analyze", str(empty), "--out", str(out)]) == 2
    message = capsys.readouterr().err
    assert f"No input files were found in {empty}, so nothing was read." in message and ".jsonl" in message
    assert not out.exists()
    (empty / "notes.txt").write_text("too short", encoding="utf-8")
    assert main(["--quiet", "analyze", str(empty), "--out", str(out)]) == 2
    assert "notes.txt" in capsys.readouterr().err
    assert not out.exists()


def test_an_output_that_cannot_be_written_fails_before_the_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.txt"
    source.write_text(BODY, encoding="utf-8")
    assert main(["--quiet", "analyze", str(source), "--out", str(source)]) == 2
    assert "is a file" in capsys.readouterr().err
    assert main(["--quiet", "analyze", str(source), "--out", str(source / "sub")]) == 2
    assert "cannot be written" in capsys.readouterr().err


def test_a_run_that_reads_nothing_removes_only_what_it_made(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    kept = tmp_path / "stores"
    kept.mkdir()
    backup = kept / "my.duckdb.bak"
    backup.write_text("an older store, kept by hand", encoding="utf-8")
    db = kept / "my.duckdb"
    assert main(["--quiet", "analyze", str(empty), "--out", str(tmp_path / "out"), "--db", str(db)]) == 2
    assert backup.exists() and not db.exists()
    assert kept.is_dir(), "a folder that was there before stays"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["-q", "analyze", "in", "--out", "o"],
        ["analyze", "-q", "in", "--out", "o"],
        ["analyze", "in", "--out", "o", "-q"],
    ],
)
def test_quiet_is_kept_before_and_after_the_subcommand(argv: list[str]) -> None:
    assert build_parser().parse_args(argv).quiet is True
    assert getattr(build_parser().parse_args(["analyze", "in", "--out", "o"]), "quiet", False) is False


def test_progress_off_a_terminal_is_a_plain_line_per_stage_with_its_total() -> None:
    printed = io.StringIO()
    bars = ProgressBars(printed, enabled=True, bars=False, every=3600)
    for done in (1, 2, 3):  # records: the total is not known while they are read
        bars(Progress(stage="read", done=done, total=None))
    for done in (1, 2):
        bars(Progress(stage="extract", done=done, total=2))
    bars(Progress(stage="compare", done=1, total=None))
    bars.close()
    assert printed.getvalue().splitlines() == [
        "rashomon: read 1 input",
        "rashomon: read 3 inputs",
        "rashomon: extract 1/2 articles",
        "rashomon: extract 2/2 articles",
        "rashomon: compare 1 story",
    ]


def test_the_summary_groups_rejections_by_reason_and_gives_stages_and_time(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    record = {"id": "same", "title": "Bridge closed", "published": "2024-05-06", "outlet": "Herald", "body": BODY}
    source.write_text("".join(json.dumps(record) + "\n" for _ in range(50)), encoding="utf-8")
    status, printed = _run("analyze", str(source), "--out", str(tmp_path / "out"))
    assert status == 0, printed
    assert "Rejected 49 input(s), for 1 reason(s):" in printed
    assert f"  49 inputs ({source} (same), {source} (same), {source} (same) and 46 more): The id 'same'" in printed
    assert "Stages: ingest+clean 50 in, 1 out, " in printed and "; compare " in printed
    assert "Done in " in printed


def test_a_run_that_reads_nothing_names_each_input_tried(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty, missing = tmp_path / "empty", tmp_path / "missing"
    empty.mkdir()
    assert main(["--quiet", "analyze", str(missing), str(empty), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"rashomon: Nothing in {missing}, {empty} could be read as an article:",
        f"  {missing}: No such file or folder.",
        f"  {empty}: No files of a type rashomon reads were found there.",
    ]


def test_a_store_that_cannot_be_opened_leaves_no_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.txt"
    source.write_text(BODY, encoding="utf-8")
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a store", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--quiet", "analyze", str(source), "--out", str(out), "--db", str(junk)]) == 2
    assert f"The store {junk} cannot be opened" in capsys.readouterr().err
    assert not out.exists()
    assert junk.read_text(encoding="utf-8") == "not a store"


def test_rejected_lists_a_lone_reason_with_its_input() -> None:
    from rashomon.cli import _rejected

    printed = io.StringIO()
    _rejected([Rejected(input="a.txt", reason="Too short."), Rejected(input="b.txt", reason="Empty.")], printed)
    assert printed.getvalue().splitlines() == [
        "Rejected 2 input(s), for 2 reason(s):",
        "  a.txt: Too short.",
        "  b.txt: Empty.",
    ]


def test_input_outlet_and_date_flags_fill_what_an_input_does_not_give(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (
        "Harbour crane repaired\n\nThe old harbour crane that failed in the storm last month was lifting cargo again "
        "on Friday after welders replaced two of its arms, the port authority said in a short statement.\n\n"
        "Dock workers had moved containers by hand for three weeks while the crane stood idle beside the quay.\n\n"
        "The authority said a second crane would be inspected before the winter storms arrive in November.\n"
    )
    (folder / "plain.txt").write_text(text, encoding="utf-8")
    (folder / "own.txt").write_text(text.replace("Friday", "Saturday"), encoding="utf-8")
    (folder / "own.txt.meta.json").write_text(json.dumps({"outlet": "Quay Times"}), encoding="utf-8")
    out = tmp_path / "out"
    status, printed = _run(
        "analyze", str(folder), "--out", str(out), "--input-outlet", "River Gazette", "--input-published", "2025-05-15"
    )
    assert status == 0, printed
    articles = {a["id"]: a for a in json.loads((out / "dossier.json").read_text(encoding="utf-8"))["articles"]}
    assert (articles["plain.txt"]["outlet"], articles["plain.txt"]["published"]) == ("River Gazette", "2025-05-15")
    assert (articles["own.txt"]["outlet"], articles["own.txt"]["published"]) == ("Quay Times", "2025-05-15")
    status, _ = _run("analyze", str(folder), "--out", str(tmp_path / "bad"), "--input-published", "soon")
    assert status == 2 and "'soon' is not a date" in capsys.readouterr().err
    assert not (tmp_path / "bad").exists()


def test_many_rejections_of_a_run_that_reads_nothing_are_capped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text("".join(json.dumps({"id": f"r{i}", "body": ""}) + "\n" for i in range(300)), encoding="utf-8")
    assert main(["--quiet", "analyze", str(source), "--out", str(tmp_path / "out")]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"rashomon: Nothing in {source} could be read as an article:"
    # Each reason names its record, so none is shared: twenty are shown, and the rest counted.
    assert len(lines) == 22 and lines[1] == f"  {source}:1: Record 'r0' has no non-empty `body`, `text` or `html`."
    assert lines[-1] == "  ... and 280 more reason(s); run again with fewer inputs to see them."
