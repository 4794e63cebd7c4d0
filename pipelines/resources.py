"""Dagster resources: where raw reports are read and where the warehouse lives (from environment)."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from dagster import ConfigurableResource, InitResourceContext
from pydantic import PrivateAttr

from ogi.warehouse.store import WarehousePaths, held_open


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

    _run_scope: ExitStack = PrivateAttr(default_factory=ExitStack)

    def paths(self) -> WarehousePaths:
        return WarehousePaths.from_env(self.warehouse_path, self.work_dir or None)

    def setup_for_execution(self, context: InitResourceContext) -> None:
        # Once per run with the in-process executor: the work database stays open from the first step that
        # opens it to the end of the run, and each step gets a session of its own on it (see held_open).
        self._run_scope.enter_context(held_open(self.paths()))

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        self._run_scope.close()
