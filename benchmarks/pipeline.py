"""The whole pipeline: articles per second by stage and overall beside spaCy's own full pipeline, peak memory, and
the incremental case (a large store, 100 articles added, the same inputs run again).

Throughput: real news articles of 500-700 words (PolNeAR, ../shared/corpus/polnear: political news of 2015-2016
from several outlets, with titles, dates and outlets) as JSON Lines records through what `rashomon analyze` does
(`pipeline.update`, then the dossier assembled and written), the models loaded before the clock starts (the
language model, the cleaning's language identifier and the sentence encoder, as `rashomon analyze` loads them
before reading). Beside it,
in the same run on the same texts: spaCy's `nlp.pipe(texts, n_process=2)` with every component of the same model.
This machine's speed varies by half between runs, so the ratio is the figure.

Incremental: a store seeded with S articles: the PolNeAR articles (every tenth held back), extracted once by the
pipeline, then replicated, each replica five weeks before the last and with a third of its words respelled (same
length, so its stored extraction's offsets stay valid and it is no copy of its source; the respelling repeats every 25
replicas, so those are copies of each other, as syndicated stories are). Seeding places and compares all of them as a
first run would (not timed). Then, in a fresh process: the 100 held-back articles added (wall time, model load
excluded), the same inputs again, peak memory; and the grown store's stories against those a new index makes of the
same articles in reading order with the same copies (B-cubed F1, the new grouping as truth). Seeded stores are cached
in benchmarks/.cache/.
Run: `.venv/bin/python benchmarks/pipeline.py [--articles 150] [--repeat 3] [--stores 10000 30000]`; `--repeat`
measures the throughput that many times, spaCy's then ours each time, and prints the median ratio, as one
measurement moves with the machine.
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from statistics import median
from typing import Any

import spacy

from ecbplus import CACHE
from floors import corpus_digest
from rashomon.compare.encoder import ENCODER_NAME
from rashomon.compare.story_result import COMPARE_VERSION
from rashomon.model import Article
from rashomon.pipeline import (
    Models,
    analyse_stories,
    dossier_from_store,
    extractor_version,
    load_models,
    place_stories,
    update,
)
from rashomon.render import write_reports
from rashomon.render.selection import Selection, select
from rashomon.settings import Settings, load_settings
from rashomon.store.database import SCHEMA_VERSION, Store
from rashomon.store.records import from_json
from rashomon.stories.cluster import StoryFacts, reading_key, signatures
from rashomon.stories.dedup import resolve_chains
from rashomon.stories.index import INDEX_VERSION, StoryIndex
from rashomon.workers import Workers
from stories import bcubed

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "polnear" / "data"
HELD_BACK = 100
REPLICA_WEEKS = 5


def polnear_records() -> list[dict[str, Any]]:
    """Every PolNeAR article as a JSON Lines record of ours, by id."""
    records = []
    with (CORPUS / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            path = CORPUS / row["compartment"] / "text" / f"{row['filename']}.txt"
            if not path.exists():
                continue
            record = {"id": row["filename"], "body": path.read_text(encoding="utf-8"), "outlet": row["publisher"]}
            for field, column in (("title", "title"), ("published", "publication_date"), ("byline", "author")):
                if row[column] not in ("", "None"):
                    record[field] = row[column]
            records.append(record)
    return sorted(records, key=lambda r: r["id"])


def _words(record: dict[str, Any]) -> int:
    return len(record["body"].split())


def _write_jsonl(records: list[dict[str, Any]], path: Path) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child, in MB."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across fork and exec, so a measuring process started by the
    # seeding one would report the seeder's peak as its own.
    status = Path("/proc/self/status")
    lines = status.read_text().splitlines() if status.exists() else []
    peak_kb = next((int(line.split()[1]) for line in lines if line.startswith("VmHWM")), None)
    own = (peak_kb if peak_kb is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


def throughput(records: list[dict[str, Any]], settings: Settings, models: Models) -> float:
    """One measurement: spaCy's full pipeline, then ours, on the same texts; the ratio of their speeds."""
    texts = [r["body"] for r in records]
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load(settings.nlp.model)
    started = time.perf_counter()
    parsed = list(nlp.pipe(texts, n_process=2, batch_size=settings.nlp.batch_size))
    spacy_seconds = time.perf_counter() - started
    del parsed
    with tempfile.TemporaryDirectory() as scratch:
        inputs = _write_jsonl(records, Path(scratch) / "articles.jsonl")
        started = time.perf_counter()
        with Store(Path(scratch) / "store.duckdb") as store:
            result = update([inputs], store, settings, models.language, encoder=models.encoder)
            assembled = time.perf_counter()
            dossier = dossier_from_store(store)
        written = time.perf_counter()
        write_reports(dossier, Path(scratch) / "out")
        finished = time.perf_counter()
    ours = finished - started
    count = len(records)
    print(f"Throughput: {count} PolNeAR articles, {words / count:.0f} words on average")
    print(
        f"  spaCy {settings.nlp.model}, nlp.pipe n_process=2, all components: {count / spacy_seconds:6.1f} articles/s"
    )
    print(
        f"  rashomon, whole run (model loaded before):          {count / ours:6.1f} articles/s = "
        f"{spacy_seconds / ours:.2f}x spaCy (target 1.4x, aim 2.2x)"
    )
    stages = [(s.name, s.items_in, s.seconds) for s in result.stages]
    stages += [("assemble", count, written - assembled), ("write reports", count, finished - written)]
    for name, items, seconds in stages:
        rate = f"{items / seconds:8.1f} articles/s" if seconds > 0 and items else ""
        print(f"    {name:14} {seconds:7.2f} s for {items:5d} {rate}")
    own, child = _peak_mb()
    print(f"  peak memory: {own:.0f} MB in this process, {child:.0f} MB in the largest worker")
    print(f"  {len(dossier.stories)} stories, {len(dossier.quotes)} quotes, {len(dossier.figures)} figures")
    return spacy_seconds / ours


_WORD = re.compile(r"[A-Za-z]+")


def respell(text: str, shift: int) -> str:
    """Every third word's letters rotated by ``shift``: the same length, so offsets into the text stay valid."""
    counter = iter(range(len(text)))

    def rotate(match: re.Match[str]) -> str:
        if next(counter) % 3:
            return match.group()
        return "".join(
            chr((ord(c) - base + shift) % 26 + base) for c in match.group() for base in (65 if c.isupper() else 97,)
        )

    return _WORD.sub(rotate, text)


def _replica(article: Article, body: str, number: int) -> tuple[Article, str]:
    if number == 0:
        return article, body
    replica_id = f"{article.id}~{number}"
    day = article.published_date()
    published = (day - timedelta(weeks=REPLICA_WEEKS * number)).isoformat() if day else None
    replica = Article(
        id=replica_id,
        source=f"replica {number} of {article.source}",
        text=respell(article.text, number % 25 + 1),
        title=respell(article.title, number % 25 + 1) if article.title else None,
        published=published,
        outlet=article.outlet,
        byline=article.byline,
    )
    moved = body.replace(f'"{article.id}"', f'"{replica_id}"').replace(f'"{article.id}:', f'"{replica_id}:')
    return replica, moved


def _progress(label: str) -> Any:
    last = [0.0]

    def show(event: Any) -> None:
        if time.perf_counter() - last[0] > 10 or event.done == event.total:
            last[0] = time.perf_counter()
            print(f"    {label}: {event.stage} {event.done}/{event.total}", flush=True)

    return show


def seeded_store(size: int, sources: list[dict[str, Any]], settings: Settings, models: Models) -> Path:
    """A store of ``size`` articles (cached): the sources extracted once, then replicated, placed and compared."""
    digest = corpus_digest([CORPUS / "metadata.tsv"])
    model = models.language
    version = extractor_version(model).replace("/", "-")
    CACHE.mkdir(exist_ok=True)
    # The kept sentence vectors are those of one encoder, made only with embeddings on.
    vectors = ENCODER_NAME if settings.compare.embeddings else "no-vectors"
    # The stories were compared by one version of the comparison into one layout of the store, its story index kept
    # by one version of the index (another's would be placed again by the first run measured).
    made_by = f"compare{COMPARE_VERSION}-schema{SCHEMA_VERSION}-index{INDEX_VERSION}"
    path = CACHE / f"pipeline-store-{size}-{digest}-{version}-{vectors}-{made_by}.duckdb"
    if path.exists():
        return path
    origin = CACHE / f"pipeline-sources-{digest}-{version}-schema{SCHEMA_VERSION}.duckdb"
    if not origin.exists():
        print(f"  extracting the {len(sources)} source articles once ...", flush=True)
        building = origin.with_suffix(".partial")
        building.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory() as scratch, Store(building) as store:
            update(
                [_write_jsonl(sources, Path(scratch) / "sources.jsonl")], store, settings, model, encoder=models.encoder
            )
        building.rename(origin)
        # Only the extractions are taken from the sources; their story index is not needed.
        for made in CACHE.glob(f"{glob.escape(building.name)}.stories-*"):
            shutil.rmtree(made)
    with Store(origin) as store:
        articles = store.articles()
        bodies = store.extractions([a.id for a in articles])
    print(f"  seeding a store of {size} articles ...", flush=True)
    # Built under its own name in a folder of its own, moved into the cache when whole: a killed run leaves no cached
    # half store, and the story index folder keeps the name the store gave it.
    building = CACHE / "building"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir()
    partial = building / path.name
    started = time.perf_counter()
    with Store(partial) as store:
        for number in range(-(-size // len(articles))):
            chosen = articles[: size - number * len(articles)]
            replicas = [_replica(a, bodies[a.id], number) for a in chosen]
            store.save_batch([r for r, _ in replicas], [])
            store.save_extractions(extractor_version(model), [(r.id, body) for r, body in replicas])
        _, index = place_stories(store, settings, _progress("seeding"))
        workers = Workers(settings.nlp, model, with_encoder=settings.compare.embeddings, encoder=models.encoder)
        try:
            version = extractor_version(model)
            analyse_stories(store, settings, version, _progress("seeding"), index=index, pool=workers.start())
        finally:
            workers.close()
    for made in building.glob(f"{glob.escape(path.name)}.stories-*"):
        made.rename(CACHE / made.name)
    partial.rename(path)
    building.rmdir()
    print(f"  seeded in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def measure(store_path: Path, inputs: Path) -> None:
    """In its own process: add the inputs to the store, then the same again; print the figures as JSON."""
    settings = load_settings()
    models = load_models(settings)
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for label in ("add", "again"):
            started = time.perf_counter()
            with Store(store_path) as store:
                result = update([inputs], store, settings, models.language, encoder=models.encoder)
                entries = store.story_entries()
                top = sorted(entries, key=lambda e: (-e[1], e[0]))[:20]
                dossier = select(dossier_from_store(store, [e[0] for e in top]), Selection(top=20))
            write_reports(dossier, Path(scratch) / label)
            figures[label] = time.perf_counter() - started
            figures[f"{label} stages"] = {s.name: round(s.seconds, 2) for s in result.stages}
            figures[f"{label} counts"] = [result.added, result.updated, result.unchanged]
    figures["peak MB"] = _peak_mb()
    print(json.dumps(figures))


def scratch_agreement(store_path: Path, settings: Settings) -> float:
    """B-cubed F1 of the store's stories against a new index fed all its articles in reading order."""
    with Store(store_path) as store:
        saved = store.story_index()
        ids = store.article_ids()
        published = store.publication_dates(ids)
        ordered = sorted(ids, key=lambda i: reading_key(i, published.get(i)))
        fresh = StoryIndex(settings.stories)
        copies = resolve_chains(store.copies())  # a run from scratch finds the same copies
        for first in range(0, len(ordered), settings.stories.batch_size):
            batch = ordered[first : first + settings.stories.batch_size]
            articles = sorted(store.articles(batch), key=lambda a: reading_key(a.id, a.published))
            facts = {i: from_json(StoryFacts, body, "facts") for i, body in store.extractions(batch).items()}
            fresh.add(signatures(articles, facts), copies)
    grown = StoryIndex.from_saved(saved.state, saved.columns) if saved else StoryIndex(settings.stories)
    truth = {member: str(n) for n, members in enumerate(fresh.stories()) for member in members}
    return bcubed(grown.stories(), truth)[2]


def incremental(sizes: list[int], records: list[dict[str, Any]], settings: Settings, models: Models) -> None:
    # Every tenth article held back, so the new ones come from every outlet and month.
    new = records[::10][:HELD_BACK]
    held = {r["id"] for r in new}
    sources = [r for r in records if r["id"] not in held]
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        inputs = _write_jsonl(new, Path(scratch) / "new.jsonl")
        for size in sizes:
            seeded = seeded_store(size, sources, settings, models)
            # Under the cached store's own name: a store appends to an index folder named after it, and writes a
            # copy under another name its own new folder.
            (Path(scratch) / str(size)).mkdir()
            working = Path(scratch) / str(size) / seeded.name
            shutil.copy(seeded, working)
            for beside in seeded.parent.glob(f"{glob.escape(seeded.name)}.stories-*"):  # the story index
                shutil.copytree(beside, working.parent / beside.name)
            # The copy (and a seeding just done) is written to disk now, not while the run is timed.
            os.sync()
            output = subprocess.run(
                [sys.executable, __file__, "--measure", str(working), str(inputs)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            figures = json.loads(output.strip().splitlines()[-1])
            figures["agreement"] = scratch_agreement(working, settings)
            rows.append((size, figures))
            print(f"  {size:>7} articles: {json.dumps(figures)}", flush=True)
    print(f"Incremental: {HELD_BACK} new articles added to a store of S (model load excluded; reports of the top 20)")
    print(f"  {'S':>7} {'add (s)':>8} {'again (s)':>9} {'peak MB':>8} {'B3 F1 vs scratch':>17}")
    for size, figures in rows:
        print(
            f"  {size:>7} {figures['add']:8.1f} {figures['again']:9.1f} {max(figures['peak MB']):8.0f} "
            f"{figures['agreement']:17.3f}"
        )
    if len(rows) > 1:
        growth = rows[-1][1]["add"] / rows[0][1]["add"]
        print(f"  time per added article, {rows[-1][0]} vs {rows[0][0]}: {growth:.2f}x (target <= 1.5x)")
    print("  targets at 100,000: add <= 15 s, again <= 5 s, peak <= 4,000 MB")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=150, help="articles in the throughput run (0: none)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="throughput measurements, each spaCy's then ours; the median ratio"
    )
    parser.add_argument("--stores", type=int, nargs="*", default=[10_000], help="store sizes for the incremental case")
    parser.add_argument("--measure", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        measure(*args.measure)
        return 0
    if not (CORPUS / "metadata.tsv").exists():
        print(f"SKIP: PolNeAR not found at {CORPUS} (it lives in ../shared beside the repo)")
        return 0
    settings = load_settings()
    models = load_models(settings)
    records = polnear_records()
    sized = [r for r in records if 500 <= _words(r) <= 700][: args.articles]
    if sized:
        ratios = [throughput(sized, settings, models) for _ in range(max(1, args.repeat))]
        if len(ratios) > 1:
            shown = ", ".join(f"{r:.2f}x" for r in ratios)
            print(f"Throughput over {len(ratios)} measurements: {shown}; median {median(ratios):.2f}x (target 1.4x)")
    if args.stores:
        incremental(args.stores, records, settings, models)
    print(f"(run on {date.today().isoformat()}; the ratio to spaCy is the figure, not the articles/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
