"""Planning starts the parse workers' fork server as soon as it knows enough files are new, before it creates
or updates the schema, and still once the exact plan is known; a first load starts it before Dagster."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogi import PARSER_VERSION
from ogi.ingest import parallel, steps
from ogi.warehouse.store import WarehousePaths, connect, ensure_schema, files_parsed_by


def test_files_parsed_by_counts_the_manifest_rows_of_one_parser_version(tmp_path: Path) -> None:
    paths = WarehousePaths(tmp_path / "ogi.duckdb", tmp_path / ".ogi-work")
    with connect(paths) as con:
        assert files_parsed_by(con, PARSER_VERSION) == 0  # no manifest yet
        ensure_schema(con)
        con.execute("INSERT INTO ogi_state.files (source_path, size, mtime_ns, content_sha256, report_id, parser_version) "
                    "VALUES ('a.txt', 1, 1, 'x', 'r1', ?), ('b.txt', 1, 1, 'y', 'r2', ?), ('c.txt', 1, 1, 'z', 'r3', '0.0.1')",
                    [PARSER_VERSION, PARSER_VERSION])
        assert files_parsed_by(con, PARSER_VERSION) == 2
        assert files_parsed_by(con, "0.0.1") == 1


def test_plan_run_starts_the_workers_before_the_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for number in range(4):
        (raw / f"report-{number}.txt").write_text(f"报告 {number}\n", encoding="utf-8")
    calls: list[tuple[str, int]] = []
    monkeypatch.setattr(steps, "start_workers_early", lambda files: calls.append(("start_workers_early", files)))
    real_ensure_schema = steps.ensure_schema

    def recorded_ensure_schema(con: object) -> None:
        calls.append(("ensure_schema", 0))
        real_ensure_schema(con)  # type: ignore[arg-type]

    monkeypatch.setattr(steps, "ensure_schema", recorded_ensure_schema)
    paths = WarehousePaths(tmp_path / "ogi.duckdb", tmp_path / ".ogi-work")
    summary = steps.plan_run(paths, raw)
    assert summary.files_to_read == 4
    # The lower bound (4 files, none in the manifest) before the schema; the exact plan after it.
    assert calls == [("start_workers_early", 4), ("ensure_schema", 0), ("start_workers_early", 4)]


def _raw_folder(root: Path, files: int) -> Path:
    raw = root / "raw"
    (raw / "2021").mkdir(parents=True)
    (raw / ".git").mkdir()
    for number in range(files):  # half in a subfolder; hidden entries are not counted
        folder = raw / "2021" if number % 2 else raw
        (folder / f"report-{number}.txt").write_text("报告\n", encoding="utf-8")
        (raw / ".git" / f"object-{number}").write_text("x", encoding="ascii")
    return raw


@pytest.mark.parametrize(("files", "work_db_exists", "workers", "started"), [
    (parallel.IN_PROCESS_BELOW, False, "0", True),  # a first load of enough files
    (parallel.IN_PROCESS_BELOW - 1, False, "0", False),  # too few: parsed in process
    (parallel.IN_PROCESS_BELOW, True, "0", False),  # not a first load: planning decides
    (parallel.IN_PROCESS_BELOW, False, "1", False),  # one worker: parsed in process
])
def test_a_first_load_of_many_files_starts_the_fork_server_before_dagster(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: int, work_db_exists: bool, workers: str,
        started: bool) -> None:
    raw = _raw_folder(tmp_path, files)
    work_db = tmp_path / ".ogi-work" / "work.duckdb"
    if work_db_exists:
        work_db.parent.mkdir()
        work_db.write_bytes(b"")
    monkeypatch.setenv("OGI_WORKERS", workers)
    calls: list[str] = []
    monkeypatch.setattr(parallel.multiprocessing.forkserver, "ensure_running", lambda: calls.append("started"))
    assert parallel.start_workers_for_first_load(work_db, raw) is started
    assert calls == (["started"] if started else [])
