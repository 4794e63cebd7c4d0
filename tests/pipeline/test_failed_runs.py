"""A run that stops after merging its tables but before committing leaves nothing the next run publishes,
and a report that placed no cell at all is a partial report, not a reason to stop every run."""

from __future__ import annotations

from pathlib import Path

from ogi.ingest.steps import apply_staged, parse_planned, plan_run
from ogi.warehouse.store import WarehousePaths
from tests.conftest import RAW_SAMPLES
from tests.pipeline.harness import Workspace

SAMPLE = (RAW_SAMPLES / "000_746ea976d873778e.txt").read_text(encoding="utf-8")
OTHER = (RAW_SAMPLES / "003_096eb810ffb81dcc.txt").read_text(encoding="utf-8")
TABLES = ("report_sources", "dim_agency", "dim_report", "report_cells", "fact_applications", "fact_outcomes",
          "fact_litigation", "fact_proactive_disclosure", "report_texts", "ingest_issues", "check_results")


def _without_numbers(text: str) -> str:
    """The report with every value cell lost: labels and headings survive, nothing can be placed."""
    return "\n".join(line for line in text.split("\n") if not line.strip().isdigit())


def test_a_report_whose_cells_were_all_lost_is_loaded_as_partial(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "raw", tmp_path / "warehouse" / "ogi.duckdb")
    workspace.raw.mkdir()
    (workspace.raw / "lost.txt").write_text(_without_numbers(SAMPLE), encoding="utf-8")
    (workspace.raw / "good.txt").write_text(OTHER, encoding="utf-8")
    workspace.run()  # the blocking checks pass: nothing placed, nothing missing
    rows = dict(workspace.query("SELECT source_path, parse_status || ':' || cells_placed FROM dim_report"))
    assert rows["lost.txt"] == "partial:0" and rows["good.txt"].startswith("parsed:")
    assert workspace.query("SELECT count(*) FROM ingest_issues WHERE source_path = 'lost.txt'")[0][0] > 0


def test_rows_of_a_run_that_never_committed_are_not_published(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "raw", tmp_path / "warehouse" / "ogi.duckdb")
    workspace.raw.mkdir()
    (workspace.raw / "kept.txt").write_text(SAMPLE, encoding="utf-8")
    workspace.run()
    published = workspace.snapshot()

    # A run reads a new file and merges it into every table, then stops before its commit (a failed check,
    # a crash); the file is then taken away before the next run.
    (workspace.raw / "withdrawn.txt").write_text(OTHER, encoding="utf-8")
    paths = WarehousePaths.from_env(str(workspace.warehouse), str(workspace.warehouse.parent / ".ogi-work"))
    plan_run(paths, workspace.raw)
    parse_planned(paths, workers=1)
    for table in TABLES:
        apply_staged(paths, table)
    (workspace.raw / "withdrawn.txt").unlink()
    (workspace.raw / "new.txt").write_text(SAMPLE.replace("宁波市镇海区统计局", "宁波市北仑区统计局"), encoding="utf-8")

    workspace.run()
    sources = [path for (path,) in workspace.query("SELECT source_path FROM report_sources ORDER BY 1")]
    assert sources == ["kept.txt", "new.txt"]
    assert workspace.query("SELECT count(*) FROM dim_report WHERE source_path = 'withdrawn.txt'") == [(0,)]
    assert workspace.query("SELECT count(*) FROM report_cells WHERE report_id NOT IN "
                           "(SELECT report_id FROM dim_report)") == [(0,)]
    after = workspace.snapshot()
    assert after["dim_report"] != published["dim_report"]  # new.txt arrived
    assert not [r for r in after["ingest_issues"] if r[0] == "withdrawn.txt"]
