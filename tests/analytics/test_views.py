"""The analytical views return the documented values on the sample corpus (FORMAT.md §11, shared/seeds/expected)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from ogi.warehouse.store import VIEWS
from tests.conftest import load_expected
from tests.pipeline.harness import Workspace

EXPECTED = {e["source_path"]: e for e in load_expected()}


def _by_source(workspace: Workspace, sql: str) -> dict[str, tuple]:
    return {r[0]: r[1:] for r in workspace.query(sql)}


def _expected_total(report: dict, section: str, key: str, value: str) -> int | None:
    for row in report[section]:
        if row["applicant_type"] == "total" and row.get("outcome", key) == key:
            return row[value] if section == "fact_outcomes" else row[key]
    raise KeyError(key)


def test_every_view_exists_and_answers(sample_workspace: Workspace) -> None:
    for view in VIEWS:
        assert sample_workspace.query(f"SELECT count(*) FROM {view}")[0][0] >= 0


def test_report_summary_headline_matches_hand_read_values(sample_workspace: Workspace) -> None:
    rows = _by_source(sample_workspace, "SELECT source_path, agency_name, province, report_year, template, "
                      "new_received, carried_over, granted, total, carried_forward FROM report_summary")
    assert set(rows) == set(EXPECTED)
    for source, expected in EXPECTED.items():
        agency, province, year, template, new, carried, granted, total, forward = rows[source]
        assert (agency, province, year, template) == (expected["agency_name"], expected["province"],
                                                      expected["report_year"], expected["template"])
        assert new == _expected_total(expected, "fact_applications", "new_received", "")
        assert carried == _expected_total(expected, "fact_applications", "carried_over", "")
        assert forward == _expected_total(expected, "fact_applications", "carried_forward", "")
        assert granted == _expected_total(expected, "fact_outcomes", "granted", "applications")
        assert total == _expected_total(expected, "fact_outcomes", "total", "applications")


def test_report_summary_hand_checked_numbers(sample_workspace: Workspace) -> None:
    rows = _by_source(sample_workspace, "SELECT source_path, new_received, carried_over, granted, not_processed, "
                      "other, total, review_total, litigation_total, hard_checks_failed, hard_rules_failed "
                      "FROM report_summary")
    # 001: 4 new + 1 carried over = 5 handled: 4 granted + 1 重复申请; consistent.
    assert rows["001_f10c6ced2bff11ee.txt"] == (4, 1, 4, 1, 0, 5, 0, 0, 0, [])
    # 004: 1 new, （七）总计 1 with every outcome row 0 → fails C1 and C2 (FORMAT.md §8.1).
    assert rows["004_993ea28ec35e0d8d.txt"][:6] == (1, 0, 0, 0, 0, 1)
    assert rows["004_993ea28ec35e0d8d.txt"][-1] == ["C1", "C2"]
    # 002: new_received 0,0,8,0,0,0,0 → C1 (research_institution) and C3 fail.
    assert rows["002_0f1794d3cae041d2.txt"][-1] == ["C1", "C3"]


def test_report_measures_rates_and_zero_denominators(sample_workspace: Workspace) -> None:
    rows = _by_source(sample_workspace, "SELECT source_path, disclosure_rate_granted, disclosure_rate, "
                      "substantive_total, disclosure_rate_substantive, not_held_rate, backlog_rate, "
                      "review_intensity, review_correction_rate, discretionary_denial_share FROM report_measures")
    # 001: 4/5 granted; substantive = 4 / (5 − 1 not processed − 0 other) = 1.
    assert rows["001_f10c6ced2bff11ee.txt"] == (0.8, 0.8, 4, 1.0, 0.0, 0.0, 0.0, None, None)
    # 004: total 1, nothing granted → 0, not NULL.
    assert rows["004_993ea28ec35e0d8d.txt"][:2] == (0.0, 0.0)
    # 000: no application at all → every rate undefined (NULL), never 0.
    assert rows["000_746ea976d873778e.txt"] == (None, None, 0, None, None, None, None, None, None)


def test_agency_year_measures_pool_reports(sample_workspace: Workspace) -> None:
    rows = sample_workspace.query("SELECT agency_name, report_year, reports, caseload, disclosure_rate "
                                  "FROM agency_year_measures ORDER BY agency_name")
    assert len(rows) == 5 and all(r[2] == 1 for r in rows)
    assert ("宁海县力洋镇人民政府", 2020, 1, 5, 0.8) in rows


def test_unplaced_agencies_are_not_pooled(tmp_path: Path) -> None:
    """Two reports of one year whose agencies cannot be placed (a bare 统计局, a bare 民政局): two rows in the
    agency-year views, never one row summing two unrelated agencies."""
    from tests.conftest import RAW_SAMPLES

    sample = (RAW_SAMPLES / "001_f10c6ced2bff11ee.txt").read_text(encoding="utf-8")
    workspace = Workspace(tmp_path / "raw", tmp_path / "warehouse" / "ogi.duckdb")
    workspace.raw.mkdir()
    title = sample.split("\n", 1)[0]
    for index, name in enumerate(("统计局", "民政局")):
        text = sample.replace(title, f"{name}2020年政府信息公开工作年度报告", 1).replace("\t4\n", f"\t{4 + index}\n", 1)
        for place in ("宁海县", "力洋镇", "宁海", "力洋"):  # no evidence left to place the bare name with
            text = text.replace(place, "")
        (workspace.raw / f"{index}.txt").write_text(text, encoding="utf-8")
    workspace.run()
    assert workspace.query("SELECT count(*), count(agency_id) FROM dim_report") == [(2, 0)]
    rows = workspace.query("SELECT agency_name, reports FROM agency_year_measures ORDER BY agency_name")
    assert rows == [("民政局", 1), ("统计局", 1)]
    assert workspace.query("SELECT count(*), max(reports) FROM agency_year_denial_reason_mix") == [(16, 1)]


def test_comparable_other_is_sum_of_2021_other_rows(sample_workspace: Workspace) -> None:
    rows = sample_workspace.query("""
        SELECT c.applicant_type, c.applications, c.source_outcomes,
               (SELECT sum(applications) FROM fact_outcomes AS f WHERE f.report_id = c.report_id
                  AND f.applicant_type = c.applicant_type AND f.outcome LIKE 'other_%')
        FROM outcomes_comparable AS c WHERE c.template = '2021' AND c.outcome = 'other'
    """)
    assert len(rows) == 7
    for _, applications, sources, summed in rows:
        assert sources == ["other_no_correction", "other_fee_unpaid", "other_misc"]
        assert applications == summed
    outcomes_2021 = {r[0] for r in sample_workspace.query(
        "SELECT DISTINCT outcome FROM outcomes_comparable WHERE template = '2021'")}
    outcomes_2019 = {r[0] for r in sample_workspace.query(
        "SELECT DISTINCT outcome FROM outcomes_comparable WHERE template = '2019'")}
    assert outcomes_2021 == outcomes_2019  # one vocabulary


def test_denial_mix_and_rule_failures(sample_workspace: Workspace) -> None:
    mix = sample_workspace.query("SELECT denial_class, count(*) FROM denial_reason_mix GROUP BY ALL ORDER BY 1")
    assert mix == [("discretionary", 15), ("mandatory", 20), ("query", 5)]  # 5 reports × 8 reasons
    assert sample_workspace.query("SELECT count(*) FROM denial_reason_mix WHERE share IS NOT NULL")[0][0] == 0
    failures = {r[0]: r[1:] for r in sample_workspace.query(
        "SELECT rule, reports_checked, reports_failed FROM rule_failures")}
    assert failures["C1"] == (5, 2) and failures["C2"] == (5, 1) and failures["C3"] == (5, 1)
    assert failures["C4"] == (5, 0)


@pytest.fixture()
def partial_copy(sample_workspace: Workspace, tmp_path: Path) -> duckdb.DuckDBPyConnection:
    """The sample warehouse with 001 made partial: one denial cell not placed, one outcome cell printed '—'."""
    path = tmp_path / "partial.duckdb"
    shutil.copyfile(sample_workspace.warehouse, path)
    con = duckdb.connect(str(path))
    rid = con.sql("SELECT report_id FROM dim_report WHERE source_path LIKE '001%'").fetchall()[0][0]
    con.execute("DELETE FROM fact_outcomes WHERE report_id = ? AND outcome = 'denied_state_secret' "
                "AND applicant_type = 'total'", [rid])
    con.execute("UPDATE fact_outcomes SET applications = NULL WHERE report_id = ? AND outcome = 'not_processed_publication' "
                "AND applicant_type = 'total'", [rid])
    con.execute("UPDATE dim_report SET parse_status = 'partial' WHERE report_id = ?", [rid])
    yield con
    con.close()


def test_partial_reports_give_null_not_zero(partial_copy: duckdb.DuckDBPyConnection) -> None:
    where = "WHERE source_path LIKE '001%'"
    denied, not_processed, granted, total = partial_copy.sql(
        f"SELECT denied, not_processed, granted, total FROM report_summary {where}").fetchall()[0]
    assert (denied, not_processed, granted, total) == (None, None, 4, 5)
    rates = partial_copy.sql(f"SELECT disclosure_rate, substantive_total, disclosure_rate_substantive, "
                             f"discretionary_denial_share FROM report_measures {where}").fetchall()[0]
    assert rates == (0.8, None, None, None)  # (b) still defined; (c) needs not_processed
    grid = partial_copy.sql("SELECT placed, applications FROM outcome_grid JOIN dim_report USING (report_id) "
                            f"{where} AND outcome = 'denied_state_secret' AND applicant_type = 'total'").fetchall()
    assert grid == [(False, None)]
    printed = partial_copy.sql("SELECT applications, applications_printed, cells_expected, cells_counted "
                               "FROM outcome_groups JOIN dim_report USING (report_id) "
                               f"{where} AND outcome_group = 'not_processed' AND applicant_type = 'total'").fetchall()
    assert printed == [(None, 1, 5, 4)]


def test_an_agency_year_with_several_reports_takes_the_most_complete_never_their_sum(tmp_path: Path) -> None:
    """A re-issue with other numbers and a download cut off in section 三, beside the full report: the
    agency-year views use the full report's numbers, not a sum of three reports, and list the others."""
    from tests.conftest import RAW_SAMPLES

    sample = (RAW_SAMPLES / "001_f10c6ced2bff11ee.txt").read_text(encoding="utf-8")
    workspace = Workspace(tmp_path / "raw", tmp_path / "warehouse" / "ogi.duckdb")
    workspace.raw.mkdir()
    (workspace.raw / "full.txt").write_text(sample, encoding="utf-8")
    cut = sample.index("（三）不予公开")
    (workspace.raw / "cut.txt").write_text(sample[:cut], encoding="utf-8")
    workspace.run()
    rows = workspace.query("SELECT report_id, parse_status FROM dim_report ORDER BY parse_status")
    assert [status for _, status in rows] == ["parsed", "partial"]
    full_id, cut_id = rows[0][0], rows[1][0]
    measures = workspace.query("SELECT reports, report_id, other_report_ids, new_received, total, disclosure_rate "
                               "FROM agency_year_measures")
    assert measures == [(2, full_id, [cut_id], 4, 5, 0.8)]
    assert workspace.query("SELECT DISTINCT report_id, reports FROM agency_year_denial_reason_mix") == [(full_id, 2)]
