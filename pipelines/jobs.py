"""Jobs: one run per batch of files, never one per file. Ingestion publishes the warehouse; the analyst
outputs (Parquet, charts) are a second job, started when a new warehouse is published, so the warehouse is
up to date as soon as the load is done and a slow export never holds up the next batch."""

from __future__ import annotations

from dagster import AssetSelection, define_asset_job, in_process_executor

INGEST_JOB_NAME = "ingest_reports"
ANALYTICS_JOB_NAME = "analytics_outputs"
ANALYTICS_GROUP = "analytics"

ingest_job = define_asset_job(
    INGEST_JOB_NAME,
    selection=AssetSelection.all() - AssetSelection.groups(ANALYTICS_GROUP),
    description="Read new or changed report files from OGI_RAW_DIR, load them into the warehouse tables, check "
    "them and publish OGI_WAREHOUSE atomically.",
    # Steps share one process: starting a process per step costs seconds and buys nothing here.
    executor_def=in_process_executor,
    tags={"ogi/warehouse": "writer"},
)

analytics_job = define_asset_job(
    ANALYTICS_JOB_NAME,
    selection=AssetSelection.groups(ANALYTICS_GROUP),
    description="Export the published warehouse to Parquet (OGI_EXPORT_DIR) and render its charts "
    "(OGI_REPORTS_DIR); started by analytics_after_publish whenever a new warehouse is published.",
    executor_def=in_process_executor,
    tags={"ogi/warehouse": "writer"},
)
