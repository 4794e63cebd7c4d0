"""Reviewer verdicts on failed checks, kept in a file the pipeline never writes to.

A reviewer marks a finding — (report_id, rule, scope) — as ``confirmed`` (the report is wrong) or
``dismissed`` (explained) in ``OGI_REVIEWS`` (default: ``reviews.duckdb`` beside the warehouse). Each run
copies that table into the published warehouse as ``check_verdicts``, read-only. Because report_id is
derived from the report's content, a verdict stays attached to the same finding across re-runs and
re-parses with a new parser version.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from ogi.warehouse.storage import STORAGE_COMPATIBILITY
from ogi.warehouse.transaction import transaction

VERDICTS_DDL = """
CREATE TABLE IF NOT EXISTS check_verdicts (
    report_id VARCHAR NOT NULL,
    rule VARCHAR NOT NULL,
    scope VARCHAR NOT NULL,
    verdict VARCHAR NOT NULL CHECK (verdict IN ('confirmed', 'dismissed')),
    comment VARCHAR,
    reviewer VARCHAR,
    recorded_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
)
"""


def reviews_path(warehouse: Path) -> Path:
    return Path(os.environ.get("OGI_REVIEWS") or warehouse.parent / "reviews.duckdb")


def _connect_reviews(path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})


def ensure_reviews_file(path: Path) -> None:
    """Create the reviews file with its empty table if it does not exist yet (never touches rows)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _connect_reviews(path)
    try:
        con.execute(VERDICTS_DDL)
    finally:
        con.close()


def failed_check_problem(warehouse: Path, report_id: str, rule: str, scope: str) -> str | None:
    """Why no verdict can be given on this check of the published warehouse, or None when it failed there."""
    if not Path(warehouse).exists():
        return f"there is no warehouse at {warehouse} yet; run the pipeline first"
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        found = con.execute("SELECT passed FROM check_results WHERE report_id = ? AND rule = ? AND scope = ?",
                            [report_id, rule, scope]).fetchall()
        scopes = [s for (s,) in con.execute(
            "SELECT DISTINCT scope FROM check_results WHERE report_id = ? AND rule = ? AND passed = false "
            "ORDER BY 1 LIMIT 10", [report_id, rule]).fetchall()]
    finally:
        con.close()
    failing = f" (its failing {rule} scopes: {', '.join(scopes)})" if scopes else ""
    if not found:
        return (f"check_results has no {rule} check of report {report_id} on scope {scope!r}{failing}; "
                "see check_findings for the failed checks")
    if found[0][0] is not False:
        state = "passed" if found[0][0] else "could not be evaluated"
        return f"the {rule} check of report {report_id} on {scope!r} {state}; verdicts are for failed checks{failing}"
    return None


def record_verdict(path: Path, report_id: str, rule: str, scope: str, verdict: str, comment: str,
                   reviewer: str | None) -> None:
    ensure_reviews_file(path)
    con = _connect_reviews(path)
    try:
        con.execute("INSERT INTO check_verdicts (report_id, rule, scope, verdict, comment, reviewer) "
                    "VALUES (?, ?, ?, ?, ?, ?)", [report_id, rule, scope, verdict, comment, reviewer])
    finally:
        con.close()


def _digest(con: duckdb.DuckDBPyConnection, table: str = "check_verdicts") -> list[tuple]:
    return con.sql("SELECT count(*), coalesce(sum(hash(report_id, rule, scope, verdict, comment, reviewer, recorded_at)), 0) "
                   f"FROM {table}").fetchall()


def verdicts_changed(con: duckdb.DuckDBPyConnection, path: Path) -> bool:
    """Whether import_verdicts would change ``con``'s check_verdicts, found without writing to either file.

    A missing reviews file is an empty one (import_verdicts creates it); one held open for writing by a reviewer
    counts as no change, since import_verdicts would keep the previous copy too."""
    if not path.exists():
        return _digest(con)[0][0] > 0
    try:
        con.execute(f"ATTACH '{path.as_posix()}' AS reviews (READ_ONLY)")
    except duckdb.Error:
        return False
    try:
        theirs = _digest(con, "reviews.check_verdicts")
    except duckdb.Error:  # a reviews file whose table is missing or altered: the import says what is wrong
        return True
    finally:
        con.execute("DETACH reviews")
    return theirs != _digest(con)


def import_verdicts(con: duckdb.DuckDBPyConnection, path: Path) -> tuple[str, bool]:
    """Copy the reviewers' table into ``con`` as check_verdicts. Returns what happened (for the run log)
    and whether the verdicts changed.

    If a reviewer holds the reviews file open for writing, the previous copy is kept; the next run
    picks the new verdicts up.
    """
    con.execute(VERDICTS_DDL)
    before = _digest(con)
    if not path.exists():
        ensure_reviews_file(path)
    try:
        con.execute(f"ATTACH '{path.as_posix()}' AS reviews (READ_ONLY)")
    except duckdb.Error as error:
        return f"kept the previous verdicts: {path} could not be opened ({str(error).splitlines()[0]})", False
    try:
        with transaction(con):
            con.execute("DELETE FROM check_verdicts")
            con.execute("INSERT INTO check_verdicts BY NAME SELECT * FROM reviews.check_verdicts")
        count = con.sql("SELECT count(*) FROM check_verdicts").fetchall()[0][0]
    finally:
        con.execute("DETACH reviews")
    return f"imported {count} verdicts from {path}", _digest(con) != before
