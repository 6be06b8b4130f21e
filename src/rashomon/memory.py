"""Building large results without Python's cycle collector walking them.

A dossier (and the reports made from it) is hundreds of thousands of small objects with few reference cycles among
them (about two per story page the templates render). While they are built, every full collection walks all of
them built so far: that was half the time a dossier took to assemble. Reference counting frees the rest all the
same, and the next collection after the block the few cycles.
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
