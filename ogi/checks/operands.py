"""The operands of the hard rules C1–C4 (FORMAT.md §8.1), one row per cell a rule reads.

Each rule instance (rule, scope) compares two sides: ``expected`` and ``actual``. Generating the operand
list from the template vocabulary keeps the rules in one place and lets one SQL statement evaluate all
of them (sql/tables/check_results.sql).
"""

from __future__ import annotations

import polars as pl

from ogi.extract.vocabulary import APPLICANT_TYPES, APPLICATION_ROWS, PROCEEDINGS

_SIX = APPLICANT_TYPES[:6]


def _rows(template: str) -> list[str]:
    return [spec.key for spec in APPLICATION_ROWS[template] if spec.key]


def _outcome_rows(template: str) -> list[str]:
    return [spec.key for spec in APPLICATION_ROWS[template] if spec.key and spec.outcome_group not in (None, "total")]


def rule_operands() -> pl.DataFrame:
    rows: list[tuple[str, str, str, str, str, str, str]] = []  # template, rule, scope, section, row, col, side

    def add(template: str, rule: str, scope: str, section: str, row: str, col: str, side: str) -> None:
        rows.append((template, rule, scope, section, row, col, side))

    for template in APPLICATION_ROWS:
        for column in APPLICANT_TYPES:
            # C1: new_received + carried_over = total + carried_forward, per column.
            add(template, "C1", column, "applications", "new_received", column, "expected")
            add(template, "C1", column, "applications", "carried_over", column, "expected")
            add(template, "C1", column, "applications", "total", column, "actual")
            add(template, "C1", column, "applications", "carried_forward", column, "actual")
            # C2: total = sum of every outcome row, per column.
            add(template, "C2", column, "applications", "total", column, "expected")
            for outcome in _outcome_rows(template):
                add(template, "C2", column, "applications", outcome, column, "actual")
        for row in _rows(template):
            # C3: the total column = the six applicant columns, per row.
            add(template, "C3", row, "applications", row, "total", "expected")
            for column in _SIX:
                add(template, "C3", row, "applications", row, column, "actual")
        for proceeding in PROCEEDINGS:
            # C4: total = upheld + corrected + other + pending, per proceeding.
            add(template, "C4", proceeding, "litigation", proceeding, "total", "expected")
            for result in ("upheld", "corrected", "other", "pending"):
                add(template, "C4", proceeding, "litigation", proceeding, result, "actual")
    return pl.DataFrame(rows, schema=["template", "rule", "scope", "section", "row_key", "col_key", "side"], orient="row")
