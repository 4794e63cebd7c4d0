"""Analyst-facing outputs of the published warehouse: Parquet export and chart rendering (no Dagster)."""
