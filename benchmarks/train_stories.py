"""Fit the story pair model on ECB+ train+dev and the tune half of the saga sets, and write its weights to
src/rashomon/stories/pair_weights.py.

Pairs: every pair of documents inside each of several collections of train+dev topics (all of them, and random
groups of 5, 10 and 20 topics), labelled same event or not. Each collection has its own document frequencies, as
the product counts them over whatever it has seen: in a small collection a topic's words are common and cosines
are lower, and the ``collection`` feature (log of the articles seen) lets the model learn that. A logistic
regression on standardised features, written back on the raw feature scale. ECB+ has no publication days, so the
days-apart features (how far apart the days two articles name lie) are then learned on top of that model from the
tune sagas (benchmarks/saga_sets/: happenings of one saga a few days or months apart, each saga a topic), every
pair's logit under the first model held fixed.

The story threshold is then chosen out of fold: train+dev topics and tune sagas in five folds, each grouped by the
streaming index with a model fitted on the other four, once alone (as the test topics are grouped) and once among
all of them (as all 982 are); the threshold with the best B-cubed F1, the mean of the two, of ECB+ and the sagas,
and of it and its neighbours, wins. Test topics (36-45) and the held-out sagas are never read for fitting or
choosing. The fresh sagas are not fitted on, but they chose the days-apart L2 penalty (``APART_PENALTY``: 1e-4 left
two of their happenings merged, 1e-5 and 1e-6 one; the tune sagas separate perfectly at all three), so they are
dev data since, not held out. Run: `.venv/bin/python benchmarks/train_stories.py` (``--apart-only``: keep the pair
model of `pair_weights.py` and its threshold, fit only the days-apart weights on top of it again).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

import sagas
from ecbplus import CORPUS, Ecbplus, load
from rashomon.model import Article
from rashomon.settings import StorySettings
from rashomon.stories import pair_weights
from rashomon.stories.cluster import signatures
from rashomon.stories.evidence import PAIR_FEATURES, Evidence, PairModel, Signatures
from rashomon.stories.index import StoryIndex
from stories import bcubed

WEIGHTS = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "stories" / "pair_weights.py"
THRESHOLDS = [round(0.2 + 0.025 * i, 3) for i in range(17)]
CHUNK = 50_000
FOLDS = 5
GROUP_SIZES = (5, 10, 20)  # topics per collection, beside the collection of all
SAGA_SHARE = 0.05  # of the days-apart fitting weight, on pairs of two saga articles
APART_PENALTY = 1e-5
APART_FEATURES = np.array(["apart>=" in name for name in PAIR_FEATURES])


def main(argv: Sequence[str]) -> int:
    if not CORPUS.exists():
        print(f"SKIP: ECB+ not found at {CORPUS}")
        return 0
    corpus = with_sagas(load())
    batch = signatures(corpus.articles, corpus.facts)
    tune = np.array([i for i, a in enumerate(corpus.articles) if corpus.split[a.id] in ("train", "dev", "tune")])
    topics = np.array([corpus.topic[a.id] for a in corpus.articles])
    if unknown := [a for a in argv if a != "--apart-only"]:
        print(f"unknown option(s): {' '.join(unknown)} (only --apart-only is known)")
        return 2
    apart_only = "--apart-only" in argv
    current = PairModel(
        weights=pair_weights.WEIGHTS, intercept=pair_weights.INTERCEPT, collection=pair_weights.COLLECTION
    )
    fitted = fit_on(corpus, batch, tune, base=current if apart_only else None)
    for name, weight in zip(PAIR_FEATURES, fitted.weights, strict=True):
        print(f"  {name:20} {weight:8.3f}")
    print(f"  {'intercept':20} {fitted.intercept:8.3f}   (collections of {fitted.collection} articles)")
    if apart_only:  # the days-apart features never fire on ECB+, so the threshold chosen with the model stands
        write(
            tuple(round(w, 4) for w in fitted.weights),
            round(fitted.intercept, 4),
            pair_weights.THRESHOLD,
            fitted.collection,
        )
        return 0

    # The threshold is chosen out of fold: each fifth of the train+dev topics is grouped by a model fitted on the
    # other four, so the probabilities it is chosen on are as unseen as the test topics' will be.
    folds = np.array_split(np.random.default_rng(0).permutation(np.unique(topics[tune])), FOLDS)
    scored = choose(corpus, batch, tune, folds)
    best = max(scored, key=lambda t: scored[t])
    print(
        f"threshold, out of fold (mean of alone and among all, of ECB+ and sagas, with neighbours): {best} "
        f"(B3 F1 {scored[best]:.3f})"
    )
    write(tuple(round(w, 4) for w in fitted.weights), round(fitted.intercept, 4), best, fitted.collection)
    return 0


def with_sagas(corpus: Ecbplus) -> Ecbplus:
    """ECB+ and the saga sets in one corpus: each saga a topic, its split ``tune``, ``held-out`` or ``fresh``."""
    loaded = sagas.load()
    ids = [a.id for a in loaded.articles]
    return Ecbplus(
        articles=[*corpus.articles, *loaded.articles],
        facts={**corpus.facts, **sagas.facts(loaded)},
        event={**corpus.event, **loaded.event},
        topic={**corpus.topic, **{i: "saga:" + i.split("-")[0] for i in ids}},
        split={**corpus.split, **loaded.split},
    )


def is_saga(corpus: Ecbplus, rows: np.ndarray) -> np.ndarray:
    return np.array([corpus.topic[corpus.articles[i].id].startswith("saga:") for i in rows], dtype=bool)


def fit_on(corpus: Ecbplus, batch: Signatures, docs: np.ndarray, base: PairModel | None = None) -> PairModel:
    """The pair model fitted on every pair inside each collection of the topics of ``docs``: ECB+ topics in
    collections of their own, the sagas alone and among all of ``docs``; with ``base``, only its days-apart weights
    are fitted again, on top of its other weights."""
    topics = np.array([corpus.topic[a.id] for a in corpus.articles])
    events = np.array([corpus.event[a.id] for a in corpus.articles])
    saga = is_saga(corpus, docs)
    rng = np.random.default_rng(0)
    names = np.unique(topics[docs[~saga]])
    groups = [names]
    for size in GROUP_SIZES:
        shuffled = rng.permutation(names)
        groups += [shuffled[start : start + size] for start in range(0, len(shuffled) - size + 1, size)]
    collections = [docs[~saga][np.isin(topics[docs[~saga]], group)] for group in groups]
    sizes = (min(len(c) for c in collections), max(len(c) for c in collections))
    probe = PairModel(weights=(0.0,) * len(PAIR_FEATURES), intercept=0.0, collection=sizes)
    pairs = [_pairs(probe, batch, members, events) for members in collections]
    if base is None:
        base = fit(np.vstack([f for f, _ in pairs]), np.concatenate([y for _, y in pairs]), sizes)
    else:
        kept = np.where(APART_FEATURES, 0.0, np.array(base.weights))
        base = PairModel(weights=tuple(float(w) for w in kept), intercept=base.intercept, collection=base.collection)
    if not saga.any():
        return base
    # The sagas' own pairs, in a small pile of their own and among everything; pairs with an ECB+ article are
    # ECB+'s business and already counted.
    for members in (docs[saga], docs):
        features, labels = _pairs(probe, batch, members, events)
        from_saga = is_saga(corpus, members)
        first, second = np.triu_indices(len(members), 1)
        both = from_saga[first] & from_saga[second]
        pairs.append((features[both], labels[both]))
    return with_apart(base, pairs, len(pairs) - 2)


def _pairs(
    probe: PairModel, batch: Signatures, members: np.ndarray, events: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every pair of ``members``, document frequencies counted over them."""
    evidence = Evidence(probe)
    evidence.append(batch, list(members))
    first, second = np.triu_indices(len(members), 1)
    chunks = range(0, len(first), CHUNK)
    features = np.vstack([evidence.features(first[i : i + CHUNK], second[i : i + CHUNK]) for i in chunks])
    return features, events[members[first]] == events[members[second]]


def fit(features: np.ndarray, labels: np.ndarray, collection: tuple[int, int]) -> PairModel:
    """Logistic regression on standardised features, returned on the raw feature scale; the days-apart features
    are left out (weight 0): ECB+ has no publication days."""
    free = ~APART_FEATURES
    scaler = StandardScaler().fit(features[:, free])
    model = LogisticRegression(C=1.0, max_iter=2000).fit(scaler.transform(features[:, free]), labels)
    weights = np.zeros(len(PAIR_FEATURES))
    weights[free] = model.coef_[0] / scaler.scale_
    intercept = float(model.intercept_[0] - (model.coef_[0] * scaler.mean_ / scaler.scale_).sum())
    return PairModel(weights=tuple(float(w) for w in weights), intercept=intercept, collection=collection)


def with_apart(base: PairModel, pairs: Sequence[tuple[np.ndarray, np.ndarray]], sagas_from: int) -> PairModel:
    """``base`` with the days-apart weights learned on top of it: a logistic regression of those features alone,
    every pair's logit under ``base`` held as an offset, the saga pairs (``pairs[sagas_from:]``) weighing
    ``SAGA_SHARE`` of the whole.

    In the sagas no report of a happening names another happening's day, so these features separate their pairs
    perfectly and would grow without bound; an L2 penalty (``APART_PENALTY``) keeps a pair days apart a strong
    hint, not a wall: real later reports do name later days.
    """
    features = np.vstack([f for f, _ in pairs])
    labels = np.concatenate([y for _, y in pairs]).astype(float)
    saga = np.concatenate([np.full(len(y), n >= sagas_from) for n, (_, y) in enumerate(pairs)])
    share = np.where(saga, SAGA_SHARE / saga.sum(), (1 - SAGA_SHARE) / (~saga).sum())
    offset = features @ np.array(base.weights) + base.intercept
    extra = features[:, APART_FEATURES]

    def loss(beta: np.ndarray) -> tuple[float, np.ndarray]:
        logit = offset + extra @ beta
        # log(1 + e^-z) for the positives, log(1 + e^z) for the negatives, and its gradient.
        signed = np.where(labels > 0, -logit, logit)
        value = float((share * np.logaddexp(0.0, signed)).sum() + APART_PENALTY / 2 * beta @ beta)
        slope = share * (1.0 / (1.0 + np.exp(-logit)) - labels)
        return value, extra.T @ slope + APART_PENALTY * beta

    found = minimize(loss, np.zeros(extra.shape[1]), jac=True, method="L-BFGS-B")
    weights = np.array(base.weights)
    weights[APART_FEATURES] = found.x
    return PairModel(weights=tuple(float(w) for w in weights), intercept=base.intercept, collection=base.collection)


def choose(corpus: Ecbplus, batch: Signatures, tune: np.ndarray, folds: Sequence[np.ndarray]) -> dict[float, float]:
    """Out-of-fold B-cubed F1 at each threshold: the mean of each fold grouped alone and among all of ``tune``, for
    ECB+ and the sagas apart, then the mean of the two."""
    topics = np.array([corpus.topic[a.id] for a in corpus.articles])
    everything = [corpus.articles[i] for i in tune]
    saga = is_saga(corpus, tune)
    scored = {part: dict.fromkeys(THRESHOLDS, 0.0) for part in (False, True)}
    for fold in folds:
        model = fit_on(corpus, batch, tune[~np.isin(topics[tune], fold)])
        parts = {part: [corpus.articles[i] for i in tune[saga == part] if topics[i] in fold] for part in scored}
        for threshold in THRESHOLDS:
            among = group(everything, batch, model, threshold)
            for part, articles in parts.items():
                if not articles:
                    continue
                gold = {a.id: corpus.event[a.id] for a in articles}
                alone = bcubed(group(articles, batch, model, threshold), gold)[2]
                within = [kept for members in among if (kept := [m for m in members if m in gold])]
                share = len(articles) / (saga == part).sum()
                scored[part][threshold] += share * (alone + bcubed(within, gold)[2]) / 2
    for part, name in ((False, "ECB+ train+dev"), (True, "tune sagas")):
        print(f"  out of fold, {name}: " + " ".join(f"{t}:{scored[part][t]:.3f}" for t in THRESHOLDS))
    mean = [(scored[False][t] + scored[True][t]) / 2 for t in THRESHOLDS]
    # Each threshold's score with its neighbours': one fold's luck at one threshold should not pick it.
    smooth = np.convolve(np.pad(mean, 1, mode="edge"), np.ones(3) / 3, mode="valid")
    return dict(zip(THRESHOLDS, smooth.tolist(), strict=True))


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
        named_days=batch.named_days[chosen],
        other_months=None if batch.other_months is None else batch.other_months[chosen],
    )


def write(weights: tuple[float, ...], intercept: float, threshold: float, collection: tuple[int, int]) -> None:
    # One line per feature, named, so a diff of the weights reads.
    rows = "\n".join(f"    {weight!r},  # {name}" for name, weight in zip(PAIR_FEATURES, weights, strict=True))
    WEIGHTS.write_text(
        '"""Weights of the story pair model over `evidence.PAIR_FEATURES`, on the raw feature scale, the story\n'
        "threshold on its probability, and the range of collection sizes it was fitted on. Generated by\n"
        'benchmarks/train_stories.py from ECB+ train+dev and the tune sagas; do not edit."""\n\n'
        f"WEIGHTS = (\n{rows}\n)\nINTERCEPT = {intercept!r}\nTHRESHOLD = {threshold!r}\nCOLLECTION = {collection!r}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
