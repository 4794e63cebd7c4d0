"""Environment defaults, so a fresh clone runs with no configuration (README: Configuration)."""

from __future__ import annotations

import os

DEFAULTS = {
    "OGI_RAW_DIR": "data/raw",
    "OGI_WAREHOUSE": "data/warehouse/ogi.duckdb",
    "OGI_WORK_DIR": "",
    "OGI_WORKERS": "0",
}
POOL = "ogi_warehouse"  # one run at a time writes the warehouse (dagster.yaml limits this pool to 1)


def apply_defaults() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
