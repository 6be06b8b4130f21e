"""Article-body extraction on the Zyte/ScrapingHub extraction benchmark, with the benchmark's own metric.

HTML: our cleaning stage beside trafilatura (default and favor_precision) and readability-lxml, measured in the same
run, with pages/second on one core (CPU time spent in the extractor, scoring not counted; ours the median of
`OUR_PASSES` passes, in `clean` alone). Flattened text (the same pages as text lines, debris kept): our line
classifier beside no cleaning at all. Ids sorted: tune on the first 90, report on the other 91 and on all 181.
Run: `make bench` or `.venv/bin/python benchmarks/extraction.py [--quick | --analyze | --wceb]` (``--quick``: ours
only; ``--analyze``: the pages through whole `rashomon analyze` runs, their dossiers' bodies scored; ``--wceb``: only
the wceb-dev block, which the full run prints after this benchmark's; ``--wceb --analyze``: wceb-dev's pages through
whole `rashomon analyze` runs).

wceb-dev (`../shared/corpus/wceb-dev`: L3S-GN1, Dragnet, CleanPortalEval, fundus in 25 languages, Chinese pages):
our HTML cleaning beside trafilatura 2.3.1 (default settings) in the same run, and our flattened-text cleaning on
the same pages flattened as the benchmark's `flat/` pages were (html-text 0.7's `extract_text(html,
guess_layout=True)`). The metric is the shingle F1 above, as wceb-dev's README prescribes for comparing with this
benchmark: against `body` where a subset has it (l3s-gn1, dragnet), else `text`; Chinese and Japanese counted per
character. Within each subset, ids sorted: even positions are the tuning half, odd ones held out.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import trafilatura
from readability import Document

from floors import Floors
from rashomon.analysis import analyze
from rashomon.clean.article import clean, site_of
from rashomon.clean.html.page import parse_html
from rashomon.clean.html.pagemeta import page_meta
from rashomon.clean.language import identify, primary_subtag
from rashomon.clean.lines import document_counts, text_line_keys
from rashomon.ingest.encoding import UndecodableError, decode_bytes
from rashomon.model import Article, RawDocument

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "extraction-benchmark"
_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
Counts = tuple[float, float, float]


def _shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)) if tokens[i : i + size])


def shingle_counts(true: str, pred: str) -> Counts:
    """The benchmark's per-page (tp, fp, fn) over 4-token shingles, normalised to sum to one."""
    gold, ours = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in set(gold) | set(ours):
        tp += min(gold[key], ours[key])
        fp += max(0, ours[key] - gold[key])
        fn += max(0, gold[key] - ours[key])
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(pages: Sequence[Counts]) -> tuple[float, float, float]:
    """Precision and recall averaged over pages (each over pages where it is defined), F1 of the two."""
    precisions = [_precision(*c) for c in pages if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in pages if c[0] + c[2] > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ours(
    kind: str, pages: Mapping[str, str], repeated: Mapping[str, Mapping[str, int]] | None = None
) -> Callable[[str, str], str]:
    """Our cleaning stage (`clean`) on ``pages``; with ``repeated`` (page id -> `repeated_lines`), told which lines
    its site's pages share. The raw documents are made first, untimed: making them is ingest's work (it checks that
    the text can be stored, about 0.25 ms a page)."""
    raws = {i: RawDocument(id=i, source=i, kind=kind, content=content) for i, content in pages.items()}  # type: ignore[arg-type]

    def extract(page_id: str, _: str) -> str:
        result = clean(raws[page_id], repeated[page_id] if repeated is not None else None)
        return result.text if isinstance(result, Article) else ""

    return extract


def repeated_lines(urls: Mapping[str, str], pages: Mapping[str, str]) -> dict[str, dict[str, int]]:
    """For each page, how many pages of its site (the corpus pages whose URL has its host) hold each line, as
    the pipeline counts over the pages it has read."""
    sites = {i: site_of(RawDocument(id=i, source=i, kind="text", content="", url=urls[i])) for i in pages}
    counts: dict[str | None, dict[str, int]] = {}
    for site in set(sites.values()):
        counts[site] = document_counts(text_line_keys(pages[i]) for i in pages if sites[i] == site)
    return {i: counts[sites[i]] for i in pages}


def trafilatura_baseline(favor_precision: bool) -> Callable[[str, str], str]:
    def extract(_: str, html: str) -> str:
        return trafilatura.extract(html, favor_precision=favor_precision) or ""

    return extract


def readability_baseline(_: str, html: str) -> str:
    summary = Document(html).summary(html_partial=True)
    return str(lxml.html.fromstring(summary).text_content()) if summary.strip() else ""


def no_cleaning(_: str, text: str) -> str:
    return text


# Timed passes over the pages for our cleaning (the first one also scored): CPU time on a shared machine varied by
# half between runs seconds apart, and the median of several passes is steadier than one. Baselines are timed once
# (a pass takes them 5-8 s).
OUR_PASSES = 5


def run(
    name: str, extract: Callable[[str, str], str], inputs: Mapping[str, str], gold: Mapping[str, str], passes: int = 1
) -> tuple[dict[str, tuple[float, float, float]], list[float]]:
    """Scores by split, and pages per second of CPU time in the extractor (not in scoring), one rate a pass."""
    ids = sorted(inputs)
    counts: dict[str, Counts] = {}
    seconds = 0.0
    for page_id in ids:
        started = time.process_time()
        text = extract(page_id, inputs[page_id])
        seconds += time.process_time() - started
        counts[page_id] = shingle_counts(gold[page_id], text)
    rates = [len(ids) / seconds]
    for _ in range(passes - 1):
        started = time.process_time()
        for page_id in ids:
            extract(page_id, inputs[page_id])
        rates.append(len(ids) / (time.process_time() - started))
    splits = {"tune (first 90)": ids[:90], "held out (91)": ids[90:], "all 181": ids}
    return {split: score([counts[i] for i in members]) for split, members in splits.items()}, rates


def language_check(html: Mapping[str, str], gold: Mapping[str, str]) -> str:
    """How often our HTML articles' language is the one identified from the gold body (the benchmark labels no
    languages), and how often the page's own declaration is."""
    ours_right = declared_right = declared = 0
    for page_id, page in html.items():
        expected = identify(gold[page_id])
        result = clean(RawDocument(id=page_id, source=page_id, kind="html", content=page))
        ours_right += isinstance(result, Article) and result.language == expected
        tree = parse_html(page)
        if stated := primary_subtag(page_meta(tree).language if tree is not None else None):
            declared += 1
            declared_right += stated == expected
    return (
        f"language of our HTML articles = language identified from the gold body: {ours_right}/{len(html)}; "
        f"the page's own declaration: {declared_right}/{declared} pages that declare one"
    )


def _load() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    gold_rows = json.loads((CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    gold = {k: v["articleBody"] for k, v in gold_rows.items()}
    urls = {k: v["url"] for k, v in gold_rows.items()}
    html = {
        p.name.split(".")[0]: decode_bytes(gzip.decompress(p.read_bytes()), html=True)[0]
        for p in sorted((CORPUS / "html").glob("*.html.gz"))
    }
    flat = {p.stem: p.read_text(encoding="utf-8") for p in sorted((CORPUS / "flat").glob("*.txt"))}
    return gold, urls, html, flat


def through_analyze(gold: Mapping[str, str], urls: Mapping[str, str], flat: Mapping[str, str]) -> None:
    """The same pages through a whole `rashomon analyze` run each (HTML files; flattened text as JSON Lines records
    that name their URL, so lines a site repeats are counted as in `repeated_lines`), the dossier's bodies scored."""
    ids = sorted(gold)
    splits = {"tune (first 90)": ids[:90], "held out (91)": ids[90:], "all 181": ids}
    with tempfile.TemporaryDirectory() as scratch:
        records = Path(scratch) / "flat.jsonl"
        lines = (json.dumps({"id": i, "url": urls[i], "text": flat[i]}) for i in sorted(flat))
        records.write_text("\n".join(lines), encoding="utf-8")
        for kind, inputs in (("HTML", [CORPUS / "html"]), ("flattened text", [records])):
            started = time.perf_counter()
            analysis = analyze(inputs, out=Path(scratch) / kind.split()[0])
            seconds = time.perf_counter() - started
            bodies = {a.id.split(".")[0]: a.text for a in analysis.dossier.articles}
            counts = {i: shingle_counts(gold[i], bodies.get(i, "")) for i in ids}
            f1 = {split: score([counts[i] for i in members])[2] for split, members in splits.items()}
            print(
                f"rashomon analyze, {kind}: F1 {f1['tune (first 90)']:.3f} tune / {f1['held out (91)']:.3f} held "
                f"out / {f1['all 181']:.3f} all; {len(bodies)} articles, {len(analysis.dossier.rejected)} rejected "
                f"or flagged, {len(analysis.dossier.stories)} stories, {seconds:.0f} s wall"
            )


WCEB = CORPUS.parent / "wceb-dev"
DATES_DEV = CORPUS.parent / "dates-dev" / "pages"
WCEB_SUBSETS = ("l3s-gn1", "dragnet", "cleanportaleval", "fundus", "zh-handcrafted")
# Languages written without spaces, scored per character (wceb-dev's README).
_PER_CHARACTER = frozenset({"zh", "ja"})
_UNSPACED_CHAR = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")
# fundus languages with this many pages get a row of their own; the others share one.
_OWN_ROW_PAGES = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class DevPage:
    """One wceb-dev page: its subset, id, language, gold text and HTML, and whether it is in the tuning half."""

    subset: str
    id: str
    language: str
    gold: str
    html: str
    tune: bool
    refused: str | None = None


def load_wceb() -> list[DevPage]:
    pages = []
    for subset in WCEB_SUBSETS:
        text = (WCEB / "ground-truth" / f"{subset}.jsonl").read_text(encoding="utf-8")
        rows = sorted((json.loads(line) for line in text.split("\n") if line.strip()), key=lambda row: row["id"])
        for at, row in enumerate(rows):
            raw = gzip.decompress((WCEB / "html" / subset / f"{row['id']}.html.gz").read_bytes())
            gold = row["body"] if "body" in row else row["text"]
            try:
                html, refused = decode_bytes(raw, html=True)[0], None
            except UndecodableError as error:
                # Ingest refuses the page: ours is scored empty; the baselines get it decoded as the corpus hints.
                html, refused = raw.decode(row["encoding"], errors="replace"), f"ingest: {error}"
            pages.append(
                DevPage(
                    subset=subset,
                    id=row["id"],
                    language=row["lang"],
                    gold=gold,
                    html=html,
                    tune=at % 2 == 0,
                    refused=refused,
                )
            )
    return pages


def dev_counts(page: DevPage, text: str) -> Counts:
    """`shingle_counts` of a page's gold and ``text``, per character in Chinese and Japanese."""
    if page.language in _PER_CHARACTER:
        return shingle_counts(_UNSPACED_CHAR.sub(r" \1 ", page.gold), _UNSPACED_CHAR.sub(r" \1 ", text))
    return shingle_counts(page.gold, text)


def _groups(pages: Sequence[DevPage]) -> dict[str, list[DevPage]]:
    """Rows of the wceb-dev table: each subset, fundus also per language, and all pages."""
    languages = Counter(page.language for page in pages if page.subset == "fundus")
    groups: dict[str, list[DevPage]] = {}
    for page in pages:
        groups.setdefault(page.subset, []).append(page)
        if page.subset == "fundus":
            own = languages[page.language] >= _OWN_ROW_PAGES
            groups.setdefault(f"  fundus {page.language if own else 'other'}", []).append(page)
    fundus = [key for key in groups if key.startswith("  fundus")]
    ordered = [key for key in groups if not key.startswith("  ")]
    at = ordered.index("fundus") + 1
    ordered[at:at] = sorted(fundus, key=lambda key: (key.endswith("other"), -len(groups[key]), key))
    return {**{key: groups[key] for key in ordered}, "all wceb-dev": list(pages)}


def _flatten(html: str) -> str:
    """The page as text lines, as the benchmark's `flat/` pages were made; "" without html-text (then the flattened
    columns score empty pages: install html-text==0.7.1 beside the dev tools)."""
    try:
        import html_text  # noqa: PLC0415 (a baseline tool, optional where the dev tools lack it)
    except ImportError:
        return ""
    flat: str = html_text.extract_text(html, guess_layout=True)
    return flat


def _ours_dev(kind: str, rejected: dict[str, str]) -> Callable[[DevPage, str], str]:
    def extract(page: DevPage, content: str) -> str:
        if page.refused:
            rejected[f"{page.subset}/{page.id[:12]} ({page.language})"] = page.refused
            return ""
        result = clean(RawDocument(id=page.id, source=page.id, kind=kind, content=content))  # type: ignore[arg-type]
        if isinstance(result, Article):
            return result.text
        rejected[f"{page.subset}/{page.id[:12]} ({page.language})"] = result.reason
        return ""

    return extract


def run_wceb(pages: Sequence[DevPage]) -> dict[str, dict[str, Counts]]:
    """Per method, each page's counts (by page id); prints seconds of CPU per method and our rejections."""
    flat = {page.id: _flatten(page.html) for page in pages}
    rejected: dict[str, dict[str, str]] = {"HTML": {}, "flattened text": {}}
    methods: list[tuple[str, Callable[[DevPage, str], str], bool]] = [
        ("rashomon HTML", _ours_dev("html", rejected["HTML"]), False),
        ("trafilatura HTML", lambda _, html: trafilatura.extract(html) or "", False),
        ("rashomon flat", _ours_dev("text", rejected["flattened text"]), True),
        ("no cleaning flat", lambda _, text: text, True),
    ]
    counts: dict[str, dict[str, Counts]] = {}
    for name, extract, flattened in methods:
        started = time.process_time()
        outputs = {page.id: extract(page, flat[page.id] if flattened else page.html) for page in pages}
        print(f"{name}: {time.process_time() - started:.0f} s of CPU for {len(pages)} pages", file=sys.stderr)
        counts[name] = {page.id: dev_counts(page, outputs[page.id]) for page in pages}
    for kind, pages_rejected in rejected.items():
        print(f"rejected by our cleaning, {kind}: {len(pages_rejected)} of {len(pages)} pages")
        for where, reason in sorted(pages_rejected.items()):
            print(f"  {where}: {reason}")
    return counts


def dates_dev_rejections() -> None:
    """Our HTML cleaning's rejections on dates-dev (no body gold there: what is rejected, and why)."""
    paths = sorted(DATES_DEV.glob("*.html.gz"))
    rejected = {}
    for path in paths:
        html = decode_bytes(gzip.decompress(path.read_bytes()), html=True)[0]
        result = clean(RawDocument(id=path.name, source=path.name, kind="html", content=html))
        if not isinstance(result, Article):
            rejected[path.name.removesuffix(".html.gz")] = result.reason
    print(f"rejected by our cleaning, dates-dev HTML: {len(rejected)} of {len(paths)} pages")
    for name, reason in sorted(rejected.items()):
        print(f"  {name}: {reason}")


def wceb_report() -> None:
    if not WCEB.exists():
        print(f"SKIP: wceb-dev not found at {WCEB}")
        return
    pages = load_wceb()
    counts = run_wceb(pages)
    print(
        "\nwceb-dev, shingle F1 (the extraction benchmark's metric; gold `body` for l3s-gn1 and dragnet, else `text`; "
        "zh/ja per character); tune = even ids, held = odd ids"
    )
    header = "".join(f" {name:>22}" for name in counts)
    print(f"{'subset':22} {'pages':>9}{header}")
    print(f"{'':22} {'tune/held':>9}{' tune    held    all ' * len(counts)}")
    for group, members in _groups(pages).items():
        tune = [page.id for page in members if page.tune]
        held = [page.id for page in members if not page.tune]
        cells = ""
        for method in counts.values():
            f1s = [score([method[i] for i in ids])[2] for ids in (tune, held, tune + held)]
            cells += " " + " ".join(
                f"{f1:6.3f}" if ids else "     -" for f1, ids in zip(f1s, (tune, held, 1), strict=True)
            )
        print(f"{group:22} {len(tune):>4}/{len(held):<4}{cells}")
    if DATES_DEV.exists():
        dates_dev_rejections()


def wceb_through_analyze() -> None:
    """wceb-dev through two whole `rashomon analyze` runs (the pages as HTML files as the corpus stores them; the same
    pages flattened, as JSON Lines records), the dossiers' bodies scored as `wceb_report` scores the cleaning stage."""
    if not WCEB.exists():
        print(f"SKIP: wceb-dev not found at {WCEB}")
        return
    pages = load_wceb()
    named = {f"{page.subset}-{page.id}": page for page in pages}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "html"
        folder.mkdir()
        for name, page in named.items():
            raw = gzip.decompress((WCEB / "html" / page.subset / f"{page.id}.html.gz").read_bytes())
            (folder / f"{name}.html").write_bytes(raw)
        records = Path(scratch) / "flat.jsonl"
        lines = (json.dumps({"id": name, "text": _flatten(page.html)}) for name, page in named.items())
        records.write_text("\n".join(lines), encoding="utf-8")
        for kind, inputs in (("HTML", [folder]), ("flattened text", [records])):
            started = time.perf_counter()
            analysis = analyze(inputs, out=Path(scratch) / kind.split()[0])
            seconds = time.perf_counter() - started
            bodies = {a.id.removesuffix(".html"): a.text for a in analysis.dossier.articles}
            counts = {page.id: dev_counts(page, bodies.get(name, "")) for name, page in named.items()}
            cells = []
            for group, members in _groups(pages).items():
                tune = [p.id for p in members if p.tune]
                held = [p.id for p in members if not p.tune]
                f1s = (f"{score([counts[i] for i in ids])[2]:.3f}" if ids else "-" for ids in (tune, held, tune + held))
                cells.append(f"{group.strip()} " + " / ".join(f1s))
            print(
                f"rashomon analyze, wceb-dev {kind} (F1 tune / held / all): " + "; ".join(cells) + f"; "
                f"{len(bodies)} articles, {len(analysis.dossier.rejected)} rejected or flagged, {seconds:.0f} s wall"
            )


def main(argv: Sequence[str]) -> int:
    if not (CORPUS / "ground-truth.json").exists():
        print(f"SKIP: extraction benchmark not found at {CORPUS} (it lives in ../shared beside the repo)")
        return 0
    quick = "--quick" in argv
    if "--wceb" in argv:
        wceb_through_analyze() if "--analyze" in argv else wceb_report()
        return 0
    gold, urls, html, flat = _load()
    if "--analyze" in argv:
        through_analyze(gold, urls, flat)
        return 0
    rows: list[tuple[str, str, dict[str, tuple[float, float, float]], list[float]]] = []
    html_methods: list[tuple[str, Callable[[str, str], str]]] = [("rashomon", ours("html", html))]
    if not quick:
        html_methods += [
            ("trafilatura 2.3.1 (default)", trafilatura_baseline(False)),
            ("trafilatura 2.3.1 (favor_precision)", trafilatura_baseline(True)),
            ("readability-lxml 0.9", readability_baseline),
        ]
    for name, method in html_methods:
        rows.append(("HTML", name, *run(name, method, html, gold, OUR_PASSES if name == "rashomon" else 1)))
    for name, method in (("rashomon", ours("text", flat, repeated_lines(urls, flat))), ("no cleaning", no_cleaning)):
        rows.append(("flattened text", name, *run(name, method, flat, gold, OUR_PASSES if name == "rashomon" else 1)))
    print("Extraction benchmark (181 news pages), shingle F1 as the benchmark's evaluate.py computes it")
    print(
        f"{'input':15} {'method':36} {'tune (first 90)':>16} {'held out (91)':>14} {'all 181':>8} "
        f"{'P / R (all)':>14} {'pages/s, CPU':>13}"
    )
    floors = Floors(
        "extraction",
        [CORPUS / "ground-truth.json", *sorted((CORPUS / "html").glob("*")), *sorted((CORPUS / "flat").glob("*"))],
    )
    for kind, name, scores, rates in rows:
        p, r, _ = scores["all 181"]
        print(
            f"{kind:15} {name:36} {scores['tune (first 90)'][2]:16.3f} {scores['held out (91)'][2]:14.3f} "
            f"{scores['all 181'][2]:8.3f} {p:7.3f}/{r:.3f} {statistics.median(rates):13.0f}"
        )
        if name == "rashomon":
            short = "html" if kind == "HTML" else "flat"
            for split, label in (("all 181", "all"), ("held out (91)", "held out")):
                print(f"{'':16}pinned {short} {label}: {floors.check(f'{short} {label}', scores[split][2])}")
    print()
    for kind, name, _, rates in rows:
        if len(rates) > 1:
            print(
                f"{name} on {kind}: {statistics.median(rates):.0f} pages/s of CPU, the median of {len(rates)} passes "
                f"({min(rates):.0f}-{max(rates):.0f})"
            )
    print(language_check(html, gold))
    print(
        "\npublished/measured references: trafilatura 0.960 (0.964 favor_precision), readability-lxml 0.955, "
        "best published 0.970; flattened text: no cleaning 0.665, best simple line filter 0.82"
    )
    if not quick:
        wceb_report()
    return floors.exit_status()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
