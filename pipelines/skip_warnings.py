"""Silence one misleading Dagster warning about the steps a run with nothing new skips.

When parsed_reports materializes nothing, Dagster skips every step after it, and for each skipped step that
carries a blocking asset check it logs that the check "emitted no result … downstream step … will proceed
without gating on it", though that downstream step is skipped too. A step of ours that runs always emits its
check results (assets/tables.py, assets/checks.py), so here the warning only ever describes a skip."""

from __future__ import annotations

import logging

_DAGSTER_PLAN_LOGGER = "dagster._core.execution.plan.active"


class _SkippedCheckWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "emitted no result in step" not in record.getMessage()


def quiet_skipped_check_warnings() -> None:
    logger = logging.getLogger(_DAGSTER_PLAN_LOGGER)
    if not any(isinstance(existing, _SkippedCheckWarning) for existing in logger.filters):
        logger.addFilter(_SkippedCheckWarning())
