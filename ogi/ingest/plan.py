"""Decide which files a run reads: new ones, changed ones, and all when the parser version changed."""

from __future__ import annotations

import polars as pl

from ogi.readers import RawFile

PLAN_SCHEMA = {"source_path": pl.String, "path": pl.String, "size": pl.Int64, "mtime_ns": pl.Int64,
               "action": pl.String, "known_sha256": pl.String, "known_report_id": pl.String}


def plan_files(files: list[RawFile], manifest: pl.DataFrame, parser_version: str,
               retry: frozenset[str] = frozenset()) -> pl.DataFrame:
    """One row per file to read (action 'parse'). Unchanged files (same size and mtime, parsed by this
    parser version) are left out, unless they hold the same report as a file that may have changed; a
    changed stat with the same bytes costs a hash and no parse. ``retry``: files to read again whatever
    their stat says (one that could not be opened and now can: chmod changes neither size nor mtime)."""
    scan = pl.DataFrame(
        {
            "source_path": [f.relative_path for f in files],
            "path": [f.path for f in files],
            "size": [f.size for f in files],
            "mtime_ns": [f.mtime_ns for f in files],
        },
        schema={k: PLAN_SCHEMA[k] for k in ("source_path", "path", "size", "mtime_ns")},
    )
    known = manifest.select(
        "source_path",
        pl.col("size").alias("known_size"),
        pl.col("mtime_ns").alias("known_mtime_ns"),
        pl.col("content_sha256").alias("known_sha256"),
        pl.col("report_id").alias("known_report_id"),
        (pl.col("parser_version") == parser_version).alias("same_parser"),
    )
    joined = scan.join(known, on="source_path", how="left")
    unchanged = (
        pl.col("same_parser").fill_null(False)
        & (pl.col("size") == pl.col("known_size"))
        & (pl.col("mtime_ns") == pl.col("known_mtime_ns"))
        & ~pl.col("source_path").is_in(list(retry))
    )
    same_parser = pl.col("same_parser").fill_null(False)
    # A file that may have changed may leave its report to the other files holding the same report
    # (duplicates): those are read again too, so that the report is then read from one of them.
    shared = joined.filter(~unchanged & same_parser).get_column("known_report_id").drop_nulls().implode()
    siblings = joined.filter(unchanged & pl.col("known_report_id").is_in(shared)).with_columns(
        known_sha256=pl.lit(None, pl.String), known_report_id=pl.lit(None, pl.String))
    return (
        pl.concat([
            joined.filter(~unchanged).with_columns(
                known_sha256=pl.when(same_parser).then(pl.col("known_sha256")),
                known_report_id=pl.when(same_parser).then(pl.col("known_report_id")),
            ),
            siblings,
        ])
        .with_columns(action=pl.lit("parse"))
        .select(list(PLAN_SCHEMA))
        .sort("source_path")
    )
