"""Benchmark the nightly ingestion end to end: ``python3 tasks.py bench [--sizes 20000 100000]`` (sets up the
project's environment, then runs this script in it).

Scenarios (issue 5 targets in brackets), each a real ``python -m pipelines run`` in a subprocess:
  full-N        N synthetic reports into an empty warehouse, ingest job   [20k: <= 40 s, 100k: <= 180 s, RSS <= 2 GB]
                (the corpus's files are first evicted from the page cache: read from the disk, as at night)
  analytics-N   then the analytics job alone (Parquet export, charts of the new warehouse)
  add-20        20 new files into the 20k warehouse, ingest job           [<= 15 s]
  nothing-new   a whole run (both jobs) with nothing new on the 20k warehouse  [<= 10 s]
  *-dagster-home  the same small runs with a persistent DAGSTER_HOME, as the nightly runs have (the others use a
                temporary in-memory Dagster instance): new-dagster-home creates its databases (nothing new to
                load), then nothing-new-dagster-home, then add-20-dagster-home (20 other new files)
  daemon runs   last, runs with nothing new started by dagster-daemon (benchmarks/daemon_runs.py): its table is
                printed as that script prints it, and kept in results.json
The ingest job ends when the new warehouse is published (what the nightly run and analysts wait for); the
analytics job is started after it by the analytics_after_publish sensor.
Prints reports/s, wall time, peak RSS (sum over the run's process tree, sampled every 250 ms by a
lowest-priority thread, so that measuring does not take CPU from the run) and the
seconds per pipeline step; writes benchmarks/out/results.json.

This shared machine runs the same work up to twice as fast in one hour as in another, so the runner also times a
fixed plain-Python loop (30 million additions) before the first scenario and after the last: a rough gauge of
the machine's speed while the figures were taken (~2.5 s fast, 4-5 s slow).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"


def _tree_rss_bytes(session_id: int) -> int:
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            if int(fields[3]) != session_id:  # field 6 of /proc/pid/stat: session id
                continue
            with open(f"/proc/{entry.name}/status", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError, IndexError):
            continue
    return total


def run_pipeline(raw: Path, warehouse: Path, label: str, *extra: str, dagster_home: Path | None = None) -> dict:
    """One ``python -m pipelines run``; Dagster records it in a temporary in-memory instance unless
    ``dagster_home`` is given (a persistent one, SQLite, as the nightly runs use)."""
    timings = OUT / f"timings-{label}.json"
    env = {**os.environ, "OGI_RAW_DIR": str(raw), "OGI_WAREHOUSE": str(warehouse)}
    env.pop("DAGSTER_HOME", None)
    if dagster_home is not None:
        env["DAGSTER_HOME"] = str(dagster_home)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "pipelines", "run", "--timings", str(timings), *extra], cwd=ROOT,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        # Scanning /proc every 20 ms took ~15 s of CPU from a 70 s run on two cores; every 250 ms, at the
        # lowest priority, it costs under 1 %. The pipeline's memory peaks last seconds (DuckDB steps).
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        while not stop.is_set():
            peak = max(peak, _tree_rss_bytes(process.pid))
            time.sleep(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{label}: pipeline failed: {stderr.decode(errors='replace')[-1500:]}")
    steps = json.loads(timings.read_text()) if timings.exists() else {}
    return {"scenario": label, "wall_s": round(wall, 2), "peak_rss_mb": round(peak / 2**20),
            "summary": stdout.decode().strip().splitlines()[-1], "steps_s": steps}


# Module-level code, so that the loop's variables are globals, as in the gauge the README's earlier runs quote.
_GAUGE = "import time\nstarted = time.perf_counter()\ns = 0\nfor i in range(30_000_000):\n    s += i\nprint(time.perf_counter() - started)"


def speed_gauge() -> float:
    """Seconds a plain Python loop of 30 million additions takes: how fast this machine runs right now."""
    completed = subprocess.run([sys.executable, "-c", _GAUGE], capture_output=True, text=True, check=True)
    return round(float(completed.stdout), 2)


def ensure_corpus(count: int, seed: int = 1) -> Path:
    from ogi.synth import write_corpus

    folder = OUT / f"corpus-{count}"
    marker = folder / ".complete"
    # A corpus written by another version of the generator is written again.
    digest = hashlib.sha256(f"{count}/{seed}".encode())
    for source in sorted((ROOT / "ogi" / "synth").glob("*.py")):
        digest.update(source.read_bytes())
    if not marker.exists() or marker.read_text() != digest.hexdigest():
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(folder / "raw", count, seed=seed)
        marker.write_text(digest.hexdigest())
    remove_added_files(folder / "raw")  # left by a runner that was killed before it could remove them
    return folder / "raw"


def evict_from_page_cache(raw: Path) -> int:
    """Drop the corpus's files from the page cache (posix_fadvise DONTNEED; no privileges needed), so that a
    full load reads them from the disk, as a nightly run does: this machine's page cache does not keep files for
    hours, while a corpus just generated or read by the previous scenario would be read from memory. Returns
    how many files were evicted (0 where the call does not exist)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return 0
    evicted = 0
    for path in raw.iterdir():
        if not path.is_file():
            continue
        descriptor = os.open(path, os.O_RDONLY)
        try:
            advise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
            evicted += 1
        finally:
            os.close(descriptor)
    return evicted


def add_files(raw: Path, extra: Path, seed: int) -> None:
    """20 new synthetic reports (``seed``: which 20) copied into the corpus as added-*.txt."""
    from ogi.synth import write_corpus

    shutil.rmtree(extra, ignore_errors=True)
    write_corpus(extra, 20, seed=seed)
    for path in extra.iterdir():
        if path.suffix == ".txt":
            shutil.copy(path, raw / f"added-{path.name}")


def remove_added_files(raw: Path) -> None:
    """Leave the corpus as generated (the warehouse keeps the added reports: a removed file keeps its report)."""
    for path in raw.glob("added-*"):
        path.unlink()


def persistent_instance_runs(raw: Path, warehouse: Path, extra: Path) -> list[dict]:
    """The nightly run's case: Dagster records runs in a persistent DAGSTER_HOME (SQLite, the project's
    dagster.yaml), which costs more per run than the temporary in-memory instance of the other scenarios. The
    first run creates the instance's databases; the next two are a run with nothing new and one with 20 new files."""
    from daemon_runs import new_dagster_home  # its neighbour in benchmarks/ (both are run as scripts)

    home = new_dagster_home(OUT / "dagster-home")
    results = [run_pipeline(raw, warehouse, "new-dagster-home", dagster_home=home),
               run_pipeline(raw, warehouse, "nothing-new-dagster-home", dagster_home=home)]
    try:
        add_files(raw, extra, seed=98)
        results.append(run_pipeline(raw, warehouse, "add-20-dagster-home", "--skip-analytics", dagster_home=home))
    finally:
        remove_added_files(raw)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 100000])
    args = parser.parse_args()
    try:
        import dagster  # noqa: F401  (the pipeline runs in this interpreter's environment)
    except ImportError:
        sys.exit("benchmarks/run.py: this Python lacks the project's packages; run python3 tasks.py bench")
    OUT.mkdir(parents=True, exist_ok=True)
    corpora = {size: ensure_corpus(size) for size in args.sizes}  # first: the gauge is taken just before the runs
    gauge_before = speed_gauge()
    results = []
    for size in args.sizes:
        raw = corpora[size]
        reports = sum(1 for p in raw.iterdir() if not p.name.startswith("."))
        workdir = OUT / f"warehouse-{size}"
        shutil.rmtree(workdir, ignore_errors=True)
        warehouse = workdir / "ogi.duckdb"
        evicted = evict_from_page_cache(raw)
        result = run_pipeline(raw, warehouse, f"full-{size}", "--skip-analytics")
        result["reports_per_s"] = round(reports / result["wall_s"], 1)
        result["files_evicted_from_page_cache"] = evicted
        results.append(result)
        results.append(run_pipeline(raw, warehouse, f"analytics-{size}"))  # export + charts of that warehouse
        if size == min(args.sizes):
            extra = OUT / "extra-20"
            try:
                add_files(raw, extra, seed=99)
                results.append(run_pipeline(raw, warehouse, "add-20", "--skip-analytics"))
                results.append(run_pipeline(raw, warehouse, "analytics-after-add-20"))
            finally:
                remove_added_files(raw)
            results.append(run_pipeline(raw, warehouse, "nothing-new"))
            results.extend(persistent_instance_runs(raw, warehouse, extra))
    # Last: runs with nothing new as the daemon starts them, on the smallest warehouse (benchmarks/daemon_runs.py).
    # Its table is printed as it ends; should it fail, the other results are still written.
    daemon_json = OUT / "daemon-runs.json"
    daemon_json.unlink(missing_ok=True)
    daemon = subprocess.run([sys.executable, ROOT / "benchmarks" / "daemon_runs.py", "--size", str(min(args.sizes)),
                             "--json", daemon_json], cwd=ROOT)
    daemon_runs = json.loads(daemon_json.read_text()) if daemon.returncode == 0 else None
    if daemon_runs is None:
        print("benchmarks/run.py: the daemon runs failed (see above); results.json has the others", file=sys.stderr)
    machine = {"python": platform.python_version(), "cpus": os.cpu_count(), "machine": platform.machine(),
               "system": platform.platform(), "speed_gauge_s": [gauge_before, speed_gauge()]}
    (OUT / "results.json").write_text(json.dumps({"machine": machine, "results": results, "daemon_runs": daemon_runs},
                                                 indent=2))
    print(f"machine: {machine} (speed_gauge_s: a 30-million-addition Python loop before and after)")
    print("| scenario | wall (s) | reports/s | peak RSS (MB) |")
    print("|---|---:|---:|---:|")
    for r in results:
        print(f"| {r['scenario']} | {r['wall_s']} | {r.get('reports_per_s', '')} | {r['peak_rss_mb']} |")
    for r in results:
        top = sorted(r["steps_s"].items(), key=lambda kv: -kv[1])[:6]
        print(f"{r['scenario']}: slowest steps {top}")


if __name__ == "__main__":
    main()
