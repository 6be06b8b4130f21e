from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

from rashomon.workers import as_done, in_order


def _slow_first(item: int) -> int:
    time.sleep(0.5 if item == 0 else 0.01)
    return item


def test_as_done_gives_each_result_as_it_is_ready() -> None:
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        done = list(as_done(pool, _slow_first, range(6), ahead=3))
        ordered = list(in_order(pool, _slow_first, range(6), ahead=3))
    assert sorted(done) == list(range(6)), "every result once"
    assert done[-1] == 0, "the slow first item held up none of the others"
    assert ordered == list(range(6))
    assert list(as_done(None, _slow_first, range(3), ahead=1)) == [0, 1, 2], "without a pool: in this process"
