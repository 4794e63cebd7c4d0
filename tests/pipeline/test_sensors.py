"""The analytics sensor requests one analytics run per publication of the warehouse."""

from __future__ import annotations

from pathlib import Path

from dagster import DagsterInstance, RunRequest, build_sensor_context

from pipelines.definitions import defs
from pipelines.jobs import INGEST_JOB_NAME
from tests.pipeline.harness import _environment, workspace_with_samples


def test_a_publication_requests_the_analytics_job(tmp_path: Path) -> None:
    workspace = workspace_with_samples(tmp_path)
    instance = DagsterInstance.ephemeral()
    sensor = defs.resolve_sensor_def("analytics_after_publish")
    with _environment(workspace.env()):
        assert not _requests(sensor(build_sensor_context(instance=instance, definitions=defs)))
        ingest = defs.resolve_job_def(INGEST_JOB_NAME).execute_in_process(instance=instance)
        assert ingest.success
        requests = _requests(sensor(build_sensor_context(instance=instance, definitions=defs)))
    assert [r.run_key for r in requests] == [f"published-by-{ingest.run_id}"]
    assert requests[0].job_name in (None, "analytics_outputs")
    with _environment(workspace.env()):  # a run with nothing new publishes nothing: no analytics run
        again = defs.resolve_job_def(INGEST_JOB_NAME).execute_in_process(instance=instance)
        assert again.success
        assert not _requests(sensor(build_sensor_context(instance=instance, definitions=defs)))


def _requests(result: object) -> list[RunRequest]:
    """An asset sensor yields its requests; a plain sensor returns one (or a SkipReason)."""
    items = list(result) if result is not None and not isinstance(result, RunRequest) and hasattr(result, "__iter__") else [result]
    return [item for item in items if isinstance(item, RunRequest)]
