"""Fit the story pair model on ECB+ train+dev and write its weights to src/rashomon/stories/pair_weights.py.

Pairs: every pair of documents inside each of several collections of train+dev topics (all of them, and random
groups of 5, 10 and 20 topics), labelled same event or not. Each collection has its own document frequencies, as
the product counts them over whatever it has seen: in a small collection a topic's words are common and cosines
are lower, and the ``collection`` feature (log of the articles seen) lets the model learn that. A logistic
regression on standardised features, written back on the raw feature scale.

The story threshold is then chosen out of fold: train+dev topics in five folds, each grouped by the streaming index
with a model fitted on the other four, once alone (as the test topics are grouped) and once among all train+dev
articles (as all 982 are); the threshold with the best mean B-cubed F1 of the two wins. Test topics (36-45) are
never read for fitting or choosing. Run: `.venv/bin/python benchmarks/train_stories.py`.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from ecbplus import CORPUS, Ecbplus, load
from rashomon.model import Article
from rashomon.settings import StorySettings
from rashomon.stories.cluster import signatures
from rashomon.stories.evidence import PAIR_FEATURES, Evidence, PairModel, Signatures
from rashomon.stories.index import StoryIndex
from stories import bcubed

WEIGHTS = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "stories" / "pair_weights.py"
THRESHOLDS = [round(0.2 + 0.025 * i, 3) for i in range(17)]
CHUNK = 50_000
FOLDS = 5
GROUP_SIZES = (5, 10, 20)  # topics per collection, beside the collection of all


def main() -> int:
    if not CORPUS.exists():
        print(f"SKIP: ECB+ not found at {CORPUS}")
        return 0
    corpus = load()
    batch = signatures(corpus.articles, corpus.facts)
    tune = np.array([i for i, a in enumerate(corpus.articles) if corpus.split[a.id] != "test"])
    topics = np.array([corpus.topic[a.id] for a in corpus.articles])
    fitted = fit_on(corpus, batch, tune)
    for name, weight in zip(PAIR_FEATURES, fitted.weights, strict=True):
        print(f"  {name:20} {weight:8.3f}")
    print(f"  {'intercept':20} {fitted.intercept:8.3f}   (collections of {fitted.collection} articles)")

    # The threshold is chosen out of fold: each fifth of the train+dev topics is grouped by a model fitted on the
    # other four, so the probabilities it is chosen on are as unseen as the test topics' will be.
    folds = np.array_split(np.random.default_rng(0).permutation(np.unique(topics[tune])), FOLDS)
    scored = choose(corpus, batch, tune, folds)
    best = max(scored, key=lambda t: scored[t])
    print(f"threshold, out of fold on train+dev (mean of alone and among all): {best} (B3 F1 {scored[best]:.3f})")
    write(tuple(round(w, 4) for w in fitted.weights), round(fitted.intercept, 4), best, fitted.collection)
    return 0


def fit_on(corpus: Ecbplus, batch: Signatures, docs: np.ndarray) -> PairModel:
    """The pair model fitted on every pair inside each collection of the topics of ``docs``."""
    topics = np.array([corpus.topic[a.id] for a in corpus.articles])
    events = np.array([corpus.event[a.id] for a in corpus.articles])
    rng = np.random.default_rng(0)
    names = np.unique(topics[docs])
    groups = [names]
    for size in GROUP_SIZES:
        shuffled = rng.permutation(names)
        groups += [shuffled[start : start + size] for start in range(0, len(shuffled) - size + 1, size)]
    collections = [docs[np.isin(topics[docs], group)] for group in groups]
    sizes = (min(len(c) for c in collections), max(len(c) for c in collections))
    probe = PairModel(weights=(0.0,) * len(PAIR_FEATURES), intercept=0.0, collection=sizes)
    features, labels = [], []
    for members in collections:
        evidence = Evidence(probe)
        evidence.append(batch, list(members))
        first, second = np.triu_indices(len(members), 1)
        chunks = range(0, len(first), CHUNK)
        features.extend(evidence.features(first[i : i + CHUNK], second[i : i + CHUNK]) for i in chunks)
        labels.append(events[members[first]] == events[members[second]])
    return fit(np.vstack(features), np.concatenate(labels), sizes)


def fit(features: np.ndarray, labels: np.ndarray, collection: tuple[int, int]) -> PairModel:
    """Logistic regression on standardised features, returned on the raw feature scale."""
    scaler = StandardScaler().fit(features)
    model = LogisticRegression(C=1.0, max_iter=2000).fit(scaler.transform(features), labels)
    weights = model.coef_[0] / scaler.scale_
    intercept = float(model.intercept_[0] - (model.coef_[0] * scaler.mean_ / scaler.scale_).sum())
    return PairModel(weights=tuple(float(w) for w in weights), intercept=intercept, collection=collection)


def choose(corpus: Ecbplus, batch: Signatures, tune: np.ndarray, folds: Sequence[np.ndarray]) -> dict[float, float]:
    """Out-of-fold B-cubed F1 at each threshold: the mean of each fold grouped alone and among all of ``tune``."""
    topics = np.array([corpus.topic[a.id] for a in corpus.articles])
    everything = [corpus.articles[i] for i in tune]
    scored = dict.fromkeys(THRESHOLDS, 0.0)
    for fold in folds:
        model = fit_on(corpus, batch, tune[~np.isin(topics[tune], fold)])
        articles = [corpus.articles[i] for i in tune if topics[i] in fold]
        gold = {a.id: corpus.event[a.id] for a in articles}
        share = len(articles) / len(tune)
        for threshold in THRESHOLDS:
            alone = bcubed(group(articles, batch, model, threshold), gold)[2]
            among = group(everything, batch, model, threshold)
            within = [kept for members in among if (kept := [m for m in members if m in gold])]
            scored[threshold] += share * (alone + bcubed(within, gold)[2]) / 2
    return scored


def group(articles: list[Article], batch: Signatures, model: PairModel, threshold: float) -> list[list[str]]:
    """Stories of the articles (rows of ``batch`` by id), in a random arrival order as benchmarks/stories.py feeds
    the index."""
    articles = list(articles)
    random.Random(0).shuffle(articles)
    row = {article_id: i for i, article_id in enumerate(batch.ids)}
    settings = StorySettings(threshold=threshold)
    index = StoryIndex(settings, model)
    for start in range(0, len(articles), settings.batch_size):
        index.add(rows(batch, [row[a.id] for a in articles[start : start + settings.batch_size]]))
    return index.stories()


def rows(batch: Signatures, chosen: list[int]) -> Signatures:
    return Signatures(
        ids=[batch.ids[i] for i in chosen],
        counts={kind: matrix[chosen] for kind, matrix in batch.counts.items()},
        sets={kind: matrix[chosen] for kind, matrix in batch.sets.items()},
        mode_year=batch.mode_year[chosen],
        days=batch.days[chosen],
    )


def write(weights: tuple[float, ...], intercept: float, threshold: float, collection: tuple[int, int]) -> None:
    # One line per feature, named, so a diff of the weights reads.
    rows = "\n".join(f"    {weight!r},  # {name}" for name, weight in zip(PAIR_FEATURES, weights, strict=True))
    WEIGHTS.write_text(
        '"""Weights of the story pair model over `evidence.PAIR_FEATURES`, on the raw feature scale, the story\n'
        "threshold on its probability, and the range of collection sizes it was fitted on. Generated by\n"
        'benchmarks/train_stories.py from ECB+ train+dev; do not edit."""\n\n'
        f"WEIGHTS = (\n{rows}\n)\nINTERCEPT = {intercept!r}\nTHRESHOLD = {threshold!r}\nCOLLECTION = {collection!r}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    sys.exit(main())
