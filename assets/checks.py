"""Dagster asset checks: structural checks block publishing; report contradictions are warnings."""

from collections.abc import Sequence

from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetChecksDefinition,
    AssetCheckSeverity,
    AssetKey,
    MetadataValue,
    asset_check,
)

from assets.metadata import markdown_preview
from ogi.checks.structural import (
    FAILING_REPORTS_SQL,
    INCOMPLETE_REPORTS_SQL,
    RULE_TITLES,
    TABLE_KEYS,
    duplicate_keys,
)
from ogi.warehouse.store import connect
from pipelines.resources import Warehouse
from pipelines.settings import POOL


def _unique_key_check(table: str) -> AssetChecksDefinition:
    keys = ", ".join(TABLE_KEYS[table])

    @asset_check(asset=AssetKey(table), name="unique_key", blocking=True, pool=POOL,
                 description=f"Blocking: no two rows of {table} share ({keys}) (checked on the rows this run wrote).")
    def _check(warehouse: Warehouse) -> AssetCheckResult:
        with connect(warehouse.paths()) as con:
            duplicates = duplicate_keys(con, table)
        return AssetCheckResult(passed=duplicates.height == 0, metadata={
            "duplicate_keys": duplicates.height, "examples": MetadataValue.md(markdown_preview(duplicates))})

    return _check


@asset_check(asset=AssetKey("dim_report"), name="reports_have_their_cells", blocking=True, pool=POOL,
             description="Blocking: every report marked parsed has every cell of its templates, and no parsed or "
             "partial report has no cell at all.")
def reports_have_their_cells(warehouse: Warehouse) -> AssetCheckResult:
    with connect(warehouse.paths()) as con:
        offenders = con.sql(INCOMPLETE_REPORTS_SQL).pl()
    return AssetCheckResult(passed=offenders.height == 0, metadata={
        "offending_reports": offenders.height, "examples": MetadataValue.md(markdown_preview(offenders))})


def _rule_check(rule: str) -> AssetChecksDefinition:
    @asset_check(asset=AssetKey("check_results"), name=f"{rule}_failures", pool=POOL,
                 description=f"Warning when reports fail {rule}: {RULE_TITLES[rule]}. Reports are loaded as printed.")
    def _check(context: AssetCheckExecutionContext, warehouse: Warehouse) -> AssetCheckResult:
        with connect(warehouse.paths()) as con:
            failing = con.sql(FAILING_REPORTS_SQL, params=[rule]).pl()
            evaluated = con.execute("SELECT count(DISTINCT report_id) FROM check_results WHERE rule = ?",
                                    [rule]).fetchall()[0][0]
        return AssetCheckResult(
            passed=failing.height == 0,
            severity=AssetCheckSeverity.WARN,
            description=f"{failing.height} of {evaluated} reports fail {rule}",
            metadata={
                "failing_reports": failing.height,
                "reports_evaluated": evaluated,
                "offending_reports": MetadataValue.md(markdown_preview(failing.head(50))),
            },
        )

    return _check


asset_checks: Sequence[AssetChecksDefinition] = [
    *(_unique_key_check(table) for table in TABLE_KEYS),
    reports_have_their_cells,
    *(_rule_check(rule) for rule in RULE_TITLES),
]
