"""Jobs: the whole pipeline, run in one process (one run per batch of files, never one per file)."""

from __future__ import annotations

from dagster import AssetSelection, define_asset_job, in_process_executor

INGEST_JOB_NAME = "ingest_reports"

ingest_job = define_asset_job(
    INGEST_JOB_NAME,
    selection=AssetSelection.all(),
    description="Read new or changed report files from OGI_RAW_DIR, load them into the warehouse tables, check "
    "them, publish OGI_WAREHOUSE atomically, then export it to Parquet (OGI_EXPORT_DIR) and "
    "render its charts (OGI_REPORTS_DIR).",
    # Steps share one process: starting a process per step costs seconds and buys nothing here.
    executor_def=in_process_executor,
    tags={"ogi/warehouse": "writer"},
)
