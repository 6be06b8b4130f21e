"""Past one machine: the per-article stages (read, clean, parse, extract) on Ray Data, with a local run's results.

Input files -> Parquet shards (items in reading order, articles' extractions) -> the store, through the same
batches as a local run; stories, comparison and reports stay in the driver (`pipeline.update` with an engine).
`stages` holds what Ray's workers run (no Ray in it); `engine` drives the Ray pipeline and takes its shards in.
Ray is an optional dependency (`pip install 'rashomon[ray]'`), imported only when this engine runs.
"""

from __future__ import annotations

from rashomon.distributed.engine import RayEngine

__all__ = ["RayEngine"]
