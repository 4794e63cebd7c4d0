"""Run the Dagster job in-process against a temporary raw folder and warehouse."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
from dagster import DagsterInstance, ExecuteInProcessResult

from pipelines.definitions import defs
from pipelines.jobs import ANALYTICS_JOB_NAME, INGEST_JOB_NAME
from tests.conftest import RAW_SAMPLES

CONTRACT_TABLES = (
    "dim_report", "dim_agency", "fact_applications", "fact_outcomes", "fact_litigation",
    "fact_proactive_disclosure", "report_cells", "ingest_issues", "check_results", "report_sources",
)
# Columns that record when something happened, not what: left out when comparing two warehouses.
TIME_COLUMNS = {"loaded_at", "seen_at", "first_seen_at", "last_loaded_at", "recorded_at"}


@dataclass
class Workspace:
    raw: Path
    warehouse: Path

    def env(self) -> dict[str, str]:
        return {"OGI_RAW_DIR": str(self.raw), "OGI_WAREHOUSE": str(self.warehouse), "OGI_WORK_DIR": "",
                "OGI_WORKERS": "1"}

    def run(self, analytics: bool = False) -> ExecuteInProcessResult:
        """The ingest job in-process (and then the analytics job, when asked), on an ephemeral instance."""
        with _environment(self.env()):
            instance = DagsterInstance.ephemeral()
            result = defs.resolve_job_def(INGEST_JOB_NAME).execute_in_process(instance=instance, raise_on_error=True)
            assert result.success
            if analytics:
                outputs = defs.resolve_job_def(ANALYTICS_JOB_NAME).execute_in_process(instance=instance,
                                                                                      raise_on_error=True)
                assert outputs.success
        return result

    def query(self, sql: str, params: list | None = None) -> list[tuple]:
        con = duckdb.connect(str(self.warehouse), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()

    def snapshot(self) -> dict[str, list[tuple]]:
        """Every contract table's content, sorted, without time columns."""
        con = duckdb.connect(str(self.warehouse), read_only=True)
        try:
            tables = {}
            for table in CONTRACT_TABLES:
                columns = [c for c in con.sql(f"SELECT * FROM {table} LIMIT 0").columns if c not in TIME_COLUMNS]
                select = ", ".join(columns)
                tables[table] = con.sql(f"SELECT {select} FROM {table} ORDER BY ALL").fetchall()
            return tables
        finally:
            con.close()


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def workspace_with_samples(tmp_path: Path) -> Workspace:
    raw = tmp_path / "raw"
    shutil.copytree(RAW_SAMPLES, raw)
    return Workspace(raw, tmp_path / "warehouse" / "ogi.duckdb")


def assert_facts_match(workspace: Workspace, rid: str, expected: dict) -> None:
    """Every hand-read value of ``expected`` is the warehouse's value for report ``rid``, and nothing more."""
    con = duckdb.connect(str(workspace.warehouse), read_only=True)
    try:
        def rows(sql: str) -> dict[tuple, tuple]:
            return {r[:-1]: r[-1] for r in con.execute(sql, [rid]).fetchall()}

        applications = rows("SELECT applicant_type, (new_received, carried_over, carried_forward) "
                            "FROM fact_applications WHERE report_id = ?")
        outcomes = rows("SELECT outcome, applicant_type, (outcome_group, applications) FROM fact_outcomes "
                        "WHERE report_id = ?")
        litigation = rows("SELECT proceeding, result, cases FROM fact_litigation WHERE report_id = ?")
        proactive = rows("SELECT item, measure, (raw_text, value) FROM fact_proactive_disclosure WHERE report_id = ?")
    finally:
        con.close()
    assert applications == {(r["applicant_type"],): (r["new_received"], r["carried_over"], r["carried_forward"])
                            for r in expected["fact_applications"]}
    assert outcomes == {(r["outcome"], r["applicant_type"]): (r["outcome_group"], r["applications"])
                        for r in expected["fact_outcomes"]}
    assert litigation == {(r["proceeding"], r["result"]): r["cases"] for r in expected["fact_litigation"]}
    assert proactive == {(r["item"], r["measure"]): (r["raw_text"], r["value"])
                         for r in expected["fact_proactive_disclosure"]}
