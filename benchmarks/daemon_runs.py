"""Time nightly runs as production starts them: ``dagster-daemon`` with a persistent DAGSTER_HOME (the project's
dagster.yaml), on a warehouse that is up to date, so that each run has nothing new to load.

    .venv/bin/python benchmarks/daemon_runs.py [--size 20000] [--runs 3] [--json FILE]

benchmarks/run.py runs it last, on the smallest corpus and warehouse it built (which it needs). The
daemon's folder sensor starts the first run (its cursor is new); the others are queued with
``dagster job launch``, one after the other, as the nightly schedule queues its run. For each run it prints the
seconds from being queued to its start (the daemon takes it off the queue and starts a run worker process,
which imports Dagster and loads the code location), from start to end (the run's own steps), and in all.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dagster import DagsterInstance
    from dagster._core.storage.dagster_run import RunRecord

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
BIN = Path(sys.executable).parent
JOB = "ingest_reports"


def new_dagster_home(home: Path) -> Path:
    """An empty DAGSTER_HOME with the project's dagster.yaml, as a nightly deployment has."""
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    return home


def _wait_for_runs(instance: DagsterInstance, count: int, timeout_s: float = 120) -> list[RunRecord]:
    """The instance's runs once ``count`` of them have ended."""
    from dagster import DagsterRunStatus

    ended = {DagsterRunStatus.SUCCESS, DagsterRunStatus.FAILURE, DagsterRunStatus.CANCELED}
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        records = instance.get_run_records()
        if len([r for r in records if r.dagster_run.status in ended]) >= count:
            return sorted(records, key=lambda r: r.create_timestamp)
        time.sleep(0.5)
    raise SystemExit(f"benchmarks/daemon_runs.py: fewer than {count} runs ended within {timeout_s:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=20000, help="the corpus and warehouse benchmarks/run.py built")
    parser.add_argument("--runs", type=int, default=3, help="runs queued after the sensor's first one")
    parser.add_argument("--json", type=Path, help="also write the timings to this file")
    args = parser.parse_args()
    raw, warehouse = OUT / f"corpus-{args.size}" / "raw", OUT / f"warehouse-{args.size}" / "ogi.duckdb"
    if not warehouse.exists():
        sys.exit(f"benchmarks/daemon_runs.py: no {warehouse}; python3 tasks.py bench --sizes {args.size} builds it")
    from dagster import DagsterInstance

    home = new_dagster_home(OUT / "daemon-home")
    env = {**os.environ, "DAGSTER_HOME": str(home), "OGI_RAW_DIR": str(raw), "OGI_WAREHOUSE": str(warehouse)}
    # The instance's SQLite databases are created here, before the daemon starts: two processes creating them at
    # once can stamp a schema twice, and the daemon then fails to read its sensors' state.
    instance = DagsterInstance.from_config(str(home))
    daemon = subprocess.Popen([str(BIN / "dagster-daemon"), "run", "-w", "workspace.yaml"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        records = _wait_for_runs(instance, 1)  # the folder sensor's run
        for done in range(1, args.runs + 1):
            subprocess.run([str(BIN / "dagster"), "job", "launch", "-w", "workspace.yaml", "-j", JOB], cwd=ROOT,
                           env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            records = _wait_for_runs(instance, done + 1)
    finally:
        os.killpg(daemon.pid, signal.SIGTERM)
        daemon.wait(timeout=60)
        instance.dispose()
    rows = [{"run": number, "started_by": "sensor" if record.dagster_run.tags.get("dagster/sensor_name")
             else "dagster job launch", "status": record.dagster_run.status.value,
             "queued_to_start_s": round(record.start_time - record.create_timestamp.timestamp(), 2),
             "start_to_end_s": round(record.end_time - record.start_time, 2),
             "queued_to_end_s": round(record.end_time - record.create_timestamp.timestamp(), 2)}
            for number, record in enumerate(records, 1)]
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    print("| run | started by | status | queued → start (s) | start → end (s) | queued → end (s) |")
    print("|---|---|---|---:|---:|---:|")
    for row in rows:
        print(f"| {row['run']} | {row['started_by']} | {row['status']} | {row['queued_to_start_s']} | "
              f"{row['start_to_end_s']} | {row['queued_to_end_s']} |")


if __name__ == "__main__":
    main()
