"""Issue 3 at scale: thousands of generated reports, a known share made inconsistent. Every inconsistent
report is flagged on exactly the rules and scopes it breaks, and no consistent report is flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogi.synth import write_corpus
from tests.pipeline.harness import Workspace

REPORTS = 2000
INCONSISTENT_SHARE = 0.15


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, list]:
    base = tmp_path_factory.mktemp("consistency")
    workspace = Workspace(base / "raw", base / "warehouse" / "ogi.duckdb")
    workspace.raw.mkdir()
    reports = write_corpus(workspace.raw, REPORTS, seed=5, inconsistent_share=INCONSISTENT_SHARE)
    workspace.run()
    return workspace, reports


def test_every_broken_rule_is_flagged_and_nothing_else(loaded: tuple[Workspace, list]) -> None:
    workspace, reports = loaded
    report_of = dict(workspace.query("SELECT source_path, report_id FROM report_sources"))
    assert len(report_of) == REPORTS
    assert workspace.query("SELECT count(*) FROM dim_report WHERE parse_status = 'parsed'") == [(REPORTS,)]
    expected = {(report_of[Path(r.file_name).as_posix()], rule, scope) for r in reports for rule, scope in r.broken_rules}
    flagged = set(workspace.query("SELECT report_id, rule, scope FROM check_results "
                                  "WHERE rule IN ('C1', 'C2', 'C3', 'C4') AND NOT passed"))
    assert flagged == expected
    inconsistent = sum(r.inconsistent for r in reports)
    assert REPORTS * INCONSISTENT_SHARE * 0.7 < inconsistent < REPORTS * INCONSISTENT_SHARE * 1.3
    assert len({rid for rid, _, _ in flagged}) == inconsistent  # every inconsistent report, no consistent one


def test_no_rule_is_left_unevaluated(loaded: tuple[Workspace, list]) -> None:
    workspace, _ = loaded
    assert workspace.query("SELECT count(*) FROM check_results WHERE passed IS NULL AND rule LIKE 'C%'") == [(0,)]
    assert workspace.query("SELECT count(*) FROM check_results WHERE rule = 'C5' AND NOT passed") == [(0,)]
