"""The blocking duplicate-key check finds duplicates among the batch's rows, and only real ones."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest
from dagster import DagsterInstance

import ogi.ingest.steps
from ogi.checks.structural import duplicate_keys
from pipelines.definitions import defs
from pipelines.jobs import INGEST_JOB_NAME
from tests.pipeline.harness import _environment, workspace_with_samples


def _database() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA staging")
    con.execute("CREATE TABLE staging.reports (report_id VARCHAR)")
    con.execute("INSERT INTO staging.reports VALUES ('new1'), ('new2')")
    con.execute("CREATE TABLE check_results (report_id VARCHAR, rule VARCHAR, scope VARCHAR)")
    con.execute("""INSERT INTO check_results VALUES
        ('new1', 'C1', 'total'), ('new1', 'C1', 'total'), ('new1', 'C1', 'total'),  -- three copies
        ('new1', 'C2', 'total'), ('new2', 'C1', 'total'),                            -- distinct keys
        ('old', 'C1', 'total'), ('old', 'C1', 'total')                               -- not this batch""")
    return con


def test_duplicates_in_the_batch_are_found_with_their_key_and_copies() -> None:
    found = duplicate_keys(_database(), "check_results")
    assert found.rows() == [("new1", "C1", "total", 3)]


def test_no_duplicate_gives_an_empty_frame_with_the_key_columns() -> None:
    con = _database()
    con.execute("DELETE FROM check_results WHERE report_id = 'new1' AND rule = 'C1'")
    found = duplicate_keys(con, "check_results")
    assert found.height == 0
    assert found.columns == ["report_id", "rule", "scope", "copies"]


def test_a_duplicate_key_blocks_publishing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The unique-key check runs inside each table's step and is blocking: nothing downstream runs and the
    warehouse is not published."""
    def fake_duplicates(con: duckdb.DuckDBPyConnection, table: str) -> pl.DataFrame:
        if table != "report_cells":
            return pl.DataFrame()
        return pl.DataFrame({"report_id": ["r"], "section": ["applications"], "row_key": ["total"],
                             "col_key": ["total"], "copies": [2]})

    monkeypatch.setattr(ogi.ingest.steps, "duplicate_keys", fake_duplicates)
    workspace = workspace_with_samples(tmp_path)
    with _environment(workspace.env()):
        result = defs.resolve_job_def(INGEST_JOB_NAME).execute_in_process(
            instance=DagsterInstance.ephemeral(), raise_on_error=False)
    assert not result.success
    checks = {e.asset_check_key.name: e.passed for e in result.get_asset_check_evaluations()
              if e.asset_key.path == ["report_cells"]}
    assert checks == {"unique_key": False}
    assert not result.asset_materializations_for_node("published_warehouse")
    assert not workspace.warehouse.exists()
