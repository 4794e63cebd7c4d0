"""The analytics sensor requests one analytics run per publication of the warehouse."""

from __future__ import annotations

import os
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
        context = build_sensor_context(instance=instance, definitions=defs)
        requests = _requests(sensor(context))
    assert [r.run_key for r in requests] == [f"published-by-{ingest.run_id}"]
    assert requests[0].job_name in (None, "analytics_outputs")
    with _environment(workspace.env()):  # a run with nothing new publishes nothing: no analytics run
        again = defs.resolve_job_def(INGEST_JOB_NAME).execute_in_process(instance=instance)
        assert again.success
        # The daemon evaluates the sensor from the cursor its last evaluation left.
        context = build_sensor_context(instance=instance, definitions=defs, cursor=context.cursor)
        assert not _requests(sensor(context))
        touched = next(workspace.raw.iterdir())  # same bytes, new mtime: the load steps run, nothing is published
        os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
        touched_run = defs.resolve_job_def(INGEST_JOB_NAME).execute_in_process(instance=instance)
        assert touched_run.asset_materializations_for_node("published_warehouse")
        context = build_sensor_context(instance=instance, definitions=defs, cursor=context.cursor)
        assert not _requests(sensor(context))


def _requests(result: object) -> list[RunRequest]:
    """An asset sensor yields its requests; a plain sensor returns one (or a SkipReason)."""
    items = list(result) if result is not None and not isinstance(result, RunRequest) and hasattr(result, "__iter__") else [result]
    return [item for item in items if isinstance(item, RunRequest)]
