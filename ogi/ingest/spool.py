"""The spool: parse workers leave each chunk's rows as Parquet files, which DuckDB then loads in one go.

Sending each chunk's frames back to the parent and inserting them there one chunk at a time cost the
parent as much CPU as a worker spends parsing (issue 5's profile), on a machine with two cores. Workers
write their own files instead, and the parent only adds up counts.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ogi.ingest.frames import ChunkFrames
from ogi.ingest.worker import FileJob, parse_chunk

SPOOL_TABLES: tuple[str, ...] = ("files", "reports", "agencies", "cells", "issues", "texts", "narrative")


@dataclass
class ChunkSummary:
    files: int = 0
    issues: int = 0
    cells: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)


def spool_folder(work_dir: Path) -> Path:
    return Path(work_dir) / "spool"


def clear_spool(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def write_chunk(frames: ChunkFrames, folder: Path, chunk: int) -> ChunkSummary:
    """One Parquet file per table; ``chunk`` (file order) tells which copy of a repeated report came first."""
    for table in SPOOL_TABLES:
        target = Path(folder) / table
        target.mkdir(parents=True, exist_ok=True)
        frame = getattr(frames, table).with_columns(chunk=pl.lit(chunk, dtype=pl.Int32))
        frame.write_parquet(target / f"{chunk:06d}.parquet", compression="lz4", statistics=False)
    counts = dict(frames.reports.group_by("parse_status").len().iter_rows())
    return ChunkSummary(frames.files.height, frames.issues.height, frames.cells.height, counts)


def spool_chunk(jobs: list[FileJob], folder: Path, chunk: int) -> ChunkSummary:
    """Parse ``jobs`` and spool their rows (runs in a worker process)."""
    return write_chunk(parse_chunk(jobs), folder, chunk)
