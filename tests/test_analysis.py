"""The analysis step's process-wide parts: shared models, garbage-collector thresholds."""

from __future__ import annotations

import gc

import pytest

from backchannel.analysis import paused_collections, rare_collections


def test_rare_collections_raise_the_thresholds_and_restore_them_after_the_last_run() -> None:
    before = gc.get_threshold()
    with rare_collections():
        raised = gc.get_threshold()
        with rare_collections():
            assert gc.get_threshold() == raised
        assert gc.get_threshold() == raised
    assert raised == (before[0] * 10, before[1], before[2] * 10)
    assert gc.get_threshold() == before


def test_rare_collections_restore_the_thresholds_after_an_error() -> None:
    before = gc.get_threshold()
    try:
        with rare_collections():
            raise RuntimeError("analysis failed")
    except RuntimeError:
        pass
    assert gc.get_threshold() == before


def test_paused_collections_turn_the_collector_off_until_the_last_batch_ends() -> None:
    assert gc.isenabled()
    with paused_collections():
        assert not gc.isenabled()
        with paused_collections():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_paused_collections_leave_a_collector_that_was_off_off_and_survive_errors() -> None:
    with pytest.raises(RuntimeError):
        with paused_collections():
            raise RuntimeError("linking failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_collections():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
