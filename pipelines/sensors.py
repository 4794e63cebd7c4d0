"""Start a run when files appear or change in the raw folder (on by default when the daemon runs)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from dagster import (
    AssetKey,
    DefaultSensorStatus,
    EventLogEntry,
    RunRequest,
    SensorEvaluationContext,
    SkipReason,
    asset_sensor,
    sensor,
)

from pipelines.jobs import analytics_job, ingest_job


def folder_fingerprint(root: Path) -> str:
    """A digest of every file's path, size and mtime: changes when a file is added, changed or removed."""
    digest = hashlib.sha256()
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
                continue
            stat = entry.stat(follow_symlinks=False)
            digest.update(f"{entry.path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@sensor(name="raw_folder_sensor", job=ingest_job, minimum_interval_seconds=60,
        default_status=DefaultSensorStatus.RUNNING,
        description="Requests an ingest run when files are added to or changed in OGI_RAW_DIR.")
def raw_folder_sensor(context: SensorEvaluationContext) -> RunRequest | SkipReason:
    root = Path(os.environ.get("OGI_RAW_DIR") or "data/raw")
    if not root.is_dir():
        return SkipReason(f"raw folder {root} does not exist")
    fingerprint = folder_fingerprint(root)
    if fingerprint == context.cursor:
        return SkipReason("no new or changed files")
    context.update_cursor(fingerprint)
    # run_key: the same folder state never starts two runs.
    return RunRequest(run_key=fingerprint)


@asset_sensor(name="analytics_after_publish", asset_key=AssetKey("published_warehouse"), job=analytics_job,
              default_status=DefaultSensorStatus.RUNNING,
              description="Requests the analytics outputs (Parquet export, charts) after each publication of "
              "the warehouse; outputs already made from the published generation are not redone.")
def analytics_after_publish(context: SensorEvaluationContext, asset_event: EventLogEntry) -> RunRequest | SkipReason:
    materialization = asset_event.asset_materialization
    published = materialization.metadata.get("published") if materialization else None
    if published is not None and getattr(published, "value", published) is False:
        # A run with nothing new changes no file: an analytics run would only find its outputs current.
        return SkipReason(f"run {asset_event.run_id} published nothing new")
    return RunRequest(run_key=f"published-by-{asset_event.run_id}")  # one analytics run per publication
