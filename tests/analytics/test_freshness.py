"""Analyst outputs are redone for a new published warehouse even when its generation number repeats."""

from __future__ import annotations

import os
from pathlib import Path

from ogi.analytics.freshness import export_dir, mark_rendered, outputs_current, published_state, reports_dir


def test_a_rebuilt_warehouse_with_the_same_generation_is_not_current(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse" / "ogi.duckdb"
    warehouse.parent.mkdir()
    warehouse.write_bytes(b"first warehouse")
    state = published_state(warehouse, 1)
    for folder in (export_dir(warehouse), reports_dir(warehouse)):
        folder.mkdir()
        mark_rendered(folder, state)
    assert outputs_current(warehouse, published_state(warehouse, 1))
    assert not outputs_current(warehouse, published_state(warehouse, 2))
    replacement = tmp_path / "warehouse" / "new.tmp"
    replacement.write_bytes(b"a rebuilt warehouse, generation 1 again")
    os.replace(replacement, warehouse)
    assert not outputs_current(warehouse, published_state(warehouse, 1))
    assert not outputs_current(warehouse, None)
