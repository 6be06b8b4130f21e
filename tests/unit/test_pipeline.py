"""The run loop: incremental, idempotent, and safe to kill half-way."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from rashomon.compare.encoder import ENCODER_NAME
from rashomon.compare.story_result import COMPARE_VERSION
from rashomon.extract.nlp import LanguageModel
from rashomon.model import Entity, Mention
from rashomon.pipeline import (
    ExtractionAhead,
    Progress,
    RunResult,
    _empty_dossier,
    _merge_entities,
    _settings_digest,
    _story_bases,
    _story_pieces,
    copies_of,
    extract_pending,
    extractor_version,
    ingest_into,
    run,
)
from rashomon.settings import load_settings
from rashomon.store.database import Store
from rashomon.workers import Workers

DEMO = Path(__file__).resolve().parents[2] / "src" / "rashomon" / "demo"


def _inputs(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(DEMO / name, folder / name)
    return folder


def test_rerun_changes_nothing_and_adding_extends(tmp_path: Path, language_model: LanguageModel) -> None:
    settings = load_settings()
    folder = _inputs(tmp_path, ["01_continental_wire.txt", "02_harbor_ledger.txt"])
    with Store(tmp_path / "store.duckdb") as store:
        first = run([folder], store, settings, language_model)
        again = run([folder], store, settings, language_model)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
        redone = {s.name: s.items_in for s in again.stages if s.name in ("extract", "stories", "compare")}
        assert redone == {"extract": 0, "stories": 0, "compare": 0}, "a re-run redoes nothing"
        assert again.dossier == first.dossier
        assert store.counts()["articles"] == 2
        _inputs(tmp_path, ["05_northsea_courant.txt"])
        extended = run([folder], store, settings, language_model)
    assert (extended.added, extended.unchanged) == (1, 2)
    assert len(extended.dossier.articles) == 3
    extract = next(s for s in extended.stages if s.name == "extract")
    assert (extract.items_in, extract.items_out) == (1, 1), "stored extractions are reused, not redone"
    compare = next(s for s in extended.stages if s.name == "compare")
    assert compare.items_in <= 2, "only the stories the new article touched are worked out again"


def test_killed_run_leaves_no_duplicates_and_loses_nothing(tmp_path: Path, language_model: LanguageModel) -> None:
    settings = load_settings(overrides={"ingest": {"batch_size": 2}})
    names = ["01_continental_wire.txt", "02_harbor_ledger.txt", "04_meridian_markets.txt", "05_northsea_courant.txt"]
    folder = _inputs(tmp_path, names)

    def kill_after_three(event: Progress) -> None:
        if event.stage == "read" and event.done == 3:
            raise KeyboardInterrupt

    with Store(tmp_path / "killed.duckdb") as store:
        with pytest.raises(KeyboardInterrupt):
            run([folder], store, settings, language_model, kill_after_three)
        assert store.counts()["articles"] == 2, "the first whole batch was saved"
        resumed = run([folder], store, settings, language_model)
        assert store.counts()["articles"] == 4
    with Store(tmp_path / "clean.duckdb") as store:
        clean = run([folder], store, settings, language_model)
    assert resumed.dossier == clean.dossier


def test_bad_inputs_listed_while_the_rest_goes_on(tmp_path: Path, language_model: LanguageModel) -> None:
    folder = _inputs(tmp_path, ["01_continental_wire.txt"])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "feed.jsonl").write_text('{"id": "a", "body": "One short sentence of body text."}\n{"id": \n')
    # A lone surrogate escape in JSON, and file names that are not UTF-8: UTF-8 storage cannot hold them as they are.
    (folder / "escape.jsonl").write_text('{"id": "b\\udc00", "body": "Before \\ud83d after, in a sentence."}\n')
    (folder / os.fsdecode(b"empty-\xe9.txt")).write_bytes(b"")
    with Store(None) as store:
        result = run([folder], store, load_settings(), language_model)
    assert {a.id for a in result.dossier.articles} == {"01_continental_wire.txt", "a", "b\ufffd"}
    assert next(a for a in result.dossier.articles if a.id == "b\ufffd").text == "Before \ufffd after, in a sentence."
    reasons = {r.input.rsplit("/", 1)[-1]: r.reason for r in result.dossier.rejected}
    assert reasons["empty.txt"] == "The file is empty."
    assert reasons["empty-\ufffd.txt"] == "The file is empty."
    assert "binary" in reasons["junk.txt"]
    assert "not valid JSON" in reasons["feed.jsonl:2"]


def test_a_second_article_under_one_id_is_refused_and_listed(tmp_path: Path, language_model: LanguageModel) -> None:
    bodies = [f"Report number {n} says the harbour bridge reopened on Tuesday after repairs." for n in range(3)]
    (tmp_path / "same.jsonl").write_text("".join(json.dumps({"id": "a", "body": b}) + "\n" for b in bodies))
    with Store(None) as store:
        result = run([tmp_path], store, load_settings(), language_model)
    assert [a.text for a in result.dossier.articles] == [bodies[0]]
    # one listing per input and id (the store keeps one rejection per input)
    assert [r.reason for r in result.dossier.rejected if "already read in this run" in r.reason]


def test_an_article_too_long_to_parse_is_listed_not_kept(tmp_path: Path, language_model: LanguageModel) -> None:
    # A body over spaCy's 1,000,000 characters was kept without its extraction (error E088) (issue 17).
    sentence = "The harbour bridge reopened on Tuesday after two years of repairs to its deck. "
    records = [{"id": "long", "body": sentence * 20}, {"id": "short", "body": sentence * 2}]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    settings = load_settings(overrides={"ingest": {"max_article_chars": len(sentence) * 10}})
    with Store(None) as store:
        result = run([tmp_path], store, settings, language_model)
    assert [a.id for a in result.dossier.articles] == ["short"]
    [listed] = result.dossier.rejected
    assert listed.input == f"{tmp_path / 'in.jsonl'} (long)"
    assert f"over the limit of {len(sentence) * 10:,}" in listed.reason and "max_article_chars" in listed.reason


def test_lines_a_site_repeats_are_dropped_and_reruns_are_identical(
    tmp_path: Path, language_model: LanguageModel
) -> None:
    slogan = "The Valley Example is the only paper that has covered every town meeting in the valley since 1921."
    stories = {
        "fair": "The county fair opened with a parade of tractors, a brass band and many new stalls this year.",
        "bridge": "The old river bridge will close for repairs next month, the highways department announced.",
        "school": "Parents packed the school hall on Thursday evening to hear plans for a new science wing.",
        "library": "The library will stay open on Sundays after volunteers offered to staff the reading room.",
    }
    # Digits are blurred in line keys, so the pages differ in words, not only in numbers.
    records = [
        {
            "id": name,
            "url": f"https://www.valley.example/news/{name}",
            "text": "\n".join([
                "Home", name.title(), story,
                f"Officials said the {name} plans had been discussed at length before the vote this week.",
                f"Residents who spoke about the {name} at the meeting mostly welcomed the decision on Tuesday.",
                slogan,
            ]),
        }
        for name, story in stories.items()
    ]  # fmt: skip
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "valley.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    with Store(tmp_path / "store.duckdb") as store:
        first = run([folder], store, load_settings(), language_model)
        again = run([folder], store, load_settings(), language_model)
    assert first.dossier.articles and all(slogan not in a.text for a in first.dossier.articles)
    assert (again.added, again.updated) == (0, 0)
    assert again.dossier == first.dossier


def test_worker_processes_give_the_same_dossier(tmp_path: Path, language_model: LanguageModel) -> None:
    folder = _inputs(tmp_path, ["01_continental_wire.txt", "02_harbor_ledger.txt", "05_northsea_courant.txt"])
    with Store(None) as store:
        alone = run([folder], store, load_settings(overrides={"nlp": {"processes": 1}}), language_model)
    pooled_settings = load_settings(overrides={"nlp": {"processes": 2, "parallel_from": 1, "batch_size": 1}})
    with Store(None) as store:
        pooled = run([folder], store, pooled_settings, language_model)
    assert pooled.dossier == alone.dossier
    extract = next(s for s in pooled.stages if s.name == "extract")
    assert (extract.items_in, extract.items_out, extract.dropped) == (3, 3, {})


def test_extraction_starts_while_the_inputs_are_still_read(tmp_path: Path, language_model: LanguageModel) -> None:
    names = ["01_continental_wire.txt", "02_harbor_ledger.txt", "03_prairie_courier.txt", "05_northsea_courant.txt"]
    folder = _inputs(tmp_path, names)
    with Store(None) as store:
        alone = run([folder], store, load_settings(overrides={"nlp": {"processes": 1}}), language_model)
    # One article saved at a time, the workers started by the first: each is handed over as soon as it is saved.
    settings = load_settings(
        overrides={"nlp": {"processes": 2, "parallel_from": 1, "batch_size": 2}, "ingest": {"batch_size": 1}}
    )
    events: list[Progress] = []
    with Store(tmp_path / "store.duckdb") as store:
        ahead = run([folder], store, settings, language_model, events.append)
        again = run([folder], store, settings, language_model)
    assert ahead.dossier == alone.dossier == again.dossier
    # the wire copy was found while the workers still parsed, as the run in one process finds it
    assert [(a.id, a.duplicate_of) for a in ahead.dossier.articles if a.duplicate_of] == [
        ("03_prairie_courier.txt", "01_continental_wire.txt")
    ]
    extract = next(s for s in ahead.stages if s.name == "extract")
    assert (extract.items_in, extract.items_out, extract.dropped) == (4, 4, {})
    # Extraction's progress is told once reading is over, counting what was extracted meanwhile.
    stages = [e.stage for e in events]
    assert "extract" not in stages[: max(i for i, stage in enumerate(stages) if stage == "read")]
    assert [(e.done, e.total) for e in events if e.stage == "extract"][-1] == (4, 4)
    assert next(s for s in again.stages if s.name == "extract").items_in == 0


def test_inputs_known_to_be_many_start_the_workers_on_the_first_batch(
    tmp_path: Path, language_model: LanguageModel
) -> None:
    folder = _inputs(tmp_path, ["01_continental_wire.txt", "02_harbor_ledger.txt", "03_prairie_courier.txt"])
    settings = load_settings(overrides={"nlp": {"processes": 2, "parallel_from": 3, "batch_size": 1}})

    def read(store: Store) -> tuple[list[tuple[int, bool]], RunResult]:
        """Each saved batch's size and whether the workers were up once it was handed over."""
        workers = Workers(settings.nlp, language_model)
        early = ExtractionAhead(store, settings, language_model, workers)
        seen: list[tuple[int, bool]] = []

        def saved(count: int, ids: Sequence[str], last: bool) -> None:
            early.after_saving(count, ids, last)
            seen.append((len(ids), workers.pool is not None))

        result = RunResult(dossier=_empty_dossier())
        try:
            ingest_into([folder], store, settings, result, lambda _: None, on_new=saved, first_batch=early.first_batch)
            extract_pending(store, settings, language_model, lambda _: None, workers, ahead=early)
        finally:
            workers.close()
        return seen, result

    with Store(tmp_path / "store.duckdb") as store:
        first, result = read(store)
        assert first[0] == (2, True), "a parsing batch (one article) for each worker saved, and the workers started"
        assert sum(size for size, _ in first) == result.added == 3
        assert store.stale_extractions(extractor_version(language_model)) == []
        again, _ = read(store)
    assert again == [(2, False), (1, False)], "nothing new in the first batch: no workers"


@pytest.mark.parametrize("lost", ["folder", "column", "state"])
def test_a_lost_story_index_is_built_again(tmp_path: Path, language_model: LanguageModel, lost: str) -> None:
    folder = _inputs(tmp_path, ["01_continental_wire.txt", "02_harbor_ledger.txt"])
    with Store(tmp_path / "store.duckdb") as store:
        run([folder], store, load_settings(), language_model)
    (index_folder,) = tmp_path.glob("store.duckdb.stories-*")
    if lost == "folder":
        shutil.rmtree(index_folder)
    elif lost == "column":  # its state file is there, one of its columns is not
        (index_folder / "evidence.words.data.bin").unlink()
    else:  # the state file's pickled part is damaged, its header is whole
        (state,) = index_folder.glob("state-*")
        header = state.read_bytes().split(b"\n", 2)
        state.write_bytes(header[0] + b"\n" + header[1] + b"\nnot a pickle")
    _inputs(tmp_path, ["04_meridian_markets.txt"])  # something new to place, so the index is read
    with Store(tmp_path / "store.duckdb") as store:
        again = run([folder], store, load_settings(), language_model)
    placed = next(s for s in again.stages if s.name == "stories")
    assert placed.items_in == 3, "every article is placed again"
    with Store(None) as store:
        assert again.dossier == run([folder], store, load_settings(), language_model).dossier


def test_other_comparison_settings_work_the_stories_out_again(tmp_path: Path, language_model: LanguageModel) -> None:
    folder = _inputs(tmp_path, ["01_continental_wire.txt", "02_harbor_ledger.txt"])
    with Store(tmp_path / "store.duckdb") as store:
        first = run([folder], store, load_settings(), language_model)
        stricter = load_settings(overrides={"compare": {"sentence_similarity": 0.9}})
        again = run([folder], store, stricter, language_model)
    compare = next(s for s in again.stages if s.name == "compare")
    assert compare.items_in == len(first.dossier.stories) > 0
    corroborated = [s for story in again.dossier.stories for s in story.statements if s.status == "corroborated"]
    before = [s for story in first.dossier.stories for s in story.statements if s.status == "corroborated"]
    assert len(corroborated) < len(before), "the stricter threshold shows in the stored results"


def test_kept_sentence_vectors_give_the_dossier_a_run_from_scratch_gives(
    tmp_path: Path, language_model: LanguageModel
) -> None:
    settings = load_settings()
    names = ["01_continental_wire.txt", "02_harbor_ledger.txt", "05_northsea_courant.txt"]
    for part in ("grown", "scratch"):
        (tmp_path / part).mkdir()
    folder = _inputs(tmp_path / "grown", names[:2])
    with Store(tmp_path / "grown.duckdb") as store:
        run([folder], store, settings, language_model)
        version = f"{extractor_version(language_model)}:{ENCODER_NAME}"
        kept = store.sentence_vectors({a: f"{h}:{version}" for a, h in store.content_hashes().items()})
        assert set(kept) == set(names[:2]), "the first run keeps the vectors of its multi-article story"
        _inputs(tmp_path / "grown", names[2:])
        grown = run([folder], store, settings, language_model).dossier
    with Store(None) as store:
        scratch = run([_inputs(tmp_path / "scratch", names)], store, settings, language_model).dossier
    assert grown.stories == scratch.stories


def test_story_bases_are_the_digests_stored_stories_were_saved_under() -> None:
    # Written out once for all stories; a different digest would make every stored story be worked out again.
    settings = load_settings()
    stories = {"a": ["x1", "x2"], "b": ['é"q'], "c": []}
    hashes = {"x1": "h1", 'é"q': "h3"}
    expected = {
        sid: _settings_digest(
            [(m, hashes.get(m)) for m in members], "v/1", COMPARE_VERSION, settings.compare.model_dump()
        )
        for sid, members in stories.items()
    }
    assert _story_bases(stories, hashes, "v/1", settings) == expected


@pytest.mark.parametrize("whole", [False, True])
def test_copies_of_some_articles_follow_their_chains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whole: bool
) -> None:
    if whole:  # the path that reads every link at once must give the same
        monkeypatch.setattr("rashomon.pipeline._CHAINS_FROM", 0)
    links = {"c": "b", "b": "a", "x": "y", "y": "x", "lone": "other", "far": "c"}
    with Store(tmp_path / "store.duckdb") as store:
        store.save_copies(links)
        assert copies_of(store, ["far", "x", "a", "none"]) == {"far": "a"}, "a copy of a copy points to the first"
        assert copies_of(store, ["c", "lone"]) == {"c": "a", "lone": "other"}
        assert copies_of(store, []) == {}


def test_an_entity_of_several_stories_is_one_with_all_their_mentions() -> None:
    def mention(article: str, start: int) -> Mention:
        return Mention(article=article, start=start, end=start + 5, label="PERSON")

    one = Entity(
        id="p:ada", name="Ada Lane", type="PERSON", aliases=("Lane",), mentions=(mention("b", 9), mention("b", 1))
    )
    two = Entity(
        id="p:ada", name="Ada Lane", type="PERSON", aliases=("Ms Lane", "Ada Lane"), mentions=(mention("a", 4),)
    )
    other = Entity(id="p:bo", name="Bo Tam", type="PERSON", aliases=(), mentions=(mention("c", 0),))
    merged = _merge_entities([one, other, two])
    assert [e.id for e in merged] == ["p:ada", "p:bo"], "most mentioned first"
    assert merged[0].aliases == ("Lane", "Ms Lane"), "every story's spellings but the name"
    assert [(m.article, m.start) for m in merged[0].mentions] == [("a", 4), ("b", 1), ("b", 9)]
    assert merged[1] == other


def test_story_pieces_put_the_costliest_first_and_split_the_work_evenly() -> None:
    members = {f"lone{i:02d}": [f"a{i}"] for i in range(40)}
    members |= {"pair": ["p1", "p2"], "trio": ["t1", "t2", "t3"], "copied": ["c1", "c2"]}
    pieces = list(_story_pieces(sorted(members), members, {"c2": "c1"}, share=8))
    assert sorted(s for piece in pieces for s in piece) == sorted(members), "every story once"
    assert pieces[0] == ["trio"] and pieces[1] == ["pair"], "the stories that are embedded and aligned go first"
    assert "copied" in pieces[2], "an original and its copy cost no more than a lone article"
    assert [len(piece) for piece in pieces[2:]] == [20, 20, 1], "the cheap ones in pieces of about a share of the work"
    one_process = list(_story_pieces(sorted(members), members, {}, share=1))
    assert [len(piece) for piece in one_process] == [43], "in one process, one piece (at most 64 stories)"


def test_copies_found_early_agree_with_one_process_when_every_article_is_placed_again(
    tmp_path: Path, language_model: LanguageModel
) -> None:
    """A brief that two longer articles both contain is the copy of the same one, however the run is split."""
    brief = (
        "The city council voted on Tuesday to close the old harbour bridge to lorries after engineers found cracks "
        "in two of its steel girders. The bridge will stay open to cars and buses while repairs are planned. The "
        "work is expected to cost about four million euros and take most of next year, the council said."
    )

    def body(name: str) -> str:
        return "\n\n".join(p for p in (DEMO / name).read_text(encoding="utf-8").split("\n\n")[1:] if p.strip())

    middle = body("04_meridian_markets.txt").split("\n\n")
    texts = {
        "c_wire": ("\n\n".join([*middle[:3], f"Officials also confirmed the following. {brief}", *middle[3:]]), 1),
        "a_other": (f"{brief} More details will follow later today.\n\n{body('02_harbor_ledger.txt')}", 2),
        "b_brief": (brief, 3),
    }

    def write(folder: Path, ids: list[str]) -> Path:
        folder.mkdir(parents=True)
        lines = [
            json.dumps({"id": i, "title": f"Title {i}", "text": texts[i][0], "published": f"2026-01-0{texts[i][1]}"})
            for i in ids
        ]
        (folder / "in.jsonl").write_text("\n".join(lines), encoding="utf-8")
        return folder

    found = []
    for processes in (1, 2):
        root = tmp_path / str(processes)
        base = load_settings(overrides={"nlp": {"processes": processes, "parallel_from": 1}})
        changed = base.model_copy(update={"stories": base.stories.model_copy(update={"threshold": 0.99})})
        with Store(root / "store.duckdb") as store:
            run([write(root / "one", ["c_wire"])], store, base, language_model)
            result = run([write(root / "two", ["c_wire", "a_other", "b_brief"])], store, changed, language_model)
        found.append({a.id: a.duplicate_of for a in result.dossier.articles})
    assert found[0] == found[1]
    assert found[0]["b_brief"] is not None
