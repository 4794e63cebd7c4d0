"""Parse many files on all cores, chunk by chunk, so memory stays bounded by the chunk size."""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ogi.ingest.frames import ChunkFrames
from ogi.ingest.worker import FileJob, parse_chunk

CHUNK_FILES = 250
IN_PROCESS_BELOW = 300  # starting worker processes costs more than parsing a few hundred files


def default_workers() -> int:
    """OGI_WORKERS, or one process per core when it is unset or 0."""
    configured = int(os.environ.get("OGI_WORKERS") or 0)
    if configured > 0:
        return configured
    return max(1, min(os.cpu_count() or 1, 8))


def parse_files(jobs: list[FileJob], workers: int | None = None) -> Iterator[ChunkFrames]:
    """Yield one ChunkFrames per chunk of files, in file order."""
    chunks = [jobs[i : i + CHUNK_FILES] for i in range(0, len(jobs), CHUNK_FILES)]
    workers = workers or default_workers()
    if workers == 1 or len(jobs) < IN_PROCESS_BELOW:
        for chunk in chunks:
            yield parse_chunk(chunk)
        return
    # spawn, not fork: the parent may hold DuckDB and Dagster threads that must not be forked.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # At most two chunks per worker in flight: results wait in memory until they are staged, so an
        # unbounded map would hold the whole corpus's rows when staging is slower than parsing.
        in_flight: deque[Future[ChunkFrames]] = deque()
        pending = iter(chunks)
        for chunk in itertools.islice(pending, 2 * workers):
            in_flight.append(pool.submit(parse_chunk, chunk))
        while in_flight:
            frames = in_flight.popleft().result()
            for chunk in itertools.islice(pending, 1):
                in_flight.append(pool.submit(parse_chunk, chunk))
            yield frames
