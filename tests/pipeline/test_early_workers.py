"""Planning starts the parse workers' fork server as soon as it knows enough files are new, before it creates
or updates the schema, and still once the exact plan is known."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogi import PARSER_VERSION
from ogi.ingest import steps
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
