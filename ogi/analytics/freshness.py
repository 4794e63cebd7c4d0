"""Where the analyst outputs go, and which warehouse generation an output folder was made from, so a run that published nothing new does not
re-export or re-draw (the nightly run with nothing new must cost seconds, not a full export)."""

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


def rendered_generation(folder: Path) -> int | None:
    try:
        return int((folder / MARK).read_text().strip())
    except (OSError, ValueError):
        return None


def mark_rendered(folder: Path, generation: int | None) -> None:
    if generation is not None:
        (folder / MARK).write_text(str(generation))


def outputs_current(warehouse: Path, generation: int | None) -> bool:
    """True when both the export and the charts were made from ``generation`` of the published warehouse."""
    return generation is not None and all(
        rendered_generation(folder) == generation for folder in (export_dir(warehouse), reports_dir(warehouse)))
