"""Publication dates on dates-dev (432 news pages, many languages), exact-day accuracy and within one day.

Ours: the date our cleaning stage (`rashomon.clean.clean`) gives an HTML page, no URL given (the held-out set gives
none), with the pipeline's limit of tomorrow. Beside it, measured in the same run: htmldate (its default, which is
the extensive search; "fast", `extensive_search=False`; and "original_date", `original_date=True`). A page with no
date counts as wrong. Names sorted, alternate pages: the even ones are the tuning half, the odd ones held out.
Figures overall, per source and per language (the corpus README's `lang`; languages with fewer than
`MIN_LANGUAGE_PAGES` pages pooled as "other").

With ``--analyze``, ours is also read from a whole `rashomon analyze` run over the pages (as files, no URL): the
dossier's `published` where it was not inferred from the story.
Run: `.venv/bin/python benchmarks/dates.py [--quick] [--misses] [--analyze]` (``--quick``: ours only;
``--misses``: our wrong or missing dates, with htmldate's beside them).
"""

from __future__ import annotations

import gzip
import json
import logging
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from htmldate import find_date

from rashomon.analysis import analyze
from rashomon.clean.article import clean
from rashomon.ingest.encoding import decode_bytes
from rashomon.model import Article, RawDocument

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dates-dev"
MIN_LANGUAGE_PAGES = 5
# As the pipeline sets it: a publication date after tomorrow is a placeholder or a typo.
LATEST = date.today() + timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    gold: date
    source: str
    language: str
    html: str


def _load() -> list[Page]:
    meta = {row["name"]: row for row in map(json.loads, (CORPUS / "meta.jsonl").read_text("utf-8").splitlines())}
    pages = []
    for line in sorted((CORPUS / "gold.tsv").read_text("utf-8").splitlines()):
        name, gold = line.split("\t")
        data = gzip.decompress((CORPUS / "pages" / f"{name}.html.gz").read_bytes())
        html = decode_bytes(data, html=True)[0]
        row = meta[name]
        pages.append(Page(name, date.fromisoformat(gold), row["source"], row["lang"], html))
    return pages


def ours(page: Page) -> date | None:
    raw = RawDocument(id=page.name, source=page.name, kind="html", content=page.html)
    result = clean(raw, latest=LATEST)
    if not isinstance(result, Article) or result.published is None:
        return None
    return date.fromisoformat(result.published[:10])


def through_analyze(pages: Sequence[Page]) -> dict[str, date | None]:
    """Each page's date as a whole `rashomon analyze` run gives it (not inferred from its story)."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for page in pages:
            (folder / f"{page.name}.html").write_text(page.html, encoding="utf-8")
        dossier = analyze([folder]).dossier
    found: dict[str, date | None] = {page.name: None for page in pages}
    for article in dossier.articles:
        name = article.id.removesuffix(".html")
        if name in found and article.published and not article.published_inferred:
            found[name] = date.fromisoformat(article.published[:10])
    return found


def htmldate_method(**options: bool) -> Callable[[Page], date | None]:
    def extract(page: Page) -> date | None:
        found = find_date(page.html, **options)
        return date.fromisoformat(found) if found else None

    return extract


def _figures(pages: Sequence[Page], found: Mapping[str, date | None]) -> str:
    exact = sum(found[p.name] == p.gold for p in pages)
    near = sum(found[p.name] is not None and abs((found[p.name] - p.gold).days) <= 1 for p in pages)  # type: ignore[operator]
    missing = sum(found[p.name] is None for p in pages)
    n = len(pages)
    return f"{exact / n:.3f} / {near / n:.3f} ({missing:3d} none)"


def _groups(pages: Sequence[Page]) -> list[tuple[str, list[Page]]]:
    tuning, held_out = list(pages[0::2]), list(pages[1::2])
    groups = [("all", list(pages)), ("tuning half", tuning), ("held-out half", held_out)]
    groups += [(f"source {s}", [p for p in pages if p.source == s]) for s in sorted({p.source for p in pages})]
    counts = Counter(p.language for p in pages)
    languages = sorted((code for code in counts if counts[code] >= MIN_LANGUAGE_PAGES), key=lambda c: (-counts[c], c))
    groups += [(f"lang {code}", [p for p in pages if p.language == code]) for code in languages]
    pooled = [p for p in pages if counts[p.language] < MIN_LANGUAGE_PAGES]
    groups.append((f"lang other ({len({p.language for p in pooled})} languages)", pooled))
    return groups


def _run(method: Callable[[Page], date | None], pages: Sequence[Page]) -> tuple[dict[str, date | None], float]:
    started = time.process_time()
    found = {page.name: method(page) for page in pages}
    return found, time.process_time() - started


def _print_misses(pages: Sequence[Page], results: Mapping[str, Mapping[str, date | None]]) -> None:
    baseline = next((name for name in results if name != "rashomon"), None)
    print("\nOur misses (split, page, gold, ours" + (f", {baseline}" if baseline else "") + "):")
    for index, page in enumerate(pages):
        got = results["rashomon"][page.name]
        if got == page.gold:
            continue
        split = "tune" if index % 2 == 0 else "held"
        other = f"  {results[baseline][page.name]}" if baseline else ""
        print(f"  {split} {page.name:60} {page.gold}  {got}{other}")


def main(argv: Sequence[str]) -> int:
    if not (CORPUS / "gold.tsv").exists():
        print(f"SKIP: dates-dev not found at {CORPUS} (it lives in ../shared beside the repo)")
        return 0
    logging.disable(logging.WARNING)  # htmldate and the cleaning stage warn about odd pages; not the point here
    pages = _load()
    methods: list[tuple[str, Callable[[Page], date | None]]] = [("rashomon", ours)]
    if "--quick" not in argv:
        methods += [
            ("htmldate 1.11 extensive (default)", htmldate_method()),
            ("htmldate 1.11 fast", htmldate_method(extensive_search=False)),
            ("htmldate 1.11 original_date", htmldate_method(original_date=True)),
        ]
    results: dict[str, dict[str, date | None]] = {}
    seconds: dict[str, float] = {}
    for name, method in methods:
        results[name], seconds[name] = _run(method, pages)
    print(f"Publication dates on dates-dev ({len(pages)} pages, no URL given): exact-day accuracy / within one day")
    header = "".join(f"{name:>34}" for name in results)
    print(f"{'pages':36}{header}")
    for label, members in _groups(pages):
        row = "".join(f"{_figures(members, found):>34}" for found in results.values())
        print(f"{label + f' ({len(members)})':36}{row}")
    print()
    for name in results:
        print(f"{name}: {len(pages) / seconds[name]:.0f} pages/s of CPU")
    print("(ours: the whole cleaning stage, body included)")
    if "--analyze" in argv:
        started = time.perf_counter()
        analyzed = through_analyze(pages)
        print(f"\nThrough `rashomon analyze` ({time.perf_counter() - started:.0f} s wall):")
        for label, members in _groups(pages)[:3]:
            print(f"  {label + f' ({len(members)})':34}{_figures(members, analyzed):>34}")
    print("\nissue 20's held-out set (1,000 pages, no URL): htmldate (extensive) 0.842, target for ours 0.87")
    if "--misses" in argv:
        _print_misses(pages, results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
