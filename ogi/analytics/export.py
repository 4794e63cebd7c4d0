"""Export every table and view of the published warehouse to Parquet (pyarrow), atomically per run.

Layout under the export folder (``OGI_EXPORT_DIR``, default ``data/export``: see ``export_dir``)::

    <name>/report_year=2020/part-0.parquet   objects that have, or can join, a report year (hive partitions)
    <name>/part-0.parquet                    the rest (lookups, rule_failures …)

An object has a report year when it has a ``report_year`` column, or a ``report_id`` it can join to
``dim_report`` (the joined ``report_year`` column is added). Rows whose year is unknown go to the
``report_year=__HIVE_DEFAULT_PARTITION__`` folder. Read it back with
``pyarrow.dataset.dataset(path, partitioning="hive")`` or DuckDB ``read_parquet('<name>/**/*.parquet',
hive_partitioning = true)``.

The whole export is written to a temporary folder beside the target and swapped in with two renames,
so a reader sees either the previous export or the new one, never a half-written folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from ogi.analytics.freshness import export_dir, mark_rendered
from ogi.warehouse.store import READ_MEMORY_LIMIT


@dataclass
class ExportedObject:
    name: str
    kind: str  # table or view
    rows: int
    partitioned: bool
    partitions: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


@dataclass
class ExportSummary:
    directory: Path
    objects: list[ExportedObject]

    @property
    def rows(self) -> int:
        return sum(o.rows for o in self.objects)

    @property
    def files(self) -> list[str]:
        return [f for o in self.objects for f in o.files]


def warehouse_objects(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(name, kind) of every table and view an analyst sees in the main schema."""
    return con.sql("""
        SELECT table_name, 'table' FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal
        UNION ALL
        SELECT view_name, 'view' FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal
        ORDER BY 1
    """).fetchall()


def _columns(con: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? "
        "ORDER BY column_index", [name]).fetchall()]


def object_query(con: duckdb.DuckDBPyConnection, name: str) -> tuple[str, bool]:
    """The query that exports ``name`` and whether it is partitioned by report_year."""
    columns = _columns(con, name)
    if "report_year" in columns:
        return f'SELECT * FROM "{name}"', True
    if "report_id" in columns and name != "dim_report":
        return (f'SELECT t.*, d.report_year FROM "{name}" AS t '
                f"LEFT JOIN dim_report AS d ON d.report_id = t.report_id"), True
    return f'SELECT * FROM "{name}"', False


_BATCH_ROWS = 200_000


class _CountingReader:
    """Passes a record-batch stream through, counting its rows."""

    def __init__(self, reader: pa.RecordBatchReader) -> None:
        self._source = reader
        self.count = 0

    def _batches(self) -> Iterator[pa.RecordBatch]:
        for batch in self._source:
            self.count += batch.num_rows
            yield batch

    def reader(self) -> pa.RecordBatchReader:
        return pa.RecordBatchReader.from_batches(self._source.schema, self._batches())


def export_warehouse(warehouse: Path, target: Path | None = None, state: str | None = None) -> ExportSummary:
    """Write every table and view of ``warehouse`` (opened read-only) as Parquet under ``target``; the
    published ``state`` it was made from is marked inside the export (see ``freshness``)."""
    target = Path(target or export_dir(warehouse))
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(f".{target.name}.*.tmp"):  # left by a killed run
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the export is for every analyst on the machine
    objects: list[ExportedObject] = []
    try:
        con = duckdb.connect(str(warehouse), read_only=True, config={"memory_limit": READ_MEMORY_LIMIT})
        try:
            for name, kind in warehouse_objects(con):
                query, partitioned = object_query(con, name)
                # Streamed in batches: memory stays bounded whatever the warehouse's size.
                batches = con.sql(query).to_arrow_reader(_BATCH_ROWS)
                folder = staging / name
                rows = _CountingReader(batches)
                ds.write_dataset(
                    rows.reader(), folder, format="parquet",
                    partitioning=["report_year"] if partitioned else None,
                    partitioning_flavor="hive" if partitioned else None,
                    basename_template="part-{i}.parquet",
                    # Row groups of one batch: the writer holds at most that much per open partition.
                    max_rows_per_group=_BATCH_ROWS,
                    existing_data_behavior="overwrite_or_ignore",
                )
                if not any(folder.rglob("*.parquet")):  # an empty table still gets a file with its schema
                    folder.mkdir(parents=True, exist_ok=True)
                    pq.write_table(batches.schema.empty_table(), folder / "part-0.parquet")
                files = sorted(str(p.relative_to(staging)) for p in folder.rglob("*.parquet"))
                partitions = sorted({p.parent.name for p in folder.rglob("*.parquet") if p.parent != folder})
                objects.append(ExportedObject(name, kind, rows.count, partitioned, partitions, files))
        finally:
            con.close()
        mark_rendered(staging, state)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ExportSummary(target, objects)


def _swap(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with renames (the old export is removed afterwards)."""
    old = None
    if target.exists():
        old = target.parent / f".{target.name}.{os.getpid()}.old.tmp"
        os.replace(target, old)
    os.replace(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
