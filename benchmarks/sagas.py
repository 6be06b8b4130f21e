"""Same-event grouping inside sagas: distinct happenings with the same actors a few days (or months) apart.

Saga sets (benchmarks/saga_sets/, written for rashomon; its README says what each saga plants): ten made-up sagas,
each of three or four happenings told by three outlets, some articles undated. Half the sagas (`tune`) may be used
to fit and choose the story model (`benchmarks/train_stories.py` does); the other half (`held-out`) is only
reported. A third split (`fresh`), written later to resemble issue 20's held-out set (outlets of different leanings,
longer articles, standalone events beside four sagas), is not fitted on; it chose the story model's days-apart
penalty once (benchmarks/train_stories.py), so it is dev data, not held out. All the articles go through one
`rashomon.analysis.analyze` run (in memory, statement embeddings off: the stories do not depend on them), so the
stories measured are exactly those `rashomon analyze` stores. B-cubed P/R/F1 over each split's articles, beside TF-IDF
average-link at its threshold tuned on the tune half, and ECB+ test (topics 36-45) grouped by the same settings when
the corpus is there.
Run: `.venv/bin/python benchmarks/sagas.py`.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ecbplus import CACHE, CORPUS, extract_facts
from ecbplus import load as load_ecbplus
from rashomon.analysis import analyze
from rashomon.extract.annotate import EXTRACTOR_VERSION
from rashomon.model import Article
from rashomon.settings import CompareSettings, NlpSettings, Settings, StorySettings
from rashomon.stories.cluster import StoryFacts
from stories import BASELINE_THRESHOLDS, bcubed, ours, tfidf_average_link

SETS = Path(__file__).resolve().parent / "saga_sets"
HALVES = ("tune", "held-out", "fresh")


@dataclass(frozen=True, slots=True, kw_only=True)
class Sagas:
    articles: list[Article]  # as `analyze` reads them: the body is the clean text
    event: dict[str, str]  # article id -> gold happening
    split: dict[str, str]  # article id -> tune, held-out or fresh

    def gold(self, half: str | None = None) -> dict[str, str]:
        return {i: e for i, e in self.event.items() if half is None or self.split[i] == half}

    def files(self) -> list[Path]:
        return sorted(SETS.glob("*.jsonl"))


def load() -> Sagas:
    gold = json.loads((SETS / "gold.json").read_text(encoding="utf-8"))
    articles, split = [], {}
    for path in sorted(SETS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            articles.append(
                Article(
                    id=r["id"],
                    source=path.name,
                    text=r["body"],
                    title=r.get("title"),
                    published=r.get("published"),
                    outlet=r.get("outlet"),
                    url=r.get("url"),
                )
            )
            split[r["id"]] = gold["split"][path.stem]
    return Sagas(articles=articles, event=gold["event"], split=split)


def facts(sagas: Sagas) -> dict[str, StoryFacts]:
    """Each saga article's story facts, extracted as the pipeline does (cached beside ECB+'s)."""
    model_name = NlpSettings().model
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sagas.files())).hexdigest()[:16]
    cache = CACHE / f"sagas-facts-{digest}-{model_name}-extractor{EXTRACTOR_VERSION}.pickle"
    if cache.exists():
        found: dict[str, StoryFacts] = pickle.loads(cache.read_bytes())
        return found
    found = extract_facts(sagas.articles, model_name)
    CACHE.mkdir(exist_ok=True)
    cache.write_bytes(pickle.dumps(found))
    return found


def analyzed(sagas: Sagas) -> list[list[str]]:
    """The stories one `analyze` run over every saga file stores."""
    settings = Settings(compare=CompareSettings(embeddings=False))
    result = analyze(sagas.files(), settings=settings)
    return [list(story.articles) for story in result.dossier.stories]


def row(name: str, threshold: float | None, groups: Sequence[Sequence[str]], sagas: Sagas) -> str:
    cells = []
    for half in (*HALVES, None):
        p, r, f = bcubed(groups, sagas.gold(half))
        cells.append(f"{p:.3f} / {r:.3f} / {f:.3f}")
    shown = f"{threshold:5.2f}" if threshold is not None else "    -"
    return f"{name:30} {shown}  " + "  ".join(f"{c:>21}" for c in cells)


def ecbplus_test(threshold: float) -> str:
    if not CORPUS.exists():
        return f"ECB+ not found at {CORPUS}: test not reported"
    corpus = load_ecbplus()
    test = [a for a in corpus.articles if corpus.split[a.id] == "test"]
    gold = {a.id: corpus.event[a.id] for a in test}
    p, r, f = bcubed(ours(test, corpus, threshold), gold)
    return f"ECB+ test (topics 36-45), same grouping: B3 P / R / F1 {p:.3f} / {r:.3f} / {f:.3f}"


def main() -> int:
    sagas = load()
    halves = {half: sum(1 for s in sagas.split.values() if s == half) for half in HALVES}
    events = {half: len(set(sagas.gold(half).values())) for half in HALVES}
    print(
        f"saga sets: {len(sagas.articles)} articles, {len(set(sagas.event.values()))} happenings; "
        + ", ".join(f"{half} {halves[half]} articles / {events[half]} happenings" for half in HALVES)
    )
    started = time.perf_counter()
    groups = analyzed(sagas)
    print(f"analyze: {len(groups)} stories in {time.perf_counter() - started:.0f} s")
    tune = [a for a in sagas.articles if sagas.split[a.id] == "tune"]
    best = max(BASELINE_THRESHOLDS, key=lambda t: bcubed(tfidf_average_link(tune, t), sagas.gold("tune"))[2])
    print("\nSaga happenings, number of events not given (B-cubed P / R / F1)")
    print(f"{'method':30} {'thr':>5}  " + "  ".join(f"{half:>21}" for half in (*HALVES, "all")))
    print(row("rashomon analyze", StorySettings().threshold, groups, sagas))
    print(row("baseline TF-IDF average-link", best, tfidf_average_link(sagas.articles, best), sagas))
    print(ecbplus_test(StorySettings().threshold))
    return 0


def mistakes(groups: Sequence[Sequence[str]], gold: Mapping[str, str]) -> list[str]:
    """Stories mixing happenings, and happenings split over stories (for reading, not scoring)."""
    lines = [f"mixed: {sorted(g)}" for g in groups if len({gold[i] for i in g if i in gold}) > 1]
    where: dict[str, set[int]] = {}
    for n, members in enumerate(groups):
        for i in members:
            where.setdefault(gold.get(i, ""), set()).add(n)
    lines += [f"split: {event}" for event, found in where.items() if event and len(found) > 1]
    return lines


if __name__ == "__main__":
    if "--mistakes" in sys.argv:
        loaded = load()
        for line in mistakes(analyzed(loaded), loaded.event):
            print(line)
        sys.exit(0)
    sys.exit(main())
