"""Attribution (who said what) on PolNeAR, scored as ../shared/corpus/polnear/README_metric.md says.

The split's articles go through one whole `rashomon analyze` run (JSON Lines, in-memory store); the dossier's quotes
are read back: the content span (`start`/`end`), the speaker span and the cue span, mapped from the clean text to
the source text by aligning the two. Scored per role (Source, Cue, Content), each distinct gold span once:
- exact: a predicted span equals the gold span's extent (first to last character of its fragments), both compared
  without the quote marks, white space and , . : ; at their edges (PolNeAR puts "said," inside quote marks, the
  dossier drops the comma);
- relaxed: a predicted span covers at least half of the gold span's characters (one prediction per gold span);
- speaker accuracy: among relaxed-matched Contents whose attribution names a Source, the share whose predicted
  speaker span overlaps that Source or whose speaker name shares a word with it.
One annotator's file per article, the first by file name. Tune on `train`/`dev`, report on `test`.
Run: `.venv/bin/python benchmarks/attribution.py [--split test|dev|train] [--limit N] [--misses]` (`--misses`
lists the matched contents whose speaker is wrong).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from failed_steps import check_steps
from floors import Floors
from rashomon.analysis import analyze
from source_offsets import SourceOffsets

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "polnear" / "data"
ROLES = ("Source", "Cue", "Content")
PUBLISHED = {"BERT+Cofe": (83.2, 75.3, 72.9), "BERT+CRF": (82.2, 74.9, 71.0), "rule-based": (10.7, 22.8, 5.6)}
_EDGE = " \t\n\"'“”‘’«»,.:;"
Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Attribution:
    source: Fragments | None
    cue: Fragments | None
    content: Fragments | None


@dataclass(slots=True)
class GoldArticle:
    id: str
    text: str
    published: str
    attributions: list[Attribution] = field(default_factory=list)


def _fragments(spec: str) -> Fragments:
    return tuple((int(a), int(b)) for a, b in (part.split() for part in spec.split(";")))


def parse_ann(ann: str) -> list[Attribution]:
    """The attributions of one brat standoff file (E lines linking Source, Cue and Content T lines)."""
    spans: dict[str, Fragments] = {}
    links: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, spec = parts[1].partition(" ")
            if kind in ROLES:
                spans[parts[0]] = _fragments(spec)
        elif line.startswith("E") and len(parts) >= 2:
            links.append(dict(item.split(":", 1) for item in parts[1].split()))
    return [
        Attribution(
            source=spans.get(link.get("Source", "")),
            cue=spans.get(link.get("Cue", "")),
            content=spans.get(link.get("Content", "")),
        )
        for link in links
    ]


def load_split(split: str, limit: int | None = None) -> list[GoldArticle]:
    """The split's articles, each with the first annotator's file (by name)."""
    folder = CORPUS / split
    articles = []
    for path in sorted((folder / "text").glob("*.txt"))[:limit]:
        anns = sorted((folder / "attributions").glob(f"{path.stem}_*.ann"))
        published = re.search(r"_(\d{4}-\d{2}-\d{2})_", path.name)
        article = GoldArticle(path.stem, path.read_text(encoding="utf-8"), published.group(1) if published else "")
        if anns:
            article.attributions = parse_ann(anns[0].read_text(encoding="utf-8"))
        articles.append(article)
    return articles


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _chars(fragments: Fragments) -> set[int]:
    return {i for a, b in fragments for i in range(a, b)}


@dataclass(slots=True)
class Counts:
    exact: list[int] = field(default_factory=lambda: [0, 0, 0])  # matched, predicted, gold
    relaxed: list[int] = field(default_factory=lambda: [0, 0, 0])

    def add(self, other: Counts) -> None:
        for mine, theirs in ((self.exact, other.exact), (self.relaxed, other.relaxed)):
            for k in range(3):
                mine[k] += theirs[k]


def score_role(
    text: str, gold: Sequence[Fragments], predicted: Sequence[tuple[int, int]]
) -> tuple[Counts, dict[int, int]]:
    """Exact and relaxed counts for one role of one article, and the relaxed matches (gold index -> predicted)."""
    counts = Counts()
    counts.exact[1] = counts.relaxed[1] = len(predicted)
    counts.exact[2] = counts.relaxed[2] = len(gold)
    exact_pred = {_trimmed(text, a, b) for a, b in predicted}
    counts.exact[0] = sum(_trimmed(text, g[0][0], g[-1][1]) in exact_pred for g in gold)
    matches: dict[int, int] = {}
    used: set[int] = set()
    for gi, fragments in enumerate(gold):
        chars = _chars(fragments)
        best = max(
            ((len(chars & set(range(a, b))), pi) for pi, (a, b) in enumerate(predicted) if pi not in used),
            default=(0, -1),
        )
        if best[1] >= 0 and chars and best[0] * 2 >= len(chars):
            matches[gi] = best[1]
            used.add(best[1])
    counts.relaxed[0] = len(matches)
    return counts, matches


@dataclass(frozen=True, slots=True)
class Predicted:
    content: tuple[int, int]
    speaker: str | None
    source: tuple[int, int] | None
    cue: tuple[int, int] | None


def _speaker_right(text: str, predicted: Predicted, source: Fragments) -> bool:
    chars = _chars(source)
    if predicted.source and chars & set(range(*predicted.source)):
        return True
    gold_words = set(re.findall(r"\w+", " ".join(text[a:b] for a, b in source).lower()))
    return bool(predicted.speaker and gold_words & set(re.findall(r"\w+", predicted.speaker.lower())))


@dataclass(slots=True)
class Totals:
    roles: dict[str, Counts] = field(default_factory=lambda: {role: Counts() for role in ROLES})
    speakers: list[int] = field(default_factory=lambda: [0, 0])  # right, judged
    # Wrong speakers, for --misses: (article, gold source, our speaker, our speaker span's text, content).
    wrong: list[tuple[str, str, str, str, str]] = field(default_factory=list)


def score_article(article: GoldArticle, predicted: Sequence[Predicted], totals: Totals) -> None:
    unique: dict[str, list[Fragments]] = {}
    for role in ROLES:
        spans = {getattr(a, role.lower()) for a in article.attributions} - {None}
        unique[role] = sorted(s for s in spans if s is not None)
    ours = {
        "Content": sorted({p.content for p in predicted}),
        "Source": sorted({p.source for p in predicted if p.source}),
        "Cue": sorted({p.cue for p in predicted if p.cue}),
    }
    for role in ROLES:
        counts, matches = score_role(article.text, unique[role], ours[role])
        totals.roles[role].add(counts)
        if role != "Content":
            continue
        by_content = {p.content: p for p in predicted}
        for gi, pi in matches.items():
            source = next((a.source for a in article.attributions if a.content == unique[role][gi]), None)
            if source:
                ours_here = by_content[ours[role][pi]]
                right = _speaker_right(article.text, ours_here, source)
                totals.speakers[1] += 1
                totals.speakers[0] += right
                if not right:
                    said = article.text[slice(*ours_here.source)] if ours_here.source else "-"
                    content = " ".join(article.text[slice(*ours_here.content)].split())[:90]
                    gold = " ".join(article.text[a:b] for a, b in source)
                    totals.wrong.append((article.id, gold, ours_here.speaker or "-", said, content))


def _prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_pipeline(articles: Sequence[GoldArticle]) -> tuple[dict[str, list[Predicted]], dict[str, int], float]:
    """Our quotes per article (source offsets), gold spans lost in cleaning per role, and the run's wall seconds."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "polnear.jsonl"
        rows = ({"id": a.id, "body": a.text, "published": a.published} for a in articles)
        path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
        started = time.perf_counter()
        dossier = analyze([path]).dossier
        seconds = time.perf_counter() - started
        check_steps(dossier)
    texts = {a.id: a.text for a in dossier.articles}
    by_id = {a.id: a for a in articles}
    aligned = {i: SourceOffsets(by_id[i].text, texts[i]) for i in texts if i in by_id}
    found: dict[str, list[Predicted]] = {i: [] for i in by_id}
    for quote in dossier.quotes:
        alignment = aligned.get(quote.article)
        content = alignment.span(quote.start, quote.end) if alignment else None
        if alignment is None or content is None:
            continue

        def mapped(ref: object, alignment: SourceOffsets = alignment) -> tuple[int, int] | None:
            return alignment.span(ref.start, ref.end) if ref is not None else None  # type: ignore[attr-defined]

        found[quote.article].append(
            Predicted(content, quote.speaker, mapped(quote.speaker_span), mapped(quote.cue_span))
        )
    lost = dict.fromkeys(ROLES, 0)
    for article in articles:
        kept = aligned[article.id].kept if article.id in aligned else set()
        for role in ROLES:
            spans = {getattr(a, role.lower()) for a in article.attributions} - {None}
            lost[role] += sum(1 for s in spans if s and not (_chars(s) & kept))
    return found, lost, seconds


def report(totals: Totals, lost: dict[str, int], articles: int, split: str, seconds: float) -> None:
    print(f"PolNeAR {split}: {articles} articles through `rashomon analyze` ({seconds:.0f} s wall)")
    print(f"{'role':8} {'exact P':>8} {'R':>6} {'F1':>6}   {'relaxed P':>9} {'R':>6} {'F1':>6}   gold  ours  lost")
    for role in ROLES:
        c = totals.roles[role]
        ep, er, ef = _prf(*c.exact)
        rp, rr, rf = _prf(*c.relaxed)
        print(
            f"{role:8} {ep:8.3f} {er:6.3f} {ef:6.3f}   {rp:9.3f} {rr:6.3f} {rf:6.3f}   {c.exact[2]:4d}  "
            f"{c.exact[1]:4d}  {lost[role]:4d}"
        )
    right, judged = totals.speakers
    print(f"speaker accuracy of matched contents: {right / judged if judged else 0:.3f} ({right}/{judged})")
    exact = " / ".join(f"{100 * _prf(*totals.roles[r].exact)[2]:.1f}" for r in ROLES)
    print(f"exact F1 source / cue / content: ours {exact}")
    for name, figures in PUBLISHED.items():
        print(f"{'':33}{name} {' / '.join(f'{f:.1f}' for f in figures)} (published, test)")
    print("targets (issue 15): relaxed content F1 >= 0.80, speaker accuracy >= 0.90")


def main(argv: Iterable[str]) -> int:
    args = list(argv)
    split = args[args.index("--split") + 1] if "--split" in args else "test"
    limit = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    if not (CORPUS / split / "text").exists():
        print(f"SKIP: PolNeAR not found at {CORPUS / split} (it lives in ../shared beside the repo)")
        return 0
    articles = load_split(split, limit)
    found, lost, seconds = run_pipeline(articles)
    totals = Totals()
    for article in articles:
        score_article(article, found[article.id], totals)
    report(totals, lost, len(articles), split, seconds)
    if "--misses" in args:
        for article_id, gold, speaker, said, content in totals.wrong:
            print(f"WRONG {article_id}: gold {gold!r} | ours {speaker!r} at {said!r} | {content}")
    if split != "test" or limit is not None:
        return 0
    floors = Floors("attribution", sorted(p for p in (CORPUS / "test").rglob("*") if p.is_file()))
    right, judged = totals.speakers
    pinned = {
        "relaxed content f1": _prf(*totals.roles["Content"].relaxed)[2],
        "exact content f1": _prf(*totals.roles["Content"].exact)[2],
        "speaker accuracy": right / judged if judged else 0.0,
    }
    for name, value in pinned.items():
        print(f"{name} {value:.3f}: {floors.check(name, value)}")
    return floors.exit_status()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
