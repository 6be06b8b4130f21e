"""The cross-source dossier: what outlets corroborate, what only one reports, where they conflict (issue 16).

Story sets (benchmarks/dossier_sets/, written for rashomon; its README lists what each set plants): six made-up
events, three or four outlets each, with planted paraphrases, single-outlet facts, conflicts (figures, dates,
speakers, denials), non-conflicts (qualifiers, units, scope) and a wire story with its syndicated copy. Each set
goes through one `analyze` run (default settings: embeddings on) in a temporary folder, and each gold fact is
found in the dossier by its snippets: the statements whose source spans hold a snippet's start in the article's
clean text. A fact expected
- corroborated is right when one statement with status corroborated holds snippets of two or more of its articles;
- single-source when every statement holding it is single-source (a wire fact: also never corroborated);
- conflicting when a claimed conflict's sides (their sentences) cover snippets of two of its articles, or one
  statement holding them has status conflicting; not-conflicting when neither.
Conflicting precision is over the conflicts the dossiers claim: one is correct when it covers a planted conflicting
fact. A wire-copy corroboration is a corroborated statement whose sources are only a wire story and its copy.

Seeds (../shared/corpus/seeds/gold.json, skipped when absent): gold's shared and single-source facts are paraphrases,
found by a few keywords each (below): the first locates the statement, the others must be in its source span. Quote
and figure alignments are found by overlap with gold's spans, timeline items by value, keyword and sources.

Targets are the issue's. A measurement, not a gate: exit status 0. Run: `.venv/bin/python benchmarks/dossier.py
[--misses]` (`--misses` lists every wrong item with what the dossier holds there).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon.analysis import analyze
from rashomon.dossier import ConflictOut, Dossier, SpanRef, StatementOut, StoryOut

SETS = Path(__file__).resolve().parent / "dossier_sets"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"
A, B = "000_9b9c189b77a28c48.txt", "003_04cd6c0cd6c504b1.txt"

# Seed facts by keywords: per article, alternatives; an alternative's first keyword locates the statement, the rest
# must occur in the same source span. Matching ignores case.
Keys = tuple[tuple[str, ...], ...]
SHARED_FACTS: tuple[tuple[str, dict[str, Keys]], ...] = (
    ("Putin hosted Pashinyan and Aliyev in Sochi", {A: (("hosted",), ("Sochi",)), B: (("Sochi",),)}),
    ("the meeting marked the anniversary of the 2020 deal", {A: (("anniversary",),), B: (("anniversary",),)}),
    ("both ready to start delimitation", {A: (("delimitation",),), B: (("delimitation",),)}),
    ("reopening transport links discussed", {A: (("unblocking",),), B: (("transport",),)}),
    ("the corridor to Nakhchivan contested", {A: (("Nakhchivan",),), B: (("Nakhichevan",),)}),
)
# Gold's single_source_facts in its order, per article.
SINGLE_SOURCE_KEYS: dict[str, tuple[Keys, ...]] = {
    A: ((("53,000",),), (("2,000",),), (("three hours",),), (("incursion",),), (("prisoners of war",),)),
    B: ((("Brussels",),), (("6,500",),), (("six Armenian",),), (("handed over",),), (("rejection",),)),
}
# Gold's timeline in its order: the words one of which the entry's sentence has.
TIMELINE_KEYS: tuple[tuple[str, ...], ...] = (
    ("1994",),
    ("44 days", "six-week", "fall of 2020"),
    ("ceasefire", "peace deal"),
    ("January",),
    ("clashes", "flare-up", "this month", "worst fighting"),
    ("hosted", "Sochi", "meeting", "talks"),
    ("handed over",),
    ("Brussels",),
)


@dataclass(frozen=True, slots=True)
class Holder:
    """A statement holding a position of an article, with the source span that holds it."""

    key: tuple[str, int]  # (story id, position in its statements)
    statement: StatementOut
    source: SpanRef


class DossierIndex:
    """Statements and conflicts of a dossier, looked up by article and character offset."""

    def __init__(self, dossier: Dossier) -> None:
        self.texts = {a.id: a.text for a in dossier.articles}
        self.outlets = {a.id: a.outlet or a.id for a in dossier.articles}
        self.copies = {a.id: a.duplicate_of for a in dossier.articles if a.duplicate_of}
        self.stories = dossier.stories
        self.sources: dict[str, list[Holder]] = defaultdict(list)
        for story in dossier.stories:
            for n, statement in enumerate(story.statements):
                for source in statement.sources:
                    self.sources[source.article].append(Holder((story.id, n), statement, source))
        self.conflicts: list[ConflictOut] = [c for s in dossier.stories for c in s.conflicts]

    def held(self, article: str, at: int) -> list[Holder]:
        return [h for h in self.sources.get(article, []) if h.source.start <= at < h.source.end]

    def find(self, article: str, snippet: str) -> int | None:
        at = self.texts.get(article, "").find(snippet)
        return at if at >= 0 else None

    def by_keywords(self, article: str, alternatives: Keys) -> list[Holder]:
        """Statements holding an occurrence of an alternative's first keyword whose span has its other keywords."""
        text = self.texts.get(article, "")
        lower = text.lower()
        found: dict[tuple[str, int], Holder] = {}
        for keys in alternatives:
            at = lower.find(keys[0].lower())
            while at >= 0:
                for holder in self.held(article, at):
                    span = lower[holder.source.start : holder.source.end]
                    if all(k.lower() in span for k in keys[1:]):
                        found.setdefault(holder.key, holder)
                at = lower.find(keys[0].lower(), at + 1)
        return list(found.values())

    def describe(self, anchors: Mapping[str, int | None]) -> str:
        """What the dossier holds at each anchor: the statement's status and its outlets."""
        parts = []
        for article, at in anchors.items():
            holders = self.held(article, at) if at is not None else []
            where = "; ".join(
                f"{h.statement.status} [{', '.join(sorted({self.outlets[s.article] for s in h.statement.sources}))}]"
                for h in holders
            )
            parts.append(f"{self.outlets.get(article, article)}: {where or 'in no statement'}")
        return " | ".join(parts)


def covered(conflict: ConflictOut, anchors: Mapping[str, int | None]) -> int:
    """How many of the anchors the conflict's sides (their sentences or spans) cover."""
    return sum(
        1
        for article, at in anchors.items()
        if at is not None
        and any(
            side.article == article
            and (side.sentence.start <= at < side.sentence.end or side.span.start <= at < side.span.end)
            for side in conflict.sides
        )
    )


def flagged(index: DossierIndex, anchors: Mapping[str, int | None]) -> list[str]:
    """How the dossier marks the anchors as conflicting: claimed conflicts covering two of them, and statements
    with status conflicting holding two of them."""
    found = [f"conflict ({c.kind}) {c.text}" for c in index.conflicts if covered(c, anchors) >= 2]
    statements = statements_holding(index, anchors)
    found += [
        f"statement conflicting: {statement.text[:70]!r}"
        for statement, articles in statements.values()
        if statement.status == "conflicting" and len(articles) >= 2
    ]
    return found


def statements_holding(
    index: DossierIndex, anchors: Mapping[str, int | None]
) -> dict[tuple[str, int], tuple[StatementOut, set[str]]]:
    """Each statement holding an anchor, with the anchors' articles it holds."""
    found: dict[tuple[str, int], tuple[StatementOut, set[str]]] = {}
    for article, at in anchors.items():
        for holder in index.held(article, at) if at is not None else []:
            found.setdefault(holder.key, (holder.statement, set()))[1].add(article)
    return found


@dataclass(frozen=True, slots=True)
class Verdict:
    fact: dict[str, Any]
    right: bool
    detail: str


def judge(fact: dict[str, Any], index: DossierIndex) -> Verdict:
    anchors = {article: index.find(article, snippet) for article, snippet in fact["in"].items()}
    missing = [a for a, at in anchors.items() if at is None]
    if missing:
        return Verdict(fact, False, f"snippet not in the clean text of {', '.join(missing)}")
    detail = index.describe(anchors)
    expect = fact["expect"]
    if expect == "corroborated":
        right = any(
            s.status == "corroborated" and len(articles) >= 2
            for s, articles in statements_holding(index, anchors).values()
        )
    elif expect == "single-source":
        statements = [s for s, _ in statements_holding(index, anchors).values()]
        right = bool(statements) and all(s.status == "single-source" for s in statements)
    else:
        marks = flagged(index, anchors)
        right = bool(marks) == (expect == "conflicting")
        if marks:
            detail += " || " + " || ".join(marks)
    return Verdict(fact, right, detail)


@dataclass(slots=True)
class SetResult:
    name: str
    articles: int
    stories: int
    verdicts: list[Verdict]
    claimed: list[tuple[ConflictOut, bool, bool]]  # conflict, matches a planted one, of the planted kind
    conflicting_statements: list[tuple[StatementOut, bool]]
    wire_corroborations: list[StatementOut]
    copies_linked: list[str] = field(default_factory=list)
    copies_missed: list[str] = field(default_factory=list)


def run_set(folder: Path) -> SetResult:
    facts: list[dict[str, Any]] = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    inputs = sorted(folder.glob("*.jsonl"))
    with tempfile.TemporaryDirectory() as scratch:
        dossier = analyze(inputs, out=Path(scratch)).dossier
    index = DossierIndex(dossier)
    verdicts = [judge(fact, index) for fact in facts]
    planted = [(f, {a: index.find(a, s) for a, s in f["in"].items()}) for f in facts if f["expect"] == "conflicting"]
    claimed = []
    for conflict in index.conflicts:
        matches = [f for f, anchors in planted if covered(conflict, anchors) >= 2]
        claimed.append((conflict, bool(matches), any(f.get("kind") == conflict.kind for f in matches)))
    on_planted = {
        key
        for _, anchors in planted
        for key, (_, articles) in statements_holding(index, anchors).items()
        if len(articles) >= 2
    }
    conflicting_statements = [
        (statement, (story.id, n) in on_planted)
        for story in dossier.stories
        for n, statement in enumerate(story.statements)
        if statement.status == "conflicting"
    ]
    wires = [frozenset(f["in"]) for f in facts if f.get("kind") == "wire"]
    result = SetResult(
        name=folder.name,
        articles=len(dossier.articles),
        stories=len(dossier.stories),
        verdicts=verdicts,
        claimed=claimed,
        conflicting_statements=conflicting_statements,
        wire_corroborations=wire_copy_corroborations(dossier.stories, wires),
    )
    for group in set(wires):
        for article in group:
            if article in index.copies:
                result.copies_linked.append(article)
        if not any(a in index.copies for a in group):
            result.copies_missed.append(" / ".join(sorted(group)))
    return result


def wire_copy_corroborations(stories: Iterable[StoryOut], wires: Sequence[frozenset[str]]) -> list[StatementOut]:
    """Corroborated statements whose sources are one wire story and its copies only."""

    def independent(article: str) -> object:
        return next((group for group in wires if article in group), article)

    return [
        s
        for story in stories
        for s in story.statements
        if s.status == "corroborated" and len({independent(src.article) for src in s.sources}) < 2
    ]


def ratio(right: int, total: int) -> str:
    return f"{right}/{total} = {right / total:.2f}" if total else "0/0 = n/a"


def print_sets(results: Sequence[SetResult], misses: bool) -> None:
    verdicts = [v for r in results for v in r.verdicts]
    total_facts = len(verdicts)
    print(
        f"Story sets (benchmarks/dossier_sets: {len(results)} sets, {sum(r.articles for r in results)} articles, "
        f"{total_facts} gold facts; one analyze run per set, default settings)"
    )
    print(f"  {'set':16} articles stories claimed  corroborated single-source conflicting not-conflicting")
    for r in results:
        cells = [tally(r.verdicts, expect) for expect in ("corroborated", "single-source", "conflicting")]
        cells.append(tally(r.verdicts, "not-conflicting"))
        print(
            f"  {r.name:16} {r.articles:8d} {r.stories:7d} {len(r.claimed):7d}  {cells[0]:>12} {cells[1]:>13} "
            f"{cells[2]:>11} {cells[3]:>15}"
        )
    claimed = [c for r in results for c in r.claimed]
    right_claims = sum(1 for _, ok, _ in claimed if ok)
    right_kind = sum(1 for _, ok, kind in claimed if ok and kind)
    statuses = [s for r in results for s in r.conflicting_statements]

    def count(expect: str, kinds: Iterable[str] | None = None) -> tuple[int, int]:
        chosen = [v for v in verdicts if v.fact["expect"] == expect and (kinds is None or v.fact.get("kind") in kinds)]
        return sum(v.right for v in chosen), len(chosen)

    recall = count("conflicting")
    corroborated = count("corroborated")
    single = count("single-source")
    wire_facts = count("single-source", {"wire"})
    calm = count("not-conflicting")
    wire_corroborations = sum(len(r.wire_corroborations) for r in results)
    linked = sum(len(r.copies_linked) for r in results)
    missed_copies = [c for r in results for c in r.copies_missed]
    print(
        f"  {'conflicting precision':34} {ratio(right_claims, len(claimed)):16} target >= 0.90  "
        f"(claimed conflicts on a planted one; {right_kind} of the planted kind)"
    )
    print(f"  {'conflicting recall':34} {ratio(*recall):16} target >= 0.80")
    print(
        f"  {'  statements marked conflicting':34} {len(statuses):<16} "
        f"({sum(ok for _, ok in statuses)} on a planted conflict)"
    )
    print(f"  {'corroborated accuracy':34} {ratio(*corroborated):16} target >= 0.90")
    print(f"  {'single-source accuracy':34} {ratio(*single):16} target >= 0.90  (wire-only facts {ratio(*wire_facts)})")
    print(
        f"  {'qualifier/unit/scope false alarms':34} {calm[1] - calm[0]}/{calm[1]:<14} target 0      "
        + "  ".join(f"{k} {ratio(*count('not-conflicting', {k}))}" for k in ("qualifier", "unit", "scope"))
    )
    missed = f"; not linked: {', '.join(missed_copies)}" if missed_copies else ""
    print(
        f"  {'wire-copy corroborations':34} {wire_corroborations:<16} target 0      "
        f"(copies linked to their wire story: {linked}{missed})"
    )
    if misses:
        print_set_misses(results)


def tally(verdicts: Sequence[Verdict], expect: str) -> str:
    chosen = [v for v in verdicts if v.fact["expect"] == expect]
    return f"{sum(v.right for v in chosen)}/{len(chosen)}"


def print_set_misses(results: Sequence[SetResult]) -> None:
    print("\n  Misses:")
    for r in results:
        for v in r.verdicts:
            if not v.right:
                kind = f" ({v.fact['kind']})" if v.fact.get("kind") else ""
                print(f"    {r.name} {v.fact['id']}: expected {v.fact['expect']}{kind}; {v.detail}")
        for conflict, ok, _ in r.claimed:
            if not ok:
                sides = "; ".join(
                    f"{s.article}@{s.sentence.start}-{s.sentence.end} says {s.says!r}" for s in conflict.sides
                )
                print(f"    {r.name} claimed conflict on nothing planted ({conflict.kind}): {conflict.text} [{sides}]")
        for statement in r.wire_corroborations:
            print(f"    {r.name} wire-copy corroboration: {statement.text[:90]!r}")


def seeds_block(misses: bool) -> None:
    if not (SEEDS / "gold.json").exists():
        print(f"\nSKIP seeds: not found at {SEEDS} (they live in ../shared beside the repo)")
        return
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        dossier = analyze([SEEDS / name for name in gold["story"]["articles"]], out=Path(scratch)).dossier
    index = DossierIndex(dossier)
    wrong: list[str] = []
    rows = [
        ("shared facts corroborated", shared_facts(index, wrong)),
        ("single-source facts, right outlet", single_source_facts(index, gold, wrong)),
        ("quote alignments as labelled", quote_alignments(dossier, gold, wrong)),
        ("figure alignments as labelled", figure_alignments(dossier, gold, wrong)),
        ("timeline items with their sources", timeline_items(dossier, gold, wrong)),
    ]
    print("\nSeeds vs ../shared/corpus/seeds/gold.json (the issue's target: every item)")
    for name, (right, total) in rows:
        print(f"  {name:34} {ratio(right, total):16} target {total}/{total}")
    claimed = len(index.conflicts)
    marked = sum(1 for s in dossier.stories for st in s.statements if st.status == "conflicting")
    print(f"  {'conflicts claimed':34} {claimed:<16} target 0      (statements marked conflicting: {marked})")
    wrong += [f"claimed conflict: {c.text}" for c in index.conflicts]
    if misses and wrong:
        print("\n  Misses:")
        for line in wrong:
            print(f"    {line}")


def shared_facts(index: DossierIndex, wrong: list[str]) -> tuple[int, int]:
    right = 0
    for label, keys in SHARED_FACTS:
        holders = {article: index.by_keywords(article, alternatives) for article, alternatives in keys.items()}
        common = set.intersection(*({h.key for h in found} for found in holders.values()))
        ok = any(h.statement.status == "corroborated" for found in holders.values() for h in found if h.key in common)
        right += ok
        if not ok:
            wrong.append(f"shared fact {label!r}: " + seed_holders(index, holders))
    return right, len(SHARED_FACTS)


def seed_holders(index: DossierIndex, holders: Mapping[str, Sequence[Holder]]) -> str:
    return " | ".join(
        f"{article}: "
        + (
            "; ".join(
                f"{h.statement.status} [{', '.join(sorted({s.article for s in h.statement.sources}))}] "
                f"{index.texts[article][h.source.start : h.source.end][:60]!r}"
                for h in found
            )
            or "no statement"
        )
        for article, found in holders.items()
    )


def single_source_facts(index: DossierIndex, gold: dict[str, Any], wrong: list[str]) -> tuple[int, int]:
    right = total = 0
    for article, labels in gold["single_source_facts"].items():
        for label, keys in zip(labels, SINGLE_SOURCE_KEYS[article], strict=True):
            found = index.by_keywords(article, keys)
            ok = bool(found) and all(
                h.statement.status == "single-source" and {s.article for s in h.statement.sources} == {article}
                for h in found
            )
            right += ok
            total += 1
            if not ok:
                wrong.append(f"single-source fact {label!r}: " + seed_holders(index, {article: found}))
    return right, total


def gold_spans(dossier: Dossier, items: Iterable[dict[str, Any]]) -> dict[str, tuple[str, int, int]]:
    """Gold items (quotes, figures) by id or text: their article and span in its clean text."""
    texts = {a.id: a.text for a in dossier.articles}
    spans = {}
    for item in items:
        at = texts.get(item["article"], "").find(item["text"])
        if at >= 0:
            spans[item.get("id", item["text"])] = (item["article"], at, at + len(item["text"]))
    return spans


def overlapping(found: Iterable[Any], span: tuple[str, int, int] | None) -> set[str]:
    if span is None:
        return set()
    article, start, end = span
    return {x.id for x in found if x.article == article and x.start < end and start < x.end}


def quote_alignments(dossier: Dossier, gold: dict[str, Any], wrong: list[str]) -> tuple[int, int]:
    """`same statement`: the quotes are aligned (aligned_with, or one quote variant group); `same topic`: they are
    not rendered as one statement."""
    spans = gold_spans(dossier, gold["quotes"])
    linked = {(q.id, other) for q in dossier.quotes for other in q.aligned_with}
    linked |= {(a, b) for s in dossier.stories for v in s.quote_variants for a in v.quotes for b in v.quotes if a != b}
    right = 0
    for item in gold["quote_alignments"]:
        left, other = (overlapping(dossier.quotes, spans.get(q)) for q in item["quotes"])
        aligned = any((a, b) in linked for a in left for b in other)
        ok = aligned if item["relation"] == "same statement" else not aligned
        right += ok
        if not ok:
            wrong.append(
                f"quote alignment {'~'.join(item['quotes'])} ({item['relation']}): aligned={aligned}, "
                f"quotes found {sorted(left)} / {sorted(other)}"
            )
    return right, len(gold["quote_alignments"])


def figure_alignments(dossier: Dossier, gold: dict[str, Any], wrong: list[str]) -> tuple[int, int]:
    """`agree`: linked as agreeing; `different scope`: not linked as a conflict, and no claimed conflict on both."""
    spans = gold_spans(dossier, gold["figures"])
    relation = {(f.id, link.figure): link.relation for f in dossier.figures for link in f.aligned_with}
    right = 0
    for item in gold["figure_alignments"]:
        ends = [spans.get(text) for text in item["figures"]]
        left, other = (overlapping(dossier.figures, span) for span in ends)
        links = {relation.get((a, b)) or relation.get((b, a)) for a in left for b in other} - {None}
        if item["relation"] == "agree":
            ok = "agree" in links
        else:
            anchors = {span[0]: span[1] for span in ends if span}
            claimed = [c for c in (c for s in dossier.stories for c in s.conflicts) if covered(c, anchors) >= 2]
            ok = "conflict" not in links and not claimed
        right += ok
        if not ok:
            wrong.append(
                f"figure alignment {' ~ '.join(item['figures'])} ({item['relation']}): links {sorted(links)}, "
                f"figures found {sorted(left)} / {sorted(other)}"
            )
    return right, len(gold["figure_alignments"])


def timeline_items(dossier: Dossier, gold: dict[str, Any], wrong: list[str]) -> tuple[int, int]:
    entries = [e for s in dossier.stories for e in s.timeline]
    right = 0
    for item, keys in zip(gold["timeline"], TIMELINE_KEYS, strict=True):
        ok = any(
            e.when == item["when"]
            and any(k.lower() in e.what.lower() for k in keys)
            and set(item["sources"]) <= set(e.sources)
            for e in entries
        )
        right += ok
        if not ok:
            same_value = [f"{sorted(e.sources)} {e.what[:60]!r}" for e in entries if e.when == item["when"]]
            wrong.append(f"timeline {item['when']} ({item['what']}): entries of that value: {same_value or 'none'}")
    return right, len(gold["timeline"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list every wrong item with what the dossier holds")
    args = parser.parse_args()
    started = time.perf_counter()
    folders = sorted(p for p in SETS.iterdir() if (p / "gold.json").exists())
    print_sets([run_set(folder) for folder in folders], args.misses)
    seeds_block(args.misses)
    print(f"\n{time.perf_counter() - started:.1f} s, model loads included")
    return 0


if __name__ == "__main__":
    sys.exit(main())
