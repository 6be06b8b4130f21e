"""Fit the flattened-text line classifier on the extraction benchmark's tuning half and write its weights.

Only the first 90 page ids (sorted) are read for fitting and for choosing regularisation, threshold and smoothing;
the other 91 are left for `benchmarks/extraction.py` to report on. Labels: a line is body when its words appear, in
order, in the page's gold article body (short lines must also end like a sentence). Regularisation is chosen by
cross-validation over pages of the tuning half, threshold and smoothing by the benchmark's own metric on the whole
cleaning (`clean.page_parts`), so the footer and metadata rules are part of what is tuned.
With ``--wceb``, wceb-dev's tuning half (even positions within each subset; Chinese and Japanese scored per
character) is fitted on too; cross-validation then takes far longer.
Writes `src/rashomon/clean/line_weights.py`. Run: `.venv/bin/python benchmarks/train_lines.py [--wceb]`.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from rashomon.clean.lines import FEATURES, LineWeights, body_probabilities, elsewhere_counts, features
from rashomon.clean.page_text import PageLines, page_lines, page_parts

sys.path.insert(0, str(Path(__file__).parent))
from extraction import (
    _PER_CHARACTER,
    _UNSPACED_CHAR,
    CORPUS,
    _flatten,
    load_wceb,
    repeated_lines,
    score,
    shingle_counts,
)

WEIGHTS = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "clean" / "line_weights.py"
_WORD = re.compile(r"\w+")
REGULARISATION = (0.1, 0.3, 1.0, 3.0)
SMOOTHING = (1.0, 0.8, 0.6, 0.5)
THRESHOLDS = tuple(float(t) for t in np.arange(0.2, 0.8, 0.025))
FOLDS = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    gold: str
    lines: PageLines
    matrix: np.ndarray
    labels: np.ndarray
    # Scored per character (Chinese, Japanese), as `extraction.dev_counts` scores them.
    per_character: bool = False

    def counts(self, text: str) -> tuple[float, float, float]:
        if self.per_character:
            return shingle_counts(_UNSPACED_CHAR.sub(r" \1 ", self.gold), _UNSPACED_CHAR.sub(r" \1 ", text))
        return shingle_counts(self.gold, text)


def label(line: str, gold_words: str) -> int:
    words = _WORD.findall(line.lower())
    if not words:
        return 0
    if len(words) < 4 and not re.search(r"[.!?…。！？][\"'”’」』]*$", line):
        return 0
    return int(f" {' '.join(words)} " in gold_words)


def load_page(text: str, gold: str, repeated: Mapping[str, int] | None, per_character: bool = False) -> Page:
    page = page_lines(text)
    texts = [line.text for line in page.lines]
    matrix = features(texts, [line.kind for line in page.lines], page.title, elsewhere_counts(texts, repeated))
    gold_words = f" {' '.join(_WORD.findall(gold.lower()))} "
    labels = np.array([label(t, gold_words) for t in texts])
    return Page(gold=gold, lines=page, matrix=matrix, labels=labels, per_character=per_character)


def fit(pages: Sequence[Page], regularisation: float) -> LineWeights:
    """Logistic weights on standardised features; threshold and smoothing still to be chosen."""
    x = np.vstack([p.matrix for p in pages])
    y = np.concatenate([p.labels for p in pages])
    # Unknown values (`lines.UNKNOWN`) are read as the mean, as `body_probabilities` reads them.
    means = np.nanmean(x, axis=0)
    x = np.where(np.isnan(x), means, x)
    scales = x.std(axis=0)
    scales = np.where(scales > 0, scales, 1.0)
    model = LogisticRegression(C=regularisation, max_iter=5000).fit((x - means) / scales, y)
    return LineWeights(
        means=tuple(float(m) for m in means),
        scales=tuple(float(s) for s in scales),
        weights=tuple(float(w) for w in model.coef_[0]),
        intercept=float(model.intercept_[0]),
        smoothing=1.0,
        threshold=0.5,
    )


def body_of(page: Page, keep: np.ndarray) -> str:
    if page.lines.first_body is None:
        return ""
    return "\n\n".join(page_parts(page.lines, [bool(k) for k in keep]).body)


def f1(pages: Sequence[Page], model: LineWeights) -> float:
    keeps = [body_probabilities(p.matrix, model) >= model.threshold for p in pages]
    return score([p.counts(body_of(p, keep)) for p, keep in zip(pages, keeps, strict=True)])[2]


def tune(pages: Sequence[Page], fitted: LineWeights) -> tuple[LineWeights, float]:
    """The smoothing and threshold that score best on ``pages`` (the first best, in grid order)."""
    # Many thresholds keep the same lines of a page: score each distinct choice once.
    counted: dict[tuple[int, bytes], tuple[float, float, float]] = {}

    def counts(at: int, keep: np.ndarray) -> tuple[float, float, float]:
        key = (at, keep.tobytes())
        if key not in counted:
            counted[key] = pages[at].counts(body_of(pages[at], keep))
        return counted[key]

    best_f1, best = -1.0, fitted
    for smoothing in SMOOTHING:
        candidate = replace(fitted, smoothing=smoothing)
        probabilities = [body_probabilities(p.matrix, candidate) for p in pages]
        for threshold in THRESHOLDS:
            got = score([counts(at, chances >= threshold) for at, chances in enumerate(probabilities)])[2]
            if got > best_f1:
                best_f1, best = got, replace(candidate, threshold=threshold)
    return best, best_f1


def cross_validated(pages: Sequence[Page], regularisation: float) -> float:
    """Mean F1 over page folds: fit and tune on the other folds, score the held one."""
    scores = []
    for fold in range(FOLDS):
        train = [p for i, p in enumerate(pages) if i % FOLDS != fold]
        held = [p for i, p in enumerate(pages) if i % FOLDS == fold]
        tuned, _ = tune(train, fit(train, regularisation))
        scores.append(f1(held, tuned))
    return float(np.mean(scores))


def train(pages: Sequence[Page]) -> tuple[LineWeights, float, float]:
    """The shipped model: regularisation by cross-validation, then fit and tune on all ``pages``."""
    regularisation = max(REGULARISATION, key=lambda c: cross_validated(pages, c))
    best, best_f1 = tune(pages, fit(pages, regularisation))
    return best, best_f1, regularisation


def main() -> int:
    if not (CORPUS / "ground-truth.json").exists():
        print(f"SKIP: extraction benchmark not found at {CORPUS}")
        return 0
    rows = json.loads((CORPUS / "ground-truth.json").read_text("utf-8"))
    gold = {k: v["articleBody"] for k, v in rows.items()}
    texts = {i: (CORPUS / "flat" / f"{i}.txt").read_text(encoding="utf-8") for i in sorted(gold)}
    # Lines a site's pages share are counted over all pages' text (no gold), as the pipeline counts over all it
    # has read and `extraction.py` over the corpus.
    repeated = repeated_lines({k: v["url"] for k, v in rows.items()}, texts)
    pages = [load_page(texts[i], gold[i], repeated[i]) for i in sorted(gold)[:90]]
    if "--wceb" in sys.argv:
        # wceb-dev's tuning half (even positions within each subset), flattened as `extraction.py` flattens it,
        # without counts of lines other pages hold (its pages come one a site).
        dev = [p for p in load_wceb() if p.tune]
        pages += [load_page(_flatten(p.html), p.gold, None, p.language in _PER_CHARACTER) for p in dev]
    best, best_f1, regularisation = train(pages)
    lines = sum(len(p.labels) for p in pages)
    body = sum(int(p.labels.sum()) for p in pages)
    print(
        f"fitted on {lines} lines of {len(pages)} pages ({body} body), C={regularisation}; tune F1 {best_f1:.3f} "
        f"at threshold {best.threshold:.3f}, smoothing {best.smoothing}"
    )
    WEIGHTS.write_text(_module(best), encoding="utf-8")
    print(f"wrote {WEIGHTS}")
    return 0


def _module(fitted: LineWeights) -> str:
    def floats(values: Sequence[float]) -> str:
        rows = "".join(f"    {float(v)!r},  # {name}\n" for v, name in zip(values, FEATURES, strict=True))
        return f"(\n{rows})"

    return (
        '"""Weights of the flattened-text line classifier (`lines.py`). Generated by benchmarks/train_lines.py from\n'
        'the first 90 pages of the extraction benchmark; do not edit by hand."""\n\n'
        f"MEANS: tuple[float, ...] = {floats(fitted.means)}\n"
        f"SCALES: tuple[float, ...] = {floats(fitted.scales)}\n"
        f"WEIGHTS: tuple[float, ...] = {floats(fitted.weights)}\n"
        f"INTERCEPT = {fitted.intercept!r}\nTHRESHOLD = {fitted.threshold!r}\nSMOOTHING = {fitted.smoothing!r}\n"
    )


if __name__ == "__main__":
    sys.exit(main())
