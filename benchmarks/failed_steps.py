"""A benchmark's figure counts only where every step ran: `rashomon analyze` keeps an article whose step failed and
lists the failure among the dossier's rejected inputs, so a silent crash would read as missed quotes or figures."""

from __future__ import annotations

from typing import Any

_KEPT_BUT = ("The article is kept, but", "The story is kept, but")


def check_steps(dossier: Any) -> None:
    """Stop the benchmark (exit status 1) when a step failed on any article or story, naming the first few."""
    failed = [f"{r.input}: {r.reason}" for r in dossier.rejected if r.reason.startswith(_KEPT_BUT)]
    if failed:
        shown = "\n  ".join(failed[:5])
        raise SystemExit(f"{len(failed)} failed steps; the figures would not measure the extractor:\n  {shown}")
