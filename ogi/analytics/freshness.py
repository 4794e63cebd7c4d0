"""Where the analyst outputs go, and which published warehouse an output folder was made from, so a run that
published nothing new does not re-export or re-draw (the nightly run with nothing new must cost seconds).

The published state is the warehouse's generation with its file's size and modification time: a generation
number alone restarts at 1 for a new warehouse and would match outputs of an old one."""

from __future__ import annotations

import os
from pathlib import Path

MARK = ".ogi-generation"


def export_dir(warehouse: Path) -> Path:
    """``OGI_EXPORT_DIR``, by default ``export`` beside the warehouse's folder: ``data/export`` for the default
    warehouse ``data/warehouse/ogi.duckdb`` (and a test's own folder for a test's warehouse)."""
    configured = os.environ.get("OGI_EXPORT_DIR")
    return Path(configured) if configured else Path(warehouse).parent.parent / "export"


def reports_dir(warehouse: Path) -> Path:
    """``OGI_REPORTS_DIR``, by default ``reports`` beside the warehouse's folder: ``data/reports`` for the
    default warehouse ``data/warehouse/ogi.duckdb``."""
    configured = os.environ.get("OGI_REPORTS_DIR")
    return Path(configured) if configured else Path(warehouse).parent.parent / "reports"


def published_state(warehouse: Path, generation: int | None) -> str | None:
    if generation is None or not warehouse.exists():
        return None
    stat = warehouse.stat()
    return f"generation {generation}, {stat.st_size} bytes, modified {stat.st_mtime_ns}"


def rendered_state(folder: Path) -> str | None:
    try:
        return (folder / MARK).read_text().strip() or None
    except OSError:
        return None


def mark_rendered(folder: Path, state: str | None) -> None:
    if state is not None:
        (folder / MARK).write_text(state)


def outputs_current(warehouse: Path, state: str | None) -> bool:
    """True when both the export and the charts were made from the published warehouse in ``state``."""
    return state is not None and all(
        rendered_state(folder) == state for folder in (export_dir(warehouse), reports_dir(warehouse)))
