"""Building large results without Python's cycle collector walking them.

A dossier (and the reports made from it) is hundreds of thousands of small objects that hold no reference cycles.
While they are built, every full collection walks all of them built so far: that was half the time a dossier took to
assemble. Reference counting frees them all the same.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off inside the block, and as it was after it (on again, unless the caller had it off)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
