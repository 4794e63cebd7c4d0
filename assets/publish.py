"""Publish stage: make the new state visible to analysts in one atomic step."""

from __future__ import annotations

from dagster import AssetKey, MaterializeResult, MetadataValue, asset

from assets.tables import WAREHOUSE_TABLES
from ogi.ingest.steps import commit_and_publish
from pipelines.resources import Warehouse
from pipelines.settings import POOL


@asset(group_name="publish", pool=POOL, deps=[AssetKey(name) for name in WAREHOUSE_TABLES], kinds={"duckdb"})
def published_warehouse(warehouse: Warehouse) -> MaterializeResult:
    """The analysts' DuckDB file (OGI_WAREHOUSE): the batch is recorded as ingested, then the work
    database is copied and renamed over the published file atomically, so readers never wait for a lock
    and never see a half-loaded state."""
    summary = commit_and_publish(warehouse.paths())
    return MaterializeResult(metadata={
        "dagster/row_count": MetadataValue.int(summary.reports),
        "generation": summary.generation,
        "published": summary.published,
        "warehouse": MetadataValue.path(summary.warehouse),
    })
