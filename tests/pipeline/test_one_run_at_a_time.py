"""Two ``python -m pipelines run`` at once on one warehouse: the second is refused at once and changes
nothing; the first is never disturbed (DuckDB's own lock is per step, so the two could interleave)."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.pipeline.harness import workspace_with_samples


def _run(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines", "run", "--skip-analytics"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_a_second_run_is_refused_while_one_holds_the_warehouse(tmp_path: Path) -> None:
    workspace = workspace_with_samples(tmp_path)
    env = {**os.environ, **workspace.env()}
    env.pop("DAGSTER_HOME", None)
    work_dir = workspace.warehouse.parent / ".ogi-work"
    work_dir.mkdir(parents=True)
    with open(work_dir / "run.lock", "w", encoding="ascii") as held:  # as a run in progress holds it
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.write("4242")
        held.flush()
        refused = _run(env)
        assert refused.returncode == 1
        assert "another run (PID 4242) is working on" in refused.stderr and "nothing was changed" in refused.stderr
        assert not workspace.warehouse.exists()
    done = _run(env)  # the lock goes with the process (or file) that held it
    assert done.returncode == 0, done.stderr[-2000:]
    assert workspace.query("SELECT count(*) FROM dim_report") == [(5,)]
