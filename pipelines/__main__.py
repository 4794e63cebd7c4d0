"""``python -m pipelines run``: run the whole pipeline in-process through Dagster: the ingest job (load and
publish the warehouse), then the analytics job (Parquet export, charts).

Runs, materialisations and checks are recorded in ``DAGSTER_HOME`` when it is set (otherwise in a
temporary instance). Exit status 0 when the run succeeded — bad input files are reported in
``ingest_issues``, not fatal — and 1 with a one-line reason when the pipeline itself could not run.
"""

from __future__ import annotations

import argparse
import fcntl
import gc
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dagster import DagsterInstance, ExecuteInProcessResult


def _step_seconds(instance: DagsterInstance, run_id: str) -> dict[str, float]:
    """Seconds per step, from the run's event log (used by benchmarks/)."""
    started: dict[str, float] = {}
    seconds: dict[str, float] = {}
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None or event.step_key is None:
            continue
        if event.event_type_value == "STEP_START":
            started[event.step_key] = entry.timestamp
        elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE") and event.step_key in started:
            seconds[event.step_key] = round(entry.timestamp - started[event.step_key], 3)
    return seconds


@contextmanager
def _only_run(work_dir: Path) -> Iterator[int | None]:
    """Hold the work folder's run lock for the whole command; yields None when it is held, else the PID of
    the process that holds it. (A DuckDB lock is per step: two commands could otherwise interleave their
    steps, and the one that started first could fail after it had published.) The operating system
    releases the lock when the process ends, however it ends."""
    work_dir.mkdir(parents=True, exist_ok=True)
    with open(work_dir / "run.lock", "a+", encoding="ascii") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip()
            yield int(holder) if holder.isdigit() else -1
            return
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield None


def _run(timings: str | None = None, analytics: bool = True) -> int:
    """The ingest job, then (unless told not to) the analytics job, each a Dagster run of its own; refused
    while another ``python -m pipelines run`` works on the same warehouse."""
    from ogi.warehouse.store import WarehousePaths

    with _only_run(WarehousePaths.from_env().work_dir) as holder:
        if holder is not None:
            print(f"ogi-warehouse: could not run: another run (PID {holder}) is working on "
                  f"{os.environ['OGI_WAREHOUSE']}; nothing was changed", file=sys.stderr)
            return 1
        _start_parse_workers_early()
        return _run_jobs(timings, analytics)


def _start_parse_workers_early() -> None:
    """On a first load of many files, the parse workers' fork server loads the parser while Dagster starts."""
    from ogi.ingest.parallel import start_workers_for_first_load
    from ogi.warehouse.store import WarehousePaths

    start_workers_for_first_load(WarehousePaths.from_env().work_db, Path(os.environ["OGI_RAW_DIR"]))


def _run_jobs(timings: str | None, analytics: bool) -> int:
    from dagster import DagsterInstance

    from pipelines.definitions import defs
    from pipelines.jobs import ANALYTICS_JOB_NAME, INGEST_JOB_NAME

    instance = DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else DagsterInstance.ephemeral()
    _start_up_done()
    steps: dict[str, float] = {}
    for name in (INGEST_JOB_NAME, ANALYTICS_JOB_NAME) if analytics else (INGEST_JOB_NAME,):
        if name == ANALYTICS_JOB_NAME and _analytics_current():
            print("ogi-warehouse: Parquet export and charts already made from the published warehouse")
            continue
        result = defs.resolve_job_def(name).execute_in_process(instance=instance, raise_on_error=False)
        if timings:  # reading the run's event log back costs ~0.1 s
            steps.update(_step_seconds(instance, result.run_id))
        if not result.success:
            print(f"ogi-warehouse: run failed: {_failure_reason(result)}", file=sys.stderr)
            return 1
    if timings:
        with open(timings, "w", encoding="utf-8") as handle:
            json.dump(steps, handle, indent=2)
    _print_summary()
    return 0


def _start_up_done() -> None:
    """Turn Python's cycle collector back on if the command started with it off (``python -m pipelines``).

    Start-up (Dagster, polars, the definitions, the instance) makes ~100,000 objects that live as long as the
    process; collecting while they are made finds nothing to free and cost ~0.7 s of a 2.6 s start. They are
    frozen first, so that no later full collection walks them again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _analytics_current() -> bool:
    """Both analyst outputs were made from the published generation: the analytics run would do nothing."""
    from ogi.analytics.freshness import outputs_current, published_state
    from ogi.warehouse.publish import published_generation
    from ogi.warehouse.store import WarehousePaths

    paths = WarehousePaths.from_env()
    return outputs_current(paths.warehouse, published_state(paths.warehouse, published_generation(paths)))


def _failure_reason(result: ExecuteInProcessResult) -> str:
    failures = [event for event in result.all_events if event.is_step_failure]
    if not failures:
        return "run failed"
    error = failures[0].step_failure_data.error
    while error.cause is not None:  # the innermost error says what went wrong
        error = error.cause
    return f"{failures[0].step_key}: {error.message.strip().splitlines()[0]}"


def _print_summary() -> None:
    import duckdb

    warehouse = os.environ["OGI_WAREHOUSE"]
    con = duckdb.connect(warehouse, read_only=True)
    try:
        status = con.sql("SELECT parse_status, count(*) FROM dim_report GROUP BY ALL ORDER BY ALL").fetchall()
        issues = con.sql("SELECT count(*) FROM ingest_issues").fetchall()[0][0]
    finally:
        con.close()
    counts = ", ".join(f"{count} {state}" for state, count in status) or "no reports"
    print(f"ogi-warehouse: {counts}; {issues} ingest issues; warehouse at {warehouse}")


def main(argv: list[str] | None = None) -> int:
    from ogi.checks.structural import RULE_TITLES

    parser = argparse.ArgumentParser(prog="python -m pipelines", description=__doc__.split("\n\n")[0].replace("\n", " ").replace("``", ""))
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="ingest OGI_RAW_DIR into OGI_WAREHOUSE")
    run.add_argument("--timings", help="write seconds per step as JSON to this file")
    run.add_argument("--skip-analytics", action="store_true",
                     help="only ingest and publish; leave the Parquet export and charts for later")
    verdict = sub.add_parser("verdict", help="record a reviewer's verdict on a failed check")
    verdict.add_argument("report_id")
    verdict.add_argument("rule", choices=sorted(RULE_TITLES), help="the rule of the failed check")
    verdict.add_argument("scope", help="as in check_results.scope, e.g. natural_person")
    verdict.add_argument("verdict", choices=["confirmed", "dismissed"])
    verdict.add_argument("comment")
    verdict.add_argument("--reviewer", default=os.environ.get("USER") or os.environ.get("LOGNAME"))
    args = parser.parse_args(argv)
    from pipelines.settings import apply_defaults

    try:
        apply_defaults()
    except ValueError as error:
        print(f"ogi-warehouse: could not run: {error}", file=sys.stderr)
        return 1
    if args.command == "run":
        try:
            return _run(args.timings, analytics=not args.skip_analytics)
        except Exception as error:  # the pipeline itself could not start
            print(f"ogi-warehouse: could not run: {str(error).strip().splitlines()[0]}", file=sys.stderr)
            return 1
    if args.command == "verdict":
        _start_up_done()
        if not args.reviewer:
            print("ogi-warehouse: no verdict recorded: say who reviewed it (--reviewer NAME; USER is not set)",
                  file=sys.stderr)
            return 1
        from ogi.warehouse.verdicts import failed_check_problem, record_verdict, reviews_path

        warehouse = Path(os.environ["OGI_WAREHOUSE"])
        problem = failed_check_problem(warehouse, args.report_id, args.rule, args.scope)
        if problem:
            print(f"ogi-warehouse: no verdict recorded: {problem}", file=sys.stderr)
            return 1
        path = reviews_path(warehouse)
        record_verdict(path, args.report_id, args.rule, args.scope, args.verdict, args.comment, args.reviewer)
        print(f"recorded in {path}; the next run publishes it to check_verdicts")
        return 0
    return 2


if __name__ == "__main__":
    gc.disable()  # until _start_up_done()
    status = main()
    # The process ends here: its objects are frozen so that the interpreter's final collections skip them (they
    # walked Dagster's heap for 0.5-1.1 s after every run); the operating system frees the memory.
    gc.freeze()
    sys.exit(status)
