"""`rashomon serve` over a large store: story page and search latency, and 50 concurrent clients for 30 s.

The store: the largest seeded store `benchmarks/pipeline.py` cached in benchmarks/.cache/ (100,000 PolNeAR articles
and their replicas, extracted, placed and compared as a run would); without one, a store of the demo corpus
replicated to --articles articles, written through `Store` directly (the demo's articles, extractions and story
results under new ids: cheap, but every replica reads alike, so search finds many stories per word). The server is a
real `rashomon serve` process on 127.0.0.1; its copy and catalog are kept in benchmarks/.cache/web-serve/ (the first
start over a store reads every story once; later starts read only what changed).

Latency: one client, each request in turn: story pages of stories drawn at random (each page asked once: nothing is
cached), and searches for words drawn from the stories' titles plus a few common ones. Load: 50 threads asking for
a mix of story pages, searches, lists and article pages for 30 s. Targets (issue 18): p95 under 100 ms; no error.
Run: `.venv/bin/python benchmarks/web.py [--store FILE] [--articles 100000] [--seconds 30] [--clients 50]`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from rashomon.analysis import analyze, demo_inputs
from rashomon.store.database import Store, StoryRow

CACHE = Path(__file__).parent / ".cache"
TARGET_MS = 100.0
COMMON = ["trump", "clinton emails", '"white house"', "the", "bridge", "iowa caucus", "refugees syria"]


def cached_store() -> Path | None:
    """The largest seeded store benchmarks/pipeline.py left, if any."""
    found = sorted(CACHE.glob("pipeline-store-*.duckdb"), key=lambda path: path.stat().st_size)
    return found[-1] if found else None


def replicated_demo(articles: int) -> Path:
    """The demo corpus replicated to about ``articles`` articles, rows written through `Store` (cached)."""
    target = CACHE / f"web-demo-{articles}.duckdb"
    if target.exists():
        return target
    source = CACHE / "web-demo" / "rashomon.duckdb"
    if not source.exists():
        analyze(demo_inputs(), out=source.parent)
    with Store(source) as demo:
        originals = demo.articles()
        bodies = demo.extractions([a.id for a in originals])
        stories = [(json.loads(body), entry) for body, entry in zip(demo.stories(), demo.story_entries(), strict=True)]
    building = target.with_suffix(".building")
    building.unlink(missing_ok=True)
    with Store(building) as store:
        for copy in range(max(1, articles // len(originals))):
            _replicate(store, originals, bodies, stories, copy)
    building.rename(target)
    return target


def _replicate(store: Store, originals: list[Any], bodies: dict[str, str], stories: list[Any], copy: int) -> None:
    def renamed(text: str) -> str:
        for article in originals:
            text = text.replace(json.dumps(article.id), json.dumps(f"{article.id}~{copy}"))
        return text

    store.save_batch([replace(a, id=f"{a.id}~{copy}", source=f"{a.source}~{copy}") for a in originals], [])
    store.save_extractions("replica", [(f"{i}~{copy}", renamed(body)) for i, body in bodies.items()])
    rows = []
    for result, (story_id, _size, day, outlets) in stories:
        new_id = f"{story_id}~{copy}"
        body = renamed(json.dumps(result)).replace(json.dumps(story_id), json.dumps(new_id))
        members = tuple(f"{m}~{copy}" for m in result["story"]["articles"])
        rows.append(
            StoryRow(id=new_id, basis="replica", members=members, day=day, outlets=frozenset(outlets), body=body)
        )
    store.save_stories(rows)


class Server:
    def __init__(self, store: Path, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "rashomon.cli", "serve", "--db", str(store), "--port", str(port)]
        self.process = subprocess.Popen([*command, "--cache", str(CACHE / "web-serve")])
        started = time.monotonic()
        while True:
            if self.process.poll() is not None:
                raise SystemExit("rashomon serve ended before it answered")
            try:
                if fetch(f"{self.base}/api/status", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        self.ready_seconds = time.monotonic() - started

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str, timeout: float = 30) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as error:
        return int(error.code), error.read()


def timed(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    status, _ = fetch(url)
    return status, (time.perf_counter() - started) * 1000


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def sample_stories(base: str, pages: int, rng: random.Random) -> list[dict[str, Any]]:
    total = json.loads(fetch(f"{base}/api/stories")[1])["pages"]
    found: list[dict[str, Any]] = []
    for page in rng.sample(range(1, total + 1), min(pages, total)):
        found += json.loads(fetch(f"{base}/api/stories?page={page}")[1])["stories"]
    return found


def search_words(stories: list[dict[str, Any]], count: int, rng: random.Random) -> list[str]:
    words = sorted({w.lower() for s in stories for w in re.findall(r"[A-Za-z]{5,}", s["title"] or "")})
    return [*COMMON, *rng.sample(words, min(count, len(words)))]


def report(label: str, samples: list[tuple[int, float]]) -> None:
    errors = sum(1 for status, _ in samples if status != 200)
    p50, p95 = percentiles([ms for _, ms in samples])
    verdict = "meets" if p95 < TARGET_MS and not errors else "MISSES"
    print(
        f"{label:<34} n={len(samples):<5} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  errors {errors}"
        f"   (target p95 < {TARGET_MS:.0f} ms, 0 errors: {verdict})"
    )


def latency(base: str, stories: list[dict[str, Any]], words: list[str], rng: random.Random) -> None:
    chosen = rng.sample(stories, min(200, len(stories)))
    report("story page, one client", [timed(f"{base}{s['page']}") for s in chosen])
    report("story JSON, one client", [timed(f"{base}/api/stories/{quote(s['id'], safe='')}") for s in chosen[:100]])
    report("search page, one client", [timed(f"{base}/?{urlencode({'q': w})}") for w in words])
    report("search JSON, one client", [timed(f"{base}/api/stories?{urlencode({'q': w})}") for w in words])
    filtered = [f"{base}/?{urlencode({'q': w, 'conflicts': 1, 'sort': 'newest'})}" for w in words[:50]]
    report("search + filters + date sort", [timed(url) for url in filtered])


def load(base: str, stories: list[dict[str, Any]], words: list[str], clients: int, seconds: float) -> None:
    urls = [f"{base}{s['page']}" for s in stories] + [f"{base}/?{urlencode({'q': w})}" for w in words]
    urls += [f"{base}/", f"{base}/api/stories?sort=newest", f"{base}/?conflicts=1"]
    samples: list[tuple[int, float]] = []
    failures: list[str] = []
    deadline = time.monotonic() + seconds

    def client(seed: int) -> None:
        rng = random.Random(seed)
        while time.monotonic() < deadline:
            url = rng.choice(urls)
            try:
                samples.append(timed(url))
            except OSError as error:
                failures.append(f"{url}: {error}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    errors = len(failures) + sum(1 for status, _ in samples if status != 200)
    p50, p95 = percentiles([ms for _, ms in samples]) if samples else (0.0, 0.0)
    # The issue asks the load for no error; the latency target is the one-client figures' above (with no pause
    # between requests, 50 clients queue on two cores, and their p95 is the queue's length).
    verdict = "meets" if not errors else "MISSES"
    print(
        f"{clients} clients for {elapsed:.0f} s: {len(samples)} answers, {len(samples) / elapsed:.1f} requests/s, "
        f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, errors {errors} (target 0 errors: {verdict})"
    )
    for failure in failures[:5]:
        print(f"  {failure}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="the store to serve (default: the largest cached one)")
    parser.add_argument("--articles", type=int, default=100_000, help="size of the replicated demo store")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=50)
    args = parser.parse_args(argv)
    store = args.store or cached_store() or replicated_demo(args.articles)
    server = Server(store, free_port())
    counts = json.loads(fetch(f"{server.base}/api/status")[1])
    print(f"Store: {store.name}: {counts['articles']} articles, {counts['stories']} stories")
    print(f"rashomon serve answered after {server.ready_seconds:.1f} s (copy of the store, catalog brought up to date)")
    try:
        rng = random.Random(18)
        stories = sample_stories(server.base, 12, rng)
        words = search_words(stories, 100, rng)
        latency(server.base, stories, words, rng)
        load(server.base, stories, words, args.clients, args.seconds)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
