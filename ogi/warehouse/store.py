"""The pipeline's work database: schema, change plan, staging, applying ``sql/tables``, the manifest.

Analysts never open this file: it is published as a whole to ``OGI_WAREHOUSE`` (see ``publish``). Every
step is idempotent: a run killed at any point leaves the manifest (``ogi_state.files``) untouched, so the
next run re-parses the same files and re-applies the same rows.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from ogi.agency import DIVISIONS_VINTAGE
from ogi.extract import vocabulary
from ogi.ingest.spool import ensure_spool, spool_folder
from ogi.ingest.worker import FileJob
from ogi.warehouse import lookups
from ogi.warehouse.lookups import create_lookups
from ogi.warehouse.sql_files import SQL_DIR, run_sql_file
from ogi.warehouse.storage import STORAGE_COMPATIBILITY
from ogi.warehouse.transaction import transaction
from ogi.warehouse.verdicts import VERDICTS_DDL

# Order matters: facts read report_cells; ingest_issues reads report_sources.
TABLES: tuple[str, ...] = (
    "report_sources", "dim_agency", "dim_report", "report_cells", "fact_applications", "fact_outcomes",
    "fact_litigation", "fact_proactive_disclosure", "report_texts", "ingest_issues", "check_results",
)
REPORT_TABLES: tuple[str, ...] = (
    "dim_report", "report_cells", "fact_applications", "fact_outcomes", "fact_litigation",
    "fact_proactive_disclosure", "report_texts", "check_results",
)
# Views in dependency order (a view is bound when created, so what it reads must exist); files of
# sql/views not listed here run after these, in name order.
VIEWS: tuple[str, ...] = (
    "check_findings", "failing_reports", "outcome_grid", "outcome_groups", "outcomes_comparable",
    "report_summary", "report_measures", "agency_year_report", "agency_year_measures", "denial_reason_mix",
    "agency_year_denial_reason_mix", "rule_failures",
)
STAGING_TABLES: tuple[str, ...] = ("file_scan", "files", "reports", "agencies", "first_copy", "issues", "texts",
                                   "narrative")
# DuckDB takes 80% of RAM by default and keeps what it took; the pipeline's peak must stay bounded
# (issue 5: 2 GB for the whole run), so its own connections spill to disk beyond this.
MEMORY_LIMIT = os.environ.get("OGI_DUCKDB_MEMORY_LIMIT", "1GB")
# The analytics job only reads (the export streams batches, the charts aggregate): half as much cuts its peak
# at 100,000 reports from 1.6 to 1.3 GB, at the same speed.
READ_MEMORY_LIMIT = os.environ.get("OGI_DUCKDB_MEMORY_LIMIT", "512MB")


@dataclass(frozen=True)
class WarehousePaths:
    warehouse: Path  # what analysts open
    work_dir: Path  # the pipeline's own files

    @property
    def work_db(self) -> Path:
        return self.work_dir / "work.duckdb"

    @classmethod
    def from_env(cls, warehouse: str | None = None, work_dir: str | None = None) -> WarehousePaths:
        path = Path(warehouse or os.environ.get("OGI_WAREHOUSE") or "data/warehouse/ogi.duckdb")
        work = Path(work_dir or os.environ.get("OGI_WORK_DIR") or path.parent / ".ogi-work")
        return cls(path, work)


# Work databases kept open for a whole run (see held_open): path -> the open database, None until first used.
_held: dict[Path, duckdb.DuckDBPyConnection | None] = {}


@contextmanager
def held_open(paths: WarehousePaths) -> Iterator[None]:
    """Keep the work database open while this lasts (a Dagster run): each ``connect`` inside it is then a new
    session on the open database instead of a new open of the file — ~50 ms and a cold cache saved per step,
    a second of a run with nothing new. Opened at the first ``connect``, closed at the end."""
    key = paths.work_db.resolve()
    if key in _held:  # already held by an enclosing scope, which closes it
        yield
        return
    _held[key] = None
    try:
        yield
    finally:
        anchor = _held.pop(key, None)
        if anchor is not None:
            anchor.close()


def _open_file(paths: WarehousePaths) -> duckdb.DuckDBPyConnection:
    paths.work_dir.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(paths.work_db), config={"storage_compatibility_version": STORAGE_COMPATIBILITY,
                                                          "memory_limit": MEMORY_LIMIT})


def _open_work_db(paths: WarehousePaths) -> duckdb.DuckDBPyConnection:
    key = paths.work_db.resolve()
    if key not in _held:
        return _open_file(paths)
    anchor = _held[key]
    if anchor is None:
        anchor = _held[key] = _open_file(paths)
    return anchor.cursor()  # a session of its own: transactions, temporary objects and variables are not shared


@contextmanager
def connect(paths: WarehousePaths) -> Iterator[duckdb.DuckDBPyConnection]:
    con = _open_work_db(paths)
    try:
        # The staged cells stay in the parse spool; staged_cells() reads them from there.
        spool = spool_folder(paths.work_dir)
        ensure_spool(spool)
        con.execute("SET VARIABLE ogi_spool = ?", [spool.resolve().as_posix()])
        _define_staged_cells(con)
        yield con
    finally:
        con.close()


def _schema_fingerprint() -> str:
    """Changes when any SQL file or the vocabulary behind the lookup tables changes."""
    digest = hashlib.sha256()
    for path in [*sorted(SQL_DIR.rglob("*.sql")), Path(vocabulary.__file__), Path(lookups.__file__)]:
        digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _define_staged_cells(con: duckdb.DuckDBPyConnection) -> None:
    """staged_cells() on this connection, once the staging schema exists (a new work database has none yet)."""
    if _has_table(con, "staging", "first_copy"):
        run_sql_file(con, "staging/staged_cells.sql")


def _has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
                       "AND schema_name = ? AND table_name = ?", [schema, table]).fetchall()[0][0] > 0


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create or update every table, view, lookup and comment; a no-op when nothing changed since the last
    time (a run with nothing new must cost seconds). A change is published by the next commit, new data or not
    (``schema_changed``)."""
    run_sql_file(con, "staging/staging.sql")
    _define_staged_cells(con)
    fingerprint = _schema_fingerprint()
    known = con.execute("SELECT value FROM ogi_state.meta WHERE key = 'schema_fingerprint'").fetchall()
    if known and known[0][0] == fingerprint:
        return
    _create_schema(con)
    con.executemany("INSERT OR REPLACE INTO ogi_state.meta VALUES (?, ?)",
                    [("schema_fingerprint", fingerprint), (_SCHEMA_CHANGED, "true")])


# Set when the schema was created or updated, cleared by the commit that gives it a new generation: a new
# version's views reach the published file on its first run, even with nothing new to load.
_SCHEMA_CHANGED = "schema_changed"


def schema_changed(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT 1 FROM ogi_state.meta WHERE key = ?", [_SCHEMA_CHANGED]).fetchall())


def _create_schema(con: duckdb.DuckDBPyConnection) -> None:
    create_lookups(con)
    # Running a table's file with empty staging creates the table and loads nothing.
    if con.sql("SELECT count(*) FROM staging.files").fetchall()[0][0] == 0:
        for table in TABLES:
            run_sql_file(con, f"tables/{table}.sql")
    con.execute(VERDICTS_DDL)
    run_sql_file(con, "tables/warehouse_info.sql")
    unlisted = sorted(path.stem for path in (SQL_DIR / "views").glob("*.sql") if path.stem not in VIEWS)
    for view in (*VIEWS, *unlisted):
        run_sql_file(con, f"views/{view}.sql")
    # COMMENT ON for every table, view and column (after them: CREATE OR REPLACE drops comments); one
    # transaction, since each autocommitted COMMENT costs a catalog write.
    with transaction(con):
        for comments in sorted((SQL_DIR / "comments").glob("*.sql")):
            run_sql_file(con, f"comments/{comments.name}")


def files_parsed_by(con: duckdb.DuckDBPyConnection, parser_version: str) -> int:
    """How many files the manifest lists as parsed by this parser version (0 before the work database has a
    manifest): cheap to know before the schema is created or updated."""
    if not _has_table(con, "ogi_state", "files"):
        return 0
    return int(con.execute("SELECT count(*) FROM ogi_state.files WHERE parser_version = ?",
                           [parser_version]).fetchall()[0][0])


def manifest(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return con.sql("SELECT source_path, size, mtime_ns, content_sha256, report_id, parser_version "
                   "FROM ogi_state.files").pl()


def clear_staging(con: duckdb.DuckDBPyConnection) -> None:
    """Empty the staging tables by dropping and creating them again: deleting a batch's rows cost more (1.4 s
    of a 100,000-report commit, mostly file_scan's key index)."""
    for table in STAGING_TABLES:
        con.execute(f"DROP TABLE IF EXISTS staging.{table}")
    run_sql_file(con, "staging/staging.sql")


def stage_scan(con: duckdb.DuckDBPyConnection, scan: pl.DataFrame) -> None:
    con.register("_scan", scan)
    con.execute("INSERT INTO staging.file_scan BY NAME SELECT * FROM _scan")
    con.unregister("_scan")


def load_spool(con: duckdb.DuckDBPyConnection) -> None:
    """Replace the parsed part of staging with the spool's rows, in one transaction (its cells are read
    from the spool where they are: staged_cells())."""
    with transaction(con):
        run_sql_file(con, "staging/load_spool.sql")


def stage_jobs(con: duckdb.DuckDBPyConnection) -> list[FileJob]:
    """The files the current plan says to parse."""
    return [FileJob(*row) for row in con.sql(
        "SELECT source_path, path, size, mtime_ns, known_sha256, known_report_id FROM staging.file_scan "
        "WHERE action = 'parse' ORDER BY source_path"
    ).fetchall()]


def apply_table(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Merge the staged batch into one contract table in its own transaction; returns its row count."""
    with transaction(con):
        run_sql_file(con, f"tables/{table}.sql")
    return int(con.sql(f"SELECT count(*) FROM {table}").fetchall()[0][0])


def commit_batch(con: duckdb.DuckDBPyConnection, parser_version: str, force_new_generation: bool = False) -> int:
    """Record the batch as ingested, drop rows of reports no file points to any more, bump the generation.

    One transaction: until it commits, the next run redoes the batch.
    """
    with transaction(con):
        con.execute("""
            INSERT OR REPLACE INTO ogi_state.files
            SELECT f.source_path, f.size, f.mtime_ns, f.content_sha256, f.report_id, ?
            FROM staging.files AS f
        """, [parser_version])
        # Sources and issues of files whose content the manifest does not record are what a failed or killed
        # run left behind (a file since removed or changed): not committed, so they go.
        for table in ("report_sources", "ingest_issues"):
            con.execute(f"""
                DELETE FROM {table} AS t WHERE t.content_sha256 IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM ogi_state.files AS f
                    WHERE f.source_path = t.source_path AND f.content_sha256 = t.content_sha256)
            """)
        # A file whose content changed points to its new report; the old report goes if no file holds it.
        for table in REPORT_TABLES:
            con.execute(f"DELETE FROM {table} WHERE report_id NOT IN "
                        "(SELECT report_id FROM report_sources WHERE report_id IS NOT NULL)")
        con.execute("DELETE FROM dim_agency WHERE agency_id NOT IN "
                    "(SELECT agency_id FROM dim_report WHERE agency_id IS NOT NULL)")
        # An agency's name is the fullest one its reports print (北京市朝阳区建外街道办事处 over 建外街道办事处),
        # whatever order the reports arrived in.
        con.execute("""
            UPDATE dim_agency SET agency_name = names.agency_name
            FROM (SELECT agency_id, arg_min(agency_name, (-length(agency_name), agency_name)) AS agency_name
                  FROM dim_report WHERE agency_id IS NOT NULL AND agency_name IS NOT NULL
                  GROUP BY agency_id) AS names
            WHERE dim_agency.agency_id = names.agency_id AND dim_agency.agency_name <> names.agency_name
        """)
        # A touched file (same bytes, new mtime) only updates the manifest: nothing analysts see changed.
        changed = con.sql("SELECT (SELECT count(*) FROM staging.files WHERE reparsed IS DISTINCT FROM false) "
                          "+ (SELECT count(*) FROM staging.issues)").fetchall()[0][0] > 0
        if changed or force_new_generation or schema_changed(con):
            con.execute("DELETE FROM ogi_state.meta WHERE key = ?", [_SCHEMA_CHANGED])
            con.execute("INSERT OR REPLACE INTO ogi_state.meta VALUES ('generation', "
                        "CAST(coalesce((SELECT CAST(value AS BIGINT) FROM ogi_state.meta WHERE key = 'generation'), 0) + 1 AS VARCHAR))")
            con.executemany("INSERT OR REPLACE INTO warehouse_info VALUES (?, ?)", [
                ("parser_version", parser_version), ("divisions_source", DIVISIONS_VINTAGE),
                ("generation", str(generation(con))),
                ("committed_at", datetime.now(UTC).isoformat(timespec="seconds")),
            ])
        clear_staging(con)
    return generation(con)


def generation(con: duckdb.DuckDBPyConnection) -> int:
    rows = con.sql("SELECT value FROM ogi_state.meta WHERE key = 'generation'").fetchall()
    return int(rows[0][0]) if rows else 0
