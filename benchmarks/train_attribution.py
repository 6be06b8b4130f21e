"""Fit the attribution tagger on PolNeAR's train split and write its weights.

Every train article (the first annotator's file by name) is parsed with the project's language model; each token is
labelled with the role of the gold span it starts in (B- on the first token of a span, I- after), and the cue words
are the lemmas that PolNeAR labels Cue often enough. A multinomial logistic model is fitted by SGD on the hashed
features of `attribution_model.parse_arrays`; token accuracy on `dev` is printed (span scores come from
`benchmarks/attribution.py --split dev`). Writes `src/rashomon/extract/attribution_weights.py`.
The source linker is then fitted on the tagger's own train output: for each tagged content that covers a gold
content, its candidate sources, right when they overlap the gold source; its regularisation is chosen on dev.
Run: `.venv/bin/python benchmarks/train_attribution.py [--limit N] [--linker-only] [--out FILE]` (parses are cached
under /tmp between runs; `--linker-only` keeps the shipped tagger and refits the linker alone; `--out` writes the
weights module elsewhere, to compare before shipping).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression, SGDClassifier
from spacy.tokens import DocBin

from rashomon.extract import attribution_weights as shipped
from rashomon.extract.attribution_model import (
    _ROLE,
    BITS,
    JOIN_GAP,
    LABELS,
    LINK_TEMPLATES,
    LINK_VALUES,
    Parsed,
    TokenView,
    Weights,
    _joined,
    encode,
    first_roles,
    link,
    parse_arrays,
    shipped_weights,
    source_candidates,
    spans,
    stacked,
    tag,
)
from rashomon.extract.nlp import LanguageModel
from rashomon.extract.quote_marks import tagger_quote_spans
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
# The linker's regularisation, chosen on dev among LINK_CS (the best of them is printed).
LINK_CS = (0.03, 0.1, 0.3, 1.0, 3.0)


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


@dataclass(slots=True)
class LinkSet:
    """Candidate sources of the tagged contents that match a gold content with a source: feature ids, whether the
    candidate overlaps the gold source, and which content each belongs to."""

    rows: list[tuple[int, ...]] = field(default_factory=list)
    right: list[bool] = field(default_factory=list)
    group: list[int] = field(default_factory=list)
    contents: int = 0  # contents judged, with or without a right candidate

    def add(self, parsed: Parsed, labels: np.ndarray, article: GoldArticle) -> None:
        runs = _joined(spans(labels), JOIN_GAP, parsed.breaks.tolist())
        sources = [(a, b) for role, a, b in runs if role == "Source"]
        view = TokenView(parsed)
        for item in link(parsed, labels):
            gold = _gold_source(parsed, item.content, article)
            if gold is None:
                continue
            self.contents += 1
            for candidate in source_candidates(view, sources, item.content, item.cue):
                self.rows.append(candidate.features)
                self.right.append(bool(_chars_of(parsed, candidate.span) & gold))
                self.group.append(self.contents)


def _chars_of(parsed: Parsed, span: tuple[int, int]) -> set[int]:
    return set(range(int(parsed.starts[span[0]]), int(parsed.ends[span[1] - 1])))


def _gold_source(parsed: Parsed, content: tuple[int, int], article: GoldArticle) -> set[int] | None:
    """The characters of the source of the gold content the tagged one covers half of (as the benchmark matches)."""
    chars = _chars_of(parsed, content)
    for attribution in article.attributions:
        gold = {i for a, b in attribution.content or () for i in range(a, b)}
        if gold and len(gold & chars) * 2 >= len(gold):
            return {i for a, b in attribution.source or () for i in range(a, b)} or None
    return None


def link_matrix(rows: Sequence[tuple[int, ...]]) -> sparse.csr_matrix:
    ids = np.array(rows, dtype=np.int64).reshape(len(rows), LINK_TEMPLATES)
    indptr = np.arange(0, ids.size + 1, LINK_TEMPLATES)
    data = np.ones(ids.size, dtype=np.float32)
    return sparse.csr_matrix((data, ids.ravel(), indptr), shape=(len(rows), LINK_TEMPLATES * LINK_VALUES))


def fit_linker(train: LinkSet, c: float) -> np.ndarray:
    """A logistic model of "this candidate is the source", as one weight per feature id (the bias folded into the
    always-on id 0, which argmax ignores anyway)."""
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(link_matrix(train.rows), np.array(train.right))
    return model.coef_[0].astype(np.float32)


def linker_accuracy(linker: np.ndarray, found: LinkSet) -> float:
    """Share of judged contents whose best candidate overlaps the gold source."""
    right = 0
    by_group: dict[int, list[int]] = {}
    for k, g in enumerate(found.group):
        by_group.setdefault(g, []).append(k)
    for members in by_group.values():
        best = int(np.argmax([float(linker[list(found.rows[k])].sum()) for k in members]))
        right += found.right[members[best]]
    return right / found.contents if found.contents else 0.0


def nearest_accuracy(found: LinkSet) -> float:
    """The same share for the nearest-first rule (the candidate with the nearest-to-cue rank feature 0 of a run)."""
    rank_first = 8 * LINK_VALUES + 1  # template 8: rank_cue * 2 + from_run, with rank 0 and a run
    right = sum(found.right[k] for k, row in enumerate(found.rows) if rank_first in row)
    return right / found.contents if found.contents else 0.0


def _blob_lines(name: str, blob: str) -> list[str]:
    return [f"{name} = (", *(f'    "{blob[i : i + 100]}"' for i in range(0, len(blob), 100)), ")"]


def write(
    first: tuple[np.ndarray, np.ndarray] | None,
    second: tuple[np.ndarray, np.ndarray] | None,
    cues: frozenset[int],
    linker: np.ndarray,
    trained_on: int,
    *,
    out: Path = WEIGHTS,
) -> None:
    """The weights module; a tagger given as None keeps the shipped one's tables (the linker alone refitted)."""
    biases = (first[1], second[1]) if first and second else (np.array(shipped.BIAS), np.array(shipped.SECOND_BIAS))
    lines = [
        '"""Weights of the attribution tagger and its source linker (`attribution_model.py`). Generated by',
        f'benchmarks/train_attribution.py from {trained_on} PolNeAR train articles; do not edit by hand."""',
        "",
        f"BIAS: tuple[float, ...] = {tuple(round(float(b), 5) for b in biases[0])!r}",
        f"SECOND_BIAS: tuple[float, ...] = {tuple(round(float(b), 5) for b in biases[1])!r}",
        "CUE_LEMMAS: tuple[int, ...] = (",
        *(f"    {cue}," for cue in sorted(cues)),
        ")",
    ]
    tables = {"TABLE": shipped.TABLE, "SECOND": shipped.SECOND} if first is None or second is None else {}
    for name, table in (("TABLE", first), ("SECOND", second)):
        lines += _blob_lines(name, tables[name] if table is None else encode(table[0]))
    lines += _blob_lines("LINKER", encode(linker.reshape(-1, 1)))
    out.write_text("\n".join([*lines, ""]), encoding="utf-8")


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
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else WEIGHTS
    started = time.process_time()
    train, dev = load_split("train", limit), load_split("dev")
    train_docs, dev_docs = parsed_docs("train", train), parsed_docs("dev", dev)
    train_labels = [token_labels(d, a) for d, a in zip(train_docs, train, strict=True)]
    dev_labels = [token_labels(d, a) for d, a in zip(dev_docs, dev, strict=True)]
    linker_only = "--linker-only" in argv
    cues = shipped_weights().cue_lemmas if linker_only else cue_lemmas(train_docs, train_labels)
    parsed = [parse_arrays(d, tagger_quote_spans(d.text), cues) for d in train_docs]  # type: ignore[attr-defined]
    tokens = sum(len(p.starts) for p in parsed)
    print(f"{tokens} train tokens, {len(cues)} cue lemmas, {time.process_time() - started:.0f} s CPU so far")
    if linker_only:
        first = second = None
        weights = shipped_weights()
    else:
        first, second = fit_tagger(parsed, train_labels)
        weights = Weights(table=first[0], bias=first[1], second=second[0], second_bias=second[1], cue_lemmas=cues)
    right = total = 0
    linking, checking = LinkSet(), LinkSet()
    for p, article in zip(parsed, train, strict=True):
        linking.add(p, tag(p, weights), article)
    for doc, gold, article in zip(dev_docs, dev_labels, dev, strict=True):
        dev_parsed = parse_arrays(doc, tagger_quote_spans(doc.text), cues)  # type: ignore[attr-defined]
        predicted = tag(dev_parsed, weights)
        checking.add(dev_parsed, predicted, article)
        right += int(np.sum(_ROLE[predicted] == _ROLE[gold]))
        total += len(gold)
    print(f"dev token role accuracy {right / total:.3f}")
    reachable = len({g for g, right in zip(checking.group, checking.right, strict=True) if right})
    print(
        f"dev source linking, nearest-first: {nearest_accuracy(checking):.3f}, best possible from the candidates:"
        f" {reachable / max(checking.contents, 1):.3f}"
    )
    fitted = {c: fit_linker(linking, c) for c in LINK_CS}
    scores = {c: linker_accuracy(linker, checking) for c, linker in fitted.items()}
    for c, score in scores.items():
        print(f"dev source linking, linker C={c}: {score:.3f}")
    chosen = max(LINK_CS, key=lambda c: (scores[c], -c))
    write(first, second, cues, fitted[chosen], len(train), out=out)
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB), {time.process_time() - started:.0f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
