"""Re-runs: nothing new changes nothing; new, changed and removed files; a parser version bump."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import ogi.ingest.steps
import ogi.ingest.worker
import ogi.native
import ogi.warehouse.store
from ogi.warehouse.store import WarehousePaths
from tests.conftest import RAW_SAMPLES
from tests.pipeline.harness import Workspace, _environment, workspace_with_samples


def _materialized(result, key: str) -> dict:
    events = result.asset_materializations_for_node(key)
    return {k: v.value for k, v in events[0].metadata.items()}


def test_rerun_with_nothing_new_changes_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    workspace = workspace_with_samples(tmp_path)
    workspace.run()
    before = workspace.snapshot()
    mtime = workspace.warehouse.stat().st_mtime_ns
    caplog.clear()
    result = workspace.run()
    # Dagster's warning that a skipped step's blocking check "emitted no result" is silenced: it describes a skip.
    assert not [record for record in caplog.records if "emitted no result" in record.getMessage()]
    assert result.success
    assert _materialized(result, "raw_report_files")["files_to_read"] == 0
    # Nothing to load, record or publish: the parse step materializes nothing and every step after it is skipped.
    assert not result.asset_materializations_for_node("parsed_reports")
    skipped = {event.step_key for event in result.all_events if event.event_type_value == "STEP_SKIPPED"}
    assert skipped == set(result.job_def.graph.node_names()) - {"raw_report_files", "parsed_reports"}
    assert workspace.warehouse.stat().st_mtime_ns == mtime
    assert workspace.snapshot() == before


def test_touched_file_is_hashed_not_parsed(tmp_path: Path) -> None:
    workspace = workspace_with_samples(tmp_path)
    workspace.run()
    before = workspace.snapshot()
    published = workspace.warehouse.stat().st_ino, workspace.warehouse.stat().st_mtime_ns
    target = workspace.raw / "000_746ea976d873778e.txt"
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10**9))
    result = workspace.run()
    assert _materialized(result, "raw_report_files")["files_to_read"] == 1
    parsed = _materialized(result, "parsed_reports")
    assert parsed["reports_staged"] == 0
    # The operator sees which parser ran: the mypyc build when one matches the sources (ogi/native.py).
    assert parsed["parser_build"] == ("compiled (mypyc)" if ogi.native.compiled_in_use() else "plain Python")
    assert _materialized(result, "published_warehouse")["published"] is False  # same bytes: nothing to publish
    assert (workspace.warehouse.stat().st_ino, workspace.warehouse.stat().st_mtime_ns) == published
    assert workspace.snapshot() == before
    result = workspace.run()  # the manifest took the new mtime: the file is not even hashed again
    assert _materialized(result, "raw_report_files")["files_to_read"] == 0


def test_new_changed_and_removed_files(tmp_path: Path) -> None:
    workspace = workspace_with_samples(tmp_path)
    (workspace.raw / "003_096eb810ffb81dcc.txt").unlink()
    workspace.run()
    assert workspace.query("SELECT count(*) FROM dim_report") == [(4,)]

    shutil.copy(RAW_SAMPLES / "003_096eb810ffb81dcc.txt", workspace.raw / "new report (copy), 2021.txt")
    result = workspace.run()
    assert _materialized(result, "raw_report_files")["files_to_read"] == 1
    assert workspace.query("SELECT count(*) FROM dim_report") == [(5,)]

    changed = workspace.raw / "001_f10c6ced2bff11ee.txt"
    old_id = workspace.query("SELECT report_id FROM report_sources WHERE source_path = ?", [changed.name])[0][0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("\t4\n", "\t3\n", 1), encoding="utf-8")
    workspace.run()
    new_id = workspace.query("SELECT report_id FROM report_sources WHERE source_path = ?", [changed.name])[0][0]
    assert new_id != old_id
    for table in ("dim_report", "report_cells", "fact_outcomes", "check_results"):
        assert workspace.query(f"SELECT count(*) FROM {table} WHERE report_id = ?", [old_id]) == [(0,)], table
    assert workspace.query("SELECT new_received FROM fact_applications WHERE report_id = ? AND "
                           "applicant_type = 'natural_person'", [new_id]) == [(3,)]

    (workspace.raw / "000_746ea976d873778e.txt").unlink()  # removed files keep their report
    workspace.run()
    assert workspace.query("SELECT count(*) FROM dim_report") == [(5,)]


def test_parser_version_bump_reparses_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = workspace_with_samples(tmp_path)
    workspace.run()
    before = workspace.snapshot()
    for module in (ogi.ingest.steps, ogi.ingest.worker):
        monkeypatch.setattr(module, "PARSER_VERSION", "999.0.0")
    result = workspace.run()
    assert _materialized(result, "raw_report_files")["files_to_read"] == 5
    assert workspace.query("SELECT DISTINCT parser_version FROM dim_report") == [("999.0.0",)]
    after = workspace.snapshot()
    assert {t: rows for t, rows in after.items() if t != "dim_report"} == {
        t: rows for t, rows in before.items() if t != "dim_report"}


def test_duplicate_content_is_one_report_with_both_sources(tmp_path: Path) -> None:
    workspace = workspace_with_samples(tmp_path)
    shutil.copy(RAW_SAMPLES / "002_0f1794d3cae041d2.txt", workspace.raw / "湟中区 统计局 2020.txt")
    workspace.run()
    assert workspace.query("SELECT count(*) FROM dim_report") == [(5,)]
    assert workspace.query("SELECT count(*) FROM report_sources") == [(6,)]
    assert workspace.query("SELECT source_path, code FROM ingest_issues WHERE code = 'duplicate_content'") == [
        ("湟中区 统计局 2020.txt", "duplicate_content")]




def _report_as_loaded(workspace, report_id: str) -> tuple:
    return (
        workspace.query("SELECT source_path, content_sha256, agency_name, agency_source FROM dim_report "
                        "WHERE report_id = ?", [report_id]),
        workspace.query("SELECT section, row_key, col_key, raw_text, line_no FROM report_cells WHERE report_id = ? "
                        "ORDER BY ALL", [report_id]),
    )


def test_duplicate_arriving_later_leaves_the_report_as_first_read(tmp_path: Path) -> None:
    """The same report under another name, printed a little differently (a short agency name, a line more
    at the top), arrives in a later run: it becomes a second source, and the report's rows, agency name and
    line numbers stay those of the file it was first read from — as a clean run of both files gives."""
    first = (RAW_SAMPLES / "000_746ea976d873778e.txt").read_text(encoding="utf-8")
    assert first.startswith("宁波市镇海区统计局\n")
    later = "\n" + first.replace("宁波市镇海区统计局\n", "镇海区统计局\n", 1)

    incremental = Workspace(tmp_path / "a" / "raw", tmp_path / "a" / "warehouse" / "ogi.duckdb")
    incremental.raw.mkdir(parents=True)
    (incremental.raw / "first.txt").write_text(first, encoding="utf-8")
    incremental.run()
    [(report_id,)] = incremental.query("SELECT report_id FROM dim_report")
    before = _report_as_loaded(incremental, report_id)
    (incremental.raw / "later copy.txt").write_text(later, encoding="utf-8")
    incremental.run()
    assert incremental.query("SELECT source_path, report_id FROM report_sources ORDER BY 1") == [
        ("first.txt", report_id), ("later copy.txt", report_id)]
    assert incremental.query("SELECT source_path FROM ingest_issues WHERE code = 'duplicate_content'") == [
        ("later copy.txt",)]
    assert _report_as_loaded(incremental, report_id) == before
    assert before[0][0][2] == "宁波市镇海区统计局"

    clean = Workspace(tmp_path / "b" / "raw", tmp_path / "b" / "warehouse" / "ogi.duckdb")
    clean.raw.mkdir(parents=True)
    (clean.raw / "first.txt").write_text(first, encoding="utf-8")
    (clean.raw / "later copy.txt").write_text(later, encoding="utf-8")
    clean.run()
    assert _report_as_loaded(clean, report_id) == before


@pytest.mark.parametrize("short_name_first", [True, False])
def test_agency_name_does_not_depend_on_load_order(tmp_path: Path, short_name_first: bool) -> None:
    """Two years of one agency, one printing its full name and one a short form: dim_agency carries the
    full name whichever arrived last."""
    full = (RAW_SAMPLES / "000_746ea976d873778e.txt").read_text(encoding="utf-8")
    short = full.replace("2020", "2019").replace("宁波市镇海区统计局\n", "镇海区统计局\n", 1)
    workspace = Workspace(tmp_path / "raw", tmp_path / "warehouse" / "ogi.duckdb")
    workspace.raw.mkdir()
    for name, text in (("short.txt", short), ("full.txt", full))[:: 1 if short_name_first else -1]:
        (workspace.raw / name).write_text(text, encoding="utf-8")
        workspace.run()
    assert sorted(workspace.query("SELECT agency_name FROM dim_report")) == [("宁波市镇海区统计局",), ("镇海区统计局",)]
    assert workspace.query("SELECT count(DISTINCT agency_id) FROM dim_report") == [(1,)]
    assert workspace.query("SELECT agency_name FROM dim_agency") == [("宁波市镇海区统计局",)]


def test_changed_first_file_hands_its_report_to_the_duplicate(tmp_path: Path) -> None:
    """A report held by two files; the file it was first read from then changes into another report. The old
    report stays (the duplicate still holds it) and is now read from the duplicate, as a clean run would."""
    first = (RAW_SAMPLES / "001_f10c6ced2bff11ee.txt").read_text(encoding="utf-8")
    duplicate = "\n" + first  # the same report, one line lower
    corrected = first.replace("\t4\n", "\t3\n", 1)
    assert corrected != first

    incremental = Workspace(tmp_path / "a" / "raw", tmp_path / "a" / "warehouse" / "ogi.duckdb")
    incremental.raw.mkdir(parents=True)
    (incremental.raw / "a.txt").write_text(first, encoding="utf-8")
    (incremental.raw / "b.txt").write_text(duplicate, encoding="utf-8")
    incremental.run()
    [(old_id,)] = incremental.query("SELECT report_id FROM dim_report")
    assert incremental.query("SELECT source_path FROM dim_report") == [("a.txt",)]
    (incremental.raw / "a.txt").write_text(corrected, encoding="utf-8")
    incremental.run()

    clean = Workspace(tmp_path / "b" / "raw", tmp_path / "b" / "warehouse" / "ogi.duckdb")
    clean.raw.mkdir(parents=True)
    (clean.raw / "a.txt").write_text(corrected, encoding="utf-8")
    (clean.raw / "b.txt").write_text(duplicate, encoding="utf-8")
    clean.run()
    assert incremental.query("SELECT source_path FROM dim_report WHERE report_id = ?", [old_id]) == [("b.txt",)]
    assert incremental.query("SELECT count(*) FROM dim_report") == [(2,)]
    for report_id in {r for (r,) in clean.query("SELECT report_id FROM dim_report")}:
        assert _report_as_loaded(incremental, report_id) == _report_as_loaded(clean, report_id)
    issues = "SELECT source_path, code FROM ingest_issues ORDER BY ALL"
    assert incremental.query(issues) == clean.query(issues) == []


def test_file_unreadable_then_readable_is_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the pipeline could not open (permissions) is read again once it can be: fixing permissions
    changes neither its size nor its mtime, so the stat alone would never say so."""
    workspace = workspace_with_samples(tmp_path)
    locked = "001_f10c6ced2bff11ee.txt"
    read_file = ogi.ingest.worker.read_file

    def refuse(path: str, size: int = 0) -> bytes:
        if path.endswith(locked):
            raise PermissionError(13, "Permission denied", path)
        return read_file(path, size)

    monkeypatch.setattr(ogi.ingest.worker, "read_file", refuse)
    workspace.run()
    assert workspace.query("SELECT source_path, code FROM ingest_issues") == [(locked, "unreadable")]
    assert workspace.query("SELECT count(*) FROM dim_report") == [(4,)]
    workspace.run()  # still locked: tried again, same issue, nothing else changes
    assert workspace.query("SELECT source_path, code FROM ingest_issues") == [(locked, "unreadable")]

    monkeypatch.setattr(ogi.ingest.worker, "read_file", read_file)  # permissions fixed
    result = workspace.run()
    assert _materialized(result, "raw_report_files")["files_to_read"] == 1
    assert workspace.query("SELECT count(*) FROM dim_report") == [(5,)]
    assert workspace.query("SELECT count(*) FROM ingest_issues") == [(0,)]
    assert _materialized(workspace.run(), "raw_report_files")["files_to_read"] == 0


def _skipped_steps(result) -> set[str]:
    return {event.step_key for event in result.all_events if event.event_type_value == "STEP_SKIPPED"}


def test_with_no_new_file_what_is_not_published_yet_is_published(tmp_path: Path) -> None:
    """A deleted warehouse file, or a batch committed by a run killed before it published, is published by the
    next run, though no file is new."""
    workspace = workspace_with_samples(tmp_path)
    workspace.run()
    before = workspace.snapshot()
    workspace.warehouse.unlink()
    result = workspace.run()
    assert not _skipped_steps(result)
    assert _materialized(result, "published_warehouse")["published"] is True
    assert workspace.snapshot() == before

    with _environment(workspace.env()):
        mark = WarehousePaths.from_env().work_dir / "published_generation"
    mark.write_text(str(int(mark.read_text()) - 1))  # what a run killed between its commit and its publishing leaves
    result = workspace.run()
    assert not _skipped_steps(result)
    assert _materialized(result, "published_warehouse")["published"] is True
    assert workspace.snapshot() == before
    assert _skipped_steps(workspace.run())  # now all is published: nothing to do


def test_a_new_scan_problem_is_recorded_though_no_file_is_new(tmp_path: Path) -> None:
    workspace = workspace_with_samples(tmp_path)
    workspace.run()
    (workspace.raw / "dangling.txt").symlink_to(workspace.raw / "nowhere.txt")
    result = workspace.run()
    assert _materialized(result, "raw_report_files")["files_to_read"] == 0
    assert not _skipped_steps(result)
    assert workspace.query("SELECT code FROM ingest_issues WHERE source_path = 'dangling.txt'") == [("broken_symlink",)]
    assert _skipped_steps(workspace.run())  # recorded once


def test_a_new_schema_is_published_though_no_file_is_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new version of ogi-warehouse (new views, comments or lookups) reaches analysts on its first run."""
    workspace = workspace_with_samples(tmp_path)
    workspace.run()
    before = workspace.snapshot()
    generation = workspace.query("SELECT value FROM warehouse_info WHERE key = 'generation'")[0][0]
    monkeypatch.setattr(ogi.warehouse.store, "_schema_fingerprint", lambda: "the next version's schema")
    result = workspace.run()
    assert not _skipped_steps(result)
    assert _materialized(result, "published_warehouse")["published"] is True
    assert workspace.query("SELECT value FROM warehouse_info WHERE key = 'generation'") == [(str(int(generation) + 1),)]
    assert workspace.snapshot() == before
    assert _skipped_steps(workspace.run())  # published: nothing to do
