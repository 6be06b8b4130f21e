"""Issue 17, "nothing a file can do to it": 10,000 generated malformed inputs through `rashomon analyze`.

The inputs come from `tests/fuzz/generate.py` (random and mutated bytes under every extension, gzip bombs, nesting
and entity bombs, bad encodings, huge lines and ids, broken WARC records, odd names and links, and a few valid
articles among them). Prints the inputs, what was rejected by reason, the articles kept (each valid one exactly
once), the tracebacks (target 0), the slowest input and the most memory one input took, read and cleaned alone
(targets: no input over 10 s or 1 GB), the whole run's wall time and peak memory, and whether running again on the
same store changed nothing. Exit status 1 when a target is missed.

Run: `.venv/bin/python benchmarks/fuzz.py [--count 10000] [--seed 17]`.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import re
import resource
import sys
import tempfile
import time
import traceback
import tracemalloc
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.fuzz.generate import Corpus, generate

from rashomon.cli import main as rashomon
from rashomon.ingest.inputs import discover, read_file
from rashomon.model import RawDocument
from rashomon.pipeline import clean_safely
from rashomon.settings import load_settings

MAX_SECONDS = 10.0
MAX_BYTES = 1_000_000_000
_CLEAR_REFS = Path("/proc/self/clear_refs")


def _resident_peak() -> Callable[[], int]:
    """A function giving the bytes of memory the process touched since the previous call (Linux: the resident
    high-water mark, reset through /proc; elsewhere the interpreter's own allocations, through tracemalloc)."""
    try:
        _CLEAR_REFS.write_text("5")
    except OSError:
        tracemalloc.start()

        def traced() -> int:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.reset_peak()
            return peak

        return traced

    def status(field: str) -> int:
        line = next(x for x in Path("/proc/self/status").read_text().splitlines() if x.startswith(field))
        return int(line.split()[1]) * 1024

    def resident() -> int:
        peak = status("VmHWM:") - baseline[0]
        _CLEAR_REFS.write_text("5")
        baseline[0] = status("VmRSS:")
        return max(peak, 0)

    baseline = [status("VmRSS:")]
    return resident


def per_input(corpus: Corpus) -> tuple[list[tuple[float, str]], list[tuple[int, str]], list[str]]:
    """Every input read and cleaned alone: seconds and memory per input, and the tracebacks met."""
    settings = load_settings()
    files, _ = discover([corpus.folder])
    peak = _resident_peak()
    seconds: list[tuple[float, str]] = []
    memory: list[tuple[int, str]] = []
    tracebacks: list[str] = []
    for path in files:
        peak()
        started = time.perf_counter()
        try:
            for item in read_file(path, settings.ingest):
                if isinstance(item, RawDocument):
                    clean_safely(item)
        except Exception:  # counted, not hidden: any exception here is a bug
            tracebacks.append(f"{path}: {traceback.format_exc()}")
        seconds.append((time.perf_counter() - started, str(path)))
        memory.append((peak(), str(path)))
    return sorted(seconds, reverse=True), sorted(memory, reverse=True), tracebacks


def analyze(corpus: Corpus, out: Path) -> tuple[int, str, float, bytes]:
    """One `rashomon analyze` of the whole folder: status, what it printed and logged, seconds, dossier bytes."""
    printed, stderr = io.StringIO(), io.StringIO()
    handler = logging.StreamHandler(stderr)
    logging.getLogger("rashomon").addHandler(handler)
    started = time.perf_counter()
    try:
        with contextlib.redirect_stderr(stderr):
            status = rashomon(["--quiet", "analyze", str(corpus.folder), "--out", str(out)], stream=printed)
    except Exception:  # a bug: counted as a traceback
        status = 1
        stderr.write(traceback.format_exc())
    finally:
        logging.getLogger("rashomon").removeHandler(handler)
    seconds = time.perf_counter() - started
    dossier = out / "dossier.json"
    return status, printed.getvalue() + stderr.getvalue(), seconds, dossier.read_bytes() if dossier.exists() else b""


def _reason_kind(reason: str) -> str:
    """A reason with its numbers, quoted values and details in brackets blanked, so like reasons count together."""
    kind = re.sub(r"'[^']*'|\([^)]*\)?", "…", reason)
    return re.sub(r"\d[\d,.]*", "N", kind)[:110]


def _target(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report(corpus: Corpus, dossier: dict[str, Any]) -> tuple[int, int]:
    """Print the rejections by reason and the articles kept; returns the valid articles kept once and the total."""
    rejected = dossier.get("rejected", [])
    articles = dossier.get("articles", [])
    kinds = Counter(_reason_kind(r["reason"]) for r in rejected)
    print(f"rejected: {len(rejected):,} items; by reason (the 20 commonest of {len(kinds):,} kinds):")
    for kind, count in kinds.most_common(20):
        print(f"  {count:>7,}  {kind}")
    longest = max((len(r["reason"]) for r in rejected), default=0)
    print(
        f"longest reason: {longest:,} characters; rejections without a reason or input: "
        f"{sum(not r['reason'].strip() or not r['input'] for r in rejected)}"
    )
    once = sum([a["id"] for a in articles if v.marker in a["text"]] == [v.id] for v in corpus.valid)
    ids = Counter(a["id"] for a in articles)
    print(
        f"articles kept: {len(articles):,} ({sum(n > 1 for n in ids.values())} ids twice; longest id "
        f"{max(map(len, ids), default=0):,} characters); valid articles kept exactly once: {once}/{len(corpus.valid)}"
    )
    return once, len(corpus.valid)


def run(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="inputs to generate")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        corpus = generate(Path(scratch) / "inputs", seed=args.seed, count=args.count)
        print(
            f"Fuzz run (issue 17): {corpus.inputs:,} inputs, seed {args.seed}, {len(corpus.valid)} valid among them "
            f"(generated in {time.perf_counter() - started:.1f} s)"
        )
        print("  kinds: " + ", ".join(f"{kind} {n:,}" for kind, n in sorted(corpus.kinds.items())))
        slowest, largest, failed = per_input(corpus)
        status, printed, seconds, raw = analyze(corpus, Path(scratch) / "out")
        again_status, again_printed, again_seconds, again_raw = analyze(corpus, Path(scratch) / "out")
        tracebacks = len(failed) + sum(text.count("Traceback") for text in (printed, again_printed))
        tracebacks += sum(s not in (0,) for s in (status, again_status))
        once, valid = report(corpus, json.loads(raw or b"{}"))
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    unchanged = again_raw == raw and "0 new, 0 changed" in again_printed
    print(f"exit status: {status}, again {again_status} (target 0, 0)")
    print(f"tracebacks: {tracebacks} (target 0) {_target(tracebacks == 0)}")
    for text in failed[:3]:
        print("  " + text.strip().replace("\n", "\n  ")[-1500:])
    print(
        f"slowest input, read and cleaned alone: {slowest[0][0]:.2f} s (target under {MAX_SECONDS:.0f} s) "
        f"{_target(slowest[0][0] < MAX_SECONDS)}: {slowest[0][1]}"
    )
    print("  next: " + "; ".join(f"{s:.2f} s {Path(p).name}" for s, p in slowest[1:5]))
    print(
        f"most memory one input took: {largest[0][0] / 1e6:,.0f} MB (target under {MAX_BYTES / 1e9:.0f} GB) "
        f"{_target(largest[0][0] < MAX_BYTES)}: {largest[0][1]}"
    )
    print(
        f"whole run: {seconds:.1f} s; again on the same store: {again_seconds:.1f} s, changed nothing: "
        f"{'yes' if unchanged else 'NO'}; peak memory {self_peak / 1e6:,.0f} MB (workers {child_peak / 1e6:,.0f} MB)"
    )
    missed = tracebacks or slowest[0][0] >= MAX_SECONDS or largest[0][0] >= MAX_BYTES or once < valid or not unchanged
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
