"""Locate and run the SQL files of ``sql/`` (one file per table or view, idempotent)."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

SQL_DIR = Path(os.environ.get("OGI_SQL_DIR", Path(__file__).resolve().parents[2] / "sql"))


def sql_path(relative: str) -> Path:
    return SQL_DIR / relative


def run_sql_file(con: duckdb.DuckDBPyConnection, relative: str) -> None:
    """Run every statement of one file (DuckDB executes multi-statement strings in order)."""
    con.execute(sql_path(relative).read_text(encoding="utf-8"))
