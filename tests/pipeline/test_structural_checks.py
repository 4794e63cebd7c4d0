"""The blocking duplicate-key check finds duplicates among the batch's rows, and only real ones."""

from __future__ import annotations

import duckdb

from ogi.checks.structural import duplicate_keys


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
