"""Dagster asset checks: structural checks block publishing; report contradictions are warnings.
(Each table's unique-key check runs inside its asset: assets/tables.py.)"""

from collections.abc import Iterator, Sequence

import polars as pl
from dagster import (
    AssetCheckResult,
    AssetChecksDefinition,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetKey,
    MetadataValue,
    asset_check,
    multi_asset_check,
)

from assets.metadata import markdown_preview
from ogi.checks.structural import (
    FAILING_REPORTS_SQL,
    INCOMPLETE_REPORTS_SQL,
    RULE_TITLES,
)
from ogi.warehouse.store import connect
from pipelines.resources import Warehouse
from pipelines.settings import POOL


@asset_check(asset=AssetKey("dim_report"), name="reports_have_their_cells", blocking=True, pool=POOL,
             description="Blocking: every report marked parsed has every cell of its templates, and no parsed or "
             "partial report has no cell at all.")
def reports_have_their_cells(warehouse: Warehouse) -> AssetCheckResult:
    with connect(warehouse.paths()) as con:
        offenders = con.sql(INCOMPLETE_REPORTS_SQL).pl()
    return AssetCheckResult(passed=offenders.height == 0, metadata={
        "offending_reports": offenders.height, "examples": MetadataValue.md(markdown_preview(offenders))})


@multi_asset_check(
    specs=[AssetCheckSpec(f"{rule}_failures", asset="check_results",
                          description=f"Warning when reports fail {rule}: {title}. Reports are loaded as printed.")
           for rule, title in RULE_TITLES.items()],
    pool=POOL,
)
def rule_failures(warehouse: Warehouse) -> Iterator[AssetCheckResult]:
    """One step and one query for all the rule checks (a step per check cost ~0.15 s each)."""
    with connect(warehouse.paths()) as con:
        evaluated = dict(con.sql("SELECT rule, count(DISTINCT report_id) FROM check_results GROUP BY rule").fetchall())
        failing_by_rule = con.sql(FAILING_REPORTS_SQL).pl()
    for rule in RULE_TITLES:
        failing = failing_by_rule.filter(pl.col("rule") == rule).drop("rule")
        yield AssetCheckResult(
            asset_key=AssetKey("check_results"),
            check_name=f"{rule}_failures",
            passed=failing.height == 0,
            severity=AssetCheckSeverity.WARN,
            description=f"{failing.height} of {evaluated.get(rule, 0)} reports fail {rule}",
            metadata={
                "failing_reports": failing.height,
                "reports_evaluated": evaluated.get(rule, 0),
                "offending_reports": MetadataValue.md(markdown_preview(failing.head(50))),
            },
        )


asset_checks: Sequence[AssetChecksDefinition] = [reports_have_their_cells, rule_failures]
