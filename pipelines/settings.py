"""Environment defaults, so a fresh clone runs with no configuration (README: Configuration)."""

from __future__ import annotations

import os
import re

DEFAULTS = {
    "OGI_RAW_DIR": "data/raw",
    "OGI_WAREHOUSE": "data/warehouse/ogi.duckdb",
    "OGI_WORK_DIR": "",
    "OGI_WORKERS": "0",
}
POOL = "ogi_warehouse"  # one run at a time writes the warehouse (dagster.yaml limits this pool to 1)


_MEMORY = re.compile(r"^\s*\d+(?:\.\d+)?\s*(?:[KMGT]i?B|B|bytes)\s*$", re.I)


def apply_defaults() -> None:
    """Fill in unset or empty settings (an empty OGI_RAW_DIR must not mean "the current folder") and refuse
    malformed ones with a sentence that names the variable."""
    for key, value in DEFAULTS.items():
        if not os.environ.get(key, "").strip():
            os.environ[key] = value
    workers = os.environ["OGI_WORKERS"].strip()
    if not workers.isdigit():
        raise ValueError(f"OGI_WORKERS must be a whole number of parse processes (0 = one per core), not {workers!r}")
    memory = os.environ.get("OGI_DUCKDB_MEMORY_LIMIT")
    if memory is not None and not _MEMORY.match(memory):
        raise ValueError(f"OGI_DUCKDB_MEMORY_LIMIT must be an amount such as 1GB or 512MB, not {memory!r}")
