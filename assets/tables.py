"""Warehouse tables: each merges the staged batch with its file in sql/tables (WAREHOUSE.md contract)."""

from __future__ import annotations

from collections.abc import Sequence

from dagster import (
    AssetCheckResult,
    AssetCheckSpec,
    AssetKey,
    AssetsDefinition,
    MaterializeResult,
    MetadataValue,
    asset,
)

from assets.ingest import parsed_reports
from assets.metadata import markdown_preview, table_metadata
from ogi.checks.structural import TABLE_KEYS
from ogi.ingest.steps import apply_staged
from pipelines.resources import Warehouse
from pipelines.settings import POOL

_DESCRIPTIONS = {
    "report_sources": "Every file a report was read from (several names or encodings may hold one report).",
    "dim_agency": "One row per publishing agency, placed in China's administrative divisions.",
    "dim_report": "One row per distinct report: agency, data year, template, parse status.",
    "report_cells": "Provenance: every table cell read, with its printed text, value kind and line number.",
    "fact_applications": "Section 三 intake and backlog per applicant type (new, carried over, carried forward).",
    "fact_outcomes": "Section 三 outcomes per applicant type (granted, denied reasons, unable, not processed …).",
    "fact_litigation": "Section 四 administrative review and litigation results.",
    "fact_proactive_disclosure": "Section 二 proactive disclosure items and measures (amounts in 万元).",
    "report_texts": "Decoded text of HTML/Word reports, which report_cells line numbers refer to.",
    "ingest_issues": "Every problem met while reading: bad files, unplaced cells, duplicates, each with a sentence.",
    "check_results": "Consistency rules C1–C5 (hard) and S1–S5 (soft) per report, evaluated on what was printed.",
}
_UPSTREAM = {
    "fact_applications": ["report_cells"],
    "fact_outcomes": ["report_cells"],
    "fact_litigation": ["report_cells"],
    "fact_proactive_disclosure": ["report_cells"],
    "dim_report": ["dim_agency"],
    "ingest_issues": ["report_sources"],
    # report_sources: the soft rules ignore reports that no file points to any more.
    "check_results": ["fact_applications", "fact_litigation", "fact_proactive_disclosure", "dim_report",
                      "report_sources"],
}


def _unique_key_spec(table: str) -> list[AssetCheckSpec]:
    if table not in TABLE_KEYS:
        return []
    keys = ", ".join(TABLE_KEYS[table])
    return [AssetCheckSpec("unique_key", asset=table, blocking=True,
                           description=f"Blocking: no two rows of {table} share ({keys}) (checked on the rows this "
                           "run wrote).")]


def _table_asset(table: str) -> AssetsDefinition:
    deps: Sequence[AssetKey] = [parsed_reports.key, *(AssetKey(name) for name in _UPSTREAM.get(table, []))]

    # The key check runs in the asset's own step: a separate step per check cost ~0.15 s each, on every run.
    @asset(name=table, group_name="warehouse", pool=POOL, deps=deps, kinds={"duckdb", "sql"},
           check_specs=_unique_key_spec(table),
           description=f"{_DESCRIPTIONS[table]} Loaded by sql/tables/{table}.sql.")
    def _load(warehouse: Warehouse) -> MaterializeResult:
        summary = apply_staged(warehouse.paths(), table)
        checks: list[AssetCheckResult] = []
        if (duplicates := summary.duplicate_keys) is not None:
            checks.append(AssetCheckResult(check_name="unique_key", passed=duplicates.height == 0, metadata={
                "duplicate_keys": duplicates.height, "examples": MetadataValue.md(markdown_preview(duplicates))}))
        return MaterializeResult(metadata=table_metadata(summary.rows, summary.columns, summary.preview),
                                 check_results=checks)

    return _load


WAREHOUSE_TABLES: tuple[str, ...] = tuple(_DESCRIPTIONS)
table_assets: list[AssetsDefinition] = [_table_asset(name) for name in WAREHOUSE_TABLES]
