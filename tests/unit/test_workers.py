from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor

import pytest

from rashomon import workers
from rashomon.compare.encoder import SentenceEncoder
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


def _worker_encoder() -> int:
    embedder = workers._worker_embedder
    return id(embedder.load()) if embedder is not None else 0


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked only on Linux; elsewhere each loads its own")
def test_forked_workers_share_the_encoder_their_parent_loaded(language_model: LanguageModel) -> None:
    settings = load_settings(overrides={"nlp": {"processes": 2}})
    encoder = SentenceEncoder()  # as `pipeline.load_models` loads it beside the language model
    pool_owner = Workers(settings.nlp, language_model, with_encoder=True, encoder=encoder)
    try:
        pool = pool_owner.start()
        assert pool is not None
        # a forked copy of this process's encoder sits at the same address in the worker: none of its own
        assert pool.submit(_worker_encoder).result() == id(encoder)
    finally:
        pool_owner.close()
