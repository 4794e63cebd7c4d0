"""Turn an extraction into the shape of seeds/expected/*.json for comparisons."""

from __future__ import annotations

from typing import Any

import polars as pl

from ogi.extract.model import ExtractedReport
from ogi.extract.values import read_value


def classify_values(cells: pl.DataFrame) -> pl.DataFrame:
    """Add ``value_kind``, ``value`` (Float64) and ``unit`` to a frame with ``norm_text``, ``col_key`` and
    optionally ``header_unit``: ``read_value`` of each row, as the parse workers read their cells."""
    units = cells.get_column("header_unit") if "header_unit" in cells.columns else [None] * cells.height
    readings = [read_value(text, col_key, unit) for text, col_key, unit
                in zip(cells.get_column("norm_text"), cells.get_column("col_key"), units, strict=True)]
    return cells.with_columns(
        pl.Series("value_kind", [r[0] for r in readings], dtype=pl.String),
        pl.Series("value", [r[1] for r in readings], dtype=pl.Float64),
        pl.Series("unit", [r[2] for r in readings], dtype=pl.String),
    )


def cell_frame(report: ExtractedReport) -> pl.DataFrame:
    frame = pl.DataFrame(
        {
            "section": [c.section for c in report.cells],
            "row_key": [c.row_key for c in report.cells],
            "col_key": [c.col_key for c in report.cells],
            "raw_text": [c.raw_text for c in report.cells],
            "norm_text": [c.norm_text for c in report.cells],
            "header_unit": [c.header_unit for c in report.cells],
        },
        schema={"section": pl.String, "row_key": pl.String, "col_key": pl.String, "raw_text": pl.String,
                "norm_text": pl.String, "header_unit": pl.String},
    )
    return classify_values(frame)


def cell_values(report: ExtractedReport) -> dict[tuple[str, str, str], Any]:
    """(section, row_key, col_key) → value as the warehouse stores it (int counts, float amounts, None)."""
    values: dict[tuple[str, str, str], Any] = {}
    for row in cell_frame(report).iter_rows(named=True):
        value = row["value"]
        if row["section"] != "proactive" and value is not None:
            value = int(value) if value == int(value) else None
        values[(row["section"], row["row_key"], row["col_key"])] = value
    return values


def expected_values(expected: dict) -> dict[tuple[str, str, str], Any]:
    values: dict[tuple[str, str, str], Any] = {}
    for row in expected["fact_applications"]:
        for key in ("new_received", "carried_over", "carried_forward"):
            values[("applications", key, row["applicant_type"])] = row[key]
    for row in expected["fact_outcomes"]:
        values[("applications", row["outcome"], row["applicant_type"])] = row["applications"]
    for row in expected["fact_litigation"]:
        values[("litigation", row["proceeding"], row["result"])] = row["cases"]
    for row in expected["fact_proactive_disclosure"]:
        values[("proactive", row["item"], row["measure"])] = row["value"]
    return values
