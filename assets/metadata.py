"""Materialisation metadata every asset records: row count, column schema, a small preview."""

from __future__ import annotations

from typing import Any

import polars as pl
from dagster import MetadataValue, TableColumn, TableSchema


def markdown_preview(frame: pl.DataFrame) -> str:
    if frame.height == 0:
        return "_(no rows)_"
    header = "| " + " | ".join(frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    lines = [header, rule]
    for row in frame.iter_rows():
        cells = ["" if v is None else str(v).replace("|", "\\|").replace("\n", " ")[:60] for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def table_metadata(rows: int, columns: list[tuple[str, str]], preview: pl.DataFrame, **extra: Any) -> dict[str, Any]:
    return {
        "dagster/row_count": MetadataValue.int(rows),
        "dagster/column_schema": MetadataValue.table_schema(
            TableSchema(columns=[TableColumn(name, dtype) for name, dtype in columns])
        ),
        "preview": MetadataValue.md(markdown_preview(preview)),
        **extra,
    }


def frame_metadata(frame: pl.DataFrame, **extra: Any) -> dict[str, Any]:
    columns = [(name, str(dtype)) for name, dtype in frame.schema.items()]
    return table_metadata(frame.height, columns, frame.head(5), **extra)
