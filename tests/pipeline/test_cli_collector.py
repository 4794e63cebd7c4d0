"""``python -m pipelines`` starts with Python's cycle collector off and must turn it back on once started."""

import gc

from pipelines.__main__ import _start_up_done


def test_start_up_done_freezes_start_up_objects_and_turns_the_collector_on() -> None:
    gc.disable()
    try:
        _start_up_done()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()


def test_start_up_done_leaves_a_running_collector_alone() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    _start_up_done()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
