"""Parse many files on all cores, chunk by chunk; each chunk's rows go to the spool, so memory stays
bounded by the chunk size and the parent only adds up counts."""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import multiprocessing.forkserver
import os
import queue
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from ogi.agency.data import gazetteer
from ogi.ingest.spool import ChunkSummary, spool_chunk
from ogi.ingest.worker import FileJob

# Each chunk is a share of the files left (guided self-scheduling). Large ones while much is left: classifying
# and writing a chunk (a polars join, seven Parquet files) cost 0.16 ms a report in chunks of 250 files and 0.10
# in chunks of 1,000 (3,000 reports, one process). Smaller ones towards the end, so that no worker idles long
# while another finishes its last chunk.
CHUNK_FILES = 1000  # the most files a chunk holds
MIN_CHUNK_FILES = 250  # the fewest, but for the last chunk of each worker
IN_PROCESS_BELOW = 300  # starting worker processes costs more than parsing a few hundred files
# Workers are forked from a fork server that has imported the parser and built the division tables once
# (ogi/ingest/preload.py): a worker is ready at once instead of ~1 s after it is started. Not plain fork: the
# parent may hold DuckDB and Dagster threads, which must not be forked.
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["ogi.ingest.preload"])
# A collection of the youngest objects every 700 allocations (the default) is several hundred collections a
# chunk; the parse makes no cycles worth finding sooner.
_WORKER_GC_THRESHOLD = 20_000


def default_workers() -> int:
    """OGI_WORKERS, or one process per core when it is unset or 0."""
    configured = int(os.environ.get("OGI_WORKERS") or 0)
    if configured > 0:
        return configured
    return max(1, min(os.cpu_count() or 1, 8))


def start_workers_early(files_to_parse: int) -> bool:
    """Start the fork server now if parsing that many files will use worker processes: planning calls this as
    soon as it knows, so that the server loads the parser on the idle core while the plan is staged. (A run
    with little or nothing to parse starts no server: it would hold ~100 MB for nothing.) True when started."""
    if files_to_parse < IN_PROCESS_BELOW or default_workers() == 1:
        return False
    multiprocessing.forkserver.ensure_running()
    return True


def start_workers_for_first_load(work_db: Path, raw_dir: Path) -> bool:
    """Start the fork server at once when there is no work database yet and the raw folder holds enough files
    to parse on worker processes: a first load parses everything, and the server then loads the parser while
    Dagster starts (~2 s) rather than while the raw folder is planned. True when it was started."""
    return not work_db.exists() and start_workers_early(_count_files(raw_dir, IN_PROCESS_BELOW))


def _count_files(folder: Path, enough: int) -> int:
    """Entries that are not folders, up to ``enough`` (a hint: the scan proper decides what is read)."""
    count = 0
    pending = [str(folder)]
    while pending and count < enough:
        try:
            with os.scandir(pending.pop()) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                    else:
                        count += 1
        except OSError:
            continue  # the scan reports what cannot be listed
    return count


def _prepare_worker() -> None:
    """Load the division tables before the first chunk (the fork server has, normally), then exempt everything
    loaded so far (modules, the tables) from the cycle collector's full collections: it lives as long as the
    worker."""
    gazetteer()
    gc.freeze()
    gc.set_threshold(_WORKER_GC_THRESHOLD)


def _spool_chunk_in_worker(jobs: list[FileJob], spool: Path, chunk: int) -> ChunkSummary:
    """spool_chunk, then the chunk's survivors (the memos' new entries, mostly) frozen out of the cycle
    collector's later passes, after a collection of the young objects so that no cyclic garbage is frozen with
    them: otherwise its older generations' collections walk every memo entry again and again (3.3 % of a
    worker's samples under perf, 0.4 % frozen; 0.6-3.9 % less CPU per report in four pairs of side-by-side runs)."""
    summary = spool_chunk(jobs, spool, chunk)
    gc.collect(1)
    gc.freeze()
    return summary


class ReadAhead:
    """Asks the kernel to read the files of each chunk given to the workers (posix_fadvise WILLNEED), from a
    thread of the otherwise idle parent, so that a worker finds its next files in the page cache instead of
    waiting on the disk for each. This machine's page cache does not keep files for hours: a corpus not read
    since cost the parse step 20.2 and 22.6 s at 20,000 reports, against 12.9 and 12.2 s with it (cached:
    13.5-15.0 s either way; asking costs ~8 µs a file). It asks for a chunk when the chunk is submitted, so
    the cache holds at most the chunks in flight."""

    def __init__(self) -> None:
        self._chunks: queue.SimpleQueue[list[FileJob] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="ogi-read-ahead", daemon=True)

    def __enter__(self) -> ReadAhead:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._chunks.put(None)
        self._thread.join()

    def add(self, chunk: list[FileJob]) -> None:
        self._chunks.put(chunk)

    def _run(self) -> None:
        advise = getattr(os, "posix_fadvise", None)
        while (chunk := self._chunks.get()) is not None:
            if advise is None:  # not on macOS or Windows: the workers just read
                continue
            for job in chunk:
                try:
                    descriptor = os.open(job.path, os.O_RDONLY)
                except OSError:
                    continue  # the worker reports what it cannot read
                try:
                    advise(descriptor, 0, 0, os.POSIX_FADV_WILLNEED)
                except OSError:
                    pass  # a file system that cannot read ahead: the worker reads the file all the same
                finally:
                    os.close(descriptor)


def split_into_chunks(jobs: list[FileJob], workers: int) -> list[list[FileJob]]:
    """Consecutive chunks in file order: CHUNK_FILES each while much is left, then half of each worker's share
    of what is left, down to MIN_CHUNK_FILES; the last few hundred files are shared equally between the workers."""
    chunks: list[list[FileJob]] = []
    start = 0
    while start < len(jobs):
        left = len(jobs) - start
        if left <= workers * MIN_CHUNK_FILES:
            last = min(CHUNK_FILES, -(-left // workers))
            chunks.extend(jobs[at : at + last] for at in range(start, len(jobs), last))
            break
        size = min(CHUNK_FILES, max(MIN_CHUNK_FILES, left // (2 * workers)))
        chunks.append(jobs[start : start + size])
        start += size
    return chunks


def parse_files(jobs: list[FileJob], spool: Path, workers: int | None = None) -> Iterator[ChunkSummary]:
    """Parse ``jobs`` into the spool folder; yield one summary per chunk, in file order."""
    workers = workers or default_workers()
    chunks = split_into_chunks(jobs, workers)
    if workers == 1 or len(jobs) < IN_PROCESS_BELOW:
        for number, chunk in enumerate(chunks):
            yield spool_chunk(chunk, spool, number)
        return
    with ReadAhead() as read_ahead, ProcessPoolExecutor(
            max_workers=workers, mp_context=_CONTEXT, initializer=_prepare_worker) as pool:

        def submit(number: int, chunk: list[FileJob]) -> Future[ChunkSummary]:
            read_ahead.add(chunk)
            return pool.submit(_spool_chunk_in_worker, chunk, spool, number)

        # A bounded window of chunks in flight keeps the parent's bookkeeping small on huge corpora.
        in_flight: deque[Future[ChunkSummary]] = deque()
        pending = iter(enumerate(chunks))
        for number, chunk in itertools.islice(pending, 2 * workers):
            in_flight.append(submit(number, chunk))
        while in_flight:
            summary = in_flight.popleft().result()
            for number, chunk in itertools.islice(pending, 1):
                in_flight.append(submit(number, chunk))
            yield summary
