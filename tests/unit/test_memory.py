from __future__ import annotations

import gc

import pytest

from rashomon.memory import collector_paused


def test_the_cycle_collector_is_paused_only_inside_the_block() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyError), collector_paused():
        raise KeyError("a failure while building")
    assert gc.isenabled(), "on again after a failure"
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled(), "left off where the caller had it off"
    finally:
        gc.enable()
