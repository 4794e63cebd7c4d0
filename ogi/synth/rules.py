"""Consistency rules C1–C4 (FORMAT.md §8.1) on printed numbers, for synthetic reports.

Cells are keyed as the warehouse keys them: (section, row_key, col_key). NULL operands (blank, dash,
slash, 无) count as 0. The result is the set of (rule, scope) pairs that fail.
"""

from __future__ import annotations

from collections.abc import Mapping

from ogi.extract.vocabulary import APPLICANT_TYPES, APPLICATION_ROWS, PROCEEDINGS

Key = tuple[str, str, str]
APPLICANTS = APPLICANT_TYPES[:6]
INTAKE = ("new_received", "carried_over", "carried_forward")
APPLICATION_KEYS: dict[str, tuple[str, ...]] = {
    template: tuple(row.key for row in rows if row.key is not None) for template, rows in APPLICATION_ROWS.items()
}
OUTCOME_KEYS: dict[str, tuple[str, ...]] = {
    template: tuple(k for k in keys if k not in INTAKE and k != "total") for template, keys in APPLICATION_KEYS.items()
}


def broken_rules(cells: Mapping[Key, int | float | None], template: str) -> set[tuple[str, str]]:
    """Every (rule, scope) of C1–C4 that the printed numbers violate."""

    def a(row: str, col: str) -> float:
        value = cells.get(("applications", row, col))
        return 0 if value is None else value

    broken: set[tuple[str, str]] = set()
    for col in APPLICANT_TYPES:
        if a("new_received", col) + a("carried_over", col) != a("total", col) + a("carried_forward", col):
            broken.add(("C1", col))
        if a("total", col) != sum(a(row, col) for row in OUTCOME_KEYS[template]):
            broken.add(("C2", col))
    for row in APPLICATION_KEYS[template]:
        if a(row, "total") != sum(a(row, col) for col in APPLICANTS):
            broken.add(("C3", row))
    for proceeding in PROCEEDINGS:
        values = [cells.get(("litigation", proceeding, r)) or 0 for r in ("upheld", "corrected", "other", "pending")]
        if (cells.get(("litigation", proceeding, "total")) or 0) != sum(values):
            broken.add(("C4", proceeding))
    return broken
