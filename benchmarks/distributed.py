"""The per-article stages (read, clean, parse, extract) on the local engine and on Ray: articles/second with 1 and
2 workers, Ray's cost per run and per article, and (with --ecbplus) the whole of ECB+ through both engines.

The same inputs, in one run: PolNeAR articles of 300-1,000 words (../shared/corpus/polnear) as one JSON Lines file,
each engine into a new store, the language model loaded before the clock starts; what is timed is the run's
ingest+clean and extract stages (and, on Ray, the pipeline run before them: its actors start and load their model
within it). Each configuration runs in a process of its own, held to its cores (1 worker: one core, everything of
the run on it; 2 workers: both), Ray started there with as many CPUs:

  local, 1 process    `nlp.processes = 1`: read, clean, parse and extract one after another in one process
  local, 2 processes  the default: this process reads and cleans, two worker processes parse and extract
  Ray, 1 worker       `--engine ray`, one actor (and the read and clean tasks) on one core
  Ray, 2 workers      two actors on two cores

Ray's cost per run is a run of one article on one worker; its cost per article, what one worker takes beyond the
local process and that. This machine has 2 cores shared with other work and its speed varies by half between runs:
the ratios within one run are the figures. Run: `.venv/bin/python benchmarks/distributed.py [--articles 300]
[--repeat 2] [--ecbplus]`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from threadpoolctl import threadpool_limits

from pipeline import CORPUS, polnear_records

ECBPLUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ecbplus" / "ecbplus_docs.jsonl"
CONFIGS = {
    "local-1": ("local, 1 process", "local", 1),
    "local-2": ("local, 2 processes", "local", 2),
    "ray-1": ("Ray, 1 worker", "ray", 1),
    "ray-2": ("Ray, 2 workers", "ray", 2),
}
PER_ARTICLE = ("ray", "ingest+clean", "extract")


def _inputs(count: int, folder: Path) -> Path:
    records = [r for r in polnear_records() if 300 <= len(r["body"].split()) <= 1000][:count]
    path = folder / "polnear.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


class _ActorMemory:
    """The largest peak resident memory (VmHWM) of this process's Ray actors that parse and extract, sampled."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.done.wait(0.5):
            for entry in Path("/proc").iterdir():
                try:
                    if entry.name.isdigit() and b"ExtractShards" in (entry / "cmdline").read_bytes():
                        status = (entry / "status").read_text()
                        kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
                        self.peak_mb = max(self.peak_mb, kb / 1024)
                except (OSError, StopIteration, ValueError):
                    continue

    def stop(self) -> float:
        self.done.set()
        self.thread.join()
        return self.peak_mb


def _timed_run(inputs: Path, engine: str, workers: int, scratch: Path) -> dict[str, Any]:
    from rashomon.extract.nlp import LanguageModel  # noqa: PLC0415 (loaded after the process is held to its cores)
    from rashomon.pipeline import update  # noqa: PLC0415
    from rashomon.settings import load_settings  # noqa: PLC0415
    from rashomon.store.database import Store  # noqa: PLC0415

    overrides: dict[str, Any] = {"nlp": {"processes": max(workers, 1)}}
    if engine == "ray":
        overrides["engine"] = {"name": "ray", "workers": workers}
    settings = load_settings(overrides=overrides)
    model = LanguageModel(settings.nlp.model, settings.nlp.batch_size)
    ray_engine = None
    if engine == "ray":
        from rashomon.distributed import RayEngine  # noqa: PLC0415

        ray_engine = RayEngine(settings.engine)
    memory = _ActorMemory()
    with Store(scratch / f"store-{time.monotonic_ns()}.duckdb") as store:
        result = update([inputs], store, settings, model, engine=ray_engine)
    stages = {s.name: s.seconds for s in result.stages}
    return {
        "articles": result.added,
        "seconds": sum(stages.get(name, 0.0) for name in PER_ARTICLE),
        "stages": stages,
        "actor_mb": memory.stop(),
        "driver_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure(config: str, inputs: Path, tiny: Path) -> dict[str, Any]:
    """One configuration, in this process, held to its cores."""
    _, engine, workers = CONFIGS[config]
    cores = sorted(os.sched_getaffinity(0))[:workers]
    os.sched_setaffinity(0, cores)
    threadpool_limits(limits=len(cores))  # numpy's matrix products: no more threads than cores
    found: dict[str, Any] = {"cores": cores}
    with tempfile.TemporaryDirectory() as scratch:
        if engine == "ray":
            import ray  # noqa: PLC0415

            started = time.perf_counter()
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
            found["ray_start"] = time.perf_counter() - started
            found["first"] = _timed_run(tiny, engine, workers, Path(scratch))["seconds"]
        found |= _timed_run(inputs, engine, workers, Path(scratch))
        found["tiny"] = _timed_run(tiny, engine, workers, Path(scratch))
    return found


def _child(config: str, inputs: Path, tiny: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--measure", config, str(inputs), str(tiny)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{config} failed:\n{done.stderr[-3000:]}")
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def throughput(count: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        inputs = _inputs(count, Path(scratch))
        tiny = Path(scratch) / "one.jsonl"
        tiny.write_text(inputs.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
        order = list(CONFIGS)
        runs: dict[str, list[dict[str, Any]]] = {c: [] for c in CONFIGS}
        for n in range(repeat):
            for config in order if n % 2 == 0 else order[::-1]:  # ABCD DCBA: a slow spell falls on all alike
                runs[config].append(_child(config, inputs, tiny))
                print(f"  ({config}: {runs[config][-1]['seconds']:.1f} s)", file=sys.stderr, flush=True)
    articles = runs["local-1"][0]["articles"]
    whole, steady, fixed = {}, {}, {}
    for config, done in runs.items():
        seconds = sum(r["seconds"] for r in done) / len(done)
        fixed[config] = sum(r["tiny"]["seconds"] for r in done) / len(done)
        whole[config] = articles / seconds
        steady[config] = (articles - 1) / (seconds - fixed[config])
    print(
        f"Per-article stages (read, clean, parse, extract): {articles} PolNeAR articles of 300-1,000 words, "
        f"{repeat} run(s) of each, alternating"
    )
    print(f"  {'':20} {'whole run':>12} {'steady':>14} {'a run of one article':>22}")
    for config, (label, _, _) in CONFIGS.items():
        print(f"  {label:20} {whole[config]:6.1f} art./s {steady[config]:7.1f} art./s {fixed[config]:18.1f} s")
    print("  (steady: the articles after the first over the time they added, (N - 1) / (T(N) - T(1)))")
    _verdict("Ray 2 workers / 1 worker", steady["ray-2"] / steady["ray-1"], whole["ray-2"] / whole["ray-1"], 1.7)
    _verdict(
        "Ray 1 worker / local 1 process", steady["ray-1"] / steady["local-1"], whole["ray-1"] / whole["local-1"], 0.85
    )
    print(
        f"  Ray 2 workers / local 2 processes: steady {steady['ray-2'] / steady['local-2']:.2f}x, whole run "
        f"{whole['ray-2'] / whole['local-2']:.2f}x (no target); local 2 processes / 1: "
        f"{steady['local-2'] / steady['local-1']:.2f}x"
    )
    per_article = 1 / steady["ray-1"] - 1 / steady["local-1"]
    firsts = [r["first"] for c in ("ray-1", "ray-2") for r in runs[c]]
    starts = [r["ray_start"] for c in ("ray-1", "ray-2") for r in runs[c]]
    print(
        f"  Ray's overhead: {per_article * 1000:+.1f} ms an article on one core (negative: faster than the local "
        f"process), {fixed['ray-1'] - fixed['local-1']:.1f} s a run (actors started, model loaded: a run of one "
        f"article); the first run in a new Ray {min(firsts):.1f}-{max(firsts):.1f} s; starting Ray "
        f"{min(starts):.1f}-{max(starts):.1f} s (not counted above)"
    )
    ray2 = runs["ray-2"][0]["stages"]
    print(
        "  Ray, 2 workers, one run: "
        + ", ".join(f"{name} {ray2.get(name, 0.0):.2f} s" for name in PER_ARTICLE)
        + " (the pipeline; then the store takes its shards in)"
    )
    actor = max(r["actor_mb"] for c in ("ray-1", "ray-2") for r in runs[c])
    driver = max(r["driver_mb"] for c in ("ray-1", "ray-2") for r in runs[c])
    print(f"  memory: {actor:.0f} MB peak per actor, {driver:.0f} MB the driver (the store and its model)")


def _verdict(what: str, steady: float, whole: float, target: float) -> None:
    met = "met" if steady >= target else "NOT met"
    print(f"  {what}: steady {steady:.2f}x, whole run {whole:.2f}x  (target >= {target}x, steady: {met})")


def intake(count: int) -> None:
    """The driver's share, one ordered pass: taking in shards of ``count`` articles (the items through the local
    run's batches, then the extractions in one statement), timed alone."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    from rashomon.distributed.stages import SHARD, decode, encode, shard_files  # noqa: PLC0415
    from rashomon.dossier import Dossier  # noqa: PLC0415
    from rashomon.extract.annotate import extract_batch  # noqa: PLC0415
    from rashomon.extract.nlp import LanguageModel  # noqa: PLC0415
    from rashomon.model import Article  # noqa: PLC0415
    from rashomon.pipeline import RunResult, ingest_into  # noqa: PLC0415
    from rashomon.settings import load_settings  # noqa: PLC0415
    from rashomon.store.database import Store, content_hash, packed  # noqa: PLC0415
    from rashomon.store.records import to_json  # noqa: PLC0415

    settings = load_settings()
    records = [r for r in polnear_records() if 300 <= len(r["body"].split()) <= 1000]
    model = LanguageModel(settings.nlp.model, settings.nlp.batch_size)
    sample = Article(id="sample", source="polnear.jsonl", text=records[0]["body"])
    body = packed(to_json(extract_batch(model, [sample])[0]))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "shards"
        folder.mkdir()
        for first in range(0, count, 1000):
            rows = []
            for n in range(first, min(first + 1000, count)):
                record = records[n % len(records)]
                article = Article(id=f"{record['id']}-{n}", source="polnear.jsonl", text=record["body"],
                                  title=record.get("title"), outlet=record.get("outlet"))  # fmt: skip
                rows.append({"file": 0, "item": n, "kind": "article", "payload": encode(article), "id": article.id,
                             "content_hash": content_hash(article), "body": body, "issues": []})  # fmt: skip
            pq.write_table(pa.Table.from_pylist(rows, schema=SHARD), folder / f"{first:09d}.parquet")
        shards = list(shard_files(folder))
        with Store(Path(scratch) / "store.duckdb") as store:
            started = time.perf_counter()
            items = (decode(kind, payload) for kind, payload in store.shard_items(shards))
            empty = Dossier(
                schema_version="1", articles=[], rejected=[], stories=[], entities=[], quotes=[], figures=[], times=[]
            )
            result = RunResult(dossier=empty)
            ingest_into([], store, settings, result, lambda _: None, cleaner=lambda *_: items)
            taken = time.perf_counter()
            store.take_in_extractions(shards, "benchmark")
            finished = time.perf_counter()
    print(
        f"The driver's intake of {count:,} articles' shards: items {count / (taken - started):,.0f} articles/s "
        f"(through the local run's batches), extractions {count / (finished - taken):,.0f} articles/s"
    )


def ecbplus() -> None:
    """The whole of ECB+ through both engines into new stores: dossier.json byte for byte."""
    import ray  # noqa: PLC0415

    from rashomon.analysis import analyze  # noqa: PLC0415
    from rashomon.settings import load_settings  # noqa: PLC0415

    rows = [json.loads(line) for line in ECBPLUS.read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as scratch:
        inputs = Path(scratch) / "ecbplus.jsonl"
        inputs.write_text("".join(json.dumps({"id": r["doc_id"], "body": r["text"]}) + "\n" for r in rows))
        seconds = {}
        for engine in ("local", "ray"):  # the local engine forks its workers: before this process holds Ray
            if engine == "ray":
                ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
            started = time.perf_counter()
            analyze(
                [inputs], out=Path(scratch) / engine, settings=load_settings(overrides={"engine": {"name": engine}})
            )
            seconds[engine] = time.perf_counter() - started
        same = (Path(scratch) / "local" / "dossier.json").read_bytes() == (
            Path(scratch) / "ray" / "dossier.json"
        ).read_bytes()
        ray.shutdown()
    print(
        f"ECB+, all {len(rows)} documents: dossier.json {'identical' if same else 'DIFFERENT'} on both engines "
        f"(target: identical; whole runs {seconds['local']:.0f} s local, {seconds['ray']:.0f} s Ray)"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=300, help="PolNeAR articles in the throughput runs")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each configuration (alternating order)")
    parser.add_argument("--ecbplus", action="store_true", help="also ECB+ through both engines, dossiers compared")
    parser.add_argument("--intake", type=int, default=20_000, help="articles in the driver's intake run (0: none)")
    parser.add_argument("--measure", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]), Path(args.measure[2]))))
        return 0
    try:
        import ray  # noqa: F401, PLC0415
    except ImportError:
        print("SKIP: Ray is not installed (pip install 'rashomon[ray]')")
        return 0
    if len(os.sched_getaffinity(0)) < 2:
        print("SKIP: the comparison needs 2 cores")
        return 0
    if not (CORPUS / "metadata.tsv").exists():
        print(f"SKIP: PolNeAR not found at {CORPUS} (it lives in ../shared beside the repo)")
    else:
        throughput(args.articles, args.repeat)
        if args.intake:
            intake(args.intake)
    if args.ecbplus:
        if ECBPLUS.exists():
            ecbplus()
        else:
            print(f"SKIP: ECB+ not found at {ECBPLUS}")
    print(f"(run on {time.strftime('%Y-%m-%d')}; the ratios within the run are the figures, not the articles/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
