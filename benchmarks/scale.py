"""The story-grouping stage at 10k, 100k and 1M articles: articles/second, peak memory, time to add one article.

Articles are ECB+ documents replicated and perturbed: each copy of an event gets its own dates (two years of news,
over a thousand articles a day at 1M), its own weekdays, months, years and figures, and its own spelling of a third
of its words and of every entity name, so copies of one event read alike but are different events. Lines are kept
(the source's sentences), so the lead is its first lines as in a real article. They arrive in publication order,
in batches of 1,000, through the same `cluster.signatures` + `StoryIndex.add` the pipeline uses: two processes make
signatures, the main one places them. Making the stream (cached in benchmarks/.cache/) is not timed. Run:
`.venv/bin/python benchmarks/scale.py [10000 100000 1000000]` (default: all three; the first 1M run spends ten to
twenty minutes making the stream).
"""

from __future__ import annotations

import itertools
import pickle
import random
import resource
import sys
import time
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from multiprocessing import Process, Queue, Value
from pathlib import Path
from queue import Empty
from typing import Any

import numpy as np
from tqdm import tqdm

from ecbplus import CACHE, CORPUS, Ecbplus, load
from floors import corpus_digest
from rashomon.model import Article
from rashomon.settings import StorySettings
from rashomon.stories.cluster import StoryFacts, signatures
from rashomon.stories.evidence import Signatures
from rashomon.stories.index import StoryIndex
from stories import bcubed

START = date(2024, 1, 1)
DAYS = 730
BATCH = 1000
# Processes making signatures beside the one placing them: the machine has two cores, and placing takes less
# than half the time signing does.
SIGNERS = 2
TARGET_RATE, TARGET_MEMORY_GB, TARGET_ADD_MS = 2000, 4.0, 50
# Version of how the stream is made (and of the story facts it replicates), part of its cache files' names: a
# changed recipe makes the stream again.
STREAM = "v3"


def _respelled(word: str, copy: int) -> str:
    return f"{word}{chr(97 + copy % 26)}{chr(97 + copy // 26 % 26)}{chr(97 + copy // 676 % 26)}"


def _copy_word(word: str, copy: int) -> str:
    """One word of one copy of an event: its own time and numbers, and a third of its vocabulary respelled
    (the same third in every report of that copy)."""
    if word in _WEEKDAYS:
        return _WEEKDAYS[(_WEEKDAYS.index(word) + copy) % 7]
    if word in _MONTHS:
        return _MONTHS[(_MONTHS.index(word) + copy) % 12]
    if word[:1].isdigit():
        if len(word) == 4 and word.isdigit() and word[:2] in ("19", "20"):
            return str(1990 + (int(word) - 1990 + copy) % 40)
        return f"{word}{copy % 97}"
    return _respelled(word, copy) if zlib.crc32(f"{word}|{copy}".encode()) % 3 == 0 else word


_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
]  # fmt: skip


def replicas(corpus: Ecbplus, total: int, seed: int = 7) -> Iterator[tuple[list[Article], dict[str, StoryFacts]]]:
    """Batches of (articles, their story facts), in publication order."""
    rng = random.Random(seed)
    by_event: dict[str, list[Article]] = {}
    for article in corpus.articles:
        by_event.setdefault(corpus.event[article.id], []).append(article)
    events = sorted(by_event)
    copies = -(-total // len(corpus.articles))
    plan = sorted((rng.randrange(DAYS), event, copy) for copy in range(copies) for event in events)
    # Line by line: the lines are the source's sentences, and the lead (first lines) is compared on its own.
    lines = {a.id: [line.split() for line in a.text.splitlines()] for a in corpus.articles}
    articles: list[Article] = []
    facts: dict[str, StoryFacts] = {}
    made = 0
    for first_day, event, copy in plan:
        for source in by_event[event]:
            if made == total:
                break
            text = "\n".join(" ".join(_copy_word(w, copy) for w in line) for line in lines[source.id])
            day = START + timedelta(days=first_day + rng.randrange(3))
            article_id = f"{source.id}#{copy}"
            articles.append(Article(id=article_id, source="replica", text=text, published=day.isoformat()))
            facts[article_id] = _respelled_facts(corpus.facts[source.id], copy)
            made += 1
            if len(articles) == BATCH:
                yield articles, facts
                articles, facts = [], {}
    if articles:
        yield articles, facts


def _respelled_facts(facts: StoryFacts, copy: int) -> StoryFacts:
    """The facts of one copy of an event: its own names, places and entities."""
    return replace(
        facts,
        proper_nouns=tuple(_respelled(n, copy) for n in facts.proper_nouns),
        entities=frozenset(_respelled(e, copy) for e in facts.entities),
        places=frozenset(_respelled(p, copy) for p in facts.places),
        dates=frozenset(" ".join(_copy_word(w, copy) for w in d.split()) for d in facts.dates),
        cardinals=frozenset(" ".join(_copy_word(w, copy) for w in c.split()) for c in facts.cardinals),
    )


def stream_files(corpus: Ecbplus, total: int) -> list[Path]:
    """The replicated stream of ``total`` articles, made once and kept in benchmarks/.cache/: batch i pickled
    into file i % SIGNERS, so each signing process reads only its own batches."""
    digest = corpus_digest([CORPUS])
    paths = [CACHE / f"scale-{STREAM}-{total}-{digest}-{turn}of{SIGNERS}.pickles" for turn in range(SIGNERS)]
    if not all(path.exists() for path in paths):
        CACHE.mkdir(exist_ok=True)
        partial = [path.with_suffix(".partial") for path in paths]
        outs = [path.open("wb") for path in partial]
        batches = tqdm(replicas(corpus, total), total=-(-total // BATCH), desc=f"making {total}", unit="batch")
        for number, batch in enumerate(batches):
            pickle.dump(batch, outs[number % SIGNERS], protocol=pickle.HIGHEST_PROTOCOL)
        for out, done, path in zip(outs, partial, paths, strict=True):
            out.close()
            done.rename(path)
    return paths


def _sign(path: Path, out: Queue[Signatures | None], seconds: Any) -> None:
    """A signing process: read its share of the stream and make the batches' signatures."""
    with path.open("rb") as stream:
        while True:
            try:
                articles, facts = pickle.load(stream)
            except EOFError:
                break
            started = time.perf_counter()
            batch = signatures(articles, facts)
            with seconds.get_lock():
                seconds.value += time.perf_counter() - started
            out.put(batch)
    out.put(None)


def _next(queue: Queue[Signatures | None], worker: Process) -> Signatures | None:
    while True:
        try:
            return queue.get(timeout=5)
        except Empty:
            if not worker.is_alive():
                raise RuntimeError(f"a signing process stopped (exit code {worker.exitcode})") from None


def measure(corpus: Ecbplus, total: int) -> dict[str, float]:
    """Rates, memory and the time to add one more article, for a stream of ``total`` articles on two cores:
    one process makes signatures, the other places them in the index."""
    paths = stream_files(corpus, total)
    index = StoryIndex(StorySettings())
    queues: list[Queue[Signatures | None]] = [Queue(maxsize=4) for _ in range(SIGNERS)]
    signing = Value("d", 0.0)
    workers = [Process(target=_sign, args=(paths[turn], queues[turn], signing)) for turn in range(SIGNERS)]
    adding = 0.0
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    # Batches come back in stream order: one from each signing process in turn.
    for number in itertools.count():
        batch = _next(queues[number % SIGNERS], workers[number % SIGNERS])
        if batch is None:
            break
        began = time.perf_counter()
        index.add(batch)
        adding += time.perf_counter() - began
    wall = time.perf_counter() - started
    for worker in workers:
        worker.join()
    timings = []
    for i, source in enumerate(corpus.articles[:20]):
        day = (START + timedelta(days=DAYS // 2)).isoformat()
        one = Article(id=f"late-{i}", source="replica", text=source.text, published=day)
        began = time.perf_counter()
        index.add(signatures([one], {one.id: corpus.facts[source.id]}))
        timings.append(time.perf_counter() - began)
    main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    stories = index.stories()
    # Each copy of an event is an event of its own: its reports are the one story they should form.
    truth = {
        article_id: f"{corpus.event[source]}#{copy}"
        for story in stories
        for article_id in story
        if not article_id.startswith("late-")
        for source, copy in [article_id.split("#")]
    }
    precision, recall, f1 = bcubed(stories, truth)
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2
    return {
        "stage": total / wall,
        "signatures": total / signing.value,  # per signing process
        "index": total / adding,
        "add_ms": 1000 * float(np.median(timings)),
        "peak": main_peak + worker_peak,
        "index_gb": index.memory() / 1024**3,
        "stories": len(stories),
        "b3": f1,
        "b3_precision": precision,
        "b3_recall": recall,
    }


def main(argv: Sequence[str]) -> int:
    if not CORPUS.exists():
        print(f"SKIP: ECB+ not found at {CORPUS} (it lives in ../shared beside the repo)")
        return 0
    sizes = [int(a) for a in argv] or [10_000, 100_000, 1_000_000]
    corpus = load()
    print("Story grouping at scale (replicated, perturbed ECB+; signatures + streaming index; 2-core machine)")
    print(
        f"{'articles':>10} {'stage/s':>8} {'signatures/s':>13} {'index/s':>8} {'add one (ms)':>13} "
        f"{'peak GB':>8} {'index GB':>9} {'stories':>8} {'B3 P / R / F1':>22}"
    )
    failed = []
    for size in sizes:
        m = measure(corpus, size)
        print(
            f"{size:>10} {m['stage']:8.0f} {m['signatures']:13.0f} {m['index']:8.0f} {m['add_ms']:13.1f} "
            f"{m['peak']:8.2f} {m['index_gb']:9.2f} {m['stories']:8.0f} "
            f"{m['b3_precision']:6.3f} / {m['b3_recall']:.3f} / {m['b3']:.3f}",
            flush=True,
        )
        if size >= 1_000_000 and (
            m["stage"] < TARGET_RATE or m["peak"] > TARGET_MEMORY_GB or m["add_ms"] > TARGET_ADD_MS
        ):
            failed.append(size)
    print(
        f"\ntargets at 1M: >= {TARGET_RATE} articles/s, <= {TARGET_MEMORY_GB:.0f} GB peak, <= {TARGET_ADD_MS} ms "
        "to add one article. stage/s: wall time of the three processes together (two make signatures, one places "
        "them); peak: their resident high-water marks added (so it only grows across sizes); index GB: the index's "
        "own arrays; B3: B-cubed against the replicas' truth (each copy of an ECB+ event is one event)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
