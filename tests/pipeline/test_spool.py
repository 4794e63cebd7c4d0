"""The parse step's spool: chunks written by workers, loaded into staging at once, idempotently."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import ogi.ingest.parallel
from ogi import PARSER_VERSION
from ogi.ingest.spool import spool_folder
from ogi.ingest.steps import parse_planned, plan_run
from ogi.ingest.worker import FileJob
from ogi.synth import write_corpus
from ogi.warehouse.store import WarehousePaths, commit_batch, connect
from tests.conftest import RAW_SAMPLES

# What each staged table is read from: the staged cells stay in the spool (staged_cells()).
_STAGED = {"files": "staging.files", "reports": "staging.reports", "cells": "staged_cells()",
           "issues": "staging.issues", "agencies": "staging.agencies"}


def _staged(paths: WarehousePaths) -> dict[str, int]:
    with connect(paths) as con:
        return {table: con.sql(f"SELECT count(*) FROM {source}").fetchall()[0][0] for table, source in _STAGED.items()}


@pytest.fixture
def folder_with_copies(tmp_path: Path) -> Path:
    """The samples, then the same bytes again under later names, so that copies fall in later chunks."""
    raw = tmp_path / "raw"
    raw.mkdir()
    samples = sorted(RAW_SAMPLES.glob("*.txt"))
    for sample in samples:
        shutil.copy(sample, raw / f"a_{sample.name}")
        shutil.copy(sample, raw / f"z_{sample.name}")
    return raw


def test_a_copy_in_a_later_chunk_is_a_file_not_a_second_report(
    folder_with_copies: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ogi.ingest.parallel, "CHUNK_FILES", 2)
    paths = WarehousePaths(tmp_path / "wh" / "ogi.duckdb", tmp_path / "wh" / "work")
    samples = len(list(RAW_SAMPLES.glob("*.txt")))
    plan_run(paths, folder_with_copies)
    summary = parse_planned(paths, workers=1)
    assert summary.files_read == 2 * samples
    staged = _staged(paths)
    assert staged["files"] == 2 * samples
    assert staged["reports"] == samples == summary.reports
    with connect(paths) as con:
        # The first name in file order is the report's source; its cells are staged once.
        sources = {row[0] for row in con.sql("SELECT source_path FROM staging.reports").fetchall()}
        doubled = con.sql("SELECT count(*) FROM (SELECT report_id, section, row_key, col_key, article_item "
                          "FROM staged_cells() GROUP BY ALL HAVING count(*) > 1)").fetchall()[0][0]
    assert all(source.startswith("a_") for source in sources)
    assert doubled == 0
    assert staged["cells"] == summary.cells // 2
    # The spool stays until the next parse step (the staged cells are read from it): one file per chunk.
    assert len(list((spool_folder(paths.work_dir) / "cells").glob("0*.parquet"))) == samples


def test_the_next_parse_step_replaces_the_spool_and_nothing_new_stages_nothing(
    folder_with_copies: Path, tmp_path: Path
) -> None:
    paths = WarehousePaths(tmp_path / "wh" / "ogi.duckdb", tmp_path / "wh" / "work")
    plan_run(paths, folder_with_copies)
    parse_planned(paths, workers=1)
    with connect(paths) as con:
        commit_batch(con, PARSER_VERSION)
    plan_run(paths, folder_with_copies)  # nothing new
    summary = parse_planned(paths, workers=1)
    assert summary.files_read == 0
    assert _staged(paths) == dict.fromkeys(_STAGED, 0)
    assert not list((spool_folder(paths.work_dir) / "cells").glob("0*.parquet"))


def test_running_the_parse_step_again_stages_the_same_rows(folder_with_copies: Path, tmp_path: Path) -> None:
    paths = WarehousePaths(tmp_path / "wh" / "ogi.duckdb", tmp_path / "wh" / "work")
    (folder_with_copies / "empty.txt").write_bytes(b"")
    plan_run(paths, folder_with_copies)
    parse_planned(paths, workers=1)
    first = _staged(paths)
    parse_planned(paths, workers=1)  # an operator re-running the failed or interrupted stage from the UI
    assert _staged(paths) == first
    assert first["issues"] > 0


def test_worker_processes_stage_what_one_process_stages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The process pool (spawned workers writing the spool themselves, the parent reading their files ahead)
    gives the same staging as parsing in this process; small chunks make several chunks per worker."""
    raw = tmp_path / "raw"
    write_corpus(raw, ogi.ingest.parallel.IN_PROCESS_BELOW + 20, seed=7)
    monkeypatch.setattr(ogi.ingest.parallel, "CHUNK_FILES", 40)

    def staged_rows(workers: int) -> dict[str, list[tuple]]:
        paths = WarehousePaths(tmp_path / f"wh{workers}" / "ogi.duckdb", tmp_path / f"wh{workers}" / "work")
        plan_run(paths, raw)
        parse_planned(paths, workers=workers)
        with connect(paths) as con:
            return {table: con.sql(f"SELECT * FROM {source} ORDER BY ALL").fetchall()
                    for table, source in _STAGED.items()}

    read_ahead: list[str] = []
    add = ogi.ingest.parallel.ReadAhead.add
    monkeypatch.setattr(ogi.ingest.parallel.ReadAhead, "add",
                        lambda self, chunk: (read_ahead.extend(job.source_path for job in chunk), add(self, chunk)))
    pooled, single = staged_rows(2), staged_rows(1)
    assert len(pooled["reports"]) == ogi.ingest.parallel.IN_PROCESS_BELOW + 20
    assert pooled == single
    assert read_ahead == sorted(path.name for path in raw.iterdir())  # every file the workers parsed, once


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no posix_fadvise here: workers read without read-ahead")
def test_each_file_given_to_a_worker_is_read_ahead_once_in_order(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent asks the kernel for every file of every chunk, in the order the chunks were given; a file
    that vanished is left to the worker to report."""
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    jobs = [FileJob(name, str(tmp_path / name), 5, 0) for name in ("a.txt", "gone.txt", "b.txt", "c.txt")]
    advised: list[tuple[str, int]] = []
    advise = os.posix_fadvise

    def recording(descriptor: int, offset: int, length: int, advice: int) -> None:
        advised.append((os.readlink(f"/proc/self/fd/{descriptor}"), advice))
        advise(descriptor, offset, length, advice)

    monkeypatch.setattr(os, "posix_fadvise", recording)
    with ogi.ingest.parallel.ReadAhead() as read_ahead:
        read_ahead.add(jobs[:2])
        read_ahead.add(jobs[2:])
    assert advised == [(str(tmp_path / name), os.POSIX_FADV_WILLNEED) for name in ("a.txt", "b.txt", "c.txt")]


def test_chunks_are_large_while_much_is_left_and_small_at_the_end() -> None:
    """Every file in one chunk, in file order; CHUNK_FILES while much is left, then smaller chunks, so that the
    workers finish together: the last chunk of each worker holds MIN_CHUNK_FILES at most."""
    jobs = [FileJob(f"{number:05d}.txt", f"/raw/{number:05d}.txt", 1, 0) for number in range(20_000)]
    chunks = ogi.ingest.parallel.split_into_chunks(jobs, workers=2)
    assert [job for chunk in chunks for job in chunk] == jobs
    sizes = [len(chunk) for chunk in chunks]
    assert sizes[0] == ogi.ingest.parallel.CHUNK_FILES
    assert sizes == sorted(sizes, reverse=True)
    assert max(sizes[-2:]) <= ogi.ingest.parallel.MIN_CHUNK_FILES
    assert len(chunks) < 20_000 / 500  # far fewer than chunks of MIN_CHUNK_FILES each


def test_a_few_hundred_files_are_shared_between_the_workers() -> None:
    jobs = [FileJob(f"{number}.txt", f"/raw/{number}.txt", 1, 0) for number in range(320)]
    assert [len(chunk) for chunk in ogi.ingest.parallel.split_into_chunks(jobs, workers=2)] == [160, 160]
    assert [len(chunk) for chunk in ogi.ingest.parallel.split_into_chunks(jobs[:30], workers=1)] == [30]
