"""Publish the work database as the analysts' warehouse file, atomically.

DuckDB allows one writer per file and a writer locks out even read-only readers, so analysts never open
the file the pipeline writes. After each successful run the work database is checkpointed, copied next
to ``OGI_WAREHOUSE`` and renamed over it (``os.replace`` is atomic on POSIX). A reader that already has
the old file open keeps reading the old, complete state; a new connection sees the new, complete state;
nobody sees a mix, and nobody waits for a lock.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ogi.warehouse.store import WarehousePaths

_PUBLISHED_MARK = "published_generation"


def published_generation(paths: WarehousePaths) -> int | None:
    mark = paths.work_dir / _PUBLISHED_MARK
    if not paths.warehouse.exists() or not mark.exists():
        return None
    try:
        return int(mark.read_text().strip())
    except ValueError:
        return None


def publish(paths: WarehousePaths, generation: int) -> bool:
    """Copy the (closed, checkpointed) work database over the warehouse; False when already current."""
    if published_generation(paths) == generation:
        return False
    paths.warehouse.parent.mkdir(parents=True, exist_ok=True)
    for stale in paths.warehouse.parent.glob(f".{paths.warehouse.name}.*.tmp"):  # left by a killed run
        stale.unlink(missing_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{paths.warehouse.name}.", suffix=".tmp", dir=paths.warehouse.parent)
    os.close(handle)
    try:
        shutil.copyfile(paths.work_db, temporary)
        with open(temporary, "rb+") as copied:
            os.fsync(copied.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, paths.warehouse)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_dir(paths.warehouse.parent)
    (paths.work_dir / _PUBLISHED_MARK).write_text(str(generation))
    return True


def _fsync_dir(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
