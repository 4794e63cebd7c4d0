"""The published warehouse describes itself: every table, view and column has a comment."""

from __future__ import annotations

from tests.pipeline.harness import Workspace


def test_every_table_view_and_column_has_a_comment(sample_workspace: Workspace) -> None:
    objects = sample_workspace.query("""
        SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main'
        UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal
    """)
    assert len(objects) >= 29
    assert [name for name, comment in objects if not (comment or "").strip()] == []
    columns = sample_workspace.query("""
        SELECT c.table_name || '.' || c.column_name, c.comment FROM duckdb_columns() AS c
        WHERE c.schema_name = 'main' AND c.table_name IN (
            SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'
            UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal)
    """)
    assert len(columns) > 300
    assert [name for name, comment in columns if not (comment or "").strip()] == []


def test_comments_carry_chinese_labels_and_definitions(sample_workspace: Workspace) -> None:
    comment = dict(sample_workspace.query(
        "SELECT table_name || '.' || column_name, comment FROM duckdb_columns() WHERE schema_name = 'main'"))
    assert "本年新收" in comment["fact_applications.new_received"]
    assert "本机关不掌握" in comment["report_measures.not_held_rate"]
    assert "total = 0" in comment["report_measures.disclosure_rate"]
