"""Analyst outputs downstream of the published warehouse: Parquet export and the visual summary."""

from __future__ import annotations

import base64
from pathlib import Path

import polars as pl
from dagster import MaterializeResult, MetadataValue, asset

from assets.metadata import markdown_preview
from assets.publish import published_warehouse
from ogi.analytics.freshness import export_dir, published_state, rendered_state, reports_dir
from ogi.warehouse.publish import published_generation
from pipelines.jobs import ANALYTICS_GROUP
from pipelines.resources import Warehouse
from pipelines.settings import POOL


def _freshness(warehouse: Warehouse, target: Path) -> tuple[str | None, MaterializeResult | None]:
    """(published state, the result to return when ``target`` is already made from it)."""
    paths = warehouse.paths()
    state = published_state(paths.warehouse, published_generation(paths))
    if state is not None and rendered_state(target) == state:
        return state, MaterializeResult(metadata={
            "up_to_date": True, "made_from": state, "directory": MetadataValue.path(str(target.resolve()))})
    return state, None


@asset(group_name=ANALYTICS_GROUP, deps=[published_warehouse], pool=POOL, kinds={"parquet", "pyarrow"})
def warehouse_parquet_export(warehouse: Warehouse) -> MaterializeResult:
    """Every table and view of the published warehouse as Parquet under OGI_EXPORT_DIR (default data/export),
    hive-partitioned by report_year where the object has or can join a report year, unpartitioned otherwise.
    The export is written to a temporary folder and renamed into place, so readers never see half of it.
    Skipped when the export was already made from the published generation (a run with nothing new)."""
    paths = warehouse.paths()
    target = export_dir(paths.warehouse)
    state, unchanged = _freshness(warehouse, target)
    if unchanged:
        return unchanged
    from ogi.analytics.export import export_warehouse  # pyarrow.dataset: imported only when exporting

    summary = export_warehouse(paths.warehouse, target, state)
    listing = pl.DataFrame(
        [{"object": o.name, "kind": o.kind, "rows": o.rows, "partitions": ", ".join(o.partitions) or "-",
          "files": len(o.files)} for o in summary.objects],
        schema={"object": pl.String, "kind": pl.String, "rows": pl.Int64, "partitions": pl.String, "files": pl.Int64},
    )
    return MaterializeResult(metadata={
        "dagster/row_count": MetadataValue.int(summary.rows),
        "directory": MetadataValue.path(str(summary.directory.resolve())),
        "objects": MetadataValue.int(len(summary.objects)),
        "files": MetadataValue.int(len(summary.files)),
        "row_counts": MetadataValue.md(markdown_preview(listing)),
        "file_list": MetadataValue.md("\n".join(f"- `{f}`" for f in summary.files) or "_(no files)_"),
    })


@asset(group_name=ANALYTICS_GROUP, deps=[published_warehouse], pool=POOL, kinds={"matplotlib", "png"})
def warehouse_charts(warehouse: Warehouse) -> MaterializeResult:
    """The visual summary of the published warehouse as PNG files under OGI_REPORTS_DIR (default data/reports):
    applications by year and province, outcome mix by agency kind, disclosure-rate distribution, and reports
    failing each consistency rule. Each picture is embedded in the materialisation's metadata. Skipped when
    the pictures were already drawn from the published generation."""
    paths = warehouse.paths()
    target = reports_dir(paths.warehouse)
    state, unchanged = _freshness(warehouse, target)
    if unchanged:
        return unchanged
    from ogi.analytics.charts import render_charts  # matplotlib costs a second to import: only when drawing

    charts = render_charts(paths.warehouse, target, state)
    metadata: dict[str, object] = {
        "dagster/row_count": MetadataValue.int(len(charts)),
        "files": MetadataValue.md("\n".join(f"- `{c.path}` ({c.rows} data points)" for c in charts)),
    }
    for chart in charts:
        encoded = base64.b64encode(chart.path.read_bytes()).decode("ascii")
        metadata[chart.name] = MetadataValue.md(f"![{chart.title}](data:image/png;base64,{encoded})")
        metadata[f"{chart.name}_path"] = MetadataValue.path(str(chart.path.resolve()))
    return MaterializeResult(metadata=metadata)
