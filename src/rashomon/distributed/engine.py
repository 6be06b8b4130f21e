"""`--engine ray`: the per-article stages of a run as one Ray Data pipeline, their results taken into the store.

    input files, a few to a block --map_batches(read_files)--> items, in blocks of about 256 KB
        --map_batches(clean_rows)--> cleaned items --map_batches(ExtractShards, an ActorPoolStrategy pool of
        actors each holding the language model)--> Parquet shards, and what each holds back to the driver

This process (the driver) lists the inputs and stores their sites' line counts as a local run does, runs the
pipeline, and takes the Parquet shards in: the items in reading order through the very batches of a local run
(`pipeline.ingest_into`), then, in one statement, the extractions made from the stored articles' current content
(DuckDB reads the shards where they lie). What is left stale (an article stored earlier from another path) is
extracted here. Stories, their comparison and the reports then run here, as they do locally.

Faults: Ray restarts a killed actor and runs its batch again (``max_restarts``, ``max_task_retries``) and retries a
failed read or clean task; a batch written again replaces its shard, the store takes each item once, and every
input file's items are counted against its end row before anything is saved, so nothing is lost or taken twice.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import socket
import tempfile
import time
import uuid
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]
from threadpoolctl import threadpool_limits

from rashomon.distributed.stages import FILES, ExtractShards, clean_rows, decode, read_files, shard_files
from rashomon.errors import RashomonError, UsageError
from rashomon.extract.nlp import LanguageModel
from rashomon.model import Article, Rejected, StageStats
from rashomon.pipeline import Progress, ProgressCallback, RunResult, extract_pending, extractor_version, ingest_into
from rashomon.settings import EngineSettings, Settings
from rashomon.store.database import Store

# Tries of a task, or restarts of an actor, before the run fails: a killed worker costs its batch, not the run.
RETRIES = 3
# Input files per block of the first stage: the unit a read task takes.
_FILES_PER_BLOCK = 4
# Ray Data cuts what a task gives into blocks of about this size, which then go their own ways: so the articles of
# one large file are cleaned and parsed side by side. (Cut by rows, with `repartition`, it would take a task that
# claims a CPU, and the actors claim every one.)
_BLOCK_BYTES = 256 * 1024
# How long a cluster's address may take to answer before the run gives up.
_CONNECT_SECONDS = 5


class RayEngine:
    """The per-article stages on Ray (a `pipeline.ArticleEngine`): ``update(..., engine=RayEngine(settings))``.

    Joins the Ray of this process when it is already started (`ray.init` by the caller), else starts a Ray on this
    machine or connects to ``settings.address`` for the run."""

    def __init__(self, settings: EngineSettings) -> None:
        self.settings = settings

    def check(self) -> None:
        """Fail at once, before any work, when the cluster's address does not answer (Ray itself would try for
        minutes, then exit the process)."""
        address = self.settings.address
        if address is None or address == "auto" or ":" not in address:
            return
        host, _, port = address.removeprefix("ray://").rpartition(":")
        try:
            with socket.create_connection((host.strip("[]"), int(port)), timeout=_CONNECT_SECONDS):
                pass
        except (OSError, ValueError) as error:
            raise UsageError(f"The Ray cluster at {address} does not answer ({error}); check --address.") from error

    def __call__(
        self,
        paths: Sequence[Path],
        store: Store,
        settings: Settings,
        model: LanguageModel,
        *,
        result: RunResult,
        progress: ProgressCallback,
    ) -> tuple[StageStats, StageStats]:
        version = extractor_version(model)
        with _connected(self.settings), _shard_folder(store, self.settings) as folder:
            job = _Job(store, settings, version, folder, progress)
            ingested = ingest_into(paths, store, settings, result, progress, cleaner=job.cleaned)
            ingested.seconds -= job.stats.seconds
            result.stages.append(job.stats)
            extracted = _take_in(store, job.shards, version, progress)
        left = extract_pending(store, settings, model, progress)  # stale and not among the shards: done here
        extracted.items_in += left.items_in
        extracted.items_out += left.items_out
        extracted.seconds += left.seconds
        for reason, count in left.dropped.items():
            extracted.dropped[reason] = extracted.dropped.get(reason, 0) + count
        return ingested, extracted

    def story_pool(self, settings: Settings) -> ProcessPoolExecutor | None:
        """``nlp.processes`` spawned worker processes for the stories: a process holding a Ray connection must not
        fork (Ray's connection in it stalls), and the stories need no language model, which forking would share."""
        if settings.nlp.processes < 2:
            return None
        return ProcessPoolExecutor(
            settings.nlp.processes, mp_context=multiprocessing.get_context("spawn"), initializer=_one_thread
        )


def _one_thread() -> None:
    # One thread for numpy's matrix products in each worker, as in the local engine's: the same results, cores kept
    # for the other worker.
    threadpool_limits(limits=1)


class _Job:
    """One run's Ray pipeline: run when `pipeline.ingest_into` asks for the cleaned items, which it then gives."""

    def __init__(self, store: Store, settings: Settings, version: str, folder: Path, progress: ProgressCallback):
        self.store = store
        self.settings = settings
        self.version = version
        self.folder = folder
        self.progress = progress
        self.shards: list[str] = []
        self.stats = StageStats(name="ray")

    def cleaned(
        self, files: Sequence[Path], shared: Mapping[str, Mapping[str, int]], latest: date
    ) -> Iterable[Article | Rejected]:
        started = time.perf_counter()
        if files:
            self._run(files, shared, latest)
            self.shards = list(shard_files(self.folder))
            _check(self.store, self.shards, files)
        self.stats.seconds = time.perf_counter() - started
        if not self.shards:
            return ()
        return (decode(kind, payload) for kind, payload in self.store.shard_items(self.shards))

    def _run(self, files: Sequence[Path], shared: Mapping[str, Mapping[str, int]], latest: date) -> None:
        import ray  # noqa: PLC0415 (an optional dependency, loaded for this engine only)
        import ray.data  # noqa: PLC0415

        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))  # type: ignore[no-untyped-call]
        # An actor claims a CPU: more actors than the cluster has CPUs would wait for ever.
        workers = min(self.settings.engine.workers or cpus, cpus)
        blocks = [
            pa.table(
                {"file": list(range(first, min(first + _FILES_PER_BLOCK, len(files)))),
                 "path": [os.fsencode(f) for f in files[first : first + _FILES_PER_BLOCK]]},
                schema=FILES,
            )
            for first in range(0, len(files), _FILES_PER_BLOCK)
        ]  # fmt: skip
        with _data_context():
            self._follow(self._pipeline(blocks, shared, latest, workers))

    def _pipeline(self, blocks: list[Any], shared: Mapping[str, Mapping[str, int]], latest: date, workers: int) -> Any:
        """The Ray Data pipeline from the blocks of input files to what each written shard holds."""
        import ray.data  # noqa: PLC0415 (an optional dependency, loaded for this engine only)

        engine = self.settings.engine
        # Reading and cleaning take a fifth of the CPU that parsing does: their tasks claim none, so the actors can
        # claim every CPU, and run no more at once than there are actors.
        light: dict[str, Any] = {
            "num_cpus": 0,
            "compute": ray.data.TaskPoolStrategy(size=workers),
            "max_retries": RETRIES,
        }
        return (
            ray.data.from_arrow(blocks)
            .map_batches(
                read_files,  # type: ignore[arg-type]  # Ray types the function without the keywords it passes on
                batch_size=None,
                batch_format="pyarrow",
                fn_kwargs={"settings": self.settings.ingest, "cwd": str(Path.cwd())},
                **light,
            )
            .map_batches(
                clean_rows,  # type: ignore[arg-type]
                batch_size=engine.batch_size,
                batch_format="pyarrow",
                fn_kwargs={"shared": shared, "latest": latest, "settings": self.settings},
                **light,
            )
            .map_batches(
                ExtractShards,
                batch_size=engine.batch_size,
                batch_format="pyarrow",
                # Two batches to an actor at a time, one parsed and one waiting: the actors finish together.
                compute=ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=2),
                num_cpus=1,
                max_restarts=RETRIES,
                max_task_retries=RETRIES,
                fn_constructor_kwargs={
                    "model": self.settings.nlp.model,
                    "batch_size": self.settings.nlp.batch_size,
                    "version": self.version,
                    "extracted": self.store.extracted_hashes(self.version),
                    "folder": str(self.folder),
                },
            )
        )

    def _follow(self, pipeline: Any) -> None:
        """Run the pipeline, counting what its shards hold as they are written."""
        import ray  # noqa: PLC0415 (an optional dependency, loaded for this engine only)

        try:
            written_shards: Iterable[Any] = pipeline.iter_batches(batch_size=None, batch_format="pyarrow")
            for written in written_shards:
                self.stats.items_in += sum(written["items"].to_pylist())
                self.stats.items_out += sum(written["articles"].to_pylist())
                self.progress(Progress(stage="ray", done=self.stats.items_out, total=None))
        except ray.exceptions.RayTaskError:
            raise  # an error in rashomon's own code, with its traceback
        except ray.exceptions.RayError as error:
            raise RashomonError(
                f"The Ray run failed ({type(error).__name__}: {str(error).strip().splitlines()[0]}); nothing of "
                "it was saved. Run the same command again."
            ) from error


@contextmanager
def _data_context() -> Iterator[None]:
    """Ray Data set for the run, as it was after: quiet (progress goes through the run's callback), and in small
    blocks, so the items of one large input file spread over every actor."""
    import ray.data  # noqa: PLC0415 (an optional dependency, loaded for this engine only)

    with warnings.catch_warnings():
        # Ray 2.60 warns of its own renamed options when it copies its settings, of the retry options given as
        # remote arguments (still their only form), and of inputs too few to keep every actor busy.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"ray\.data")
        warnings.filterwarnings("ignore", message="`ray_remote_args` is deprecated")
        warnings.filterwarnings("ignore", message="The (minimum|maximum) number of concurrent")
        context = ray.data.DataContext.get_current()
        names = ("enable_progress_bars", "print_on_execution_start", "enable_auto_log_stats", "target_max_block_size")
        before = {name: getattr(context, name) for name in names}
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        context.enable_auto_log_stats = False
        context.target_max_block_size = _BLOCK_BYTES
        quiet = logging.getLogger("ray.data")
        level = quiet.level
        quiet.setLevel(logging.ERROR)
        try:
            yield
        finally:
            quiet.setLevel(level)
            for name, value in before.items():
                setattr(context, name, value)


def _check(store: Store, shards: Sequence[str], files: Sequence[Path]) -> None:
    """Every file's items are in the shards, as many as its end row says: else nothing is taken in."""
    tally = store.shard_tally(shards)
    short = [n for n in range(len(files)) if n not in tally or tally[n][0] != tally[n][1]]
    if short:
        raise RashomonError(
            f"The Ray run lost items of {len(short)} input file(s) (the first: {files[short[0]]}); nothing of it "
            "was saved. Run the same command again."
        )


def _take_in(store: Store, shards: Sequence[str], version: str, progress: ProgressCallback) -> StageStats:
    """The shards' extractions into the store, counted as the local engine counts the extract stage."""
    started = time.perf_counter()
    taken = store.take_in_extractions(shards, version) if shards else []
    stats = StageStats(name="extract", items_in=len(taken), items_out=len(taken))
    for issue in (step for _, failed in taken for step in failed):
        stats.dropped[f"{issue} failed"] = stats.dropped.get(f"{issue} failed", 0) + 1
    if taken:
        progress(Progress(stage="extract", done=len(taken), total=len(taken)))
    stats.seconds = time.perf_counter() - started
    return stats


@contextmanager
def _connected(settings: EngineSettings) -> Iterator[None]:
    """Ray for the run: the one this process already has, else one started here or the cluster at the address."""
    try:
        import ray  # noqa: PLC0415 (an optional dependency, loaded for this engine only)
    except ImportError as error:
        raise UsageError(
            "--engine ray needs Ray: install it with pip install 'rashomon[ray]' (or 'ray[data]')."
        ) from error
    if ray.is_initialized():
        yield
        return
    # Ray's own notices (the cluster it starts, its settings) are not the run's: errors only.
    try:
        ray.init(address=settings.address, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    except (ConnectionError, RuntimeError, ValueError, SystemExit) as error:  # Ray exits when it cannot connect
        where = f"the Ray cluster at {settings.address}" if settings.address else "a Ray on this machine"
        raise UsageError(f"Could not start or reach {where}: {error}") from error
    try:
        yield
    finally:
        ray.shutdown()


@contextmanager
def _shard_folder(store: Store, settings: EngineSettings) -> Iterator[Path]:
    """A new folder for the run's shards: in ``engine.shards``, else beside the store; removed when taken in."""
    tag = uuid.uuid4().hex[:12]
    if settings.shards is not None:
        folder = settings.shards / f"rashomon-shards-{tag}"
    elif store.path is not None:
        folder = store.path.parent / f"{store.path.name}.shards-{tag}"
    else:
        folder = Path(tempfile.gettempdir()) / f"rashomon-shards-{tag}"
    folder.mkdir(parents=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
