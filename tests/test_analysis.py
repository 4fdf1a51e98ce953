"""The analysis step's process-wide parts: shared models, garbage-collector thresholds."""

from __future__ import annotations

import gc

from backchannel.analysis import rare_collections


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
