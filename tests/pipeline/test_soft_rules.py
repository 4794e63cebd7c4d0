"""Soft rules across years (issue 3, item 2): S1 compares an agency's carried_over with its previous year's
carried_forward, also when the previous year arrives in a later batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RAW_SAMPLES
from tests.pipeline.harness import Workspace

SAMPLE = (RAW_SAMPLES / "000_746ea976d873778e.txt").read_text(encoding="utf-8")  # 宁波市镇海区统计局, 2020, all 0


def _previous_year(carried_forward_natural_person: str) -> str:
    """The same agency's 2019 report, whose 结转下年度 under 自然人 prints the given value."""
    lines = SAMPLE.replace("2020", "2019").split("\n")
    row = next(i for i, line in enumerate(lines) if line.strip() == "四、结转下年度继续办理")
    lines[row + 1] = f"\t{carried_forward_natural_person}"
    return "\n".join(lines)


def _s1(workspace: Workspace) -> dict[str, tuple]:
    rows = workspace.query("""
        SELECT c.scope, c.passed, c.expected, c.actual, c.severity, c.compared_report_id IS NOT NULL
        FROM check_results AS c JOIN dim_report AS d USING (report_id)
        WHERE c.rule = 'S1' AND d.report_year = 2020""")
    return {scope: tuple(rest) for scope, *rest in rows}


@pytest.mark.parametrize(("printed", "fails"), [("3", True), ("0", False)])
def test_previous_year_arriving_later_is_compared(tmp_path: Path, printed: str, fails: bool) -> None:
    workspace = Workspace(tmp_path / "raw", tmp_path / "warehouse" / "ogi.duckdb")
    workspace.raw.mkdir()
    (workspace.raw / "2020.txt").write_text(SAMPLE, encoding="utf-8")
    workspace.run()
    assert _s1(workspace) == {}  # no previous year yet: nothing to compare
    (workspace.raw / "2019.txt").write_text(_previous_year(printed), encoding="utf-8")
    workspace.run()  # a batch holding only the 2019 report re-evaluates the 2020 report's S-rules
    results = _s1(workspace)
    assert len(results) == 7 and all(severity == "warning" and compared for *_, severity, compared in results.values())
    assert results["natural_person"][:3] == ((False, 3.0, 0.0) if fails else (True, 0.0, 0.0))
    assert all(passed for scope, (passed, *_) in results.items() if scope != "natural_person")


def test_changed_previous_year_replaces_the_old_one_in_the_comparison(tmp_path: Path) -> None:
    """A corrected previous-year file replaces its report: the next year is compared with the new one only,
    not found 'not evaluable' beside the old report that the same batch drops."""
    workspace = Workspace(tmp_path / "raw", tmp_path / "warehouse" / "ogi.duckdb")
    workspace.raw.mkdir()
    (workspace.raw / "2020.txt").write_text(SAMPLE, encoding="utf-8")
    (workspace.raw / "2019.txt").write_text(_previous_year("3"), encoding="utf-8")
    workspace.run()
    assert _s1(workspace)["natural_person"][:3] == (False, 3.0, 0.0)
    (workspace.raw / "2019.txt").write_text(_previous_year("0"), encoding="utf-8")  # corrected: 3 → 0
    workspace.run()
    assert workspace.query("SELECT count(*) FROM dim_report WHERE report_year = 2019") == [(1,)]
    results = _s1(workspace)
    assert len(results) == 7 and all(compared for *_, compared in results.values())
    assert all(passed for passed, *_ in results.values())


def test_previous_year_file_now_naming_another_agency_leaves_no_stale_comparison(tmp_path: Path) -> None:
    """The 2019 file changes so that it is another agency's report: the 2020 report has no previous year any
    more, so its S-rules are gone rather than still pointing at the dropped report."""
    workspace = Workspace(tmp_path / "raw", tmp_path / "warehouse" / "ogi.duckdb")
    workspace.raw.mkdir()
    (workspace.raw / "2020.txt").write_text(SAMPLE, encoding="utf-8")
    (workspace.raw / "2019.txt").write_text(_previous_year("0"), encoding="utf-8")
    workspace.run()
    assert len(_s1(workspace)) == 7
    other_agency = _previous_year("0").replace("宁波市镇海区统计局", "宁波市北仑区统计局")
    assert other_agency != _previous_year("0")
    (workspace.raw / "2019.txt").write_text(other_agency, encoding="utf-8")
    workspace.run()
    assert workspace.query("SELECT count(*) FROM dim_report WHERE report_year = 2019 AND agency_name LIKE '%北仑区%'"
                           ) == [(1,)]
    assert _s1(workspace) == {}
    dangling = workspace.query("SELECT count(*) FROM check_results WHERE compared_report_id IS NOT NULL "
                               "AND compared_report_id NOT IN (SELECT report_id FROM dim_report)")
    assert dangling == [(0,)]
