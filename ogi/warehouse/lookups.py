"""Lookup tables with the Chinese label of every key, generated from the one vocabulary in code."""

from __future__ import annotations

import duckdb
import polars as pl

from ogi.checks.operands import rule_operands
from ogi.extract.vocabulary import (
    APPLICANT_LABELS,
    APPLICANT_TYPES,
    APPLICATION_ROWS,
    PROACTIVE_TABLES,
    PROCEEDING_LABELS,
    PROCEEDINGS,
    RESULT_LABELS,
    RESULTS,
)


def _outcomes() -> pl.DataFrame:
    rows: dict[str, dict[str, object]] = {}
    # 2021 first: its order is the canonical one (2019's single 'other' row sits where 2021's group is).
    for template, specs in sorted(APPLICATION_ROWS.items(), reverse=True):
        for order, spec in enumerate(specs):
            if spec.key is None or spec.outcome_group is None:
                continue
            entry = rows.setdefault(spec.key, {"outcome": spec.key, "outcome_group": spec.outcome_group,
                                               "outcome_label": spec.label, "templates": [], "sort_order": order})
            entry["templates"].append(template)  # type: ignore[union-attr]
    return pl.DataFrame([{**r, "templates": ",".join(r["templates"])} for r in rows.values()])  # type: ignore[arg-type]


def _application_rows() -> pl.DataFrame:
    return pl.DataFrame([
        {"template": template, "row_key": spec.key, "row_label": spec.label, "sort_order": order}
        for template, specs in APPLICATION_ROWS.items() for order, spec in enumerate(specs) if spec.key
    ])


def _measures() -> pl.DataFrame:
    return pl.DataFrame([
        {"template": template, "article_item": table.article_item, "item": item.key, "item_label": item.label,
         "measure": measure.key, "measure_label": measure.label, "is_amount": measure.is_amount}
        for template, tables in PROACTIVE_TABLES.items() for table in tables
        for item in table.items for measure in table.measures
    ])


def create_lookups(con: duckdb.DuckDBPyConnection) -> None:
    frames = {
        "lookup_applicant_types": pl.DataFrame({
            "applicant_type": list(APPLICANT_TYPES),
            "applicant_type_label": [APPLICANT_LABELS[k] for k in APPLICANT_TYPES],
            "sort_order": list(range(len(APPLICANT_TYPES))),
        }),
        "lookup_outcomes": _outcomes(),
        "lookup_application_rows": _application_rows(),
        "lookup_proceedings": pl.DataFrame({"proceeding": list(PROCEEDINGS),
                                            "proceeding_label": [PROCEEDING_LABELS[p] for p in PROCEEDINGS]}),
        "lookup_results": pl.DataFrame({"result": list(RESULTS), "result_label": [RESULT_LABELS[r] for r in RESULTS]}),
        "lookup_proactive_measures": _measures(),
        "check_rule_operands": rule_operands(),
    }
    for name, frame in frames.items():
        con.register("_lookup_frame", frame)
        con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM _lookup_frame")
        con.unregister("_lookup_frame")
