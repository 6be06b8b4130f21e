"""Issue 17, "nothing a file can do to it": thousands of malformed inputs through `rashomon analyze` at once.

The run must succeed without a traceback, list every input it does not read with a short reason naming it, keep
each of the valid articles hidden among them exactly once, and change nothing when run again on the same store.
The inputs come from `tests.fuzz.generate` (``FUZZ_INPUTS`` inputs, 2,000 unless set; seed ``FUZZ_SEED``).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from rashomon.cli import main
from rashomon.settings import IngestSettings
from tests.fuzz.generate import Corpus, generate

INPUTS = int(os.environ.get("FUZZ_INPUTS", "2000"))
SEED = int(os.environ.get("FUZZ_SEED", "17"))
# A rejection is cut to 1,000 characters plus a note of its length (`rashomon.model.Rejected`).
LONGEST_REJECTION = 1_100
# Reasons that mean a stage failed on an input instead of judging it.
FAILURES = re.compile(r"unexpectedly|could not be extracted|Traceback", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Run:
    status: int
    printed: str
    stderr: str
    logged: list[logging.LogRecord]
    dossier: dict[str, Any]
    raw: bytes


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _analyze(corpus: Corpus, out: Path) -> Run:
    printed, stderr, handler = io.StringIO(), io.StringIO(), _Records()
    logger = logging.getLogger("rashomon")
    logger.addHandler(handler)
    try:
        with contextlib.redirect_stderr(stderr):
            status = main(["--quiet", "analyze", str(corpus.folder), "--out", str(out)], stream=printed)
    finally:
        logger.removeHandler(handler)
    raw = (out / "dossier.json").read_bytes() if (out / "dossier.json").exists() else b"{}"
    return Run(status, printed.getvalue(), stderr.getvalue(), handler.records, json.loads(raw), raw)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Run, Run]:
    corpus = generate(tmp_path_factory.mktemp("fuzz") / "inputs", seed=SEED, count=INPUTS)
    out = tmp_path_factory.mktemp("fuzz-out")
    first = _analyze(corpus, out)
    return corpus, first, _analyze(corpus, out)


def _no_traceback(run: Run) -> None:
    assert run.status == 0, run.stderr[-3000:]
    assert "Traceback" not in run.printed + run.stderr
    logged = [r for r in run.logged if r.exc_info or r.levelno >= logging.ERROR or "Traceback" in r.getMessage()]
    assert not logged, [f"{r.name}: {r.getMessage()}" for r in logged[:5]]


def test_thousands_of_malformed_inputs_run_without_a_traceback(runs: tuple[Corpus, Run, Run]) -> None:
    corpus, first, second = runs
    assert corpus.inputs >= INPUTS
    _no_traceback(first)
    _no_traceback(second)


def test_every_rejection_names_its_input_and_gives_a_short_reason(runs: tuple[Corpus, Run, Run]) -> None:
    corpus, first, _ = runs
    rejected = first.dossier["rejected"]
    assert rejected
    for item in rejected:
        assert item["input"].startswith(str(corpus.folder)), item
        assert item["reason"].strip(), item
        assert len(item["reason"]) <= LONGEST_REJECTION and len(item["input"]) <= LONGEST_REJECTION
    failures = [item for item in rejected if FAILURES.search(item["reason"])]
    assert not failures, failures[:5]


def _shown(path: Path) -> str:
    """A path as the dossier shows it: bytes that are not UTF-8 as U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def test_every_input_is_read_or_listed(runs: tuple[Corpus, Run, Run]) -> None:
    corpus, first, _ = runs
    named = {a["source"] for a in first.dossier["articles"]}
    named |= {re.sub(r"(:\d+|#\d+| \(.*)$", "", r["input"], flags=re.DOTALL) for r in first.dossier["rejected"]}
    unlisted = []
    for path in sorted(corpus.folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(corpus.folder).parts)
        sidecar = path.name.endswith(".meta.json") and path.with_name(path.name.removesuffix(".meta.json")).exists()
        folder = path.is_dir() and not path.is_symlink()
        if not (hidden or sidecar or folder or _shown(path) in named):
            unlisted.append(path)
    assert not unlisted, unlisted[:10]


def test_every_valid_article_is_kept_exactly_once(runs: tuple[Corpus, Run, Run]) -> None:
    corpus, first, _ = runs
    articles = first.dossier["articles"]
    ids = Counter(a["id"] for a in articles)
    assert [i for i, n in ids.items() if n > 1] == []
    assert max(len(i) for i in ids) <= IngestSettings().max_id_chars
    for valid in corpus.valid:
        carrying = [a["id"] for a in articles if valid.marker in a["text"]]
        assert carrying == [valid.id], (valid.format, valid.path)
    assert len(corpus.valid) >= 10


def test_running_again_on_the_same_store_changes_nothing(runs: tuple[Corpus, Run, Run]) -> None:
    _, first, second = runs
    assert re.search(r"\b0 new, 0 changed\b", second.printed), second.printed
    assert second.raw == first.raw
