"""Reviewer verdicts live outside the pipeline's reach and stay attached across re-runs and re-parses."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import ogi.ingest.steps
import ogi.ingest.worker
from ogi.warehouse.storage import STORAGE_COMPATIBILITY
from ogi.warehouse.verdicts import record_verdict
from tests.pipeline.harness import workspace_with_samples


def test_verdicts_survive_rerun_and_reparse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = workspace_with_samples(tmp_path)
    workspace.run()
    reviews = workspace.warehouse.parent / "reviews.duckdb"
    assert reviews.exists()  # created empty by the first run
    rid = workspace.query("SELECT report_id FROM report_sources WHERE source_path LIKE '004%'")[0][0]
    record_verdict(reviews, rid, "C1", "natural_person", "confirmed", "total row puts the 1 under 商业企业", "ana")
    # SQL works as well as the helper:
    con = duckdb.connect(str(reviews))
    con.execute("INSERT INTO check_verdicts (report_id, rule, scope, verdict, comment) VALUES "
                "(?, 'C2', 'total', 'dismissed', 'narrative says the request was answered')", [rid])
    con.close()

    workspace.run()  # nothing new in the raw folder, but the verdicts are published
    findings = "SELECT rule, scope, verdict FROM check_findings WHERE report_id = ? AND verdict IS NOT NULL ORDER BY 1"
    assert workspace.query(findings, [rid]) == [("C1", "natural_person", "confirmed"), ("C2", "total", "dismissed")]
    assert workspace.query("SELECT reviewed, confirmed, dismissed, awaiting_review FROM failing_reports "
                           "WHERE report_id = ?", [rid]) == [(2, 1, 1, 2)]

    for module in (ogi.ingest.steps, ogi.ingest.worker):
        monkeypatch.setattr(module, "PARSER_VERSION", "999.0.0")
    workspace.run()  # every report re-parsed by a new parser version
    assert workspace.query("SELECT DISTINCT parser_version FROM dim_report") == [("999.0.0",)]
    assert workspace.query(findings, [rid]) == [("C1", "natural_person", "confirmed"), ("C2", "total", "dismissed")]
    con = duckdb.connect(str(reviews), read_only=True)
    assert con.sql("SELECT count(*) FROM check_verdicts").fetchall() == [(2,)]  # the pipeline never wrote here
    con.close()


def test_a_locked_reviews_file_does_not_stop_the_run(tmp_path: Path) -> None:
    workspace = workspace_with_samples(tmp_path)
    workspace.run()
    reviews = workspace.warehouse.parent / "reviews.duckdb"
    holder = duckdb.connect(str(reviews))  # a reviewer with the file open for writing
    try:
        (workspace.raw / "000_746ea976d873778e.txt").unlink()
        workspace.run()
    finally:
        holder.close()


def test_reviews_file_opens_with_the_duckdb_cli_the_readme_recommends(tmp_path: Path) -> None:
    """Reviewers edit the file with duckdb-cli 1.5: it must be written in the warehouse's storage version."""
    path = tmp_path / "reviews.duckdb"
    record_verdict(path, "r1", "C1", "total", "dismissed", "explained", "me")
    con = duckdb.connect(str(path), read_only=True)
    try:
        tags = con.sql("SELECT tags FROM duckdb_databases() WHERE database_name = 'reviews'").fetchall()[0][0]
    finally:
        con.close()
    assert tags["storage_version"].startswith(STORAGE_COMPATIBILITY)


def test_verdict_cli_refuses_an_unknown_rule(capsys: pytest.CaptureFixture[str]) -> None:
    from pipelines.__main__ import main

    with pytest.raises(SystemExit) as exit_info:
        main(["verdict", "r1", "C9", "total", "dismissed", "explained"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'C9'" in capsys.readouterr().err


def test_verdict_cli_records_only_verdicts_on_failed_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from pipelines.__main__ import main

    workspace = workspace_with_samples(tmp_path)
    workspace.run()
    monkeypatch.setenv("OGI_WAREHOUSE", str(workspace.warehouse))
    monkeypatch.delenv("OGI_REVIEWS", raising=False)
    rid = workspace.query("SELECT report_id FROM report_sources WHERE source_path LIKE '004%'")[0][0]
    refused = {
        "unknown report": ["doesnotexist", "C1", "natural_person"],
        "mistyped scope": [rid, "C1", "Natural_Person"],
        "passed check": [rid, "C4", "administrative_review"],
    }
    for case, (report_id, rule, scope) in refused.items():
        assert main(["verdict", report_id, rule, scope, "confirmed", "x"]) == 1, case
        assert "no verdict recorded" in capsys.readouterr().err, case
    monkeypatch.delenv("USER", raising=False)
    monkeypatch.delenv("LOGNAME", raising=False)
    assert main(["verdict", rid, "C1", "natural_person", "confirmed", "the total row is wrong"]) == 1
    assert "say who reviewed it (--reviewer NAME" in capsys.readouterr().err
    assert main(["verdict", rid, "C1", "natural_person", "confirmed", "the total row is wrong", "--reviewer", "li"]) == 0
    con = duckdb.connect(str(workspace.warehouse.parent / "reviews.duckdb"), read_only=True)
    try:
        assert con.sql("SELECT report_id, rule, scope, reviewer FROM check_verdicts").fetchall() == [
            (rid, "C1", "natural_person", "li")]
    finally:
        con.close()


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("OGI_WORKERS", "abc", "OGI_WORKERS must be a whole number"),
    ("OGI_WORKERS", "-1", "OGI_WORKERS must be a whole number"),
    ("OGI_DUCKDB_MEMORY_LIMIT", "banana", "OGI_DUCKDB_MEMORY_LIMIT must be an amount"),
])
def test_malformed_settings_are_refused_by_name(variable: str, value: str, message: str,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from pipelines.__main__ import main

    monkeypatch.setenv(variable, value)
    assert main(["run"]) == 1
    assert message in capsys.readouterr().err


def test_empty_settings_mean_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from pipelines.settings import apply_defaults

    for variable in ("OGI_RAW_DIR", "OGI_WAREHOUSE", "OGI_WORKERS"):
        monkeypatch.setenv(variable, "")
    apply_defaults()
    assert (os.environ["OGI_RAW_DIR"], os.environ["OGI_WAREHOUSE"], os.environ["OGI_WORKERS"]) == (
        "data/raw", "data/warehouse/ogi.duckdb", "0")


def test_a_run_with_no_new_file_publishes_new_or_withdrawn_verdicts(tmp_path: Path) -> None:
    workspace = workspace_with_samples(tmp_path)
    workspace.run()
    reviews = workspace.warehouse.parent / "reviews.duckdb"
    rid = workspace.query("SELECT report_id FROM report_sources WHERE source_path LIKE '004%'")[0][0]
    record_verdict(reviews, rid, "C1", "natural_person", "dismissed", "explained in the narrative", "ana")
    workspace.run()
    assert workspace.query("SELECT count(*) FROM check_verdicts") == [(1,)]
    skipped = [e for e in workspace.run().all_events if e.event_type_value == "STEP_SKIPPED"]
    assert skipped  # verdicts as imported: nothing to do
    reviews.unlink()  # the reviewers start over: an empty reviews file, no verdict published
    result = workspace.run()
    assert not [e for e in result.all_events if e.event_type_value == "STEP_SKIPPED"]
    assert workspace.query("SELECT count(*) FROM check_verdicts") == [(0,)]
    assert reviews.exists()
