"""Fit the attribution tagger on PolNeAR's train split and write its weights.

Every train article (the first annotator's file by name) is parsed with the project's language model; each token is
labelled with the role of the gold span it starts in (B- on the first token of a span, I- after), and the cue words
are the lemmas that PolNeAR labels Cue often enough. A multinomial logistic model is fitted by SGD on the hashed
features of `attribution_model.parse_arrays`; token accuracy on `dev` is printed (span scores come from
`benchmarks/attribution.py --split dev`). Writes `src/rashomon/extract/attribution_weights.py`.
Run: `.venv/bin/python benchmarks/train_attribution.py [--limit N]` (parses are cached under /tmp between runs).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import SGDClassifier
from spacy.tokens import DocBin

from rashomon.extract.attribution_model import (
    _ROLE,
    BITS,
    LABELS,
    Parsed,
    Weights,
    encode,
    first_roles,
    parse_arrays,
    stacked,
    tag,
)
from rashomon.extract.nlp import LanguageModel
from rashomon.extract.quotes import tagger_quote_spans
from rashomon.settings import NlpSettings

sys.path.insert(0, str(Path(__file__).parent))
from attribution import CORPUS, ROLES, GoldArticle, load_split

WEIGHTS = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "extract" / "attribution_weights.py"
CACHE = Path("/tmp/rashomon-attribution-cache")
MIN_CUE_COUNT = 3
MIN_CUE_SHARE = 0.15
ALPHA = 2e-5
EPOCHS = 10
FOLDS = 2


def parsed_docs(split: str, articles: Sequence[GoldArticle]) -> list[object]:
    model = LanguageModel(NlpSettings().model)
    path = CACHE / f"{split}-{len(articles)}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(model.nlp.vocab))
    docs = list(model(a.text for a in articles))
    CACHE.mkdir(exist_ok=True)
    DocBin(
        attrs=["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_TYPE", "ENT_IOB", "SENT_START"], docs=docs
    ).to_disk(path)
    return docs


def token_labels(doc: object, article: GoldArticle) -> np.ndarray:
    """A label index per token: the role of the gold fragment holding the token's first character."""
    role_at: dict[int, tuple[str, int]] = {}
    for number, attribution in enumerate(article.attributions):
        for role in ROLES:
            for a, b in getattr(attribution, role.lower()) or ():
                for char in range(a, b):
                    role_at.setdefault(char, (role, number))
    labels = np.zeros(len(doc), dtype=np.int64)  # type: ignore[arg-type]
    previous: tuple[str, int] | None = None
    for i, token in enumerate(doc):  # type: ignore[attr-defined]
        here = role_at.get(token.idx)
        if here is None or token.is_space:
            previous = None if here is None else previous
            continue
        # B- only where a span follows another of the same role at once: the tagger learns roles, not starts.
        starts_anew = previous is not None and previous[0] == here[0] and previous != here
        labels[i] = LABELS.index(("B-" if starts_anew else "I-") + here[0])
        previous = here
    return labels


def cue_lemmas(docs: Sequence[object], labels: Sequence[np.ndarray]) -> frozenset[int]:
    seen: Counter[int] = Counter()
    cued: Counter[int] = Counter()
    cue_labels = {LABELS.index("B-Cue"), LABELS.index("I-Cue")}
    for doc, row in zip(docs, labels, strict=True):
        for token, k in zip(doc, row.tolist(), strict=True):  # type: ignore[call-overload]
            seen[token.lemma] += 1
            cued[token.lemma] += k in cue_labels
    return frozenset(h for h, c in cued.items() if c >= MIN_CUE_COUNT and c >= MIN_CUE_SHARE * seen[h])


def csr(rows: Sequence[np.ndarray]) -> sparse.csr_matrix:
    """One-hot rows of hashed feature buckets (every token has the same number of features)."""
    ids = np.concatenate(rows)
    n, width = ids.shape
    indptr = np.arange(0, n * width + 1, width)
    return sparse.csr_matrix((np.ones(n * width, dtype=np.float32), ids.ravel(), indptr), shape=(n, 1 << BITS))


def fit(x: sparse.csr_matrix, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A logistic model by averaged SGD, as a (buckets, labels) table and a bias per label."""
    model = SGDClassifier(loss="log_loss", alpha=ALPHA, max_iter=EPOCHS, tol=None, average=True, random_state=0)
    model.fit(x, y)
    table = np.zeros((1 << BITS, len(LABELS)), dtype=np.float32)
    table[:, model.classes_] = model.coef_.T
    bias = np.full(len(LABELS), -30.0, dtype=np.float32)  # a label never seen is never chosen
    bias[model.classes_] = model.intercept_
    return table, bias


def out_of_fold_roles(parsed: Sequence[Parsed], labels: Sequence[np.ndarray]) -> list[np.ndarray]:
    """First-pass roles of each train article from a model fitted on the other folds, so the second pass learns
    from first-pass errors as they happen on unseen text."""
    roles: list[np.ndarray] = [np.zeros(0)] * len(parsed)
    for fold in range(FOLDS):
        held = [i for i in range(len(parsed)) if i % FOLDS == fold]
        rest = [i for i in range(len(parsed)) if i % FOLDS != fold]
        table, bias = fit(csr([parsed[i].features for i in rest]), np.concatenate([labels[i] for i in rest]))
        for i in held:
            roles[i] = first_roles(parsed[i], table, bias)
    return roles


def write(
    first: tuple[np.ndarray, np.ndarray], second: tuple[np.ndarray, np.ndarray], cues: frozenset[int], trained_on: int
) -> None:
    lines = [
        '"""Weights of the attribution tagger (`attribution_model.py`). Generated by benchmarks/train_attribution.py',
        f'from {trained_on} PolNeAR train articles; do not edit by hand."""',
        "",
        f"BIAS: tuple[float, ...] = {tuple(round(float(b), 5) for b in first[1])!r}",
        f"SECOND_BIAS: tuple[float, ...] = {tuple(round(float(b), 5) for b in second[1])!r}",
        f"CUE_LEMMAS: tuple[int, ...] = {tuple(sorted(cues))!r}",
    ]
    for name, table in (("TABLE", first[0]), ("SECOND", second[0])):
        blob = encode(table)
        lines += [f"{name} = (", *(f'    "{blob[i : i + 100]}"' for i in range(0, len(blob), 100)), ")"]
    WEIGHTS.write_text("\n".join([*lines, ""]), encoding="utf-8")


def fit_tagger(parsed: Sequence[Parsed], labels: Sequence[np.ndarray]) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
    y = np.concatenate(labels)
    first = fit(csr([p.features for p in parsed]), y)
    roles = out_of_fold_roles(parsed, labels)
    second = fit(csr([stacked(p, r) for p, r in zip(parsed, roles, strict=True)]), y)
    return first, second


def main(argv: Sequence[str]) -> int:
    if not (CORPUS / "train" / "text").exists():
        print(f"SKIP: PolNeAR not found at {CORPUS} (it lives in ../shared beside the repo)")
        return 0
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    started = time.process_time()
    train, dev = load_split("train", limit), load_split("dev")
    train_docs, dev_docs = parsed_docs("train", train), parsed_docs("dev", dev)
    train_labels = [token_labels(d, a) for d, a in zip(train_docs, train, strict=True)]
    dev_labels = [token_labels(d, a) for d, a in zip(dev_docs, dev, strict=True)]
    cues = cue_lemmas(train_docs, train_labels)
    parsed = [parse_arrays(d, tagger_quote_spans(d.text), cues) for d in train_docs]  # type: ignore[attr-defined]
    tokens = sum(len(p.starts) for p in parsed)
    print(f"{tokens} train tokens, {len(cues)} cue lemmas, {time.process_time() - started:.0f} s CPU so far")
    first, second = fit_tagger(parsed, train_labels)
    weights = Weights(table=first[0], bias=first[1], second=second[0], second_bias=second[1], cue_lemmas=cues)
    right = total = 0
    for doc, gold in zip(dev_docs, dev_labels, strict=True):
        predicted = tag(parse_arrays(doc, tagger_quote_spans(doc.text), cues), weights)  # type: ignore[attr-defined]
        right += int(np.sum(_ROLE[predicted] == _ROLE[gold]))
        total += len(gold)
    print(f"dev token role accuracy {right / total:.3f}")
    write(first, second, cues, len(train))
    print(f"wrote {WEIGHTS} ({WEIGHTS.stat().st_size // 1024} KiB), {time.process_time() - started:.0f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
