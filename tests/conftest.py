"""Shared test fixtures: the sample corpus and its hand-read expected values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW_SAMPLES = ROOT / "data" / "raw"
# The hand-read expected values live in shared/ beside the repository; a copy ships in tests/data.
EXPECTED_DIRS = (ROOT.parent / "shared" / "seeds" / "expected", ROOT / "tests" / "data" / "expected")


def expected_dir() -> Path:
    for directory in EXPECTED_DIRS:
        if directory.is_dir() and any(directory.glob("*.json")):
            return directory
    raise FileNotFoundError("no expected/*.json found")


def load_expected() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(expected_dir().glob("*.json"))]


@pytest.fixture(scope="session")
def expected_reports() -> list[dict]:
    return load_expected()
