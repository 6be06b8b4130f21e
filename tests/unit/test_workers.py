from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from rashomon.compare.encoder import shared_encoder
from rashomon.extract.nlp import LanguageModel
from rashomon.settings import load_settings
from rashomon.workers import Workers, as_done, in_order

_CONTEXT = multiprocessing.get_context("fork")
# Set by the last item; the first waits for it, so it finishes after every other whatever the machine's speed.
_LAST_RAN = _CONTEXT.Event()


def _first_waits_for_the_last(item: int) -> int:
    if item == 0:
        _LAST_RAN.wait(timeout=60)
    if item == 5:
        _LAST_RAN.set()
    return item


def test_as_done_gives_each_result_as_it_is_ready() -> None:
    _LAST_RAN.clear()
    with ProcessPoolExecutor(2, mp_context=_CONTEXT) as pool:
        done = list(as_done(pool, _first_waits_for_the_last, range(6), ahead=3))
    # in_order waits for the first before it hands out the last: the first must not wait here.
    with ProcessPoolExecutor(2, mp_context=_CONTEXT) as pool:
        ordered = list(in_order(pool, _first_waits_for_the_last, range(6), ahead=3))
    assert sorted(done) == list(range(6)), "every result once"
    # The first item cannot finish before the last is handed out, which in_order would do only after it.
    assert done[0] != 0, "the first item, held up, held up none of the others"
    assert ordered == list(range(6))
    assert list(as_done(None, _first_waits_for_the_last, [1, 2, 3], ahead=1)) == [1, 2, 3], "without a pool"


def _encoder_loads() -> tuple[int, int]:
    info = shared_encoder.cache_info()
    return info.misses, info.hits


def test_forked_workers_share_the_encoder_their_parent_loaded(language_model: LanguageModel) -> None:
    settings = load_settings(overrides={"nlp": {"processes": 2}})
    shared_encoder()  # as `pipeline.load_models` loads it beside the language model
    before = shared_encoder.cache_info()
    workers = Workers(settings.nlp, language_model, with_encoder=True)
    try:
        pool = workers.start()
        assert pool is not None
        misses, hits = pool.submit(_encoder_loads).result()
    finally:
        workers.close()
    assert misses == before.misses, "the worker loaded no encoder of its own"
    assert hits == before.hits + 1, "it took its parent's as it started"
