"""The Dagster code location: assets, checks, jobs, schedule, sensor and resources."""

from __future__ import annotations

from dagster import Definitions, EnvVar

from assets.analytics import warehouse_charts, warehouse_parquet_export
from assets.checks import asset_checks
from assets.ingest import parsed_reports, raw_report_files
from assets.publish import published_warehouse
from assets.tables import table_assets
from pipelines.jobs import analytics_job, ingest_job
from pipelines.resources import RawReportFolder, Warehouse
from pipelines.schedules import nightly_ingest
from pipelines.sensors import analytics_after_publish, raw_folder_sensor
from pipelines.settings import apply_defaults
from pipelines.skip_warnings import quiet_skipped_check_warnings

apply_defaults()
quiet_skipped_check_warnings()

defs = Definitions(
    assets=[raw_report_files, parsed_reports, *table_assets, published_warehouse, warehouse_parquet_export,
            warehouse_charts],
    asset_checks=asset_checks,
    jobs=[ingest_job, analytics_job],
    schedules=[nightly_ingest],
    sensors=[raw_folder_sensor, analytics_after_publish],
    resources={
        "raw_folder": RawReportFolder(path=EnvVar("OGI_RAW_DIR")),
        "warehouse": Warehouse(warehouse_path=EnvVar("OGI_WAREHOUSE"), work_dir=EnvVar("OGI_WORK_DIR"),
                               workers=EnvVar.int("OGI_WORKERS")),
    },
)
