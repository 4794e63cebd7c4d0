"""The nightly ingestion, 02:00 Asia/Shanghai, on by default when the daemon runs."""

from __future__ import annotations

from dagster import DefaultScheduleStatus, ScheduleDefinition

from pipelines.jobs import ingest_job

nightly_ingest = ScheduleDefinition(
    name="nightly_ingest",
    job=ingest_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=DefaultScheduleStatus.RUNNING,
    description="Every night at 02:00 (Asia/Shanghai): ingest whatever is new in the raw folder.",
)
