"""Dagster resources: where raw reports are read and where the warehouse lives (from environment)."""

from __future__ import annotations

from pathlib import Path

from dagster import ConfigurableResource

from ogi.warehouse.store import WarehousePaths


class RawReportFolder(ConfigurableResource):
    """The folder of raw report files (``OGI_RAW_DIR``)."""

    path: str

    def folder(self) -> Path:
        return Path(self.path)


class Warehouse(ConfigurableResource):
    """The analysts' DuckDB file (``OGI_WAREHOUSE``) and the pipeline's work folder beside it."""

    warehouse_path: str
    work_dir: str = ""  # default: <warehouse folder>/.ogi-work
    workers: int = 0  # parse processes; 0 = one per core

    def paths(self) -> WarehousePaths:
        return WarehousePaths.from_env(self.warehouse_path, self.work_dir or None)
