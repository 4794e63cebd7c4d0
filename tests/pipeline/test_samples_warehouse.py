"""The whole pipeline on the sample corpus: every hand-read value is in the warehouse, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from dagster import ExecuteInProcessResult

from ogi import PARSER_VERSION
from ogi.agency import DIVISIONS_VINTAGE
from ogi.checks.structural import RULE_TITLES
from tests.conftest import load_expected
from tests.pipeline.harness import Workspace, assert_facts_match, workspace_with_samples

EXPECTED = load_expected()


@pytest.fixture(scope="module")
def loaded_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, ExecuteInProcessResult]:
    workspace = workspace_with_samples(tmp_path_factory.mktemp("samples"))
    return workspace, workspace.run()


@pytest.fixture(scope="module")
def loaded(loaded_run: tuple[Workspace, ExecuteInProcessResult]) -> Workspace:
    return loaded_run[0]


def _report_id(workspace: Workspace, source_path: str) -> str:
    return workspace.query("SELECT report_id FROM report_sources WHERE source_path = ?", [source_path])[0][0]


@pytest.mark.parametrize("expected", EXPECTED, ids=[e["source_path"][:3] for e in EXPECTED])
def test_expected_values_are_in_the_warehouse(loaded: Workspace, expected: dict) -> None:
    rid = _report_id(loaded, expected["source_path"])
    report = loaded.query("SELECT report_year, template, agency_name, CAST(published_on AS VARCHAR), parse_status "
                          "FROM dim_report WHERE report_id = ?", [rid])[0]
    assert report == (expected["report_year"], expected["template"], expected["agency_name"],
                      expected["published_on"], "parsed")
    assert_facts_match(loaded, rid, expected)


def test_report_cells_trace_every_fact_to_its_line(loaded: Workspace) -> None:
    rid = _report_id(loaded, "004_993ea28ec35e0d8d.txt")
    rows = loaded.query("SELECT raw_text, value, value_kind, line_no FROM report_cells WHERE report_id = ? AND "
                        "section = 'proactive' AND row_key = 'administrative_licensing' ORDER BY line_no", [rid])
    assert rows == [("0", 0.0, "number", 28), ("0", 0.0, "number", 29), ("—", None, "dash", 30)]
    line = (Path(loaded.raw) / "004_993ea28ec35e0d8d.txt").read_text(encoding="utf-8").split("\n")[29]
    assert line.startswith("—")


def test_consistency_rules_flag_exactly_the_known_contradictions(loaded: Workspace) -> None:
    failed = loaded.query("""
        SELECT d.source_path[:3], c.rule, c.scope FROM check_results c JOIN dim_report d USING (report_id)
        WHERE c.severity = 'error' AND NOT c.passed ORDER BY ALL""")
    assert failed == [
        ("002", "C1", "research_institution"), ("002", "C3", "new_received"),
        ("004", "C1", "commercial_enterprise"), ("004", "C1", "natural_person"),
        ("004", "C2", "commercial_enterprise"), ("004", "C2", "total"),
    ]
    unevaluated = loaded.query("SELECT count(*) FROM check_results WHERE rule LIKE 'C%' AND passed IS NULL")
    assert unevaluated == [(0,)]
    failing = loaded.query("SELECT source_path[:3], rules_failed FROM failing_reports ORDER BY 1")
    assert failing == [("002", ["C1", "C3"]), ("004", ["C1", "C2"])]


def test_rule_checks_name_the_failing_reports(loaded_run: tuple[Workspace, ExecuteInProcessResult]) -> None:
    """The eight rule checks (one step, one query) each see exactly their rule's failing reports."""
    workspace, result = loaded_run
    evaluations = {e.asset_check_key.name: e for e in result.get_asset_check_evaluations()
                   if e.asset_key.path == ["check_results"] and e.asset_check_key.name != "unique_key"}
    assert set(evaluations) == {f"{rule}_failures" for rule in RULE_TITLES}
    for rule in RULE_TITLES:
        expected = [path for (path,) in workspace.query(
            "SELECT DISTINCT d.source_path FROM check_results c JOIN dim_report d USING (report_id) "
            "WHERE c.rule = ? AND NOT c.passed ORDER BY 1", [rule])]
        evaluation = evaluations[f"{rule}_failures"]
        assert evaluation.metadata["failing_reports"].value == len(expected), rule
        assert evaluation.passed == (not expected), rule
        listed = evaluation.metadata["offending_reports"].value
        assert all(path in listed for path in expected), rule
    assert evaluations["C1_failures"].metadata["failing_reports"].value == 2
    assert evaluations["C2_failures"].metadata["failing_reports"].value == 1
    assert evaluations["C3_failures"].metadata["failing_reports"].value == 1
    assert evaluations["C4_failures"].passed and evaluations["C5_failures"].passed


def test_numbers_are_loaded_as_printed_even_when_inconsistent(loaded: Workspace) -> None:
    rid = _report_id(loaded, "004_993ea28ec35e0d8d.txt")
    assert loaded.query("SELECT applications FROM fact_outcomes WHERE report_id = ? AND outcome = 'total' AND "
                        "applicant_type = 'commercial_enterprise'", [rid]) == [(1,)]


@pytest.mark.parametrize("expected", EXPECTED, ids=[e["source_path"][:3] for e in EXPECTED])
def test_agencies_are_placed_as_hand_read(loaded: Workspace, expected: dict) -> None:
    rid = _report_id(loaded, expected["source_path"])
    rows = loaded.query("SELECT a.agency_name, a.province, a.prefecture, a.county, a.township, a.division_code, "
                        "a.admin_level, a.agency_kind, a.department FROM dim_report r JOIN dim_agency a "
                        "USING (agency_id) WHERE r.report_id = ?", [rid])
    keys = ("agency_name", "province", "prefecture", "county", "township", "division_code", "admin_level",
            "agency_kind", "department")
    assert rows == [tuple(expected[k] for k in keys)]


def test_the_warehouse_records_what_produced_it(loaded: Workspace) -> None:
    info = dict(loaded.query("SELECT key, value FROM warehouse_info"))
    assert info["parser_version"] == PARSER_VERSION
    assert info["divisions_source"] == DIVISIONS_VINTAGE and "2026" in info["divisions_source"]
    assert int(info["generation"]) >= 1
