"""The shipped dagster.yaml loads as a Dagster instance with the settings the README promises."""

from __future__ import annotations

import shutil
from pathlib import Path

from dagster import DagsterInstance
from dagster._core.run_coordinator import QueuedRunCoordinator

from pipelines.definitions import defs
from pipelines.jobs import ANALYTICS_JOB_NAME, INGEST_JOB_NAME

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_instance_configuration(tmp_path: Path) -> None:
    shutil.copy(ROOT / "dagster.yaml", tmp_path / "dagster.yaml")
    instance = DagsterInstance.from_config(str(tmp_path))
    try:
        coordinator = instance.run_coordinator
        assert isinstance(coordinator, QueuedRunCoordinator)
        assert coordinator.dequeue_interval_seconds == 1
        concurrency = instance.get_concurrency_config()
        # One run at a time holds the writer pool, from its first step in the pool to its end.
        assert concurrency.pool_config.pool_granularity.value == "run"
        assert concurrency.pool_config.default_pool_limit == 1
        assert {"key": "ogi/warehouse", "limit": 1} in concurrency.run_queue_config.tag_concurrency_limits
        assert instance.run_retries_enabled and instance.run_retries_max_retries == 1
        assert not instance.nux_enabled
        assert instance.get_settings("telemetry") == {"enabled": False}
    finally:
        instance.dispose()
    # The tag the run queue limits is on both jobs (test_definitions checks every asset is in the pool).
    for job in (INGEST_JOB_NAME, ANALYTICS_JOB_NAME):
        assert defs.resolve_job_def(job).tags.get("ogi/warehouse") == "writer"
