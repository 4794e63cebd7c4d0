"""The job's analytics assets: Parquet export per partition and non-empty PNG charts."""

from __future__ import annotations

import pyarrow.dataset as ds

from ogi.analytics.freshness import export_dir, rendered_state, reports_dir
from tests.pipeline.harness import Workspace

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_parquet_export_matches_every_table_and_view(sample_workspace: Workspace) -> None:
    root = export_dir(sample_workspace.warehouse)
    assert root == sample_workspace.warehouse.parent.parent / "export"
    objects = sample_workspace.query("""
        SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'
        UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal
    """)
    assert {p.name for p in root.iterdir() if not p.name.startswith(".")} == {name for (name,) in objects}
    for (name,) in objects:
        rows = sample_workspace.query(f"SELECT count(*) FROM {name}")[0][0]
        dataset = ds.dataset(root / name, format="parquet", partitioning="hive")
        assert dataset.count_rows() == rows, name
    for name in ("dim_report", "fact_outcomes", "report_summary", "check_results"):
        years = {y for (y,) in sample_workspace.query(
            f"SELECT DISTINCT d.report_year FROM {name} JOIN dim_report AS d USING (report_id)")}
        assert {p.name for p in (root / name).iterdir()} == {f"report_year={y}" for y in years}
        for year in years:
            assert list((root / name / f"report_year={year}").glob("*.parquet"))
    assert [p.name for p in (root / "lookup_outcomes").iterdir()] == ["part-0.parquet"]
    assert not list(root.parent.glob(".export.*.tmp"))


def test_charts_are_non_empty_pngs(sample_workspace: Workspace) -> None:
    pictures = sorted(reports_dir(sample_workspace.warehouse).glob("*.png"))
    assert [p.stem for p in pictures] == ["applications_by_year_province", "disclosure_rate_distribution",
                                          "outcome_mix_by_agency_kind", "rule_failures"]
    for picture in pictures:
        data = picture.read_bytes()
        assert data.startswith(PNG_MAGIC) and len(data) > 10_000, picture.name


def test_a_run_with_nothing_new_does_not_redo_them(sample_workspace: Workspace) -> None:
    export, charts = export_dir(sample_workspace.warehouse), reports_dir(sample_workspace.warehouse)
    state = rendered_state(export)
    assert state is not None and state.startswith("generation ") and rendered_state(charts) == state
    before = {p: p.stat().st_mtime_ns for folder in (export, charts) for p in folder.rglob("*") if p.is_file()}
    sample_workspace.run(analytics=True)
    after = {p: p.stat().st_mtime_ns for folder in (export, charts) for p in folder.rglob("*") if p.is_file()}
    assert after == before
