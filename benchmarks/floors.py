"""Pinned floors for benchmark figures (benchmarks/baseline.json), each tied to a digest of the corpus it was
measured on. A figure below its floor fails the benchmark (exit status 1); a floor is raised by editing the file in
a commit that says why, never lowered silently. A changed corpus digest means the floor no longer applies."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

BASELINE = Path(__file__).with_name("baseline.json")


def corpus_digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class Floors:
    """Checks figures against the floors of one benchmark and remembers failures."""

    def __init__(self, benchmark: str, corpus: list[Path]) -> None:
        pinned = json.loads(BASELINE.read_text(encoding="utf-8"))[benchmark]
        self.floors: dict[str, float] = pinned["floors"]
        self.digest = corpus_digest(corpus)
        self.applies = self.digest == pinned["corpus_digest"]
        self.failed: list[str] = []

    def check(self, name: str, value: float) -> str:
        """The floor note to print beside a figure ("floor 0.950 ok"), recording a failure."""
        floor = self.floors.get(name)
        if floor is None:
            return ""
        if not self.applies:
            return f"floor {floor:.3f} (corpus changed: digest {self.digest})"
        if value + 1e-9 < floor:
            self.failed.append(f"{name}: {value:.3f} < floor {floor:.3f}")
            return f"floor {floor:.3f} BELOW"
        return f"floor {floor:.3f} ok"

    def exit_status(self) -> int:
        for failure in self.failed:
            print(f"FAILED {failure}")
        return 1 if self.failed else 0
