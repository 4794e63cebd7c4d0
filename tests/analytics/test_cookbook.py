"""docs/cookbook.md shows the actual result of every sql/cookbook query on the sample warehouse."""

from __future__ import annotations

import importlib.util

import duckdb

from tests.conftest import ROOT
from tests.pipeline.harness import Workspace

_spec = importlib.util.spec_from_file_location("build_cookbook", ROOT / "docs" / "build_cookbook.py")
assert _spec and _spec.loader
build_cookbook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_cookbook)


def test_cookbook_has_a_query_per_measure() -> None:
    assert len(build_cookbook.queries()) >= 8


def test_documented_outputs_match_fresh_results(sample_workspace: Workspace) -> None:
    documented = build_cookbook.documented_outputs(build_cookbook.COOKBOOK_MD.read_text(encoding="utf-8"))
    assert set(documented) == {p.stem for p in build_cookbook.queries()}, "rebuild: python docs/build_cookbook.py"
    con = duckdb.connect(str(sample_workspace.warehouse), read_only=True)
    try:
        for path in build_cookbook.queries():
            fresh = build_cookbook.run(con, path.read_text(encoding="utf-8"))
            assert fresh == documented[path.stem], f"{path.name}: rebuild docs/cookbook.md"
            assert fresh.count("\n") >= 2, f"{path.name} returns no row"
    finally:
        con.close()


def test_pooled_queries_count_an_agency_year_once_and_drop_unknown_operands(
        sample_workspace: Workspace, tmp_path) -> None:
    """A re-issue of 001 (same agency and year) and NULL cells in 002: the pooled cookbook queries sum one report
    per agency-year and leave an agency-year with an unknown operand out of numerator and denominator alike."""
    import shutil

    path = tmp_path / "pooled.duckdb"
    shutil.copyfile(sample_workspace.warehouse, path)
    con = duckdb.connect(str(path))
    try:
        ids = dict(con.sql("SELECT left(source_path, 3), report_id FROM dim_report").fetchall())
        first, second = ids["001"], ids["002"]
        for table in ("dim_report", "fact_applications", "fact_outcomes", "fact_litigation", "report_cells"):
            # the re-issue: 001's rows under another id, published later
            con.execute(f"INSERT INTO {table} SELECT * REPLACE ('reissue' AS report_id) FROM {table} "
                        "WHERE report_id = ?", [first])
        con.execute("UPDATE dim_report SET published_on = published_on - 1 WHERE report_id = ?", [first])

        def outcome(report: str, key: str, value: int | None) -> None:
            con.execute("UPDATE fact_outcomes SET applications = ? WHERE report_id = ? AND outcome = ? "
                        "AND applicant_type = 'total'", [value, report, key])

        def review(report: str, result: str, value: int | None) -> None:
            con.execute("UPDATE fact_litigation SET cases = ? WHERE report_id = ? AND proceeding = "
                        "'administrative_review' AND result = ?", [value, report, result])

        for report in (first, "reissue"):
            outcome(report, "denied_state_secret", 2)
            outcome(report, "denied_internal_affairs", 2)
            review(report, "total", 4)
            review(report, "corrected", 1)
        outcome(second, "denied_state_secret", None)  # blank: 002's denial total is unknown
        outcome(second, "denied_internal_affairs", 5)
        review(second, "total", 6)  # 002's corrected count is unknown
        review(second, "corrected", None)
        query = (ROOT / "sql" / "cookbook" / "03_denial_reason_mix.sql").read_text(encoding="utf-8")
        shares = {row[0]: row[3:6] for row in con.sql(query).fetchall()}
        assert shares["denied_state_secret"] == (2, 4, 0.5) and shares["denied_internal_affairs"] == (2, 4, 0.5)
        query = (ROOT / "sql" / "cookbook" / "07_correction_rate.sql").read_text(encoding="utf-8")
        zhejiang = [row[2:5] for row in con.sql(query).fetchall() if row[0] == "浙江省" and row[1] == 2020]
        assert zhejiang == [(1, 4, 0.25)]
        query = (ROOT / "sql" / "cookbook" / "08_comparable_outcomes.sql").read_text(encoding="utf-8")
        totals = {(row[0], row[2]): row[4:6] for row in con.sql(query).fetchall()}
        assert totals[(2020, "total")][1] == 4  # agency-years of 2020: 000, 001 (not twice), 002, 004
    finally:
        con.close()
