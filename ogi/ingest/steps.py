"""The pipeline's stages as plain functions; Dagster assets are thin wrappers around these."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from ogi import PARSER_VERSION
from ogi.checks.structural import TABLE_KEYS, duplicate_keys
from ogi.ingest.parallel import parse_files, start_workers_early
from ogi.ingest.plan import plan_files
from ogi.ingest.spool import clear_spool, spool_folder
from ogi.readers import RawFile, scan_raw_folder
from ogi.warehouse.publish import publish, published_generation
from ogi.warehouse.store import (
    WarehousePaths,
    apply_table,
    clear_staging,
    commit_batch,
    connect,
    ensure_schema,
    files_parsed_by,
    generation,
    load_spool,
    manifest,
    schema_changed,
    stage_jobs,
    stage_scan,
)
from ogi.warehouse.verdicts import import_verdicts, reviews_path, verdicts_changed


@dataclass(frozen=True)
class PlanSummary:
    files_seen: int
    files_to_read: int
    scan_problems: int


@dataclass
class ParseSummary:
    files_read: int = 0
    reports: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)
    issues: int = 0
    cells: int = 0
    parse_seconds: float = 0.0  # reading and parsing on all cores, into the spool
    load_seconds: float = 0.0  # loading the spool into staging
    # Nothing to read, record or publish: the load, check and publish steps would change nothing.
    nothing_to_load: bool = False


@dataclass(frozen=True)
class TableSummary:
    table: str
    rows: int
    columns: list[tuple[str, str]]
    preview: pl.DataFrame
    duplicate_keys: pl.DataFrame | None  # None: the table has no key to check


@dataclass(frozen=True)
class PublishSummary:
    generation: int
    published: bool
    warehouse: str
    reports: int
    verdicts: str


def plan_run(paths: WarehousePaths, raw_dir: Path) -> PlanSummary:
    """Scan the raw folder and stage the list of files to read (new, changed, or parser version bumped)."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist (set OGI_RAW_DIR)")
    files, problems = scan_raw_folder(raw_dir)
    with connect(paths) as con:
        # At least this many files are new to this parser version: if that is already enough to parse on worker
        # processes, their fork server loads the parser (~1 s) while the schema is created or updated (~0.6 s
        # in a new warehouse), instead of after the exact plan below.
        start_workers_early(len(files) - files_parsed_by(con, PARSER_VERSION))
        ensure_schema(con)
        clear_staging(con)
        plan = plan_files(files, manifest(con), PARSER_VERSION, _readable_again(con, files))
        start_workers_early(plan.height)
        stage_scan(con, plan)
        new_problems = 0
        for relative_path, issue in problems:
            already = con.execute("SELECT count(*) FROM ingest_issues WHERE source_path = ? AND code = ?",
                                  [relative_path, issue.code]).fetchall()[0][0]
            if not already:
                con.execute("INSERT INTO staging.issues VALUES (?, NULL, NULL, 'scan', ?, ?, NULL, NULL)",
                            [relative_path, issue.code, issue.message])
                new_problems += 1
    return PlanSummary(len(files), plan.height, new_problems)


def _readable_again(con: duckdb.DuckDBPyConnection, files: list[RawFile]) -> frozenset[str]:
    """Files whose last read failed (permissions) and that this process may open now."""
    failed = {path for (path,) in con.execute(
        "SELECT DISTINCT source_path FROM ingest_issues WHERE stage = 'read' AND code = 'unreadable'").fetchall()}
    return frozenset(f.relative_path for f in files if f.relative_path in failed and os.access(f.path, os.R_OK))


def parse_planned(paths: WarehousePaths, workers: int | None = None) -> ParseSummary:
    """Read and parse the planned files on all cores into the spool, then load it into staging at once.

    The spool stays until the next run's parse step: the staged cells are read from it (staged_cells())."""
    summary = ParseSummary()
    spool = spool_folder(paths.work_dir)
    clear_spool(spool)
    with connect(paths) as con:
        jobs = stage_jobs(con)
        if not jobs and _nothing_to_commit(con, paths):
            summary.nothing_to_load = True
            return summary
        started = time.perf_counter()
        for chunk in parse_files(jobs, spool, workers):
            summary.files_read += chunk.files
            summary.issues += chunk.issues
            summary.cells += chunk.cells
            for status, count in chunk.status_counts.items():
                summary.status_counts[status] = summary.status_counts.get(status, 0) + count
        parsed = time.perf_counter()
        if jobs:
            load_spool(con)
        summary.parse_seconds, summary.load_seconds = parsed - started, time.perf_counter() - parsed
        summary.reports = int(con.sql("SELECT count(*) FROM staging.reports").fetchall()[0][0])
    return summary


def _nothing_to_commit(con: duckdb.DuckDBPyConnection, paths: WarehousePaths) -> bool:
    """Nothing is staged, the schema is as last committed, the reviewers' verdicts are the ones imported, and
    the last committed generation is the published one (a run killed after its commit has not published it)."""
    staged = con.sql("SELECT (SELECT count(*) FROM staging.files) + (SELECT count(*) FROM staging.issues)").fetchall()
    return (staged[0][0] == 0 and not schema_changed(con) and published_generation(paths) == generation(con)
            and not verdicts_changed(con, reviews_path(paths.warehouse)))


def apply_staged(paths: WarehousePaths, table: str, preview_rows: int = 5) -> TableSummary:
    """Merge the staged batch into one warehouse table (idempotent) and look for duplicate keys among the
    rows it wrote (one connection: opening the work database costs ~30 ms, on every step of every run)."""
    with connect(paths) as con:
        rows = apply_table(con, table)
        relation = con.sql(f"SELECT * FROM {table}")
        columns = [(name, str(dtype)) for name, dtype in zip(relation.columns, relation.types, strict=True)]
        preview = con.sql(f"SELECT * FROM {table} LIMIT {int(preview_rows)}").pl()
        duplicates = duplicate_keys(con, table) if table in TABLE_KEYS else None
    return TableSummary(table, rows, columns, preview, duplicates)


def commit_and_publish(paths: WarehousePaths) -> PublishSummary:
    """Record the batch as done, then publish the warehouse file atomically if anything changed."""
    with connect(paths) as con:
        verdicts, verdicts_changed = import_verdicts(con, reviews_path(paths.warehouse))
        generation = commit_batch(con, PARSER_VERSION, force_new_generation=verdicts_changed)
        reports = int(con.sql("SELECT count(*) FROM dim_report").fetchall()[0][0])
        con.execute("CHECKPOINT")
    published = publish(paths, generation)
    return PublishSummary(generation, published, str(paths.warehouse), reports, verdicts)
