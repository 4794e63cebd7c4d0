"""A run keeps its work database open and gives each step a session of its own; the file is released when the
run ends, however the steps went."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ogi.warehouse import store
from ogi.warehouse.store import WarehousePaths, connect, held_open
from tests.pipeline.harness import workspace_with_samples


def _another_process_can_write(database: Path) -> bool:
    """DuckDB locks a file for the one process that has it open for writing."""
    opened = subprocess.run([sys.executable, "-c", f"import duckdb; duckdb.connect({str(database)!r}).close()"],
                            capture_output=True, text=True)
    return opened.returncode == 0


def test_sessions_share_committed_tables_not_temporary_ones(tmp_path: Path) -> None:
    paths = WarehousePaths(tmp_path / "ogi.duckdb", tmp_path / ".ogi-work")
    with held_open(paths):
        with connect(paths) as first:
            first.execute("CREATE TABLE kept AS SELECT 42 AS answer")
            first.execute("CREATE TEMP TABLE scratch AS SELECT 1 AS x")
            first.execute("SET VARIABLE marker = 'first'")
        with connect(paths) as second:
            assert second.execute("SELECT answer FROM kept").fetchall() == [(42,)]
            temporary = second.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'scratch'")
            assert temporary.fetchall() == [(0,)]
            assert second.execute("SELECT getvariable('marker')").fetchall() == [(None,)]
        assert not _another_process_can_write(paths.work_db)  # held between the steps
    assert store._held == {}
    assert _another_process_can_write(paths.work_db)
    with connect(paths) as again:  # outside a run: opened and closed as before
        assert again.execute("SELECT answer FROM kept").fetchall() == [(42,)]


def test_an_uncommitted_session_is_rolled_back_when_it_closes(tmp_path: Path) -> None:
    paths = WarehousePaths(tmp_path / "ogi.duckdb", tmp_path / ".ogi-work")
    with held_open(paths):
        with connect(paths) as setup:
            setup.execute("CREATE TABLE t (x INTEGER)")
        try:
            with connect(paths) as failing:
                failing.execute("BEGIN TRANSACTION")
                failing.execute("INSERT INTO t VALUES (1)")
                raise RuntimeError("the step failed")
        except RuntimeError:
            pass
        with connect(paths) as after:
            assert after.execute("SELECT count(*) FROM t").fetchall() == [(0,)]


def test_a_job_run_releases_the_work_database(tmp_path: Path) -> None:
    workspace = workspace_with_samples(tmp_path)
    workspace.run()
    assert store._held == {}
    assert _another_process_can_write(workspace.warehouse.parent / ".ogi-work" / "work.duckdb")
    assert workspace.query("SELECT count(*) FROM dim_report") == [(5,)]
