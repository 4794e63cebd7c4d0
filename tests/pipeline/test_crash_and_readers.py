"""Kill the run at any moment and run again: the warehouse ends as a clean run's. Readers are never
blocked and never see a half-loaded state."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT
from tests.pipeline.corpus import write_variants
from tests.pipeline.harness import Workspace

CORPUS = 600


def _start(workspace: Workspace) -> subprocess.Popen:
    env = {**os.environ, **workspace.env(), "OGI_WORKERS": "2"}
    env.pop("DAGSTER_HOME", None)
    return subprocess.Popen([sys.executable, "-m", "pipelines", "run"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _finish(process: subprocess.Popen) -> None:
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr.decode(errors="replace")[-2000:]


@pytest.mark.slow
def test_killed_runs_end_identical_to_a_clean_run(tmp_path: Path) -> None:
    clean = Workspace(tmp_path / "raw", tmp_path / "clean" / "ogi.duckdb")
    write_variants(clean.raw, CORPUS)
    started = time.monotonic()
    _finish(_start(clean))
    duration = time.monotonic() - started

    killed = Workspace(clean.raw, tmp_path / "killed" / "ogi.duckdb")
    rng = random.Random(7)
    for attempt in range(4):
        process = _start(killed)
        time.sleep(rng.uniform(0.3, duration) if attempt else duration * 0.8)
        os.killpg(process.pid, signal.SIGKILL)  # the run and its parse workers
        process.wait()
    _finish(_start(killed))
    assert killed.snapshot() == clean.snapshot()
    assert not list(killed.warehouse.parent.glob("*.tmp"))


@pytest.mark.slow
def test_readers_are_never_blocked_and_see_whole_states(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "raw", tmp_path / "warehouse" / "ogi.duckdb")
    write_variants(workspace.raw, 50)
    _finish(_start(workspace))
    write_variants(workspace.raw, CORPUS)  # 550 more
    process = _start(workspace)
    seen: set[int] = set()
    opened = 0
    while process.poll() is None:
        con = duckdb.connect(str(workspace.warehouse), read_only=True)  # never raises a lock error
        opened += 1
        reports, cell_reports, fact_reports = con.sql("""
            SELECT (SELECT count(*) FROM dim_report),
                   (SELECT count(DISTINCT report_id) FROM report_cells),
                   (SELECT count(DISTINCT report_id) FROM fact_outcomes)""").fetchall()[0]
        con.close()
        assert reports == cell_reports == fact_reports  # a whole state, never a mix
        seen.add(reports)
        time.sleep(0.05)
    _finish(process)
    assert opened > 5
    assert seen <= {50, CORPUS}
    final = duckdb.connect(str(workspace.warehouse), read_only=True)
    assert final.sql("SELECT count(*) FROM dim_report").fetchall() == [(CORPUS,)]
    final.close()
