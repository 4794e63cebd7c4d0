"""The spool: parse workers leave each chunk's rows as Parquet files, which DuckDB then loads in one go
(all but the cells, which the later steps read from here: staged_cells()).

Sending each chunk's frames back to the parent and inserting them there one chunk at a time cost the
parent as much CPU as a worker spends parsing (issue 5's profile), on a machine with two cores. Workers
write their own files instead, and the parent only adds up counts.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

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


# Every table's folder holds this file of no rows besides the chunks, so that reading the spool never fails
# for want of files: the staged cells are read from it (staged_cells()), also in a run that parsed nothing.
# Its chunk number is no chunk's, so no report's copy is ever taken from it.
_PLACEHOLDER: Final = "empty.parquet"
_PLACEHOLDER_CHUNK: Final = -1


def clear_spool(folder: Path) -> None:
    """Remove the spool's chunks (the previous batch's, or an interrupted attempt's); keep it readable."""
    shutil.rmtree(folder, ignore_errors=True)
    ensure_spool(folder)


def ensure_spool(folder: Path) -> None:
    """Write the placeholder files if they are missing (a new work folder)."""
    if not (Path(folder) / "cells" / _PLACEHOLDER).exists():
        write_chunk(parse_chunk([]), folder, _PLACEHOLDER_CHUNK, _PLACEHOLDER)


def write_chunk(frames: ChunkFrames, folder: Path, chunk: int, file_name: str | None = None) -> ChunkSummary:
    """One Parquet file per table; ``chunk`` (file order) tells which copy of a repeated report came first."""
    for table in SPOOL_TABLES:
        target = Path(folder) / table
        target.mkdir(parents=True, exist_ok=True)
        frame = getattr(frames, table).with_columns(chunk=pl.lit(chunk, dtype=pl.Int32))
        frame.write_parquet(target / (file_name or f"{chunk:06d}.parquet"), compression="lz4", statistics=False)
    counts = dict(frames.reports.group_by("parse_status").len().iter_rows())
    return ChunkSummary(frames.files.height, frames.issues.height, frames.cells.height, counts)


def spool_chunk(jobs: list[FileJob], folder: Path, chunk: int) -> ChunkSummary:
    """Parse ``jobs`` and spool their rows (runs in a worker process)."""
    return write_chunk(parse_chunk(jobs), folder, chunk)
