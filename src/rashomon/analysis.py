"""The Python API: `analyze(paths) -> Dossier`, the one call the CLI and other programs make."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rashomon.dossier import Dossier
from rashomon.errors import NothingReadError, StoreError, UsageError
from rashomon.extract.nlp import ModelMissingError
from rashomon.model import Rejected
from rashomon.pipeline import ArticleEngine, ProgressCallback, RunResult, dossier_from_store, load_models, update
from rashomon.render import write_reports
from rashomon.render.selection import Selection, StoryEntry, choose, select
from rashomon.settings import Settings, load_settings
from rashomon.store.database import Store, store_failures

DEMO_DIR = Path(__file__).parent / "demo"
DEMO_SUFFIXES = (".txt", ".html", ".jsonl")


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """A finished analysis: the dossier, what this run did, and the files written."""

    dossier: Dossier
    run: RunResult
    reports: tuple[Path, ...]
    store: Path | None
    # What the store holds after the run: articles, stories, and stories of more than one article.
    stored: dict[str, int]


def analyze(
    paths: Sequence[Path | str],
    *,
    out: Path | None = None,
    db: Path | None = None,
    settings: Settings | None = None,
    progress: ProgressCallback | None = None,
    selection: Selection | None = None,
) -> Analysis:
    """Analyse files and folders into a dossier.

    With ``out``, writes ``dossier.json``, ``report.html`` and ``report.md`` there and keeps the store in
    ``out/rashomon.duckdb`` unless ``db`` names another; without either, the store lives in memory.
    ``selection`` narrows the dossier (returned and written) to some stories; the store keeps everything, and only
    the chosen stories are read from it.
    Raises `NothingReadError` when no input gave an article (the reasons are in the error's ``rejected``).
    """
    if not paths:
        raise UsageError("Give at least one file or folder to analyse.")
    settings = settings or load_settings()
    engine = _engine(settings)
    store_path = db or (out / "rashomon.duckdb" if out else None)
    left_as_found = _Leftovers(store_path, out)
    if out is not None:
        _check_writable(out, left_as_found)
    try:
        models = load_models(settings)
    except ModelMissingError as error:
        raise UsageError(str(error)) from error
    selection = selection or Selection()
    try:
        store = Store(store_path)
    except StoreError:  # in use by another run, or not a store: leave no new folder or file behind
        left_as_found.restore()
        raise
    with store, store_failures(store_path):
        result = update(
            [Path(p) for p in paths],
            store,
            settings,
            models.language,
            progress or (lambda _: None),
            engine=engine,
            encoder=models.encoder,
        )
        nothing = result.added + result.updated + result.unchanged == 0
        if not nothing:
            stored = _chosen_dossier(store, result, selection)
    if nothing:  # a run that read nothing leaves no empty store or output folder behind
        left_as_found.restore()
        raise NothingReadError(result.rejected_now)
    reports = tuple(write_reports(result.dossier, out)) if out else ()
    return Analysis(dossier=result.dossier, run=result, reports=reports, store=store_path, stored=stored)


def _engine(settings: Settings) -> ArticleEngine | None:
    """Where the per-article stages run (`engine.name`): None for here; Ray's only when it is installed."""
    if settings.engine.name == "local":
        return None
    missing = "--engine ray needs Ray: install it with pip install 'rashomon[ray]'"
    if importlib.util.find_spec("ray") is None:
        raise UsageError(f"{missing}.")
    try:
        from rashomon.distributed import RayEngine  # noqa: PLC0415 (an optional dependency)
    except ImportError as error:
        raise UsageError(f"{missing} ({error}).") from error
    engine = RayEngine(settings.engine)
    engine.check()
    return engine


def _chosen_dossier(store: Store, result: RunResult, selection: Selection) -> dict[str, int]:
    """Put the selected stories' dossier on ``result``; return what the store holds."""
    entries = [
        StoryEntry(id=i, size=size, day=day, outlets=frozenset(outlets))
        for i, size, day, outlets in store.story_entries()
    ]
    chosen = None if selection.keeps_everything else choose(entries, selection)
    result.dossier = select(dossier_from_store(store, chosen), selection)
    return {
        "articles": store.counts()["articles"],
        "stories": len(entries),
        "multi": sum(1 for e in entries if e.size > 1),
    }


def _check_writable(out: Path, left_as_found: _Leftovers) -> None:
    """Fail before the work, not after it, when the reports could not be written."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"The output folder {out} is a file; give a folder (new or existing) for --out.")
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".rashomon-check-"):
            pass
    except OSError as error:
        left_as_found.restore()
        raise UsageError(f"The output folder {out} cannot be written: {error.strerror or error}.") from error


class _Leftovers:
    """What a run creates before it knows whether it reads anything: a new store file (and its index file and
    write-ahead log) and a new output folder, removed again when it read nothing. Files that were there before the
    run (another store's backup named alike, say) are never touched."""

    def __init__(self, store_path: Path | None, out: Path | None) -> None:
        self.store_path = store_path if store_path is not None and not store_path.exists() else None
        self.before = set(self._made_alike())
        # Only folders this run creates may be removed (the output folder, or a new folder for --db).
        self.new_folders = [f for f in (out, store_path.parent if store_path else None) if f and not f.exists()]

    def _made_alike(self) -> list[Path]:
        if self.store_path is None or not self.store_path.parent.is_dir():
            return []
        return list(self.store_path.parent.glob(f"{self.store_path.name}*"))

    def restore(self) -> None:
        for made in self._made_alike():
            if made in self.before:
                continue
            if made.is_dir():  # the story index's folder
                shutil.rmtree(made, ignore_errors=True)
            else:
                made.unlink(missing_ok=True)
        for folder in self.new_folders:
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()


def demo_inputs() -> list[Path]:
    """The bundled demo corpus's article files (its README is documentation, not an input)."""
    return sorted(p for p in DEMO_DIR.iterdir() if p.suffix in DEMO_SUFFIXES)


__all__ = ["Analysis", "Rejected", "analyze", "demo_inputs"]
